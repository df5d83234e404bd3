"""Strings that templates and plugins show (data/ui.yml), each in every site language.

One loader for everyone (macros, the links plugin, redirect stubs): a missing string or language
fails the build naming the file and the key, instead of a KeyError deep inside a plugin.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from helpcenter.layout import ROOT, Layout

PATH = ROOT / "data" / "ui.yml"
# Keys that templates (overrides/) and plugins read; each must exist in every language.
REQUIRED = ("demo_notice", "offline_download", "offline_current", "updated", "reviewed", "reviewed_date_format",
            "not_found_title", "not_found_text", "not_found_home", "copy_link", "redirect_opening",
            "language_name", "related_articles",
            "status_none", "status_no_past", "status_notice", "status_delay", "status_outage", "status_upcoming",
            "status_details",
            "agent_message", "agent_hint", "agent_reply_language", "agent_language_auto", "agent_waiting",
            "agent_loading", "agent_no_answer", "agent_results", "agent_copy_reply", "agent_copy_link",
            "agent_copied", "agent_shortcut")


def load(path: Path = PATH, languages: tuple[str, ...] | None = None) -> dict:
    languages = languages or Layout.load().codes
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError:
        raise PluginError(f"{path}: not UTF-8; save the file as UTF-8") from None
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{path}: cannot read it: {exc}") from None
    for key in REQUIRED:
        if key not in data:
            raise PluginError(f"{path}: no string '{key}'; expected '{key}:' with text in {', '.join(languages)} "
                              "(templates and plugins show it)")
    for key, value in data.items():
        missing = [lang for lang in languages if not isinstance(value, dict) or not value.get(lang)]
        if missing:
            raise PluginError(f"{path}: field '{key}': missing {', '.join(missing)}; "
                              f"expected text in {', '.join(languages)}")
    return data
