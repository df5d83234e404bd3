"""`helpcenter`: the one command line of the project. `helpcenter --help` lists the subcommands;
`helpcenter <command> --help` explains each. Every command works on the project in the current
directory, or on the one named with --root (before the command)."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from helpcenter import project

# name -> (module with main(argv), one-line summary)
COMMANDS = {
    "build": ("helpcenter.commands.build", "strict build into site/; the last good site stays if it fails"),
    "check": ("helpcenter.commands.check_content", "content rules on docs/ (file:line: [rule] message)"),
    "links": ("helpcenter.commands.check_links", "internal links and anchors of a build; lists external links"),
    "new-article": ("helpcenter.commands.new_article", "create an article in every language, and its nav entry"),
    "derive": ("helpcenter.commands.derive", "write derived editions (docs/zh-hant/) from their source pages"),
    "translation-status": ("helpcenter.commands.translation_status", "missing, drifted or older translations"),
    "update-manifest": ("helpcenter.commands.update_manifest", "record newly published addresses (append-only)"),
    "offline": ("helpcenter.commands.package_offline", "build the offline zip (opens from disk, search included)"),
    "og-images": ("helpcenter.commands.make_og_images", "redraw the link-preview images from the registry"),
    "chatlink": ("helpcenter.chatlink", "reply links for a customer's chat message (--batch: one per line)"),
    "search-bench": ("helpcenter.commands.search_bench", "search quality per split, speed and index size"),
    "bench": ("helpcenter.commands.bench", "build cost, bytes per first visit, Lighthouse (make bench adds search-bench)"),
    "compare-generators": ("helpcenter.commands.compare_generators", "build with MkDocs and ProperDocs; compare the outputs"),
    "ensure-browser": ("helpcenter.commands.ensure_browser", "make sure the browser tests have a Chromium"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="helpcenter", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands:\n" + "\n".join(f"  {name:<20} {summary}" for name, (_, summary) in COMMANDS.items()))
    parser.add_argument("--root", metavar="DIR", help="the project folder (where mkdocs.yml is); default: the current directory")
    parser.add_argument("command", choices=sorted(COMMANDS), metavar="command", help="one of the commands below")
    if argv and (argv[0] == "--root" or argv[0].startswith("--root=")):
        given = argv[0].partition("=")[2] if "=" in argv[0] else (argv[1] if len(argv) > 1 else "")
        argv = argv[1:] if "=" in argv[0] else argv[2:]
        if not (Path(given) / project.CONFIG_FILE).is_file():
            parser.error(f"--root {given!r}: expected a project folder holding {project.CONFIG_FILE}")
        project.use(given)
    if not argv or argv[0] in ("-h", "--help"):
        parser.print_help()
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        parser.error(f"unknown command {name!r}")
    module = importlib.import_module(COMMANDS[name][0])
    sys.argv[0] = f"helpcenter {name}"      # argparse names the subcommand in its usage lines
    return module.main(rest) or 0


if __name__ == "__main__":
    sys.exit(main())
