"""helpcenter new-article: both languages and the nav in one command; refuses bad or used ids."""

import shutil
import subprocess
import sys

import pytest

from helpcenter.commands import new_article
from helpcenter.content_rules import lint
from tests.helpers.paths import ROOT


@pytest.fixture
def project(tmp_path):
    for name in ("docs", "data", "templates", "mkdocs.yml", "reusables"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    return tmp_path


def run(project, *args):
    return new_article.main(list(args), root=project)


def test_creates_both_languages_and_the_nav_entry(project):
    # The section's last entry before the run, read from the nav: adding articles moves it.
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    last = [line for line in before.splitlines() if line.strip().startswith("- payments/")][-1]
    assert run(project, "payments", "card-declined") == 0
    for lang in ("zh", "en"):
        text = (project / "docs" / lang / "payments" / "card-declined.md").read_text(encoding="utf-8")
        assert text.startswith("---\nid: card-declined\n")
        assert "{#first-question}" in text
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"{last}\n      - payments/card-declined.md\n  - Security:" in nav
    # the pair is structurally in step, and the linter insists the TODOs get written
    rules = {f.rule for f in lint(project) if "card-declined" in str(f.path)}
    assert rules == {"front-matter", "placeholder", "unknown-id"}     # ui("...") is a TODO too


@pytest.mark.parametrize("section, ident, message", [
    ("payments", "fees", "already exists"),
    ("payments", "Card_Declined", "lowercase"),
    ("billing", "card-declined", "unknown section"),
    ("account", "password-reset", "already exists"),
    ("payments", "card-declined\n", "lowercase"),
    ("payments", "card-declined\n- evil.md", "lowercase"),
    ("payments", "index", "section's landing page"),
])
def test_refuses_bad_ids(project, capsys, section, ident, message):
    assert run(project, section, ident) == 2
    assert message in capsys.readouterr().err


def test_a_refused_id_leaves_the_project_untouched(project):
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert run(project, "payments", "card-declined\n") == 2
    assert run(project, "payments", "index") == 2
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == nav
    assert (project / "docs" / "zh" / "payments" / "index.md").read_text(encoding="utf-8") == \
        (ROOT / "docs" / "zh" / "payments" / "index.md").read_text(encoding="utf-8")


def test_refuses_an_id_that_was_published_before(project, capsys):
    (project / "docs" / "zh" / "payments" / "fees.md").unlink()
    (project / "docs" / "en" / "payments" / "fees.md").unlink()
    assert run(project, "payments", "fees") == 2
    assert "published before" in capsys.readouterr().err


def test_help():
    out = subprocess.run([sys.executable, "-m", "helpcenter.cli", "new-article", "--help"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0 and "SECTION ID" in out.stdout
