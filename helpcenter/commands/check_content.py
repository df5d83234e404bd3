"""Check the Markdown content against the named rules in helpcenter/content_lint.py.

Prints one line per finding (file:line: [rule] message) and exits 1 if any is an error
(warnings, such as content nearing its `expires` date, are printed only).
"""

import argparse
import sys
from pathlib import Path

from helpcenter import project
from helpcenter.content_lint import lint


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=project.root(), help="project folder holding docs/ and data/")
    args = parser.parse_args(argv)
    findings = lint(args.root)
    for finding in findings:
        print(finding)
    errors = [f for f in findings if f.level == "error"]
    print(f"content check: {len(errors)} error(s), {len(findings) - len(errors)} warning(s)", file=sys.stderr)
    return 1 if errors else 0

