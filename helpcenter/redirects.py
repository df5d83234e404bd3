"""The tiny HTML page that forwards a reader elsewhere: short links and moved articles.

Targets are relative, so redirects work under a sub-path. With JavaScript the page replaces itself
(keeping any #fragment the reader arrived with); without it a <noscript> meta refresh goes to the
first target, and a visible link is always there. Every stub starts with layout.REDIRECT_MARKER.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from helpcenter import datafile, datakeys, localized
from helpcenter.layout import REDIRECT_MARKER, Layout

# A moved article's old or new path inside a language tree: kebab-case segments, ending in '/'
# (account/reset-password/). Only this shape can name a place inside the site: it leaves no room
# for '..', a leading '/', '\\', a scheme, a %-escape or a look-alike character.
MOVE_PATH = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*/")
MOVE_EXPECTED = ("a path inside the site like 'account/password-reset/': lowercase letters, digits and '-', "
                 "segments joined by '/', ending in '/'")


class RedirectError(ValueError):
    """data/redirects.yml names something that is not a path inside the site; names the entry."""


def _why_not(value: str) -> str:
    """What makes `value` unusable as a path, in the words a writer would look for."""
    lowered = value.lower()
    for found, reason in (("..", "'..' (would leave the folder)"), ("\\", "a backslash"),
                          ("%", "a %-escape"), ("://", "a URL scheme"), (":", "a ':' (a scheme or drive)")):
        if found in lowered:
            return f"has {reason}"
    if value.startswith("/"):
        return "starts with '/' (an absolute path)"
    if not value.endswith("/"):
        return "does not end in '/'"
    return "has characters other than lowercase letters, digits, '-' and '/'"


def load_moves(path: Path) -> dict[str, str]:
    """data/redirects.yml, checked: every old and new path stays inside the site."""
    try:
        moves = localized.load(path, datakeys.REDIRECTS, missing_ok=True) or {}
    except datafile.DataFileError as exc:
        raise RedirectError(str(exc)) from None
    if not isinstance(moves, dict):
        raise RedirectError(f"{path}: got {datafile.clip(moves)}; expected a mapping 'section/old-id/: section/new-id/'")
    for old, new in moves.items():
        for side, value in (("old path", old), ("new path", new)):
            if not isinstance(value, str) or not MOVE_PATH.fullmatch(value):
                reason = _why_not(value) if isinstance(value, str) else f"is {type(value).__name__}"
                raise RedirectError(f"{path}: entry {datafile.clip(str(old), 80)!r}: {side} "
                                    f"{datafile.clip(str(value), 80)!r} {reason}; expected {MOVE_EXPECTED}")
        if old == new:
            raise RedirectError(f"{path}: entry {old!r}: points at itself; expected the article's new path")
    return moves


def redirect_html(lang: str, title: str, targets: dict[str, str], ui: dict,
                  by_browser_language: bool = False, default: str | None = None) -> str:
    """`targets` maps language to relative URL; the default language's (or the first) is the fallback.

    With `by_browser_language`, the first of the reader's browser languages that has a target wins.
    """
    fallback = targets.get(default) if default in targets else next(iter(targets.values()))
    layout = Layout.load()
    script = redirect_script(browser_targets(targets, layout) if by_browser_language else None, fallback)
    links = " · ".join(
        f'<a href="{html.escape(url)}" hreflang="{layout.language(code).hreflang}">'
        f'{html.escape(title if code == lang else ui["language_name"][code])}</a>'
        for code, url in targets.items())
    return (f'<!doctype html>\n<html lang="{lang}"><head>{REDIRECT_MARKER}<meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{html.escape(title)}</title>'
            f'<script>{script}</script>'
            f'<noscript><meta http-equiv="refresh" content="0; url={html.escape(fallback)}"></noscript>'
            f'</head><body><p>{html.escape(ui["redirect_opening"][lang])}{links}</p></body></html>\n')


def browser_targets(targets: dict[str, str], layout: Layout) -> dict[str, str]:
    """Language code -> URL, as browser language tag (lower case) -> URL: each language answers to
    its code, its hreflang and its browser_tags (data/languages.yml: zh-HK and zh-TW readers get
    the traditional edition)."""
    out: dict[str, str] = {}
    for code, url in targets.items():
        lang = layout.language(code)
        for tag in (code, lang.hreflang, *lang.browser_tags):
            out.setdefault(tag.lower(), url)
    return out


def redirect_script(targets: dict[str, str] | None, fallback: str) -> str:
    """The stub's one inline script. targets: browser language tag -> URL, chosen by the reader's
    browser languages, each tried whole then less its last subtag (zh-hant-hk, zh-hant, zh);
    None: go to fallback."""
    if targets is not None:
        return ("var t=" + json.dumps(targets) + ",l=navigator.languages||[navigator.language||''],u=null;"
                "for(var i=0;i<l.length&&!u;i++){var c=String(l[i]).toLowerCase();"
                "while(c&&!u){u=t[c]||null;c=c.slice(0,Math.max(c.lastIndexOf('-'),0))}}"
                "location.replace((u||" + json.dumps(fallback) + ")+location.hash)")
    return f"location.replace({json.dumps(fallback)}+location.hash)"


# A relative URL as json.dumps writes it: no quote, backslash or tag can be inside.
_URL = r'"[^"\\<>]*"'
_TAG = r'"[a-z]{2,3}(?:-[a-z0-9]+)*"'
_TARGETS = r'\{' + _TAG + ': ' + _URL + r'(?:, ' + _TAG + ': ' + _URL + r')*\}'


def script_patterns() -> list[re.Pattern]:
    """The shapes of the scripts redirect_script writes, whatever the targets: the CSP hashes a
    stub's script only when it is one of these (helpcenter/own_scripts.py)."""
    url, code = "\x00url\x00", "\x00code\x00"
    out = []
    for targets in (None, {code: url}):
        pattern = re.escape(redirect_script(targets, url))
        pattern = pattern.replace(re.escape(json.dumps({code: url})), _TARGETS).replace(re.escape(json.dumps(url)), _URL)
        out.append(re.compile(pattern))
    return out


def write(site: Path, rel: str, text: str) -> None:
    """Write the stub for site-relative `rel` (a folder); refuse anything that resolves outside `site`."""
    root = site.resolve()
    folder = (root / rel).resolve()
    if folder == root or not folder.is_relative_to(root):
        raise RedirectError(f"redirect {datafile.clip(rel, 80)!r} would be written outside the site folder {site}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
