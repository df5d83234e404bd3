"""Issue 15's new articles as a reader sees them: service announcements (a banner on every page,
in the page's language, from data/status.yml) and the policy links (from the registry).

The site is built from fixture data (tests/data/status-fixture.yml and a registry written here),
with "today" pinned by OKPAY_STATUS_TODAY, so nothing depends on what the shipped files hold or
on the date the tests run.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter import localized, status
from helpcenter import registry as reg
from helpcenter.building import build, free_port, serve
from helpcenter.layout import Layout
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT, TESTS

STATUS_FIXTURE = TESTS / "data" / "status-fixture.yml"
TODAY = "2027-03-10"
CURRENT = {"flagged-incident", "dated-maintenance"}          # active: true / by dates on TODAY
NOT_CURRENT = {"expired-delay", "switched-off", "scheduled-upgrade"}
FIXTURE_POLICIES = [
    {"id": "terms", "name": {"zh": "测试用户协议", "en": "Fixture Terms"},
     "url": "https://legal.okpay-fixture.example.net/terms"},
    {"id": "privacy", "name": {"zh": "测试隐私政策", "en": "Fixture Privacy Notice"},
     "url": "https://legal.okpay-fixture.example.net/privacy"},
    {"id": "fees", "name": {"zh": "测试收费标准", "en": "Fixture Fee Table"},
     "url": "https://legal.okpay-fixture.example.net/fees"},
]
BANNER = re.compile(r'<p class="okp-status[^"]*" data-status-banner="([\w-]+)">(.*?)</p>', re.S)


def fixture_registry(tmp_path: Path) -> Path:
    data = load_yaml(FIXTURE_REGISTRY.read_text(encoding="utf-8"))
    data["domains"].append({"id": "fixture-legal", "domain": "okpay-fixture.example.net"})
    data["policies"] = FIXTURE_POLICIES
    path = tmp_path / "registry.yml"
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("articles")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    result = build(tmp / "site", url, OKPAY_STATUS_FILE=str(STATUS_FIXTURE), OKPAY_STATUS_TODAY=TODAY,
                   OKPAY_REGISTRY=str(fixture_registry(tmp)))
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    server, _ = serve(tmp / "site", port)
    yield tmp / "site", url
    server.shutdown()


def theme_pages(root: Path) -> list[tuple[Path, str, str]]:
    """Every page rendered by the theme (not the /go/ redirect stubs): path, language, HTML."""
    out = []
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if 'class="md-header' in text:
            out.append((path, re.search(r'<html lang="([\w-]+)"', text).group(1), text))
    return out


def fixture_titles() -> dict[str, dict[str, str]]:
    """Each announcement's title per site language (a derived edition's converted from its source)."""
    data = load_yaml(STATUS_FIXTURE.read_text(encoding="utf-8"))
    return {a["id"]: localized.derived_values(a["title"]) for a in data["announcements"]}


# ---- the banner --------------------------------------------------------------------------

def test_current_announcements_show_on_every_page_in_its_language(fixture_site):
    root, _ = fixture_site
    titles = fixture_titles()
    pages = theme_pages(root)
    assert {lang for _, lang, _ in pages} == set(Layout.load().codes) and len(pages) > 80
    for path, lang, text in pages:
        found = BANNER.findall(text)
        assert [ident for ident, _ in found] == ["flagged-incident", "dated-maintenance"], \
            f"{path}: banners {found}: expected both current ones, the outage first"
        banners = dict(found)
        for ident, body in banners.items():
            shown = html.unescape(re.sub(r"<[^>]+>", "", body))
            assert titles[ident][lang] in shown, f"{path}: {ident} not in {lang}: {shown!r}"
            for other, title in titles[ident].items():
                if title != titles[ident][lang]:
                    assert title not in shown, f"{path}: {ident} shows the {other} title"
        for ident in NOT_CURRENT:
            assert titles[ident][lang] not in re.sub(r'<article.*</article>', "", text, flags=re.S), \
                f"{path}: {ident} is not current but appears outside the article"


def test_banner_links_to_the_announcement_on_the_status_page(fixture_site):
    root, _ = fixture_site
    for page, status_page in ((root / "index.html", root / "contact/service-status/index.html"),
                              (root / "en/payments/fees/index.html", root / "en/contact/service-status/index.html")):
        text = page.read_text(encoding="utf-8")
        target = status_page.read_text(encoding="utf-8")
        links = re.findall(r'data-status-banner="([\w-]+)">.*?<a href="([^"]+)"', text, re.S)
        assert {ident for ident, _ in links} == CURRENT
        for ident, href in links:
            address, _, anchor = href.partition("#")
            assert (page.parent / address / "index.html").resolve() == status_page.resolve(), href
            assert anchor == ident and f'id="{ident}"' in target


def test_banner_link_works_in_the_offline_copy(tmp_path):
    """The offline copy names pages *.html (use_directory_urls: false) and is opened from disk."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.offline.yml", "-d", str(tmp_path / "off")],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "OKPAY_STATUS_FILE": str(STATUS_FIXTURE), "OKPAY_STATUS_TODAY": TODAY})
    assert result.returncode == 0, result.stderr
    page = tmp_path / "off" / "en" / "payments" / "fees.html"
    hrefs = re.findall(r'data-status-banner="[\w-]+">.*?<a href="([^"]+)"', page.read_text(encoding="utf-8"), re.S)
    assert len(hrefs) == len(CURRENT)
    for href in hrefs:
        address, _, anchor = href.partition("#")
        target = (page.parent / address).resolve()
        assert target == (tmp_path / "off" / "en" / "contact" / "service-status.html").resolve(), href
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8")


