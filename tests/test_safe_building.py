"""Bad data files fail the build as a person runs it (the CLI, in a subprocess): short, named, no
traceback, never a hang; redirects never write outside the site; plain `mkdocs build` keeps the last
good site and leaves no temporary folders (helpcenter/plugins/output.py); new-article refuses an id
that moved. The loader's own battery is tests/test_safe_loading.py."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from helpcenter.building import QUIET, free_port
from helpcenter.commands import new_article
from helpcenter.plugins.output import OutputPlugin
from tests.helpers.paths import FIXTURE_REGISTRY
from tests.helpers.project import copy_project, run_cli
from tests.test_safe_loading import alias_bomb, indent

TIMEOUT = 180          # a hang (the alias bomb once grew to 945 MB) fails the test instead of the machine
SHORT_OUTPUT = 6_000


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("safe")
    project = copy_project(root / "project")
    (project / "registry.yml").write_text(FIXTURE_REGISTRY.read_text(encoding="utf-8"), encoding="utf-8")
    return project


def files_outside(root: Path, *inside: Path) -> set[str]:
    """Every file and folder under `root`, except under the folders in `inside`."""
    skip = [p.resolve() for p in inside]
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if not any(p.resolve() == s or p.resolve().is_relative_to(s) for s in skip)}


def mkdocs(project: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    """Plain `mkdocs build --strict`, as a writer runs it in the project (its own package first)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=project,
                          capture_output=True, text=True, timeout=TIMEOUT,
                          env={**os.environ, **QUIET, "OKPAY_REGISTRY": str(project / "registry.yml"), **kw})


def temporary_folders(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.glob(".site-building-*"))


# ---- bad data files through the CLI ---------------------------------------------------------

BOMB = alias_bomb(8)


def _append(text):
    return lambda old: old + text


def _replace(old_text, new_text):
    def change(old):
        assert old_text in old, old_text
        return old.replace(old_text, new_text, 1)
    return change


