"""The search core on fixture pages it chooses: analysis (Chinese bigrams, traditional characters,
mixed scripts, full-width forms, stemming), customer vocabulary, field weights, garbage and chatter.
No build, no browser. The same fixture index also runs through the JavaScript runtime under Node,
whose whole output (terms, weights, every score, the reply answers) must equal Python's."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpcenter.search import core, index
from helpcenter.search.ranking import RANKING
from helpcenter.text import HAN_RANGES

# Material's search index shape: a page entry, then its sections ("#anchor").
MATERIAL = {"docs": [
    {"location": "payments/withdrawal-delayed/", "title": "提现延迟或失败怎么办",
     "text": "<p>提现到银行卡一般 1 到 3 个工作日到账。</p><p>也叫：出金、取现</p>"},
    {"location": "payments/withdrawal-delayed/#how-long", "title": "提现多久到账？",
     "text": "<p>一般 1 到 3 个工作日，节假日顺延。</p>"},
    {"location": "payments/withdrawal-delayed/#review", "title": "提现显示审核中是什么意思？",
     "text": "<p>大额提现会经过安全审核。</p>"},
    {"location": "payments/deposit-not-received/", "title": "充值未到账怎么办",
     "text": "<p>先看账单里这笔充值的状态。</p>"},
    {"location": "payments/crypto-transfers/", "title": "转 USDT 等数字资产",
     "text": "<p>转账前选对网络，核对收款地址。</p>"},
    {"location": "security/recovery-phrase/", "title": "助记词是什么",
     "text": "<p>助记词是恢复钱包的唯一凭证，任何人索要都是骗子。</p>"},
    # A how-to article on the same topic as withdrawal-delayed: the "trouble" intent tells them apart.
    {"location": "payments/top-up-and-withdraw/", "title": "怎么提现到银行卡",
     "text": "<p>打开钱包，选好方式，填好数目。</p>"},
    {"location": "payments/top-up-and-withdraw/#withdraw-bank", "title": "怎么转到银行卡？",
     "text": "<p>选好卡，确认数目，一般当天就到。</p>"},
    {"location": "payments/", "title": "充值、提现与支付", "text": "<p>提现、充值的文章。</p>"},
    {"location": "en/payments/withdrawal-delayed/", "title": "My withdrawal is late",
     "text": "<p>A withdrawal to a bank account takes 1 to 3 business days.</p>"},
    {"location": "en/payments/withdrawal-delayed/#review", "title": "What does under review mean?",
     "text": "<p>Large withdrawals go through a security review.</p>"},
    {"location": "en/scams/if-scammed/", "title": "If you were scammed",
     "text": "<p>Stop paying a scammer, then report the scam.</p>"},
    {"location": "en/security/recovery-phrase/", "title": "Your recovery phrase",
     "text": "<p>Never share your recovery phrase. Close the chat if someone asks for it.</p>"},
    {"location": "en/security/recovery-phrase/#what-is-it", "title": "What is a recovery phrase?",
     "text": "<p>Twelve words that restore your wallet and your money on any phone.</p>"},
]}
META = {loc: {"id": loc.rstrip("/").split("/")[-1], "description": ""}
        for loc in ("payments/withdrawal-delayed/", "payments/deposit-not-received/", "payments/crypto-transfers/",
                    "payments/top-up-and-withdraw/",
                    "security/recovery-phrase/", "en/payments/withdrawal-delayed/", "en/scams/if-scammed/",
                    "en/security/recovery-phrase/")}
VOCABULARY = {
    "zh": {"stopwords": ["的", "了", "吗", "我", "怎么", "你好"], "typos": {"体现": "提现", "ok钱包": "okpay"},
           "chatter": ["好的", "收到", "谢谢"],
           "groups": [["提现", "出金", "withdrawal"], ["充值", "入金"]], "articles": {"withdrawal-delayed": ["提币"]},
           "intents": {"trouble": ["还没", "没到账", "失败"], "shared": ["把...告诉"]}},
    "en": {"stopwords": ["my", "the", "is", "a", "hello", "what"], "typos": {"pasword": "password"},
           "chatter": ["ok", "thanks"],
           "groups": [["withdraw", "withdrawal", "cash out"], ["recovery phrase", "seed phrase"],
                      ["close", "freeze", "lock", "block", "ban", "suspend", "restrict", "disable"]], "articles": {},
           "intents": {"trouble": ["still", "pending"], "shared": ["gave", "told ... someone"], "family": ["my mom"]}},
}


@pytest.fixture(scope="module")
def engines():
    return {lang: core.Engine(index.build(MATERIAL, META, lang, VOCABULARY[lang])) for lang in ("zh", "en")}


def top(engine, query):
    return [engine.pages[g["page"]][5] for g in engine.search(query)["groups"]]


def test_each_language_indexes_its_own_articles_only(engines):
    assert {p[5] for p in engines["zh"].pages} == {"withdrawal-delayed", "deposit-not-received", "crypto-transfers",
                                                   "recovery-phrase", "top-up-and-withdraw"}
    assert {p[5] for p in engines["en"].pages} == {"withdrawal-delayed", "if-scammed", "recovery-phrase"}


def test_keyword_lines_are_not_indexed(engines):
    text = " ".join(p[4] for p in engines["zh"].pages)
    assert "也叫" not in text and "出金" not in text


@pytest.mark.parametrize("query, first", [
    ("提现", "withdrawal-delayed"),
    ("提现三天了还没到账", "withdrawal-delayed"),      # an unseen sentence: its bigrams still match
    ("体现没到账", "withdrawal-delayed"),              # a typo fixed
    ("出金", "withdrawal-delayed"),                    # a customer word (vocabulary group)
    ("提币", "withdrawal-delayed"),                    # an article's own customer word
    ("入金", "deposit-not-received"),                  # a word no page uses
    ("USDT转账", "crypto-transfers"),                  # Latin name + Chinese verb, no space
    ("ＵＳＤＴ", "crypto-transfers"),                   # full-width letters
    ("助记词", "recovery-phrase"),
    ("我的 withdrawal 三天了", "withdrawal-delayed"),  # mixed: English word through the zh vocabulary
    ("提現沒到帳", "withdrawal-delayed"),              # traditional characters, folded to simplified
    ("助記詞", "recovery-phrase"),
    ("好的，提现还没到账", "withdrawal-delayed"),       # chatter before a question does not hide it
])
def test_chinese_queries(engines, query, first):
    assert top(engines["zh"], query)[:1] == [first]


@pytest.mark.parametrize("query, first", [
    ("withdrawals", "withdrawal-delayed"),             # plural
    ("I got SCAMMED", "if-scammed"),                   # inflected, upper case
    ("cash out", "withdrawal-delayed"),                # a phrase of the vocabulary
    ("seed phrase", "recovery-phrase"),
])
def test_english_queries(engines, query, first):
    assert top(engines["en"], query)[:1] == [first]


@pytest.mark.parametrize("lang, query", [
    ("en", "asdfghjkl"), ("en", "hello"), ("en", "😀😀"), ("en", "123456"), ("zh", "你好"), ("zh", "的了吗"),
    ("en", "\x00\x07\xff"), ("en", ""),
    # chatter: a whole message that asks nothing
    ("zh", "好的"), ("zh", "收到"), ("zh", "好的谢谢"), ("zh", "谢谢了"), ("en", "ok thanks"), ("en", "OK!"),
])
def test_garbage_gets_nothing(engines, lang, query):
    assert engines[lang].search(query)["groups"] == []


def test_an_intent_lifts_its_articles_over_a_neighbour_on_the_same_topic(engines):
    """Something went wrong (还没到账): the troubleshooting article beats the how-to article; the
    same words without the cue leave the how-to article first. A lift never adds a page."""
    engine = engines["zh"]
    plain = core.Engine(dict(engine.data, intents=[]))
    assert top(plain, "银行卡提现失败")[0] == top(engine, "怎么提现到银行卡")[0] == "top-up-and-withdraw"
    result = engine.search("银行卡提现失败")
    assert result["intents"] == ["trouble"]
    assert top(engine, "银行卡提现失败") == ["withdrawal-delayed", "top-up-and-withdraw"]
    before = {g["page"]: g["score"] for g in plain.search("银行卡提现失败")["groups"]}
    after = {g["page"]: g["score"] for g in result["groups"]}
    lift = 1 + RANKING["intents"]["trouble"]["lift"]
    for page, score in after.items():
        lifted = engine.pages[page][5] in RANKING["intents"]["trouble"]["articles"]
        assert score == pytest.approx(before[page] * (lift if lifted else 1), abs=2)
    # Latin cues are words as written: "gave" is the shared intent, "give" is not.
    assert engines["en"].search("i gave my recovery phrase away")["intents"] == ["shared"]
    assert engines["en"].search("should i give my recovery phrase")["intents"] == []
    assert engines["en"].search("withdrawal still pending")["intents"] == ["trouble"]
    assert engines["en"].search("ok thanks")["intents"] == []
    # "a ... b": a, then b later in the message.
    assert engines["en"].search("i told my friend, then someone else, my recovery phrase")["intents"] == ["shared"]
    assert engines["en"].search("someone else told me my recovery phrase")["intents"] == []
    assert engines["zh"].search("我把助记词也告诉了他")["intents"] == ["shared"]


def test_a_scam_intent_quiets_the_trouble_of_its_pretext(engines):
    """A code given away while a withdrawal is pending: the emergency, not the late withdrawal, is
    the question; the table's `quiets` says so, and without it both intents lift."""
    assert engines["en"].search("told someone my seed phrase, still pending")["intents"] == ["shared"]
    assert engines["zh"].search("提现失败 把助记词告诉了别人")["intents"] == ["shared"]
    loud = {name: {k: v for k, v in intent.items() if k != "quiets"} for name, intent in RANKING["intents"].items()}
    engine = core.Engine(dict(engines["en"].data, ranking=dict(RANKING, intents=loud)))
    assert engine.search("told someone my seed phrase, still pending")["intents"] == ["trouble", "shared"]


