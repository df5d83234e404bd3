"""hooks/search_worker_fixes.py: Material's search worker, patched, in the browser and on disk.

The Chinese fix in a real Chromium: before it, the worker never looked up a word ending at the
end of the query, so 官方推特 was searched as 官方 alone (social-media ranked 4th, the result links
highlighted 官方 only), 联系方式 as 联系 + 方 (contact-channels 9th) and 客服电话 as 客服 (the
fake-support-numbers article first). The patch must also fail the build, loudly, on a worker
whose code moved.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.exceptions import PluginError

from helpcenter import search_eval as se
from tests.helpers.paths import ROOT

_spec = importlib.util.spec_from_file_location("search_worker_fixes", ROOT / "hooks" / "search_worker_fixes.py")
fixes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixes)


def materials_worker() -> Path:
    """The search worker shipped in the installed Material package (what every build copies)."""
    import material
    workers = list((Path(material.__file__).parent / "templates" / fixes.WORKERS).glob("search.*.min.js"))
    assert len(workers) == 1, workers
    return workers[0]


@pytest.fixture
def worker_copy(tmp_path) -> Path:
    copy = tmp_path / materials_worker().name
    shutil.copy(materials_worker(), copy)
    return copy


# ---------------------------------------------------------------------------------------------
# On disk


def test_every_edit_applies_exactly_once_and_only_once(worker_copy):
    original = worker_copy.read_text(encoding="utf-8")
    for edit in fixes.EDITS:
        assert original.count(edit.original) == 1, edit.name
        assert edit.patched not in original, edit.name
    assert fixes.patch_worker(worker_copy) is True
    patched = worker_copy.read_text(encoding="utf-8")
    for edit in fixes.EDITS:
        assert edit.original not in patched and patched.count(edit.patched) == 1, edit.name
    # a --dirty rebuild finds the copied worker already patched: nothing changes, nothing fails
    assert fixes.patch_worker(worker_copy) is False
    assert worker_copy.read_text(encoding="utf-8") == patched


def test_a_worker_without_the_expected_code_fails_the_build(tmp_path):
    fake = tmp_path / "search.0123abcd.min.js"
    fake.write_text('"use strict";(()=>{self.lunr={};addEventListener("message",()=>{})})();\n',
                    encoding="utf-8")
    with pytest.raises(PluginError) as error:
        fixes.patch_worker(fake)
    message = str(error.value)
    assert str(fake) in message
    assert fixes.EDITS[0].name in message and repr(fixes.EDITS[0].original) in message
    assert "hooks/search_worker_fixes.py" in message
    assert fake.read_text(encoding="utf-8").startswith('"use strict"')  # left untouched


def test_code_found_twice_fails_too_and_nothing_is_written(worker_copy):
    text = worker_copy.read_text(encoding="utf-8")
    last = fixes.EDITS[-1]
    worker_copy.write_text(text + "\n//" + last.original + "\n", encoding="utf-8")
    with pytest.raises(PluginError, match="found it 2 times"):
        fixes.patch_worker(worker_copy)
    assert fixes.EDITS[0].original in worker_copy.read_text(encoding="utf-8")  # no half-patched file


def test_the_build_needs_exactly_one_worker(tmp_path):
    config = SimpleNamespace(plugins={}, site_dir=str(tmp_path))
    (tmp_path / fixes.WORKERS).mkdir(parents=True)
    with pytest.raises(PluginError, match="expected one Material search worker"):
        fixes.on_post_build(config)


def test_the_built_site_ships_the_patched_worker(site):
    workers = list((site.dir / fixes.WORKERS).glob("search.*.min.js"))
    assert len(workers) == 1
    text = workers[0].read_text(encoding="utf-8")
    assert all(edit.patched in text and edit.original not in text for edit in fixes.EDITS)


# ---------------------------------------------------------------------------------------------
# In the browser: the last word of a Chinese query is searched


@pytest.fixture(scope="module")
def zh_box(site, browser):
    context = browser.new_context(locale="zh-CN", viewport=se.VIEWPORT)
    box = se.SearchBox(context, site.url)
    yield box
    context.close()


@pytest.mark.parametrize("query, expected, highlighted", [
    ("官方推特", "social-media", {"官方", "推特"}),        # was 官方 only: rank 4
    ("联系方式", "contact-channels", {"联系方式"}),        # was 联系 + 方: rank 9
    ("客服电话", "phone-hotline", {"客服电话"}),           # was 客服 only: rank 2
])
def test_a_chinese_query_is_searched_to_its_last_word(zh_box, site, query, expected, highlighted):
    hrefs, _, _ = zh_box.search(query)
    pages = se.result_pages(hrefs, site.url)
    assert pages and pages[0] == expected, f"{query!r}: {pages[:5]}"
    # Material puts the query words it found into the result links (?h=): the last one is there
    first = next(h for h in hrefs if se.page_of(h, site.url) == expected)
    found = set(" ".join(parse_qs(urlsplit(first).query).get("h", [])).split())
    assert highlighted <= found, f"{query!r}: highlighted {found}"
