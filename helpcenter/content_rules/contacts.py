"""Contact details in a text, however they are written: phone numbers, email addresses, web
addresses, domains on any public suffix, social handles and messaging-app IDs (with the
homophones scam ads use for the platform names), after undoing the usual disguises.

The disguises are undone only to FIND a contact; nothing here decides what a link opens
(helpcenter/channel_checker.py reads an address as the browser does).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import phonenumbers
from publicsuffixlist import PublicSuffixList

from helpcenter import registry as reg

# Characters that show nothing, or reorder what is shown: zero-width space/joiners, word joiner,
# BOM, soft hyphen, Mongolian vowel separator, and the bidi marks, embeddings, overrides and isolates.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]")
# Dots that stand in for "." in a disguised address (NFKC already maps the full-width ones).
DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": ".", "\u2024": ".", "\u00b7": ".",
                      "\u30fb": ".", "\u2027": "."})


def unmask(text: str) -> str:
    """The text with disguises undone: invisible characters removed, full-width letters, digits,
    ＠ and dots folded (NFKC), ideographic full stops read as dots."""
    return unicodedata.normalize("NFKC", INVISIBLE.sub("", text)).translate(DOTS)


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    # accept_unknown=False: "node.js" or "e.g" is no domain; only a suffix on the list makes one.
    return PublicSuffixList(accept_unknown=False)


def is_domain(name: str) -> bool:
    """name ends in a public suffix (ICANN or private) with a label before it, or in a reserved TLD."""
    name = name.lower().strip(".")
    if "." not in name:
        return False
    return _psl().privatesuffix(name) is not None or name.rsplit(".", 1)[-1] in reg.RESERVED_TLDS


def is_public_suffix(name: str) -> bool:
    return _psl().is_public(name.lower().strip("."))


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
URL = re.compile(r"(?<![A-Za-z0-9])(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"'`，。、）)\]]+", re.I)
DOMAIN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9@./_-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
                              r"(?:[a-z]{2,63}|xn--[a-z0-9-]+)(?![A-Za-z0-9-])", re.I)
# An internationalized TLD (.中国, .公司, .在线) after Latin labels. Chinese has no spaces, so the
# TLD's letters run into the text after it: the longest run that is a suffix on the list wins.
IDN_TLD = re.compile(r"(?<![A-Za-z0-9@./_-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+)([^\W\d_A-Za-z]+)", re.I)
HANDLE = re.compile(r"(?<![A-Za-z0-9_.@])@[A-Za-z0-9_]{3,}")
# What a form hint writes for "an account name" ("Phone number, link, email or @account"): no account.
GENERIC_HANDLES = {"@account", "@handle", "@username", "@user", "@name"}

# Platform names as scam ads write them. "飞机"/"纸飞机" (its logo) and "电报" are Telegram; "薇信",
# "V信", "威信", "微心" sound like or stand for 微信 (WeChat); "扣扣" and "企鹅" are QQ.
PLATFORMS = {
    "WeChat ID": r"微信|薇信|威信|微心|徽信|V信|v信|wechat|weixin|\bvx|\bwx|\bV(?=\s*[:：])",
    "QQ number": r"\bQQ|扣扣|企鹅号?|抠抠",
    "Telegram ID": r"telegram|纸飞机|飞机|电报|\btg|\btele\b",
    "LINE ID": r"\bline|赖|賴",
    "WhatsApp number": r"whats\s*app|\bwa(?=\s*[:：])",
}
ID_TOKEN = {
    "WeChat ID": r"[A-Za-z][-_A-Za-z0-9]{5,19}",
    "QQ number": r"[1-9]\d{4,11}",
    "Telegram ID": r"[A-Za-z][A-Za-z0-9_]{4,31}",
    "LINE ID": r"[A-Za-z0-9._-]{4,20}",
    "WhatsApp number": r"\+?\d[\d -]{6,}\d",
}
# Between the platform name and the ID: "号", "ID", "账号", "群", then a colon, "是", "搜" or spaces.
JOINER = r"\s*(?:号码|账号|帐号|号|群|id|ID)?\s*(?:(?P<colon>[:：=＝]|是|搜|搜索|加)\s*)?@?"
MESSAGING_IDS = tuple((kind, re.compile(f"(?:{name}){JOINER}(?P<id>{ID_TOKEN[kind]})(?![A-Za-z0-9_])", re.I))
                      for kind, name in PLATFORMS.items())
# Kinds whose ID could be an English word: without a colon, the ID must carry a digit, '_' or '-'
# ("WeChat account", "line items" are prose, "line: okpay_help" is not).
WORDY = {"WeChat ID", "Telegram ID", "LINE ID"}


def messaging_ids(text: str) -> list[tuple[str, str]]:
    found = []
    for kind, pattern in MESSAGING_IDS:
        for m in pattern.finditer(text):
            ident = m.group("id")
            if kind in WORDY and not m.group("colon") and not re.search(r"[\d_-]", ident):
                continue
            found.append((kind, m.group(0)))
    return found


def find(text: str) -> list[tuple[str, str, str]]:
    """Every contact detail in text: (kind, what was found, the macro that gives official values).
    The text is unmasked first; a match shown disguised is reported as found after unmasking."""
    plain = unmask(text)
    out = [(kind, raw, "social_table()") for kind, raw in messaging_ids(plain)]
    rest = plain
    for kind, pattern, macro in (("email address", EMAIL, "email(...)"), ("web address", URL, "domain(...)")):
        for m in pattern.finditer(rest):
            out.append((kind, m.group(0), macro))
        rest = pattern.sub(" ", rest)
    for m in DOMAIN_CANDIDATE.finditer(rest):
        if is_domain(m.group(0)):
            out.append(("domain", m.group(0), "domain(...)"))
            rest = rest.replace(m.group(0), " ", 1)
    for m in IDN_TLD.finditer(rest):
        labels, run = m.groups()
        found = next((labels + run[:k] for k in range(len(run), 0, -1) if is_domain(labels + run[:k])), None)
        if found:
            out.append(("domain", found, "domain(...)"))
    for m in HANDLE.finditer(rest):
        if m.group(0).lower() not in GENERIC_HANDLES:
            out.append(("social handle", m.group(0), "social_table()"))
    rest = HANDLE.sub(" ", rest)
    for region in ("CN", "US"):
        for m in phonenumbers.PhoneNumberMatcher(rest, region, leniency=phonenumbers.Leniency.VALID):
            out.append(("phone number", m.raw_string, "phone(...)"))
            rest = rest.replace(m.raw_string, " ")
    return out


UNSAFE_SCHEMES = ("javascript", "vbscript", "data")


SPECIAL = ("http", "https", "ftp", "ws", "wss")


def link_host(href: str) -> tuple[str, str]:
    """(scheme, host) of a link destination as the browser reads it; ("", "") for a link inside
    the site. The authority is split on the RAW text, as the WHATWG URL parser does (a full-width
    "／" does not end it, so "a.com／@b.com" is host b.com); only then is the host folded the way
    the browser's IDNA mapping folds it (width, case, ideographic full stop). A protocol-relative
    //host (or \\host) is a host."""
    value = re.sub(r"[\t\n\r]", "", href).strip("\x00\x20")   # the URL parser drops these
    scheme_m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", value)
    scheme = scheme_m.group(1).lower() if scheme_m else ""
    if scheme and scheme not in SPECIAL:
        return scheme, ""
    rest = value[len(scheme) + 1:] if scheme else value
    if not scheme and not re.match(r"[/\\]{2}", rest):
        return "", ""
    authority = re.split(r"[/\\?#]", rest.lstrip("/\\"), maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1]
    host = host if host.startswith("[") else host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return scheme or "https", unmask(host).lower().rstrip(".")


def on_hosts(host: str, allowed: set[str]) -> bool:
    return reg.on_domain(host, sorted(allowed))