def test_an_intent_that_needs_another_counts_only_with_it(engines):
    """A relative named in a message is the family intent only when something happened to them:
    the table's `needs` says so. Without it, the money sent to a relative lifts the family page."""
    assert engines["en"].search("my mom gave her recovery phrase")["intents"] == ["family"]  # family quiets shared
    assert engines["en"].search("withdrawal to my mom still pending")["intents"] == ["trouble"]
    free = {name: {k: v for k, v in intent.items() if k != "needs"} for name, intent in RANKING["intents"].items()}
    engine = core.Engine(dict(engines["en"].data, ranking=dict(RANKING, intents=free)))
    assert engine.search("withdrawal to my mom still pending")["intents"] == ["trouble", "family"]


def test_quiets_and_needs_name_intents_of_the_table():
    """A misspelt name in `quiets` or `needs` would silently switch a rule off."""
    for name, intent in RANKING["intents"].items():
        for key in ("quiets", "needs"):
            unknown = set(intent.get(key, ())) - set(RANKING["intents"])
            assert not unknown, f"intents/{name}/{key}: {sorted(unknown)} are not intents of the table"


@pytest.mark.parametrize("lang, checking, meaning, neither", [
    ("en", "is this website really yours", "what does 2fa stand for", "my withdrawal is late"),
    ("zh", "这个网站是不是官方的", "KYC是什么意思", "提现还没到账"),
    ("zh-hant", "呢個網站係咪官方？", "KYC係咩意思", "提款仲未到帳"),
])
def test_the_vocabulary_tells_a_check_and_a_definition_from_a_topic(lang, checking, meaning, neither):
    """The project's own vocabulary (the derived edition's included, its Cantonese typos applied
    first): "is this real or official?" is the checking intent, "what does X mean?" the meaning one."""
    vocabulary = index.load_vocabulary(lang)
    tables = core.Tables({"ranking": RANKING, "han": HAN_RANGES,
                          "typos": [[core.normalize(k), core.normalize(v)] for k, v in vocabulary["typos"].items()],
                          "intents": [[name, [core.normalize(c) for c in vocabulary["intents"].get(name) or []]]
                                      for name in RANKING["intents"]]})

    def intents(message: str) -> list[str]:
        return core.intents_of(core.prepare(message, tables), tables)
    assert "checking" in intents(checking) and "meaning" not in intents(checking)
    assert "meaning" in intents(meaning) and "checking" not in intents(meaning)
    assert not {"checking", "meaning"} & set(intents(neither))


