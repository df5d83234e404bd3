"""The sharded search index: what a first query needs, and nothing else, for the browser.

The whole index (index.py) grows with the site: every page's text rides in it, and the runtimes
build their postings when they load it. The search box loads this layout of the same index instead:

- head: the query side's tables (ranking, stop words, typos, synonym groups, fold table), the two
  collections' sizes and average field lengths, how many sections each page has, and how many
  term and word shards there are. Small, and it barely grows with the site.
- t<n>: term shards. The postings of every term that hashes to n, for both collections: per
  document, the count and the length of each field the term occurs in. The runtime turns them
  into the very weights the whole-index engine computes (same operations, same order), so the
  ranking is identical (tests/test_search_shards.py). A shard that holds a term holds all of it
  that ships: a term not in a loaded shard is in no document.
  A term found in more than CAP documents of a collection (a common character or word, once the
  site is many times today's size) ships its CAP heaviest postings only, impact-ordered, with its
  true document count (so its idf is unchanged): without the cap, a first query's bytes grow
  with the site, as every common term's postings do. Below CAP nothing is dropped: the real
  site (search-bench prints its capped terms: none today) ranks as the whole index.
- w<n>: word shards. The index's Latin words whose key (first `key` characters, `key` being the
  type-ahead's prefix_min) hashes to n, as lists: an unfinished word finds the words it begins
  there, then their postings in the term shards.
- p<n>: page n: its fields as in the whole index, and its sections (titles, anchors, text), fetched
  only for the results shown.

A query runs on what is loaded; every term it looks up in a shard that is not loaded is noted, the
shards are fetched, and the query runs again (the second run sees everything the first looked for:
one round of fetches in practice, one more for a type-ahead prefix: its word shard, then the shards
of the words it begins). shards.js is the same reader for the browser and the agent console, with
the one loader of these files (files()); this one serves the tests and the benchmark. Each file
also ships as a classic script (name.js) for file://, where fetch() cannot read files: it stores
its data under self.__okpaySearchFiles["<folder name>/<name>"].
"""

from __future__ import annotations

import json
import re
from typing import Callable

from helpcenter.search.core import Collection, Engine, Tables, length, own_documents, topic_documents

FORMAT = 2
# Bytes of postings (as written) a term shard aims at: a query of 20-40 terms fetches as many
# shards, so the shards must stay small; the shard count grows with the site.
SHARD_BYTES = 1500
# Postings a term ships per collection at most (see the module doc): above the document count of
# the most common term of today's site (search-bench prints how many terms each index caps), so
# capping starts only as the site grows.
CAP = 512
LATIN = re.compile(r"[a-z0-9]+")
# ...and the signature: the agent console tells the Han editions apart by it (index.signature).
TABLES = ("format", "lang", "ranking", "han", "fold", "stop", "chatter", "typos", "groups", "intents", "signature")
# Rounds of fetching a query may take before it is answered from what is loaded (one is the rule:
# the second run only looks up terms the first already looked up; a type-ahead prefix takes two
# more, its word shard, then the shards of the words it begins).
ROUNDS = 5


class ShardError(RuntimeError):
    """A shard file is missing or not of this format."""


def shard_of(text: str, count: int) -> int:
    """FNV-1a (32 bits) over the code points of a term (a word's key); shards.js has the same."""
    h = 0x811C9DC5
    for c in text:
        h = ((h ^ ord(c)) * 0x01000193) & 0xFFFFFFFF
    return h % count


def _stats(docs: list[dict[str, list[str]]], fields: dict[str, float]) -> dict:
    """The collection's size and average field lengths, as core.Collection computes them."""
    n = len(docs)
    return {"n": n, "avg": {f: (sum(length(d.get(f, ())) for d in docs) / n if n else 0) or 1.0 for f in fields}}


def _postings(docs: list[dict[str, list[str]]], fields: dict[str, float]) -> dict[str, list[tuple[int, list[int]]]]:
    """term -> per document (ascending): (document, [a mask of the fields holding the term, then
    each such field's count of the term and its length])."""
    out: dict[str, list[tuple[int, list[int]]]] = {}
    for i, doc in enumerate(docs):
        counts: dict[str, list[int]] = {}
        for bit, field in enumerate(fields):
            words = doc.get(field) or []
            for term in words:
                counts.setdefault(term, [0] * len(fields))[bit] += 1
        for term, per_field in counts.items():
            entry = [sum(1 << b for b, c in enumerate(per_field) if c)]
            for bit, field in enumerate(fields):
                if per_field[bit]:
                    entry += [per_field[bit], length(doc[field])]
            out.setdefault(term, []).append((i, entry))
    return out


def _flat(entries: list[tuple[int, list[int]]]) -> list[int]:
    """Entries as written: per document the gap from the previous one, then its entry."""
    flat, last = [], 0
    for doc, entry in entries:
        flat += [doc - last, *entry]
        last = doc
    return flat


