"""Build the site with MkDocs and with ProperDocs and compare the two outputs file by file.

ProperDocs is the community continuation of MkDocs 1.x (README, "Platform"): if MkDocs stops
building this site, ProperDocs is the drop-in to move to, so CI checks that it still builds the same
bytes. Differences that are not the site's: the generator <meta> tag, and the gzip header (it holds
a time) of sitemap.xml.gz, whose content is compared instead. Exit status 1 when anything else
differs, naming the first differing files.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import re
import sys
import tempfile
from pathlib import Path

from helpcenter import building

GENERATORS = {"mkdocs": [sys.executable, "-m", "mkdocs"], "properdocs": [sys.executable, "-m", "properdocs"]}
GENERATOR_TAG = re.compile(rb'<meta name="?generator"? content="?[^">]*"?\s*/?>')
SHOWN = 10       # differing files named in the report


def normalized(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return GENERATOR_TAG.sub(b"", data) if path.suffix in (".html", ".htm") else data


def compare(a: Path, b: Path) -> tuple[list[str], list[str], list[str], int]:
    """(only in a, only in b, differing, files compared) of two site folders."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = [rel for rel in sorted(files_a & files_b)
              if not filecmp.cmp(a / rel, b / rel, shallow=False) and normalized(a / rel) != normalized(b / rel)]
    return sorted(files_a - files_b), sorted(files_b - files_a), differ, len(files_a & files_b)


def build_with(generator: str, dest: Path, site_url: str) -> None:
    """A strict build with one generator; a failure stops the comparison with the generator's output."""
    result = building.build(dest, site_url, command=GENERATORS[generator])
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"compare-generators: the {generator} build failed (output above)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-url", default="https://help.okpay.example.com/",
                        help="site_url of both builds (default: the one in mkdocs.yml)")
    parser.add_argument("--keep", type=Path, help="keep both builds under this folder (mkdocs/, properdocs/)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="okpay-generators-") as tmp:
        out = args.keep or Path(tmp)
        for generator in GENERATORS:
            print(f"compare-generators: building with {generator}", file=sys.stderr)
            build_with(generator, out / generator, args.site_url)
        only_a, only_b, differ, same = compare(out / "mkdocs", out / "properdocs")
    for label, items in (("only in the MkDocs build", only_a), ("only in the ProperDocs build", only_b),
                         ("different content", differ)):
        if items:
            more = f" (and {len(items) - SHOWN} more)" if len(items) > SHOWN else ""
            print(f"{label}: {len(items)}{more}\n" + "\n".join(f"  {rel}" for rel in items[:SHOWN]))
    failed = bool(only_a or only_b or differ)
    print(f"compare-generators: {same} files in both builds, {len(differ)} differ beyond the generator tag, "
          f"{len(only_a) + len(only_b)} in one build only: {'DIFFERENT' if failed else 'identical'}")
    return 1 if failed else 0
