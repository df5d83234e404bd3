"""Which Chromium the tests drive: the system one when installed, else Playwright's own.

This machine has no internet but the package registries, so Playwright's browser download fails
here and Debian's `chromium` is used; a machine with internet and no system Chromium falls back
to `playwright install chromium` (`helpcenter ensure-browser`).
"""

from __future__ import annotations

import os
import shutil

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless Chromium as root in a sandbox without network: no sandbox, no GPU, and none of the
# background connections (they are refused here, many at a time, and would pollute request logs).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def system_chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def launch_options() -> dict:
    options = {"headless": True, "args": ARGS}
    path = system_chromium()
    if path:
        options["executable_path"] = path
    return options
