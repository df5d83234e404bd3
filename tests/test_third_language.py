"""A new language is one entry: its pages, one i18n entry in mkdocs.yml, its facts in
data/languages.yml (optional for a Latin-script one), and its strings.

A throwaway copy of the project gets French (its pages copied from English, every per-language
string of data/ copied from English too) and Japanese as a second CJK-typography language besides
the Chinese editions (its pages and strings copied from Chinese: stand-ins, the point is the
machinery), and no code change. Every plugin, the content rules (the CJK typography rules must
apply to Japanese by its facts, not by its code), links.json, the short links, the search index
and the offline zip must handle them.
"""

from __future__ import annotations

import copy
import json
import shutil
import zipfile

import pytest

from helpcenter.building import build
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import FIXTURE_REGISTRY
from tests.helpers.project import copy_project, run_cli

NEW = "fr"
CJK = "ja"
# new language -> the language its stand-in pages and strings are copied from
COPIED_FROM = {NEW: "en", CJK: "zh"}
I18N_ENTRY = """      - locale: fr
        name: Français
        site_name: Centre d'aide OKPay
      - locale: ja
        name: 日本語
        site_name: OKPay ヘルプセンター
"""
# French needs no entry in data/languages.yml (the defaults are a Latin-script language's).
LANGUAGE_FACTS = """ja:
  hreflang: ja
  og_locale: ja_JP
  browser_locale: ja-JP
  script: han
  typography: cjk
  date: "{year}年{month}月{day}日"
  colon: "："
  search: {analyzer: cjk-bigram, fold: none}
"""


def with_new_language(node):
    """Every {zh: ..., en: ...} mapping gains the new languages (their source's text, as a stand-in)."""
    if isinstance(node, dict):
        node = {k: with_new_language(v) for k, v in node.items()}
        if "en" in node and "zh" in node:
            for new, source in COPIED_FROM.items():
                node.setdefault(new, copy.deepcopy(node[source]))
        return node
    if isinstance(node, list):
        return [with_new_language(v) for v in node]
    return node


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("trilingual"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "  # The project's own plugins"
    assert anchor in config
    # the new entry goes last in the i18n languages list, right before the next plugin
    config = config.replace(anchor, I18N_ENTRY + anchor, 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for new, source in COPIED_FROM.items():
        shutil.copytree(root / "docs" / source, root / "docs" / new)
        shutil.copytree(root / "reusables" / source, root / "reusables" / new)
    shutil.copy(FIXTURE_REGISTRY, root / "data" / "registry.yml")
    for path in sorted((root / "data").rglob("*.yml")):
        if path.name in ("languages.yml", "zh-hant-phrases.yml"):
            continue
        data = load_yaml(path.read_text(encoding="utf-8"))
        path.write_text(dump_yaml(with_new_language(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    with (root / "data" / "languages.yml").open("a", encoding="utf-8") as facts:
        facts.write(LANGUAGE_FACTS)
    # what the macros print at their edges, for the typography rules: Japanese's stand-in is Chinese
    rules = load_yaml((root / "data" / "content-rules.yml").read_text(encoding="utf-8"))
    rules["macro_edges"][CJK] = rules["macro_edges"]["zh"]
    (root / "data" / "content-rules.yml").write_text(dump_yaml(rules, allow_unicode=True), encoding="utf-8")
    for new, source in COPIED_FROM.items():
        for path in sorted((root / "data").rglob(f"*.{source}.yml")):
            shutil.copy(path, path.with_name(path.name.replace(f".{source}.", f".{new}.")))
    return root


@pytest.fixture(scope="module")
def site(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "site"
    result = build(out, "http://127.0.0.1:1/", cwd=project, OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return out


def test_content_rules_cover_the_new_languages(project):
    result = run_cli(project, "check", OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    assert result.returncode == 0, result.stdout[-3000:]
    # Japanese prose follows the CJK typography rules because data/languages.yml says so: its
    # full-width punctuation passes, and a half-width comma in its prose fails as it would in zh.
    page = project / "docs" / CJK / "payments" / "fees.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n费用说明,见上表。\n", encoding="utf-8")
    try:
        result = run_cli(project, "check", OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    finally:
        page.write_text(text, encoding="utf-8")
    assert f"docs/{CJK}/payments/fees.md" in result.stdout and "cjk-punctuation" in result.stdout, result.stdout[-2000:]
    (project / "docs" / NEW / "payments" / "fees.md").rename(project / "fees.md")
    try:
        result = run_cli(project, "check", OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    finally:
        (project / "fees.md").rename(project / "docs" / NEW / "payments" / "fees.md")
    assert f"no {NEW} version of payments/fees.md" in result.stdout


def test_pages_links_and_short_links_in_the_new_language(site):
    home = (site / NEW / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{NEW}"' in home
    assert '<html lang="ja"' in (site / CJK / "index.html").read_text(encoding="utf-8")
    records = json.loads((site / "links.json").read_text(encoding="utf-8"))["records"]
    langs = ("zh", "en", "zh-hant", NEW, CJK)
    by_lang = {lang: {r["id"] for r in records if r["lang"] == lang and not r["anchor"]} for lang in langs}
    assert all(by_lang[lang] == by_lang["zh"] for lang in langs) and len(by_lang[NEW]) >= 46
    stub = (site / NEW / "go" / "password-reset" / "index.html").read_text(encoding="utf-8")
    assert f"../../../{NEW}/account/password-reset/" in stub
    auto = (site / "go" / "password-reset" / "index.html").read_text(encoding="utf-8")
    assert f'"{NEW}": "../../{NEW}/account/password-reset/"' in auto
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="{NEW}"' in sitemap


def test_the_new_language_has_its_own_search_index(site):
    indexes = sorted(p.relative_to(site).as_posix() for p in (site / NEW).rglob("*") if p.is_file()
                     and p.parent.name == "search")
    assert indexes, "no search index under /fr/"
    texts = " ".join((site / p).read_text(encoding="utf-8", errors="replace") for p in indexes)
    assert "withdrawal" in texts.lower()
    ja = json.loads((site / CJK / "search" / f"okpay-index.{CJK}.json").read_text(encoding="utf-8"))
    assert ja["lang"] == CJK and "提现" in json.dumps(ja, ensure_ascii=False) and ja["fold"] == ["", ""]


def test_the_offline_zip_holds_the_new_language(project, tmp_path):
    result = run_cli(project, "offline", "--site-dir", str(tmp_path / "offline"), "--zip", str(tmp_path / "o.zip"),
                     OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    names = zipfile.ZipFile(tmp_path / "o.zip").namelist()
    assert f"okpay-help/{NEW}/index.html" in names and f"okpay-help/{CJK}/index.html" in names
    assert "okpay-help/zh-hant/index.html" in names
