"""The one way the project reads a YAML data file (data/*.yml, data/search/*.yml, evaluation splits).

YAML can do more than any data file here needs, and some of it costs the build dearly: a 2 KB
file of anchors and aliases expands to gigabytes when walked or printed, a duplicated key silently
replaces the first, a misspelled optional key is silently ignored, and an impossible date
(2026-02-30) ends in a traceback that names no file. So this loader refuses, before building
anything big:

- anchors (`&name`), aliases (`*name`) and merge keys (`<<`): no data file needs them;
- nesting deeper than MAX_DEPTH, files over MAX_BYTES, single texts over MAX_TEXT characters;
- duplicate keys;
- keys the file kind does not declare (helpcenter/datakeys.py), with a "did you mean";
- dates and values YAML cannot construct (2026-02-30, 2026-13-01).

Every refusal is a DataFileError naming the file, the line and the field, and never showing more
than SHOWN characters of the input (`clip`), so a hostile file cannot flood a terminal or a log.
Loaders re-raise it as their own error type; the value checks stay in each loader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from helpcenter import datakeys

# The largest data file today is an evaluation split of about 90 KB; 2 MB leaves ample room
# and still reads in well under a second.
MAX_BYTES = 2_000_000
# The longest text a data file holds today is a few hundred characters (a playbook step).
MAX_TEXT = 4_000
# The deepest data file today nests 6 levels (registry ui_paths steps).
MAX_DEPTH = 24
# How much of a bad value an error message quotes.
SHOWN = 120

MERGE_TAG = "tag:yaml.org,2002:merge"
STANDARD_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class Editions(Protocol):
    """The language editions, as a data file with per-language texts needs them
    (helpcenter/localized.py gives the project's; this module imports no language code)."""

    def codes(self) -> tuple[str, ...]: ...

    def fill(self, mapping: dict, only_languages: bool = False) -> dict: ...


class DataFileError(ValueError):
    """A data file cannot be read safely; the message names file, line and field."""


def clip(value: Any, limit: int = SHOWN) -> str:
    """`value` as text for an error message, cut to `limit` characters with the length said."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


# For the few YAML texts read without this module's checks (front matter, which the content rules
# check themselves; mkdocs.yml): libyaml's safe loader where PyYAML has it.
FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def plain_load(text: str) -> Any:
    """yaml.safe_load through FAST_SAFE_LOADER: no anchor, key or size checks (see `load`)."""
    return yaml.load(text, Loader=FAST_SAFE_LOADER)


class _Refused(Exception):
    def __init__(self, problem: str, mark):
        self.problem, self.mark = problem, mark


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser

    # libyaml's scanner and parser (PyYAML's pure-Python ones were most of every load), under
    # PyYAML's own Python composer, which the checks below extend: CParser's C composer would
    # never call them.
    class _SafeBase(Composer, CParser, SafeConstructor, Resolver):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
else:
    _SafeBase = yaml.SafeLoader


class _Loader(_SafeBase):
    """A safe loader whose composer refuses anchors, aliases and deep nesting as it meets them."""

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(f"an alias (*{clip(event.anchor, 40)}); expected plain values "
                           "(anchors and aliases are not allowed in data files)", event.start_mark)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor is not None:
            raise _Refused(f"an anchor (&{clip(event.anchor, 40)}); expected plain values "
                           "(anchors and aliases are not allowed in data files)", event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep; expected a flatter file",
                               event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load(path: Path | str, keys: Any = datakeys.ANY, *, missing_ok: bool = False, derive: str = "localized",
         editions: Editions | None = None) -> Any:
    """Read and construct one data file, refusing what the module docstring lists.

    `keys` is the file kind's declaration from helpcenter/datakeys.py. A missing file raises
    FileNotFoundError (callers word that themselves), or gives None with `missing_ok`.
    `derive`: which mappings a derived language (data/languages.yml derive_from) gets its value
    in when the file gives none: "localized" (those declared LOCALIZED), "any" (every mapping
    keyed by language codes, for files declared ANY such as data/channel-check.yml) or "none".
    `editions` knows the language codes and fills in derived values; a file with per-language
    texts is read through helpcenter/localized.py, which passes them.
    """
    path = Path(path)
    try:
        text = read_text(path)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise
    return loads(text, path, keys, derive=derive, editions=editions)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """A data file's text (YAML or a plain list such as data/published-urls.txt), refusing a file
    over `max_bytes` or not in UTF-8 with an error that names it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise DataFileError(f"{path}: {size} bytes; expected at most {max_bytes} for a data file")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 (byte {exc.start}); save the file as UTF-8") from None


def loads(text: str, name: Path | str, keys: Any = datakeys.ANY, first_line: int = 1, derive: str = "localized",
          editions: Editions | None = None) -> Any:
    """`load` for text already in memory (`name` is what errors call it; `first_line` is the
    line of the file where `text` starts, for front matter)."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except _Refused as exc:
            raise DataFileError(f"{name}: line {exc.mark.line + first_line}: {exc.problem}") from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = f"line {mark.line + first_line}: " if mark else ""
            raise DataFileError(f"{name}: {line}not valid YAML: {clip(exc.problem or exc.context or '', 200)}") from None
        except yaml.YAMLError as exc:
            raise DataFileError(f"{name}: not valid YAML: {clip(str(exc), 200)}") from None
        except RecursionError:
            raise DataFileError(f"{name}: nested too deeply; expected a flatter file") from None
        if node is None:
            return None
        return _Builder(loader, name, first_line, derive, editions).build(node, "", keys)
    finally:
        loader.dispose()


# ---- reading a declaration (helpcenter/datakeys.py) -----------------------------------------

def unknown_key(keys: Any, key: Any, codes: tuple[str, ...] = ()) -> str | None:
    """None when `key` may be here, else the problem, with the nearest known key(s); `codes` are
    the language codes a LOCALIZED mapping may hold."""
    if isinstance(keys, dict):
        known = list(keys)
    elif keys is datakeys.LOCALIZED:
        known = list(codes)
    else:
        return None
    if key in known:
        return None
    near = suggestions(str(key), known)
    hint = f"did you mean {' or '.join(repr(k) for k in near)}? " if near else ""
    # A long list (ui.yml has dozens of strings) would bury the suggestion: name where it is instead.
    listed = ", ".join(known) if len(known) <= 15 else f"{', '.join(known[:15])}, … ({len(known)} keys, declared in helpcenter/datakeys.py)"
    return f"unknown key {clip(str(key), 60)!r}; {hint}expected one of: {listed}"


def suggestions(word: str, known: list[str]) -> list[str]:
    """The known keys nearest to `word` (one or two typing slips away), nearest first."""
    scored = sorted((_distance(word.lower(), k.lower()), k) for k in known)
    if not scored:
        return []
    best = scored[0][0]
    allowed = 1 if len(word) <= 4 else 2 if len(word) <= 10 else 3
    return [k for d, k in scored if d == best and d <= allowed]


def _distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbours as one slip (optimal string alignment)."""
    if abs(len(a) - len(b)) > 3 or len(a) > 64:
        return 99
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


class _Builder:
    """Turns the composed node tree into Python values, checking keys against the declaration.

    Done here rather than by PyYAML's constructor so that every error knows its field path."""

    def __init__(self, loader: _Loader, name: Path | str, first_line: int, derive: str, editions: Editions | None):
        self.loader, self.name, self.first_line, self.derive = loader, name, first_line, derive
        self.editions = editions

    def codes(self) -> tuple[str, ...]:
        if self.editions is None:
            raise TypeError(f"{self.name} holds per-language texts: read it with helpcenter.localized.load")
        return self.editions.codes()

    def fail(self, node, field: str, problem: str) -> DataFileError:
        where = f"field '{field}': " if field else ""
        return DataFileError(f"{self.name}: line {node.start_mark.line + self.first_line}: {where}{problem}")

    def build(self, node, field: str, keys: Any) -> Any:
        if isinstance(node, ScalarNode):
            return self.scalar(node, field)
        if node.tag not in STANDARD_TAGS:
            raise self.fail(node, field, f"the tag {clip(node.tag, 60)}; expected a plain mapping or list")
        if isinstance(node, SequenceNode):
            item_keys = datakeys.item_keys(keys)
            return [self.build(item, f"{field}[{i}]", item_keys) for i, item in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                raise self.fail(key_node, field, "a merge key (<<); expected plain keys")
            if not isinstance(key_node, ScalarNode):
                raise self.fail(key_node, field, "a list or mapping used as a key; expected a plain key")
            key = self.scalar(key_node, field)
            here = f"{field}.{key}" if field else str(key)
            if key in out:
                raise self.fail(key_node, here, "duplicate key; expected each key once "
                                "(the second would silently replace the first)")
            problem = unknown_key(keys, key, self.codes() if keys is datakeys.LOCALIZED else ())
            if problem:
                raise self.fail(key_node, here, problem)
            out[key] = self.build(value_node, here, datakeys.value_keys(keys, key))
        if (self.derive == "localized" and keys is datakeys.LOCALIZED) or (self.derive == "any" and out):
            if self.editions is None:
                raise TypeError(f"{self.name}: derive={self.derive!r} needs the editions: "
                                "read it with helpcenter.localized.load")
            try:
                return self.editions.fill(out, only_languages=self.derive == "any")
            except ValueError as exc:
                raise self.fail(node, field, str(exc)) from None
        return out

    def scalar(self, node: ScalarNode, field: str) -> Any:
        if len(node.value) > MAX_TEXT:
            raise self.fail(node, field, f"a text of {len(node.value)} characters; expected at most {MAX_TEXT}")
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            what = "a date" if node.tag.endswith(":timestamp") else "a value"
            raise self.fail(node, field, f"{clip(node.value)!s} is not {what} that exists ({clip(str(exc), 80)}); "
                            f"expected {'a real date written YYYY-MM-DD' if what == 'a date' else 'a valid value'}"
                            ) from None
