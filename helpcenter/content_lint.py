"""Content rules for docs/<lang>/**.md. Each rule has a name; each finding names file, line and rule.

Run by scripts/check_content.py and `make test`. CONTRIBUTING.md explains the rules to writers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
import yaml

from helpcenter import registry as reg

LANGS = reg.LANGS
ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION_MAX = 160
ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
EXPLICIT_ANCHOR = re.compile(r"\{\s*#([^\s}]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
PLACEHOLDER = re.compile(r"\bx{3,}\b|\bTODO\b|\bTBD\b|\bFIXME\b|lorem ipsum|待补充|待完善|此处填写", re.I)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
DOMAIN = re.compile(r"(?<![A-Za-z0-9@./-])(?:[a-z0-9-]+\.)+(?:com|net|org|io|cn|me|app|info|co|xyz|top|vip|cc|hk|tw|"
                    r"biz|link|site|online|shop|pro|us|uk|sg|example|test)(?![A-Za-z0-9-])", re.I)
HANDLE = re.compile(r"(?<![A-Za-z0-9_.@])@[A-Za-z0-9_]{3,}")
HAN = "\u4e00-\u9fff\u3400-\u4dbf"
INLINE_CODE = re.compile(r"`[^`]*`")
# For the typography rules, each macro stands in for what it prints in Chinese: "X" is Latin
# text (the brand, a number, an address), 汉 Chinese; ui() paths are wrapped in 「」.
MACRO_CALL = re.compile(r"\{\{\s*(\w+)(?:\(\s*[\"']([\w-]+))?.*?\}\}")
MACRO_EDGES_ZH = {"ui": "「」", "app_name": "X 汉", "help_center_name": "X 汉", "chat_hours": "汉",
                  "response_time": "X 汉", "authority": "汉"}
PHONE_AUTHORITIES: set[str] = set()   # authority() ends in a number for these (set by lint())
CJK_LATIN = re.compile(rf"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")
CJK_HALF_PUNCT = re.compile(rf"[{HAN}][,;:?!.(]|[,;:?!)][{HAN}]|\([{HAN}]|[{HAN}]\)")
FULL_PUNCT = re.compile(r"[，。：；？！（）「」、]")
CONTACT_MENTION = re.compile(r"contact/contact-channels\.md|contact-channels\.md|联系客服|联系我们|"
                             r"contact (?:our )?support|contact us", re.I)


EXPIRY_WARNING_DAYS = 30


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
class Page:
    path: Path              # relative to the docs folder's parent (for messages)
    lang: str
    rel: str                # path inside the language folder, e.g. contact/phone-hotline.md
    meta: dict
    body: list[str]         # body lines
    body_start: int         # 1-based line number of body[0]
    headings: list[tuple[int, int, str, str | None]] = field(default_factory=list)  # line, level, text, anchor

    @property
    def is_article(self) -> bool:
        return "/" in self.rel and not self.rel.endswith("index.md")


def parse(path: Path, lang: str, rel: str, shown: Path) -> tuple[Page | None, list[Finding]]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Finding(shown, 1, "front-matter", "no front matter; expected a '---' block first")]
    try:
        end = lines.index("---", 1)
    except ValueError:
        return None, [Finding(shown, 1, "front-matter", "front matter never closed with '---'")]
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        return None, [Finding(shown, 1, "front-matter", f"not valid YAML: {exc}")]
    page = Page(shown, lang, rel, meta, lines[end + 1:], end + 2)
    in_fence = False
    for i, line in enumerate(page.body):
        if FENCE.match(line):
            in_fence = not in_fence
        m = None if in_fence else HEADING.match(line)
        if m:
            anchor = EXPLICIT_ANCHOR.search(m.group(2))
            title = EXPLICIT_ANCHOR.sub("", m.group(2)).strip()
            page.headings.append((page.body_start + i, len(m.group(1)), title, anchor.group(1) if anchor else None))
    return page, []


def prose_lines(page: Page):
    """Body lines outside code fences, with macros removed, and their line numbers."""
    in_fence = False
    for i, line in enumerate(page.body):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield page.body_start + i, MACRO.sub(" ", line)


# ---- rules on one page -------------------------------------------------------------------

def rule_front_matter(page: Page, tags: set[str], today: dt.date) -> list[Finding]:
    out = []

    def bad(msg):
        out.append(Finding(page.path, 1, "front-matter", msg))

    if page.is_article:
        required = ("id", "title", "description", "tags", "reviewed")
    else:  # the home page takes its title from its H1 so that <title> is the site name alone
        required = ("description",) if page.rel == "index.md" else ("title", "description")
    for key in required:
        if page.meta.get(key) in (None, "", []):
            bad(f"missing '{key}'")
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str) and PLACEHOLDER.search(page.meta[key]):
            bad(f"'{key}' still holds placeholder text: {page.meta[key]!r}")
    title = page.meta.get("title")
    if isinstance(title, str) and MACRO.search(title):
        bad("'title' contains a macro; front matter is not rendered, write the title plainly")
    description = page.meta.get("description")
    if isinstance(description, str):
        if len(description) > DESCRIPTION_MAX:
            bad(f"'description' is {len(description)} characters; expected at most {DESCRIPTION_MAX}")
        if MACRO.search(description):
            bad("'description' contains a macro; front matter is not rendered")
    if not page.is_article:
        return out
    ident = page.meta.get("id")
    stem = Path(page.rel).stem
    if ident and ident != stem:
        bad(f"'id' is {ident!r} but the file is {stem}.md; expected the id to be the file name")
    if ident and not ANCHOR.match(str(ident)):
        bad(f"'id' {ident!r} is not lowercase kebab-case")
    page_tags = page.meta.get("tags")
    if page_tags and not isinstance(page_tags, list):
        bad("'tags' must be a list")
    elif page_tags:
        unknown = [t for t in page_tags if t not in tags]
        if unknown:
            bad(f"unknown tag(s) {unknown}; expected tags from data/tags.yml")
    expires = page.meta.get("expires")
    if expires not in (None, ""):
        if not isinstance(expires, dt.date):
            bad(f"'expires' is {expires!r}; expected a date written YYYY-MM-DD")
        elif expires < today:
            out.append(Finding(page.path, 1, "expired", f"content marked to re-check by {expires} has expired; "
                               "check the facts, then update 'reviewed' and move or remove 'expires'"))
        elif (expires - today).days <= EXPIRY_WARNING_DAYS:
            out.append(Finding(page.path, 1, "expired", f"expires on {expires} ({(expires - today).days} days): "
                               "re-check fees, limits or notices before then", level="warning"))
    reviewed = page.meta.get("reviewed")
    if reviewed not in (None, ""):
        if not isinstance(reviewed, dt.date):
            bad(f"'reviewed' is {reviewed!r}; expected a date written YYYY-MM-DD")
        elif reviewed > today:
            bad(f"'reviewed' {reviewed} is in the future")
    return out


def rule_headings(page: Page) -> list[Finding]:
    out, seen = [], set()
    for line, level, title, anchor in page.headings:
        if level == 1 and page.is_article:
            out.append(Finding(page.path, line, "h1-in-body", "articles take their H1 from 'title'; use ## for questions"))
        if level in (2, 3) and page.is_article:
            if anchor is None:
                out.append(Finding(page.path, line, "heading-anchor",
                                   f"'{title}' has no explicit anchor; add {{#kebab-case-id}} (same in both languages)"))
            elif not ANCHOR.match(anchor):
                out.append(Finding(page.path, line, "heading-anchor",
                                   f"anchor '{anchor}' is not ASCII lowercase kebab-case"))
        if anchor:
            if anchor in seen:
                out.append(Finding(page.path, line, "duplicate-anchor", f"anchor '{anchor}' is used twice on this page"))
            seen.add(anchor)
    return out


def rule_empty_sections(page: Page) -> list[Finding]:
    out = []
    heading_lines = {h[0]: h for h in page.headings}
    for line, level, title, _ in page.headings:
        i = line - page.body_start + 1
        while i < len(page.body) and not page.body[i].strip():
            i += 1
        nxt = heading_lines.get(page.body_start + i)
        if i >= len(page.body) or (nxt and nxt[1] <= level):
            out.append(Finding(page.path, line, "empty-section", f"heading '{title}' has no body text"))
    return out


def rule_placeholders(page: Page) -> list[Finding]:
    return [Finding(page.path, n, "placeholder", f"placeholder text {m.group(0)!r}; write the real content")
            for n, text in prose_lines(page) for m in [PLACEHOLDER.search(text)] if m]


# A visible list of search words ("也叫：…" / "Also called: …") reads as keyword stuffing; the
# customer words live in data/search/vocabulary.<lang>.yml, which the search engine reads.
KEYWORD_LINE = re.compile(r"^\s*(?:[*_>-]\s*)*(?:也叫|又称|别名|关键词|Also called|Also known as|Keywords)\s*[:：]", re.IGNORECASE)


def rule_keyword_line(page: Page) -> list[Finding]:
    return [Finding(page.path, n, "keyword-line", "a visible keyword line; put the customer words in "
                    f"data/search/vocabulary.{page.lang}.yml instead")
            for n, text in prose_lines(page) if KEYWORD_LINE.match(text)]


def rule_contact_details(page: Page, brand: str) -> list[Finding]:
    out = []
    for n, text in prose_lines(page):
        for target in LINK_TARGET.findall(text):
            if re.match(r"(https?:|mailto:|tel:|//)", target, re.I):
                out.append(Finding(page.path, n, "contact-detail",
                                   f"link to {target!r} typed into the page; take it from data/registry.yml through a macro"))
        text = LINK_TARGET.sub("]", text)
        for kind, pattern, macro in (("email address", EMAIL, "email(...)"), ("web address", URL, "domain(...)"),
                                     ("domain", DOMAIN, "domain(...)"), ("social handle", HANDLE, "social_table()")):
            for m in pattern.finditer(text):
                out.append(Finding(page.path, n, "contact-detail",
                                   f"{kind} {m.group(0)!r} typed into the page; use {{{{ {macro} }}}} from data/registry.yml"))
            text = pattern.sub(" ", text)
        for region in ("CN", "US"):
            for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
                out.append(Finding(page.path, n, "contact-detail",
                                   f"phone number {m.raw_string!r} typed into the page; use {{{{ phone(...) }}}} "
                                   "or {{ authority(...) }} from data/registry.yml"))
                text = text.replace(m.raw_string, " ")
        if brand in text:
            out.append(Finding(page.path, n, "brand-literal", f"'{brand}' typed in body text; write {{{{ brand }}}}"))
    return out


def rule_typography(page: Page) -> list[Finding]:
    """CJK typography: a space between Chinese and Latin text, full-width punctuation in Chinese
    prose, half-width punctuation in English."""
    out = []
    for n, raw in enumerate(page.body, start=page.body_start):
        edges = MACRO_EDGES_ZH if page.lang == "zh" else {}
        text = MACRO_CALL.sub(lambda m: "汉 X" if edges and m.group(2) in PHONE_AUTHORITIES
                              else edges.get(m.group(1), "X"), raw)
        text = LINK_TARGET.sub("]", INLINE_CODE.sub("X", text))
        text = EXPLICIT_ANCHOR.sub("", text)
        if text.lstrip().startswith(("|", "<")) or FENCE.match(raw):
            continue
        if page.lang == "zh":
            m = CJK_LATIN.search(text)
            if m:
                out.append(Finding(page.path, n, "cjk-spacing",
                                   f"put a space between Chinese and Latin text: {m.group(0)!r}"))
            m = CJK_HALF_PUNCT.search(text)
            if m:
                out.append(Finding(page.path, n, "cjk-punctuation",
                                   f"use full-width punctuation in Chinese text (，。：；？！（）): {m.group(0)!r}"))
        else:
            m = FULL_PUNCT.search(text)
            if m:
                out.append(Finding(page.path, n, "en-punctuation",
                                   f"full-width punctuation {m.group(0)!r} in English text; use half-width"))
    return out


def rule_never_ask(page: Page) -> list[Finding]:
    if not page.is_article or page.rel in ("scams/never-ask.md",):
        return []
    body = "\n".join(page.body)
    without_reusables = re.sub(r"\{\{\s*reusable\([^)]*\)\s*\}\}", "", body)
    if not CONTACT_MENTION.search(without_reusables):
        return []
    out = []
    if not re.search(r"\{\{\s*reusable\(\s*[\"']never-ask[\"']\s*\)\s*\}\}", body):
        out.append(Finding(page.path, page.body_start, "never-ask-box",
                           "this article tells readers to contact support; include {{ reusable(\"never-ask\") }}"))
    if page.rel != "contact/contact-channels.md" and "contact-channels.md" not in without_reusables:
        out.append(Finding(page.path, page.body_start, "never-ask-box",
                           "this article tells readers to contact support; link to ../contact/contact-channels.md"))
    return out


def structure(page: Page) -> dict[str, list[str]]:
    admonitions, links = [], []
    for _, text in prose_lines(page):
        m = ADMONITION.match(text)
        if m:
            admonitions.append(m.group(1))
    for _, raw in ((i, line) for i, line in enumerate(page.body)):
        links += [t for t in LINK_TARGET.findall(raw) if t.split("#")[0].endswith(".md") or t.startswith("#")]
    includes = re.findall(r"reusable\(\s*[\"']([\w-]+)[\"']\s*\)", "\n".join(page.body))
    return {"anchors": [h[3] for h in page.headings if h[3]], "admonitions": admonitions,
            "links": sorted(set(links)), "reusables": includes}


# ---- rules across languages --------------------------------------------------------------

def rule_pairs(pages: dict[str, dict[str, Page]]) -> list[Finding]:
    out = []
    first, second = LANGS
    for rel in sorted(set(pages[first]) | set(pages[second])):
        here = [lang for lang in LANGS if rel in pages[lang]]
        if len(here) == 1:
            lang = here[0]
            other = second if lang == first else first
            out.append(Finding(pages[lang][rel].path, 1, "translation-missing",
                               f"no {other} version; expected docs/{other}/{rel}"))
            continue
        a, b = pages[first][rel], pages[second][rel]
        if a.meta.get("id") != b.meta.get("id"):
            out.append(Finding(b.path, 1, "id-pairs", f"id {b.meta.get('id')!r} differs from {a.path}'s {a.meta.get('id')!r}"))
        sa, sb = structure(a), structure(b)
        for key, rule in (("anchors", "anchor-parity"), ("admonitions", "admonition-parity"),
                          ("links", "link-parity"), ("reusables", "reusable-parity")):
            if sa[key] != sb[key]:
                only_a = [x for x in sa[key] if x not in sb[key]]
                only_b = [x for x in sb[key] if x not in sa[key]]
                detail = (f"only in {first}: {only_a}; only in {second}: {only_b}" if only_a or only_b
                          else f"same {key} in a different order: {first} {sa[key]} vs {second} {sb[key]}")
                out.append(Finding(b.path, 1, rule, f"{key} differ from {a.path}: {detail}"))
    ids: dict[tuple[str, str], Path] = {}
    for lang in LANGS:
        for page in pages[lang].values():
            ident = page.meta.get("id")
            if ident:
                if (lang, ident) in ids:
                    out.append(Finding(page.path, 1, "id-pairs", f"id {ident!r} is also used by {ids[(lang, ident)]}"))
                ids[(lang, ident)] = page.path
    return out


def lint(root: Path = ROOT, today: dt.date | None = None) -> list[Finding]:
    """All findings for the docs under root/docs."""
    today = today or dt.date.today()
    tags = set(yaml.safe_load((root / "data" / "tags.yml").read_text(encoding="utf-8")))
    registry = reg.load(root / "data" / "registry.yml")
    brand = registry["brand"]["name"]
    PHONE_AUTHORITIES.update(a["id"] for a in registry["authorities"] if "phone" in a)
    findings: list[Finding] = []
    pages: dict[str, dict[str, Page]] = {lang: {} for lang in LANGS}
    for lang in LANGS:
        base = root / "docs" / lang
        for path in sorted(base.rglob("*.md")):
            rel = path.relative_to(base).as_posix()
            page, errors = parse(path, lang, rel, path.relative_to(root))
            findings += errors
            if page is None:
                continue
            pages[lang][rel] = page
            findings += rule_front_matter(page, tags, today)
            findings += rule_headings(page)
            findings += rule_empty_sections(page)
            findings += rule_placeholders(page)
            findings += rule_keyword_line(page)
            findings += rule_contact_details(page, brand)
            findings += rule_never_ask(page)
            findings += rule_typography(page)
    findings += rule_pairs(pages)
    findings += lint_reusables(root, brand)
    return findings


def lint_reusables(root: Path, brand: str) -> list[Finding]:
    """Shared blocks obey the same text rules and exist in both languages."""
    out, names = [], {}
    for lang in LANGS:
        folder = root / "reusables" / lang
        names[lang] = {p.name for p in folder.glob("*.md")} if folder.is_dir() else set()
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            lines = path.read_text(encoding="utf-8").split("\n")
            page = Page(path.relative_to(root), lang, f"reusables/{path.name}", {}, lines, 1)
            out += rule_placeholders(page) + rule_contact_details(page, brand)
    for lang in LANGS:
        for other in LANGS:
            for name in sorted(names[lang] - names[other]):
                out.append(Finding(Path("reusables") / lang / name, 1, "translation-missing",
                                   f"no {other} version; expected reusables/{other}/{name}"))
    return out
