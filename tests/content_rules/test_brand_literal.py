"""brand-literal."""

from helpcenter.content_rules.rules.brand_literal import RULE
from tests.helpers.rules import check, check_text, names


def test_the_macro_passes():
    assert check(RULE, "Open {{ app_name() }} and {{ brand }}.\n") == []
    assert check_text(RULE, "打开 {{ brand }} App。", "playbook") == []


def test_the_typed_brand_fails_in_pages_reusables_and_playbook_steps():
    assert names(check(RULE, "Open the OKPay app.\n")) == ["brand-literal"]
    assert names(check(RULE, "OKPay never asks.\n", reusable=True)) == ["brand-literal"]
    assert names(check_text(RULE, "打开 OKPay App。", "playbook")) == ["brand-literal"]


def test_code_is_not_prose():
    assert check(RULE, "```\nOKPay\n```\n") == []
