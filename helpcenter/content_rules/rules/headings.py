"""heading-anchor / h1-in-body / duplicate-anchor: every question is a heading with a stable anchor."""

from __future__ import annotations

from helpcenter.content_rules.common import ANCHOR
from helpcenter.content_rules.model import Context, Finding, Page, Rule


def check(page: Page, ctx: Context):
    seen = set()
    for h in page.headings:
        if h.level == 1 and page.is_article:
            yield Finding(page.path, h.line, "h1-in-body", "articles take their H1 from 'title'; use ## for questions")
        if h.level in (2, 3) and page.is_article:
            if h.anchor is None:
                yield Finding(page.path, h.line, "heading-anchor",
                              f"'{h.title}' has no explicit anchor; add {{#kebab-case-id}} (same in both languages)")
            elif not ANCHOR.match(h.anchor):
                yield Finding(page.path, h.line, "heading-anchor", f"anchor '{h.anchor}' is not ASCII lowercase kebab-case")
        if h.anchor:
            if h.anchor in seen:
                yield Finding(page.path, h.line, "duplicate-anchor", f"anchor '{h.anchor}' is used twice on this page")
            seen.add(h.anchor)


RULE = Rule(("heading-anchor", "h1-in-body", "duplicate-anchor"),
            "Articles have no H1 in the body; every ## and ### has an explicit {#kebab-case} anchor, unique on the page.",
            page=check)
