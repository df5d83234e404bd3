"""The retrieval core, Python runtime: analysis and scoring over a built index (index.py writes it).

helpcenter/search/core.js is the same engine for the browser and Node; tests/test_search_parity.py
runs every evaluation query through both and compares the top three. Any change here must be
made there too, line for line: the two files are kept in the same order on purpose.

Everything the query side needs rides in the index file (stop words, typos, synonym groups,
traditional-to-simplified characters), so neither runtime needs a dictionary or the vocabulary
files at query time:
- Chinese: overlapping character bigrams (a single character when the run is one character
  long), as Lucene's CJK analyzer does. No segmenter: an unseen compound still shares bigrams
  with the page, so segmentation mistakes cannot make a query find nothing (a word list from
  jieba was tried on top and ranked worse on the tuning set). At index time single characters
  are indexed too, so a one-character query (卡) still finds pages. A query typed in traditional
  characters (帳號被凍結) is folded to simplified first.
- Latin: NFKC, lower case, apostrophes dropped (can't -> cant), stop words out, a small stemmer.
- Scoring: BM25F. A page's topic (title, description, customer keywords, question headings) and
  each document's own text (a question heading with its section, or the page's opening) are
  scored separately; a document scores its own match plus topic_weight times its page's topic.

Every ranking constant, and the Han range, ride in the index too (helpcenter/search/ranking.py
and helpcenter/text.py write them there): this file has none of its own, nor has core.js.
"""

from __future__ import annotations

import math
import re
import unicodedata

APOSTROPHE = re.compile(r"([a-z])['\u2019]([a-z])")

IRREGULAR = {
    "frozen": "freeze", "froze": "freeze", "withdrew": "withdraw", "withdrawn": "withdraw",
    "sent": "send", "stolen": "steal", "stole": "steal", "paid": "pay", "got": "get",
    "gotten": "get", "gave": "give", "given": "give", "forgot": "forget", "forgotten": "forget",
    "lost": "lose", "chose": "choose", "chosen": "choose", "took": "take", "taken": "take",
    "made": "make", "won": "win", "came": "come", "went": "go", "gone": "go", "said": "say",
    "told": "tell", "bought": "buy", "ids": "id", "emails": "email", "lying": "lie",
}


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), lower case, no zero-width spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u200b", "")
    return APOSTROPHE.sub(r"\1\2", text)


