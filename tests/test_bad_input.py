"""A writer's or operator's mistake gets a clear message naming the file and the fix, never a
traceback, and never costs the last good site."""

from __future__ import annotations

import pytest

from tests.helpers.project import copy_project, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A project copy with a good site already built into out/ by `helpcenter build`."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_cli(project, "build", "--site-dir", "out")
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def _break_and_build(project, path, change):
    """Apply `change` to one file, build into out/ again, restore the file; return the result."""
    target = project / path
    original = target.read_bytes()
    try:
        change(target)
        return run_cli(project, "build", "--site-dir", "out")
    finally:
        target.write_bytes(original)


def _gbk(target):
    target.write_bytes(target.read_text(encoding="utf-8").encode("gbk", errors="replace"))


def _phone_typed(target):
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("\n\n", "\n\n拨打 +86 138 0013 8000 找客服。\n\n", 1), encoding="utf-8")


def _unknown_macro(target):
    target.write_text(target.read_text(encoding="utf-8") + "\n{{ phonee(\"global\") }}\n", encoding="utf-8")


def _unknown_id(target):
    target.write_text(target.read_text(encoding="utf-8") + "\n{{ phone(\"mars\") }}\n", encoding="utf-8")


def _drop_copy_link(target):
    text = target.read_text(encoding="utf-8")
    start = text.index("copy_link:")
    end = text.index("\n", text.index("  en:", start))
    target.write_text(text[:start] + text[end + 1:], encoding="utf-8")


def _nav_missing(target):
    target.write_text(target.read_text(encoding="utf-8").replace(
        "      - contact/in-app-chat.md\n", "      - contact/in-app-chat.md\n      - contact/no-such-page.md\n"),
        encoding="utf-8")


def _no_id(target):
    text = target.read_text(encoding="utf-8")
    target.write_text("\n".join(line for line in text.split("\n") if not line.startswith("id:")), encoding="utf-8")


def _broken_front_matter(target):
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("title:", "title: [unclosed", 1), encoding="utf-8")


@pytest.mark.parametrize("path, change, expected", [
    ("docs/zh/contact/phone-hotline.md", _gbk, "save the file as UTF-8"),
    ("docs/zh/contact/phone-hotline.md", _phone_typed, "[contact-detail]"),
    ("docs/en/contact/email-support.md", _unknown_macro, "no macro or value named 'phonee'"),
    ("docs/en/contact/email-support.md", _unknown_id, "phone('mars'): no such id in data/registry.yml"),
    ("data/ui.yml", _drop_copy_link, "data/ui.yml: no string 'copy_link'"),
    ("mkdocs.yml", _nav_missing, "contact/no-such-page.md"),
    ("docs/en/account/password-reset.md", _no_id, "[front-matter]"),
    ("docs/en/account/password-reset.md", _broken_front_matter, "[front-matter]"),
], ids=["gbk", "typed-phone", "unknown-macro", "unknown-registry-id", "missing-ui-string", "nav-missing-page",
        "missing-id", "broken-front-matter"])
def test_bad_input_names_the_file_and_keeps_the_last_good_site(built, path, change, expected):
    result = _break_and_build(built, path, change)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert (built / "out" / "index.html").is_file() and (built / "out" / "links.json").is_file()
    assert "still holds the last good site" in output


def test_a_missing_translation_says_which_language(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "en" / "payments" / "fees.md").unlink()
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert "no en version of payments/fees.md; expected docs/en/payments/fees.md" in result.stdout


def test_check_names_a_broken_ui_file_without_a_traceback(tmp_path):
    """`helpcenter check` reads data/ui.yml through the macros: a string left empty in one language
    is reported like any content finding, not raised."""
    project = copy_project(tmp_path / "p")
    target = project / "data" / "ui.yml"
    text = target.read_text(encoding="utf-8")
    start = text.index("copy_link:")
    zh = text.index("  zh:", start)
    target.write_text(text[:zh] + '  zh: ""' + text[text.index("\n", zh):], encoding="utf-8")
    result = run_cli(project, "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "data/ui.yml: field 'copy_link': missing zh" in output, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
