"""The search benchmark: quality per split, speed in Chromium, index size now and at 10x, first visits.

    python -m helpcenter.commands.search_bench                 # builds the site into a temp folder first
    python -m helpcenter.commands.search_bench --site site     # an existing build (built with SITE_URL unset is fine)

Prints, for each evaluation split present (tuning; frozen-test once merged) and each language:
hit@1, hit@3 and MRR for the site's search box (typed in Chromium) and for the chat CLI, overall
and per kind of query (keyword, question, chat message); the
keystroke-to-results median and p95 in Chromium; each language's whole index KB gzip today and with
10x synthetic articles (Markov text over the language's own pages with words invented for each
article, so gzip cannot fold copies away and the vocabulary grows as with real articles); what a
first search fetches from the sharded index the search box reads (helpcenter/search/shards.py),
KB gzip per file as a server sends it, over real queries at 1x, 10x and 100x (--first); the time
from navigation to the first results shown for a ?q= link in Chromium at 1x and 10x (--timed);
first-visit KB gzip for each home page and the heaviest article. `--json` writes the same figures.
Reported, never asserted (the tests hold the floors and the byte budgets).

    python -m helpcenter.commands.search_bench --site site --no-quality   # sizes and timings only
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpcenter import building
from helpcenter import evaluation as ev
from helpcenter.layout import Layout
from helpcenter.plugins.search import SearchPlugin
from helpcenter.quality import gzip_size
from helpcenter.search import LANGS, index_file, shards_folder
from helpcenter.search import index as search_index
from helpcenter.search import shards as search_shards
from helpcenter.search.core import Engine
from helpcenter.text import HAN


def build_site(dest: Path, site_url: str) -> None:
    result = building.build(dest, site_url)    # strict: a warning fails it (`mkdocs -q` would hide warnings)
    if result.returncode:
        raise SystemExit(f"search-bench: the build failed:\n{result.stdout}{result.stderr}")


def gzip_kb(data: bytes) -> float:
    from helpcenter.quality import gzip_size
    return gzip_size(data) / 1024


# ---- synthetic articles (10x, 100x) ----------------------------------------------------------------

# Invented words make the synthetic articles genuinely distinct: each article gets a lexicon of its
# own, so its terms, like a real new article's, are new to the index and gzip cannot fold them
# (a Markov chain alone only recombines the pages' own bigrams and words).
LEXICON = 16          # invented words per synthetic article
INVENTED = 0.3        # share of a synthetic text's units replaced by one of its article's words
HAN_COMMON = (0x4E00, 0x9FA5)
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _units(text: str, han: bool) -> list[str]:
    """Characters for text in Han script, else words."""
    return list(re.sub(r"\s+", "", text)) if han else text.split()


def _chain(texts: list[str], han: bool) -> dict:
    chain: dict[tuple, list[str]] = {}
    for text in texts:
        units = _units(text, han)
        for i in range(len(units) - 2):
            chain.setdefault((units[i], units[i + 1]), []).append(units[i + 2])
    return chain


def _lexicon(rng: random.Random, han: bool) -> list[str]:
    if han:
        return ["".join(chr(rng.randint(*HAN_COMMON)) for _ in range(2)) for _ in range(LEXICON)]
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(LEXICON)]


def _generate(chain: dict, length: int, rng: random.Random, han: bool, lexicon: list[str]) -> str:
    keys = list(chain)
    state = rng.choice(keys)
    out = list(state)
    while len(out) < length:
        following = chain.get(state)
        if not following:
            state = rng.choice(keys)
            out.extend(state)
            continue
        unit = rng.choice(following)
        out.append(unit)
        state = (state[1], unit)
    out = [rng.choice(lexicon) if rng.random() < INVENTED else u for u in out[:length]]
    return ("" if han else " ").join(out)


def scaled(data: dict, factor: int, seed: int = 13) -> dict:
    """The index with each article joined by (factor - 1) synthetic ones of the same shape."""
    rng = random.Random(seed)
    corpus = [p[1] + " " + p[2] + " " + p[4] for p in data["pages"]] + [s[2] + " " + s[3] for s in data["sections"]]
    # Written in Han characters (units are characters) or in words between spaces: the script most
    # of the language's text is in (an English page may quote a Chinese phrase).
    text = "".join(corpus)
    han = len(HAN.findall(text)) * 2 > len(re.findall(r"\w", text))
    chain = _chain(corpus, han)
    pages, sections = list(data["pages"]), list(data["sections"])
    for copy in range(2, factor + 1):
        for n, page in enumerate(data["pages"]):
            new = len(pages)
            lexicon = _lexicon(rng, han)

            def gen(s: str, lexicon: list[str] = lexicon) -> str:
                return _generate(chain, max(len(_units(s, han)), 3), rng, han, lexicon) if s else ""
            pages.append([page[0].rstrip("/") + f"-s{copy}/", gen(page[1]), gen(page[2]), "", gen(page[4]),
                          f"{page[5]}-s{copy}"])
            for section in data["sections"]:
                if section[0] == n:
                    sections.append([new, section[1], gen(section[2]), gen(section[3])])
    return dict(data, pages=pages, sections=sections)


def index_figures(site: Path, factor: int) -> dict:
    out = {}
    for lang in LANGS:
        raw = (site / index_file(lang)).read_bytes()
        data = json.loads(raw)
        big = scaled(data, factor)
        big_raw = search_index.dumps(big).encode()
        start = time.perf_counter()
        engine = Engine(big)
        load_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        queries = ev.sample_queries(lang) or ["help"]
        for q in queries:
            engine.search(q)
        query_ms = (time.perf_counter() - start) * 1000 / len(queries)
        out[lang] = {"articles": len(data["pages"]), "kb_raw": len(raw) / 1024, "kb_gzip": gzip_kb(raw),
                     f"articles_{factor}x": len(big["pages"]), f"kb_raw_{factor}x": len(big_raw) / 1024,
                     f"kb_gzip_{factor}x": gzip_kb(big_raw), f"python_load_ms_{factor}x": load_ms,
                     f"python_query_ms_{factor}x": query_ms}
    return out


# ---- a first search on the sharded index (what the search box fetches) ------------------------------

FIRST_QUERIES = 40    # evaluation queries per language measured as a first search


def first_queries(lang: str) -> list[str]:
    """The first FIRST_QUERIES tuning queries of the language: real customer wording."""
    return [c.q for c in ev.load("tuning").cases[lang]][:FIRST_QUERIES]


def first_search_figures(data: dict, queries: list[str]) -> dict:
    """KB gzip (each file compressed on its own, as a server sends it) and files a first search
    fetches: head, the query's term shards, the files of the ten result pages shown."""
    head, files = search_shards.split(data)
    files["head"] = head
    sizes: dict[str, int] = {}

    def size(name: str) -> int:
        if name not in sizes:
            sizes[name] = gzip_size(search_shards.dumps(files[name]).encode())
        return sizes[name]

    fetched = [search_shards.first_search(head, files, q) for q in queries]
    kb = sorted(sum(size(n) for n in names) / 1024 for names in fetched)
    counts = sorted(len(names) for names in fetched)
    return {"articles": len(data["pages"]), "shards": head["shards"]["count"], "capped": head["shards"]["capped"],
            "head_kb": size("head") / 1024,
            "kb_median": statistics.median(kb), "kb_p95": kb[min(len(kb) - 1, int(0.95 * len(kb)))], "kb_max": kb[-1],
            "files_median": statistics.median(counts), "files_max": counts[-1],
            "whole_kb": gzip_size(search_index.dumps(data).encode()) / 1024}


