"""front-matter / expired."""

import datetime as dt

import pytest

from helpcenter.content_rules.rules.front_matter import RULE
from tests.helpers.rules import check, names

GOOD = "---\nid: sample\ntitle: Title\ndescription: Short.\ntags: [account]\nreviewed: 2026-11-20\n{extra}---\n"


def front(**changes):
    text = GOOD.replace("{extra}", changes.pop("extra", ""))
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def test_a_complete_front_matter_passes():
    assert check(RULE, "Body.\n", front=front()) == []


@pytest.mark.parametrize("changes", [
    {"id: sample": "id: other"}, {"id: sample": "id: Sample_1"}, {"tags: [account]": "tags: [nope]"},
    {"tags: [account]": "tags: account"}, {"reviewed: 2026-11-20": "reviewed: 20.11.2026"},
    {"reviewed: 2026-11-20": "reviewed: 2027-01-01"}, {"description: Short.": "description: " + "x" * 161},
    {"title: Title\n": ""}, {"title: Title": "title: TODO"}, {"title: Title": "title: '{{ brand }}'"},
    {"extra": "expires: soon\n"},
])
def test_each_broken_field_fails(changes):
    assert "front-matter" in names(check(RULE, "Body.\n", front=front(**changes)))


def test_expiry_warns_within_30_days_and_fails_after():
    soon = check(RULE, "Body.\n", front=front(extra="expires: 2026-12-10\n"))
    assert [(f.rule, f.level) for f in soon] == [("expired", "warning")]
    late = check(RULE, "Body.\n", front=front(extra=f"expires: {dt.date(2026, 11, 1)}\n"))
    assert [(f.rule, f.level) for f in late] == [("expired", "error")]


def test_index_pages_need_title_and_description_only():
    assert check(RULE, "Body.\n", rel="account/index.md", front="---\ntitle: T\ndescription: D\n---\n") == []
    assert check(RULE, "# Home\n", rel="index.md", front="---\ndescription: D\n---\n") == []