def _capped(entries: list[tuple[int, list[int]]], cap: int, fields: dict[str, float], stats: dict,
            b: float) -> list[tuple[int, list[int]]]:
    """A term's `cap` heaviest postings (highest weighted tf, the lower document first on a tie), in
    document order; all of them when there are no more."""
    if len(entries) <= cap:
        return entries
    weight = decode(_flat(entries), fields, stats["avg"], b)
    kept = sorted(entries, key=lambda e: (-weight[e[0]], e[0]))[:cap]
    return sorted(kept)


def split(data: dict, shard_bytes: int = SHARD_BYTES, cap: int = CAP) -> tuple[dict, dict[str, object]]:
    """The whole index (index.build) as (head, {file name: content})."""
    tables = Tables(data)
    rank = tables.rank
    pages, sections = data["pages"], data["sections"]
    topic_docs = topic_documents(pages, sections, tables)
    own_docs = own_documents(pages, sections, tables)
    stats = {"topic": _stats(topic_docs, rank["topic_fields"]), "own": _stats(own_docs, rank["own_fields"])}
    postings = {"topic": _postings(topic_docs, rank["topic_fields"]), "own": _postings(own_docs, rank["own_fields"])}
    terms = sorted(set(postings["topic"]) | set(postings["own"]))
    rows: dict[str, list] = {}
    capped = 0
    for term in terms:
        row, counts, cut = [], [], False
        for name in ("topic", "own"):
            entries = postings[name].get(term, [])
            kept = _capped(entries, cap, rank[f"{name}_fields"], stats[name], rank["b"])
            row.append(_flat(kept))
            counts.append(len(entries))
            cut = cut or len(kept) < len(entries)
        capped += cut
        # [topic, own], then, when a list was capped, both document counts (the idf needs them)
        rows[term] = row + counts if cut else row
    size = sum(len(t) + 8 + 3 * (len(r[0]) + len(r[1])) for t, r in rows.items())
    count = max(1, round(size / shard_bytes))
    key = rank["prefix_min"]
    files: dict[str, object] = {}
    for term, row in rows.items():
        files.setdefault(f"t{shard_of(term, count)}", {})[term] = row
    for n in range(count):
        files.setdefault(f"t{n}", {})
    words: dict[str, list[str]] = {}
    for term in terms:
        if LATIN.fullmatch(term):
            words.setdefault(term[:key], []).append(term)
    word_count = max(1, round(sum(len(t) + 3 for w in words.values() for t in w) / shard_bytes))
    for n in range(word_count):
        files[f"w{n}"] = {}
    for prefix, listed in words.items():
        files[f"w{shard_of(prefix, word_count)}"][prefix] = listed
    spans = [0] * len(pages)
    for s in sections:
        spans[s[0]] += 1
    for n, page in enumerate(pages):
        files[f"p{n}"] = {"page": page, "sections": [s[1:] for s in sections if s[0] == n]}
    head = {k: data[k] for k in TABLES if k in data}
    # The Chinese customer words of the vocabulary that the pages write as written (Engine.seen
    # reads the whole text for that; the head carries the answers, the only texts it is asked about).
    whole = Engine(data)
    head["ids"] = [p[5] for p in pages]     # intents lift pages by id before any page file is loaded
    head["seen"] = sorted({key for key, _ in tables.syn if tables.han.search(key) and whole.seen(key)})
    head.update({"shards": {"format": FORMAT, "count": count, "words": word_count, "key": key, "capped": capped},
                 "spans": spans, "topic": stats["topic"], "own": stats["own"]})
    return head, files


def dumps(content) -> str:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def script(content, space: str, name: str) -> str:
    """A file as a classic script, for file:// (see the module doc)."""
    return (f"(self.__okpaySearchFiles=self.__okpaySearchFiles||{{}})"
            f"[{json.dumps(space + '/' + name)}]={dumps(content)};")


# ---- reading (the tests and the benchmark; shards.js is the browser's) ------------------------------

class _Postings(dict):
    """A collection's postings so far: looking up a term of a shard not loaded notes the shard."""

    def __init__(self, store: "_Store"):
        super().__init__()
        self.store = store

    def get(self, term, default=None):
        if dict.__contains__(self, term):
            return dict.__getitem__(self, term)
        self.store.ask(term)
        return default

    def __contains__(self, term) -> bool:
        if dict.__contains__(self, term):
            return True
        self.store.ask(term)
        return False


class _Lazy(list):
    """Pages or sections: an entry is read from its page file when first used."""

    def __init__(self, size: int, load: Callable[[int], None]):
        super().__init__([None] * size)
        self.load = load

    def __getitem__(self, i):
        if list.__getitem__(self, i) is None:
            self.load(i)
        return list.__getitem__(self, i)


def decode(flat: list[int], fields: dict[str, float], avg: dict[str, float], b: float) -> dict[int, float]:
    """A term's postings: document -> weighted, normalized tf, computed as core.Collection does."""
    row: dict[int, float] = {}
    i, doc = 0, 0
    while i < len(flat):
        doc += flat[i]
        mask = flat[i + 1]
        i += 2
        tf = 0.0
        for bit, (field, weight) in enumerate(fields.items()):
            if mask >> bit & 1:
                count, length = flat[i], flat[i + 1]
                i += 2
                norm = 1 - b + b * length / avg[field]
                for _ in range(count):
                    tf = tf + weight / norm
        row[doc] = tf
    return row


