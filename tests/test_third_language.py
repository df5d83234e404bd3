"""A third language is one entry: its pages, one i18n entry in mkdocs.yml, and its strings.

A throwaway copy of the project gets French (its pages copied from English, every per-language
string of data/ copied from English too) and no code change. Every plugin, the content rules,
links.json, the short links, the search index and the offline zip must handle it.
"""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
import yaml

from helpcenter.building import build
from tests.helpers.datafiles import dump_yaml
from tests.helpers.paths import FIXTURE_REGISTRY
from tests.helpers.project import copy_project, run_cli

NEW = "fr"
I18N_ENTRY = """      - locale: fr
        name: Français
        site_name: Centre d'aide OKPay
"""


def with_new_language(node):
    """Every {zh: ..., en: ...} mapping gains the new language (the English text, as a stand-in)."""
    if isinstance(node, dict):
        node = {k: with_new_language(v) for k, v in node.items()}
        if "en" in node and "zh" in node and NEW not in node:
            node[NEW] = node["en"]
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
    shutil.copytree(root / "docs" / "en", root / "docs" / NEW)
    shutil.copytree(root / "reusables" / "en", root / "reusables" / NEW)
    shutil.copy(FIXTURE_REGISTRY, root / "data" / "registry.yml")
    for path in sorted((root / "data").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(dump_yaml(with_new_language(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in sorted((root / "data").rglob("*.en.yml")):
        shutil.copy(path, path.with_name(path.name.replace(".en.", f".{NEW}.")))
    return root


@pytest.fixture(scope="module")
def site(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "site"
    result = build(out, "http://127.0.0.1:1/", cwd=project, OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return out


def test_content_rules_cover_three_languages(project):
    result = run_cli(project, "check", OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    assert result.returncode == 0, result.stdout[-3000:]
    (project / "docs" / NEW / "payments" / "fees.md").rename(project / "fees.md")
    try:
        result = run_cli(project, "check", OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    finally:
        (project / "fees.md").rename(project / "docs" / NEW / "payments" / "fees.md")
    assert f"no {NEW} version of payments/fees.md" in result.stdout


def test_pages_links_and_short_links_in_the_new_language(site):
    home = (site / NEW / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{NEW}"' in home
    records = json.loads((site / "links.json").read_text(encoding="utf-8"))["records"]
    by_lang = {lang: {r["id"] for r in records if r["lang"] == lang and not r["anchor"]} for lang in ("zh", "en", NEW)}
    assert by_lang[NEW] == by_lang["en"] == by_lang["zh"] and len(by_lang[NEW]) >= 31
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


def test_the_offline_zip_holds_the_new_language(project, tmp_path):
    result = run_cli(project, "offline", "--site-dir", str(tmp_path / "offline"), "--zip", str(tmp_path / "o.zip"),
                     OKPAY_REGISTRY=str(project / "data" / "registry.yml"))
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    names = zipfile.ZipFile(tmp_path / "o.zip").namelist()
    assert f"okpay-help/{NEW}/index.html" in names
