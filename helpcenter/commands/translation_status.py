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


def last_commit(root: Path, path: Path) -> int | None:
    out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=root,
                         capture_output=True, text=True)
    return int(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def dirty(root: Path, path: Path) -> bool:
    out = subprocess.run(["git", "status", "--porcelain", "--", str(path)], cwd=root, capture_output=True, text=True)
    return bool(out.stdout.strip())


def report(root: Path) -> tuple[list[str], int]:
    first, second = LANGS
    rels = sorted({p.relative_to(root / "docs" / lang).as_posix()
                   for lang in LANGS for p in (root / "docs" / lang).glob("*/*.md")})
    lines, failures = [], 0
    for rel in rels:
        paths = {lang: root / "docs" / lang / rel for lang in LANGS}
        have = [lang for lang in LANGS if paths[lang].exists()]
        if len(have) < 2:
            other = second if have == [first] else first
            lines.append(f"{rel:45} missing {other}")
            failures += 1
            continue
        pages = {lang: parse(paths[lang], lang, rel, paths[lang].relative_to(root))[0] for lang in LANGS}
        if None in pages.values():
            lines.append(f"{rel:45} unreadable front matter")
            failures += 1
            continue
        a, b = structure(pages[first]), structure(pages[second])
        drift = [key for key in a if a[key] != b[key]]
        notes = []
        if drift:
            notes.append("structure differs: " + ", ".join(drift))
            failures += 1
        times = {lang: last_commit(root, paths[lang]) for lang in LANGS}
        if all(times.values()) and times[first] != times[second]:
            newer = first if times[first] > times[second] else second
            days = abs(times[first] - times[second]) / 86400
            older = second if newer == first else first
            gap = f"{days:.1f} days" if days >= 1 else f"{days * 24:.1f} hours"
            notes.append(f"{older} older: {newer} changed {gap} later")
        uncommitted = [lang for lang in LANGS if dirty(root, paths[lang])]
        if len(uncommitted) == 1:
            notes.append(f"{uncommitted[0]} has uncommitted changes, {second if uncommitted == [first] else first} does not")
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

