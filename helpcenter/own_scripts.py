"""The inline scripts this project emits, known at build time: those written in its templates (the
theme's and overrides/) and those its plugins write (the redirect and short-link stubs). The
Content-Security-Policy lists a page's inline script only when it is one of these, so a script that
came in with content (an article, a reusable, an announcement) is never trusted, even if it got past
the content rules.

A template script may print a value (`new URL("{{ base_url }}",location)`): the value stands for
text without a quote, backslash, backtick or tag, so a printed value can change a path but never
add code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from helpcenter import redirects

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
# The types a browser runs (and CSP governs); application/json and the like are data.
RUNNABLE_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                  "application/ecmascript"}
JINJA_PRINT = re.compile(r"\{\{-?.*?-?\}\}", re.S)
JINJA_LOGIC = re.compile(r"\{%|\{#")
VALUE = r"[^\"'`\\<>]*"


def inline_scripts(html: str) -> Iterable[str]:
    """The body of every inline script in html that a browser would run."""
    for match in SCRIPT.finditer(html):
        attrs, body = match.groups()
        kind = TYPE.search(attrs)
        if SRC.search(attrs) or (kind.group(1).lower() if kind else "") not in RUNNABLE_TYPES:
            continue
        yield body


def template_patterns(dirs: Iterable[Path | str]) -> list[re.Pattern]:
    """The inline scripts of every template in the theme folders, as patterns."""
    out: dict[str, re.Pattern] = {}
    for folder in dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            for body in inline_scripts(path.read_text(encoding="utf-8")):
                if JINJA_LOGIC.search(body):
                    continue        # a script built by template logic cannot be known; none is trusted
                pattern = VALUE.join(re.escape(part) for part in JINJA_PRINT.split(body))
                out.setdefault(pattern, re.compile(pattern, re.S))
    return list(out.values())


def patterns(theme_dirs: Iterable[Path | str]) -> list[re.Pattern]:
    """Everything the project emits: its templates' scripts and its plugins'."""
    return template_patterns(theme_dirs) + redirects.script_patterns()


def is_own(body: str, known: list[re.Pattern]) -> bool:
    return any(p.fullmatch(body) for p in known)