def stem(word: str) -> str:
    """A small English stemmer: plurals, -ing, -ed, -ly, a final e (core.js has the same)."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or not re.fullmatch(r"[a-z]+", word):
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("eed"):
            word = word[: -len(suffix)]
            if suffix != "ly" and len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if len(word) >= 4 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    return word


class Tables:
    """What the analyzer needs from the index: stop words, typos, synonyms, the fold table."""

    def __init__(self, data: dict):
        self.rank = data["ranking"]
        self.han = re.compile(f"[{data['han']}]")
        self.token = re.compile(f"[{data['han']}]+|[a-z0-9]+")
        traditional, simplified = data.get("fold") or ("", "")
        self.fold = dict(zip(traditional, simplified))
        self.stop = set(data.get("stop", []))
        self.chatter = set(data.get("chatter", []))
        # Chinese stop words of 2+ characters, longest first: they cut a run of Han characters,
        # so 到账怎么办 gives no bigram 账怎 (which would match any title ending in 到账怎么办).
        self.cuts = sorted((w for w in self.stop if len(w) > 1 and self.han.match(w)), key=lambda w: (-len(w), w))
        self.cut_len = max((len(w) for w in self.cuts), default=0)
        self.typos = [(w, r) for w, r in data.get("typos", [])]
        self.syn = expansions(data.get("groups", []), self)
        # (name, cues) in the order of the ranking table: a Han cue is found in the query's text, a
        # Latin cue in its words as written, stop words kept ("still", "not yet" are cues).
        # A cue "a ... b" holds when its parts occur in this order with anything between them.
        self.intents = [(name, [[p.strip() if self.han.search(p) else word_key(p) for p in c.split("...")] for c in cues])
                        for name, cues in data.get("intents", [])]


def split_stop(run: str, tables: Tables) -> list[str]:
    """A run of Han characters cut at its multi-character stop words (which are dropped)."""
    parts, start, i = [], 0, 0
    while i < len(run):
        for size in range(min(tables.cut_len, len(run) - i), 1, -1):
            if run[i:i + size] in tables.stop:
                if i > start:
                    parts.append(run[start:i])
                i += size
                start = i
                break
        else:
            i += 1
    if start < len(run):
        parts.append(run[start:])
    # A character left alone by a cut is a word of its own (能充哪些币 -> 币) unless it is chatter
    # (早上好 -> 好).
    return parts if parts == [run] else [p for p in parts if len(p) > 1 or p not in tables.chatter]


def analyze(text: str, tables: Tables, index: bool = False, pairs: bool = True) -> list[str]:
    """The terms of a text, in order. `index` adds single Han characters (see the module doc).
    Adjacent Latin words add a pair term ("safe account"), weighed pair_weight in a query; not
    for body text (`pairs` false): titles, headings and keywords are where a phrase decides, and
    pairs of every body word would double the postings built on load."""
    out: list[str] = []
    tokens = []
    for token in tables.token.findall(normalize(text)):
        tokens.extend(split_stop(token, tables) if tables.han.match(token) else [token])
    previous = ""
    for token in tokens:
        if tables.han.match(token):
            previous = ""
            n = len(token)
            if n == 1:
                if token not in tables.stop:
                    out.append(token)
                continue
            if index:
                out.extend(c for c in token if c not in tables.stop)
            for i in range(n - 1):
                gram = token[i:i + 2]
                # Two function characters (了还, 我的) are glue, not a word of the topic.
                if gram not in tables.stop and not (gram[0] in tables.stop and gram[1] in tables.stop):
                    out.append(gram)
        # A lone digit says nothing; four digits or more are an amount, a code or a phone number.
        elif token not in tables.stop and not (token.isdigit() and (len(token) < 2 or len(token) > 3)):
            word = stem(token)
            out.append(word)
            # Two Latin words in a row are also a term (a phrase): "safe account" is not "is my money
            # safe", "screen lock" not "account locked". A stop word or Han text between them breaks it.
            if previous and pairs:
                out.append(previous + " " + word)
            previous = word
        else:
            previous = ""
    return out


def fold(text: str, tables: Tables) -> str:
    """Traditional characters to simplified, one for one (only those the index has a use for)."""
    return "".join(tables.fold.get(c, c) for c in text) if tables.fold else text


def fix_typos(text: str, tables: Tables) -> str:
    """Frequent misspellings in what a customer typed (never applied to pages)."""
    for wrong, right in tables.typos:
        if tables.han.search(wrong):
            text = text.replace(wrong, right)
        else:
            text = re.sub(r"(?<![a-z0-9])" + re.escape(wrong) + r"(?![a-z0-9])", right, text)
    return text


def prepare(query: str, tables: Tables) -> str:
    """A query as the analyzer reads it: normalized, traditional folded, typos fixed."""
    return fix_typos(fold(normalize(query), tables), tables)


def chatter_only(text: str, tables: Tables) -> bool:
    """A (normalized) message made only of chatter and stop words: 好的谢谢, "ok thanks", 在吗.

    Han runs must be cut into such pieces from end to end; anything else left over (没 in
    没收到) makes it a question."""
    tokens = tables.token.findall(text)
    if not tokens or not tables.chatter:
        return False
    allowed = tables.chatter | tables.stop
    for token in tokens:
        if not tables.han.match(token):
            if token not in allowed:
                return False
            continue
        reach = [True] + [False] * len(token)
        for i in range(len(token)):
            for j in range(i + 1, len(token) + 1):
                if reach[i] and token[i:j] in allowed:
                    reach[j] = True
        if not reach[-1]:
            return False
    return True


def latin_key(text: str, tables: Tables) -> str:
    """The Latin words of a normalized text, stop words left out, stemmed, between spaces."""
    return " " + " ".join(stem(w) for w in re.findall(r"[a-z0-9]+", text) if w not in tables.stop) + " "


def word_key(text: str) -> str:
    """The Latin words of a normalized text as written (not stemmed: "gave" is not "give",
    "sent" is not "send"), stop words kept, between spaces."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "


