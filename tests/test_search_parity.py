"""The two runtimes of the search core agree: every evaluation query (each split present, garbage
included) gets the same top 3 from the Python scorer (the chat CLI) and from the JavaScript scorer
(the site's worker) run by Node, on the indexes of a real build: the same pages, the same question
anchors (the agent console's and chatlink's reply links) and the same quantized scores."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from helpcenter import evaluation as ev
from helpcenter.search import LANGS, index_file
from helpcenter.search.core import Engine
from helpcenter.text import HAN
from tests.helpers.paths import ROOT

RUNNER = ROOT / "tests" / "js" / "search-parity.cjs"


def queries(lang: str) -> list[str]:
    out = []
    for name in ev.SPLITS:
        if ev.available(name):
            split = ev.load(name)
            out += [c.q for c in split.cases[lang]]
            out += [q for q in split.garbage if bool(HAN.search(q)) == (lang == "zh")]
    # edge cases of the analyzers: full-width, mixed scripts, apostrophes, typos, lone characters,
    # traditional characters, chatter alone and before a question, a many-synonym word
    out += ["ＵＳＤＴ转账", "我的 withdrawal 三天了还 pending", "can't log in", "体现不到帐", "卡", "App下载",
            "Withdrawals", "SCAMMED", "2FA", "12 words", "  ", "😀", "帳號被凍結", "忘記密碼怎麼辦", "好的谢谢",
            "收到", "没收到", "好的，提现还没到账", "ok thanks", "thanks, my withdrawal is late", "close account"]
    return out


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (node on PATH)")
@pytest.mark.parametrize("lang", LANGS)
def test_python_and_javascript_return_the_same_answers(site, lang):
    index = site.dir / index_file(lang)
    asked = queries(lang)
    assert len(asked) > 100
    result = subprocess.run(["node", str(RUNNER), str(index)], input=json.dumps(asked), capture_output=True,
                            text=True, check=True, timeout=120)
    javascript = json.loads(result.stdout)
    engine = Engine(json.loads(index.read_text(encoding="utf-8")))
    python = [[list(a) for a in engine.answers(q, 3)] for q in asked]
    differ = [(q, p, j) for q, p, j in zip(asked, python, javascript) if p != j]
    assert not differ, "\n".join(f"{q!r}: python {p} / javascript {j}" for q, p, j in differ[:20])
    # and it is not agreeing on nothing
    assert sum(1 for p in python if p) > len(asked) * 0.8
