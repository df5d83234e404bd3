"""playbook-steps-typed."""

import pytest

from helpcenter.content_rules.rules.playbook_steps import RULE
from tests.helpers.rules import check


def test_the_macro_and_prose_pass():
    assert check(RULE, "{{ playbook(\"phrase-shared\") }}\n\nA freeze is free to lift.\n") == []


@pytest.mark.parametrize("lang, item", [("en", "1. Freeze your account."), ("zh", "2. 立即冻结账户。"),
                                        ("en", "1) Create a new wallet."), ("en", "1. Go to {{ ui(\"freeze-account\") }}.")])
def test_a_typed_emergency_step_fails(lang, item):
    assert [f.level for f in check(RULE, item + "\n", lang)] == ["error"]


def test_a_pending_page_warns_and_code_is_not_a_step():
    assert [f.level for f in check(RULE, "1. Freeze your account.\n", rel="scams/pending.md")] == ["warning"]
    assert check(RULE, "```\n1. Freeze your account.\n```\n") == []
