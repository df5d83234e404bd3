"""Shared fixtures: real builds of the site, served on 127.0.0.1, and a real Chromium."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpcenter.browser import launch_options  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(dest: Path, site_url: str, cwd: Path = ROOT, **env) -> subprocess.CompletedProcess:
    """A real strict MkDocs build, as `make build` runs it, into dest."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=cwd, capture_output=True, text=True, env={**os.environ, "SITE_URL": site_url, **env})


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class Site:
    dir: Path            # the built site
    url: str             # where it is served, ending in "/"
    log: str             # the build's output


def serve(root: Path, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The site built once with site_url on a local port and served there."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    dest = tmp_path_factory.mktemp("site")
    result = build(dest, url)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    server = serve(dest, port)
    yield Site(dest, url, result.stdout + result.stderr)
    server.shutdown()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> Site:
    """The site deployed under a project sub-path, as on user.github.io/repo/."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/okpay-help/"
    root = tmp_path_factory.mktemp("subpath")
    result = build(root / "okpay-help", url)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    server = serve(root, port)
    yield Site(root / "okpay-help", url, result.stdout + result.stderr)
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
