#!/usr/bin/env python3
"""Build the offline copy (mkdocs.offline.yml) and pack it as one zip holding both languages.

The zip opens from disk with no server: unzip it and open okpay-help/index.html. The Pages
workflow publishes it at download/okpay-help-offline.zip, where the home page links to it.
"""

import argparse
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = """OKPay 帮助中心（离线版） / OKPay Help Center (offline copy)

打开 okpay-help/index.html 即可使用，无需联网；English: okpay-help/en/index.html.
Open okpay-help/index.html in any browser; no internet connection is needed.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "build" / "offline")
    parser.add_argument("--zip", type=Path, default=ROOT / "build" / "okpay-help-offline.zip")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.offline.yml",
                    "--site-dir", str(args.site_dir)], cwd=ROOT, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    args.zip.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(args.zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("README.txt", README)
        for path in sorted(args.site_dir.rglob("*")):
            if path.is_file() and not path.name.endswith(".gz"):
                z.write(path, Path("okpay-help") / path.relative_to(args.site_dir))
    print(f"{args.zip}: {args.zip.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
