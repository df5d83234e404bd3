"""okpay-site: the site's layout facts for templates, and glue for the per-language builds.

It also chooses the project folder for every other plugin (helpcenter/project.py), keeps the
plugins' own inventory out of a build's output, keeps the one root 404 page in the default
language, and writes robots.txt naming the sitemap."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from helpcenter import project
from helpcenter.layout import Layout, LayoutError
from helpcenter.plugins import PRIORITY_LAST, i18n

# Plugins that log their own inventory at INFO on every build (mkdocs-macros lists its variables
# and macros, twice with the i18n plugin; i18n lists every override): only their warnings and errors
# are shown, unless MkDocs runs verbose (`mkdocs build -v`, `helpcenter build --verbose`).
CHATTY_LOGGERS = ("mkdocs.plugins.mkdocs_macros", "mkdocs.plugins.mkdocs_static_i18n")


def quiet_chatty_plugins() -> None:
    if not logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
        for name in CHATTY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)


class SiteConfig(Config):
    # mkdocs-minify-plugin renames the CSS it minifies; in the nested builds of other languages the
    # shared file is already minified (and gone), so its css_files list is emptied there.
    fix_minify_css = c.Type(bool, default=True)


class SitePlugin(BasePlugin[SiteConfig]):
    layout: Layout

    @event_priority(50)
    def on_config(self, config):
        project.use_config(config)   # first: every other okpay plugin reads the project's files
        quiet_chatty_plugins()
        i18n.plugin(config)       # fails loudly if mkdocs-static-i18n changed
        try:
            self.layout = Layout.from_config(config)
        except LayoutError as exc:
            raise PluginError(str(exc)) from None
        config.extra["languages"] = self.layout.extra()
        # The link-preview card of each language (helpcenter/commands/make_og_images.py draws them);
        # a derived edition without its own card yet shows its source's.
        images = Path(config.docs_dir) / "assets" / "images"
        for entry in config.extra["languages"]:
            lang = self.layout.language(entry["code"])
            own = f"og-{lang.code}.png"
            entry["og_image"] = own if (images / own).is_file() or not lang.derive_from else f"og-{lang.derive_from}.png"
        config.extra["default_language"] = self.layout.default
        minify = config.plugins.get("minify")
        if self.config.fix_minify_css and minify is not None and i18n.is_nested_build(config):
            minify.config["css_files"] = []
        return config

    @event_priority(PRIORITY_LAST)
    def on_post_template(self, output: str, template_name: str, config) -> str:
        # One 404 page serves every language, at the site root (GitHub Pages uses only that one).
        # Every language's build renders it to that same file, and the last one built won: the page
        # spoke all languages but its chrome was English. Empty output makes MkDocs skip the file,
        # so the default language's build, which runs first, keeps it.
        if template_name == "404.html" and i18n.is_nested_build(config):
            return ""
        return output

    def on_post_build(self, config):
        if i18n.is_nested_build(config):
            return
        lines = ["User-agent: *", "Allow: /"]
        if config.site_url:     # a sitemap is named by its absolute address
            lines.append(f"Sitemap: {config.site_url.rstrip('/')}/sitemap.xml")
        Path(config.site_dir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
