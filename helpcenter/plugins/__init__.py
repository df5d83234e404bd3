"""The MkDocs plugins of the help center, registered as `mkdocs.plugins` entry points (pyproject.toml).

The order they run in, and why. mkdocs-static-i18n builds the default language as the outer build
and every other language as a nested build inside its `on_post_build` (priority -100); anything
that needs all languages therefore runs in `on_post_build` at a priority below -100, and only in
the outer build (`helpcenter.plugins.i18n.is_nested_build`).

| plugin (mkdocs.yml name) | module | what it does, and when |
|---|---|---|
| okpay-site | site.py | on_config (priority 50): checks the i18n plugin once (i18n.py), publishes the layout's languages to `config.extra.languages` for templates; keeps minify from minifying the shared CSS twice |
| okpay-content | content.py | on_files: the content rules (helpcenter/content_lint.py) fail the strict build |
| macros | helpcenter/macros.py (mkdocs-macros-plugin) | renders registry values and reusables into the Markdown |
| okpay-links | links.py | on_page_content: copy buttons on question headings, the catalog in memory; on_post_build (PRIORITY_ALL_LANGUAGES): short links, links.json, redirects for moved pages, all from that in-memory catalog |
| okpay-search | search.py | the per-language search index and worker (helpcenter/search/) |
| okpay-html | html.py | on_env: the `head_without_hreflang` filter; on_post_page (priority 100, before minify): valid markup fixes |
| minify | mkdocs-minify-plugin | minifies the HTML last (its own priority) |

Data moves between them in memory (the catalog of links.py), never through files read back from
site/.
"""

# on_post_build work that needs every language: after mkdocs-static-i18n's nested builds (-100).
PRIORITY_ALL_LANGUAGES = -200
# HTML fixes run before mkdocs-minify-plugin rewrites the markup (its on_post_page runs at 0).
PRIORITY_BEFORE_MINIFY = 100
