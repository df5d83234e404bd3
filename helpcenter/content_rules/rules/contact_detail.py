"""contact-detail: no contact detail or outside link is typed into any text that reaches a page.

Official values come from data/registry.yml through macros; a page never gives any other. Text is
read after undoing disguises (helpcenter/content_rules/contacts.py). Link destinations are read
in every form (Markdown, <…>, reference definitions, raw HTML, //host); a link may go to a page of
this site, a registry domain, or a reviewed outside site (data/outside-sites.yml). The nav links
to pages of this site only.
"""

from __future__ import annotations

import re

from helpcenter.content_rules import contacts
from helpcenter.content_rules.common import MACRO
from helpcenter.content_rules.model import DATA_SOURCES, Context, Finding, Page, Rule, Snippet

# What a link's own destination looks like in a line, to leave it to the link check:
# ](dest), ](<dest>), [label]: dest, <scheme:...> autolinks, and HTML attribute values.
DESTINATIONS = re.compile(r"\]\(\s*(?:<[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\s*\)|^\s{0,3}\[[^\]]+\]:\s*\S+.*$"
                          r"|<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>"
                          r"|\b(?:href|src|action|formaction)\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
RAW_DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)"
                             r"|\b(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)", re.I)
UNSAFE = set(contacts.UNSAFE_SCHEMES)     # the unsafe-html rule reports these


def text_findings(path, line: int, text: str) -> list[Finding]:
    out = []
    for kind, raw, macro in contacts.find(DESTINATIONS.sub(" ", MACRO.sub(" ", text))):
        out.append(Finding(path, line, "contact-detail",
                           f"{kind} {raw!r} typed into the text; official values come from data/registry.yml "
                           f"({{{{ {macro} }}}} in a page), and no text gives any other"))
    return out


def link_finding(path, line: int, href: str, allowed: set[str]) -> Finding | None:
    scheme, host = contacts.link_host(href)
    if scheme in UNSAFE:
        return None
    if host:
        if contacts.on_hosts(host, allowed):
            return None
        return Finding(path, line, "contact-detail",
                       f"link to {href!r} (host {host}) goes outside the site; link to a registry domain through a "
                       "macro, or add a reviewed outside site to data/outside-sites.yml")
    if scheme:
        return Finding(path, line, "contact-detail",
                       f"link to {href!r} typed into the page; take it from data/registry.yml through a macro")
    return None


def check_page(page: Page, ctx: Context):
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            yield from text_findings(page.path, page.meta_lines.get(key, 1), value)
    for n, line in page.numbered():
        if n not in page.fence_lines:
            yield from text_findings(page.path, n, line)
    # Destinations as the parser reads them, and as written (the site's renderer is not markdown-it).
    seen = set()
    written = [(n, next(g for g in m.groups() if g)) for n, line in page.numbered() if n not in page.code_lines
               for m in RAW_DESTINATION.finditer(line)]
    for line, href in [(link.line, link.href) for link in page.links] + written:
        finding = link_finding(page.path, line, href, ctx.allowed_hosts)
        if finding and (line, contacts.link_host(href)) not in seen:
            seen.add((line, contacts.link_host(href)))
            yield finding


def check_snippet(snippet: Snippet, ctx: Context):
    where = f"{snippet.field}: "
    if snippet.source == "nav-target":
        scheme, host = contacts.link_host(snippet.text)
        if scheme or host:
            yield Finding(snippet.path, snippet.line, "contact-detail",
                          f"{where}the nav links to {snippet.text!r}; the nav lists pages of this site only "
                          "(a path under docs/<lang>/, such as contact/index.md)")
        return
    for f in text_findings(snippet.path, snippet.line, snippet.text):
        yield Finding(f.path, f.line, f.rule, where + f.message)
    for m in re.finditer(r"\]\(\s*<?([^)\s>]+)", snippet.text):
        finding = link_finding(snippet.path, snippet.line, m.group(1), ctx.allowed_hosts)
        if finding:
            yield Finding(finding.path, finding.line, finding.rule, where + finding.message)


RULE = Rule(("contact-detail",),
            "No phone number, email, web address, domain, handle or messaging ID typed into any text that reaches "
            "a page (disguises undone, any public suffix); links only to the site, registry domains and reviewed "
            "outside sites; the nav only to pages of the site.",
            page=check_page, kinds=frozenset({"article", "index", "home", "reusable"}),
            snippet=check_snippet, sources=DATA_SOURCES)
