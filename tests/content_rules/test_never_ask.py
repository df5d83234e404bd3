"""never-ask-box."""

from helpcenter.content_rules.rules.never_ask import RULE
from tests.helpers.rules import check


def test_an_article_without_contact_advice_needs_nothing():
    assert check(RULE, "Tap Reset.\n") == []


def test_contact_advice_needs_the_box_and_the_channels_link():
    good = "Contact us through the [official channels](../contact/contact-channels.md).\n\n{{ reusable(\"never-ask\") }}\n"
    assert check(RULE, good) == []
    assert len(check(RULE, "Contact us through the [channels](../contact/contact-channels.md).\n")) == 1
    assert len(check(RULE, "请联系客服。\n\n{{ reusable(\"never-ask\") }}\n", "zh")) == 1


def test_index_pages_are_not_articles():
    assert check(RULE, "Contact us.\n", rel="contact/index.md", front="---\ntitle: T\ndescription: D\n---\n") == []


def test_where_the_box_is_required_is_configuration():
    """data/content-rules.yml never_ask_box: sections and tags; the channels link is always required."""
    from dataclasses import replace

    from helpcenter.content_rules import run
    from tests.helpers.rules import CTX, page

    text = "Contact us through the [official channels](../contact/contact-channels.md).\n"
    ctx = replace(CTX, never_ask_box={"sections": {"contact"}, "tags": {"scams"}})
    assert run([RULE], ctx, [page(text)], [], None) == []
    assert len(run([RULE], ctx, [page(text, rel="contact/sample.md")], [], None)) == 1
    scam = page(text, front="---\nid: sample\ntitle: T\ndescription: D\ntags: [scams]\nreviewed: 2026-11-20\n---\n")
    assert len(run([RULE], ctx, [scam], [], None)) == 1
    assert len(run([RULE], ctx, [page("Contact us.\n")], [], None)) == 1       # no link to the channels
