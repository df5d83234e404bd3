"""unsafe-html: nothing in content can run. Raw <script>, <iframe> (and <object>, <embed>, <frame>),
on…= event attributes and javascript:/vbscript:/data: links are refused in pages, reusables,
announcements, the registry's texts, template strings and the nav. The site's own scripts come
from its templates and plugins, and only those are in the pages' Content-Security-Policy."""

from __future__ import annotations

import html
import re

from helpcenter.content_rules import contacts
from helpcenter.content_rules.model import DATA_SOURCES, Context, Finding, Page, Rule, Snippet

ELEMENT = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|form)\b", re.I)
EVENT_ATTR = re.compile(r"<[A-Za-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.I | re.S)
SCHEME_LINK = re.compile(r"""(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*["']?|<)\s*"""
                         r"""([^\s"'<>)]{0,40}?:)""", re.I | re.M)
INLINE_CODE = re.compile(r"(`+)[^`].*?\1")


def _unsafe_scheme(href: str) -> str | None:
    scheme, _ = contacts.link_host(html.unescape(href))
    return scheme if scheme in contacts.UNSAFE_SCHEMES else None


def findings(path, line: int, text: str, prefix: str = "") -> list[Finding]:
    out = []
    # The URL parser drops tabs and newlines anywhere in an address ("java<TAB>script:").
    plain = contacts.unmask(html.unescape(text)).replace("\t", "")
    for m in ELEMENT.finditer(plain):
        out.append(Finding(path, line, "unsafe-html", f"{prefix}raw <{m.group(1).lower()}> element; content cannot "
                           "carry scripts, frames or embeds (the site's own scripts come from its templates)"))
    for m in EVENT_ATTR.finditer(plain):
        out.append(Finding(path, line, "unsafe-html", f"{prefix}event attribute {m.group(1)}= runs script; remove it"))
    for m in SCHEME_LINK.finditer(plain):
        scheme = _unsafe_scheme(m.group(1))
        if scheme:
            out.append(Finding(path, line, "unsafe-html", f"{prefix}a {scheme}: link runs code or hides content; "
                               "link to a page of the site instead"))
    return out


def check_page(page: Page, ctx: Context):
    for n, line in page.numbered():
        if n not in page.code_lines and n not in page.fence_lines:
            yield from findings(page.path, n, INLINE_CODE.sub("X", line))
    for link in page.links:
        scheme = _unsafe_scheme(link.href)
        if scheme and link.form in ("reference", "autolink"):
            yield Finding(page.path, link.line, "unsafe-html", f"a {scheme}: link runs code or hides content; "
                          "link to a page of the site instead")


def check_snippet(snippet: Snippet, ctx: Context):
    yield from findings(snippet.path, snippet.line, snippet.text, f"{snippet.field}: ")
    if snippet.source == "nav-target" and _unsafe_scheme(snippet.text):
        yield Finding(snippet.path, snippet.line, "unsafe-html", f"{snippet.field}: a {_unsafe_scheme(snippet.text)}: "
                      "link in the nav; the nav lists pages of this site only")


RULE = Rule(("unsafe-html",),
            "No <script>, <iframe>, <object>, <embed>, on…= attribute or javascript:/data: link in any text that "
            "reaches a page.",
            page=check_page, kinds=frozenset({"article", "index", "home", "reusable"}),
            snippet=check_snippet, sources=DATA_SOURCES)
