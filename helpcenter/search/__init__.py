"""The site's one search engine: analysis, customer vocabulary, index writer and scorer.

core.py (Python: the chat CLI, evaluation) and core.js (the browser's worker, Node) are the two
runtimes of the same engine; index.py writes the per-language index both read.
"""

from helpcenter.search.core import Engine, analyze, normalize, stem  # noqa: F401