def test_a_vocabulary_with_an_unknown_intent_is_refused(tmp_path):
    (tmp_path / "vocabulary.en.yml").write_text("intents:\n  panic: [help]\n", encoding="utf-8")
    with pytest.raises(index.VocabularyError, match=r"vocabulary\.en\.yml: intents/panic: unknown intent; expected one of trouble"):
        index.load_vocabulary("en", tmp_path)


def test_a_vocabulary_word_made_only_of_stop_words_is_refused_with_its_place(tmp_path):
    (tmp_path / "vocabulary.en.yml").write_text(
        "stopwords: [get, help, to]\narticles:\n  contact-channels: [hotline, get help]\n"
        "groups:\n  - [deposit, top up]\n  - [help, to]\n", encoding="utf-8")
    with pytest.raises(index.VocabularyError) as raised:
        index.load_vocabulary("en", tmp_path)
    message = str(raised.value)
    assert "vocabulary.en.yml: articles/contact-channels: 'get help' is made only of stop words (get, help)" in message
    assert "vocabulary.en.yml: groups/2: 'help' is made only of stop words" in message
    assert "hotline" not in message and "deposit" not in message


def test_best_heading_of_a_page_comes_first_in_its_group(engines):
    engine = engines["zh"]
    group = engine.search("提现审核")["groups"][0]
    best = group["docs"][0][0]
    assert best >= len(engine.pages) and engine.sections[best - len(engine.pages)][1] == "review"