def intents_of(text: str, tables: Tables) -> list[str]:
    """The intents whose cues a prepared query holds (someone posing as support, money already
    sent, a withdrawal still not arrived), in the order of the ranking table."""
    words = word_key(text)

    def holds(parts: list[str]) -> bool:
        at = 0
        for part in parts:
            within = text if tables.han.search(part) else words
            found = within.find(part, at)
            if found < 0:
                return False
            # Han parts are found in the text, Latin parts in its words: both keep the order only
            # when every part of a cue is in the same script (the vocabulary writes them so).
            at = found + len(part) - (0 if tables.han.search(part) else 1)
        return True
    return [name for name, cues in tables.intents if any(holds(parts) for parts in cues)]


def expansions(groups: list[list[str]], tables: Tables) -> list[tuple[str, list[str]]]:
    """(key, terms): a query holding a group's entry also searches the terms of its group mates.

    A Chinese entry is its own key (found in the query's text); a Latin entry's key is its
    stemmed words without stop words (found in the query's latin_key)."""
    found: dict[str, dict[str, None]] = {}
    for group in groups:
        keys = [entry if tables.han.search(entry) else latin_key(entry, tables) for entry in group]
        for key in keys:
            if not key.strip():
                continue
            row = found.setdefault(key, {})
            for other, other_key in zip(group, keys):
                if other_key != key:
                    for term in analyze(other, tables):
                        row[term] = None
    return [(key, list(terms)) for key, terms in sorted(found.items()) if terms]


def query_terms(query: str, tables: Tables, known=lambda term: True, seen=lambda text: True) -> list[tuple[str, float]]:
    """The query's weighted terms: its own (1.0), then synonyms of the customer words it holds.

    A synonym counts less than the customer's own word (the more synonyms a word has, the less
    each), unless that word occurs nowhere in the index (入金, "cash out"): then its synonyms are
    all it has, and count fully, spread over the fan-out less thinly (unknown_spread)."""
    text = prepare(query, tables)
    weights: dict[str, float] = {}
    for term in analyze(text, tables):
        # A bigram half made of a function character (里的, 的银, 到我) is glue between words: in a
        # long message it matches pages by accident, so it counts glue_weight and no coverage.
        glue = len(term) == 2 and tables.han.match(term) and (term[0] in tables.stop or term[1] in tables.stop)
        weights[term] = tables.rank["glue_weight"] if glue else tables.rank["pair_weight"] if " " in term else 1.0
    # Phrases of the vocabulary match on the stems of the words that are not stop words:
    # "recover my password" holds "recover password".
    latin = latin_key(text, tables)
    for key, terms in tables.syn:
        found = (key in text) if tables.han.search(key) else (key in latin)
        if found:
            # A Latin key is already stemmed: stemming it again would turn "clos" into "clo".
            held = analyze(key, tables) if tables.han.search(key) else key.split()
            # A key of one word with ten synonyms would outweigh the customer's own words if each
            # synonym counted as much as a word of the query: its weight is spread over the fan-out.
            fan_out = max(1.0, len(terms) / max(1, len(held)))
            # A Chinese word is in the index when the pages hold it as written: its bigrams alone
            # (提出 and 出来 of 提出来) occur almost everywhere.
            used = seen(key) if tables.han.search(key) else any(known(t) for t in held)
            # A word the pages never use has only its synonyms: they count fully, spread less thin.
            spread = tables.rank["spread"] if used else tables.rank["unknown_spread"]
            # Rounded to 1e-9: pow() may differ in the last bit between Python and V8 (as quantize).
            weight = math.floor((tables.rank["synonym_weight"] if used else 1.0) / fan_out ** spread * 1e9 + 0.5) / 1e9
            for term in terms:
                if weights.get(term, 0.0) < weight:
                    weights[term] = weight
    return list(weights.items())


def length(words: list[str]) -> int:
    """The words of a field, its pair terms ("safe account") left out."""
    return sum(1 for w in words if " " not in w)


