"""A Markdown file read as markdown-it-py tokens: front matter, headings, prose lines, code,
link destinations in every form (Markdown and raw HTML) and admonitions, each with its file line.

Two pymdown block forms are not CommonMark: an admonition (`!!! type`, `??? type`) and a tab
(`=== "Tab"`) hold content indented by four spaces, which CommonMark reads as an indented code
block. Their content is de-indented before parsing (line count unchanged), so a fence, a list or
a heading inside them is read as what it is, and their prose gets the text rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from helpcenter import datafile
from helpcenter.content_rules.model import Finding, Heading, Link, Page

EXPLICIT_ANCHOR = re.compile(r"\{\s*#([^\s}]+)[^}]*\}\s*$")
CONTAINER = re.compile(r"^(\s*)(?:(?:!!!|\?\?\?\+?)\s+([\w-]+)|===\+?\s)")
HREF_ATTR = re.compile(r"""\b(?:href|src|action|formaction|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)

_md = MarkdownIt("commonmark").enable("table")


def read_utf8(path: Path, shown: Path) -> tuple[str | None, Finding | None]:
    """The file's text, or an `encoding` finding that says where and how to fix it."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return None, Finding(shown, line, "encoding",
                             f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8 "
                             "(in most editors: Save with encoding / File encoding, UTF-8)")


def _unwrap_containers(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines with admonition and tab content de-indented and their marker lines blanked, and the
    admonition types in order."""
    out, types, stack = [], [], []      # stack: indents of the open containers' marker lines
    for line in lines:
        if line.strip():
            indent = len(line) - len(line.lstrip(" "))
            while stack and indent < stack[-1] + 4:
                stack.pop()
            line = line[4 * len(stack):] if stack else line
            m = CONTAINER.match(line)
            if m:
                if m.group(2):
                    types.append(m.group(2))
                stack.append(indent)
                out.append("")
                continue
        out.append(line)
    return out, types


def page_kind(rel: str, reusable: bool = False) -> str:
    if reusable:
        return "reusable"
    if rel == "index.md":
        return "home"
    return "article" if "/" in rel and not rel.endswith("index.md") else "index"


def parse(path: Path, lang: str, rel: str, shown: Path, *, reusable: bool = False) -> tuple[Page | None, list[Finding]]:
    text, problem = read_utf8(path, shown)
    if problem:
        return None, [problem]
    return parse_text(text, lang, rel, shown, reusable=reusable)


def parse_text(text: str, lang: str, rel: str, shown: Path, *, reusable: bool = False) -> tuple[Page | None, list[Finding]]:
    """A page from its text: front matter (not for a reusable), then the body's tokens."""
    lines = text.split("\n")
    meta, meta_lines, start = {}, {}, 1
    if not reusable:
        if not lines or lines[0].strip() != "---":
            return None, [Finding(shown, 1, "front-matter", "no front matter; expected a '---' block first")]
        try:
            end = lines.index("---", 1)
        except ValueError:
            return None, [Finding(shown, 1, "front-matter", "front matter never closed with '---'")]
        try:
            meta = datafile.plain_load("\n".join(lines[1:end])) or {}
        except yaml.YAMLError as exc:
            return None, [Finding(shown, 1, "front-matter", f"not valid YAML: {exc}")]
        if not isinstance(meta, dict):
            return None, [Finding(shown, 1, "front-matter", "front matter is not a mapping of 'key: value' lines")]
        for i, line in enumerate(lines[1:end], start=2):
            key = line.split(":", 1)[0].strip()
            if key and not line.startswith((" ", "\t", "#")):
                meta_lines.setdefault(key, i)
        start = end + 2
    body = lines[start - 1:]
    page = Page(shown, lang, rel, page_kind(rel, reusable), meta, body, start, meta_lines)
    read_tokens(page)
    return page, []


def read_tokens(page: Page) -> None:
    """Fill the page's headings, prose, code, links, HTML and admonitions from its tokens."""
    unwrapped, page.admonitions = _unwrap_containers(page.lines)
    env: dict = {}
    tokens = _md.parse("\n".join(unwrapped), env)
    first = page.body_start
    heading_level, in_table = None, False
    for tok in tokens:
        if tok.type == "table_open":
            in_table = True
        elif tok.type == "table_close":
            in_table = False
        if tok.type == "heading_open":
            heading_level = int(tok.tag[1])
        elif tok.type in ("fence", "code_block") and tok.map:
            a, b = tok.map
            if tok.type == "fence":
                page.fence_lines.update({first + a, first + b - 1})
                page.code_lines.update(range(first + a + 1, first + b - 1))
            else:
                page.code_lines.update(range(first + a, first + b))
        elif tok.type == "html_block" and tok.map:
            _html_links(page, first + tok.map[0], tok.content)
        elif tok.type == "inline" and tok.map:
            line = first + tok.map[0]
            if in_table:
                page.table_lines.update(range(first + tok.map[0], first + tok.map[1]))
            if heading_level is not None:
                raw = tok.content
                anchor = EXPLICIT_ANCHOR.search(raw)
                page.headings.append(Heading(line, heading_level, EXPLICIT_ANCHOR.sub("", raw).strip(),
                                             anchor.group(1) if anchor else None))
                heading_level = None
            _inline(page, tok, line, in_table)
    for label, ref in (env.get("references") or {}).items():
        line = first + ref["map"][0] if ref.get("map") else _ref_line(page, label)
        page.links.append(Link(line, ref["href"], "reference"))


def _ref_line(page: Page, label: str) -> int:
    pattern = re.compile(r"^\s{0,3}\[" + re.escape(label) + r"\]:", re.I)
    for n, line in page.numbered():
        if pattern.match(line):
            return n
    return page.body_start


def _inline(page: Page, tok, line: int, in_table: bool) -> None:
    text: list[str] = []

    def flush():
        if not in_table:
            joined = "".join(text)
            page.prose[line] = (page.prose[line] + " " + joined) if line in page.prose else joined
        text.clear()

    for child in tok.children or []:
        if child.type in ("softbreak", "hardbreak"):
            flush()
            line += 1
        elif child.type == "text":
            text.append(child.content)
        elif child.type == "code_inline":
            text.append("X")
        elif child.type == "image":
            text.append(child.content)
            page.links.append(Link(line, child.attrs.get("src", ""), "markdown"))
        elif child.type == "link_open":
            form = "autolink" if child.info == "auto" or child.markup == "autolink" else "markdown"
            page.links.append(Link(line, str(child.attrs.get("href", "")), form))
            # The brackets stay: the typography rules read link text as delimited, as before.
            text.append("[")
        elif child.type == "link_close":
            text.append("]")
        elif child.type == "html_inline":
            _html_links(page, line, child.content)
    flush()


def _html_links(page: Page, line: int, html: str) -> None:
    for i, row in enumerate(html.split("\n")):
        for m in HREF_ATTR.finditer(row):
            page.links.append(Link(line + i, next(g for g in m.groups() if g is not None), "html"))


def structure(page: Page) -> dict[str, list[str]]:
    """What must be the same in every language's copy of a page."""
    links = [lk.href for lk in page.links if lk.form != "html"
             and (lk.href.split("#")[0].endswith(".md") or lk.href.startswith("#"))]
    includes = re.findall(r"reusable\(\s*[\"']([\w-]+)[\"']\s*\)", "\n".join(page.lines))
    return {"anchors": [h.anchor for h in page.headings if h.anchor], "admonitions": list(page.admonitions),
            "links": sorted(set(links)), "reusables": includes}