@pytest.mark.parametrize("word, stem", [
    ("withdrawals", "withdrawal"), ("locked", "lock"), ("scammed", "scam"), ("scams", "scam"),
    ("currencies", "currency"), ("addresses", "address"), ("getting", "get"), ("frozen", "freeze"),
    ("fees", "fee"), ("status", "status"), ("sms", "sms"), ("quickly", "quick"),
])
def test_stemmer(word, stem):
    assert core.stem(word) == stem


def test_chatter_never_cuts_a_question(engines):
    """收到 alone is chatter; 没收到 (not received) is the most common question there is."""
    tables = engines["zh"].tables
    assert core.chatter_only("好的谢谢", tables) and core.chatter_only("谢谢了", tables)
    assert not core.chatter_only("没收到", tables) and not core.chatter_only("收到了吗没到账", tables)
    assert engines["en"].search("thanks, my withdrawal is late")["groups"]


def test_a_word_with_many_synonyms_does_not_outweigh_the_query(engines):
    """"close" sits in a group of eight: each synonym counts less, and the customer's own word wins."""
    terms = dict(engines["en"].search("close withdrawal")["terms"])
    assert terms["clos"] == 1.0 and terms["withdrawal"] == 1.0
    assert terms["lock"] == pytest.approx(RANKING["synonym_weight"] / 7 ** 0.5)
    # A Latin key is stemmed once: "clos" is in the index's words, so its synonyms are weaker.
    assert terms["lock"] < RANKING["synonym_weight"]


def test_a_chinese_customer_word_the_pages_never_write_gets_its_synonyms_in_full(engines):
    """出金 is on no page (its bigram alone decides nothing: 提出来 has bigrams found everywhere):
    its synonyms count fully, spread over their number less thinly than a known word's (so that a
    word with many synonyms does not outweigh the rest of a message); 提现, which the pages write,
    gives weaker ones."""
    engine = engines["zh"]
    assert not engine.seen("出金") and engine.seen("提现")
    terms = dict(engine.search("出金")["terms"])
    fan_out = len(dict(engine.tables.syn)["出金"])
    assert terms["提现"] == pytest.approx(1.0 / fan_out ** RANKING["unknown_spread"])
    assert RANKING["synonym_weight"] < terms["提现"] <= 1.0
    assert dict(engine.search("提现")["terms"])["出金"] < RANKING["synonym_weight"]
    tables = engine.tables
    assert dict(core.query_terms("出金", tables, seen=lambda text: True))["提现"] < 1.0


def test_normalize_and_analyze():
    tables = core.Tables({"stop": ["的", "了"], "fold": ["記詞", "记词"], "ranking": RANKING, "han": HAN_RANGES})
    assert core.normalize("ＡＢＣ１２\u200b") == "abc12"
    assert core.analyze("Can't WITHDRAW", tables) == ["cant", "withdraw", "cant withdraw"]   # a pair term
    phrase = core.Tables({"stop": ["is", "my", "的"], "ranking": RANKING, "han": HAN_RANGES})
    assert core.analyze("is my safe account", phrase) == ["saf", "account", "saf account"]
    assert core.analyze("money is safe", phrase) == ["money", "saf"]      # a stop word breaks a pair
    assert core.analyze("usdt 的 trc20", phrase) == ["usdt", "trc20"]      # so does Han text
    assert core.analyze("忘了助记词", tables) == ["忘了", "了助", "助记", "记词"]
    assert core.fold("助記詞", tables) == "助记词"
    assert core.analyze("卡", tables) == ["卡"]
    assert core.analyze("的了", tables) == []          # two function characters are no term
    cut = core.Tables({"stop": ["哪些", "早上"], "chatter": ["好"], "ranking": RANKING, "han": HAN_RANGES})
    assert core.analyze("能充哪些币", cut) == ["能充", "币"]   # a character a stop word cut off is a word
    assert core.analyze("早上好", cut) == []                    # unless it is chatter


