"""front-matter / expired: the fields every page needs, and content past its re-check date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpcenter.content_rules.common import ANCHOR, MACRO, PLACEHOLDER
from helpcenter.content_rules.model import Context, Finding, Page, Rule

DESCRIPTION_MAX = 160
EXPIRY_WARNING_DAYS = 30


def check(page: Page, ctx: Context):
    def bad(msg):
        return Finding(page.path, 1, "front-matter", msg)

    meta = page.meta
    if page.is_article:
        required = ("id", "title", "description", "tags", "reviewed")
    else:  # the home page takes its title from its H1 so that <title> is the site name alone
        required = ("description",) if page.kind == "home" else ("title", "description")
    for key in required:
        if meta.get(key) in (None, "", []):
            yield bad(f"missing '{key}'")
    for key in ("title", "description"):
        if isinstance(meta.get(key), str) and PLACEHOLDER.search(meta[key]):
            yield bad(f"'{key}' still holds placeholder text: {meta[key]!r}")
    title, description = meta.get("title"), meta.get("description")
    if isinstance(title, str) and MACRO.search(title):
        yield bad("'title' contains a macro; front matter is not rendered, write the title plainly")
    if isinstance(description, str):
        if len(description) > DESCRIPTION_MAX:
            yield bad(f"'description' is {len(description)} characters; expected at most {DESCRIPTION_MAX}")
        if MACRO.search(description):
            yield bad("'description' contains a macro; front matter is not rendered")
    if not page.is_article:
        return
    ident = meta.get("id")
    stem = Path(page.rel).stem
    if ident and ident != stem:
        yield bad(f"'id' is {ident!r} but the file is {stem}.md; expected the id to be the file name")
    if ident and not ANCHOR.match(str(ident)):
        yield bad(f"'id' {ident!r} is not lowercase kebab-case")
    tags = meta.get("tags")
    if tags and not isinstance(tags, list):
        yield bad("'tags' must be a list")
    elif tags:
        unknown = [t for t in tags if t not in ctx.tags]
        if unknown:
            yield bad(f"unknown tag(s) {unknown}; expected tags from data/tags.yml")
    yield from _dates(page, ctx.today, bad)


def _dates(page: Page, today: dt.date, bad):
    expires = page.meta.get("expires")
    if expires not in (None, ""):
        if not isinstance(expires, dt.date):
            yield bad(f"'expires' is {expires!r}; expected a date written YYYY-MM-DD")
        elif expires < today:
            yield Finding(page.path, 1, "expired", f"content marked to re-check by {expires} has expired; "
                          "check the facts, then update 'reviewed' and move or remove 'expires'")
        elif (expires - today).days <= EXPIRY_WARNING_DAYS:
            yield Finding(page.path, 1, "expired", f"expires on {expires} ({(expires - today).days} days): "
                          "re-check fees, limits or notices before then", level="warning")
    reviewed = page.meta.get("reviewed")
    if reviewed not in (None, ""):
        if not isinstance(reviewed, dt.date):
            yield bad(f"'reviewed' is {reviewed!r}; expected a date written YYYY-MM-DD")
        elif reviewed > today:
            yield bad(f"'reviewed' {reviewed} is in the future")


RULE = Rule(("front-matter", "expired"),
            "Front matter holds id (the file name), title, description (at most 160 characters, no macro), "
            "known tags and dates written YYYY-MM-DD; 'expires' warns 30 days ahead and fails after.",
            page=check)
