"""Check every text that reaches a page against the content rules (helpcenter/content_rules/).

Prints one line per finding (file:line: [rule] message) and exits 1 if any is an error
(warnings, such as content nearing its `expires` date, are printed only). --list prints the
rules: their names, default severity and what each checks.
"""

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from helpcenter import playbook as pb
from helpcenter import project
from helpcenter import registry as reg
from helpcenter.content_rules import ConfigError, lint
from helpcenter.content_rules.rules import RULES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=project.root(), help="project folder holding docs/ and data/")
    parser.add_argument("--list", action="store_true", help="list the rules and exit")
    args = parser.parse_args(argv)
    if args.list:
        for rule in RULES:
            print(f"{', '.join(rule.names)} ({rule.severity})\n    {rule.description}")
        return 0
    try:
        findings = lint(args.root)
    # A data file the macros read (data/ui.yml, the playbook) is the writer's mistake too: its
    # message names the file and field, so it is printed, not raised.
    except (ConfigError, reg.RegistryError, pb.PlaybookError, PluginError) as exc:
        print(f"content check: {exc}", file=sys.stderr)
        return 1
    for finding in findings:
        print(finding)
    errors = [f for f in findings if f.level == "error"]
    print(f"content check: {len(errors)} error(s), {len(findings) - len(errors)} warning(s)", file=sys.stderr)
    return 1 if errors else 0
