"""Find the help-center answers a support agent pastes into a customer chat.

    catalog = load(Path("site"))          # once: reads the built site (about 1 s, mostly jieba)
    for answer in catalog.answer("USDT转错网络了能找回吗"):
        print(answer.reply())             # 转错网络了还能找回吗？ https://…/zh/go/crypto-transfers/wrong-network/

What it reads, all from a built site folder (no network, nothing from docs/):
- links.json (hooks/chat_links.py): one record per article and per question heading per
  language, with its title, description and short link. These are the possible answers.
- search/search_index.json and en/search/search_index.json: the text under each heading, and
  each article's "also called" line, for words the titles and descriptions do not use.

How it ranks:
- Every record is a small document with weighted fields (title, "also called" line, description,
  section text, article title), scored with BM25F. Each article's topic (title, "also called",
  description, opening, heading titles) is scored the same way and added to all its records, so
  the message's topic picks the article and its details pick the heading.
- A message word also matches the words of its synonym groups (data/chatlink-synonyms.yml), a
  little more weakly, because customers say "入金" or "cash out" where articles say "充值" or
  "withdraw". Chinese is segmented with jieba plus data/jieba-userdict.txt; English is lower-cased
  and folded (plural, -ing, -ed, can't -> cant), with one-letter typos of article words forgiven.
- The best three articles answer, each with its question heading when one clearly stands out,
  otherwise with the article itself; a second link into the same article must clearly beat the
  next article.
Pure and deterministic: the same site and message always give the same answers.
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

import jieba
import yaml

ROOT = Path(__file__).resolve().parent.parent
SYNONYMS_PATH = ROOT / "data" / "chatlink-synonyms.yml"
USERDICT_PATH = ROOT / "data" / "jieba-userdict.txt"
LANGS = ("zh", "en")

# --- Ranking knobs (tuned with scripts/bench_chatlink.py on tests/data/chatlink-eval.yml) -------
# How much each field of a record counts. The title is the question a reader would ask, so a
# word there says most; "aliases" is the "also called" line; "article" is a heading's article
# title; "children" (an article record's heading titles) lets a broad message land on the article
# that covers all of it.
FIELD_WEIGHTS = {"title": 3.0, "aliases": 2.5, "description": 1.0, "text": 1.0, "article": 1.5, "children": 0.5}
# Each article's topic (title, description, opening with its "also called" line, and its
# headings) is scored too, and added to each of its records: the message's topic decides the
# article ("提现 … 没到账" is the withdrawal article even though the chat article lists the same
# words in one paragraph), its details decide the heading.
ARTICLE_FIELD_WEIGHTS = {"title": 3.0, "aliases": 2.5, "description": 1.5, "children": 1.0, "text": 1.0}
ARTICLE_WEIGHT = 2.5
K1 = 1.2          # BM25 term saturation: the 3rd "提现" in a section adds little
B = 0.75          # BM25 length normalisation: a long section does not win by being long
SYNONYM_WEIGHT = 0.8   # a synonym counts a bit less than the customer's own word
FUZZY_WEIGHT = 0.8     # an English word matched through a one-letter typo
# A heading answers instead of its article only when it matches clearly: at least this share of
# the article's own score, and this many times the next heading of the same article. "提现" alone
# matches every heading of the withdrawal article about equally: the article is the answer then.
HEADING_SHARE = 0.5
HEADING_LEAD = 1.2
# A second answer from an article already listed counts this much (and a third, this squared):
# three links into the same article only when it is clearly the only topic.
REPEAT_PENALTY = 0.5
# A paragraph found in this many articles or more is boilerplate (the "never ask for" box, the
# contact-support paragraph): it says nothing about which article answers the message.
BOILERPLATE_ARTICLES = 3

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[a-z0-9]+")
TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|pre|blockquote|div|dd|dt)>")
# The visible synonyms line writers put under an article's answer (CONTRIBUTING.md): the words
# customers use for the topic, chosen by people. It gets a field of its own, weighted like a title.
ALIASES = re.compile(r"^(?:也叫[:：]|Also called:)\s*")
APOSTROPHE = re.compile(r"(?<=[a-z])['’‘](?=[a-z])")

# English words whose forms the suffix rules cannot fold.
IRREGULAR = {
    "frozen": "freeze", "froze": "freeze", "withdrew": "withdraw", "withdrawn": "withdraw",
    "sent": "send", "stolen": "steal", "stole": "steal", "paid": "pay", "got": "get",
    "gotten": "get", "gave": "give", "given": "give", "forgot": "forget", "forgotten": "forget",
    "lost": "lose", "chose": "choose", "chosen": "choose", "took": "take", "taken": "take",
    "made": "make", "won": "win", "came": "come", "went": "go", "gone": "go", "said": "say",
    "told": "tell", "bought": "buy", "hacked": "hack", "emails": "email", "ids": "id",
}


class SiteNotBuilt(FileNotFoundError):
    """The folder has no links.json: the site was not built (run `make build`)."""


def detect_lang(message: str) -> str:
    """Chinese as soon as the message holds a Han character; English otherwise."""
    return "zh" if HAN.search(message) else "en"


def fold(word: str) -> str:
    """A light English stemmer: withdrawals -> withdrawal, locked -> lock, changing -> chang.

    Not linguistics, just consistency: the message and the articles go through the same rules,
    so both sides land on the same form."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("eed"):
            word = word[: -len(suffix)]
            if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]           # getting -> get, stopped -> stop
            break
    if len(word) >= 4 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]                   # change / changed / changing -> chang
    return word


