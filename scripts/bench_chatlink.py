#!/usr/bin/env python3
"""Measure the chat-link finder (helpcenter/chatlink.py) on the evaluation set.

Runs every message of tests/data/chatlink-eval.yml against a built site and prints, per language:
messages, hit@1 (the expected article is the first answer), hit@3 (among the three answers), MRR
(mean reciprocal rank), median and 95th-percentile time per query, then every message whose
expected article was not first. Builds nothing: build the site first (`make build`).

  scripts/bench_chatlink.py                       # site/ and the project's evaluation set
  scripts/bench_chatlink.py --site /tmp/site-chatlink
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from helpcenter.chatlink import SiteNotBuilt, evaluate, load, load_eval  # noqa: E402

EVAL_SET = ROOT / "tests" / "data" / "chatlink-eval.yml"
AIM = {"hit@1": 0.8, "hit@3": 0.95}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="the built site folder holding links.json (default: site/ of this project)")
    parser.add_argument("--eval", type=Path, default=EVAL_SET, help="evaluation set (default: %(default)s)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    try:
        catalog = load(args.site)
    except SiteNotBuilt as exc:
        print(f"bench_chatlink: {exc}", file=sys.stderr)
        return 2
    load_ms = (time.perf_counter() - start) * 1000
    report = evaluate(catalog, load_eval(args.eval))

    print(f"site: {args.site}   eval set: {args.eval}   load: {load_ms:.0f} ms")
    print()
    print(f"{'lang':<5} {'messages':>8} {'hit@1':>7} {'hit@3':>7} {'MRR':>7} {'median ms':>10} {'p95 ms':>8}")
    for lang, r in report.items():
        print(f"{lang:<5} {r['messages']:>8} {r['hit@1']:>7.3f} {r['hit@3']:>7.3f} {r['mrr']:>7.3f} "
              f"{r['median_ms']:>10.2f} {r['p95_ms']:>8.2f}")
    below = [f"{lang} {metric} {r[metric]:.3f} < {aim}" for lang, r in report.items()
             for metric, aim in AIM.items() if r[metric] < aim]
    print(f"aim: hit@1 >= {AIM['hit@1']}, hit@3 >= {AIM['hit@3']} per language: "
          + ("met" if not below else "NOT met (" + "; ".join(below) + ")"))
    for lang, r in report.items():
        print()
        print(f"{lang} misses (expected article not first): {len(r['misses'])}")
        for miss in r["misses"]:
            rank = f"rank {miss['rank']}" if miss["rank"] else "not in top 3"
            print(f"  [{rank}] {miss['message']!r} expected {miss['expect']}; got {', '.join(miss['got']) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