class Collection:
    """BM25F over documents with weighted fields: postings term -> {doc: weighted, normalized tf}."""

    def __init__(self, docs: list[dict[str, list[str]]], fields: dict[str, float], k1: float, b: float):
        n = len(docs)
        self.k1 = k1
        # A field's length counts its words, not the pair terms it also holds (analyze).
        avg = {f: (sum(length(d.get(f, ())) for d in docs) / n if n else 0) or 1.0 for f in fields}
        self.n = n
        self.postings: dict[str, dict[int, float]] = {}
        for i, doc in enumerate(docs):
            for field, weight in fields.items():
                words = doc.get(field) or []
                if not words:
                    continue
                norm = 1 - b + b * length(words) / avg[field]
                for term in words:
                    row = self.postings.setdefault(term, {})
                    row[i] = row.get(i, 0.0) + weight / norm

    def df(self, term: str) -> int:
        """How many documents hold the term (shards.py: a capped term's count rides with it)."""
        return len(self.postings.get(term, ()))

    def idf(self, term: str) -> float:
        df = self.df(term)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def scores(self, terms: list[tuple[str, float]]) -> dict[int, list]:
        """doc -> [score, set of matched terms]."""
        out: dict[int, list] = {}
        for term, weight in terms:
            row = self.postings.get(term)
            if not row:
                continue
            idf = self.idf(term)
            for i, tf in row.items():
                entry = out.setdefault(i, [0.0, set()])
                entry[0] += weight * idf * tf / (self.k1 + tf)
                entry[1].add(term)
        return out


def topic_documents(pages: list, sections: list, tables: Tables) -> list[dict[str, list[str]]]:
    """Each page's topic: its title, description, customer keywords and question headings."""
    heads: list[list[str]] = [[] for _ in pages]
    for p, _anchor, title, _text in sections:
        heads[p].extend(analyze(title, tables, True))
    return [{"title": analyze(p[1], tables, True), "desc": analyze(p[2], tables, True),
             "keys": analyze(p[3], tables, True), "heads": heads[i]} for i, p in enumerate(pages)]


def own_documents(pages: list, sections: list, tables: Tables) -> list[dict[str, list[str]]]:
    """Every page's opening text, then every section's heading and text."""
    return ([{"text": analyze(p[4], tables, True, False)} for p in pages]
            + [{"title": analyze(s[2], tables, True), "text": analyze(s[3], tables, True, False)} for s in sections])


def quantize(x: float) -> int:
    """Scores compared at 1e-6: the two runtimes' logarithms may differ in the last bit."""
    return math.floor(x * 1e6 + 0.5)


