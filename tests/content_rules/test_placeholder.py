"""placeholder."""

import pytest

from helpcenter.content_rules.rules.placeholder import RULE
from tests.helpers.rules import check, names


def test_real_text_and_code_pass():
    assert check(RULE, "It takes two minutes.\n\n```\nTODO in a code sample\n```\n") == []


@pytest.mark.parametrize("text", ["About TODO minutes.", "Fee: xxx.", "TBD", "lorem ipsum", "待补充", "| a | FIXME |"])
def test_placeholders_fail(text):
    assert names(check(RULE, text + "\n")) == ["placeholder"]


def test_reusables_are_checked_too():
    assert names(check(RULE, "TODO\n", reusable=True)) == ["placeholder"]