CASES = {
    "bomb-unused-registry-key": ("registry.yml", _append("\nunused:\n" + indent(BOMB, 2)), "registry.yml: line ", "alias"),
    "bomb-checked-status-field": ("data/status.yml", _replace("announcements:\n", "announcements:\n  - id: bomb\n"
                                  "    severity: info\n    start: 2026-01-01\n    text: t\n    title:\n" + indent(BOMB, 6)),
                                  "data/status.yml: line ", "anchor"),
    "bomb-ui": ("data/ui.yml", _append("\n" + BOMB), "data/ui.yml: line ", "anchor"),
    "bomb-vocabulary": ("data/search/vocabulary.zh.yml", _append("\nx:\n" + indent(BOMB, 2)), "vocabulary.zh.yml: line ", "anchor"),
    "bomb-channel-check": ("data/channel-check.yml", _append("\nx:\n" + indent(BOMB, 2)), "data/channel-check.yml: line ", "anchor"),
    "bomb-redirects": ("data/redirects.yml", lambda old: BOMB, "data/redirects.yml: line ", "anchor"),
    "misspelled-registry-key": ("registry.yml", _append("\ndefault_regoin: HK\n"), "field 'default_regoin'",
                                "did you mean 'default_region'?"),
    "misspelled-playbook-key": ("data/playbook.yml", _replace("    steps:", "    stpes:"), "data/playbook.yml: line ",
                                "did you mean 'steps'?"),
    "impossible-registry-date": ("registry.yml", _replace("effective: 2026-11-01", "effective: 2026-02-30"),
                                 "field 'fee_schedule.effective'", "2026-02-30 is not a date that exists"),
    "impossible-status-date": ("data/status.yml", _append("  - id: x\n    severity: info\n    start: 2026-04-31\n"
                                                        "    title: t\n    text: t\n"),
                               "data/status.yml: line ", "2026-04-31 is not a date that exists"),
    "redirect-dot-dot": ("data/redirects.yml", lambda old: "../../../escaped/: account/password-reset/\n",
                         "data/redirects.yml: entry '../../../escaped/'", "'..'"),
    "redirect-encoded": ("data/redirects.yml", lambda old: "account/password-reset/: '%2e%2e/%2e%2e/x/'\n",
                         "data/redirects.yml: entry 'account/password-reset/': new path", "%-escape"),
    "redirect-absolute": ("data/redirects.yml", lambda old: "/tmp/escaped/: account/password-reset/\n",
                          "data/redirects.yml: entry '/tmp/escaped/'", "absolute"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_data_file_fails_the_build_short_and_named(project, case):
    path, change, where, what = CASES[case]
    target = project / path
    original = target.read_bytes()
    before = files_outside(project.parent, project / "out")
    try:
        target.write_text(change(original.decode("utf-8")), encoding="utf-8")
        started = time.monotonic()
        result = run_cli(project, "build", "--site-dir", "out", OKPAY_REGISTRY=str(project / "registry.yml"))
        elapsed = time.monotonic() - started
    finally:
        target.write_bytes(original)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert where in output and what in output, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert len(output) < SHORT_OUTPUT, output[:3000]
    assert elapsed < 60
    assert files_outside(project.parent, project / "out") == before


def test_a_good_redirect_writes_only_inside_the_site(project, tmp_path):
    redirects = project / "data" / "redirects.yml"
    original = redirects.read_bytes()
    before = files_outside(project.parent, project / "out")
    try:
        redirects.write_text("account/reset-my-password/: account/password-reset/\n", encoding="utf-8")
        result = run_cli(project, "build", "--site-dir", "out", OKPAY_REGISTRY=str(project / "registry.yml"))
    finally:
        redirects.write_bytes(original)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (project / "out" / "account" / "reset-my-password" / "index.html").is_file()
    assert (project / "out" / "en" / "go" / "reset-my-password" / "index.html").is_file()
    assert files_outside(project.parent, project / "out") == before


# ---- plain mkdocs build keeps the last good site -----------------------------------------------

@pytest.fixture(scope="module")
def built(project):
    result = mkdocs(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def _marked(project: Path) -> Path:
    mark = project / "site" / "LAST-GOOD"
    mark.write_text("the previous build", encoding="utf-8")
    return mark


def test_plain_mkdocs_build_replaces_the_site_when_it_passes(built):
    mark = _marked(built)
    result = mkdocs(built)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not mark.exists() and (built / "site" / "index.html").is_file()
    assert temporary_folders(built) == []
    assert oct((built / "site").stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _missing_redirect_target(project):
    (project / "data" / "redirects.yml").write_text("account/old-page/: account/no-such-page/\n", encoding="utf-8")


def _dead_anchor(project):
    for lang in ("zh", "en"):
        page = project / "docs" / lang / "about" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[x](#no-such-anchor)\n", encoding="utf-8")


@pytest.mark.parametrize("breaks, expected", [
    (_missing_redirect_target, "is not an article"),          # an error in on_post_build
    (_dead_anchor, "Aborted with"),                           # a strict-mode warning
])
def test_a_failed_plain_build_keeps_the_last_good_site(built, breaks, expected):
    mark = _marked(built)
    saved = {p: p.read_bytes() for p in [built / "data" / "redirects.yml",
                                         *(built / "docs" / lang / "about" / "index.md" for lang in ("zh", "en"))]}
    try:
        breaks(built)
        result = mkdocs(built)
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and expected in output, output[-3000:]
    assert "Traceback" not in output
    assert mark.read_text(encoding="utf-8") == "the previous build"
    assert (built / "site" / "index.html").is_file() and (built / "site" / "en" / "index.html").is_file()
    assert temporary_folders(built) == []


def test_folders_left_by_a_killed_build_are_removed_by_the_next(built):
    dead = built / ".site-building-999999999-0badc0de"
    old_style = built / ".site-building-k2j3h4"
    live = built / f".site-building-{os.getpid()}-cafe0001"     # this test's own process: still running
    for folder in (dead, old_style, live):
        (folder / "en").mkdir(parents=True)
        (folder / "en" / "index.html").write_text("half", encoding="utf-8")
    try:
        result = mkdocs(built)
        assert result.returncode == 0, result.stderr[-3000:]
        assert not dead.exists() and not old_style.exists()
        assert live.exists()
        assert "left by an earlier build that did not finish" in result.stdout + result.stderr
    finally:
        shutil.rmtree(live, ignore_errors=True)


def test_an_interrupted_plain_build_keeps_the_site_and_cleans_up(built):
    mark = _marked(built)
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=built,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, **QUIET, "OKPAY_REGISTRY": str(built / "registry.yml")})
    deadline = time.monotonic() + TIMEOUT
    # Interrupt once the build is writing pages into its temporary folder.
    while time.monotonic() < deadline and process.poll() is None:
        folders = list(built.glob(f".site-building-{process.pid}-*"))
        if folders and (folders[0] / "contact").exists():
            break
        time.sleep(0.05)
    assert process.poll() is None, "the build finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=TIMEOUT)
    assert process.returncode != 0
    assert mark.read_text(encoding="utf-8") == "the previous build"
    assert temporary_folders(built) == [], output[-2000:]


def test_mkdocs_serve_still_builds_and_serves(built):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=built,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, **QUIET, "OKPAY_REGISTRY": str(built / "registry.yml")})
    try:
        deadline, body = time.monotonic() + TIMEOUT, ""
        while time.monotonic() < deadline and not body:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/contact/", timeout=5) as response:
                    body = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert "<html" in body
        assert temporary_folders(built) == []
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_plugin_puts_the_old_site_back_when_the_build_fails_after_the_swap(tmp_path):
    """MkDocs decides about strict-mode warnings after on_post_build: the swap must be undone."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    config = SimpleNamespace(site_dir=str(site), plugins={"i18n": SimpleNamespace(
        building=False, current_language="zh", default_language="zh", build_languages=["zh"])})
    plugin = OutputPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    assert Path(config.site_dir).parent == tmp_path and config.site_dir != str(site)
    (Path(config.site_dir) / "new.html").write_text("new", encoding="utf-8")
    plugin.on_post_build(config)
    assert (site / "new.html").exists()
    plugin.on_build_error(error=RuntimeError("Aborted with 1 warnings in strict mode!"))
    plugin.on_shutdown()
    assert sorted(p.name for p in site.iterdir()) == ["old.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_plugin_stays_out_of_serve_and_dirty_builds(tmp_path):
    config = SimpleNamespace(site_dir=str(tmp_path / "site"), plugins={})
    for command, dirty in (("serve", False), ("build", True)):
        plugin = OutputPlugin()
        plugin.load_config({})
        plugin.on_startup(command=command, dirty=dirty)
        assert plugin.on_config(config).site_dir == str(tmp_path / "site")


# ---- new-article refuses an id that moved ------------------------------------------------------

MOVED = {"account/reset-password/": "account/password-reset/", "payments/card-fees/": "payments/fees/",
         "security/2fa/": "security/two-factor-auth/", "contact/hotline/": "contact/phone-hotline/"}


@pytest.mark.parametrize("old", list(MOVED))
@pytest.mark.parametrize("section", ["account", "payments", "scams"])
def test_new_article_refuses_an_id_listed_as_moved(project, capsys, old, section):
    redirects = project / "data" / "redirects.yml"
    original = redirects.read_bytes()
    nav = (project / "mkdocs.yml").read_bytes()
    try:
        redirects.write_text("".join(f"{k}: {v}\n" for k, v in MOVED.items()), encoding="utf-8")
        ident = old.rstrip("/").rsplit("/", 1)[1]
        assert new_article.main([section, ident], root=project) == 2
    finally:
        redirects.write_bytes(original)
    err = capsys.readouterr().err
    assert f"id '{ident}' is listed as moved in data/redirects.yml (entry '{old}: {MOVED[old]}')" in err
    assert (project / "mkdocs.yml").read_bytes() == nav
    assert not list(project.glob(f"docs/*/{section}/{ident}.md"))


def test_new_article_names_the_moved_entry_on_the_command_line(project):
    redirects = project / "data" / "redirects.yml"
    original = redirects.read_bytes()
    try:
        redirects.write_text("account/reset-password/: account/password-reset/\n", encoding="utf-8")
        result = run_cli(project, "new-article", "account", "reset-password")
    finally:
        redirects.write_bytes(original)
    assert result.returncode == 2
    assert "entry 'account/reset-password/: account/password-reset/'" in result.stderr
    assert "Traceback" not in result.stderr
