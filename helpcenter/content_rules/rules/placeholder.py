"""placeholder: TODO, TBD, xxx, lorem ipsum, 待补充 ... left in a page."""

from __future__ import annotations

from helpcenter.content_rules.common import PLACEHOLDER, text_lines
from helpcenter.content_rules.model import Context, Finding, Page, Rule


def check(page: Page, ctx: Context):
    for n, text in text_lines(page):
        m = PLACEHOLDER.search(text)
        if m:
            yield Finding(page.path, n, "placeholder", f"placeholder text {m.group(0)!r}; write the real content")


RULE = Rule(("placeholder",), "No placeholder text (TODO, TBD, xxx, 待补充) outside code.",
            page=check, kinds=frozenset({"article", "index", "home", "reusable"}))
