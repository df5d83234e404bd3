"""Everything this project reads from mkdocs-static-i18n, checked once and loudly.

The plugin exposes no public API for "which language is being built" or "is this the nested
build of another language"; it keeps them in attributes (`current_language`, `building`). If a
release renames them, every plugin here would silently do the wrong thing, so they are read only
through this module, which fails the build naming the attribute instead.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

REQUIRED = ("current_language", "default_language", "building", "build_languages")
PINNED = "mkdocs-static-i18n 1.3.1 (requirements.txt)"


def plugin(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured; "
                          "this site is built per language")
    missing = [name for name in REQUIRED if not hasattr(i18n, name)]
    if missing:
        raise PluginError(f"mkdocs-static-i18n no longer has {', '.join(missing)}; the help center's plugins "
                          f"were written against {PINNED}: check helpcenter/plugins/i18n.py")
    return i18n


def is_nested_build(config) -> bool:
    """True while i18n builds a non-default language inside the outer build."""
    return bool(plugin(config).building)


def current_language(config) -> str:
    i18n = plugin(config)
    return i18n.current_language or i18n.default_language