def test_vocabulary_files_load_and_hold_the_new_topics():
    for lang, words in (("zh", ["杀猪盘", "刷单", "司法冻结", "销户"]), ("en", ["pig butchering", "task scam"])):
        vocabulary = index.load_vocabulary(lang)
        known = {w for g in vocabulary["groups"] for w in g} | {w for ws in vocabulary["articles"].values() for w in ws}
        assert set(words) <= known, lang


# --- the JavaScript twin --------------------------------------------------------------------------
RUNNER = Path(__file__).parent / "js" / "search-core-full.cjs"
PARITY_QUERIES = {
    "zh": ["提现没到账", "体现三天了还没到", "出金", "節假日提現", "助记词给别人了", "提币", "好的谢谢", "收到",
           "没收到", "好的，提现还没到账", "卡", "😀", "ＵＳＤＴ", "我的 withdrawal 没到", "提现审核",
           "怎么提现到银行卡", "提现到银行卡还没到账", "提现失败 把助记词告诉了别人", "的提现了吗币"],
    "en": ["withdrawal late", "pasword", "cash out", "seed phrase", "close withdrawal", "ok thanks",
           "thanks, my withdrawal is late", "withd", "UNDER REVIEW", "can't withdraw", "  ", "scammed", "is my recovery phrase safe",
           "withdrawal still pending", "i gave my recovery phrase to someone", "told someone my seed phrase, still pending",
           "my mom gave her recovery phrase", "withdrawal to my mom still pending"],
}


def full_output(engine, query: str) -> dict:
    result = engine.search(query)
    return {"terms": [list(t) for t in result["terms"]], "intents": result["intents"],
            "groups": [{"page": g["page"], "score": g["score"], "docs": [list(d) for d in g["docs"]]}
                       for g in result["groups"]],
            "answers": [list(a) for a in engine.answers(query, 3)]}


def javascript(data: dict, queries: list[str], tmp_path) -> list[dict]:
    path = tmp_path / "index.json"
    path.write_text(index.dumps(data), encoding="utf-8")
    result = subprocess.run(["node", str(RUNNER), str(path)], input=json.dumps(queries), capture_output=True,
                            text=True, check=True, timeout=60)
    return json.loads(result.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (node on PATH)")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_javascript_runtime_gives_the_same_terms_weights_and_scores(engines, lang, tmp_path):
    engine = engines[lang]
    assert engine.data["ranking"] == RANKING and engine.data["han"] == HAN_RANGES, "the index carries both"
    queries = PARITY_QUERIES[lang]
    python = [full_output(engine, q) for q in queries]
    for query, p, j in zip(queries, python, javascript(engine.data, queries, tmp_path)):
        assert p == j, f"{query!r}:\npython     {p}\njavascript {j}"
    assert sum(1 for p in python if p["answers"]) >= len(queries) // 2, "the fixture exercises real matches"
    assert any(not p["answers"] for p in python), "and chatter with no answer"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (node on PATH)")
def test_both_runtimes_take_their_knobs_from_the_index(engines, tmp_path):
    """Neither runtime keeps a constant of its own: change the index's table and both follow."""
    data = dict(engines["en"].data, ranking=dict(RANKING, min_score=1e9))
    assert core.Engine(data).search("withdrawal late")["groups"] == []
    assert javascript(data, ["withdrawal late"], tmp_path)[0]["groups"] == []
    data = dict(engines["en"].data, ranking=dict(RANKING, heading_lead=0.0))
    heading = core.Engine(data).answers("under review", 1)
    assert heading[0][1] == "review" and javascript(data, ["under review"], tmp_path)[0]["answers"] == [list(heading[0])]
