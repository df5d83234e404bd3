"""empty-section: a heading followed by nothing, or straight by a heading of its level or higher."""

from __future__ import annotations

from helpcenter.content_rules.model import Context, Finding, Page, Rule


def check(page: Page, ctx: Context):
    levels = {h.line: h.level for h in page.headings}
    last = page.body_start + len(page.lines) - 1
    for h in page.headings:
        n = h.line + 1
        while n <= last and not page.lines[n - page.body_start].strip():
            n += 1
        if n > last or levels.get(n, 7) <= h.level:
            yield Finding(page.path, h.line, "empty-section", f"heading '{h.title}' has no body text")


RULE = Rule(("empty-section",), "Every heading has body text before the next heading of its level.", page=check)
