#!/usr/bin/env python3
"""Measure the help center's own search box in a real headless Chromium.

Types every query of the tuning split (tests/data/eval/tuning.yml; --eval for another) into the built site's search
box, like a person (keys for Latin text, an input-method commit for Chinese), on each language's
home page, and reads the ranked results. Prints per language: queries, hit@1, hit@3, MRR and the
misses (every query whose answer is not the first result).

With --speed it also prints: milliseconds from the last keystroke to the results in the page
(median, p95; measured in the page with performance.now() and a MutationObserver), each language's
search index size (raw and gzip), and the time to the first result on a cold page load (a new
browser context: open the home page, type a query, wait for the results).

The site is a built folder (--site, default site/; --build makes a fresh strict build first),
served on 127.0.0.1 on a free port, or an address (--url).

Examples:
  .venv/bin/python scripts/search_eval.py --build --speed
  .venv/bin/python scripts/search_eval.py --site /tmp/site-search --lang zh
  .venv/bin/python scripts/search_eval.py --url http://127.0.0.1:8000/ --json /tmp/search.json
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpcenter import search_eval as se  # noqa: E402
from helpcenter.browser import launch_options  # noqa: E402


def strict_build(dest: Path) -> None:
    print(f"building (strict) into {dest} ...", file=sys.stderr)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        sys.exit(f"strict build failed:\n{result.stdout}\n{result.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--site", type=Path, default=ROOT / "site", help="a built site folder (default: site/)")
    where.add_argument("--url", help="a served site instead, e.g. http://127.0.0.1:8000/ (its root, ending in /)")
    parser.add_argument("--build", action="store_true", help="make a fresh strict build first (into a temp folder)")
    parser.add_argument("--eval", type=Path, default=se.EVAL_FILE, help="the evaluation set (default: %(default)s)")
    parser.add_argument("--lang", choices=se.LANGS, action="append", help="only this language (repeatable)")
    parser.add_argument("--speed", action="store_true",
                        help="also report keystroke-to-results times, index sizes and the cold first result")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold page loads per language (default: 5)")
    parser.add_argument("--key-delay", type=float, default=20, help="ms between typed keys (default: 20)")
    parser.add_argument("--fast", action="store_true",
                        help="enter all but the last key of Latin text at once, like a paste (same results, "
                             "about 3x faster: Material does not search every prefix)")
    parser.add_argument("--all", action="store_true", help="list every query with its top results, not only misses")
    parser.add_argument("--json", type=Path, help="also write every outcome as JSON here")
    args = parser.parse_args()

    queries = se.load_eval(args.eval)
    if args.lang:
        queries = {lang: items for lang, items in queries.items() if lang in args.lang}

    with contextlib.ExitStack() as stack:
        site_dir = None
        if args.url:
            base_url = args.url if args.url.endswith("/") else args.url + "/"
        else:
            site_dir = args.site
            if args.build:
                site_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="search-eval-")))
                strict_build(site_dir)
            if not (site_dir / "search" / "search_index.json").is_file():
                sys.exit(f"{site_dir} is not a built site (no search/search_index.json); "
                         "run `make build` or pass --build")
            base_url = stack.enter_context(se.served(site_dir))
        print(f"site: {site_dir}, served at {base_url}" if site_dir else f"site: {base_url}")

        from playwright.sync_api import sync_playwright
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(**launch_options())
        stack.callback(browser.close)

        started = time.monotonic()
        reports = se.evaluate(browser, base_url, queries, key_delay=args.key_delay,
                              every_key=not args.fast)
        elapsed = time.monotonic() - started

        print(f"\nquality ({sum(len(r.outcomes) for r in reports.values())} queries in {elapsed:.0f} s)")
        for report in reports.values():
            print(se.summary_line(report))
        for report in reports.values():
            if args.all:
                for o in report.outcomes:
                    print(f"  [{report.lang}] {o.rank or '-':>2} {o.query.q!r} -> {', '.join(o.pages[:3])}")
            lines = se.format_misses(report)
            print(f"\nmisses {report.lang} ({len(lines)}):" if lines else f"\nmisses {report.lang}: none")
            for line in lines:
                print(line)

        data = se.to_json(reports)
        if args.speed:
            print("\nspeed")
            for report in reports.values():
                print(se.speed_lines(report))
            sizes = se.index_sizes(site_dir, base_url)
            for lang, (raw, gz) in sizes.items():
                print(f"{lang}: search index {se.INDEX_PATH[lang]}: {raw / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzip")
            data["index_bytes"] = {lang: {"raw": raw, "gzip": gz} for lang, (raw, gz) in sizes.items()}
            data["cold"] = {}
            for lang in reports:
                cold = se.cold_first_result(browser, base_url, lang, runs=args.cold_runs, key_delay=args.key_delay)
                data["cold"][lang] = cold
                print(f"{lang}: cold page load, query {cold['query']!r} (median of {cold['runs']}): "
                      f"search ready {cold['ready_ms']:.0f} ms, first result {cold['first_result_ms']:.0f} ms "
                      f"after navigation start, {cold['key_to_result_ms']:.0f} ms after the last keystroke "
                      f"({cold['results']} result pages)")
            data["latency_ms"] = {lang: {"median": statistics.median(r.latencies()),
                                         "p95": se.percentile(r.latencies(), 95)}
                                  for lang, r in reports.items() if r.latencies()}
        if args.json:
            se.dump_json(args.json, data)
            print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
