"""The site's one search engine: analysis, customer vocabulary, index writer and scorer.

core.py (Python: the chat CLI, evaluation) and core.js (the browser's worker, Node) are the two
runtimes of the same engine; index.py writes the per-language index both read.
"""

from helpcenter.search.core import Engine, analyze, normalize, stem  # noqa: F401

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


def index_file(lang: str) -> str:
    """Where a language's index is written, relative to the site root (the default language at
    the root, the others under their folder, as mkdocs-static-i18n lays out the pages)."""
    folder = "" if lang == DEFAULT_LANG else f"{lang}/"
    return f"{folder}search/okpay-index.{lang}.json"
