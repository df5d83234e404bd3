"""Every text that reaches a page is read, with its file and line: a contact or a script typed into
any data file, or an outside link in the nav, is reported there. One lint per case, no build."""

from __future__ import annotations

import shutil

import pytest

from helpcenter import registry as reg
from helpcenter.content_rules import lint
from tests.helpers.content import TODAY, content_project
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = content_project(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(FIXTURE_REGISTRY, root / "registry.yml")
    monkeypatch.setenv(reg.PATH_ENV, str(root / "registry.yml"))
    return root


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_the_sources_pass_as_shipped(project):
    assert [f for f in lint(project, TODAY) if f.level == "error"] == []


def first_text(path, lang_key="zh: "):
    """The first `zh:` text of a YAML file (its own line), to put a contact into."""
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith(lang_key) and len(stripped) > len(lang_key) + 2 and not stripped.endswith(":"):
            return stripped[len(lang_key):]
    raise AssertionError(f"no {lang_key} text in {path}")


@pytest.mark.parametrize("file", ["data/status.yml", "data/playbook.yml", "data/ui.yml", "data/channel-check.yml", "registry.yml"])
@pytest.mark.parametrize("typed, rule", [(" 加薇信 okpay_kefu01", "contact-detail"),
                                         (" 飞机：okpay_help", "contact-detail"),
                                         (" 访问 okpay-help。icu", "contact-detail"),
                                         (" <script>alert(1)</script>", "unsafe-html")])
def test_a_contact_or_script_in_a_data_file_is_reported_at_its_line(project, file, typed, rule):
    path = project / file
    text = first_text(path)
    # a quoted copy keeps the YAML valid whatever the text holds
    line = replace(path, f"zh: {text}", f'zh: "{text.strip(chr(34))}{typed}"')
    found = [f for f in lint(project, TODAY) if f.rule == rule and f.path.as_posix().endswith(file)]
    assert [f.line for f in found] == [line], found


def test_an_announcement_title_is_checked(project):
    line = replace(project / "data" / "status.yml", "    title:\n      zh: ", "    title:\n      zh: 加微信 kefu_888 ")
    found = [f for f in lint(project, TODAY) if f.rule == "contact-detail"]
    assert [(f.path.as_posix(), f.line) for f in found] == [("data/status.yml", line + 1)]
    assert "announcements[0].title.zh" in found[0].message


def test_an_outside_url_in_the_nav_is_refused(project):
    line = replace(project / "mkdocs.yml", "      - contact/contact-channels.md\n",
                   "      - contact/contact-channels.md\n      - Support: https://okpay-support.example.net/\n")
    found = [f for f in lint(project, TODAY) if f.rule == "contact-detail"]
    assert [(f.path.as_posix(), f.line) for f in found] == [("mkdocs.yml", line + 1)]
    assert "the nav lists pages of this site only" in found[0].message


def test_a_nav_title_is_checked(project):
    replace(project / "mkdocs.yml", "Contact: 联系客服", "Contact: 联系客服 V信：okpaykefu")
    assert [f.rule for f in lint(project, TODAY) if f.level == "error"] == ["contact-detail"]


def test_a_link_passes_only_once_its_outside_site_is_reviewed(project):
    page = project / "docs" / "en" / "account" / "password-reset.md"
    replace(page, "it takes about two minutes.", "it takes about two minutes. Report it to [the regulator](https://www.regulator.example.org/).")
    assert [f.rule for f in lint(project, TODAY)] == ["contact-detail"]
    with (project / "data" / "outside-sites.yml").open("a", encoding="utf-8") as sites:
        sites.write("  - host: regulator.example.org\n    why: a test regulator\n")
    assert lint(project, TODAY) == []


def test_severity_is_configuration(project):
    replace(project / "docs" / "en" / "account" / "password-reset.md", "it takes about two minutes.", "it takes TODO.")
    assert [(f.rule, f.level) for f in lint(project, TODAY)] == [("placeholder", "error")]
    config = project / "data" / "content-rules.yml"
    replace(config, "severity: {}", "severity: {placeholder: warning}")
    assert [(f.rule, f.level) for f in lint(project, TODAY)] == [("placeholder", "warning")]
    replace(config, "severity: {placeholder: warning}", "severity: {placeholder: 'off'}")
    assert lint(project, TODAY) == []


def test_a_misspelled_rule_name_in_the_configuration_is_named(project):
    from helpcenter.content_rules import ConfigError
    replace(project / "data" / "content-rules.yml", "severity: {}", "severity: {placeholders: warning}")
    with pytest.raises(ConfigError, match=r"content-rules.yml: severity.placeholders: no rule has this name"):
        lint(project, TODAY)


def test_an_alias_bomb_in_a_data_file_is_read_once(project):
    """Nine levels of nine aliases would be 387 million strings if each were read."""
    lines = ['a0: &a0 "加微信 okpay_kefu01"']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    with (project / "data" / "status.yml").open("a", encoding="utf-8") as status:
        status.write("\n".join(lines) + "\n")
    found = [f for f in lint(project, TODAY) if f.path.as_posix() == "data/status.yml"]
    assert [f.rule for f in found] == ["contact-detail"]
