"""Content rules for docs/<lang>/**.md. Each rule has a name; each finding names file, line and rule.

Run by `helpcenter check`, the okpay-content plugin (every build) and `make test`. CONTRIBUTING.md explains the rules to writers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
import yaml

from helpcenter import project
from helpcenter import registry as reg
from helpcenter.text import HAN_RANGES

LANGS = reg.LANGS
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
HAN = HAN_RANGES
INLINE_CODE = re.compile(r"`[^`]*`")
# For the typography rules, each macro stands in for what it prints in Chinese: "X" is Latin
# text (the brand, a number, an address), 汉 Chinese; ui() paths are wrapped in 「」.
MACRO_CALL = re.compile(r"\{\{\s*(\w+)(?:\(\s*[\"']([\w-]+))?.*?\}\}")
MACRO_EDGES_ZH = {"ui": "「」", "app_name": "X 汉", "help_center_name": "X 汉", "chat_hours": "汉",
                  "response_time": "X 汉", "authority": "汉", "typical_time": "X 汉", "fee": "汉",
                  "fee_effective": "X 汉", "policy_link": "汉"}
PHONE_AUTHORITIES: set[str] = set()   # authority() ends in a number for these (set by lint())
CJK_LATIN = re.compile(rf"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")
CJK_HALF_PUNCT = re.compile(rf"[{HAN}][,;:?!.(]|[,;:?!)][{HAN}]|\([{HAN}]|[{HAN}]\)")
FULL_PUNCT = re.compile(r"[，。：；？！（）「」、]")
CONTACT_MENTION = re.compile(r"contact/contact-channels\.md|contact-channels\.md|联系客服|联系我们|"
                             r"contact (?:our )?support|contact us", re.I)
# Emergency steps live in data/playbook.yml and reach pages only through {{ playbook("case") }}:
# typed by hand, two pages drifted into opposite orders (freeze first or move assets first?).
# A numbered item that freezes the account, moves assets to a new wallet or stops a bank payment
# is such a step.
EMERGENCY_STEP = re.compile(r"冻结账户|紧急冻结|新钱包|紧急止付|\bfreez(?:e|ing) (?:your |the )?account\b|"
                            r"\bnew wallet\b|\bstop-?payment\b", re.I)
EMERGENCY_UI = re.compile(r"\bui\(\s*[\"'](?:freeze-account|create-wallet)[\"']\s*\)")
NUMBERED_ITEM = re.compile(r"^\s*\d+[.)]\s")
# Pages whose owner has not moved their steps to the playbook yet: reported as warnings so the
# check stays green meanwhile. Remove an entry as soon as its page renders the playbook.
PLAYBOOK_PENDING: set[str] = set()


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
    meta_lines: dict[str, int] = field(default_factory=dict)   # front-matter key -> its line number

    @property
    def is_article(self) -> bool:
        return "/" in self.rel and not self.rel.endswith("index.md")


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


def parse(path: Path, lang: str, rel: str, shown: Path) -> tuple[Page | None, list[Finding]]:
    text, problem = read_utf8(path, shown)
    if problem:
        return None, [problem]
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
    for i, line in enumerate(lines[1:end], start=2):
        key = line.split(":", 1)[0].strip()
        if key and not line.startswith((" ", "\t", "#")):
            page.meta_lines.setdefault(key, i)
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


# Messaging-app IDs as scam pages write them ("加微信 okpay_kefu01", "QQ：12345678",
# "Telegram: okpay_help"). A WeChat token must carry a digit, '_' or '-' unless a colon introduces
# it, so prose such as "WeChat account" is not an ID.
MESSAGING_IDS = (
    ("WeChat ID", re.compile(r"(?:微信|wechat|weixin|\bvx|\bwx)\s*(?:号|id)?\s*(?:(?P<colon>[:：])\s*)?"
                             r"(?P<id>[A-Za-z][-_A-Za-z0-9]{5,19})\b", re.I)),
    ("QQ number", re.compile(r"\bQQ\s*(?:号码|号|群)?\s*[:：]?\s*(?P<id>[1-9]\d{4,11})\b", re.I)),
    ("Telegram ID", re.compile(r"(?:telegram|电报|\btg)\s*(?:号|id)?\s*[:：]\s*@?(?P<id>[A-Za-z][A-Za-z0-9_]{4,31})\b", re.I)),
)


def messaging_ids(text: str) -> list[tuple[str, str]]:
    found = []
    for kind, pattern in MESSAGING_IDS:
        for m in pattern.finditer(text):
            ident = m.group("id")
            if kind == "WeChat ID" and not m.groupdict().get("colon") and not re.search(r"[\d_-]", ident):
                continue
            found.append((kind, m.group(0)))
    return found


def contact_lines(page: Page):
    """Every line a contact value could hide in, with its line number: the title and description
    (they feed search snippets, link previews and links.json), the body prose, and code fences."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            yield page.meta_lines.get(key, 1), value
    for i, line in enumerate(page.body):
        if not FENCE.match(line):
            yield page.body_start + i, MACRO.sub(" ", line)


