"""The deploy gate (.github/workflows/ci.yml): Pages deploys only what passed `make test` on the
same commit, with pinned actions and the deploy tokens in the deploy job only."""

from __future__ import annotations

import re

import pytest

from tests.helpers.datafiles import load_yaml
from tests.helpers.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^\s*-?\s*uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(\.\d+)*\s*$")


@pytest.fixture(scope="module")
def ci():
    return load_yaml((WORKFLOWS / "ci.yml").read_text(encoding="utf-8"))


def test_deploy_needs_a_build_that_needs_the_full_tests(ci):
    jobs = ci["jobs"]
    assert jobs["deploy"]["needs"] == "build" and jobs["build"]["needs"] == "test"
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    # every workflow that can deploy is this one
    deployers = [p.name for p in WORKFLOWS.glob("*.y*ml") if "deploy-pages" in p.read_text(encoding="utf-8")]
    assert deployers == ["ci.yml"]


def test_a_daily_run_tests_and_redeploys_main(ci):
    """Announcements (data/status.yml) start and end by date: the site must be rebuilt every day,
    through the same test gate. YAML 1.1 reads the key `on` as True."""
    triggers = ci.get("on", ci.get(True))
    crons = [entry["cron"] for entry in triggers.get("schedule") or []]
    assert crons and all(cron.split()[2:] == ["*", "*", "*"] for cron in crons), crons
    for job in ("build", "deploy"):
        condition = ci["jobs"][job]["if"]
        assert "refs/heads/main" in condition and "schedule" not in condition, (job, condition)


def test_tokens_are_granted_per_job_and_pages_only_to_deploy(ci):
    assert ci["permissions"] == {}
    for name, job in ci["jobs"].items():
        perms = job["permissions"]
        if name == "deploy":
            assert perms == {"pages": "write", "id-token": "write"}
        else:
            assert "id-token" not in perms and perms.get("pages") != "write", name


def test_the_production_guard_and_the_hidden_folder_reach_the_deploy(ci):
    steps = ci["jobs"]["build"]["steps"]
    builds = [s for s in steps if s.get("run", "").startswith("make ")]
    assert builds and all(s["env"]["OKPAY_PRODUCTION"] == "${{ vars.OKPAY_PRODUCTION }}" for s in builds)
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["include-hidden-files"] is True, "security.txt lives in /.well-known/"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_with_the_version_named(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*-?\s*uses:", line)]
    assert lines
    loose = [line.strip() for line in lines if not PINNED.match(line)]
    assert not loose, f"not pinned by a full SHA with a '# vX.Y.Z' comment: {loose}"


@pytest.mark.parametrize("path", [*sorted(WORKFLOWS.glob("*.y*ml")), ROOT / ".ci" / "run", ROOT / "Makefile"],
                         ids=lambda p: p.name)
def test_no_install_failure_is_hidden(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\|\|\s*(true\b|:(\s|$))", text, re.M), f"{path.name}: '|| true' hides a failed step"
