"""Derived editions on disk: docs/<lang>/ of a language generated from another (data/languages.yml
derive_from), written by `helpcenter derive` and compared by the content rule `derived-drift` at
every check and build, so an edit to the source that was not carried over fails loudly.

Only the pages are files: reusable blocks and data values of a derived edition are converted when
the site is built (helpcenter/macros.py derive_macros, helpcenter/localized.py derived_values).
"""

from __future__ import annotations

from pathlib import Path

from helpcenter import convert
from helpcenter.layout import Layout

_UNREADABLE: set[Path] = set()   # derived files whose source is not UTF-8 (left alone until it is)
NOTICE = "# Generated from {source} by `helpcenter derive`: edit that file, then run it again.\n"


def generated(text: str, source: str, conv) -> str:
    """A derived page: the converted source, with a notice in its front matter (never shown)."""
    out = conv(text)
    notice = NOTICE.format(source=source)
    if out.startswith("---\n"):
        return "---\n" + notice + out[4:]
    return out


def expected(root: Path, layout: Layout | None = None) -> dict[Path, str]:
    """Every file of every derived edition (relative to root) and the text it must hold."""
    layout = layout or Layout.load()
    out: dict[Path, str] = {}
    unreadable = _UNREADABLE
    unreadable.clear()
    for lang in layout.derived():
        conv = convert.for_language(lang)
        base = root / "docs" / lang.derive_from
        for path in sorted(base.rglob("*.md")):
            rel = path.relative_to(base)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                unreadable.add(Path("docs") / lang.code / rel)
                continue          # the content rules name the source file (rule "encoding")
            out[Path("docs") / lang.code / rel] = generated(text, (Path("docs") / lang.derive_from / rel).as_posix(), conv)
    return out


def drift(root: Path, layout: Layout | None = None) -> list[tuple[Path, str]]:
    """(path, problem) for each derived file that is missing, differs, or has no source any more."""
    layout = layout or Layout.load()
    want = expected(root, layout)
    problems = []
    for rel, text in want.items():
        path = root / rel
        if not path.is_file():
            problems.append((rel, "missing"))
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append((rel, "differs from its source"))
    for lang in layout.derived():
        for path in sorted((root / "docs" / lang.code).rglob("*.md")):
            if path.relative_to(root) not in want and path.relative_to(root) not in _UNREADABLE:
                problems.append((path.relative_to(root), f"has no source in docs/{lang.derive_from}/"))
    return problems


def write(root: Path, layout: Layout | None = None) -> list[Path]:
    """Brings every derived edition in step with its source; returns the files written or removed."""
    layout = layout or Layout.load()
    changed = []
    for rel, problem in drift(root, layout):
        path = root / rel
        if problem.startswith("has no source"):
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(expected_one(root, rel, layout), encoding="utf-8")
        changed.append(rel)
    return changed


def expected_one(root: Path, rel: Path, layout: Layout) -> str:
    lang = layout.language(rel.parts[1])
    source = Path("docs") / lang.derive_from / Path(*rel.parts[2:])
    return generated((root / source).read_text(encoding="utf-8"), source.as_posix(), convert.for_language(lang))
