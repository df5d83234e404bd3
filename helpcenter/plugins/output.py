"""okpay-output: `mkdocs build` keeps the last good site, as `helpcenter build` does.

Stock MkDocs empties site_dir before it writes, so a build that fails halfway (a plugin error in
on_post_build, a strict-mode warning) leaves a half-written site where the last good one was. This
plugin points the build at a temporary sibling folder (`.site-building-<pid>-…`, helpcenter/building.py)
and puts it in place only when the build has passed:

- on_startup: active for `mkdocs build` and `gh-deploy` only. `mkdocs serve` already builds into a
  temporary folder of its own, and a --dirty build only writes what changed, so it must go where
  the rest of the site is.
- on_config (first): removes folders left by a killed earlier build, then redirects site_dir.
- on_post_build (after every other plugin): swaps the new site in; the old one is kept aside,
  because MkDocs decides about strict-mode warnings only after on_post_build.
- on_build_error (a plugin's exception, or the strict-mode abort): puts the old site back, or
  drops the unfinished one.
- on_shutdown, and at exit for an interrupted build: removes whatever is left.
"""

from __future__ import annotations

import atexit
import logging
import shutil
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from helpcenter.building import clean_stale, temp_sibling
from helpcenter.plugins import PRIORITY_FIRST, PRIORITY_OUTPUT, i18n

log = logging.getLogger("mkdocs.plugins.okpay-output")


class OutputConfig(Config):
    enabled = c.Type(bool, default=True)


class OutputPlugin(BasePlugin[OutputConfig]):
    def __init__(self):
        self.active = False
        self.site: Path | None = None        # where the site belongs (site_dir as configured)
        self.building: Path | None = None    # where this build writes
        self.previous: Path | None = None    # the last good site, set aside until the build passed
        atexit.register(self._discard)

    def on_startup(self, *, command, dirty):
        self.active = command in ("build", "gh-deploy") and not dirty

    @event_priority(PRIORITY_FIRST)
    def on_config(self, config):
        if not (self.active and self.config.enabled) or i18n.is_nested_build(config):
            return config
        self._discard()
        self.site = Path(config.site_dir).resolve()
        for folder in clean_stale(self.site):
            log.info(f"removed {folder.name}, left by an earlier build that did not finish")
        self.building = temp_sibling(self.site)
        config.site_dir = str(self.building)
        return config

    @event_priority(PRIORITY_OUTPUT)
    def on_post_build(self, config):
        if self.building is None or i18n.is_nested_build(config):
            return
        if self.site.exists():
            self.previous = self.building.with_name(self.building.name + "-previous")
            self.site.rename(self.previous)
        self.building.rename(self.site)
        self.building = None
        config.site_dir = str(self.site)     # gh-deploy publishes from here after the build

    def on_build_error(self, *, error):
        if self.site is not None and self.previous is not None:
            failed = self.previous.with_name(self.previous.name.replace("-previous", "-failed"))
            self.site.rename(failed)
            self.previous.rename(self.site)
            self.previous = None
            shutil.rmtree(failed, ignore_errors=True)
            log.info(f"build failed: {self.site} still holds the last good site")
        self._discard()

    def on_shutdown(self):
        self._discard()

    def _discard(self) -> None:
        """Remove the unfinished build and the set-aside old site, whichever exist."""
        for folder in (self.building, self.previous):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        self.building = self.previous = None
