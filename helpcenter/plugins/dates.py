"""okpay-dates: "Last updated" is the date of the page's last commit, from one `git log`.

Replaces mkdocs-git-revision-date-localized-plugin, whose query (`git log --diff-filter=r`) returns
nothing with git 2.39 (Debian 12), so every page silently showed the build date. One `git log`
over the docs folder gives every file's last commit at once (fast at any site size).

- A file never committed (a writer's new page) shows the build date: it is new today.
- No git repository (a copy or a tarball): every page shows the build date, and the build says
  so once on stderr.
- A shallow clone would date every page by the clone's one commit: that is a warning, so a strict
  build (the deploy) fails. Deploy from a full clone (actions/checkout with fetch-depth: 0).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, get_plugin_logger

from helpcenter.layout import Layout
from helpcenter.plugins import i18n

log = get_plugin_logger(__name__)


def last_commit_dates(folder: Path) -> dict[str, dt.date] | None:
    """Path (relative to `folder`, POSIX) -> date of its last commit; None outside a git checkout."""
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)

    top = git("rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return None
    prefix = git("rev-parse", "--show-prefix").stdout.strip()
    out = git("log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".")
    dates: dict[str, dt.date] = {}
    when = None
    for line in out.stdout.splitlines():
        if line.startswith("\0"):
            when = dt.datetime.fromtimestamp(int(line[1:]), dt.timezone.utc).date()
        elif line and when is not None:
            rel = line[len(prefix):] if prefix and line.startswith(prefix) else line
            dates.setdefault(rel, when)      # newest commit first: keep the first seen
    return dates


def is_shallow(folder: Path) -> bool:
    out = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=folder, capture_output=True, text=True)
    return out.stdout.strip() == "true"


class DatesConfig(Config):
    enabled = c.Type(bool, default=True)


class DatesPlugin(BasePlugin[DatesConfig]):
    dates: dict[str, dt.date] | None = None
    sources: dict[str, str] = {}   # a derived language's code -> its source language's code

    def on_config(self, config):
        if i18n.is_nested_build(config) and self.dates is not None:
            return config
        docs = Path(config.docs_dir)
        self.sources = {lang.code: lang.derive_from for lang in Layout.from_config(config).derived()}
        self.dates = last_commit_dates(docs) if self.config.enabled else {}
        if self.dates is None:
            print(f"okpay-dates: {docs} is not in a git checkout: every page's 'Last updated' shows "
                  "today's build date", file=sys.stderr)
            self.dates = {}
        elif is_shallow(docs):
            log.warning("this is a shallow git clone: 'Last updated' would show the clone's last commit on "
                        "every page. Build from a full clone (actions/checkout: fetch-depth: 0).")
        return config

    def on_page_markdown(self, markdown, page, config, files):
        page.meta["last_updated"] = (self.dates or {}).get(self.dated_as(page.file.src_uri), dt.date.today())
        return markdown

    def dated_as(self, src_uri: str) -> str:
        """A derived edition's page (data/languages.yml derive_from) was last changed when its source
        was: regenerating it (a phrase-table edit) is not news to its reader, and the editions agree."""
        code, _, rest = src_uri.partition("/")
        source = self.sources.get(code)
        return f"{source}/{rest}" if source and rest else src_uri
