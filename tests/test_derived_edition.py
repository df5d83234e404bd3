"""The 繁體中文 (Hong Kong) edition, generated from the Simplified one (data/languages.yml
derive_from; helpcenter/convert.py, helpcenter/edition.py): Hong Kong wording from the reviewed
phrase table, no drift from its source, no simplified-only character on its pages, and its own
search, short links, sitemap entries, switcher entry, chat links and checker defaults.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace

import pytest
import yaml

from helpcenter import chatlink, convert, edition, product
from helpcenter import registry as reg
from helpcenter.layout import Layout
from helpcenter.registry_model import Region
from helpcenter.text import HAN
from tests.helpers.browser import assert_clean, open_page, search
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT

CODE = "zh-hant"
LAYOUT = Layout.load()
EDITION = LAYOUT.language(CODE)
SOURCE = EDITION.derive_from
TABLE = convert.load_table(ROOT / EDITION.phrases)
TAG = re.compile(r"<[^>]+>")
SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S)


def conv(text: str) -> str:
    return convert.for_language(EDITION)(text)


# ---- the converter and the phrase table ------------------------------------------------------

@pytest.mark.parametrize("source, hk", sorted(TABLE["phrases"].items()))
def test_every_phrase_of_the_table_is_what_the_edition_says(source, hk):
    """Each reviewed phrase, alone and inside a sentence, comes out as the table says."""
    assert conv(source) == hk
    assert conv(f"请看：{source}。") == f"請看：{hk}。"


@pytest.mark.parametrize("source, hk", sorted(TABLE["sentences"].items()))
def test_every_sentence_rewrite_applies_and_its_source_sentence_still_exists(source, hk):
    """A whole-sentence rewrite is what the edition says, and the Simplified source still holds the
    sentence: an edited source sentence would otherwise silently lose its Hong Kong wording."""
    assert conv(source) == hk
    sources = [ROOT / "docs" / SOURCE, ROOT / "reusables" / SOURCE, ROOT / "data"]
    texts = (path.read_text(encoding="utf-8") for where in sources for path in sorted(where.rglob("*"))
             if path.suffix in (".md", ".yml") and path.is_file() and path != ROOT / EDITION.phrases)
    assert any(source in text for text in texts), f"no source text holds {source!r} any more"


@pytest.mark.parametrize("traditional, preferred", sorted(TABLE["characters"].items()))
def test_every_preferred_character_replaces_the_standard_one(traditional, preferred):
    assert conv(traditional) == preferred


def test_hong_kong_usage_not_a_character_conversion():
    sentence = "登录账户后，在手机上设置邮箱，充值或提现到银行账户；联系客服前先看软件里的短信。"
    assert conv(sentence) == "登入帳戶後，在手機上設定電郵，增值或提款到銀行戶口；聯絡客戶服務前先看軟件裏的短訊。"


def test_a_longer_phrase_wins_and_latin_text_is_left_alone():
    assert conv("退出登录") == "登出" and conv("登录") == "登入"
    assert conv('{{ ui("forgot-password") }} [链接](../contact/x.md#how)') == \
        '{{ ui("forgot-password") }} [連結](../contact/x.md#how)'


def test_a_bad_phrase_table_is_named(tmp_path):
    bad = tmp_path / "phrases.yml"
    bad.write_text("phrases:\n  账户: ''\n", encoding="utf-8")
    with pytest.raises(convert.ConvertError, match=r"phrases.yml: field 'phrases.账户'.*non-empty"):
        convert.load_table(bad)
    bad.write_text("characters:\n  账户: 帳戶\n", encoding="utf-8")
    with pytest.raises(convert.ConvertError, match="one character expected"):
        convert.load_table(bad)


# ---- kept in step with its source ------------------------------------------------------------

def test_regenerating_the_edition_changes_no_byte():
    """docs/zh-hant/ is exactly what `helpcenter derive` makes of docs/zh/ today."""
    assert edition.drift(ROOT) == []
    for rel, text in edition.expected(ROOT).items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, rel


def test_a_hand_edit_or_a_source_edit_is_drift(tmp_path):
    for folder in ("docs", "data"):
        subprocess.run(["cp", "-r", str(ROOT / folder), str(tmp_path / folder)], check=True)
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    page = tmp_path / "docs" / CODE / "account" / "password-reset.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n手改的一行。\n", encoding="utf-8")
    (tmp_path / "docs" / SOURCE / "account" / "new-one.md").write_text("---\nid: new-one\n---\n新文章\n", encoding="utf-8")
    problems = {rel.as_posix(): why for rel, why in edition.drift(tmp_path)}
    assert problems == {f"docs/{CODE}/account/password-reset.md": "differs from its source",
                        f"docs/{CODE}/account/new-one.md": "missing"}
    edition.write(tmp_path)
    assert edition.drift(tmp_path) == []


def test_the_edition_titles_in_mkdocs_yml_are_the_source_titles_converted():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    entries = {e["locale"]: e for e in config["plugins"]["i18n"]["languages"]}
    source, derived = entries[SOURCE], entries[CODE]
    assert derived["nav_translations"] == {k: conv(v) for k, v in source["nav_translations"].items()}
    assert derived["site_name"] == conv(config["site_name"])
    assert derived["site_description"] == conv(config["site_description"])
    assert [p["toggle"]["name"] for p in derived["theme"]["palette"]] == \
        [conv(p["toggle"]["name"]) for p in config["theme"]["palette"]]


def test_hong_kong_facts_come_first():
    """The edition's home region leads lists of regions (authorities by region)."""
    regions = tuple(Region(id=ident, name={}, services=services) for ident, services in (
        ("singapore", ("wallet",)), ("hong-kong", ("wallet",)), ("nowhere", ())))
    data = replace(reg.model(FIXTURE_REGISTRY), regions=regions)
    text = product.ProductText(data, {}, CODE, None, EDITION.home_region["id"])
    assert [r.id for r in text.served_regions()] == ["hong-kong", "singapore"]
    assert EDITION.home_region["code"] == "HK" and EDITION.hreflang == "zh-Hant"


