"""The index writer: one compact search index per language, made at build time.

Input: Material's generated search index (its sections of every page, both languages), each
page's id and description (front matter), and the customer vocabulary of the language
(data/search/vocabulary.<lang>.yml, never printed on pages). Output: the index file both
runtimes read (core.py, core.js): the pages and their sections as plain text, plus the tables
the query side needs (word list, stop words, typos, synonym expansions), so that neither the
browser nor the CLI needs jieba or the vocabulary file at query time.

The index ships text, not postings: the runtimes build their postings when they load it (a few
milliseconds), and text compresses far better than lists of numbers.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections import defaultdict
from pathlib import Path

import yaml

from helpcenter.layout import Layout
from helpcenter.search.core import Tables, analyze, latin_key, normalize
from helpcenter.text import HAN, HAN_RANGES

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "data" / "search"
LANGS = ("zh", "en")
FORMAT = 1

TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|pre|blockquote|div|dd|dt)>")
# The visible keyword lines pages used to carry; their words live in the vocabulary file now.
KEYWORD_LINE = re.compile(r"^(?:也叫[:：]|Also called:)")
# A paragraph found in this many pages or more is a shared box (the "never ask" warning, the
# contact paragraph): it says nothing about which page answers a query.
BOILERPLATE_PAGES = 3


def _strings(node, path: Path, where: str = "") -> None:
    """Every word must be a string: YAML reads bare no/on/off as booleans."""
    if isinstance(node, dict):
        for key, value in node.items():
            _strings(key, path, where)
            _strings(value, path, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            _strings(item, path, where)
    elif not isinstance(node, str):
        raise ValueError(f"{path}: {where}: {node!r} is not a word; quote it (YAML reads no/on/off as booleans)")


def load_vocabulary(lang: str, folder: Path = VOCABULARY) -> dict:
    path = Path(folder) / f"vocabulary.{lang}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    _strings(data, path)
    return {"stopwords": data.get("stopwords") or [], "typos": data.get("typos") or {},
            "groups": data.get("groups") or [], "articles": data.get("articles") or {}}


def _blocks(text_html: str) -> list[str]:
    parts = (html.unescape(TAG.sub(" ", b)).replace("\u200b", "") for b in BLOCK_END.split(text_html))
    return [" ".join(p.split()) for p in parts if p.strip()]


def _words(texts: list[str], vocabulary: dict) -> list[str]:
    """Chinese words of 3+ characters: jieba's cut of the pages, and the vocabulary's own words."""
    import jieba
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    entries = [normalize(e) for group in vocabulary["groups"] for e in group]
    entries += [normalize(e) for words in vocabulary["articles"].values() for e in words]
    han = [e for e in entries if HAN.search(e) and re.fullmatch(f"[{HAN_RANGES}]+", e)]
    for entry in han:
        tokenizer.add_word(entry)
    found = set(e for e in han if len(e) >= 3)
    for text in texts:
        for run in re.findall(f"[{HAN_RANGES}]{{3,}}", normalize(text)):
            found.update(w for w in tokenizer.lcut(run, HMM=False) if len(w) >= 3)
    return sorted(found)


def _synonyms(vocabulary: dict, tables: Tables) -> list[list]:
    """[key, [terms]]: a query holding key also searches the terms of the key's group mates."""
    expansions: dict[str, dict[str, None]] = defaultdict(dict)
    for group in vocabulary["groups"]:
        keys = {}
        for entry in group:
            text = normalize(entry)
            keys[entry] = text if HAN.search(text) else latin_key(text, tables)
        for entry, key in keys.items():
            if not key.strip():
                continue
            for other in group:
                if keys[other] != key:
                    for term in analyze(other, tables):
                        expansions[key][term] = None
    return [[key, list(terms)] for key, terms in sorted(expansions.items()) if terms]


def build(material_index: dict, meta: dict[str, dict], lang: str, vocabulary: dict) -> dict:
    """The index of one language.

    material_index: Material's search_index.json ({"docs": [{location, title, text}]}).
    meta: page location (as in Material's index, without anchor) -> {"id", "description"}; only
    pages listed here (articles) are indexed."""
    layout = Layout.load()
    docs = [d for d in material_index["docs"] if layout.lang_of_url(d["location"]) == lang]
    pages: dict[str, dict] = {}
    for d in docs:
        path, _, anchor = d["location"].partition("#")
        if path not in meta:
            continue
        page = pages.setdefault(path, {"title": "", "opening": [], "sections": []})
        blocks = [b for b in _blocks(d["text"]) if not KEYWORD_LINE.match(b)]
        title = html.unescape(TAG.sub("", d["title"])).replace("\u200b", "").strip()
        if anchor:
            page["sections"].append([anchor, title, blocks])
        else:
            page["title"], page["opening"] = title, blocks
    spread: dict[str, set] = defaultdict(set)
    for path, page in pages.items():
        for block in page["opening"] + [b for s in page["sections"] for b in s[2]]:
            spread[block].add(path)

    def text(blocks: list[str]) -> str:
        return " ".join(b for b in blocks if len(spread[b]) < BOILERPLATE_PAGES)

    out_pages, out_sections = [], []
    for n, (path, page) in enumerate(sorted(pages.items())):
        info = meta[path]
        keys = vocabulary["articles"].get(info["id"]) or []
        out_pages.append([path, page["title"], info.get("description") or "", " ".join(keys),
                          text(page["opening"]), info["id"]])
        for anchor, title, blocks in page["sections"]:
            out_sections.append([n, anchor, title, text(blocks)])

    typos = sorted(((normalize(k), normalize(v)) for k, v in vocabulary["typos"].items()),
                   key=lambda x: (-len(x[0]), x[0]))
    stop = sorted({normalize(w) for w in vocabulary["stopwords"]})
    words = _words([p[1] + " " + p[2] + " " + p[4] for p in out_pages] + [s[2] + " " + s[3] for s in out_sections],
                   vocabulary) if lang == "zh" else []
    data = {"format": FORMAT, "lang": lang, "words": words, "stop": stop, "typos": [list(t) for t in typos]}
    data["syn"] = _synonyms(vocabulary, Tables(data))
    data["pages"] = out_pages
    data["sections"] = out_sections
    return data


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def script(data: dict, lang: str) -> str:
    """The same index as a classic script, for file:// where a worker cannot fetch()."""
    return f"self.__okpaySearchIndex={dumps(data)};"
