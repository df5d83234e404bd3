"""Strings that templates and plugins show (data/ui.yml), each in every site language.

One loader for everyone (macros, the links plugin, redirect stubs): a missing string or language
fails the build naming the file and the key, instead of a KeyError deep inside a plugin.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from helpcenter import datafile, datakeys, localized, project
from helpcenter.layout import Layout

PATH = Path("data/ui.yml")   # in the project folder (helpcenter/project.py)
# Keys that templates (overrides/) and plugins read; each must exist in every language.
REQUIRED = tuple(datakeys.UI)


def load(path: Path = PATH, languages: tuple[str, ...] | None = None) -> dict:
    languages = languages or Layout.load().codes
    path = project.path(path)
    try:
        data = localized.load(path, datakeys.UI) or {}
    except datafile.DataFileError as exc:
        raise PluginError(str(exc)) from None
    except OSError as exc:
        raise PluginError(f"{path}: cannot read it: {exc}") from None
    if not isinstance(data, dict):
        raise PluginError(f"{path}: got {datafile.clip(data)}; expected a mapping of string names to texts")
    for key in REQUIRED:
        if key not in data:
            raise PluginError(f"{path}: no string '{key}'; expected '{key}:' with text in {', '.join(languages)} "
                              "(templates and plugins show it)")
    for key, value in data.items():
        if isinstance(value, dict):
            value = data[key] = localized.derived_values(value)
        missing = [lang for lang in languages if not isinstance(value, dict) or not value.get(lang)]
        if missing:
            raise PluginError(f"{path}: field '{key}': missing {', '.join(missing)}; "
                              f"expected text in {', '.join(languages)}")
    return data
