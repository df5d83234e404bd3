"""What a person sees in Chromium: both home pages, language switching, search, requests, errors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

ARTICLE = "payments/withdrawal-delayed/"


def open_page(visit, url):
    visit.page.goto(url)
    visit.page.wait_for_load_state("networkidle")
    return visit.page


def assert_clean(visit, base_url):
    """Zero console errors and zero requests to any host but the site's own."""
    host = urlsplit(base_url).netloc
    foreign = [u for u in visit.requests if urlsplit(u).scheme in ("http", "https")
               and urlsplit(u).netloc != host]
    assert not foreign, f"third-party requests: {foreign}"
    assert not visit.errors, visit.errors


def type_query(page, text: str, *, ime: bool = False) -> int:
    """Type into the focused search box the way a person does; return the number of results."""
    if ime:
        # An input method composes, then commits the text; Material reads the box on keyup.
        cdp = page.context.new_cdp_session(page)
        cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
        cdp.send("Input.insertText", {"text": text})
        page.keyboard.press("End")
    else:
        page.keyboard.type(text, delay=20)
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing|正在初始化|Type to start|键入以开始/i.test(m.textContent); }")
    return page.locator(".md-search-result__link").count()


def search(page, text: str, *, ime: bool = False) -> list[str]:
    """Open the search box from the phone header, type like a person, return the result links."""
    page.click('label[for="__search"]')
    page.locator('input[data-md-component="search-query"]').focus()
    type_query(page, text, ime=ime)
    return page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")


@pytest.mark.parametrize("path, lang, heading, nav_label", [
    ("", "zh", "OKPay 帮助中心", "联系客服"),
    ("en/", "en", "OKPay Help Center", "Contact"),
])
def test_home_page(site, visit, path, lang, heading, nav_label):
    page = open_page(visit, site.url + path)
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("article h1").inner_text().replace("¶", "").strip() == heading
    assert page.get_by_role("link", name=nav_label, exact=True).count() >= 1
    notice = page.locator("[data-demo-notice]")
    assert notice.is_visible()
    assert ("演示数据" if lang == "zh" else "Demo data") in notice.inner_text()
    assert_clean(visit, site.url)


@pytest.mark.parametrize("start, target, label", [
    (ARTICLE, "en/" + ARTICLE, "English"),
    ("en/" + ARTICLE, ARTICLE, "中文"),
    ("en/", "", "中文"),
])
def test_language_switch_keeps_the_article(site, visit, start, target, label):
    page = open_page(visit, site.url + start)
    page.click(".md-header__option .md-select button")
    page.get_by_role("link", name=label, exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url == site.url + target
    assert_clean(visit, site.url)


def test_chinese_search_finds_a_word_inside_a_sentence(site, visit):
    page = open_page(visit, site.url)
    links = search(page, "提现", ime=True)
    assert any(ARTICLE in link for link in links), links
    assert not any("/en/" in link for link in links), "English results on the Chinese site"
    texts = page.locator(".md-search-result__article").all_inner_texts()
    # the word was found inside running text, not only in a title
    assert any("提现" in t.replace("\u200b", "") and len(t) > 20 for t in texts)
    assert_clean(visit, site.url)


@pytest.mark.parametrize("word", ["withdrawal", "recovery", "scammers"])
def test_english_search_finds_whole_words_in_english_only(site, visit, word):
    page = open_page(visit, site.url + "en/")
    links = search(page, word)
    assert links, f"nothing found for {word!r}"
    assert all("/en/" in link for link in links), links
    assert_clean(visit, site.url)


def test_hreflang_links_resolve(site, visit):
    page = open_page(visit, site.url + ARTICLE)
    hrefs = page.eval_on_selector_all('link[rel="alternate"][hreflang]',
                                      "els => els.map(e => [e.hreflang, e.href])")
    assert dict(hrefs) == {"zh": site.url + ARTICLE, "en": site.url + "en/" + ARTICLE,
                           "x-default": site.url + ARTICLE}
    for _, href in hrefs:
        assert page.request.get(href).status == 200, href
    assert_clean(visit, site.url)


def test_site_under_a_sub_path(subpath_site, visit):
    """Deployed as a GitHub project page: styles, switching and search still work."""
    page = open_page(visit, subpath_site.url + ARTICLE)
    assert page.eval_on_selector("body", "b => getComputedStyle(b).fontFamily") != ""
    assert page.locator("link[rel=stylesheet]").count() >= 2
    hreflang = page.eval_on_selector('link[hreflang="en"]', "e => e.href")
    assert hreflang == subpath_site.url + "en/" + ARTICLE
    page.click(".md-header__option .md-select button")
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url == subpath_site.url + "en/" + ARTICLE
    links = search(page, "withdrawal")
    assert any(link.startswith(subpath_site.url + "en/") for link in links), links
    assert_clean(visit, subpath_site.url)
