"""translation-missing / id-pairs / anchor-parity / admonition-parity / link-parity /
reusable-parity: every page and reusable exists in every language, with the same id and the same
structure as the default language's copy."""

from __future__ import annotations

from pathlib import Path

from helpcenter.content_rules.markdown import structure
from helpcenter.content_rules.model import Context, Finding, Rule

PARITY = (("anchors", "anchor-parity"), ("admonitions", "admonition-parity"),
          ("links", "link-parity"), ("reusables", "reusable-parity"))


def check(corpus: dict, ctx: Context):
    """corpus: "docs" and "reusables", each (pages by language and path, paths on disk by language)."""
    pages, on_disk = corpus["docs"]
    yield from _docs(pages, on_disk, list(pages))
    reusables, names = corpus["reusables"]
    for lang in names:
        for other in names:
            for name in sorted(names[lang] - names[other]):
                yield Finding(Path("reusables") / lang / name, 1, "translation-missing",
                              f"no {other} version; expected reusables/{other}/{name}")


def _docs(pages: dict, on_disk: dict, langs: list[str]):
    first = langs[0]
    for rel in sorted(set().union(*(pages[lang] for lang in langs))):
        here = [lang for lang in langs if rel in pages[lang]]
        for lang in langs:
            if lang not in here and rel not in on_disk[lang]:
                yield Finding(pages[here[0]][rel].path, 1, "translation-missing",
                              f"no {lang} version of {rel}; expected docs/{lang}/{rel}")
        if first not in here:
            continue
        a = pages[first][rel]
        for second in [lang for lang in langs[1:] if lang in here]:
            b = pages[second][rel]
            if a.meta.get("id") != b.meta.get("id"):
                yield Finding(b.path, 1, "id-pairs", f"id {b.meta.get('id')!r} differs from {a.path}'s {a.meta.get('id')!r}")
            sa, sb = structure(a), structure(b)
            for key, rule in PARITY:
                if sa[key] != sb[key]:
                    only_a = [x for x in sa[key] if x not in sb[key]]
                    only_b = [x for x in sb[key] if x not in sa[key]]
                    detail = (f"only in {first}: {only_a}; only in {second}: {only_b}" if only_a or only_b
                              else f"same {key} in a different order: {first} {sa[key]} vs {second} {sb[key]}")
                    yield Finding(b.path, 1, rule, f"{key} differ from {a.path}: {detail}")
    ids: dict[tuple[str, str], Path] = {}
    for lang in langs:
        for page in pages[lang].values():
            ident = page.meta.get("id")
            if ident:
                if (lang, ident) in ids:
                    yield Finding(page.path, 1, "id-pairs", f"id {ident!r} is also used by {ids[(lang, ident)]}")
                ids[(lang, ident)] = page.path


RULE = Rule(("translation-missing", "id-pairs", "anchor-parity", "admonition-parity", "link-parity", "reusable-parity"),
            "Every page and reusable exists in every language with the same id, anchors, admonitions, links and "
            "reusables, in the same order.", pages=check)
