"""MkDocs' command line, with every validation of the registry counted: the count is written to
$OKPAY_COUNT_FILE when the process ends. tests/test_registry_model.py runs a build through this
(helpcenter.building.build(command=...)) to see that one build reads the registry once."""

from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path

from helpcenter import registry

calls: list[str] = []
_load = registry.load


def _counting_load(path=None):
    calls.append(str(path))
    return _load(path)


registry.load = _counting_load
atexit.register(lambda: Path(os.environ["OKPAY_COUNT_FILE"]).write_text("\n".join(calls), encoding="utf-8"))

if __name__ == "__main__":
    from mkdocs.__main__ import cli
    sys.argv[0] = "mkdocs"
    cli()
