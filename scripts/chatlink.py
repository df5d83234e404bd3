#!/usr/bin/env python3
"""Find the help-center answers to paste into a customer chat.

Give it the customer's message as they wrote it; it prints the three best answers (a question
heading, or a whole article) as ready-to-paste lines "title short-link", in the language of the
message. Works offline from a built site (links.json and the search indexes).

  scripts/chatlink.py "我的提现三天了还没到账怎么办"
  scripts/chatlink.py --format markdown "withdrawal pending for 3 days"
  scripts/chatlink.py --lang en "提现没到账"        # answer a Chinese message with English links
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from helpcenter.chatlink import LANGS, SiteNotBuilt, load  # noqa: E402


def render(answers, fmt: str) -> str:
    if fmt == "json":
        keys = ("id", "anchor", "lang", "title", "short_url", "url", "score")
        return json.dumps([{k: a.as_dict()[k] for k in keys} for a in answers], ensure_ascii=False, indent=1)
    if fmt == "markdown":
        return "\n".join(f"- [{a.title}]({a.short_url})" for a in answers)
    return "\n".join(f"{n}. {a.reply()}" for n, a in enumerate(answers, 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Exit status: 0 answers printed, 1 nothing matched, 2 no built site.")
    parser.add_argument("message", nargs="+", help="the customer's message (quote it, or several words)")
    parser.add_argument("--lang", choices=LANGS,
                        help="language of the links to print (default: the message's: Chinese when it "
                             "has Chinese characters, else English)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help="text: '1. title link' lines (default); markdown: '- [title](link)'; "
                             "json: list of {id, anchor, lang, title, short_url, url, score}")
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="the built site folder holding links.json (default: site/ of this project)")
    parser.add_argument("--limit", type=int, default=3, help="how many answers (default: 3)")
    args = parser.parse_args(argv)

    try:
        catalog = load(args.site)
    except SiteNotBuilt as exc:
        print(f"chatlink: {exc}", file=sys.stderr)
        return 2
    answers = catalog.answer(" ".join(args.message), lang=args.lang, limit=args.limit)
    if not answers:
        print("chatlink: no answer matches this message; try other words", file=sys.stderr)
        return 1
    print(render(answers, args.format))
    return 0


if __name__ == "__main__":
    sys.exit(main())
