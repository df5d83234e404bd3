"""okpay-site: the site's layout facts for templates, and glue for the per-language builds."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from helpcenter import project
from helpcenter.layout import Layout, LayoutError
from helpcenter.plugins import i18n


class SiteConfig(Config):
    # mkdocs-minify-plugin renames the CSS it minifies; in the nested builds of other languages the
    # shared file is already minified (and gone), so its css_files list is emptied there.
    fix_minify_css = c.Type(bool, default=True)


class SitePlugin(BasePlugin[SiteConfig]):
    layout: Layout

    @event_priority(50)
    def on_config(self, config):
        project.use_config(config)   # first: every other okpay plugin reads the project's files
        i18n.plugin(config)       # fails loudly if mkdocs-static-i18n changed
        try:
            self.layout = Layout.from_config(config)
        except LayoutError as exc:
            raise PluginError(str(exc)) from None
        config.extra["languages"] = self.layout.extra()
        config.extra["default_language"] = self.layout.default
        minify = config.plugins.get("minify")
        if self.config.fix_minify_css and minify is not None and i18n.is_nested_build(config):
            minify.config["css_files"] = []
        return config
