"""contact-detail: generated inputs, every disguise x every contact kind x every text source, and
every form a link destination can take."""

from __future__ import annotations

import itertools
import json
import unicodedata

import pytest

from helpcenter.content_rules.rules.contact_detail import RULE
from tests.helpers.rules import check, check_text, names

# One of each kind, as scam text writes it; each finds a contact however it is disguised.
KINDS = {
    "phone": "请拨打 +1 202-555-0143 咨询",
    "mainland phone": "客服热线 400-820-8820",
    "email": "写信到 help@okpay-support.com",
    "url": "打开 https://okpay-support.com/help",
    "www": "打开 www.okpay-kefu.net",
    "domain on a new TLD": "访问 okpay-help.icu 查询",
    "domain on a private suffix": "访问 okpay.github.io 查询",
    "domain on a country TLD": "visit okpay.com.hk now",
    "domain on an IDN TLD": "访问 okpay-kefu.中国查询",
    "wechat": "加微信 okpay_kefu01",
    "wechat homophone 薇信": "加薇信 okpay_kefu01",
    "wechat homophone V信": "加V信：okpaykefu",
    "wechat homophone 威信": "威信号 okpay-kefu01",
    "qq": "加 QQ：12345678",
    "qq homophone 扣扣": "扣扣 12345678",
    "telegram": "Telegram: okpay_helpdesk",
    "telegram homophone 飞机": "飞机：okpay_help",
    "telegram homophone 纸飞机": "纸飞机号 okpay_help",
    "telegram 电报": "电报：okpayhelp",
    "line": "LINE ID: okpayhelp88",
    "line homophone 賴": "加賴：okpay_tw88",
    "handle": "私信 @OKPaySupport",
}


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def between(text: str, mark: str) -> str:
    """mark between every two characters of each Latin run (where an editor would not show it)."""
    return "".join(c + mark if c.isascii() and c.isalnum() else c for c in text)


DISGUISES = {
    "plain": lambda t: t,
    "ideographic full stop": lambda t: t.replace(".", "。"),
    "full-width at": lambda t: t.replace("@", "＠"),
    "full-width everything": fullwidth,
    "zero-width space": lambda t: between(t, "\u200b"),
    "zero-width joiner": lambda t: between(t, "\u200d"),
    "soft hyphen": lambda t: between(t, "\u00ad"),
    "word joiner": lambda t: between(t, "\u2060"),
    "bidi override": lambda t: "\u202e" + t + "\u202c",
    "bidi isolate": lambda t: between(t, "\u2066"),
}
SOURCES = ("article", "article description", "article title", "reusable", "status", "playbook", "registry", "ui",
           "channel-check", "tags", "nav")


def findings_in(source: str, text: str):
    if source == "article":
        return check(RULE, f"Text.\n\n{text}\n", "zh")
    if source in ("article description", "article title"):
        key = source.split()[1]
        front = "---\nid: sample\ntitle: 标题\ndescription: 说明\ntags: [account]\nreviewed: 2026-11-20\n---\n"
        return check(RULE, "Text.\n", "zh", front=front.replace(f"{key}: 标题" if key == "title" else f"{key}: 说明",
                                                                  f"{key}: {json.dumps(text)}", 1))
    if source == "reusable":
        return check(RULE, text + "\n", "zh", reusable=True)
    return check_text(RULE, text, source, "zh" if source != "nav" else None)


@pytest.mark.parametrize("kind, disguise, source", list(itertools.product(KINDS, DISGUISES, SOURCES)))
def test_every_disguised_contact_is_found_in_every_source(kind, disguise, source):
    text = DISGUISES[disguise](KINDS[kind])
    assert "contact-detail" in names(findings_in(source, text)), (kind, disguise, source, text)


def test_the_generated_battery_is_large_and_really_disguised():
    assert len(KINDS) * len(DISGUISES) * len(SOURCES) >= 1500
    for kind, text in KINDS.items():
        for disguise, apply in DISGUISES.items():
            if disguise != "plain" and apply(text) == text:
                assert disguise in ("ideographic full stop", "full-width at"), (kind, disguise)
            if disguise == "full-width everything":
                assert unicodedata.normalize("NFKC", apply(text)) == unicodedata.normalize("NFKC", text) != apply(text)


@pytest.mark.parametrize("text", [
    "We never ask you to add a WeChat account or a QQ group.",
    "我们不会让你加微信、QQ 或 Telegram 私聊。",
    "坐飞机出行时也能用 App。",
    "Check the line items on your statement.",
    "Tools such as Node.js, e.g. a browser, v2.0 and 9:00–22:00 are not contacts.",
    "交易编号形如 P2026112309153847。",
    "这取决于你的网络。依赖 App 的提醒。",
    "见[官方客服渠道](../contact/contact-channels.md#hotline)。",
    "See [the FBI's form](https://www.ic3.gov/) or [our site](https://okpay.example.com/help).",
    "Open [the app listing](https://apps.apple.com/app/okpay).",
    "电话：{{ phone(\"global\") }}，邮箱 {{ email(\"support\") }}。",
])
def test_prose_macros_and_allowed_links_pass(text):
    assert check(RULE, text + "\n") == []


@pytest.mark.parametrize("link", [
    "[x](https://evil.com)", "[x](<https://evil.com/a b>)", "<https://evil.com>", "[x][r]\n\n[r]: https://evil.com",
    "[x][]\n\n[x]: <//evil.com>", '<a href="https://evil.com">x</a>', "<a href='//evil.com'>x</a>",
    "<a href=//evil.com>x</a>", "[x](//evil.com/path)", "[x](\\\\evil.com)", "[x](https:evil.com)",
    "[x](HTTPS://EVIL.COM)", "[x](https://okpay.example.com@evil.com)", "[x](https://okpay.example.com／@evil.com)",
    "[x](https://okpay.example.com.evil.com)", "[x](mailto:help@okpay.example.com)", "[x](tel:+12025550143)",
    "[x](weixin://dl/chat?okpay)", "[x](tg://resolve?domain=okpay)", "![qr](https://evil.com/qr.png)",
    '<img src="//evil.com/qr.png">', "[x](https://t.me/okpay_help)",
])
def test_a_link_outside_the_allowed_hosts_is_refused_in_every_form(link):
    assert "contact-detail" in names(check(RULE, f"Text.\n\n{link}\n")), link


def test_the_nav_links_to_pages_of_the_site_only():
    assert check_text(RULE, "contact/index.md", "nav-target", None) == []
    for target in ("https://okpay.example.com/contact", "//evil.com", "mailto:help@okpay.example.com"):
        assert names(check_text(RULE, target, "nav-target", None)) == ["contact-detail"], target


def test_findings_name_the_line_and_the_field():
    [finding] = check(RULE, "One.\n\nTwo 飞机：okpay_help.\n")
    assert str(finding).startswith("docs/en/account/sample.md:10: [contact-detail] Telegram ID")
    [finding] = check_text(RULE, "薇信 okpay_kefu01", "registry", "zh", "hotlines[0].hours.zh")
    assert str(finding).startswith("data/registry.yml:3: [contact-detail] hotlines[0].hours.zh: WeChat ID")


def test_a_form_hint_for_an_account_is_no_handle():
    assert check_text(RULE, "Phone number, link, email or @account", "channel-check", "en") == []
    assert names(check_text(RULE, "Message @okpay_support", "channel-check", "en")) == ["contact-detail"]
