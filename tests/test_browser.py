"""What a person sees in Chromium: both home pages, language switching, search, requests, errors."""

from __future__ import annotations

import re

import pytest

from tests.helpers.browser import assert_clean, open_page, search, type_query  # noqa: F401

ARTICLE = "payments/withdrawal-delayed/"


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
    ("en/" + ARTICLE, ARTICLE, "简体中文"),
    ("en/", "", "简体中文"),
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


def test_sitemap_hreflang_links_resolve_and_no_sitemap_fetches(site, visit):
    """Every hreflang address in sitemap.xml answers, and a page view fetches no sitemap at all."""
    page = open_page(visit, site.url + ARTICLE)
    sitemap = page.request.get(site.url + "sitemap.xml").text()
    hrefs = set(re.findall(r'hreflang="[^"]+" href="([^"]+)"', sitemap))
    assert site.url + "en/" + ARTICLE in hrefs
    for href in sorted(hrefs)[:40]:
        assert page.request.get(href).status == 200, href
    assert not [u for u in visit.requests if u.endswith("sitemap.xml")]
    assert_clean(visit, site.url)


def test_site_under_a_sub_path(subpath_site, visit):
    """Deployed as a GitHub project page: styles, switching and search still work."""
    page = open_page(visit, subpath_site.url + ARTICLE)
    # Material's stylesheet applied: its header is fixed-height and coloured, not unstyled text.
    assert page.eval_on_selector(".md-header", "h => getComputedStyle(h).position") in ("sticky", "fixed")
    assert page.locator("link[rel=stylesheet]").count() >= 2
    page.click(".md-header__option .md-select button")
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url == subpath_site.url + "en/" + ARTICLE
    links = search(page, "withdrawal")
    assert any(link.startswith(subpath_site.url + "en/") for link in links), links
    assert_clean(visit, subpath_site.url)
