"""Stop Material fetching sitemap.xml beside every hreflang link (404s in every page's console).

Material's language-switch script reads every <link rel=alternate> and fetches "sitemap.xml"
next to it, assuming alternates point at language roots. Ours point at the same article in the
other language (what hreflang means), so each page view logged two 404s. The language selector
does not need those sitemaps: mkdocs-static-i18n already links each page to its translation.
This narrows the script's selector to alternates without hreflang (feeds, if ever added).
Pinned to the Material version in requirements.txt; the build fails if the code moved.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ORIGINAL = 'M("link[rel=alternate]")'
PATCHED = 'M("link[rel=alternate]:not([hreflang])")'


@event_priority(-200)
def on_post_build(config) -> None:
    bundles = list((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"expected one Material bundle in {config.site_dir}/assets/javascripts, found {bundles}")
    text = bundles[0].read_text(encoding="utf-8")
    if PATCHED in text:
        return
    if text.count(ORIGINAL) != 1:
        raise PluginError(f"{bundles[0]}: Material's alternate-link selector {ORIGINAL} not found once; "
                          "check hooks/no_alternate_sitemap_fetch.py against this Material version")
    bundles[0].write_text(text.replace(ORIGINAL, PATCHED), encoding="utf-8")