def _check_strings(node, path: Path, where: str = "") -> None:
    """Every word in the synonyms file must be a string: YAML turns bare no/on/off into booleans."""
    if isinstance(node, dict):
        for key, value in node.items():
            _check_strings(key, path, where)
            _check_strings(value, path, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            _check_strings(item, path, where)
    elif not isinstance(node, str):
        raise ValueError(f"{path}: {where}: {node!r} is not a word; quote it (YAML reads no/on/off as booleans)")


class Analyzer:
    """Turns a message or an article text into match terms, the same way for both."""

    def __init__(self, synonyms_path: Path = SYNONYMS_PATH, userdict_path: Path = USERDICT_PATH):
        data = yaml.safe_load(synonyms_path.read_text(encoding="utf-8"))
        _check_strings(data, synonyms_path)
        # jieba logs its dictionary loading to stderr at DEBUG; a CLI's output must stay clean.
        jieba.setLogLevel(logging.WARNING)
        # An own Tokenizer, not jieba's global one: words added here must not leak into other
        # users of jieba in the same process (the site build's search segmentation).
        self.jieba = jieba.Tokenizer()
        self.jieba.initialize()
        self.jieba.load_userdict(str(userdict_path))
        self.typos = {lang: {k.lower(): v.lower() for k, v in ((data.get(lang) or {}).get("typos") or {}).items()}
                      for lang in LANGS}
        # English typos are whole words or phrases ("contact you"), longest first.
        self.en_typos = re.compile(r"\b(?:" + "|".join(
            re.escape(k) for k in sorted(self.typos["en"], key=len, reverse=True)) + r")\b") if self.typos["en"] else re.compile(r"(?!)")
        self.stopwords = {w for lang in LANGS for w in ((data.get(lang) or {}).get("stopwords") or [])}
        self.stopwords |= {fold(w) for w in self.stopwords if w.isascii()}
        self.phrases: set[tuple[str, ...]] = set()
        groups = [group for lang in LANGS for group in ((data.get(lang) or {}).get("groups") or [])]
        for group in groups:
            for entry in group:
                entry = str(entry).lower()
                if HAN.search(entry):
                    if entry not in self.jieba.FREQ or not self.jieba.FREQ[entry]:
                        self.jieba.add_word(entry)    # a synonym must come out as one token
                else:
                    words = tuple(fold(w) for w in LATIN_WORD.findall(entry.replace("-", " ")))
                    if len(words) > 1:
                        self.phrases.add(words)
        self.synonyms: dict[str, set[str]] = defaultdict(set)
        for group in groups:
            keys = {self._entry_key(str(entry)) for entry in group}
            for key in keys:
                self.synonyms[key] |= keys - {key}

    def _entry_key(self, entry: str) -> str:
        entry = entry.lower()
        if HAN.search(entry):
            return entry
        return " ".join(fold(w) for w in LATIN_WORD.findall(entry.replace("-", " ")))

    def terms(self, text: str, lang: str | None = None, query: bool = False) -> list[str]:
        """Match terms of a text. For a message (`query`), pass its `lang` to fix that language's
        typos; its Chinese is cut into whole words only, while articles are cut into words and
        their parts (jieba's search mode), so "没到账" in a message is one term, not three, and
        still matches an article that only says "到账"."""
        text = unicodedata.normalize("NFKC", text).lower().replace("\u200b", "")
        if query and lang == "zh":
            for wrong, right in self.typos["zh"].items():
                text = text.replace(wrong, right)
        text = APOSTROPHE.sub("", text).replace("-", " ")  # can't -> cant; top-up = top up
        if query and lang == "en":
            text = self.en_typos.sub(lambda m: self.typos["en"][m.group()], text)
        out: list[str] = []
        pos = 0
        for run in HAN_RUN.finditer(text):
            out += self._latin(text[pos:run.start()], lang, query)
            cut = self.jieba.lcut(run.group()) if query else self.jieba.lcut_for_search(run.group())
            out += [w for w in cut if w not in self.stopwords]
            pos = run.end()
        out += self._latin(text[pos:], lang, query)
        return out

    def _latin(self, text: str, lang: str | None, query: bool) -> list[str]:
        raw = LATIN_WORD.findall(text)
        folded = [fold(w) for w in raw]
        keep = [w not in self.stopwords and f not in self.stopwords for w, f in zip(raw, folded)]
        phrases = []
        # Multi-word synonyms ("top up", "seed phrase") are terms of their own. In a message the
        # phrase replaces its words, as a Chinese word is one term: "phone number" must not count
        # as "phone" + "number" + "phone number". Articles keep both, to match either.
        for size in (4, 3, 2):
            for i in range(len(folded) - size + 1):
                if tuple(folded[i:i + size]) in self.phrases:
                    phrases.append(" ".join(folded[i:i + size]))
                    if query:
                        keep[i:i + size] = [False] * size
        return [f for f, k in zip(folded, keep) if k] + phrases


@dataclass(frozen=True)
class Answer:
    id: str
    anchor: str          # "" when the answer is the whole article
    lang: str
    title: str
    article_title: str
    url: str
    short_url: str
    score: float

    def reply(self) -> str:
        """The line an agent pastes: the question (or article) title and its short link."""
        return f"{self.title} {self.short_url}"

    def as_dict(self) -> dict:
        return asdict(self)


class _LangIndex:
    """BM25F over one language's records. Term weights do not depend on the message, so they
    are computed once at load; a query is then a few dictionary look-ups."""

    def __init__(self, docs: list[dict[str, list[str]]], weights: dict[str, float]):
        n = len(docs)
        avg = {f: (sum(len(d.get(f, ())) for d in docs) / n or 1.0) for f in weights}
        tf_norm: list[dict[str, float]] = []
        df: Counter = Counter()
        for doc in docs:
            acc: dict[str, float] = defaultdict(float)
            for field, weight in weights.items():
                words = doc.get(field, [])
                if not words:
                    continue
                norm = 1 - B + B * len(words) / avg[field]
                for term, count in Counter(words).items():
                    acc[term] += weight * count / norm
            tf_norm.append(acc)
            df.update(acc.keys())
        # Kept apart so a synonym can be weighed with the message word's idf (see Catalog._bm25).
        self.idf = {term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in df.items()}
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        for i, acc in enumerate(tf_norm):
            for term, tf in acc.items():
                self.postings[term][i] = tf / (K1 + tf)
        # For one-typo English words: every vocabulary word with one letter deleted, and itself.
        self.deletes: dict[str, list[str]] = defaultdict(list)
        for term in sorted(self.postings, key=lambda t: (-len(self.postings[t]), t)):
            if term.isascii() and term.isalpha() and len(term) >= 5:
                for variant in {term} | {term[:i] + term[i + 1:] for i in range(len(term))}:
                    self.deletes[variant].append(term)

    def near(self, term: str) -> str | None:
        """The most common vocabulary word one edit away from an unknown English word."""
        if term in self.postings or not (term.isascii() and term.isalpha() and len(term) >= 5):
            return None
        found = []
        for variant in {term} | {term[:i] + term[i + 1:] for i in range(len(term))}:
            found += self.deletes.get(variant, [])
        return min(found, key=lambda t: (-len(self.postings[t]), t)) if found else None


class Catalog:
    """The answers of one built site. Build with load(); then answer() as often as needed."""

    def __init__(self, records: list[dict], sections: dict[tuple[str, str, str], tuple[str, str]],
                 analyzer: Analyzer | None = None):
        self.analyzer = analyzer or Analyzer()
        self.records = {lang: [r for r in records if r["lang"] == lang] for lang in LANGS}
        self.by_key = {(r["lang"], r["id"], r["anchor"]): r for r in records}
        self.index: dict[str, _LangIndex] = {}
        self.article_index: dict[str, _LangIndex] = {}
        self.articles: dict[str, list[str]] = {}
        self.article_records: dict[str, list[int]] = {}
        terms = self.analyzer.terms
        for lang, recs in self.records.items():
            if not recs:
                continue
            children: dict[str, list[str]] = defaultdict(list)
            whole: dict[str, dict[str, list[str]]] = {}
            docs = []
            for r in recs:
                text, aliases = sections.get((lang, r["id"], r["anchor"]), ("", ""))
                text, aliases = terms(text), terms(aliases)
                doc = {"title": terms(r["title"]), "description": terms(r["description"]), "text": text,
                       "aliases": aliases}
                if r["anchor"]:
                    doc["article"] = terms(r["article_title"])
                    children[r["id"]] += doc["title"]
                article = whole.setdefault(r["id"], {"title": terms(r["article_title"]), "description": [],
                                                     "children": [], "text": []})
                if not r["anchor"]:
                    article.update(description=doc["description"], text=text, aliases=aliases)
                docs.append(doc)
            for r, doc in zip(recs, docs):
                if not r["anchor"]:
                    doc["children"] = children[r["id"]]
            for ident, article in whole.items():
                article["children"] = children[ident]
            self.index[lang] = _LangIndex(docs, FIELD_WEIGHTS)
            self.articles[lang] = list(whole)
            self.article_records[lang] = [i for i, r in enumerate(recs) if not r["anchor"]]
            self.article_index[lang] = _LangIndex(list(whole.values()), ARTICLE_FIELD_WEIGHTS)

    def scores(self, message: str, lang: str) -> dict[int, tuple[float, float]]:
        """(score, own score) of every record of `lang` (by position) that shares a term with the
        message: the score ranks, the own score (without the article's topic) picks the heading."""
        if lang not in self.index:
            return {}
        words = self.query_terms(message, lang)
        records = self._bm25(self.index[lang], words)
        articles = self._bm25(self.article_index[lang], words)
        topic = {ident: articles.get(n, 0.0) for n, ident in enumerate(self.articles[lang])}
        for i in self.article_records[lang]:      # an article matching as a whole is a candidate
            if topic[self.records[lang][i]["id"]]:
                records.setdefault(i, 0.0)
        return {i: (own + ARTICLE_WEIGHT * topic[self.records[lang][i]["id"]], own)
                for i, own in records.items()}

    def query_terms(self, message: str, lang: str) -> list[str]:
        """The message's match terms, each once, in order."""
        vocabulary = self.index[lang].postings
        words = []
        for word in dict.fromkeys(self.analyzer.terms(message, lang, query=True)):
            words.append(word)
            # A Chinese word no article uses ("提现单") still has parts that do ("提现").
            if word not in vocabulary and HAN.search(word) and len(word) > 2:
                words += [part for part in self.analyzer.jieba.lcut_for_search(word)
                          if part != word and part not in self.analyzer.stopwords]
        return list(dict.fromkeys(words))

    def _bm25(self, index: _LangIndex, words: list[str]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        covered: set[str] = set()
        for term in words:
            if term in covered:
                continue     # "没到" after "没到账": the same concept must not count twice
            word, weight = term, 1.0
            if term not in index.postings and (near := index.near(term)):
                word, weight = near, FUZZY_WEIGHT        # "pasword" -> "password"
            concept = {word: weight}
            for synonym in self.analyzer.synonyms.get(word, ()):
                concept.setdefault(synonym, SYNONYM_WEIGHT * weight)
            covered |= concept.keys() | {term}
            # A synonym is worth at most what the customer's own word is worth: "客服" is common
            # and says little, so its rarer synonym "人工客服" must not turn it into a strong match.
            # A word the articles never use ("入金") is worth what its synonyms are.
            own = index.idf.get(word)
            weights = {w: k * (index.idf[w] if own is None else min(own, index.idf[w]))
                       for w, k in concept.items() if w in index.idf}
            # A concept counts once per record, by its best-matching word: an article that says
            # both 充值 and 入金 is not twice as relevant to "入金".
            best: dict[int, float] = {}
            for w, k in weights.items():
                for i, saturation in index.postings[w].items():
                    best[i] = max(best.get(i, 0.0), k * saturation)
            for i, value in best.items():
                scores[i] += value
        return scores

    def answer(self, message: str, lang: str | None = None, limit: int = 3) -> list[Answer]:
        """The best `limit` answers to a customer's message, in `lang` (default: the message's).

        Matching always uses the language the message is written in; a forced `lang` only picks
        the language of the returned links (same article and anchor), so an agent can answer an
        English message with Chinese links."""
        match_lang = detect_lang(message)
        out_lang = lang or match_lang
        if out_lang not in LANGS:
            raise ValueError(f"unknown language {out_lang!r}; expected one of {', '.join(LANGS)}")
        recs = self.records[match_lang]
        scored = self.scores(message, match_lang)
        by_article: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for i, (score, own) in scored.items():
            by_article[recs[i]["id"]].append((score, own, i))
        # Per article, the order its records would be offered: the representative first, at the
        # article's best score (the best heading when it clearly matches, else the article
        # itself), then its other records.
        queues: dict[str, list[tuple[float, int]]] = {}
        for ident, items in by_article.items():
            items.sort(key=lambda x: (-x[0], recs[x[2]]["anchor"]))
            article = next((x for x in items if not recs[x[2]]["anchor"]), None)
            headings = [x for x in items if recs[x[2]]["anchor"]]
            first = article or headings[0]
            if headings and article:
                best, runner_up = headings[0][1], (headings[1][1] if len(headings) > 1 else 0.0)
                if best >= HEADING_SHARE * article[1] and best >= HEADING_LEAD * runner_up:
                    first = headings[0]
            # Once a heading answers, the article around it would only repeat it.
            rest = [(x[0], x[2]) for x in items if x is not first and (first is article or x is not article)]
            queues[ident] = [(items[0][0], first[2])] + rest
        picked: list[Answer] = []
        taken: Counter = Counter()
        while len(picked) < limit:
            offers = [(queue[0][0] * REPEAT_PENALTY ** taken[ident], ident)
                      for ident, queue in queues.items() if queue]
            if not offers:
                break
            # Highest score first; a tie goes to the smaller article id, so the order is stable.
            score, ident = min(offers, key=lambda offer: (-offer[0], offer[1]))
            i = queues[ident].pop(0)[1]
            taken[ident] += 1
            r = recs[i]
            target = self.by_key.get((out_lang, r["id"], r["anchor"])) or self.by_key.get((out_lang, r["id"], ""))
            if target is None:
                continue    # not in the reply language (a translation missing from this build)
            picked.append(Answer(id=target["id"], anchor=target["anchor"], lang=out_lang,
                                 title=target["title"], article_title=target["article_title"],
                                 url=target["url"], short_url=target["short_url"],
                                 score=round(score, 3)))
        return picked


def _section_texts(site: Path, records: list[dict]) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(text, aliases) under each record's heading, from the per-language search indexes: the
    plain text without paragraphs that several articles share (reusable boxes say nothing about
    the topic), and the article's "also called" line."""
    keys = {}
    for r in records:
        path = r["path"][3:] if r["lang"] == "en" and r["path"].startswith("en/") else r["path"]
        keys[(r["lang"], path, r["anchor"])] = (r["lang"], r["id"], r["anchor"])
    blocks: dict[tuple[str, str, str], list[str]] = {}
    for lang, index_path in (("zh", site / "search" / "search_index.json"),
                             ("en", site / "en" / "search" / "search_index.json")):
        if not index_path.exists():
            continue   # links.json alone still works: titles and descriptions
        for doc in json.loads(index_path.read_text(encoding="utf-8")).get("docs", []):
            path, _, anchor = doc["location"].partition("#")
            key = keys.get((lang, path, anchor))
            if key:
                parts = (html.unescape(TAG.sub(" ", b)).replace("\u200b", "") for b in BLOCK_END.split(doc["text"]))
                blocks[key] = [" ".join(p.split()) for p in parts if p.strip()]
    spread: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (lang, ident, _), parts in blocks.items():
        for part in parts:
            spread[(lang, part)].add(ident)
    out = {}
    for key, parts in blocks.items():
        kept = [p for p in parts if len(spread[(key[0], p)]) < BOILERPLATE_ARTICLES]
        aliases = " ".join(ALIASES.sub("", p) for p in kept if ALIASES.match(p))
        out[key] = (" ".join(p for p in kept if not ALIASES.match(p)), aliases)
    return out


def load(site: Path, analyzer: Analyzer | None = None) -> Catalog:
    """Read a built site folder (links.json + search indexes) into a Catalog."""
    links = Path(site) / "links.json"
    if not links.is_file():
        raise SiteNotBuilt(f"no links.json in {site}: run `make build` first (it writes site/), "
                           "or pass --site with a built site folder")
    records = json.loads(links.read_text(encoding="utf-8"))["records"]
    return Catalog(records, _section_texts(Path(site), records), analyzer)


# --- Evaluation (scripts/bench_chatlink.py and tests/test_chatlink.py share it) -----------------

def load_eval(path: Path) -> dict[str, list[dict]]:
    """The evaluation set: {lang: [{message, expect, also?}, ...]}."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def evaluate(catalog: Catalog, cases: dict[str, list[dict]]) -> dict[str, dict]:
    """hit@1, hit@3, MRR, timings and misses per language. A hit is an answer from the expected
    article or from one of its accepted alternatives."""
    import statistics
    import time

    report = {}
    for lang, items in cases.items():
        ranks, times, misses = [], [], []
        for item in items:
            accepted = {item["expect"], *item.get("also", [])}
            start = time.perf_counter()
            answers = catalog.answer(item["message"])
            times.append((time.perf_counter() - start) * 1000)
            rank = next((n for n, a in enumerate(answers, 1) if a.id in accepted), None)
            ranks.append(rank)
            if rank != 1:
                misses.append({"message": item["message"], "expect": item["expect"], "rank": rank,
                               "got": [a.id + (f"#{a.anchor}" if a.anchor else "") for a in answers]})
        count = len(items)
        times.sort()
        report[lang] = {
            "messages": count,
            "hit@1": sum(r == 1 for r in ranks) / count,
            "hit@3": sum(r is not None and r <= 3 for r in ranks) / count,
            "mrr": sum(1 / r for r in ranks if r) / count,
            "median_ms": statistics.median(times),
            "p95_ms": times[min(count - 1, math.ceil(0.95 * count) - 1)],
            "misses": misses,
        }
    return report
