"""Make sure the browser tests have a Chromium: use the system one, else install Playwright's."""

import argparse
import subprocess
import sys

from helpcenter.browser import system_chromium


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__).parse_args(argv)
    path = system_chromium()
    if path:
        print(f"browser: system Chromium at {path}")
        return 0
    print("browser: no system Chromium; installing Playwright's (needs internet; on Debian: apt-get install chromium)")
    return subprocess.call([sys.executable, "-m", "playwright", "install", "chromium"])

