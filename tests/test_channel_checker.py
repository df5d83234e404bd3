"""The "Is this really OKPay?" checker: its Node tests, its data and HTML, and the page in Chromium."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from helpcenter import channel_checker as cc
from helpcenter import quality
from helpcenter import registry as reg
from tests.helpers.browser import assert_clean, open_page
from tests.helpers.paths import DEMO_REGISTRY, PRODUCTION_SAMPLE, ROOT

PAGE = "contact/verify-official-channel/"


# ---- the checker itself, in Node ------------------------------------------------------------

def test_node_checker_tests_pass():
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    result = subprocess.run([quality.node(), "--test", "--test-reporter=tap", *files], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHON": sys.executable}, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert re.search(r"^# fail 0$", result.stdout, re.M), result.stdout[-3000:]


# ---- data built from the registry -----------------------------------------------------------

URLS = {"never-ask": "scams/never-ask/", "if-scammed": "scams/if-scammed/"}


@pytest.fixture(scope="module")
def registry():
    return reg.model(DEMO_REGISTRY)


def test_data_holds_every_registry_value_normalised(registry):
    data = cc.checker_data(registry, "en")
    assert [p["value"] for p in data["phones"]] == [h.e164 for h in registry.hotlines]
    assert [e["value"] for e in data["emails"]] == [e.address.lower() for e in registry.emails]
    assert [d["value"] for d in data["domains"]] == [d.domain for d in registry.domains]
    assert {h["value"] for h in data["handles"]} == {s.handle.lower() for s in registry.social}
    assert data["brand"] == "okpay"
    assert data["countryCodes"] == ["1"]


def test_profile_hosts_are_the_registry_url_and_the_platforms_real_hosts(registry):
    hosts = {(p["id"], p["host"]) for p in cc.checker_data(registry, "zh")["profiles"]}
    assert {("telegram", "t.example.com"), ("telegram", "t.me"), ("telegram", "telegram.me"),
            ("x", "x.example.com"), ("x", "x.com"), ("x", "twitter.com"),
            ("wechat", "weixin.example.com")} <= hosts


def test_channel_names_are_in_the_page_language(registry):
    zh, en = cc.checker_data(registry, "zh"), cc.checker_data(registry, "en")
    assert zh["phones"][0]["label"] == "官方电话热线：全球（国际长途）"
    assert en["phones"][0]["label"] == "Official phone hotline: Worldwide (international call)"
    assert en["domains"][0]["label"] == "Official website"
    assert zh["handles"][0]["label"] == "官方社交账号：Telegram、X (Twitter)、微信公众号"
    assert en["handles"][0]["dm"] is False
    han = re.compile(r"[\u4e00-\u9fff]")
    assert not han.search(json.dumps(cc.payload(registry, "en", "en/" + PAGE, URLS), ensure_ascii=False))


def test_data_from_a_production_registry():
    data = cc.checker_data(reg.model(PRODUCTION_SAMPLE), "en")
    assert data["countryCodes"] == ["44"]
    assert data["phones"][0]["value"].startswith("+44")
    assert ("telegram", "t.me") in {(p["id"], p["host"]) for p in data["profiles"]}


def test_every_string_has_both_languages_and_missing_ones_are_named(tmp_path):
    strings = cc.load_strings()
    assert {"official", "unknown", "lookalike"} == set(strings["verdict"])
    bad = tmp_path / "channel-check.yml"
    bad.write_text(cc.STRINGS.read_text(encoding="utf-8").replace("    en: Check\n", "", 1), encoding="utf-8")
    with pytest.raises(cc.CheckerError, match=r"field 'form.button': missing en"):
        cc.load_strings(bad)


@pytest.mark.parametrize("page_url, urls, script, never_ask", [
    (PAGE, URLS, "../../assets/javascripts/channel-check.js", "../../scams/never-ask/"),
    ("en/" + PAGE, {k: "en/" + v for k, v in URLS.items()}, "../../../assets/javascripts/channel-check.js",
     "../../../en/scams/never-ask/"),
    ("contact/verify-official-channel.html", {"never-ask": "scams/never-ask.html", "if-scammed": "scams/if-scammed.html"},
     "../assets/javascripts/channel-check.js", "../scams/never-ask.html"),
    # an article that moved is followed: the address comes from the build, not from the code
    (PAGE, {**URLS, "never-ask": "security/what-support-never-asks/"}, "../../assets/javascripts/channel-check.js",
     "../../security/what-support-never-asks/"),
])
def test_paths_are_relative_to_the_page(registry, page_url, urls, script, never_ask):
    lang = "en" if page_url.startswith("en/") else "zh"
    assert cc.relative_to(page_url, cc.SCRIPTS[0]) == script
    links = {link["id"]: link["href"] for link in cc.payload(registry, lang, page_url, urls)["links"]}
    assert links["never-ask"] == never_ask


def test_a_missing_linked_article_is_named(registry):
    with pytest.raises(cc.CheckerError, match=r"no zh article with id 'if-scammed'"):
        cc.payload(registry, "zh", PAGE, {"never-ask": "scams/never-ask/"})


def test_article_urls_come_from_the_build_files():
    from mkdocs.structure.files import File, Files
    files = Files([File(f"{lang}/{path}", "/docs", "/site", use_directory_urls=True)
                   for lang in ("zh", "en") for path in ("scams/never-ask.md", "scams/index.md", "index.md")])
    urls = cc.article_urls(files, "en")
    assert urls == {"never-ask": "en/scams/never-ask/"}


def test_checker_and_official_channels_json_are_one_source(registry):
    from helpcenter import official_channels
    doc = official_channels.document(registry)
    data = cc.checker_data(registry, "en")
    assert [p["value"] for p in data["phones"]] == [p["e164"] for p in doc["phones"]]
    assert [e["value"] for e in data["emails"]] == [e["address"].lower() for e in doc["emails"]]
    assert [d["value"] for d in data["domains"]] == [d["domain"] for d in doc["domains"]]
    assert {(p["id"], p["host"]) for p in data["profiles"]} == {(s["id"], h) for s in doc["social"] for h in s["hosts"]}
    assert data["defaultRegion"] == doc["default_region"] == {"region": "CN", "code": "86", "trunk": "0"}


def test_widget_html(registry):
    html = cc.render(registry, "zh", PAGE, URLS)
    assert "\n\n" not in html, "a blank line would end Markdown's raw HTML block"
    assert re.search(r'<label for="okp-check-input">[^<]+</label>', html)
    assert re.search(r'<input id="okp-check-input"[^>]*type="text"[^>]*autocomplete="off"[^>]*data-channel-check-input', html)
    assert '<div class="okp-check__result" data-verdict="" aria-live="polite"' in html
    assert '<script src="../../assets/javascripts/channel-check-page.js"></script>' in html
    data = re.search(r'<script type="application/json" id="okpay-channel-data">(.*?)</script>', html, re.S).group(1)
    assert json.loads(data)["data"]["phones"][0]["value"] == registry.hotlines[0].e164


def test_inline_json_cannot_close_its_script_element(registry):
    strings = cc.load_strings()
    strings["form"]["hint"]["zh"] = "</script><img src=x onerror=alert(1)><!--"
    html = cc.render(registry, "zh", PAGE, URLS, strings)
    data = re.search(r'id="okpay-channel-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and ">" not in data
    assert json.loads(data)["strings"]["form"]["hint"] == "</script><img src=x onerror=alert(1)><!--"
    assert "&lt;/script&gt;&lt;img" in html  # the visible hint is escaped too


# ---- the page in Chromium -------------------------------------------------------------------

CASES = {
    # what a worried person pastes -> (data-verdict, data-reason, words the answer must contain)
    "zh": [("＋1（202）555.0143", "official", "official-phone", "官方电话热线"),
           ("okpay-support.example.net", "lookalike", "brand-in-domain", "仿冒"),
           ("someone@mail.example.net", "unknown", "unknown-email", "不在我们的官方名单上"),
           ("<img src=x onerror=alert(1)>", "", "markup", "网页代码"),
           # a full-width slash is no delimiter to the browser: it opens the host after "@"
           ("okpay.example.com／@evil.test", "lookalike", "userinfo", "evil.test"),
           ("(202) 555-0143", "official", "official-phone", "官方电话热线")],
    "en": [("+1 (202) 555.0143", "official", "official-phone", "Official phone hotline"),
           ("okpay-support.example.net", "lookalike", "brand-in-domain", "look-alike"),
           ("someone@mail.example.net", "unknown", "unknown-email", "Not on our official list"),
           ("<img src=x onerror=alert(1)>", "", "markup", "web page code"),
           ("https://okpay.example.com？@evil.test", "lookalike", "userinfo", "evil.test"),
           ("1-202-555-0143", "official", "official-phone", "Official phone hotline")],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checker_in_the_browser(site, visit, lang):
    prefix = "" if lang == "zh" else "en/"
    page = open_page(visit, site.url + prefix + PAGE)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    box = page.locator("[data-verdict]")
    field = page.locator("[data-channel-check-input]")
    assert box.get_attribute("data-verdict") == ""
    assert box.get_attribute("aria-live") == "polite"
    assert page.locator(f'label[for="{field.get_attribute("id")}"]').inner_text().strip()
    # real key events: type, then Enter submits the form
    for text, verdict, reason, words in CASES[lang]:
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        page.wait_for_function("r => document.querySelector('[data-verdict]').dataset.reason === r", arg=reason)
        assert box.get_attribute("data-verdict") == verdict, text
        shown = box.inner_text()
        assert words.lower() in shown.lower(), f"{text!r}: {shown!r}"
        assert box.locator("img, script, iframe").count() == 0, f"{text!r} was rendered as HTML"
    # a look-alike answer links to the never-ask and if-scammed articles, and they exist
    field.fill("okpay.example.com.evil.test")
    page.keyboard.press("Enter")
    hrefs = box.locator("a").evaluate_all("els => els.map(e => e.href)")
    assert len(hrefs) == 2 and "scams/never-ask/" in hrefs[0] and "scams/if-scammed/" in hrefs[1]
    assert all(href.startswith(site.url + prefix) for href in hrefs), hrefs
    for href in hrefs:
        assert page.request.get(href).status == 200, href
    # typing alone answers too (debounced), and emptying the field clears the answer
    field.fill("")
    field.press_sequentially("@okpay_demo")
    page.wait_for_function("() => document.querySelector('[data-verdict]').dataset.verdict === 'official'")
    field.fill("")
    page.wait_for_function("() => document.querySelector('[data-verdict]').dataset.verdict === ''")
    assert box.inner_text().strip() == ""
    assert not dialogs
    assert_clean(visit, site.url)


def test_checker_works_from_a_file_url(site, browser):
    """Saved to disk or opened offline: no fetch, so the inline data still answers."""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site.dir / PAGE / "index.html").as_uri())
    page.locator("[data-channel-check-input]").fill("https://okpay.example.com@evil.test/login")
    page.keyboard.press("Enter")
    assert page.locator("[data-verdict]").get_attribute("data-verdict") == "lookalike"
    assert page.locator("[data-verdict]").get_attribute("data-reason") == "userinfo"
    # Material's search cannot load its index from file:// (a theme limit, not the checker's)
    assert not [e for e in errors if "search_index" not in e], errors
    page.close()
