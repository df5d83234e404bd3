"""The agent console (/agent/ in every language) in Chromium: a customer's message in, the same
three links as `helpcenter chatlink` out, copied with a click or a key, nothing sent anywhere,
and not offered to customers or search engines."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from helpcenter import chatlink, ui
from helpcenter.layout import Layout
from tests.helpers.browser import assert_clean, open_page

PAGE = "agent/"
# Written for this test the way customers write in chat; not taken from the evaluation sets.
MESSAGES = [
    "你好，我昨天提现到银行卡，到现在还没到账，怎么回事？",
    "有人自称 OKPay 客服加我微信，说我账户异常要我配合操作",
    "忘记登录密码了，短信验证码一直收不到",
    "hi, I withdrew to my bank two days ago and it still hasn't arrived",
    "someone on telegram says he is okpay support and wants my recovery phrase",
]
CHATTER = ["你好", "thanks!"]


def prefixes():
    return [(lang.code, lang.prefix) for lang in Layout.load().languages]


@pytest.fixture(scope="module")
def catalog(site):
    return chatlink.load(site.dir)


def ask(page, text: str) -> list[dict]:
    """Type a message as an agent pastes it and wait for the console to answer."""
    page.locator("[data-agent-message]").fill(text)
    page.wait_for_function(
        "text => (document.querySelector('[data-agent-console]').dataset.answered || '').endsWith(':' + text)",
        arg=text)
    return page.eval_on_selector_all(
        "[data-agent-results] li",
        "els => els.map(e => ({title: e.querySelector('a').textContent, href: e.querySelector('a').href,"
        " short: e.querySelector('code').textContent}))")


@pytest.mark.parametrize("lang, prefix", prefixes())
def test_console_gives_chatlinks_answers_in_the_messages_language(site, visit, catalog, lang, prefix):
    page = open_page(visit, site.url + prefix + PAGE)
    assert page.evaluate("document.activeElement.matches('[data-agent-message]')"), "the box has focus on load"
    for message in MESSAGES:
        shown = ask(page, message)
        expected = catalog.answer(message)
        assert [r["short"] for r in shown] == [a.short_url for a in expected], message
        assert [r["title"] for r in shown] == [a.title for a in expected], message
        assert all(r["href"] == r["short"] for r in shown)
    assert_clean(visit, site.url)


@pytest.mark.parametrize("lang, prefix", prefixes())
def test_chatter_gets_no_answer_not_a_guess(site, visit, lang, prefix):
    strings = ui.load()
    page = open_page(visit, site.url + prefix + PAGE)
    for message in CHATTER:
        assert ask(page, message) == []
        assert page.locator("[data-agent-status]").inner_text().strip() == strings["agent_no_answer"][lang].strip()


def test_reply_language_switch_gives_the_same_answers_in_another_edition(site, visit, catalog):
    layout = Layout.load()
    page = open_page(visit, site.url + PAGE)
    message = MESSAGES[0]
    ask(page, message)
    for lang in layout.codes:
        page.locator(f'input[name=okp-agent-lang][value="{lang}"]').check()
        page.wait_for_function(
            "code => [...document.querySelectorAll('[data-agent-results] li')].every(li => li.lang === code)"
            " && document.querySelectorAll('[data-agent-results] li').length > 0", arg=lang)
        shown = page.eval_on_selector_all("[data-agent-results] code", "els => els.map(e => e.textContent)")
        assert shown == [a.short_url for a in catalog.answer(message, lang=lang)]


def test_copy_reply_and_link_by_click_and_by_key(site, browser, catalog):
    context = browser.new_context(locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    page.goto(site.url + PAGE)
    message = MESSAGES[1]
    ask(page, message)
    answers = catalog.answer(message)
    assert len(answers) >= 2
    page.locator("[data-agent-results] li").nth(0).locator("button").nth(0).click()
    assert page.evaluate("navigator.clipboard.readText()") == answers[0].reply()
    page.locator("[data-agent-results] li").nth(0).locator("button").nth(1).click()
    assert page.evaluate("navigator.clipboard.readText()") == answers[0].short_url
    page.locator("[data-agent-message]").focus()
    page.keyboard.press("Alt+2")
    assert page.evaluate("navigator.clipboard.readText()") == answers[1].reply()
    assert answers[1].reply() in page.locator("[data-agent-status]").inner_text()
    context.close()


def test_console_is_for_agents_only(site):
    """Not in any customer navigation, not in the sitemap, and marked noindex for search engines."""
    for lang in Layout.load().languages:
        html = (site.dir / lang.prefix / PAGE / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<meta name="robots" content="noindex', html)
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "/agent/" not in sitemap and "<url>" in sitemap
    consoles = {site.url + lang.prefix + PAGE for lang in Layout.load().languages}
    for page in site.dir.rglob("*.html"):
        here = site.url + page.relative_to(site.dir).as_posix()
        links = {urljoin(here, href) for href in re.findall(r'<a [^>]*href="([^"]*)"', page.read_text(encoding="utf-8"))}
        assert not (links & consoles) or here.rsplit("/", 1)[0] + "/" in consoles, f"{page} links to the console"
