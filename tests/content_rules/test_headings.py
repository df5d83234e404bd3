"""heading-anchor / h1-in-body / duplicate-anchor, on headings as the parser reads them."""

from helpcenter.content_rules.rules.headings import RULE
from tests.helpers.rules import check, names


def test_anchored_questions_pass():
    assert check(RULE, "## How? {#how}\n\nText.\n\n### Why? {#why}\n\nText.\n") == []


def test_missing_bad_and_repeated_anchors_and_h1_fail():
    assert names(check(RULE, "## How?\n\nText.\n")) == ["heading-anchor"]
    assert names(check(RULE, "## How? {#How_1}\n\nText.\n")) == ["heading-anchor"]
    assert names(check(RULE, "## A {#a}\n\nx\n\n## B {#a}\n\ny\n")) == ["duplicate-anchor"]
    assert names(check(RULE, "# Title {#t}\n\nText.\n")) == ["h1-in-body"]


def test_a_hash_line_in_code_nested_in_a_list_or_admonition_is_no_heading():
    body = """\
        1. Run:

            ```
            # not a heading
            ```

        !!! note "Tip"

            ```bash
            ## not a heading either
            ```

            ~~~
            ### nor this
            ~~~
        """
    assert check(RULE, body) == []


def test_a_heading_inside_an_admonition_is_read():
    assert names(check(RULE, "!!! note\n\n    ## Inside\n\n    Text.\n")) == ["heading-anchor"]