def sharded_figures(site: Path, factors: tuple[int, ...]) -> dict:
    out: dict = {}
    for lang in LANGS:
        data = json.loads((site / index_file(lang)).read_text(encoding="utf-8"))
        queries = first_queries(lang)
        for factor in factors:
            out[f"{lang} {factor}x"] = first_search_figures(scaled(data, factor) if factor > 1 else data, queries)
    return out


def write_scaled_site(site: Path, dest: Path, factor: int) -> None:
    """A copy of the built site whose sharded indexes hold `factor` times the articles."""
    shutil.copytree(site, dest)
    for lang in LANGS:
        data = json.loads((site / index_file(lang)).read_text(encoding="utf-8"))
        SearchPlugin.write_shards(dest / shards_folder(lang), scaled(data, factor))


def time_to_results(browser, site: Path, factor: int, runs: int = 5) -> dict:
    """Milliseconds from navigation to the first search result shown, for a ?q= deep link opened in
    a fresh browser context (nothing cached), served gzip-compressed like the real host."""
    from helpcenter.building import free_port
    from helpcenter.quality import serve_like_pages
    with tempfile.TemporaryDirectory(prefix="search-bench-scaled-") as tmp:
        root = Path(tmp) / "site"
        if factor > 1:
            write_scaled_site(site, root, factor)
        else:
            shutil.copytree(site, root)
        port = free_port()
        sent: list[tuple[str, int]] = []
        server = serve_like_pages(root, port, sent)
        out = {}
        try:
            # each language's first tuning query (never a frozen one), at its edition's address
            tuning = ev.load("tuning").cases
            layout = Layout.load()
            for lang, path, query in ((code, layout.language(code).prefix, tuning[code][0].q)
                                      for code in layout.codes if tuning.get(code)):
                times, fetched = [], []
                for _ in range(runs):
                    context = browser.new_context()
                    page = context.new_page()
                    sent.clear()
                    page.goto(f"http://127.0.0.1:{port}/{path}?q={query}")
                    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0",
                                           polling="raf", timeout=30000)
                    times.append(page.evaluate("() => performance.now()"))
                    # the index's files as served (a file the page fetched early and the worker
                    # then read from the HTTP cache counts once)
                    fetched.append(sum(n for p, n in sent if "/okpay-shards" in p.split("?")[0]) / 1024)
                    context.close()
                out[lang] = {"query": query, "ms_median": statistics.median(times), "ms_max": max(times),
                             "kb_fetched": statistics.median(fetched)}
        finally:
            server.shutdown()
    return out


