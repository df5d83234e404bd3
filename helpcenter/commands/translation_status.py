"""Translation drift report: for each article, is the other language missing, older, or out of step?

- missing: one language has the page, the other does not            (fails)
- structure: different heading anchors, admonitions, links or reusables (fails)
- older: by git history, one language changed after the other      (reported only)

Exit status 1 when anything fails; `make test` runs the same structural checks through
`helpcenter check`. Like FastAPI's docs tooling, age comes from each file's last commit.
"""

import argparse
import datetime as dt
import subprocess
from pathlib import Path

from helpcenter import project
from helpcenter.content_rules import LANGS, parse, structure
from helpcenter.layout import Layout


def last_commit(root: Path, path: Path) -> int | None:
    out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=root,
                         capture_output=True, text=True)
    return int(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def dirty(root: Path, path: Path) -> bool:
    out = subprocess.run(["git", "status", "--porcelain", "--", str(path)], cwd=root, capture_output=True, text=True)
    return bool(out.stdout.strip())


def written_languages() -> list[str]:
    """The languages people write; a derived edition (data/languages.yml derive_from) is generated
    and kept in step by the derived-drift content rule instead."""
    layout = Layout.load()
    return [lang for lang in LANGS if not layout.language(lang).derive_from]


def report(root: Path) -> tuple[list[str], int]:
    langs = written_languages()
    first = langs[0]
    rels = sorted({p.relative_to(root / "docs" / lang).as_posix()
                   for lang in langs for p in (root / "docs" / lang).glob("*/*.md")})
    lines, failures = [], 0
    for rel in rels:
        paths = {lang: root / "docs" / lang / rel for lang in langs}
        missing = [lang for lang in langs if not paths[lang].exists()]
        if missing:
            lines.append(f"{rel:45} missing {', '.join(missing)}")
            failures += 1
            continue
        pages = {lang: parse(paths[lang], lang, rel, paths[lang].relative_to(root))[0] for lang in langs}
        if None in pages.values():
            lines.append(f"{rel:45} unreadable front matter")
            failures += 1
            continue
        notes = []
        times = {lang: last_commit(root, paths[lang]) for lang in langs}
        uncommitted = [lang for lang in langs if dirty(root, paths[lang])]
        for second in langs[1:]:
            a, b = structure(pages[first]), structure(pages[second])
            drift = [key for key in a if a[key] != b[key]]
            if drift:
                notes.append("structure differs: " + ", ".join(drift) + (f" ({second})" if len(langs) > 2 else ""))
                failures += 1
            if times[first] and times[second] and times[first] != times[second]:
                newer = first if times[first] > times[second] else second
                days = abs(times[first] - times[second]) / 86400
                older = second if newer == first else first
                gap = f"{days:.1f} days" if days >= 1 else f"{days * 24:.1f} hours"
                notes.append(f"{older} older: {newer} changed {gap} later")
            pair = [lang for lang in (first, second) if lang in uncommitted]
            if len(pair) == 1:
                notes.append(f"{pair[0]} has uncommitted changes, {second if pair == [first] else first} does not")
        lines.append(f"{rel:45} " + ("; ".join(notes) if notes else "in step"))
    return lines, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=project.root(), help="project folder (a git checkout)")
    args = parser.parse_args(argv)
    lines, failures = report(args.root)
    print(f"translation status, {dt.date.today()}:")
    print("\n".join(lines))
    print(f"{len(lines)} articles, {failures} failing (missing or structural drift)")
    return 1 if failures else 0

