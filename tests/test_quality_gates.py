"""Quality gates on the real build, every page of both languages (issue: accessible, valid, fast, light).

- Accessibility: axe-core (npm, pinned in package-lock.json) in Chromium, WCAG 2.1 A and AA rules,
  on every content page at a phone (390x844) and a desktop (1280x800) viewport, plus the search
  overlay (with results) and the navigation drawer open: zero violations.
- Valid HTML: the Nu Html Checker (npm vnu-jar) on every built file, redirect stubs included: zero
  errors; its warnings are printed, not failed.
- Links: every <a href>, <link href>, <script src>, <img src> (and meta refresh) of every built
  page resolves to a built file, and every #fragment to an id on the target page.
- Budgets, in bytes and counts only (never time): a first visit to any page transfers at most
  100 KB compressed (method: helpcenter/quality.py first_visits) and makes no third-party request;
  no image over 100 KB.

The npm tools come from `make node_modules/.installed` (make test depends on it). Without them
these tests fail with a message naming the missing file; they never skip.
"""

from __future__ import annotations

import collections
import re

import pytest

from helpcenter import quality as q
from helpcenter.layout import Layout
from tests.helpers.browser import type_query

VIEWPORTS = {"mobile": (390, 844), "desktop": (1280, 800)}
# (viewport, colour scheme the system asks for): the dark scheme follows the system setting.
LOOKS = [("mobile", "light"), ("desktop", "light"), ("mobile", "dark")]


def describe(violations: dict[str, list[dict]]) -> str:
    lines = []
    for where, found in violations.items():
        for v in found:
            lines.append(f"{where}: {v['id']} ({v['impact']}, {v['count']} nodes): {v['help']}")
            for node in v["nodes"][:3]:
                lines.append(f"    {node['target']}: {node['summary'].splitlines()[-1].strip() if node['summary'] else ''}")
    return "\n".join(lines)


def test_node_tools_are_installed():
    """Fails, naming the fix, when node_modules lacks a pinned tool (run via make test)."""
    for tool in (q.AXE_JS, q.VNU_JAR, q.LIGHTHOUSE_CLI):
        q.require_node_tool(tool)
    q.java()