# ---- first visits -------------------------------------------------------------------------------

def first_visit_figures(browser, site: Path) -> dict:
    from helpcenter import quality as q
    from helpcenter.search_eval import served
    pages = q.content_pages(site)
    with served(site) as url:
        layout = Layout.load()
        urls = [(url + q.url_path(site, p), layout.language(q.page_kind(site, p)[0]).browser_locale) for p in pages]
        visits = q.first_visits(browser, urls, parallel=4)
    out = {}
    for page, visit in zip(pages, visits):
        lang, kind = q.page_kind(site, page)
        index_loaded = any("/search/okpay-" in r["url"].split("?")[0] or "search_index" in r["url"] and r["raw"] > 1000
                           for r in visit.responses)
        entry = {"path": q.url_path(site, page), "kb": visit.total / 1024, "requests": len(visit.responses),
                 "index_loaded": index_loaded, "foreign": visit.foreign(url)}
        if kind == "home":
            out[f"{lang} home"] = entry
        elif kind == "article" and entry["kb"] > out.get(f"{lang} heaviest article", {"kb": -1})["kb"]:
            out[f"{lang} heaviest article"] = entry
    return out


# ---- quality and speed ----------------------------------------------------------------------------

def by_kind(outcomes: list, split) -> dict:
    """The metrics per kind of query (keyword, question, chat); the issue's targets name chat messages."""
    kinds = {(c.lang, c.q): c.kind for cases in split.cases.values() for c in cases}
    groups: dict[str, list] = {}
    for o in outcomes:
        # The site's outcomes carry the query only: its kind comes from the split.
        groups.setdefault(o.case.kind or kinds.get((o.case.lang, o.case.q), "?"), []).append(o)
    return {kind: ev.metrics(group) for kind, group in sorted(groups.items())}


def quality_figures(site: Path, browser, splits: list[str]) -> dict:
    from helpcenter import chatlink
    from helpcenter.search_eval import run_site, served
    catalog = chatlink.load(site)
    out: dict = {}
    for name in splits:
        split = ev.load(name)
        cli = ev.run_cli(catalog, split)
        garbage = sum(1 for g in split.garbage if catalog.answer(g))
        out[name] = {"cli": {lang: ev.metrics(o) for lang, o in cli.items()},
                     "cli_kinds": {lang: by_kind(o, split) for lang, o in cli.items()},
                     "cli_garbage_answered": f"{garbage}/{len(split.garbage)}",
                     "cli_misses": {lang: ev.misses(o) for lang, o in cli.items()}}
        if browser is not None:
            with served(site) as url:
                reports = run_site(browser, url, split, every_key=False)
            out[name]["site"] = {lang: ev.metrics(ev.site_outcomes(r)) for lang, r in reports.items()}
            out[name]["site_kinds"] = {lang: by_kind(ev.site_outcomes(r), split) for lang, r in reports.items()}
            out[name]["site_misses"] = {lang: ev.misses(ev.site_outcomes(r)) for lang, r in reports.items()}
            out[name]["keystroke_ms"] = {}
            for lang, r in reports.items():
                lat = sorted(r.latencies())
                if lat:
                    out[name]["keystroke_ms"][lang] = {"median": statistics.median(lat),
                                                       "p95": lat[min(len(lat) - 1, int(0.95 * len(lat)))]}
    return out