class Engine:
    """One language's index, ready to search. `data` is the parsed index file."""

    def __init__(self, data: dict):
        self.data = data
        self.tables = Tables(data)
        self.rank = self.tables.rank
        self.index(data)

    def index(self, data: dict) -> None:
        """The pages, sections, documents and both collections, built from the index's text.
        helpcenter/search/shards.py overrides this: there they come from postings shards."""
        rank = self.rank
        self.pages = data["pages"]          # [location, title, description, keywords, opening]
        self.sections = data["sections"]    # [page, anchor, title, text]
        self.topic = Collection(topic_documents(self.pages, self.sections, self.tables),
                                rank["topic_fields"], rank["k1"], rank["b"])
        # Documents: every page (its opening text), then every section.
        self.docs = [(i, "") for i in range(len(self.pages))] + [(s[0], s[1]) for s in self.sections]
        self.own = Collection(own_documents(self.pages, self.sections, self.tables),
                              rank["own_fields"], rank["k1"], rank["b"])
        self.corpus = "\n".join(normalize(f) for p in self.pages for f in p[1:5]) + "\n" + "\n".join(
            normalize(s[2] + "\n" + s[3]) for s in self.sections)
        self.latin = sorted(t for t in set(self.topic.postings) | set(self.own.postings) if re.fullmatch(r"[a-z0-9]+", t))

    def seen(self, text: str) -> bool:
        """Whether the pages hold this (normalized) text as written, in any field."""
        return text in self.corpus

    def page_id(self, page: int) -> str:
        """A page's article id (intents lift pages by id; shards.py answers it from the head)."""
        return self.pages[page][5]

    def words_from(self, prefix: str) -> list[str]:
        """The index's Latin words that begin with prefix, in order (for type-ahead)."""
        return [t for t in self.latin if t.startswith(prefix)]

    def known(self, term: str) -> bool:
        return term in self.topic.postings or term in self.own.postings

    def prefixed(self, query: str, terms: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """Type-ahead: the words of the index that the query's unfinished last word begins."""
        m = re.search(r"[a-z0-9]+$", normalize(query))
        if not m or len(m.group()) < self.rank["prefix_min"] or m.group() in self.tables.stop or self.known(stem(m.group())):
            return terms
        have = {t for t, _ in terms}
        found = [t for t in self.words_from(m.group()) if t not in have][:self.rank["prefix_max"]]
        return terms + [(t, self.rank["prefix_weight"]) for t in found]

    def search(self, query: str) -> dict:
        """{"terms": [(term, weight)], "intents": [name], "groups": [{"page", "score", "docs": [(doc, score)]}]}.

        Groups (pages) best first; each lists its matching documents best first, the page's own
        document always included. Empty for chatter (greetings, thanks) and when the best score
        is under min_score."""
        if chatter_only(prepare(query, self.tables), self.tables):
            return {"terms": [], "intents": [], "groups": []}
        terms = self.prefixed(query, query_terms(query, self.tables, self.known, self.seen))
        cued = intents_of(prepare(query, self.tables), self.tables)
        found = [name for name in cued if not self.rank["intents"][name].get("needs")
                 or set(self.rank["intents"][name]["needs"]) & set(cued)]
        quiet = {q for name in found for q in self.rank["intents"][name].get("quiets", ())}
        intents = [name for name in found if name not in quiet]
        lifts: dict[str, float] = {}
        for name in intents:
            intent = self.rank["intents"][name]
            for article in intent["articles"]:
                lifts[article] = lifts.get(article, 1.0) + intent["lift"]
        own_terms = [t for t, w in terms if w == 1.0]
        topic = self.topic.scores(terms)
        own = self.own.scores(terms)
        page_terms: dict[int, set] = {}
        for p, (_, matched) in topic.items():
            page_terms.setdefault(p, set()).update(matched)
        for d, (_, matched) in own.items():
            page_terms.setdefault(self.docs[d][0], set()).update(matched)
        groups: dict[int, list] = {}
        for d, (page, _anchor) in enumerate(self.docs):
            base = own.get(d, [0.0])[0]
            top = topic.get(page, [0.0])[0]
            if base == 0.0 and (top == 0.0 or d >= len(self.pages)):
                continue
            groups.setdefault(page, []).append([d, base + self.rank["topic_weight"] * top])
        result = []
        for page, docs in groups.items():
            held = page_terms.get(page, set())
            coverage = (sum(1 for t in own_terms if t in held) / len(own_terms)) if own_terms else 1.0
            factor = (0.5 + 0.5 * coverage) ** self.rank["coverage_power"]
            lift = lifts.get(self.page_id(page), 1.0)
            docs = [(d, quantize(s * factor * lift)) for d, s in docs]
            if not any(d == page for d, _ in docs):
                docs.append((page, 0))
            docs.sort(key=lambda x: (-x[1], x[0]))
            result.append({"page": page, "score": docs[0][1], "docs": docs})
        result.sort(key=lambda g: (-g["score"], g["page"]))
        if not result or result[0]["score"] < quantize(self.rank["min_score"]):
            result = []
        return {"terms": terms, "intents": intents, "groups": result}

    def answers(self, query: str, limit: int = 3) -> list[tuple[int, str, int]]:
        """The best `limit` answers as (page, anchor, score): the support agent's reply links.

        The anchor is a question heading's when that heading clearly beats its article as a whole
        (heading_lead), else "". The console in the browser (core.js) and `helpcenter chatlink`
        both answer through this, so they pick the same links."""
        out = []
        for group in self.search(query)["groups"][:limit]:
            best, best_score = group["docs"][0]
            page_score = next(s for d, s in group["docs"] if d == group["page"])
            anchor = ""
            if best != group["page"] and best_score > self.rank["heading_lead"] * page_score:
                anchor = self.sections[best - len(self.pages)][1]
            out.append((group["page"], anchor, group["score"]))
        return out

    def top(self, query: str, limit: int = 3) -> list[str]:
        """The locations of the best `limit` pages (for parity tests and evaluation)."""
        return [self.pages[g["page"]][0] for g in self.search(query)["groups"][:limit]]