def settle(page) -> None:
    """Wait until no CSS transition or animation runs: axe measures colours as painted, and a
    fading overlay is briefly light grey."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


# ---- accessibility ----------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport, scheme", LOOKS)
def test_every_page_passes_axe_wcag21_aa(site, browser, viewport, scheme):
    width, height = VIEWPORTS[viewport]
    pages = q.content_pages(site.dir)
    assert len(pages) > 60
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", color_scheme=scheme)
    context.add_init_script(path=str(q.require_node_tool(q.AXE_JS)))
    page = context.new_page()
    violations = {}
    try:
        for built in pages:
            path = q.url_path(site.dir, built)
            page.goto(site.url + path)
            page.wait_for_load_state("load")
            settle(page)
            expected = "slate" if scheme == "dark" else "default"
            assert page.get_attribute("body", "data-md-color-scheme") == expected, f"/{path}: scheme"
            found = q.axe(page)
            if found:
                violations[f"/{path} ({viewport}, {scheme})"] = found
    finally:
        context.close()
    assert not violations, f"axe WCAG 2.1 A/AA violations on {len(violations)} of {len(pages)} pages:\n" + describe(violations)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path, query, ime", [
    ("", "提现", True),
    ("payments/withdrawal-delayed/", "提现", True),
    ("en/", "withdrawal", False),
    ("en/payments/withdrawal-delayed/", "withdrawal", False),
])
def test_search_overlay_and_drawer_pass_axe(site, browser, viewport, path, query, ime):
    """What only shows on demand: the search overlay (status line, results) and, on a phone, the
    navigation drawer. The overlay is a dialog and must have an accessible name."""
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    violations = {}
    try:
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        if viewport == "mobile":
            page.click('label[for="__drawer"].md-header__button')
            settle(page)                 # the drawer slides in; axe measures what is on screen
            violations["drawer open"] = q.axe(page)
            page.keyboard.press("Escape")
            page.evaluate("() => { document.getElementById('__drawer').checked = false }")
        page.keyboard.press("s")                     # Material's shortcut: opens search, focuses the box
        page.wait_for_selector(".md-search-result__meta", state="visible")
        settle(page)
        violations["search open"] = q.axe(page)
        assert type_query(page, query, ime=ime), f"no results for {query!r}"
        settle(page)
        violations["search results"] = q.axe(page)
        violations["dialog name"] = q.axe(page, rules=["aria-dialog-name"])
        assert page.get_attribute('.md-search[role="dialog"]', "aria-label"), "search dialog has no name"
    finally:
        context.close()
    violations = {f"/{path} ({viewport}, {k})": v for k, v in violations.items() if v}
    assert not violations, describe(violations)


# ---- valid HTML -------------------------------------------------------------------------------------

def test_every_page_is_valid_html(site, capsys):
    messages = q.vnu([site.dir])
    errors, warnings = q.vnu_split(messages)
    checked = len(q.all_pages(site.dir))
    with capsys.disabled():
        print(f"\nNu Html Checker: {checked} files, {len(errors)} errors, {len(warnings)} warnings")
        for m in warnings:
            print("  " + q.vnu_line(m, site.dir))
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(q.vnu_line(m, site.dir) for m in errors[:60])


# ---- links ------------------------------------------------------------------------------------------

@pytest.mark.build   # asks for its built site by name (request.getfixturevalue), which the lane finder can't see
@pytest.mark.parametrize("which", ["site", "subpath_site"])
def test_every_internal_link_and_anchor_resolves(request, which):
    built = request.getfixturevalue(which)
    report = q.check_links(built.dir, built.url)
    assert report.checked > 1000 and report.fragments > 500, report
    assert not report.broken, f"{len(report.broken)} broken links:\n" + "\n".join(report.broken[:60])
    # The offline zip is added by the Pages workflow after the build; it is the only such path.
    assert set(report.outside_build) <= set(q.OUTSIDE_THE_BUILD)
    # every edition's home page offers the offline copy
    homes = {f"{Layout.load().language(code).prefix}index.html" for code in Layout.load().codes}
    assert report.outside_build.get("download/okpay-help-offline.zip") == homes


def test_link_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#there">ok</a><a href="a/#gone">x</a>'
                                         '<img src="missing.png"><a href="https://example.org/">ext</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="there">t</h2><a href="../nowhere/">x</a>')
    report = q.check_links(tmp_path)
    assert sorted(b.split(" -> ")[1] for b in report.broken) == [
        "missing.png does not exist", "no id 'gone' in a/index.html", "nowhere/index.html does not exist"]
    assert list(report.external) == ["https://example.org/"]


# ---- budgets: bytes and counts ----------------------------------------------------------------------

def test_first_visit_to_every_page_is_light_and_first_party(site, browser):
    """Compressed bytes per first visit (helpcenter/quality.py first_visits says how they are
    measured) on every content page, phone viewport, and no request to any other host."""
    pages = q.content_pages(site.dir)
    urls = [(site.url + q.url_path(site.dir, p), "en-US" if q.page_kind(site.dir, p)[0] == "en" else "zh-CN")
            for p in pages]
    over, foreign, kinds = [], [], collections.Counter()
    for built, visit in zip(pages, q.first_visits(browser, urls)):
        path = q.url_path(site.dir, built)
        kinds[q.page_kind(site.dir, built)] += 1
        assert any(r["type"] == "document" and r["url"] == visit.url for r in visit.responses), visit.url
        if visit.total > q.FIRST_VISIT_BUDGET:
            biggest = sorted(visit.responses, key=lambda r: -r["transfer"])[:4]
            over.append(f"/{path}: {visit.total} bytes > {q.FIRST_VISIT_BUDGET}; largest: "
                        + ", ".join(f"{r['url'].rsplit('/', 1)[-1]} {r['transfer']}" for r in biggest))
        foreign += [f"/{path}: {u}" for u in visit.foreign(site.url)]
    assert kinds[("zh", "article")] > 20 and kinds[("en", "article")] > 20, kinds
    assert not over, "\n".join(over)
    assert not foreign, "third-party requests:\n" + "\n".join(foreign)


def test_no_image_over_100_kb(site):
    assert not q.oversized_images(site.dir), q.oversized_images(site.dir)


# ---- minification keeps the hooks working -----------------------------------------------------------

def test_pages_are_minified_and_hooks_and_fixes_still_apply(site):
    html = (site.dir / "en" / "payments" / "withdrawal-delayed" / "index.html").read_text(encoding="utf-8")
    assert html.count("\n") < 5, "page HTML is not minified"
    assert "okpay-search.js?index=../../en/search/okpay-shards.en/head.json" in html  # main.html config, after minify
    assert 'class="okp-copy-link"' in html                       # okpay-links copy buttons
    assert ' tabindex=""' not in html                            # okpay-html markup fix
    assert "<script>document.getElementById" not in html          # no runtime script for the validator
    assert (site.dir / "assets" / "stylesheets" / "extra.min.css").is_file()
    assert not (site.dir / "assets" / "stylesheets" / "extra.css").exists()
    assert "assets/stylesheets/extra.min.css" in html
    assert re.search(r'<script defer src="[./]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js">', html)  # main.html
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">' in html
