"""Shared fixtures: real builds of the site, served on 127.0.0.1, and a real Chromium; and the
test lanes.

Lanes (pytest markers, assigned here so no test file has to name its own):
- browser: uses a real Chromium (the `browser` or `visit` fixture);
- build:   builds a site, or runs the CLI on a copy of the project, or needs the npm tools of the
           quality gates: it asks for a fixture that builds (`site`, `subpath_site`), or its body or
           one of its fixtures calls a build helper (BUILDS, NODE_TOOLS below);
- unit:    everything else: pure functions and files on disk, seconds in all;
- slow:    also marked by the module itself (a new venv, a live server): part of `build`.
`make test-fast` runs `-m unit`; `make test` runs every lane. A test can still set its own marker.
"""

from __future__ import annotations

import inspect
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpcenter.browser import launch_options
from helpcenter.building import build, free_port, serve
from tests.helpers.paths import FIXTURE_REGISTRY

# Every test, and every build a test starts, reads this registry unless the test names another:
# replacing data/registry.yml with the real values (README, "Going live") changes no expectation.
os.environ["OKPAY_REGISTRY"] = str(FIXTURE_REGISTRY)

LANES = ("unit", "build", "browser")
BROWSER_FIXTURES = {"browser", "visit"}
BUILD_FIXTURES = {"site", "subpath_site"}
# A call of one of these in a test or in a fixture it uses means a site build (or the CLI, or
# mkdocs, run on a project): helpcenter.building.build/build_atomic, conftest's build_site,
# tests/helpers/project.py's run_cli, a test module's own mkdocs() runner, or a subprocess running
# mkdocs or the CLI.
BUILDS = re.compile(r"(?<![\w.])(build|build_site|build_atomic|run_cli|mkdocs)\(|building\.build|"
                    r"[\"']mkdocs[\"']|helpcenter\.cli|mkdocs serve")
# The npm tools of the quality gates (make node) run against builds: such a test is in the build lane.
NODE_TOOLS = re.compile(r"require_node_tool|AXE_JS|VNU_JAR|LIGHTHOUSE_CLI")


def _source(func) -> str:
    try:
        return inspect.getsource(func)
    except (OSError, TypeError):
        return ""


def lane(item) -> str:
    names = set(item.fixturenames)
    if names & BROWSER_FIXTURES:
        return "browser"
    if names & BUILD_FIXTURES or item.get_closest_marker("slow"):
        return "build"
    funcs = [getattr(item, "function", None)]
    for defs in item._fixtureinfo.name2fixturedefs.values():
        funcs += [d.func for d in defs if d.baseid]      # the project's own fixtures, not pytest's
    sources = [_source(f) for f in funcs if f is not None]
    return "build" if any(BUILDS.search(s) or NODE_TOOLS.search(s) for s in sources) else "unit"


def pytest_configure(config):
    for name, what in (("unit", "no site build, no browser (make test-fast)"),
                       ("build", "builds a site or runs the CLI on a project copy"),
                       ("browser", "drives a real Chromium"),
                       ("slow", "a new venv or a live server; in the build lane")):
        config.addinivalue_line("markers", f"{name}: {what}")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if not any(item.get_closest_marker(name) for name in LANES):
            item.add_marker(lane(item))


@dataclass
class Site:
    dir: Path            # the built site
    url: str             # where it is served, ending in "/"
    log: str             # the build's output


def build_site(dest: Path, url: str, **env) -> str:
    """A strict build with the tests' own registry (never whatever data/registry.yml holds)."""
    env.setdefault("OKPAY_REGISTRY", str(FIXTURE_REGISTRY))
    result = build(dest, url, **env)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The site built once with site_url on a local port and served there."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    dest = tmp_path_factory.mktemp("site")
    log = build_site(dest, url)
    server, _ = serve(dest, port)
    yield Site(dest, url, log)
    server.shutdown()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> Site:
    """The site deployed under a project sub-path, as on user.github.io/repo/."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/okpay-help/"
    root = tmp_path_factory.mktemp("subpath")
    log = build_site(root / "okpay-help", url)
    server, _ = serve(root, port)
    yield Site(root / "okpay-help", url, log)
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(**launch_options())
        yield instance
        instance.close()


@dataclass
class Visit:
    """A browser tab that records what a person's browser did: requests and console errors."""
    page: object
    requests: list = field(default_factory=list)
    errors: list = field(default_factory=list)


@pytest.fixture
def visit(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    v = Visit(page)
    page.on("request", lambda r: v.requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and v.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: v.errors.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: v.errors.append(f"failed: {r.url} {r.failure}"))
    yield v
    context.close()
