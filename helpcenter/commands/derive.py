"""`helpcenter derive`: write the derived editions (data/languages.yml derive_from) from their
source pages, e.g. docs/zh-hant/ from docs/zh/ (helpcenter/edition.py). `--check` only reports."""

from __future__ import annotations

import argparse

from helpcenter import convert, edition, project
from helpcenter.layout import LayoutError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="helpcenter derive", description=__doc__)
    parser.add_argument("--check", action="store_true", help="list the files out of step; exit 1 if any")
    args = parser.parse_args(argv)
    root = project.root()
    try:
        if args.check:
            problems = edition.drift(root)
            for rel, problem in problems:
                print(f"{rel}: {problem}; run `helpcenter derive`")
            return 1 if problems else 0
        changed = edition.write(root)
    except (convert.ConvertError, LayoutError) as exc:
        print(f"error: {exc}")
        return 2
    for rel in changed:
        print(f"wrote {rel}" if (root / rel).exists() else f"removed {rel}")
    print(f"{len(changed)} file(s) changed")
    return 0
