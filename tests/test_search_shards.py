"""The sharded index the search box reads (helpcenter/search/shards.py, shards.js): the same ranked
output as the whole index, in both runtimes, while a first search fetches a small part of it.

- On the fixture pages of test_search_core (no build, fast), cut into many small shards: every
  query's full output (terms, weights, every score, the reply answers) from a fresh sharded engine
  equals the whole engine's, in Python and under Node.
- On a real build: every evaluation query, both runtimes, the files the build wrote.
- At 10x synthetic articles (search-bench's generator, text of their own): a first search's bytes,
  compressed as a server sends them, stay within the issue's budget, and the head does not grow.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpcenter.search import LANGS, core, index, index_file, shards, shards_folder
from tests.test_search_core import MATERIAL, META, PARITY_QUERIES, VOCABULARY, full_output
from tests.test_search_parity import queries as evaluation_queries

RUNNER = Path(__file__).parent / "js" / "search-shards.cjs"
# Type-ahead prefixes (a shard per prefix), a word no page has, and one in every shard's reach.
EXTRA = {"zh": ["提", "提现 withd", "骗子", "钱包恢复", "帳號"],
         "en": ["withdr", "recov", "secu", "zzzz", "bank account takes", "scam recovery phrase"]}
# The budget for a first search at 10x articles, KB gzip.
BUDGET_10X_KB = 150
# The head every first search loads is mostly the query side's vocabulary tables (groups, intents,
# folding, words pages hold): they grow with the customer vocabulary, not with the site, and are
# held to HEAD_KB. The part that grows with the site (page ids, collection sizes) may add at most
# HEAD_GROWTH_10X_KB from 1x to 10x articles.
HEAD_KB = 16
HEAD_GROWTH_10X_KB = 3
# Postings per term and collection in the capped fixture: the fixture's pages are few.
CAPPED = 1


def fixture_index(lang: str) -> dict:
    return index.build(MATERIAL, META, lang, VOCABULARY[lang])


def write(folder: Path, head: dict, files: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in {"head": head, **files}.items():
        (folder / f"{name}.json").write_text(shards.dumps(content), encoding="utf-8")


def roundtrip(content):
    return json.loads(shards.dumps(content))


def javascript(index_path: Path, folder: Path, asked: list[str]) -> list[dict]:
    result = subprocess.run(["node", str(RUNNER), str(index_path), str(folder)], input=json.dumps(asked),
                            capture_output=True, text=True, check=True, timeout=300)
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sharded_engine_gives_the_whole_engines_output_on_fixture_pages(lang):
    data = fixture_index(lang)
    head, files = shards.split(data, shard_bytes=40)
    assert head["shards"]["count"] > 5, "the fixture is cut into several shards"
    assert "pages" not in head and "sections" not in head
    whole = core.Engine(data)
    for query in PARITY_QUERIES[lang] + EXTRA[lang]:
        engine = shards.ShardedEngine(roundtrip(head), lambda name: roundtrip(files[name]))
        assert full_output(engine, query) == full_output(whole, query), query
        assert len(engine.store.fetched) < len(files), f"{query!r} fetched every file"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (node on PATH)")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_javascript_sharded_engine_gives_the_whole_engines_output_on_fixture_pages(lang, tmp_path):
    data = fixture_index(lang)
    head, files = shards.split(data, shard_bytes=40)
    write(tmp_path / "shards", head, files)
    (tmp_path / "index.json").write_text(index.dumps(data), encoding="utf-8")
    asked = PARITY_QUERIES[lang] + EXTRA[lang]
    python = [full_output(core.Engine(data), q) for q in asked]
    for query, p, j in zip(asked, python, javascript(tmp_path / "index.json", tmp_path / "shards", asked)):
        assert j["sharded"] == j["whole"], query
        assert {"terms": j["sharded"]["terms"], "intents": j["sharded"]["intents"], "groups": j["sharded"]["groups"],
                "answers": j["sharded"]["answers"]} == p, query
        assert len(j["fetched"]) < len(files), query


def capped_fixture(lang: str, cap: int = CAPPED) -> tuple[dict, dict, dict]:
    """The fixture index cut into small shards with every term capped at `cap` postings."""
    data = fixture_index(lang)
    head, files = shards.split(data, shard_bytes=40, cap=cap)
    assert head["shards"]["capped"] >= 3, "the fixture has terms above the cap"
    return data, head, files


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_capped_term_ships_its_heaviest_postings_with_its_true_document_count(lang):
    data, head, files = capped_fixture(lang)
    whole = core.Engine(data)
    engine = shards.ShardedEngine(head, lambda name: files[name])
    engine.store.load([name for name in files if name.startswith("t")])
    checked = 0
    for collection, full in ((engine.topic, whole.topic), (engine.own, whole.own)):
        for term, row in full.postings.items():
            kept = dict.__getitem__(collection.postings, term) if dict.__contains__(collection.postings, term) else {}
            assert len(kept) == min(CAPPED, len(row)), term
            # the heaviest (the lower document first on a tie), at the whole engine's very weights
            heaviest = sorted(row, key=lambda d: (-row[d], d))[:CAPPED]
            assert kept == {d: row[d] for d in heaviest}, term
            assert collection.idf(term) == full.idf(term), term
            checked += len(row) > CAPPED
    assert checked > 3


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (node on PATH)")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_both_runtimes_read_capped_shards_alike(lang, tmp_path):
    data, head, files = capped_fixture(lang)
    write(tmp_path / "shards", head, files)
    (tmp_path / "index.json").write_text(index.dumps(data), encoding="utf-8")
    asked = PARITY_QUERIES[lang] + EXTRA[lang]
    python = []
    for query in asked:
        engine = shards.ShardedEngine(roundtrip(head), lambda name: roundtrip(files[name]))
        engine.prepare(query, 3)
        python.append(full_output(engine, query))
    for query, p, j in zip(asked, python, javascript(tmp_path / "index.json", tmp_path / "shards", asked)):
        assert {k: j["sharded"][k] for k in ("terms", "intents", "groups", "answers")} == p, query
    assert sum(1 for p in python if p["answers"]) >= len(asked) // 2


def test_a_type_ahead_prefix_reads_its_word_shard_then_only_its_words_terms():
    data = fixture_index("en")
    head, files = shards.split(data, shard_bytes=40)
    assert head["shards"]["words"] > 1
    engine = shards.ShardedEngine(head, lambda name: files[name])
    engine.search("withdr")
    words = [n for n in engine.store.fetched if n.startswith("w")]
    assert words == [f"w{shards.shard_of('wit', head['shards']['words'])}"]
    wanted = {f"t{shards.shard_of(t, head['shards']['count'])}" for t, _ in engine.search("withdr")["terms"]}
    assert {n for n in engine.store.fetched if n.startswith("t")} <= wanted | {
        f"t{shards.shard_of(t, head['shards']['count'])}" for t in ("withdr",)}


def test_a_head_of_another_format_is_refused_by_name():
    head, _ = shards.split(fixture_index("en"))
    head["shards"]["format"] = shards.FORMAT + 1
    with pytest.raises(shards.ShardError, match="format"):
        shards.ShardedEngine(head, lambda name: {})


def capped(engine: shards.ShardedEngine, terms) -> bool:
    """Whether a query holds a term above the layout's cap (shards.CAP): once the site is large
    enough to cap its most common terms, such a query ranks on their heaviest postings only."""
    return any(t in engine.topic.counts or t in engine.own.counts for t, _ in terms)


@pytest.mark.parametrize("lang", LANGS)
def test_built_shards_rank_every_evaluation_query_as_the_whole_index(site, lang):
    whole = core.Engine(json.loads((site.dir / index_file(lang)).read_text(encoding="utf-8")))
    folder = site.dir / shards_folder(lang)
    head = json.loads((folder / "head.json").read_text(encoding="utf-8"))
    read = lambda name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    asked = evaluation_queries(lang)
    compared = 0
    for query in asked:
        engine = shards.ShardedEngine(head, read)
        result = engine.search(query)
        if capped(engine, result["terms"]):
            continue
        compared += 1
        assert result == whole.search(query), query
        assert engine.answers(query, 3) == whole.answers(query, 3), query
    assert compared > len(asked) / 2, "most queries hold no capped term"
    # script twins are for the offline copy only (tests/test_offline.py)
    assert not list(folder.glob("*.js"))


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (node on PATH)")
@pytest.mark.parametrize("lang", LANGS)
def test_built_shards_rank_as_the_whole_index_in_javascript(site, lang):
    asked = evaluation_queries(lang)
    out = javascript(site.dir / index_file(lang), site.dir / shards_folder(lang), asked)
    differ = [q for q, o in zip(asked, out) if o["sharded"] != o["whole"] and not o["capped"]]
    assert not differ, differ[:10]
    assert sum(1 for o in out if not o["capped"]) > len(asked) / 2, "most queries hold no capped term"
    assert sum(1 for o in out if o["sharded"]["answers"]) > len(asked) * 0.8


@pytest.mark.parametrize("lang", LANGS)
def test_a_first_search_at_10x_articles_fetches_within_budget(site, lang):
    from helpcenter.commands import search_bench
    data = json.loads((site.dir / index_file(lang)).read_text(encoding="utf-8"))
    big = search_bench.scaled(data, 10)
    assert len(big["pages"]) == 10 * len(data["pages"])
    figures = search_bench.first_search_figures(big, search_bench.first_queries(lang)[:15])
    assert figures["whole_kb"] > 5 * search_bench.gzip_size(index.dumps(data).encode()) / 1024, \
        "the synthetic articles are text of their own, not copies gzip folds away"
    assert figures["kb_max"] <= BUDGET_10X_KB, figures
    assert figures["head_kb"] <= HEAD_KB, figures
    head_1x = search_bench.gzip_size(shards.dumps(shards.split(data)[0]).encode()) / 1024
    assert figures["head_kb"] - head_1x <= HEAD_GROWTH_10X_KB, (head_1x, figures)
