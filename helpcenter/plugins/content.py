"""okpay-content: the content rules (helpcenter/content_rules/) as part of every build.

`helpcenter check` stays the fast path for writers; this plugin makes the same rules part of
`mkdocs build`, `mkdocs serve` and the deploy, so a phone number typed into a page, a broken
front matter or a missing id can never reach the site. Errors fail the build, each naming the file,
the line, the rule and what is expected; warnings (content nearing its `expires` date) are logged.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from helpcenter import registry as reg
from helpcenter.content_rules import ConfigError, lint
from helpcenter.plugins import i18n

log = get_plugin_logger(__name__)


class ContentConfig(Config):
    enabled = c.Type(bool, default=True)


class ContentPlugin(BasePlugin[ContentConfig]):
    def on_pre_build(self, config) -> None:
        if not self.config.enabled or i18n.is_nested_build(config):
            return     # the rules cover every language at once, in the outer build
        root = Path(config.config_file_path).parent
        try:
            findings = lint(root)
        except (ConfigError, reg.RegistryError) as exc:
            raise PluginError(f"content rules: {exc}") from None
        errors = [f for f in findings if f.level == "error"]
        for finding in findings:
            if finding.level != "error":
                log.info(str(finding))
        if errors:
            listing = "\n".join(f"  {f}" for f in errors)
            raise PluginError(f"content rules: {len(errors)} error(s); fix them (helpcenter check lists them too):\n"
                              f"{listing}")