def test_status_page_lists_current_scheduled_and_past(fixture_site):
    root, _ = fixture_site
    titles = fixture_titles()
    for lang, page in (("zh", root / "contact/service-status/index.html"),
                       ("en", root / "en/contact/service-status/index.html")):
        text = html.unescape(page.read_text(encoding="utf-8"))
        article = text[text.index("<article"):]
        current, past = article.index('id="current"'), article.index('id="past"')
        for ident in CURRENT | {"scheduled-upgrade"}:
            assert current < article.index(titles[ident][lang]) < past, f"{lang}: {ident} not under current"
        for ident in {"expired-delay", "switched-off"}:
            assert article.index(titles[ident][lang]) > past, f"{lang}: {ident} not under past"
    en = html.unescape((root / "en/contact/service-status/index.html").read_text(encoding="utf-8"))
    assert "March 10, 2027 to March 11, 2027" in en and "Since March 9, 2027" in en


def test_banner_is_visible_in_a_real_browser(fixture_site, visit):
    _, url = fixture_site
    titles = fixture_titles()
    for address, lang in (("", "zh"), ("en/scams/task-scams/", "en")):
        # networkidle: leaving while the search worker still loads aborts its request (an error)
        visit.page.goto(url + address, wait_until="networkidle")
        banner = visit.page.locator('[data-status-banner="flagged-incident"]')
        assert banner.is_visible()
        assert titles["flagged-incident"][lang] in banner.inner_text()
        assert not visit.errors


def test_no_banner_when_nothing_is_current(tmp_path):
    """Only past announcements (as the shipped demo file): no banner, the 'all normal' text."""
    data = load_yaml(STATUS_FIXTURE.read_text(encoding="utf-8"))
    data["announcements"] = [a for a in data["announcements"] if a["id"] in ("expired-delay", "switched-off")]
    path = tmp_path / "status.yml"
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    result = build(tmp_path / "site", "http://127.0.0.1:8000/", OKPAY_STATUS_FILE=str(path),
                   OKPAY_STATUS_TODAY=TODAY)
    assert result.returncode == 0, result.stderr
    for page in (tmp_path / "site/index.html", tmp_path / "site/en/contact/service-status/index.html"):
        assert "data-status-banner" not in page.read_text(encoding="utf-8")
    en = (tmp_path / "site/en/contact/service-status/index.html").read_text(encoding="utf-8")
    assert status.strings()["none"]["en"] in en


# ---- the status file's validation -----------------------------------------------------------