# ---- the built edition -----------------------------------------------------------------------

def visible_text(html: str) -> str:
    return TAG.sub(" ", SCRIPT.sub(" ", html))


def test_no_simplified_only_character_on_the_edition_pages(site):
    """Measured on every built page of the edition: under 0.5 % of its Han characters are
    simplified-only (in fact none are)."""
    bad = total = 0
    pages = sorted((site.dir / CODE).rglob("*.html"))
    for path in pages:
        b, n = convert.simplified_share(visible_text(path.read_text(encoding="utf-8")))
        bad, total = bad + b, total + n
    assert len(pages) >= 46 and total > 50_000
    assert bad / total < 0.005, f"{bad} of {total} Han characters are simplified-only"


def test_every_article_the_edition_holds(site):
    source = {p.relative_to(site.dir).as_posix() for p in site.dir.glob("*/*/index.html")
              if p.parts[-3] not in LAYOUT.codes and p.parts[-3] not in ("go", "search", "assets")}
    derived = {p.relative_to(site.dir / CODE).as_posix() for p in (site.dir / CODE).glob("*/*/index.html")
               if p.parts[-3] not in ("go", "search")}
    assert source == derived and len(derived) >= 46
    home = (site.dir / CODE / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{CODE}"' in home and "OKPay 幫助中心" in home
    assert 'property="og:locale" content="zh_HK"' in home


def test_sitemap_and_switcher_name_the_editions_by_script(site):
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<url>\s*<loc>{re.escape(site.url)}{CODE}/account/password-reset/</loc>(.*?)</url>",
                      sitemap, re.S)
    assert entry, "no sitemap entry for the edition's page"
    links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry.group(1)))
    assert links == {"zh-Hans": f"{site.url}account/password-reset/", "en": f"{site.url}en/account/password-reset/",
                     "zh-Hant": f"{site.url}{CODE}/account/password-reset/",
                     "x-default": f"{site.url}account/password-reset/"}
    assert f"<loc>{site.url}{CODE}/agent/</loc>" not in sitemap       # the console is noindex