def rule_contact_details(page: Page, brand: str) -> list[Finding]:
    out = []
    for n, text in contact_lines(page):
        for kind, raw in messaging_ids(text):
            out.append(Finding(page.path, n, "contact-detail",
                               f"{kind} {raw!r} typed into the page; official accounts come from data/registry.yml "
                               "({{ social_table() }}), and a page never gives any other"))
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
    for n, text in prose_lines(page):
        if brand in LINK_TARGET.sub("]", text):
            out.append(Finding(page.path, n, "brand-literal", f"'{brand}' typed in body text; write {{{{ brand }}}}"))
    return out


def rule_typography(page: Page) -> list[Finding]:
    """CJK typography: a space between Chinese and Latin text, full-width punctuation in Chinese
    prose, half-width punctuation in English."""
    out = []
    for n, raw in enumerate(page.body, start=page.body_start):
        edges = MACRO_EDGES_ZH if page.lang == "zh" else {}
        text = MACRO_CALL.sub(lambda m, edges=edges: "汉 X" if edges and m.group(2) in PHONE_AUTHORITIES
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


def rule_playbook_steps(page: Page) -> list[Finding]:
    out, in_fence = [], False
    level = "warning" if page.rel in PLAYBOOK_PENDING else "error"
    for i, raw in enumerate(page.body):
        if FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence or not NUMBERED_ITEM.match(raw):
            continue
        if EMERGENCY_STEP.search(MACRO.sub(" ", raw)) or EMERGENCY_UI.search(raw):
            out.append(Finding(page.path, page.body_start + i, "playbook-steps-typed",
                               "an emergency step (freeze the account, move assets to a new wallet, stop a "
                               "payment) is typed by hand; expected {{ playbook(\"case-id\") }} from "
                               "data/playbook.yml, so every page gives the same steps in the same order",
                               level=level))
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

def rule_pairs(pages: dict[str, dict[str, Page]], on_disk: dict[str, set[str]] | None = None) -> list[Finding]:
    """Every page exists in every language, with the same id and the same structure as the default
    language's. `on_disk` holds pages that exist but could not be read (reported on their own)."""
    out = []
    on_disk = on_disk or {lang: set(pages[lang]) for lang in LANGS}
    first = LANGS[0]
    for rel in sorted(set().union(*(pages[lang] for lang in LANGS))):
        here = [lang for lang in LANGS if rel in pages[lang]]
        for lang in LANGS:
            if lang not in here and rel not in on_disk[lang]:
                shown = pages[here[0]][rel].path
                out.append(Finding(shown, 1, "translation-missing",
                                   f"no {lang} version of {rel}; expected docs/{lang}/{rel}"))
        if first not in here:
            continue
        a = pages[first][rel]
        for second in LANGS[1:]:
            if second not in here:
                continue
            b = pages[second][rel]
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


class _MacroCollector:
    """Stands in for mkdocs-macros' env to learn which names helpcenter/macros.py defines."""

    def __init__(self, root: Path):
        self.conf = {"extra": {}, "theme": {"language": LANGS[0]}}
        self.variables: dict = {}
        self.project_dir = str(root)
        self.macros: set[str] = set()

    def macro(self, fn, name: str | None = None):
        self.macros.add(name or fn.__name__)
        return fn

    def filter(self, fn, name: str | None = None):
        return fn


def known_macros(root: Path) -> tuple[set[str], dict]:
    """The names pages may use, and the registry those macros read."""
    from helpcenter import macros
    collector = _MacroCollector(root)
    macros.define_env(collector)
    return collector.macros | set(collector.variables), collector.variables.get("registry") or {}


MACRO_NAME = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)")
MACRO_WITH_ID = re.compile(r"\{\{-?\s*(\w+)\(\s*[\"']([^\"']+)[\"']")
# Macros whose first argument is an id from a list of the registry (helpcenter/macros.py).
REGISTRY_IDS = {"phone": "hotlines", "email": "emails", "domain": "domains", "authority": "authorities"}