def cli_cold_ms(site: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "helpcenter.cli", "chatlink", "--site", str(site), "提现三天了还没到账"],
                       capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def render(r: dict) -> str:
    lines = ["Search benchmark (helpcenter/commands/search_bench.py)"]
    for name, res in r["quality"].items():
        for where in ("site", "cli"):
            for lang, m in res.get(where, {}).items():
                lines.append(f"  {name:12} {where:4} {lang}: n={m['n']:3}  hit@1 {m['hit@1']:.3f}  hit@3 {m['hit@3']:.3f}  "
                             f"MRR {m['mrr']:.3f}  no result {m['empty']}")
                for kind, k in res.get(f"{where}_kinds", {}).get(lang, {}).items():
                    lines.append(f"  {name:12} {where:4} {lang} {kind:8}: n={k['n']:3}  hit@1 {k['hit@1']:.3f}  "
                                 f"hit@3 {k['hit@3']:.3f}  MRR {k['mrr']:.3f}")
        for lang, k in res.get("keystroke_ms", {}).items():
            lines.append(f"  {name:12} keystroke -> results {lang}: median {k['median']:.1f} ms, p95 {k['p95']:.1f} ms")
        lines.append(f"  {name:12} garbage answered by the CLI: {res['cli_garbage_answered']}")
    lines.append(f"  chat CLI cold call (process start to answer): median {r['cli_cold_ms']:.0f} ms")
    for lang, i in r["index"].items():
        f = r["factor"]
        lines.append(f"  index {lang}: {i['articles']} articles {i['kb_gzip']:.1f} KB gzip ({i['kb_raw']:.0f} KB raw); "
                     f"{f}x synthetic ({i[f'articles_{f}x']} articles): {i[f'kb_gzip_{f}x']:.1f} KB gzip "
                     f"({i[f'kb_raw_{f}x']:.0f} KB raw), Python load {i[f'python_load_ms_{f}x']:.0f} ms, "
                     f"query {i[f'python_query_ms_{f}x']:.1f} ms")
    for label, v in r.get("first_search", {}).items():
        lines.append(f"  first search {label}: {v['articles']} articles, {v['shards']} term shards, {v['capped']} capped terms, "
                     f"head {v['head_kb']:.1f} KB; "
                     f"fetched KB gzip median {v['kb_median']:.1f}, p95 {v['kb_p95']:.1f}, max {v['kb_max']:.1f} "
                     f"(files median {v['files_median']:.0f}, max {v['files_max']}); whole index {v['whole_kb']:.0f} KB gzip")
    for factor, langs in r.get("time_to_results", {}).items():
        for lang, t in langs.items():
            lines.append(f"  navigation -> first results {factor} {lang} (?q={t['query']}): median {t['ms_median']:.0f} ms, "
                         f"max {t['ms_max']:.0f} ms, index files {t['kb_fetched']:.1f} KB gzip")
    for label, v in r.get("first_visit", {}).items():
        lines.append(f"  first visit {label}: {v['kb']:.1f} KB gzip, {v['requests']} requests, index loaded: "
                     f"{v['index_loaded']}, third-party: {len(v['foreign'])} (/{v['path']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temp folder)")
    parser.add_argument("--split", action="append", choices=ev.SPLITS,
                        help="evaluation split (repeatable; default: every split present)")
    parser.add_argument("--factor", type=int, default=10, help="synthetic scale for the index size (default: 10)")
    parser.add_argument("--first", default="1,10,100",
                        help="scales at which a first search's fetched bytes are measured (default: 1,10,100)")
    parser.add_argument("--timed", default="1,10",
                        help="scales at which navigation-to-results is timed in Chromium (default: 1,10)")
    parser.add_argument("--no-quality", action="store_true", help="skip the quality figures (sizes and speed only)")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium (site search, speed, first visits)")
    parser.add_argument("--misses", action="store_true", help="also list every miss")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    splits = args.split or [s for s in ev.SPLITS if ev.available(s)]
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        site = args.site
        if site is None:
            print("bench: building the site", file=sys.stderr)
            site = Path(tmp) / "site"
            build_site(site, "https://help.okpay.example.com/")
        scales = lambda text: [int(x) for x in text.split(",") if x.strip()]  # noqa: E731
        result = {"factor": args.factor, "index": index_figures(site, args.factor), "cli_cold_ms": cli_cold_ms(site),
                  "first_search": sharded_figures(site, tuple(scales(args.first)))}
        if args.no_quality:
            splits = []
        if args.no_browser:
            result["quality"] = quality_figures(site, None, splits)
        else:
            from playwright.sync_api import sync_playwright

            from helpcenter.browser import launch_options
            with sync_playwright() as p:
                browser = p.chromium.launch(**launch_options())
                result["quality"] = quality_figures(site, browser, splits)
                result["time_to_results"] = {f"{f}x": time_to_results(browser, site, f) for f in scales(args.timed)}
                result["first_visit"] = first_visit_figures(browser, site)
                browser.close()
    print(render(result))
    if args.misses:
        for name, res in result["quality"].items():
            for key in ("site_misses", "cli_misses"):
                for lang, misses in res.get(key, {}).items():
                    if misses:
                        print(f"\n{name} {key} {lang}:\n" + "\n".join(misses))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