def test_short_links_and_the_link_catalog(site):
    records = json.loads((site.dir / "links.json").read_text(encoding="utf-8"))["records"]
    mine = [r for r in records if r["lang"] == CODE]
    assert {r["id"] for r in mine} == {r["id"] for r in records if r["lang"] == SOURCE}
    reset = next(r for r in mine if r["id"] == "password-reset" and not r["anchor"])
    assert reset["short_url"] == f"{site.url}{CODE}/go/password-reset/" and reset["title"] == "忘記密碼怎麼辦"
    stub = (site.dir / CODE / "go" / "password-reset" / "index.html").read_text(encoding="utf-8")
    assert f"../../../{CODE}/account/password-reset/" in stub
    auto = (site.dir / "go" / "password-reset" / "index.html").read_text(encoding="utf-8")
    for tag in ("zh-hant", "zh-hk", "zh-tw"):
        assert f'"{tag}": "../../{CODE}/account/password-reset/"' in auto


@pytest.mark.parametrize("locale, expected", [("zh-HK", f"{CODE}/account/password-reset/"),
                                              ("zh-TW", f"{CODE}/account/password-reset/"),
                                              ("zh-CN", "account/password-reset/"),
                                              ("en-US", "en/account/password-reset/")])
def test_a_short_link_opens_the_readers_edition(site, browser, locale, expected):
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        page.goto(site.url + "go/password-reset/")
        page.wait_for_url(site.url + expected)
    finally:
        context.close()


def test_the_edition_in_a_browser(site, visit):
    """A reader in Hong Kong: the page, the switcher, search in Cantonese, the checker's HK default."""
    page = open_page(visit, site.url + f"{CODE}/contact/verify-official-channel/")
    assert page.locator("html").get_attribute("lang") == CODE
    switcher = page.locator(".md-select__link").evaluate_all(
        "els => els.map(e => [e.getAttribute('hreflang'), e.textContent.trim(), e.href])")
    here = "contact/verify-official-channel/"          # the switcher keeps the reader on this page
    assert ["zh-Hant", "繁體中文", f"{site.url}{CODE}/{here}"] in switcher
    assert ["zh-Hans", "简体中文", f"{site.url}{here}"] in switcher
    data = json.loads(page.locator("#okpay-channel-data").text_content())
    assert data["data"]["defaultRegion"]["region"] == "HK" and data["lang"] == CODE
    search(page, "唔記得登入密碼點算", ime=True)
    # the helper waits for Material's simplified/English status words; the edition's are traditional
    page.wait_for_selector(".md-search-result__link")
    results = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert results and results[0].startswith(f"{site.url}{CODE}/account/password-reset/"), results
    assert all(r.startswith(f"{site.url}{CODE}/") for r in results)
    assert_clean(visit, site.url)
    console = (site.dir / CODE / "agent" / "index.html").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex' in console and '&#34;script&#34;: &#34;han&#34;' in console


# ---- chat links --------------------------------------------------------------------------------

def run_chatlink(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpcenter.cli", "chatlink", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_a_message_in_traditional_characters_gets_links_into_the_edition(site):
    result = run_chatlink("--site", str(site.dir), "提款三日都未到帳，點算？")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(f"/{CODE}/go/" in line for line in lines), lines
    assert "/withdrawal-delayed/" in lines[0]
    assert all(convert.simplified_share(line) == (0, len(HAN.findall(line))) for line in lines)


def test_lang_accepts_the_edition_code(site):
    result = run_chatlink("--site", str(site.dir), "--lang", CODE, "我的提现三天了还没到账")
    assert result.returncode == 0, result.stderr
    assert all(f"/{CODE}/go/" in line for line in result.stdout.splitlines())
    catalog = chatlink.load(site.dir)
    assert catalog.detect("被呃咗") == CODE and catalog.detect("提现没到账") == SOURCE

