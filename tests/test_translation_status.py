"""helpcenter translation-status on a small git repository: missing, out of step, and older."""

import os
import subprocess
import sys
import textwrap

PAGE = """\
    ---
    id: fees
    title: {title}
    description: d
    tags: [fees]
    reviewed: 2026-11-20
    ---

    {body}

    ## Q {{#{anchor}}}

    A.
    """
ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def write(repo, lang, anchor="q", body="Answer."):
    path = repo / "docs" / lang / "payments" / "fees.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(PAGE.format(title=lang, body=body, anchor=anchor)), encoding="utf-8")


def commit(repo, when):
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", "c", "--date", when], cwd=repo, check=True,
                   env={**ENV, "GIT_COMMITTER_DATE": when})


def status(repo):
    out = subprocess.run([sys.executable, "-m", "helpcenter.cli", "translation-status", "--root", str(repo)],
                         capture_output=True, text=True)
    return out.returncode, out.stdout


def test_reports_age_without_failing_and_fails_on_missing_or_structure(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path, "zh")
    write(tmp_path, "en")
    commit(tmp_path, "2026-11-01T10:00:00")
    code, out = status(tmp_path)
    assert code == 0 and "payments/fees.md" in out and "in step" in out

    write(tmp_path, "zh", body="新的答案。")
    commit(tmp_path, "2026-11-11T10:00:00")
    code, out = status(tmp_path)
    assert code == 0 and "en older: zh changed 10.0 days later" in out

    write(tmp_path, "en", anchor="other-question")
    code, out = status(tmp_path)
    assert code == 1 and "structure differs: anchors" in out and "en has uncommitted changes" in out

    (tmp_path / "docs" / "en" / "payments" / "fees.md").unlink()
    code, out = status(tmp_path)
    assert code == 1 and "missing en" in out
