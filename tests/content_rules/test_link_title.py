"""link-title."""


from helpcenter.content_rules import run
from helpcenter.content_rules.rules.link_title import RULE
from tests.helpers.rules import CTX, page

TARGET = "---\nid: contact-channels\ntitle: Official support channels\ndescription: D.\ntags: [account]\nreviewed: 2026-11-20\n---\n"


def findings(body: str) -> list[tuple[str, int]]:
    docs = {"en": {"account/sample.md": page(body),
                   "contact/contact-channels.md": page("Text.\n", rel="contact/contact-channels.md", front=TARGET)}}
    corpus = {"docs": (docs, {"en": set(docs["en"])}), "reusables": ({}, {"en": set()})}
    return [(f.rule, f.line) for f in run([RULE], CTX, [], [], corpus)]


def test_the_title_as_link_text_passes():
    assert findings("See [Official support channels](../contact/contact-channels.md).\n") == []


def test_another_name_for_the_article_fails_on_its_line():
    found = findings("Intro.\n\nSee [our channels](../contact/contact-channels.md).\n")
    assert found == [("link-title", 10)]


def test_a_link_to_a_heading_names_the_question_instead():
    assert findings("See [the hotline](../contact/contact-channels.md#hotline).\n") == []


def test_links_to_unknown_pages_and_code_are_left_to_other_checks():
    assert findings("See [x](../nowhere/page.md).\n\n```\n[y](../contact/contact-channels.md)\n```\n") == []
