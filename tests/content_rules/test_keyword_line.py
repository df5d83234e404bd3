"""keyword-line."""

import pytest

from helpcenter.content_rules.rules.keyword_line import RULE
from tests.helpers.rules import check, names


def test_prose_passes():
    assert check(RULE, "Reset your password in the app; people also call this a password reset.\n") == []


@pytest.mark.parametrize("lang, line", [("zh", "也叫：找回密码"), ("en", "Also called: reset"), ("en", "*Also called:* reset"),
                                        ("en", "> Keywords: a, b"), ("zh", "关键词:密码")])
def test_keyword_lines_fail(lang, line):
    assert names(check(RULE, line + "\n", lang)) == ["keyword-line"]
