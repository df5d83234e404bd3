"""Related articles: for each article, the 2-4 others that share the most with it.

Chosen from what the articles already say about themselves, never typed by hand: their
front-matter tags (weighted by rarity, so "scams" counts less than "recovery-phrase"), their
section, and the words of their titles and descriptions (Chinese as character pairs, other
languages as words). Ties go to the earlier article in the docs tree, so the choice is stable.

A derived edition (data/languages.yml derive_from) does not choose again: its converted titles
score differently, so a fresh choice would drift from its source. It lists the articles its source
page lists, in the same order, with its own titles (`follow`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from helpcenter.content_rules import parse
from helpcenter.text import HAN

WORD = re.compile(r"[a-z0-9]+")
STOP = {"the", "a", "an", "to", "of", "and", "or", "your", "you", "is", "in", "on", "for", "how", "what",
        "do", "i", "my", "it", "with", "can", "be", "if", "are", "not", "from", "this", "that", "when"}


@dataclass(frozen=True)
class Article:
    ident: str
    section: str
    title: str
    tags: frozenset[str]
    words: frozenset[str]


def _words(text: str) -> frozenset[str]:
    han = "".join(HAN.findall(text))
    pairs = {han[i:i + 2] for i in range(len(han) - 1)}
    latin = {w for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2}
    return frozenset(pairs | latin)


def articles(docs_lang: Path) -> list[Article]:
    """The articles of one language tree (docs/<lang>), in a stable order."""
    out = []
    for path in sorted(docs_lang.glob("*/*.md")):
        if path.name == "index.md":
            continue
        page, _ = parse(path, docs_lang.name, path.relative_to(docs_lang).as_posix(), path)
        if page is None or not page.meta.get("id"):
            continue
        meta = page.meta
        out.append(Article(meta["id"], path.parent.name, str(meta.get("title", "")),
                           frozenset(meta.get("tags") or []),
                           _words(f"{meta.get('title', '')} {meta.get('description', '')}")))
    return out


def related(pool: list[Article], most: int = 4, least: int = 2, ratio: float = 0.5) -> dict[str, list[Article]]:
    """id -> the related articles: the best `least`, plus up to `most` while each scores at least
    `ratio` of the best one (so weak matches are not padded in)."""
    n = len(pool)
    tag_count: dict[str, int] = {}
    for a in pool:
        for tag in a.tags:
            tag_count[tag] = tag_count.get(tag, 0) + 1
    idf = {tag: math.log(1 + n / count) for tag, count in tag_count.items()}
    out = {}
    for a in pool:
        scored = []
        for b in pool:
            if b.ident == a.ident:
                continue
            score = sum(idf[t] for t in a.tags & b.tags)
            score += 0.5 if a.section == b.section else 0.0
            union = a.words | b.words
            score += 3.0 * len(a.words & b.words) / len(union) if union else 0.0
            if score > 0:
                scored.append((score, b))
        scored.sort(key=lambda sb: -sb[0])          # stable: ties keep the docs-tree order
        if not scored:
            out[a.ident] = []
            continue
        best = scored[0][0]
        chosen = [b for i, (s, b) in enumerate(scored[:most]) if i < least or s >= ratio * best]
        out[a.ident] = chosen
    return out


def follow(source: dict[str, list[Article]], pool: list[Article]) -> dict[str, list[Article]]:
    """id -> the source edition's related articles, by id and in order, as the articles of `pool`
    (the derived edition's own titles). An id the pool lacks is left out, not guessed."""
    by_id = {a.ident: a for a in pool}
    return {a.ident: [by_id[b.ident] for b in source.get(a.ident, []) if b.ident in by_id] for a in pool}
