"""The search benchmark: quality per split, speed in Chromium, index size now and at 10x, first visits.

    python -m helpcenter.commands.search_bench                 # builds the site into a temp folder first
    python -m helpcenter.commands.search_bench --site site     # an existing build (built with SITE_URL unset is fine)

Prints, for each evaluation split present (tuning; frozen-test once merged) and each language:
hit@1, hit@3 and MRR for the site's search box (typed in Chromium) and for the chat CLI, overall
and per kind of query (keyword, question, chat message); the
keystroke-to-results median and p95 in Chromium; each language's index KB gzip today and with
10x synthetic articles (new text drawn from a word-level Markov chain over the language's own
pages, so gzip cannot fold copies away); first-visit KB gzip for each home page and the heaviest
article. `--json` writes the same figures. Reported, never asserted (the tests hold the floors).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpcenter import building
from helpcenter import evaluation as ev
from helpcenter.layout import Layout
from helpcenter.search import LANGS, index_file
from helpcenter.search import index as search_index
from helpcenter.search.core import Engine


def build_site(dest: Path, site_url: str) -> None:
    result = building.build(dest, site_url)    # strict: a warning fails it (`mkdocs -q` would hide warnings)
    if result.returncode:
        raise SystemExit(f"search-bench: the build failed:\n{result.stdout}{result.stderr}")


def gzip_kb(data: bytes) -> float:
    from helpcenter.quality import gzip_size
    return gzip_size(data) / 1024


# ---- 10x synthetic articles ---------------------------------------------------------------------

def _units(text: str, lang: str) -> list[str]:
    # Han text has no spaces between words: its units are characters.
    return list(re.sub(r"\s+", "", text)) if Layout.load().language(lang).script == "han" else text.split()


def _chain(texts: list[str], lang: str) -> dict:
    chain: dict[tuple, list[str]] = {}
    for text in texts:
        units = _units(text, lang)
        for i in range(len(units) - 2):
            chain.setdefault((units[i], units[i + 1]), []).append(units[i + 2])
    return chain


def _generate(chain: dict, length: int, rng: random.Random, lang: str) -> str:
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
    return ("" if Layout.load().language(lang).script == "han" else " ").join(out[:length])


def scaled(data: dict, factor: int, seed: int = 13) -> dict:
    """The index with each article joined by (factor - 1) synthetic ones of the same shape."""
    lang = data["lang"]
    rng = random.Random(seed)
    corpus = [p[1] + " " + p[2] + " " + p[4] for p in data["pages"]] + [s[2] + " " + s[3] for s in data["sections"]]
    chain = _chain(corpus, lang)
    pages, sections = list(data["pages"]), list(data["sections"])
    for copy in range(2, factor + 1):
        for n, page in enumerate(data["pages"]):
            new = len(pages)
            gen = lambda s: _generate(chain, max(len(_units(s, lang)), 3), rng, lang) if s else ""  # noqa: E731
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
        index_loaded = any("okpay-index" in r["url"].split("?")[0] or "search_index" in r["url"] and r["raw"] > 1000
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
        result = {"factor": args.factor, "index": index_figures(site, args.factor), "cli_cold_ms": cli_cold_ms(site)}
        if args.no_browser:
            result["quality"] = quality_figures(site, None, splits)
        else:
            from playwright.sync_api import sync_playwright

            from helpcenter.browser import launch_options
            with sync_playwright() as p:
                browser = p.chromium.launch(**launch_options())
                result["quality"] = quality_figures(site, browser, splits)
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