def registry_ids(registry: dict, root: Path, lang: str) -> dict[str, set[str]]:
    ids = {macro: {item.get("id") for item in registry.get(key) or [] if isinstance(item, dict)}
           for macro, key in REGISTRY_IDS.items()}
    ids["ui"] = set(registry.get("ui_paths") or {})
    folder = root / "reusables" / lang
    ids["reusable"] = {p.stem for p in folder.glob("*.md")} if folder.is_dir() else set()
    return ids


def rule_unknown_macros(page: "Page", names: set[str], ids: dict[str, set[str]]) -> list[Finding]:
    """`{{ phonee(...) }}` or `{{ phone("mars") }}` would fail inside the page's rendering; say so
    before the build, with the names that do exist."""
    out = []
    for i, line in enumerate(page.body):
        for name in MACRO_NAME.findall(line):
            if name not in names:
                out.append(Finding(page.path, page.body_start + i, "unknown-macro",
                                   f"no macro or value named {name!r}; expected one of the macros in "
                                   f"CONTRIBUTING.md ({', '.join(sorted(names)[:8])}, ...)"))
        for name, ident in MACRO_WITH_ID.findall(line):
            if name in ids and ident not in ids[name]:
                where = "reusables/" + page.lang if name == "reusable" else "data/registry.yml"
                out.append(Finding(page.path, page.body_start + i, "unknown-id",
                                   f"{name}({ident!r}): no such id in {where}; expected one of: "
                                   f"{', '.join(sorted(x for x in ids[name] if x))}"))
    return out


def lint(root: Path | None = None, today: dt.date | None = None) -> list[Finding]:
    """All findings for the docs under root/docs (default: the project's)."""
    root = root or project.root()
    today = today or dt.date.today()
    tags = set(yaml.safe_load((root / "data" / "tags.yml").read_text(encoding="utf-8")))
    registry = reg.load(reg.configured_path(root))
    brand = registry["brand"]["name"]
    PHONE_AUTHORITIES.update(a["id"] for a in registry["authorities"] if "phone" in a)
    findings: list[Finding] = []
    macro_names, macro_registry = known_macros(root)
    pages: dict[str, dict[str, Page]] = {lang: {} for lang in LANGS}
    on_disk: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for lang in LANGS:
        base = root / "docs" / lang
        for path in sorted(base.rglob("*.md")):
            rel = path.relative_to(base).as_posix()
            on_disk[lang].add(rel)
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
            findings += rule_unknown_macros(page, macro_names, registry_ids(macro_registry, root, lang))
            findings += rule_playbook_steps(page)
    findings += rule_pairs(pages, on_disk)
    findings += lint_reusables(root, brand)
    findings += lint_playbook(root, brand)
    return findings


PLAYBOOK_AS_MACRO = (
    (re.compile(r"\{(ui|authority|email|phone):([\w-]+)\}"), r'{{ \1("\2") }}'),
    (re.compile(r"\{brand\}"), "{{ brand }}"),
    (re.compile(r"\{app\}"), "{{ app_name() }}"),
    (re.compile(r"\{txid\}"), "{{ txid_example() }}"),
    (re.compile(r"\{page:([^{}\s]+)\}"), r"\1"),
)
PLAYBOOK_TEXT = re.compile(r"^\s*(?:-\s+)?(?:(zh|en):\s*)?(.*?)\s*$")


def lint_playbook(root: Path, brand: str) -> list[Finding]:
    """The playbook's steps are page text: the same contact and typography rules apply, per line."""
    path = root / "data" / "playbook.yml"
    if not path.is_file():
        return []
    out, lang = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.lstrip().startswith("#"):
            continue
        m = PLAYBOOK_TEXT.match(line)
        key, text = m.group(1), m.group(2)
        if key:
            lang = key
        if not text or text.endswith(":") or lang is None:
            continue
        if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
            text = text[1:-1].replace('\\"', '"')
        for pattern, macro in PLAYBOOK_AS_MACRO:
            text = pattern.sub(macro, text)
        page = Page(path.relative_to(root), lang, "data/playbook.yml", {}, [text], n)
        out += rule_contact_details(page, brand) + rule_typography(page)
    return out


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
