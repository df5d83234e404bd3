"""Links for chat replies: the catalog, short links, copy buttons, previews and the manifest guard."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import jsonschema
import pytest

from helpcenter import published
from helpcenter.building import build
from helpcenter.layout import Layout
from tests.helpers.datafiles import load_yaml
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT
from tests.helpers.project import copy_project, run_cli

ARTICLE = "payments/withdrawal-delayed/"
ANCHOR = "how-long"


def catalog(site):
    return json.loads((site.dir / "links.json").read_text(encoding="utf-8"))


def test_links_json_validates_and_covers_every_article_and_question(site):
    data = catalog(site)
    schema = json.loads((ROOT / "schemas" / "links.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    records = data["records"]
    for lang in ("zh", "en"):
        mine = [r for r in records if r["lang"] == lang]
        ids = {r["id"] for r in mine if not r["anchor"]}
        articles = {md.stem for md in (ROOT / "docs" / lang).glob("*/*.md") if md.name != "index.md"}
        assert ids == articles
        # every explicit question anchor in the Markdown has a record
        for md in (ROOT / "docs" / lang).glob("*/*.md"):
            if md.name == "index.md":
                continue
            anchors = {r["anchor"] for r in mine if r["id"] == md.stem and r["anchor"]}
            text = md.read_text(encoding="utf-8")
            expected = {line.split("{#")[1].split("}")[0] for line in text.splitlines()
                        if line.startswith(("## ", "### ")) and "{#" in line}
            # A macro can render headings too (the emergency guide's cases): those are records as well.
            assert expected <= anchors, md
    assert all(r["url"].startswith(site.url) and r["short_url"].startswith(site.url) for r in records)
    zh = {(r["id"], r["anchor"]) for r in records if r["lang"] == "zh"}
    en = {(r["id"], r["anchor"]) for r in records if r["lang"] == "en"}
    assert zh == en


def test_article_urls_come_from_section_and_id(site):
    for r in catalog(site)["records"]:
        assert r["path"] == Layout.load().page_url(r["lang"], f"{r['section']}/{r['id']}/")


def test_every_short_link_reaches_its_page_and_anchor(site):
    for r in catalog(site)["records"]:
        short = "/" + r["short_url"][len(site.url):]
        entries = [short] + ([short.replace("/zh/go/", "/go/", 1)] if r["lang"] == "zh" else [])
        for entry in entries:
            assert published.resolve(site.dir, entry) is None, entry


@pytest.mark.parametrize("locale, short, expected", [
    ("zh-CN", f"go/withdrawal-delayed/{ANCHOR}/", f"{ARTICLE}#{ANCHOR}"),
    ("en-US", f"go/withdrawal-delayed/{ANCHOR}/", f"en/{ARTICLE}#{ANCHOR}"),
    ("fr-FR", "go/withdrawal-delayed/", ARTICLE),
    ("zh-CN", f"en/go/withdrawal-delayed/{ANCHOR}/", f"en/{ARTICLE}#{ANCHOR}"),
    ("en-US", f"zh/go/withdrawal-delayed/{ANCHOR}/", f"{ARTICLE}#{ANCHOR}"),
])
def test_short_link_follows_browser_language_or_explicit_form(site, browser, locale, short, expected):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(site.url + short)
    page.wait_for_url(site.url + expected)
    assert page.locator("article h1").count() == 1
    context.close()


def test_short_link_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    page = context.new_page()
    page.goto(site.url + f"go/withdrawal-delayed/{ANCHOR}/")
    page.wait_for_url(site.url + f"{ARTICLE}#{ANCHOR}")   # the plain fallback: Chinese
    context.close()


@pytest.mark.parametrize("path, lang, confirmation", [(ARTICLE, "zh", "已复制"), ("en/" + ARTICLE, "en", "Copied")])
def test_copy_button_puts_title_and_short_link_on_the_clipboard(site, browser, path, lang, confirmation):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="zh-CN")
    page = context.new_page()
    page.goto(site.url + path)
    page.wait_for_load_state("networkidle")
    heading = page.locator(f"h2#{ANCHOR}")
    title = heading.evaluate("h => h.firstChild.textContent.trim()")
    button = heading.locator("button.okp-copy-link")
    assert button.get_attribute("aria-label")
    button.focus()                      # keyboard-reachable: focus it and press Enter
    page.keyboard.press("Enter")
    prefix = "" if lang == "zh" else "en/"
    assert page.evaluate("navigator.clipboard.readText()") == f"{title} {site.url}{prefix or 'zh/'}go/withdrawal-delayed/{ANCHOR}/"
    assert confirmation in page.locator(".md-dialog").inner_text()
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator("h2#holidays button.okp-copy-link").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith("go/withdrawal-delayed/holidays/")
    context.close()


class Unfurler(HTMLParser):
    """Reads a page's <head> the way a chat app's link preview does: first value of each tag wins."""

    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("content") is not None:
            self.meta.setdefault(a.get("property") or a.get("name"), a["content"])
        if tag == "link" and a.get("rel") == "canonical":
            self.links.setdefault("canonical", a.get("href"))


def test_every_page_unfurls_with_title_description_image_and_locale(site):
    pages = [p for p in site.dir.rglob("*.html") if 'content="noindex"' not in p.read_text(encoding="utf-8")
             and p.name != "404.html"]
    assert len(pages) > 70
    for page in pages:
        u = Unfurler()
        u.feed(page.read_text(encoding="utf-8"))
        layout = Layout.load()
        lang = layout.language(layout.lang_of_url(page.relative_to(site.dir).as_posix()))
        # a derived edition without its own card yet shows its source's (helpcenter/plugins/site.py)
        # an edition's own card when one is drawn; a derived edition without one shows its source's
        own = f"og-{lang.code}.png"
        image = own if (ROOT / "docs" / "assets" / "images" / own).is_file() or not lang.derive_from \
            else f"og-{lang.derive_from}.png"
        m = u.meta
        assert m["og:title"] and m["og:description"] and m["twitter:card"] == "summary_large_image", page
        assert m["og:url"] == u.links["canonical"] and m["og:url"].startswith(site.url), page
        assert m["og:locale"] == lang.og_locale and m["og:locale:alternate"], page
        assert m["og:image"] == f"{site.url}assets/images/{image}", page
        assert (site.dir / "assets" / "images" / image).stat().st_size < 100_000
        assert m["description"] == m["og:description"]


def test_article_preview_uses_the_front_matter_description(site):
    u = Unfurler()
    u.feed((site.dir / "en" / ARTICLE / "index.html").read_text(encoding="utf-8"))
    front = load_yaml((ROOT / "docs/en/payments/withdrawal-delayed.md").read_text(encoding="utf-8").split("---")[1])
    assert u.meta["og:description"] == front["description"]
    assert u.meta["og:title"] == front["title"]


def test_every_published_address_still_resolves(site):
    entries = published.read()
    assert len(entries) > 1000
    assert published.broken(site.dir, entries) == {}


def test_manifest_lists_every_current_address(site):
    missing = published.entries_from_catalog(site.dir) - set(published.read())
    assert not missing, f"new addresses not in the manifest; run `helpcenter update-manifest`: {sorted(missing)[:5]}"


@pytest.fixture
def moved_project(tmp_path):
    """A copy of the project (each test its own) where password-reset was renamed to reset-password."""
    root = copy_project(tmp_path / "moved")
    for lang in ("zh", "en"):
        (root / "docs" / lang / "account" / "password-reset.md").rename(root / "docs" / lang / "account" / "reset-password.md")
        for md in (root / "docs" / lang).rglob("*.md"):
            text = md.read_text(encoding="utf-8")
            text = text.replace("password-reset.md", "reset-password.md").replace("id: password-reset", "id: reset-password")
            md.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace("password-reset.md", "reset-password.md"))
    # the derived edition (docs/zh-hant/) follows, as a writer does it
    assert run_cli(root, "derive").returncode == 0
    return root


def test_a_moved_article_without_redirect_breaks_old_links(moved_project, tmp_path):
    result = build(tmp_path / "out", "http://127.0.0.1:1/", cwd=moved_project, OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode == 0, result.stderr[-2000:]
    bad = published.broken(tmp_path / "out", published.read())
    assert "/account/password-reset/" in bad and "/en/go/password-reset/reset-by-email/" in bad


def test_a_moved_article_with_redirect_keeps_old_links(moved_project, tmp_path, browser):
    (moved_project / "data" / "redirects.yml").write_text("account/password-reset/: account/reset-password/\n")
    result = build(tmp_path / "out", "http://127.0.0.1:1/", cwd=moved_project, OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode == 0, result.stderr[-2000:]
    assert published.broken(tmp_path / "out", published.read()) == {}
    # and a person following the old address in a browser lands on the new page
    page = browser.new_page()
    page.goto((tmp_path / "out" / "en" / "account" / "password-reset" / "index.html").as_uri())
    page.wait_for_url("**/en/account/reset-password/")
    page.close()
