"""The package installs like any other: `pip install .` into a new venv, then plain
`mkdocs build --strict` in another checkout builds that checkout's own content.

Offline-safe and quick: the wheels come from a wheelhouse under build/ (filled from the pinned
requirements once; pip's cache serves them after that) and the install runs with --no-index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from helpcenter.building import QUIET
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT
from tests.helpers.project import copy_project

pytestmark = pytest.mark.slow

WHEELHOUSE = ROOT / "build" / "wheelhouse"
# The build backend named in pyproject.toml's [build-system] (pip builds the project with it), and
# wheel, which the pip of a Python 3.11 venv asks for too; both as pinned in requirements-dev.txt
# or pyproject.toml.
BUILD_BACKEND = ("setuptools==80.9.0", "wheel==0.48.0")


def pip(python: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", *args],
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def wheelhouse() -> Path:
    """Every pinned runtime wheel (and the build backend) in one folder; offline once filled."""
    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    need = ["--require-hashes", "-r", str(ROOT / "requirements.txt")]
    offline = pip(Path(sys.executable), "download", "--quiet", "--no-index", "--find-links", str(WHEELHOUSE),
                  "-d", str(WHEELHOUSE), *need)
    if offline.returncode != 0:
        online = pip(Path(sys.executable), "download", "--quiet", "-d", str(WHEELHOUSE), *need)
        if online.returncode != 0:
            pytest.skip(f"cannot fill the wheelhouse (no package index?):\n{online.stderr[-2000:]}")
    backend = pip(Path(sys.executable), "download", "--quiet", "--no-deps", "-d", str(WHEELHOUSE), *BUILD_BACKEND)
    assert backend.returncode == 0, backend.stderr
    return WHEELHOUSE


@pytest.fixture(scope="module")
def installed(tmp_path_factory, wheelhouse) -> Path:
    """A new venv with `pip install .` of this checkout: not editable, dependencies from pyproject.toml."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # From a copy of the checkout: the installed package must carry everything a build needs.
    source = tmp_path_factory.mktemp("source")
    for name in ("helpcenter", "pyproject.toml", "README.md"):
        src = ROOT / name
        (shutil.copytree(src, source / name, ignore=shutil.ignore_patterns("__pycache__"))
         if src.is_dir() else shutil.copy(src, source / name))
    result = pip(python, "install", "--quiet", "--no-index", "--find-links", str(wheelhouse), str(source))
    assert result.returncode == 0, f"pip install . failed:\n{result.stdout}\n{result.stderr}"
    return env_dir / "bin"


def test_an_installed_package_builds_the_checkout_it_runs_in(installed, tmp_path):
    checkout = copy_project(tmp_path / "other-checkout")
    shutil.rmtree(checkout / "helpcenter")          # nothing but the installed package to import
    config = (checkout / "mkdocs.yml").read_text(encoding="utf-8")
    (checkout / "mkdocs.yml").write_text(config.replace("site_name: OKPay 帮助中心", "site_name: 另一份帮助中心", 1),
                                         encoding="utf-8")
    registry = load_yaml(FIXTURE_REGISTRY.read_text(encoding="utf-8"))
    registry["brand"]["name"] = "CopyPay"
    (checkout / "data" / "registry.yml").write_text(dump_yaml(registry, allow_unicode=True), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("OKPAY_REGISTRY", "OKPAY_ROOT", "VIRTUAL_ENV")}
    env["PATH"] = f"{installed}{os.pathsep}{env.get('PATH', '')}"

    result = subprocess.run(["mkdocs", "build", "--strict"], cwd=checkout, capture_output=True, text=True,
                            env={**env, **QUIET}, timeout=600)

    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    home = (checkout / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>另一份帮助中心</title>" in home        # this checkout's mkdocs.yml
    assert "CopyPay" in home                            # this checkout's data/registry.yml
    assert "<title>OKPay 帮助中心</title>" not in home
    # The package itself came from site-packages, not from any checkout.
    where = subprocess.run([str(installed / "python"), "-c", "import helpcenter; print(helpcenter.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True)
    assert "site-packages" in where.stdout, where.stdout + where.stderr
