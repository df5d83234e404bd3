"""helpcenter/content_rules/: the real content passes, and each rule fails a page that breaks it."""

from __future__ import annotations

import datetime as dt

import pytest

from helpcenter import edition
from helpcenter.content_rules import lint
from tests.helpers.content import TODAY, content_project
from tests.helpers.paths import ROOT


@pytest.fixture
def project(tmp_path):
    return content_project(tmp_path)


def edit(project, lang, old, new):
    page = project / "docs" / lang / "account" / "password-reset.md"
    text = page.read_text(encoding="utf-8")
    assert old in text, old
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def rules(project):
    return {(f.rule, f.path.as_posix().split("/docs/")[-1].split("docs/")[-1]) for f in lint(project, TODAY)}


def test_prose_about_messaging_apps_is_not_an_id(project):
    edit(project, "en", "it takes about two minutes.", "We never ask you to add a WeChat account or a QQ group.")
    assert "contact-detail" not in {rule for rule, _ in rules(project)}


def test_the_real_content_passes_every_rule():
    findings = [f for f in lint(ROOT) if f.level == "error"]
    assert not findings, "\n".join(map(str, findings))


def test_a_good_pair_passes(project):
    assert lint(project, TODAY) == []


@pytest.mark.parametrize("lang, old, new, rule", [
    ("zh", "id: password-reset", "id: reset-password", "front-matter"),                 # id is not the file name
    ("en", "tags: [account, password]", "tags: [account, passwords]", "front-matter"),  # unknown tag
    ("zh", "reviewed: 2026-11-20", "reviewed: 20.11.2026", "front-matter"),             # not a date
    ("zh", "reviewed: 2026-11-20", "reviewed: 2027-01-01", "front-matter"),             # in the future
    ("en", "description: Tap", "description: " + "very " * 40 + "Tap", "front-matter"),  # too long
    ("zh", "title: 忘记密码怎么办\n", "", "front-matter"),                                # missing field
    ("zh", "## 还是不行？ {#still-stuck}", "## 还是不行？", "heading-anchor"),
    ("en", "{#still-stuck}", "{#Still_Stuck}", "heading-anchor"),
    ("en", "## Still stuck? {#still-stuck}", "# Still stuck? {#still-stuck}", "h1-in-body"),
    ("zh", "{#still-stuck}", "{#reset}", "duplicate-anchor"),
    ("en", "{#still-stuck}", "{#cannot-reset}", "anchor-parity"),
    ("en", "!!! warning", "!!! danger", "admonition-parity"),
    ("en", "](../contact/contact-channels.md)", "](../contact/phone-hotline.md)", "link-parity"),
    ("zh", "## 还是不行？ {#still-stuck}", "## 还要等吗？ {#wait}\n\n## 还是不行？ {#still-stuck}", "empty-section"),
    ("en", "it takes about two minutes.", "it takes about TODO minutes.", "placeholder"),
    ("zh", "整个过程约 2 分钟。", "整个过程约 2 分钟。\n\n也叫：找回密码、重置密码", "keyword-line"),
    ("en", "it takes about two minutes.", "it takes about two minutes.\n\nAlso called: reset password", "keyword-line"),
    ("en", "it takes about two minutes.", "it takes about two minutes.\n\n*Also called:* reset password", "keyword-line"),
    ("zh", "整个过程约 2 分钟。", "整个过程约 2 分钟，xxx。", "placeholder"),
    ("zh", "整个过程约 2 分钟。", "或拨打 400-820-8820 咨询。", "contact-detail"),
    ("en", "it takes about two minutes.", "or call +1 (202) 555-0143.", "contact-detail"),
    ("en", "it takes about two minutes.", "or write to help@okpay.com.", "contact-detail"),
    ("zh", "整个过程约 2 分钟。", "或访问okpay-help.com查看。", "contact-detail"),
    ("en", "it takes about two minutes.", "see https://okpay.example.com/help.", "contact-detail"),
    ("zh", "整个过程约 2 分钟。", "或在 Telegram 私信@OKPaySupport。", "contact-detail"),
    ("en", "official channels](../contact/contact-channels.md)", "official channels](https://t.me/x)", "contact-detail"),
    # messaging-app IDs, the front matter (it feeds snippets, previews and links.json) and code fences
    ("zh", "整个过程约 2 分钟。", "也可以加微信 okpay_kefu01 咨询。", "contact-detail"),
    ("zh", "整个过程约 2 分钟。", "或加 QQ：12345678。", "contact-detail"),
    ("en", "it takes about two minutes.", "or message Telegram: okpay_helpdesk.", "contact-detail"),
    ("en", "description: Tap", "description: Call +1 (202) 555-0143 or tap", "contact-detail"),
    ("zh", "title: 忘记密码怎么办", "title: 忘记密码请发邮件到 help@okpay.com", "contact-detail"),
    ("en", "it takes about two minutes.", "it takes about two minutes.\n\n```\nsupport: +1 (202) 555-0143\n```",
     "contact-detail"),
    ("en", "Open {{ app_name() }}", "Open the OKPay app", "brand-literal"),
    ("zh", "见[官方客服渠道](../contact/contact-channels.md)。", "见官方客服渠道。", "never-ask-box"),
])
def test_each_rule_fails_a_page_that_breaks_it(project, lang, old, new, rule):
    edit(project, lang, old, new)
    found = rules(project)
    assert (rule, f"{lang}/account/password-reset.md") in found, found


