"""keyword-line: a visible list of search words ("也叫：…" / "Also called: …") reads as keyword
stuffing; the customer words live in data/search/vocabulary.<lang>.yml, which search reads."""

from __future__ import annotations

import re

from helpcenter.content_rules.common import text_lines
from helpcenter.content_rules.model import Context, Finding, Page, Rule

KEYWORD_LINE = re.compile(r"^\s*(?:[*_>-]\s*)*(?:也叫|又称|别名|关键词|Also called|Also known as|Keywords)\s*[:：]", re.I)


def check(page: Page, ctx: Context):
    for n, text in text_lines(page):
        if KEYWORD_LINE.match(text):
            yield Finding(page.path, n, "keyword-line", "a visible keyword line; put the customer words in "
                          f"data/search/vocabulary.{page.lang}.yml instead")


RULE = Rule(("keyword-line",), "No visible keyword lines; search words go in data/search/vocabulary.<lang>.yml.", page=check)
