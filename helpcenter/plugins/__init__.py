"""The MkDocs plugins of the help center, registered as `mkdocs.plugins` entry points (pyproject.toml).

The order they run in, and why. mkdocs-static-i18n builds the default language as the outer build
and every other language as a nested build inside its `on_post_build` (priority -100); anything
that needs all languages therefore runs in `on_post_build` at a priority below -100, and only in
the outer build (`helpcenter.plugins.i18n.is_nested_build`).

| plugin (mkdocs.yml name) | module | what it does, and when |
|---|---|---|
| okpay-output | output.py | on_config (PRIORITY_FIRST): site_dir becomes a temporary sibling, before i18n (-100) and every other plugin read it; on_post_build (PRIORITY_OUTPUT, after PRIORITY_LAST): the finished site replaces the old one; on_build_error: the old one stays |
| search (Material) | material | its search UI, and the generated index okpay-search reads |
| okpay-search | search.py | on_post_build (PRIORITY_ALL_LANGUAGES): one index per language and the worker (helpcenter/search/), Material's index replaced by a stub |
| i18n | mkdocs-static-i18n | builds every non-default language nested in its on_post_build (-100) |
| okpay-site | site.py | on_config (50): checks the i18n plugin once (i18n.py), publishes the layout's languages to `config.extra.languages` |
| okpay-content | content.py | on_pre_build, outer build only: the content rules (helpcenter/content_rules/) fail the build |
| okpay-dates | dates.py | on_config: one `git log` for every page's last commit; on_page_markdown: `page.meta.last_updated` |
| macros | helpcenter/macros.py (mkdocs-macros-plugin) | renders registry values, reusables, the playbook and status into the Markdown |
| okpay-links | links.py | on_page_content: copy buttons on question headings, the catalog in memory; on_post_build (PRIORITY_ALL_LANGUAGES): short links, links.json, redirects for moved pages, all from that in-memory catalog |
| okpay-related | related.py | on_page_content, after okpay-links: 2-4 related articles (helpcenter/related.py) |
| okpay-html | html.py | on_env: the `head_without_hreflang` filter; on_post_page (PRIORITY_BEFORE_MINIFY): markup fixes; on_post_build: x-default in sitemap.xml |
| minify | mkdocs-minify-plugin | minifies the HTML (its own priority, 0) |
| okpay-protections | protections.py | on_post_build (PRIORITY_LAST): a CSP with the hash of every inline script of every page, security.txt, official-channels.json |

Plugins listed in the same event run in the order of mkdocs.yml unless a priority says otherwise.
Data moves between them in memory (the catalog of links.py), never through files read back from
site/.
"""

# okpay-output redirects site_dir before any plugin reads it (mkdocs-static-i18n reads it at -100).
PRIORITY_FIRST = 1000
# okpay-output swaps the finished site in once every other on_post_build has written its files.
PRIORITY_OUTPUT = -10000
# on_post_build work that needs every language: after mkdocs-static-i18n's nested builds (-100).
PRIORITY_ALL_LANGUAGES = -200
# HTML fixes run before mkdocs-minify-plugin rewrites the markup (its on_post_page runs at 0).
PRIORITY_BEFORE_MINIFY = 100
# Work on the finished pages of every language (hashing their inline scripts): after everything else.
PRIORITY_LAST = -1000