class _Store:
    def __init__(self, engine: "ShardedEngine", head: dict):
        self.engine = engine
        self.count = head["shards"]["count"]
        self.words = head["shards"]["words"]
        self.key = head["shards"]["key"]
        self.loaded: set[str] = set()
        self.missing: set[str] = set()
        self.latin: list[str] = []
        self.fetch: Callable[[str], object] | None = None
        self.fetched: list[str] = []

    def note(self, name: str) -> None:
        if name not in self.loaded:
            self.missing.add(name)

    def ask(self, term: str) -> None:
        self.note(f"t{shard_of(term, self.count)}")

    def ask_words(self, prefix: str) -> None:
        self.note(f"w{shard_of(prefix[:self.key], self.words)}")

    def load(self, names) -> None:
        e = self.engine
        rank = e.rank
        for name in sorted(names):
            if name in self.loaded:
                continue
            content = self.get(name)
            if name.startswith("w"):
                for listed in content.values():
                    self.latin.extend(listed)
                self.latin.sort()
            for term, row in content.items() if name.startswith("t") else ():
                for c, flat, fields, avg in ((e.topic, row[0], rank["topic_fields"], e.head["topic"]["avg"]),
                                             (e.own, row[1], rank["own_fields"], e.head["own"]["avg"])):
                    if flat:
                        dict.__setitem__(c.postings, term, decode(flat, fields, avg, rank["b"]))
                if len(row) > 2:
                    e.topic.counts[term], e.own.counts[term] = row[2], row[3]
            self.loaded.add(name)

    def get(self, name: str):
        self.fetched.append(name)
        return self.fetch(name)


class _Collection(Collection):
    """A collection read from shards: a capped term's document count is the one it ships with."""

    def __init__(self, stats: dict, k1: float, store: _Store):
        super().__init__([], {}, k1, 0.0)
        self.n = stats["n"]
        self.postings = _Postings(store)
        self.counts: dict[str, int] = {}

    def df(self, term: str) -> int:
        return self.counts[term] if term in self.counts else super().df(term)


class ShardedEngine(Engine):
    """The engine over a sharded index: head, and fetch(name) -> a file's parsed content."""

    def __init__(self, head: dict, fetch: Callable[[str], object]):
        super().__init__(head)
        self.store.fetch = fetch

    def index(self, head: dict) -> None:
        if head.get("shards", {}).get("format") != FORMAT:
            raise ShardError(f"search shards: format {head.get('shards', {}).get('format')!r}, expected {FORMAT}")
        self.head = head
        self.store = _Store(self, head)
        rank = self.rank
        spans = head["spans"]
        self.docs = [(i, "") for i in range(len(spans))] + [(p, "") for p, n in enumerate(spans) for _ in range(n)]
        self.first = [0] * len(spans)      # page -> index of its first section
        total = 0
        for p, n in enumerate(spans):
            self.first[p], total = total, total + n
        self.pages = _Lazy(len(spans), self._page)
        self.sections = _Lazy(total, lambda s: self._page(self.docs[len(spans) + s][0]))
        self.topic = _Collection(head["topic"], rank["k1"], self.store)
        self.own = _Collection(head["own"], rank["k1"], self.store)
        self.seen_words = frozenset(head.get("seen", ()))

    def seen(self, text: str) -> bool:
        return text in self.seen_words

    def page_id(self, page: int) -> str:
        return self.head["ids"][page]

    def _page(self, p: int) -> None:
        content = self.store.get(f"p{p}")
        list.__setitem__(self.pages, p, content["page"])
        for i, s in enumerate(content["sections"]):
            list.__setitem__(self.sections, self.first[p] + i, [p, *s])

    def words_from(self, prefix: str) -> list[str]:
        # prefixed() asks for prefix_min letters or more, and the key is prefix_min letters long
        self.store.ask_words(prefix)
        return [t for t in self.store.latin if t.startswith(prefix)]

    def search(self, query: str) -> dict:
        for _ in range(ROUNDS):
            self.store.missing.clear()
            result = super().search(query)
            if not self.store.missing:
                return result
            self.store.load(self.store.missing)
        raise ShardError(f"search shards: {query!r} still needs shards after {ROUNDS} rounds")

    def prepare(self, query: str, pages: int = 3) -> dict:
        """What the browser's worker fetches for a query (shards.js prepare): its shards, then the
        files of its first `pages` result pages. Returns the result."""
        result = self.search(query)
        for group in result["groups"][:pages]:
            self.pages[group["page"]]
        return result


def first_search(head: dict, files: dict[str, object], query: str, pages: int = 10) -> list[str]:
    """The files a first search for `query` fetches, the head first (the benchmark and the tests)."""
    engine = ShardedEngine(head, lambda name: files[name])
    engine.prepare(query, pages)
    return ["head", *engine.store.fetched]
