"""The offline copy, unpacked from its zip and opened from disk (file://) as a customer would."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers.browser import assert_clean, search
from tests.helpers.paths import ROOT


@pytest.fixture(scope="session")
def offline(tmp_path_factory) -> Path:
    """`make offline`'s zip, unpacked; returns the folder holding index.html."""
    tmp = tmp_path_factory.mktemp("offline")
    archive = tmp / "okpay-help-offline.zip"
    subprocess.run([sys.executable, "-m", "helpcenter.cli", "offline", "--site-dir", str(tmp / "build"),
                    "--zip", str(archive)], cwd=ROOT, check=True, capture_output=True)
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp / "unpacked")
    return tmp / "unpacked" / "okpay-help"


def open_file(visit, path: Path):
    visit.page.goto(path.as_uri())
    visit.page.wait_for_load_state("networkidle")
    return visit.page


def test_zip_holds_both_languages_and_a_readme(offline):
    assert (offline.parent / "README.txt").read_text(encoding="utf-8").startswith("OKPay")
    for page in ("index.html", "en/index.html", "payments/withdrawal-delayed.html", "en/payments/withdrawal-delayed.html"):
        assert (offline / page).is_file(), page
    # each language's index as a script (a worker cannot fetch() from file://)
    assert (offline / "search" / "okpay-index.zh.js").is_file() and (offline / "en" / "search" / "okpay-index.en.js").is_file()
    # and the search box's sharded index: every file with its script twin, holding the same data
    for folder in (offline / "search" / "okpay-shards.zh", offline / "en" / "search" / "okpay-shards.en"):
        files = sorted(folder.glob("*.json"))
        assert len(files) > 50 and all(f.with_suffix(".js").is_file() for f in files), folder
        head = (folder / "head.js").read_text(encoding="utf-8")
        assert head.endswith("=" + (folder / "head.json").read_text(encoding="utf-8") + ";")


def test_every_offline_page_allows_only_the_projects_own_scripts(offline):
    """The hosted site's policy: hashes of the project's own scripts, no 'unsafe-inline'."""
    pages = list(offline.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                           path.read_text(encoding="utf-8")).group(1).replace("&#x27;", "'")
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src, path


def test_pages_render_with_styles_from_disk(offline, visit):
    page = open_file(visit, offline / "index.html")
    # the theme's stylesheet applied: the header has the palette colour, not the browser default
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor") == "rgb(64, 81, 181)"
    assert "离线版" in page.locator("article").inner_text()
    assert page.locator('a[href$="okpay-help-offline.zip"]').count() == 0
    assert_clean(visit, "file:///")


def test_navigation_and_language_switch_from_disk(offline, visit):
    page = open_file(visit, offline / "index.html")
    page.locator('article a[href$="payments/withdrawal-delayed.html"]').first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == (offline / "payments" / "withdrawal-delayed.html").as_uri()
    page.click(".md-header__option .md-select button")
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url == (offline / "en" / "payments" / "withdrawal-delayed.html").as_uri()
    assert page.get_attribute("html", "lang") == "en"
    assert_clean(visit, "file:///")


@pytest.mark.parametrize("start, query, ime, expected", [
    ("index.html", "提现", True, "payments/withdrawal-delayed.html"),
    ("en/index.html", "withdrawal", False, "en/payments/withdrawal-delayed.html"),
    ("payments/fees.html", "助记词", True, "security/recovery-phrase.html"),
    ("en/payments/fees.html", "seed phrase", False, "en/security/recovery-phrase.html"),
])
def test_search_works_from_disk_in_each_language(offline, visit, start, query, ime, expected):
    page = open_file(visit, offline / start)
    links = search(page, query, ime=ime)
    assert any(link.startswith((offline / expected).as_uri()) for link in links), links
    english = [link for link in links if "/okpay-help/en/" in link]
    assert (len(english) == len(links)) if start.startswith("en/") else not english
    # from the sharded index's script twins: its head and some term shards, never the whole index
    loaded = [u for u in visit.requests if "/search/okpay-" in u]
    assert any("/okpay-shards." in u and u.endswith("/head.js") for u in loaded), loaded
    assert any(re.search(r"/okpay-shards\.[a-z-]+/t\d+\.js$", u) for u in loaded), loaded
    assert not [u for u in loaded if "/okpay-index." in u], loaded
    assert_clean(visit, "file:///")


@pytest.mark.parametrize("start, message", [
    ("agent.html", "我的提现三天了还没到账，能帮我查一下吗"),
    ("en/agent.html", "my withdrawal has been pending for three days, can you check it"),
])
def test_agent_console_answers_from_disk(offline, visit, start, message):
    """The console searches from file:// too, and its links are the hosted short links to paste."""
    page = open_file(visit, offline / start)
    page.locator("[data-agent-message]").fill(message)
    page.wait_for_function("m => (document.querySelector('[data-agent-console]').dataset.answered || '').endsWith(m)",
                           arg=message)
    links = page.eval_on_selector_all("[data-agent-results] code", "els => els.map(e => e.textContent)")
    assert len(links) == 3
    assert all(re.match(r"https?://[^/]+/(.+/)?go/[a-z0-9-]+/", link) for link in links), links
    assert "withdrawal-delayed" in links[0]
    assert_clean(visit, "file:///")
