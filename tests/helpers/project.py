"""A throwaway copy of the project, for tests that change content, data or configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpcenter.building import QUIET
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT

PARTS = ("docs", "data", "helpcenter", "hooks", "overrides", "reusables", "templates", "schemas",
         "mkdocs.yml", "mkdocs.offline.yml", "pyproject.toml")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy(src, dest / name)
    return dest


def run_cli(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`helpcenter <args>` run on the copy (its own package is imported, as from its checkout)."""
    env.setdefault("OKPAY_REGISTRY", str(FIXTURE_REGISTRY))
    return subprocess.run([sys.executable, "-m", "helpcenter.cli", *args], cwd=project,
                          capture_output=True, text=True, env={**os.environ, **QUIET, **env})
