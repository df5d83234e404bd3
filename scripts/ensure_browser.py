#!/usr/bin/env python3
"""Make sure the browser tests have a Chromium: use the system one, else install Playwright's."""

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpcenter.browser import system_chromium  # noqa: E402


def main() -> int:
    argparse.ArgumentParser(description=__doc__).parse_args()
    path = system_chromium()
    if path:
        print(f"browser: system Chromium at {path}")
        return 0
    print("browser: no system Chromium; installing Playwright's (needs internet; on Debian: apt-get install chromium)")
    return subprocess.call([sys.executable, "-m", "playwright", "install", "chromium"])


if __name__ == "__main__":
    sys.exit(main())
