"""Patterns and line views several rules read."""

from __future__ import annotations

import re
from typing import Iterator

from helpcenter.content_rules.model import Page

MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLACEHOLDER = re.compile(r"\bx{3,}\b|\bTODO\b|\bTBD\b|\bFIXME\b|lorem ipsum|待补充|待完善|此处填写", re.I)


def text_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Body lines outside code, macros blanked, with their file line numbers."""
    for n, line in page.numbered():
        if n not in page.code_lines and n not in page.fence_lines:
            yield n, MACRO.sub(" ", line)
