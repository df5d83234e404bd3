"""The site's one search engine: analysis, customer vocabulary, index writer and scorer.

core.py (Python: the chat CLI, evaluation) and core.js (the browser's worker, Node) are the two
runtimes of the same engine; index.py writes the per-language index both read.
"""

from helpcenter.layout import Layout
from helpcenter.search.core import Engine, analyze, normalize, stem  # noqa: F401

LANGS = Layout.load().codes
DEFAULT_LANG = Layout.load().default


def index_file(lang: str, layout: Layout | None = None) -> str:
    """Where a language's index is written, relative to the site root: beside the language's
    pages (the default language at the root, the others under their folder)."""
    return (layout or Layout.load()).page_url(lang, f"search/okpay-index.{lang}.json")


def shards_folder(lang: str, layout: Layout | None = None) -> str:
    """The folder of a language's sharded index (helpcenter/search/shards.py), relative to the site
    root, ending in a slash."""
    return (layout or Layout.load()).page_url(lang, f"search/okpay-shards.{lang}/")