def test_the_never_ask_box_is_required_on_contact_pages(project):
    # An article outside the contact section, on another topic, may mention support without the box ...
    edit(project, "zh", '{{ reusable("never-ask") }}', "")
    assert "never-ask-box" not in {rule for rule, _ in rules(project)}
    # ... but a contact page, where readers are about to reach "support", must show it.
    for lang in ("zh", "en"):
        src = project / "docs" / lang / "account" / "password-reset.md"
        page = project / "docs" / lang / "contact" / "password-help.md"
        page.parent.mkdir(parents=True)
        page.write_text(src.read_text(encoding="utf-8").replace("id: password-reset", "id: password-help"),
                        encoding="utf-8")
    assert ("never-ask-box", "zh/contact/password-help.md") in rules(project)
    assert ("never-ask-box", "en/contact/password-help.md") not in rules(project)


def test_missing_translation(project):
    (project / "docs" / "en" / "account" / "password-reset.md").unlink()
    assert ("translation-missing", "zh/account/password-reset.md") in rules(project)


def test_same_id_twice_in_one_language(project):
    for lang in ("zh", "en"):
        src = project / "docs" / lang / "account" / "password-reset.md"
        dup = project / "docs" / lang / "security" / "password-reset.md"
        dup.parent.mkdir(parents=True)
        dup.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    assert ("id-pairs", "zh/security/password-reset.md") in rules(project)


def test_findings_name_file_line_and_rule(project):
    edit(project, "en", "it takes about two minutes.", "call +1 202-555-0143.")
    finding = next(f for f in lint(project, TODAY) if f.rule == "contact-detail")
    assert str(finding).startswith("docs/en/account/password-reset.md:9: [contact-detail] phone number")


def test_reusables_obey_the_rules_and_exist_in_both_languages(project):
    assert lint(project, TODAY) == []
    (project / "reusables" / "en" / "never-ask.md").unlink()
    (project / "reusables" / "zh" / "official-channels-only.md").write_text("请拨打 400-820-8820。\n", encoding="utf-8")
    found = rules(project)
    assert any(r == "translation-missing" and p.endswith("reusables/zh/never-ask.md") for r, p in found)
    assert any(r == "contact-detail" and p.endswith("reusables/zh/official-channels-only.md") for r, p in found)


def test_expiry_warns_before_the_date_and_fails_after(project):
    edit(project, "zh", "reviewed: 2026-11-20", "reviewed: 2026-11-20\nexpires: 2026-12-10")
    edition.write(project)    # the derived edition follows its source (and expires with it)
    soon = [f for f in lint(project, TODAY) if f.rule == "expired" and "docs/zh/" in str(f.path)]
    assert [f.level for f in soon] == ["warning"] and "17 days" in soon[0].message
    assert [f for f in lint(project, TODAY) if f.level == "error"] == []
    late = [f for f in lint(project, dt.date(2026, 12, 11)) if f.rule == "expired" and "docs/zh/" in str(f.path)]
    assert [f.level for f in late] == ["error"] and "has expired" in late[0].message


@pytest.mark.parametrize("lang, old, new, rule", [
    ("zh", "整个过程约 2 分钟。", "整个过程约2分钟。", "cjk-spacing"),
    ("zh", "1. 打开 {{ app_name() }}。", "1. 用{{ brand }}打开。", "cjk-spacing"),
    ("zh", "整个过程约 2 分钟。", "整个过程约 2 分钟,很快。", "cjk-punctuation"),
    ("zh", "整个过程约 2 分钟。", "注意:整个过程约 2 分钟。", "cjk-punctuation"),
    ("en", "it takes about two minutes.", "it takes about two minutes。", "en-punctuation"),
    ("en", "it takes about two minutes.", "it takes（about）two minutes.", "en-punctuation"),
])
def test_typography_rules(project, lang, old, new, rule):
    edit(project, lang, old, new)
    assert (rule, f"{lang}/account/password-reset.md") in rules(project)


def test_typography_knows_what_macros_print(project):
    # 「」 paths and the app name (which ends in Chinese) need no space; a phone authority does
    edit(project, "zh", "1. 打开 {{ app_name() }}。", "1. 打开{{ ui(\"profile\") }}，用 {{ app_name() }}里的功能。")
    assert not [f for f in lint(project, TODAY) if f.rule == "cjk-spacing"]
    edit(project, "zh", "整个过程约 2 分钟。", "请拨打{{ authority(\"cn-antifraud\") }}咨询。")
    assert [f.rule for f in lint(project, TODAY) if f.rule == "cjk-spacing"] == ["cjk-spacing"]
