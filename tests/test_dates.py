""""Last updated" is each page's last commit, read from a real git checkout with back-dated commits."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from helpcenter.building import build
from tests.helpers.paths import FIXTURE_REGISTRY
from tests.helpers.project import copy_project, run_cli


def git(repo, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.com",
           "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.com"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def updated(site, path):
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return re.search(r'data-updated>[^<]*<time datetime="?([0-9-]+)', html).group(1)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("repo"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "all content", date="2025-03-04T10:00:00Z")
    page = root / "docs" / "en" / "payments" / "fees.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(root, "commit", "-qam", "one English page changed", date="2026-01-15T09:00:00Z")
    # a phrase-table edit regenerates the derived edition's pages, fees among them
    table = root / "data" / "zh-hant-phrases.yml"
    table.write_text(table.read_text(encoding="utf-8").replace("phrases:\n", "phrases:\n  费用: 收費\n", 1),
                     encoding="utf-8")
    assert run_cli(root, "derive").returncode == 0
    assert "收費" in (root / "docs" / "zh-hant" / "payments" / "fees.md").read_text(encoding="utf-8")
    git(root, "commit", "-qam", "the derived edition regenerated", date="2026-02-20T09:00:00Z")
    return root


def test_each_page_shows_its_own_last_commit(repo, tmp_path):
    result = build(tmp_path / "out", "http://127.0.0.1:1/", cwd=repo, OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode == 0, result.stderr[-3000:]
    out = tmp_path / "out"
    assert updated(out, "en/payments/fees") == "2026-01-15"
    assert updated(out, "payments/fees") == "2025-03-04"
    assert updated(out, "en/account/password-reset") == "2025-03-04"
    # a derived edition's page is as old as its source: regenerating it is not a change of content
    assert updated(out, "zh-hant/payments/fees") == updated(out, "payments/fees") == "2025-03-04"
    assert "not in a git checkout" not in result.stderr


def test_a_shallow_clone_fails_the_strict_build_loudly(repo, tmp_path):
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(tmp_path / "shallow")], check=True)
    result = build(tmp_path / "out", "http://127.0.0.1:1/", cwd=tmp_path / "shallow", OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode != 0
    assert "shallow git clone" in result.stderr and "fetch-depth: 0" in result.stderr


def test_without_git_the_build_says_so_once(tmp_path):
    project = copy_project(tmp_path / "p")
    result = build(tmp_path / "out", "http://127.0.0.1:1/", cwd=project, OKPAY_REGISTRY=str(FIXTURE_REGISTRY),
                   GIT_CEILING_DIRECTORIES=str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stderr.count("is not in a git checkout") == 1
