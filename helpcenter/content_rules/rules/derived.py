"""derived-drift: a derived edition's pages (data/languages.yml derive_from, e.g. docs/zh-hant/)
are exactly what `helpcenter derive` makes of their source today; a hand edit there, or a source
edit not carried over, fails the check and the build."""

from __future__ import annotations

from helpcenter.content_rules.model import Context, Finding, Rule


def check(corpus: dict, ctx: Context):
    for rel, problem in corpus.get("derived") or []:
        yield Finding(rel, 1, "derived-drift", f"{problem}; run `helpcenter derive` (edit the source page, "
                      "never the generated one)")


RULE = Rule(("derived-drift",), "Derived editions are generated from their source: run `helpcenter derive`.",
            pages=check)
