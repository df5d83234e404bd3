"""cjk-spacing / cjk-punctuation / en-punctuation: a space between Chinese and Latin text,
full-width punctuation in Chinese prose, half-width in English. Read on the prose a reader sees
(markdown-it's text, never code), each macro standing in for what it prints."""

from __future__ import annotations

import re

from helpcenter.content_rules.markdown import EXPLICIT_ANCHOR
from helpcenter.content_rules.model import Context, Finding, Page, Rule, Snippet
from helpcenter.text import HAN_RANGES as HAN

# Each macro stands in for what it prints (data/content-rules.yml: macro_edges).
MACRO_CALL = re.compile(r"\{\{\s*(\w+)(?:\(\s*[\"']([\w-]+))?.*?\}\}")
CJK_LATIN = re.compile(rf"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")
CJK_HALF_PUNCT = re.compile(rf"[{HAN}][,;:?!.(]|[,;:?!)][{HAN}]|\([{HAN}]|[{HAN}]\)")
FULL_PUNCT = re.compile(r"[，。：；？！（）「」、]")
INLINE_CODE = re.compile(r"`[^`]*`")
MD_LINK = re.compile(r"\]\([^)]*\)")


def _as_printed(text: str, lang: str, ctx: Context) -> str:
    edges = ctx.macro_edges.get(lang) or {}
    text = MACRO_CALL.sub(lambda m: "汉 X" if edges and m.group(2) in ctx.phone_authorities
                          else edges.get(m.group(1), "X"), text)
    return EXPLICIT_ANCHOR.sub("", text)


def findings(path, line: int, text: str, cjk: bool, prefix: str = "") -> list[Finding]:
    """cjk: the text is Chinese prose (data/languages.yml: typography); else half-width only."""
    out = []
    if cjk:
        m = CJK_LATIN.search(text)
        if m:
            out.append(Finding(path, line, "cjk-spacing", f"{prefix}put a space between Chinese and Latin text: {m.group(0)!r}"))
        m = CJK_HALF_PUNCT.search(text)
        if m:
            out.append(Finding(path, line, "cjk-punctuation",
                               f"{prefix}use full-width punctuation in Chinese text (，。：；？！（）): {m.group(0)!r}"))
    else:
        m = FULL_PUNCT.search(text)
        if m:
            out.append(Finding(path, line, "en-punctuation",
                               f"{prefix}full-width punctuation {m.group(0)!r} in English text; use half-width"))
    return out


def check_page(page: Page, ctx: Context):
    for n, text in sorted(page.prose.items()):
        yield from findings(page.path, n, _as_printed(text, page.lang, ctx), page.lang in ctx.cjk_langs)


def check_snippet(snippet: Snippet, ctx: Context):
    # A date format ("%Y年%-m月%-d日") prints digits where its directives stand: not prose as written.
    if snippet.lang is None or any(part.endswith("_format") for part in snippet.field.split(".")):
        return
    text = MD_LINK.sub("]", INLINE_CODE.sub("X", snippet.text))
    yield from findings(snippet.path, snippet.line, _as_printed(text, snippet.lang, ctx),
                        snippet.lang in ctx.cjk_langs, f"{snippet.field}: ")


RULE = Rule(("cjk-spacing", "cjk-punctuation", "en-punctuation"),
            "Chinese prose: a space between Chinese and Latin text, full-width punctuation; English: half-width.",
            page=check_page, snippet=check_snippet,
            sources=frozenset({"playbook", "status", "ui", "channel-check"}))
