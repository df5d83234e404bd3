"""Strict build of the site into site/ (or --site-dir), replacing it only when the build passes.

A failed build leaves the last good site in place, so tools that read it (the chat-link CLI,
the manifest check) keep working while the error is fixed.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from helpcenter import project
from helpcenter.building import build_atomic


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=project.root() / "site")
    parser.add_argument("--config-file", default=None, help="default: mkdocs.yml")
    parser.add_argument("--production", action="store_true",
                        help="refuse demo or unsafe registry values (same as OKPAY_PRODUCTION=1)")
    parser.add_argument("--verbose", action="store_true",
                        help="print everything MkDocs and the plugins log (default: warnings and errors only)")
    args = parser.parse_args(argv)
    if args.production:
        os.environ["OKPAY_PRODUCTION"] = "1"
    result = build_atomic(args.site_dir, config_file=args.config_file, verbose=args.verbose)
    if result.returncode:
        print(f"build failed; {args.site_dir} still holds the last good site")
    return result.returncode
