"""Build the offline copy (mkdocs.offline.yml) and pack it as one zip holding both languages.

The zip opens from disk with no server: unzip it and open okpay-help/index.html. The Pages
workflow publishes it at download/okpay-help-offline.zip, where the home page links to it.
"""

import argparse
import zipfile
from pathlib import Path

from helpcenter import project
from helpcenter.building import build_atomic

README = """OKPay 帮助中心（离线版） / OKPay Help Center (offline copy)

打开 okpay-help/index.html 即可使用，无需联网；English: okpay-help/en/index.html.
Open okpay-help/index.html in any browser; no internet connection is needed.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=project.root() / "build" / "offline")
    parser.add_argument("--zip", type=Path, default=project.root() / "build" / "okpay-help-offline.zip")
    args = parser.parse_args(argv)
    # Both the folder and the zip are replaced only when the build passed.
    result = build_atomic(args.site_dir, config_file=str(project.root() / "mkdocs.offline.yml"))
    if result.returncode:
        print(f"offline build failed; {args.zip} and {args.site_dir} still hold the last good copy")
        return result.returncode
    args.zip.parent.mkdir(parents=True, exist_ok=True)
    partial = args.zip.with_name(args.zip.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("README.txt", README)
        for path in sorted(args.site_dir.rglob("*")):
            if path.is_file() and not path.name.endswith(".gz"):
                z.write(path, Path("okpay-help") / path.relative_to(args.site_dir))
    partial.replace(args.zip)
    print(f"{args.zip}: {args.zip.stat().st_size} bytes")
    return 0

