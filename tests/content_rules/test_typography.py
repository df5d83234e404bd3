"""cjk-spacing / cjk-punctuation / en-punctuation, on the prose the parser reads (never code)."""

import pytest

from helpcenter.content_rules.rules.typography import RULE
from tests.helpers.rules import check, check_text, names


def test_well_spaced_text_passes():
    assert check(RULE, "整个过程约 2 分钟，打开 {{ app_name() }}里的「我的」。\n", "zh") == []
    assert check(RULE, "It takes about two minutes.\n") == []


@pytest.mark.parametrize("lang, text, rule", [
    ("zh", "整个过程约2分钟。", "cjk-spacing"), ("zh", "用{{ brand }}打开。", "cjk-spacing"),
    ("zh", "整个过程约 2 分钟,很快。", "cjk-punctuation"), ("zh", "注意:过程约 2 分钟。", "cjk-punctuation"),
    ("en", "It takes two minutes。", "en-punctuation"), ("en", "It takes（about）two minutes.", "en-punctuation"),
    ("zh", "请拨打{{ authority(\"cn-antifraud\") }}咨询。", "cjk-spacing"),
    ("zh", "- 列表里也查：约2分钟。", "cjk-spacing"), ("zh", "!!! note\n\n    提示里也查：约2分钟。", "cjk-spacing"),
])
def test_each_rule_fails_text_that_breaks_it(lang, text, rule):
    assert rule in names(check(RULE, text + "\n", lang))


@pytest.mark.parametrize("body", [
    "```\n代码a1,b2\n```\n",
    "1. 步骤：\n\n    ```\n    echo 代码a1,b2\n    ```\n",
    "!!! note \"提示\"\n\n    ```\n    代码a1,b2\n    ```\n",
    "用 `代码a1` 试试。\n",
    "段落。\n\n    缩进代码a1,b2\n",
])
def test_code_in_fences_lists_admonitions_and_inline_is_never_checked(body):
    assert check(RULE, body, "zh") == []


def test_playbook_steps_are_checked_per_language():
    assert names(check_text(RULE, "冻结账户,然后报警。", "playbook", "zh")) == ["cjk-punctuation"]
    assert check_text(RULE, "Freeze the account, then call the police.", "playbook", "en") == []


def test_data_texts_are_checked_but_date_formats_are_not_prose():
    assert names(check_text(RULE, "维护期间,资金安全。", "status", "zh", "announcements[0].text.zh")) == ["cjk-punctuation"]
    assert check_text(RULE, "%Y年%-m月%-d日", "ui", "zh", "reviewed_date_format.zh") == []


def test_what_a_macro_prints_is_configuration():
    from dataclasses import replace

    from helpcenter.content_rules import run
    from tests.helpers.rules import CTX, page

    text = "请看{{ hours() }}。\n"
    assert names(check(RULE, text, "zh")) == ["cjk-spacing"]        # unknown macros print Latin text
    ctx = replace(CTX, macro_edges={"zh": {"hours": "汉"}})
    assert run([RULE], ctx, [page(text, "zh")], [], None) == []
