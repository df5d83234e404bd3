"""empty-section."""

from helpcenter.content_rules.rules.empty_section import RULE
from tests.helpers.rules import check, names


def test_sections_with_text_or_subsections_pass():
    assert check(RULE, "## A {#a}\n\nText.\n\n## B {#b}\n\n### C {#c}\n\nText.\n") == []


def test_a_heading_followed_by_its_level_or_the_end_fails():
    assert names(check(RULE, "## A {#a}\n\n## B {#b}\n\nText.\n")) == ["empty-section"]
    assert names(check(RULE, "## A {#a}\n\nText.\n\n## B {#b}\n\n")) == ["empty-section"]


def test_a_hash_line_in_a_fence_is_body_text_not_a_heading():
    assert check(RULE, "## A {#a}\n\n```\n## not a heading\n```\n") == []
