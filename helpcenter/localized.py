"""Reading a data file whose texts are per language (the registry, data/ui.yml, the playbook,
announcements, vocabularies): helpcenter/datafile.py's checks, with the language codes of
data/languages.yml (helpcenter/layout.py), and each derived edition's value converted from its
source language's (helpcenter/convert.py) where the file gives none.

Apart from datafile because layout and convert read their own files through datafile: datafile
takes the editions as an argument instead of importing them, so no module imports back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpcenter import convert, datafile, datakeys
from helpcenter.layout import Layout


class _ProjectEditions:
    """The editions of the project being built (data/languages.yml), as datafile asks for them."""

    def codes(self) -> tuple[str, ...]:
        return tuple(Layout.load().codes)

    def fill(self, mapping: dict, only_languages: bool = False) -> dict:
        return derived_values(mapping, only_languages)


EDITIONS = _ProjectEditions()


def load(path: Path | str, keys: Any = datakeys.ANY, *, missing_ok: bool = False, derive: str = "localized") -> Any:
    """datafile.load with the project's editions (see datafile.load for the arguments)."""
    return datafile.load(path, keys, missing_ok=missing_ok, derive=derive, editions=EDITIONS)


def loads(text: str, name: Path | str, keys: Any = datakeys.ANY, first_line: int = 1, derive: str = "localized") -> Any:
    """datafile.loads with the project's editions."""
    return datafile.loads(text, name, keys, first_line, derive=derive, editions=EDITIONS)


def derived_values(mapping: dict, only_languages: bool = False) -> dict:
    """`mapping` (language code -> value) with a value for each derived language it lacks, converted
    from its source language's. With `only_languages`, a mapping holding other keys is left alone."""
    layout = Layout.load()
    if only_languages and not set(mapping) <= set(layout.codes):
        return mapping
    out = dict(mapping)
    for lang in layout.derived():
        if lang.code not in out and lang.derive_from in out:
            try:
                out[lang.code] = convert.tree(out[lang.derive_from], convert.for_language(lang))
            except convert.ConvertError as exc:
                raise ValueError(str(exc)) from None
    return out
