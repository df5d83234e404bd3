"""The project folder: which checkout a build or a command reads. The one owner of that fact.

- A build's project is the folder of the mkdocs.yml being built. The okpay-site plugin sets it from
  MkDocs' own config (`config.config_file_path`) before any other okpay plugin reads a file.
- A command's project is the current directory, or the folder given with `helpcenter --root`.
- $OKPAY_ROOT names it for a process started elsewhere (a tool, a test runner).

Nothing derives it from the package's own location: an installed package lives in site-packages,
far from any checkout, and must build the checkout it is run in. Files shipped inside the package
(the search worker's scripts) are read with importlib.resources instead.

Modules keep project paths relative (`Path("data/registry.yml")`) and resolve them with `path()`
when they read, so a module imported before the build chose its project still reads the right one.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "OKPAY_ROOT"
CONFIG_FILE = "mkdocs.yml"

_chosen: Path | None = None


def root() -> Path:
    """The project folder: the one a build or the CLI chose, else $OKPAY_ROOT, else the current directory."""
    if _chosen is not None:
        return _chosen
    return Path(os.environ.get(ENV) or os.getcwd()).resolve()


def use(folder: Path | str) -> Path:
    """Make `folder` the project of this process (the CLI's --root, a build's config folder)."""
    global _chosen
    _chosen = Path(folder).resolve()
    return _chosen


def use_config(config) -> Path:
    """Make the folder of the mkdocs.yml being built the project (a plugin's on_config)."""
    return use(Path(config.config_file_path).parent)


def path(*parts: Path | str) -> Path:
    """A path inside the project; an absolute path is returned as it is."""
    return root().joinpath(*parts)
