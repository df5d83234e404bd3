"""The tiny HTML page that forwards a reader elsewhere (used by chat_links.py and moved_pages.py).

Targets are relative, so redirects work under a sub-path. With JavaScript the page replaces itself
(keeping any #fragment the reader arrived with); without it a <noscript> meta refresh goes to
the first target, and a visible link is always there.
"""

from __future__ import annotations

import html
import json

from pathlib import Path

import yaml

# Strings a reader sees live in data/ui.yml, both languages side by side.
UI = yaml.safe_load((Path(__file__).resolve().parent.parent / "data" / "ui.yml").read_text(encoding="utf-8"))


def redirect_html(lang: str, title: str, targets: dict[str, str], by_browser_language: bool = False) -> str:
    """`targets` maps language to relative URL; the first is the fallback."""
    fallback = next(iter(targets.values()))
    if by_browser_language:
        script = ("var t=" + json.dumps(targets) + ",l=(navigator.languages||[navigator.language||''])"
                  ".join(',').toLowerCase();location.replace(((/(^|,)en/.test(l)&&!/(^|,)zh/.test(l))?t.en:"
                  + json.dumps(fallback) + ")+location.hash)")
    else:
        script = f"location.replace({json.dumps(fallback)}+location.hash)"
    links = " · ".join(
        f'<a href="{html.escape(url)}" hreflang="{code}">{html.escape(title if code == lang else UI["language_name"][code])}</a>'
        for code, url in targets.items())
    return (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{html.escape(title)}</title>'
            f'<script>{script}</script>'
            f'<noscript><meta http-equiv="refresh" content="0; url={html.escape(fallback)}"></noscript>'
            f'</head><body><p>{UI["redirect_opening"][lang]}{links}</p></body></html>\n')