@pytest.mark.parametrize("mutate, field, expected", [
    (lambda a: a.update(severity="urgent"), "announcements[0].severity", "info | warning | critical"),
    (lambda a: a["title"].pop("en"), "announcements[0].title.en", "missing"),
    (lambda a: a.update(start="next week"), "announcements[0].start", "YYYY-MM-DD"),
    (lambda a: a.update(start=dt.date(2027, 3, 12), end=dt.date(2027, 3, 11)), "announcements[0].end", "before start"),
    (lambda a: a.update(active="yes"), "announcements[0].active", "true or false"),
    (lambda a: a.update(id="Bank Delay"), "announcements[0].id", "kebab-case"),
    (lambda a: a.update(ends=dt.date(2027, 3, 12)), "announcements[0].ends", "did you mean 'end'?"),
])
def test_malformed_status_file_names_file_and_field(tmp_path, mutate, field, expected):
    data = load_yaml(STATUS_FIXTURE.read_text(encoding="utf-8"))
    mutate(data["announcements"][0])
    path = tmp_path / "status.yml"
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(status.StatusError) as err:
        status.load(path)
    assert str(path) in str(err.value) and f"field '{field}'" in str(err.value) and expected in str(err.value)


def test_build_refuses_a_malformed_status_file(tmp_path):
    data = load_yaml(STATUS_FIXTURE.read_text(encoding="utf-8"))
    data["announcements"][1]["text"].pop("zh")
    path = tmp_path / "status.yml"
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    result = build(tmp_path / "site", "http://127.0.0.1:8000/", OKPAY_STATUS_FILE=str(path))
    assert result.returncode != 0
    assert f"{path}: field 'announcements[1].text.zh': missing" in result.stdout + result.stderr


# ---- policies -------------------------------------------------------------------------------

def test_policy_links_name_the_document_in_the_page_language(fixture_site):
    root, _ = fixture_site
    for lang, page in (("zh", root / "about/protecting-your-money/index.html"),
                       ("en", root / "en/about/protecting-your-money/index.html")):
        links = dict(re.findall(r'<a href="(https://legal\.okpay-fixture[^"]+)">([^<]+)</a>',
                                page.read_text(encoding="utf-8")))
        assert links == {p["url"]: p["name"][lang] for p in FIXTURE_POLICIES}


@pytest.mark.parametrize("url, expected", [
    ("https://okpay-terms.example.org/terms", "is not a registry domain"),
    ("https://okpay.example.com.evil.example.org/terms", "is not a registry domain"),
    ("http://okpay.example.com/legal/terms", "https://"),
])
def test_policy_must_be_https_on_a_registry_domain(tmp_path, url, expected):
    data = load_yaml(FIXTURE_REGISTRY.read_text(encoding="utf-8"))
    data["policies"] = [{"id": "terms", "name": {"zh": "协议", "en": "Terms"}, "url": url}]
    path = tmp_path / "registry.yml"
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(reg.RegistryError) as err:
        reg.load(path)
    assert "policies[0].url" in str(err.value) and expected in str(err.value)


def test_policy_on_a_demo_domain_is_a_demo_value(tmp_path):
    data = reg.model(fixture_registry(tmp_path))
    assert {f"policies[{i}].url" for i in range(3)} <= {d.field for d in reg.demo_values(data)}


# ---- glossary -------------------------------------------------------------------------------

def test_glossary_terms_have_the_same_anchors_in_both_languages(fixture_site):
    """Terms are paragraphs with ids, not headings (so the glossary never outranks the article
    that answers in search): the content rules' heading-anchor parity cannot see them."""
    root, _ = fixture_site
    anchors = {}
    for lang, page in (("zh", root / "about/glossary/index.html"), ("en", root / "en/about/glossary/index.html")):
        anchors[lang] = re.findall(r'<p id="([a-z0-9-]+)"><strong>', page.read_text(encoding="utf-8"))
    assert anchors["zh"] == anchors["en"]
    plan_terms = {"recovery-phrase", "private-key", "network", "trc20-erc20", "transaction-hash", "network-fee",
                  "memo-tag", "confirmation", "two-step-verification"}
    assert plan_terms <= set(anchors["en"]) and len(anchors["en"]) == len(set(anchors["en"]))
