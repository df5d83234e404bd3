#!/usr/bin/env python3
"""The chat CLI's figures: quality per evaluation split, garbage, cold-call time and index sizes.

A thin wrapper of the search benchmark without the browser part:
`python -m helpcenter.search.bench --no-browser` (see helpcenter/search/bench.py).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpcenter.search.bench import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["--no-browser", *sys.argv[1:]]))
