"""Markdown hygiene: pymarkdown with the deliberate rule set in .pymarkdown.json."""

import subprocess
import sys

from tests.helpers.paths import ROOT

PYMARKDOWN = [sys.executable, "-m", "pymarkdown", "--config", str(ROOT / ".pymarkdown.json"), "scan", "-r"]


def test_content_passes_markdown_lint():
    out = subprocess.run(PYMARKDOWN + ["docs", "reusables", "templates"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_markdown_lint_catches_a_broken_page(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text("---\ntitle: x\n---\n\n## Heading {#h}\nText right under it\n\n\n* star list\n- dash list\n",
                    encoding="utf-8")
    out = subprocess.run(PYMARKDOWN + [str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode != 0
    assert "MD022" in out.stdout and "MD012" in out.stdout and "MD004" in out.stdout
