"""One owner for the project folder (helpcenter/project.py): commands read the folder they run in,
or the one named with --root, never the package's own location."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpcenter import project
from tests.helpers.project import copy_project

# Content rules only, no build: these stay in the unit lane although they run the CLI.
pytestmark = pytest.mark.unit


def cli(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpcenter.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != project.ENV})


def test_paths_inside_the_project_and_absolute_paths_as_given(tmp_path, monkeypatch):
    monkeypatch.setenv(project.ENV, str(tmp_path))
    assert project.root() == tmp_path.resolve()
    assert project.path("data", "registry.yml") == tmp_path.resolve() / "data" / "registry.yml"
    assert project.path(tmp_path / "elsewhere.yml") == tmp_path / "elsewhere.yml"


def test_root_names_the_checkout_a_command_reads(tmp_path):
    other = copy_project(tmp_path / "other")
    page = other / "docs" / "en" / "contact" / "phone-hotline.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCall +1 202 555 0143 now.\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()

    named = cli("--root", str(other), "check", cwd=outside)
    assert named.returncode == 1 and "docs/en/contact/phone-hotline.md" in named.stdout, named.stdout + named.stderr
    here = cli("check", cwd=other)
    assert here.returncode == 1 and "phone-hotline.md" in here.stdout


def test_a_root_without_mkdocs_yml_is_refused_by_name(tmp_path):
    result = cli("--root", str(tmp_path), "check", cwd=tmp_path)
    assert result.returncode == 2
    assert f"--root '{tmp_path}': expected a project folder holding mkdocs.yml" in result.stderr
    assert "Traceback" not in result.stderr
