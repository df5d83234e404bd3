"""Let mkdocs-minify-plugin minify the shared extra.css once, not once per language.

mkdocs-static-i18n builds /en/ as a nested build inside the Chinese one, and that nested build
does not write the shared assets again (they live at the site root). The minify plugin, asked to
minify assets/stylesheets/extra.css, renames it to extra.min.css in the Chinese build and then
fails in the nested one: "No such file or directory: .../extra.css". In nested builds this hook
empties the plugin's css_files list: the pages of every language already point at extra.min.css
(the plugin rewrites the shared `extra_css` setting once), and the file was minified once.
"""

from __future__ import annotations


def on_config(config):
    minify = config.plugins.get("minify")
    if minify is not None and getattr(config.plugins.get("i18n"), "building", False):
        minify.config["css_files"] = []
    return config
