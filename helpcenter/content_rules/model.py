"""The records the content rules share: a finding, a Markdown page, a text from a data file, the
context a lint run reads (instead of module globals), and a rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from helpcenter.registry_model import Registry

LEVELS = ("error", "warning", "off")
# Every kind of data text (Snippet.source) helpcenter/content_rules/sources.py reads.
DATA_SOURCES = frozenset({"status", "playbook", "registry", "ui", "channel-check", "tags", "nav", "nav-target"})


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    rule: str
    message: str
    level: str = "error"     # "warning" findings are printed but do not fail the check

    def __str__(self) -> str:
        tag = f"{self.rule}" if self.level == "error" else f"{self.rule}, warning"
        return f"{self.path}:{self.line}: [{tag}] {self.message}"


@dataclass
class Heading:
    line: int
    level: int
    title: str
    anchor: str | None


@dataclass
class Link:
    """A link destination as the browser would read it, from any Markdown or HTML form."""
    line: int
    href: str
    form: str                   # "markdown", "autolink", "reference", "html"


@dataclass
class Page:
    """One Markdown document: an article, a section or home page, or a reusable block."""
    path: Path                  # as shown in messages, relative to the project
    lang: str
    rel: str                    # inside the language folder (docs/<lang>/ or reusables/<lang>/)
    kind: str                   # "article", "index", "home" or "reusable"
    meta: dict
    lines: list[str]            # the body, as written
    body_start: int             # 1-based file line of lines[0]
    meta_lines: dict[str, int] = field(default_factory=dict)
    headings: list[Heading] = field(default_factory=list)
    # Per body line (file line numbers): the prose a reader sees, inline code as "X", link
    # destinations and HTML left out; only lines of paragraphs, headings and list items.
    prose: dict[int, str] = field(default_factory=dict)
    table_lines: set[int] = field(default_factory=set)
    code_lines: set[int] = field(default_factory=set)     # fenced or indented code, not their fences
    fence_lines: set[int] = field(default_factory=set)    # the ``` / ~~~ lines themselves
    links: list[Link] = field(default_factory=list)
    admonitions: list[str] = field(default_factory=list)

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    def numbered(self) -> Iterable[tuple[int, str]]:
        return enumerate(self.lines, start=self.body_start)


@dataclass
class Snippet:
    """A text from a data file that reaches a page (an announcement, a playbook step, a label)."""
    path: Path
    line: int
    lang: str | None            # None when the text is not tied to a language
    text: str
    source: str                 # "status", "playbook", "registry", "ui", "nav"
    field: str                  # where in the file, e.g. announcements[0].title.zh


@dataclass
class Context:
    """Everything a lint run reads once: no rule keeps state of its own."""
    root: Path
    today: dt.date
    registry: Registry
    brand: str
    tags: set[str]
    macro_names: set[str]
    ids: dict[str, dict[str, set[str]]]     # lang -> macro -> ids it accepts
    phone_authorities: set[str]             # authority() ends in a number for these
    playbook_pending: set[str]              # pages whose emergency steps may still be typed (warnings)
    allowed_hosts: set[str]                 # registry domains and the reviewed outside sites
    cjk_langs: set[str]                     # languages whose prose follows the CJK typography rules
    macro_edges: dict[str, dict[str, str]] = field(default_factory=dict)   # lang -> macro -> what it prints at its edges
    never_ask_box: dict[str, set[str]] | None = None    # sections/tags needing the box; None: every article


@dataclass(frozen=True)
class Rule:
    """A content rule. `names` are the rule names its findings carry (the first is the rule's own);
    `severity` is the default, data/content-rules.yml may change it per name. A rule checks one
    page, one data text, or all pages together (language pairs)."""
    names: tuple[str, ...]
    description: str
    severity: str = "error"
    page: Callable[[Page, Context], Iterable[Finding]] | None = None
    kinds: frozenset[str] = frozenset({"article", "index", "home"})
    snippet: Callable[[Snippet, Context], Iterable[Finding]] | None = None
    sources: frozenset[str] = frozenset()
    pages: Callable[[dict, Context], Iterable[Finding]] | None = None

    @property
    def name(self) -> str:
        return self.names[0]
