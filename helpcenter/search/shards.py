"""The sharded search index: what a first query needs, and nothing else, for the browser.

The whole index (index.py) grows with the site: every page's text rides in it, and the runtimes
build their postings when they load it. The search box loads this layout of the same index instead:

- head: the query side's tables (ranking, stop words, typos, synonym groups, fold table), the two
  collections' sizes and average field lengths, how many sections each page has, and how many
  term shards there are. Small, and it barely grows with the site.
- t<n>: term shards. The postings of every term whose key (its first `key` characters, `key` being
  the type-ahead's prefix_min) hashes to n, for both collections: per document, the count and the
  length of each field the term occurs in. The runtime turns them into the very weights the
  whole-index engine computes (same operations, same order), so the ranking is identical
  (tests/test_search_shards.py). Terms sharing a key share a shard, so a type-ahead prefix needs
  one shard, and a shard that holds a term holds all of it: a term not in a loaded shard is in
  no document.
- p<n>: page n: its fields as in the whole index, and its sections (titles, anchors, text), fetched
  only for the results shown.

A query runs on what is loaded; every term it looks up in a shard that is not loaded is noted, the
shards are fetched, and the query runs again (the second run sees everything the first looked for:
one round of fetches in practice). shards.js is the same reader for the browser; this one serves the
tests and the benchmark. Each file also ships as a classic script (name.js) for file://, where a
worker cannot fetch(): it stores its data under self.__okpaySearchFiles["<folder name>/<name>"].
"""

from __future__ import annotations

import json
import re
from typing import Callable

from helpcenter.search.core import Collection, Engine, Tables, length, own_documents, topic_documents

FORMAT = 1
# Bytes of postings (as written) a term shard aims at: a query of 20-40 terms fetches as many
# shards, so the shards must stay small; the shard count grows with the site.
SHARD_BYTES = 1500
LATIN = re.compile(r"[a-z0-9]+")
TABLES = ("format", "lang", "ranking", "han", "fold", "stop", "chatter", "typos", "groups", "intents")
# Rounds of fetching a query may take before it is answered from what is loaded (one is the rule:
# the second run only looks up terms the first already looked up, or words of a loaded shard).
ROUNDS = 4


class ShardError(RuntimeError):
    """A shard file is missing or not of this format."""


def shard_of(term: str, key: int, count: int) -> int:
    """FNV-1a (32 bits) over the code points of the term's key; shards.js has the same."""
    h = 0x811C9DC5
    for c in term[:key]:
        h = ((h ^ ord(c)) * 0x01000193) & 0xFFFFFFFF
    return h % count


def _stats(docs: list[dict[str, list[str]]], fields: dict[str, float]) -> dict:
    """The collection's size and average field lengths, as core.Collection computes them."""
    n = len(docs)
    return {"n": n, "avg": {f: (sum(length(d.get(f, ())) for d in docs) / n if n else 0) or 1.0 for f in fields}}


def _postings(docs: list[dict[str, list[str]]], fields: dict[str, float]) -> dict[str, list[int]]:
    """term -> flat ints: per document (ascending) the gap from the previous one, a mask of the
    fields holding the term, then each such field's count of the term and its length."""
    out: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for i, doc in enumerate(docs):
        counts: dict[str, list[int]] = {}
        for bit, field in enumerate(fields):
            words = doc.get(field) or []
            for term in words:
                counts.setdefault(term, [0] * len(fields))[bit] += 1
        for term, per_field in counts.items():
            row = out.setdefault(term, [])
            row += [i - last.get(term, 0), sum(1 << b for b, c in enumerate(per_field) if c)]
            for bit, field in enumerate(fields):
                if per_field[bit]:
                    row += [per_field[bit], length(doc[field])]
            last[term] = i
    return out


def split(data: dict, shard_bytes: int = SHARD_BYTES) -> tuple[dict, dict[str, object]]:
    """The whole index (index.build) as (head, {file name: content})."""
    tables = Tables(data)
    rank = tables.rank
    pages, sections = data["pages"], data["sections"]
    topic_docs = topic_documents(pages, sections, tables)
    own_docs = own_documents(pages, sections, tables)
    topic = _postings(topic_docs, rank["topic_fields"])
    own = _postings(own_docs, rank["own_fields"])
    terms = sorted(set(topic) | set(own))
    size = sum(len(t) + 8 + 3 * (len(topic.get(t, ())) + len(own.get(t, ()))) for t in terms)
    count = max(1, round(size / shard_bytes))
    key = rank["prefix_min"]
    files: dict[str, object] = {}
    for term in terms:
        shard = files.setdefault(f"t{shard_of(term, key, count)}", {})
        shard[term] = [topic.get(term, []), own.get(term, [])]
    for n in range(count):
        files.setdefault(f"t{n}", {})
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
    head.update({"shards": {"format": FORMAT, "count": count, "key": key}, "spans": spans,
                 "topic": _stats(topic_docs, rank["topic_fields"]), "own": _stats(own_docs, rank["own_fields"])})
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
        self.key = head["shards"]["key"]
        self.loaded: set[int] = set()
        self.missing: set[int] = set()
        self.latin: list[str] = []
        self.fetch: Callable[[str], object] | None = None
        self.fetched: list[str] = []

    def ask(self, term: str) -> None:
        shard = shard_of(term, self.key, self.count)
        if shard not in self.loaded:
            self.missing.add(shard)

    def load(self, shards) -> None:
        e = self.engine
        rank = e.rank
        for shard in sorted(shards):
            if shard in self.loaded:
                continue
            content = self.get(f"t{shard}")
            for term, (topic, own) in content.items():
                if topic:
                    dict.__setitem__(e.topic.postings, term,
                                     decode(topic, rank["topic_fields"], e.head["topic"]["avg"], rank["b"]))
                if own:
                    dict.__setitem__(e.own.postings, term,
                                     decode(own, rank["own_fields"], e.head["own"]["avg"], rank["b"]))
                if LATIN.fullmatch(term):
                    self.latin.append(term)
            self.latin.sort()
            self.loaded.add(shard)

    def get(self, name: str):
        self.fetched.append(name)
        return self.fetch(name)


def _collection(stats: dict, k1: float, store: _Store) -> Collection:
    c = Collection([], {}, k1, 0.0)
    c.n = stats["n"]
    c.postings = _Postings(store)
    return c


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
        self.topic = _collection(head["topic"], rank["k1"], self.store)
        self.own = _collection(head["own"], rank["k1"], self.store)
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
        if len(prefix) < self.store.key:
            self.store.missing.update(set(range(self.store.count)) - self.store.loaded)
        else:
            self.store.ask(prefix)
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
