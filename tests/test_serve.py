"""The writer's loop: `mkdocs serve` rebuilds when the registry or a reusable text changes, not only
when docs/ or mkdocs.yml does (mkdocs.yml `watch:`)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpcenter.building import QUIET, free_port
from tests.helpers.paths import FIXTURE_REGISTRY
from tests.helpers.project import copy_project

pytestmark = pytest.mark.slow

# A rebuild of the whole site takes seconds on a quiet machine and a minute or more on a loaded one.
WAIT = 300


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')}"
        if text in fetch(url):
            return
        time.sleep(1)
    pytest.fail(f"{text!r} did not appear at {url} within {WAIT} s:\n{log.read_text(encoding='utf-8')[-3000:]}")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    registry = project / "data" / "registry.yml"
    registry.write_text(FIXTURE_REGISTRY.read_text(encoding="utf-8"), encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                              cwd=project, stdout=log.open("w", encoding="utf-8"), stderr=subprocess.STDOUT,
                              env={**os.environ, **QUIET, "OKPAY_REGISTRY": str(registry)})
    try:
        yield project, f"http://127.0.0.1:{port}/", lambda page, text: wait_for(page, text, server, log)
    finally:
        server.terminate()
        server.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_reloads_on_a_registry_and_a_reusable_edit(served):
    project, url, wait_for_text = served
    # a page that shows the reusable block edited below, whichever pages carry it today
    source = next(p for p in sorted((project / "docs" / "en").rglob("*.md"))
                  if 'reusable("never-ask")' in p.read_text(encoding="utf-8") and p.name != "index.md")
    page = url + source.relative_to(project / "docs").with_suffix("").as_posix() + "/"
    wait_for_text(page, "OKPay")                          # the first build is served

    edit(project / "data" / "registry.yml", "  name: OKPay\n", "  name: ReloadPay\n")
    wait_for_text(page, "ReloadPay")

    reusable = project / "reusables" / "en" / "never-ask.md"
    reusable.write_text(reusable.read_text(encoding="utf-8") + "\nA line added while serving.\n", encoding="utf-8")
    wait_for_text(page, "A line added while serving.")
