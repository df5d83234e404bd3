"""Create an article in both languages from templates/ and add it to the navigation.

    helpcenter new-article SECTION ID        e.g. helpcenter new-article payments card-declined

The id becomes the permanent address (/SECTION/ID/, /en/SECTION/ID/, /go/ID/), so it must be
lowercase kebab-case, new, and never used before (not even by an article that has since moved).
The new pages hold TODO markers: `make test` fails until a writer replaces every one.
"""

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from helpcenter import edition, project, published, redirects
from helpcenter.layout import Layout

ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Every section's landing page is docs/<lang>/<section>/index.md: an article by that name would
# overwrite it.
RESERVED_IDS = {"index"}


def fail(message: str) -> int:
    print(f"helpcenter new-article: {message}", file=sys.stderr)
    return 2


def main(argv=None, root: Path | None = None) -> int:
    root = root or project.root()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", help="a folder of docs/<lang>/: contact, account, payments, security, scams, about")
    parser.add_argument("id", help="the article id, lowercase kebab-case, e.g. card-declined")
    args = parser.parse_args(argv)
    layout = Layout.load(root / "mkdocs.yml")
    languages = layout.codes
    sections = sorted(p.name for p in (root / "docs" / layout.default).iterdir() if p.is_dir() and p.name != "assets")
    if args.section not in sections:
        return fail(f"unknown section {args.section!r}; expected one of: {', '.join(sections)}")
    if args.id in RESERVED_IDS:
        return fail(f"id {args.id!r} is reserved: docs/<lang>/{args.section}/index.md is the section's landing page, "
                    "not an article. Choose a name for the question the article answers, e.g. card-declined")
    # fullmatch, not match: "$" also matches before a final newline, and an id ending in one
    # would split its nav line in mkdocs.yml.
    if not ID.fullmatch(args.id) or len(args.id) > 50:
        return fail(f"id {args.id!r} must be lowercase letters, digits and single hyphens (at most 50), e.g. card-declined")
    # A derived edition's pages follow its source's (helpcenter/edition.py): only written ones count.
    written = [code for code in languages if not layout.language(code).derive_from]
    taken = [p for lang in written for p in (root / "docs" / lang).glob(f"*/{args.id}.md")]
    if taken:
        return fail(f"id {args.id!r} already exists: {taken[0].relative_to(root)}")
    try:
        manifest = published.read(root / "data" / "published-urls.txt")
    except ValueError as exc:         # not UTF-8, or too large: named by the loader
        return fail(str(exc))
    if any(entry.startswith("/" + layout.short_path(None, args.id)) for entry in manifest):
        return fail(f"id {args.id!r} was published before (data/published-urls.txt); old links would land here. "
                    "Choose another id")
    # A moved article's old id keeps forwarding (/go/<old-id>/ and its old page, in every
    # language): a new article with that id would fight its redirects.
    try:
        moves = redirects.load_moves(root / "data" / "redirects.yml")
    except redirects.RedirectError as exc:
        return fail(str(exc))
    for old, new in moves.items():
        if old.rstrip("/").rsplit("/", 1)[-1] == args.id:
            return fail(f"id {args.id!r} is listed as moved in data/redirects.yml (entry '{old}: {new}'); its old "
                        "links forward to the new article. Choose another id")

    mkdocs = root / "mkdocs.yml"
    lines = mkdocs.read_text(encoding="utf-8").split("\n")
    entries = [i for i, line in enumerate(lines) if line.strip().startswith(f"- {args.section}/")]
    if not entries:
        return fail(f"mkdocs.yml: no nav entries for section {args.section!r}; expected '- {args.section}/index.md'")
    last = entries[-1]
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {args.section}/{args.id}.md")

    today = dt.date.today().isoformat()
    created = []
    for lang in written:
        template = (root / "templates" / f"article.{lang}.md").read_text(encoding="utf-8")
        target = root / "docs" / lang / args.section / f"{args.id}.md"
        target.write_text(template.format(id=args.id, section=args.section, today=today), encoding="utf-8")
        created.append(target.relative_to(root))
    mkdocs.write_text("\n".join(lines), encoding="utf-8")
    created += edition.write(root, layout)   # derived editions (docs/zh-hant/) follow their source
    print("created " + " and ".join(map(str, created)) + f"; added {args.section}/{args.id}.md to the nav in mkdocs.yml")
    print("next: add the id and its scope to data/content-plan.yml, write every language (CONTRIBUTING.md), "
          "`make test`, then after `make build` "
          "run `helpcenter update-manifest` to record the new addresses")
    return 0

