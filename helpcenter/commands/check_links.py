"""Check every internal link and anchor of the built site; list external links with --report.

Reads the built HTML (every <a href>, <link href>, <script src>, <img src> and meta refresh of
every page), resolves each URL relative to its page (directory URLs mean index.html) and checks
that the file exists and that any #fragment is an id on that page. External links are never
fetched: --report prints them with the pages that use them, for a person to review. Exit status 1
when a link or anchor is broken. tests/test_quality_gates.py runs the same check in make test.

Without --site-dir the site is built first (strict) into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from helpcenter import project
from helpcenter import quality as q

LOCAL_URL = "http://127.0.0.1:8000/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--site-url", help="the site_url it was built with (absolute links under it are "
                                           "internal); default: $SITE_URL or the address used for the build")
    parser.add_argument("--report", action="store_true", help="also list every external link and the pages using it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="okpay-links-") as tmp:
        site, site_url = args.site_dir, args.site_url or os.environ.get("SITE_URL")
        if site is None:
            site, site_url = Path(tmp) / "site", site_url or LOCAL_URL
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                    cwd=project.root(), capture_output=True, text=True,
                                    env={**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"})
            if result.returncode != 0:
                print(result.stdout + result.stderr, file=sys.stderr)
                return 2
        report = q.check_links(site, site_url)

    print(f"links: {report.pages} pages, {report.checked} internal links checked "
          f"({report.fragments} with #anchors), {len(report.broken)} broken, "
          f"{len(report.external)} distinct external links (not fetched)")
    for path, pages in sorted(report.outside_build.items()):
        print(f"expected outside the build: {path}: {q.OUTSIDE_THE_BUILD[path]}; linked from {', '.join(sorted(pages))}")
    for line in report.broken:
        print(f"BROKEN {line}")
    if args.report:
        print("\nexternal links (never fetched by the checks):")
        for url, pages in sorted(report.external.items()):
            shown = sorted(pages)
            more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
            print(f"  {url}\n      from {', '.join(shown[:3])}{more}")
    return 1 if report.broken else 0

