"""brand-literal: the brand is written {{ brand }}, so a renamed brand changes everywhere at once."""

from __future__ import annotations

from helpcenter.content_rules.common import MACRO, text_lines
from helpcenter.content_rules.model import Context, Finding, Page, Rule, Snippet
from helpcenter.content_rules.rules.contact_detail import DESTINATIONS


def _finding(path, line, ctx: Context, prefix=""):
    return Finding(path, line, "brand-literal", f"{prefix}'{ctx.brand}' typed in body text; write {{{{ brand }}}}")


def check_page(page: Page, ctx: Context):
    for n, text in text_lines(page):
        if ctx.brand in DESTINATIONS.sub(" ", text):
            yield _finding(page.path, n, ctx)


def check_snippet(snippet: Snippet, ctx: Context):
    if ctx.brand in DESTINATIONS.sub(" ", MACRO.sub(" ", snippet.text)):
        yield _finding(snippet.path, snippet.line, ctx, f"{snippet.field}: ")


RULE = Rule(("brand-literal",), "The brand name is never typed; pages write {{ brand }}, the playbook {brand}.",
            page=check_page, kinds=frozenset({"article", "index", "home", "reusable"}),
            snippet=check_snippet, sources=frozenset({"playbook"}))
