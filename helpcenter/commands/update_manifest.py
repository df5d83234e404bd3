"""Add newly published addresses to data/published-urls.txt, or check that all still resolve.

Run after `make build` when articles or question headings were added. Entries are never removed:
when an article moves, add a redirect in data/redirects.yml instead (see README, "Moving an
article"), and `--check` (run by make test) proves every old address still answers.
"""

import argparse
import sys
from pathlib import Path

from helpcenter import project, published

HEADER = ("# Every address ever published: pages, question anchors, short links (from the site root).\n"
          "# Append-only; written by `helpcenter update-manifest`. make test fails if one stops resolving.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=project.root() / "site", help="the built site (default: site/)")
    parser.add_argument("--check", action="store_true", help="only report entries that no longer resolve")
    args = parser.parse_args(argv)
    if not (args.site / "links.json").is_file():
        print(f"{args.site}/links.json not found: run `make build` first", file=sys.stderr)
        return 2
    try:
        current = published.read()
    except ValueError as exc:         # not UTF-8, or too large: named by the loader
        print(exc, file=sys.stderr)
        return 2
    if args.check:
        bad = published.broken(args.site, current)
        for entry, reason in sorted(bad.items()):
            print(f"{published.MANIFEST.name}: {entry}: {reason}")
        print(f"manifest: {len(current)} entries, {len(bad)} broken", file=sys.stderr)
        return 1 if bad else 0
    new = sorted(published.entries_from_catalog(args.site) - set(current))
    project.path(published.MANIFEST).write_text(HEADER + "\n".join(sorted(set(current) | set(new))) + "\n", encoding="utf-8")
    print(f"manifest: {len(new)} new, {len(current) + len(new)} in all")
    return 0

