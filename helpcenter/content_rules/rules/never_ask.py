"""never-ask-box: an article that tells readers to contact support links to the official channels
page, and carries the "we never ask" box (where data/content-rules.yml says: never_ask_box)."""

from __future__ import annotations

import re

from helpcenter.content_rules.model import Context, Finding, Page, Rule

CONTACT_MENTION = re.compile(r"contact/contact-channels\.md|contact-channels\.md|联系客服|联系我们|"
                             r"contact (?:our )?support|contact us", re.I)
EXEMPT = {"scams/never-ask.md"}


def check(page: Page, ctx: Context):
    if page.rel in EXEMPT:
        return
    body = "\n".join(page.lines)
    without_reusables = re.sub(r"\{\{\s*reusable\([^)]*\)\s*\}\}", "", body)
    if not CONTACT_MENTION.search(without_reusables):
        return
    if _box_required(page, ctx) and not re.search(r"\{\{\s*reusable\(\s*[\"']never-ask[\"']\s*\)\s*\}\}", body):
        yield Finding(page.path, page.body_start, "never-ask-box",
                      "this article tells readers to contact support; include {{ reusable(\"never-ask\") }}")
    if page.rel != "contact/contact-channels.md" and "contact-channels.md" not in without_reusables:
        yield Finding(page.path, page.body_start, "never-ask-box",
                      "this article tells readers to contact support; link to ../contact/contact-channels.md")


def _box_required(page: Page, ctx: Context) -> bool:
    """data/content-rules.yml never_ask_box: the sections and tags where the box is required
    (where a reader may be dealing with a fake agent); without it, every such article."""
    where = ctx.never_ask_box
    if where is None:
        return True
    return page.rel.split("/")[0] in where.get("sections", set()) or bool(where.get("tags", set()) & set(page.meta.get("tags") or ()))


RULE = Rule(("never-ask-box",), "An article that says to contact support includes the never-ask box and links "
            "to contact/contact-channels.md.", page=check, kinds=frozenset({"article"}))
