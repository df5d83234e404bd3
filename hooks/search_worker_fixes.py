"""Fix how Material's search worker reads a query: Chinese words it drops, and ranking noise.

Material's built worker (assets/javascripts/workers/search.<hash>.min.js) turns what the customer
typed into a lunr query, then re-ranks lunr's results. Read against its source map
(integrations/search/query/segment, query/transform and _/index.ts), five small edits:

Chinese query segmentation (`segment()`, which splits a run of Han characters into words of the
index's own vocabulary):
1. Its word-finding loop stops one character short (`j < query.length`), so a word ending at the
   end of the query is never seen: 官方推特 was searched as 官方 alone, 联系方式 as 联系 + 方.
2. It only continues to the next word while more than one character is left, so a final
   one-character word was still dropped (被扣钱 searched 被扣, 提现到卡 提现 + 到).
3. It joins the words with "* " and the query transform appends "*" to every term again, so every
   word but the last became "word**": lunr matches it, but Material's check of which query terms
   a page holds (behind its ranking bonus and the "missing" line of each result) looks for
   "word*" and always finds it missing. Joined with a space, each word gets one wildcard and counts.

Both languages (the query transform and Material's ranking bonus):
4. Every term became a prefix search, `term*`, so an exact word weighed no more than any longer
   word it begins (a rarer one wins on rarity), and short words matched nearly everything: "talk
   to a human" searched "to*" and "a*" and never found the live-chat article. Each term is now
   searched as itself AND as a prefix (`term term*`): type-ahead still works, and the exact word
   counts double. English stop words (lunr's own list) are left out of the query unless it has
   nothing else: lunr's default pipeline never matches them (it leaves them out of the index),
   ours keeps them in the index (pipeline: [trimmer] in mkdocs.yml), so "to" matched every
   heading "How to ...".
5. Material multiplies each result's score by 1 + (is-article + share-of-terms-found)^2, at most
   x5, while a title word weighs 1000 times a text word: one query word in a heading outranked
   the article holding every word of the question ("ID verification failed" ranked pages with
   "failed" in a heading first). Results are also multiplied by 10^share-of-terms-found, so pages
   with all the words come first. Measured: any factor from 10 to 1000 ranks the evaluation set
   the same to within one query per language; without it (Material's bonus alone) en hit@1 is
   0.814, with 10 it is 0.876.

Pinned to the Material version in requirements.txt, like no_alternate_sitemap_fetch.py: every edit
must find its code exactly once, or the build fails naming the file and the code it expected.
A worker already patched (a --dirty rebuild keeps the copied file) is left as it is.
Measured effect: scripts/search_eval.py (tests/test_search_quality.py keeps the floors).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

WORKERS = Path("assets") / "javascripts" / "workers"


class Edit(NamedTuple):
    name: str
    original: str
    patched: str


# In the minified segment(): t is the query, e the index's inverted index, n the `wordcuts` array
# (longest index word starting at each position), i the stack of positions, a the next position.
EDITS = (
    # 1. segment(): also try the words that end at the last character (`<=`, was `<`).
    Edit("segment: words ending at the end of the query",
         "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e",
         "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"),
    # 2. segment(): continue to the next word even when it is the last character.
    Edit("segment: a final one-character word",
         "n[a]&&a<t.length-1&&(i[s++]=a)",
         "n[a]&&(i[s++]=a)"),
    # 3. search(): one wildcard per Chinese word (the transform adds it), not "word**".
    Edit("search: Chinese words joined without a second wildcard",
         '[...fe(s,this.index.invertedIndex)].join("* ")',
         '[...fe(s,this.index.invertedIndex)].join(" ")'),
    # 4. transform(): drop English stop words unless nothing else is left (the default parameter
    #    `w` is the stop-word test: filter() passes three arguments), then `term term*`.
    Edit("transform: exact word plus prefix, no English stop words",
         ".map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`).join(\" \")",
         ".filter((r,i,a,w=x=>/^[a-z]+$/i.test(x)&&!lunr.stopWordFilter(x.toLowerCase()))=>!w(r)||a.every(w))"
         ".map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r} ${r}*`).join(\" \")"),
    # 5. search(): g is is-article (0/1) + share of query terms found; K is Math.pow.
    Edit("ranking: pages holding more of the query's words first",
         "{score:a*(1+K(g,2)),terms:f}",
         "{score:a*(1+K(g,2))*K(10,g-!c.parent),terms:f}"),
)


@event_priority(-200)  # after every language is built (the worker is shared by both)
def on_post_build(config) -> None:
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a nested per-language build; the shared assets are the outer build's
    folder = Path(config.site_dir) / WORKERS
    workers = sorted(folder.glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"expected one Material search worker search.*.min.js in {folder}, found "
                          f"{[w.name for w in workers]}; check hooks/search_worker_fixes.py")
    patch_worker(workers[0])


def patch_worker(path: Path) -> bool:
    """Apply EDITS to the worker at path; True if the file changed. PluginError if code moved."""
    text = path.read_text(encoding="utf-8")
    patched = text
    for edit in EDITS:
        if patched.count(edit.original) == 1:
            patched = patched.replace(edit.original, edit.patched)
        elif edit.original not in patched and patched.count(edit.patched) == 1:
            continue  # already applied
        else:
            raise PluginError(
                f"{path}: Material's search worker does not contain the code for '{edit.name}' "
                f"exactly once (expected {edit.original!r}, found it {patched.count(edit.original)} "
                f"times); check hooks/search_worker_fixes.py against this Material version "
                f"(the worker's source map shows the current code)")
    if patched == text:
        return False
    path.write_text(patched, encoding="utf-8")
    return True
