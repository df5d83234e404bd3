"""Shared fixtures: real builds of the site, served on 127.0.0.1, and a real Chromium."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpcenter.browser import launch_options
from helpcenter.building import build, free_port, serve
from tests.helpers.paths import FIXTURE_REGISTRY

# Every test, and every build a test starts, reads this registry unless the test names another:
# replacing data/registry.yml with the real values (README, "Going live") changes no expectation.
os.environ["OKPAY_REGISTRY"] = str(FIXTURE_REGISTRY)


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
