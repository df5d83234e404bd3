"""Every text that reaches a page, read from its file with its line: the Markdown pages and
reusables, and the texts of data files (announcements, playbook steps, the registry's free-text
fields, template strings, the checker's strings, tag names) and of the nav.

YAML files are read with yaml.compose (nodes carry their line; nothing is constructed, so the
mkdocs.yml tags need no constructor), through libyaml where PyYAML has it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import yaml

from helpcenter import datafile
from helpcenter.content_rules.markdown import parse
from helpcenter.content_rules.model import Finding, Page, Snippet

# Registry fields that ARE the contact values, or codes, or where a fact was checked (a source
# page, never shown as text): what the registry validates itself and the macros print. Every other
# string of the registry is free text that reaches a page. A key ending in _url is a URL too.
REGISTRY_VALUES = {"id", "number", "address", "domain", "handle", "url", "phone", "callback_ui", "app_ui",
                   "outbound_calls", "unit", "default_region", "services", "languages", "source", "sources"}
# The playbook's placeholders, as the macros they stand for (helpcenter/playbook.py resolves them).
PLAYBOOK_AS_MACRO = (
    (re.compile(r"\{(ui|authority|email|phone):([\w-]+)\}"), r'{{ \1("\2") }}'),
    (re.compile(r"\{brand\}"), "{{ brand }}"),
    (re.compile(r"\{app\}"), "{{ app_name() }}"),
    (re.compile(r"\{txid\}"), "{{ txid_example() }}"),
    (re.compile(r"\{page:([^{}\s]+)\}"), r"\1"),
)
# The data files whose strings reach pages, and the fields of each that do not.
DATA_FILES = (("status", "data/status.yml", {"id", "severity", "start", "end", "active"}),
              ("playbook", "data/playbook.yml", {"id"}),
              ("ui", "data/ui.yml", set()),
              ("channel-check", "data/channel-check.yml", set()),
              ("tags", "data/tags.yml", set()))


def pages(root: Path, langs: list[str], folder: str) -> tuple[dict, dict, list[Finding]]:
    """Pages of docs/ or reusables/ by language: (readable pages, every path on disk, findings)."""
    found: dict[str, dict[str, Page]] = {lang: {} for lang in langs}
    on_disk: dict[str, set[str]] = {lang: set() for lang in langs}
    problems: list[Finding] = []
    for lang in langs:
        base = root / folder / lang
        for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
            rel = path.relative_to(base).as_posix()
            on_disk[lang].add(rel)
            page, errors = parse(path, lang, rel, path.relative_to(root), reusable=folder == "reusables")
            problems += errors
            if page is not None:
                found[lang][rel] = page
    return found, on_disk, problems


def _is_value(key: str, skip: set[str]) -> bool:
    return key in skip or ("url" in skip and key.endswith("_url"))


def _strings(node, path: tuple, langs: list[str], skip: set[str],
             seen: set[int] | None = None) -> Iterator[tuple[int, tuple, str, str | None]]:
    """(line, key path, text, language) of every string scalar under node. A node reached again
    through an alias is read once: an alias bomb (a few lines that expand to billions) stays small."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and not _is_value(key.value, skip):
                yield from _strings(value, path + (key.value,), langs, skip, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _strings(item, path + (i,), langs, skip, seen)
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value.strip():
        lang = next((p for p in reversed(path) if p in langs), None)
        yield node.start_mark.line + 1, path, node.value, lang


def _field(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _compose(path: Path, shown: str) -> tuple[yaml.Node | None, list[Finding]]:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=datafile.FAST_SAFE_LOADER), []
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Finding(Path(shown), mark.line + 1 if mark else 1, "data-text",
                              f"cannot be read as YAML: {getattr(exc, 'problem', exc)}")]


def snippets(root: Path, langs: list[str], registry_path: Path) -> tuple[list[Snippet], list[Finding]]:
    out: list[Snippet] = []
    problems: list[Finding] = []
    files = [*DATA_FILES, ("registry", registry_path, REGISTRY_VALUES)]
    for source, rel, skip in files:
        path = root / rel if isinstance(rel, str) else rel
        if not path.is_file():
            continue
        shown = rel if isinstance(rel, str) else _shown(root, path)
        node, errors = _compose(path, shown)
        problems += errors
        for line, where, text, lang in _strings(node, (), langs, skip) if node else ():
            if source == "playbook":
                for pattern, macro in PLAYBOOK_AS_MACRO:
                    text = pattern.sub(macro, text)
            out.append(Snippet(Path(shown), line, lang, text, source, _field(where)))
    out += nav(root)
    return out, problems


def _shown(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def nav(root: Path) -> list[Snippet]:
    """The nav's titles (and their translations) as text, and its targets as "nav-target"."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return []
    node, _ = _compose(path, "mkdocs.yml")
    out: list[Snippet] = []
    if not isinstance(node, yaml.MappingNode):
        return out
    top = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}

    def walk(item, where):
        if isinstance(item, yaml.ScalarNode):
            out.append(Snippet(Path("mkdocs.yml"), item.start_mark.line + 1, None, item.value, "nav-target", where))
        elif isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                out.append(Snippet(Path("mkdocs.yml"), key.start_mark.line + 1, None, key.value, "nav", where))
                walk(value, f"{where}.{key.value}")
        elif isinstance(item, yaml.SequenceNode):
            for i, child in enumerate(item.value):
                walk(child, f"{where}[{i}]")

    if "nav" in top:
        walk(top["nav"], "nav")
    for line, where, text, _ in _strings(top.get("plugins"), ("plugins",), [], set()) if "plugins" in top else ():
        if "nav_translations" in where:
            out.append(Snippet(Path("mkdocs.yml"), line, None, text, "nav", _field(where)))
    return out
