"""Load and validate the channel registry (data/registry.yml).

Every contact value on the site comes from this file, so a mistake here is a mistake on every
page. Loading fails with a RegistryError that names the file, the field path and what was
expected; production builds also refuse demo values (reserved domains, fictional numbers).

Which file is loaded: $OKPAY_REGISTRY when set (tests and dry runs point the build at a fixture
registry this way), else data/registry.yml. `configured_path()` is the one place that reads it.

`load()` validates and returns the checked mapping; `model()` is what a build reads: the typed,
read-only model of helpcenter/registry_model.py, built from that mapping once per file version.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import phonenumbers
from publicsuffixlist import PublicSuffixList

from helpcenter import datafile, datakeys, localized, platforms, project, registry_model
from helpcenter.layout import Layout
from helpcenter.registry_model import Registry

# Every localized registry value has one text per site language (helpcenter/layout.py).
LANGS = Layout.load().codes
DEFAULT_PATH = Path("data/registry.yml")   # in the project folder (helpcenter/project.py)
# Tests and dry runs point every build at another registry file with this variable.
PATH_ENV = "OKPAY_REGISTRY"


def configured_path(root: Path | None = None) -> Path:
    """The registry a build uses: $OKPAY_REGISTRY if set, else data/registry.yml of the project."""
    explicit = os.environ.get(PATH_ENV)
    if explicit:
        return Path(explicit)
    return (root or project.root()) / DEFAULT_PATH

# RFC 2606 / RFC 6761 reserved names: nothing under them can be a real channel.
RESERVED_TLDS = {"example", "test", "invalid", "localhost"}
RESERVED_DOMAINS = {"example.com", "example.net", "example.org"}
# NANP numbers 555-0100..555-0199 are reserved for fiction in every area code.
FICTIONAL_NANP = re.compile(r"^\d{3}55501\d\d$")
DEMO_HANDLE_SUFFIX = "_demo"

HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+)$")
HANDLE = re.compile(r"[A-Za-z0-9_.]{3,32}")
# What a typed hotline may hold: digits, the usual separators, and one extension at the end.
# Anything else (letters of a vanity number, markup) is refused before it reaches a page.
PHONE_TEXT = re.compile(r"\+[0-9 ().-]+?(?:\s*(?:ext\.?|x|#)\s*[0-9]{1,6})?")
# RFC 3986 unreserved, reserved and '%': no space, quote, backtick or angle bracket can end a
# Markdown link or an HTML attribute early.
URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
# Each platform's own rule for account names, by the id of a `social:` entry (one platform
# table for the whole project: helpcenter/platforms.py).
PLATFORM_HANDLES = {p.id: (p.handle, p.handle_rule) for p in platforms.PLATFORMS if p.handle is not None}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RegistryError(ValueError):
    """A registry value is missing or malformed; the message names file and field."""


@dataclass(frozen=True)
class DemoValue:
    field: str
    value: str


class _Reader:
    """Walks the YAML with a field path so every error can say exactly where it is."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, field: str, problem: str, expected: str) -> RegistryError:
        # A value can be long (a pasted page); the message quotes only its start.
        return RegistryError(f"{self.path}: field '{datafile.clip(field, 200)}': {datafile.clip(problem, 300)}; "
                             f"expected {expected}")

    def get(self, node: Any, key: str, field: str, kind: type | tuple = str) -> Any:
        if not isinstance(node, dict) or key not in node or node[key] in (None, ""):
            raise self.fail(f"{field}.{key}" if field else key, "missing", _describe(kind))
        value = node[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise self.fail(f"{field}.{key}" if field else key,
                            f"got {type(value).__name__} {value!r}", _describe(kind))
        return value

    def localized(self, node: Any, key: str, field: str, item: type = str) -> dict:
        """A text per language: either one value for both, or a mapping with zh and en."""
        value = self.get(node, key, field, (str, list, dict))
        where = f"{field}.{key}" if field else key
        if not isinstance(value, dict):
            value = {lang: value for lang in LANGS}
        # A derived edition's text comes from its source's when not given (data read from a file
        # has it already: helpcenter/datafile.py; this is for data built in memory).
        value = localized.derived_values(value)
        # Stored back as the mapping in every case: the model (helpcenter/registry_model.py)
        # holds one shape of localized value.
        if isinstance(node, dict):
            node[key] = value
        for lang in LANGS:
            if lang not in value or value[lang] in (None, "", []):
                raise self.fail(f"{where}.{lang}", "missing", f"a {_describe(item)} in {lang}")
            if not isinstance(value[lang], item):
                raise self.fail(f"{where}.{lang}", f"got {value[lang]!r}", _describe(item))
        extra = set(value) - set(LANGS)
        if extra:
            raise self.fail(where, f"unknown language(s) {sorted(extra)}", f"only {LANGS}")
        return value

    def items(self, node: dict, key: str, parent: str = "") -> Iterator[tuple[str, dict]]:
        seq = self.get(node, key, parent, list)
        seen = set()
        for i, item in enumerate(seq):
            field = f"{parent}.{key}[{i}]" if parent else f"{key}[{i}]"
            ident = self.get(item, "id", field)
            if not ID.match(ident):
                raise self.fail(f"{field}.id", f"got {ident!r}", "lowercase kebab-case like 'north-america'")
            if ident in seen:
                raise self.fail(f"{field}.id", f"duplicate id {ident!r}", "ids unique within the list")
            seen.add(ident)
            yield field, item


def _describe(kind: type | tuple) -> str:
    names = {str: "text", int: "number", float: "number", list: "list", dict: "mapping", bool: "true/false"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def is_reserved_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host.rsplit(".", 1)[-1] in RESERVED_TLDS or platforms.on_host(host, tuple(RESERVED_DOMAINS))



def on_domain(host: str, domains: list[str]) -> bool:
    """host is one of `domains` or a name under one of them."""
    return platforms.on_host(host, domains)


def model(path: Path | str | None = None) -> Registry:
    """The registry every part of a build reads: validated, as the typed model.

    Loaded once per file version: a second call for the same file, unchanged since (same
    modification time and size), returns the same object, so the macros, the content rules and
    the protections plugin (security.txt, official-channels.json) of one build share one load;
    `mkdocs serve` sees an edit because the edit changes the file's time."""
    path = Path(path) if path is not None else configured_path()
    try:
        stat = path.stat()
    except OSError:
        raise RegistryError(f"{path}: file not found; expected the channel registry here") from None
    return _model(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _model(path: Path, mtime_ns: int, size: int) -> Registry:
    return registry_model.from_data(load(path))


def load(path: Path | str | None = None) -> dict:
    """Parse and validate the registry; return it with phone numbers normalised and every
    localized value as a mapping of language to text. What a build reads is `model()`."""
    path = Path(path) if path is not None else configured_path()
    try:
        data = localized.load(path, datakeys.REGISTRY)
    except FileNotFoundError:
        raise RegistryError(f"{path}: file not found; expected the channel registry here") from None
    except datafile.DataFileError as exc:
        raise RegistryError(str(exc)) from None
    r = _Reader(path)
    if not isinstance(data, dict):
        raise r.fail("(top level)", "not a mapping", "the keys brand, chat, emails, hotlines, ...")

    brand = r.get(data, "brand", "", dict)
    r.get(brand, "name", "brand")
    r.get(brand, "publisher", "brand")
    r.localized(brand, "app", "brand")
    r.localized(brand, "help_center", "brand")

    times = r.get(data, "response_times", "", dict)
    for key in ("chat_minutes", "email_hours"):
        value = r.get(times, key, "response_times", (int, float))
        if value <= 0:
            raise r.fail(f"response_times.{key}", f"got {value}", "a positive number")

    chat = r.get(data, "chat", "", dict)
    r.localized(chat, "hours", "chat")

    screens = r.localized(data, "ui_screens", "", list)
    paths = r.get(data, "ui_paths", "", dict)
    for ident in paths:
        if not ID.match(ident):
            raise r.fail(f"ui_paths.{ident}", "bad id", "lowercase kebab-case like 'change-password'")
        for lang, steps in r.localized(paths, ident, "ui_paths", list).items():
            _ui_steps(r, f"ui_paths.{ident}.{lang}", steps, screens[lang])
    r.get(data, "transaction_id_example", "")

    for field, item in r.items(data, "domains"):
        domain = r.get(item, "domain", field)
        if not HOSTNAME.match(domain):
            raise r.fail(f"{field}.domain", f"got {domain!r}",
                         "a bare lowercase host name like okpay.example.com (no scheme, path or port)")
    domains = [item["domain"] for item in data["domains"]]

    for field, item in r.items(data, "emails"):
        address = r.get(item, "address", field)
        m = EMAIL.match(address)
        if not m or not HOSTNAME.match(m.group(1).lower()):
            raise r.fail(f"{field}.address", f"got {address!r}", "an address like support@okpay.example.com")
        # An address elsewhere would be published as official, and the checker would call its
        # own domain a look-alike.
        if not on_domain(m.group(1), domains):
            raise r.fail(f"{field}.address", f"{address!r} is not on a registry domain",
                         f"an address @ one of domains: ({', '.join(domains)}) or a name under one")
        r.localized(item, "purpose", field)

    for field, item in r.items(data, "hotlines"):
        number = r.get(item, "number", field)
        if not PHONE_TEXT.fullmatch(number.strip()):
            raise r.fail(f"{field}.number", f"got {number!r}",
                         "'+', digits, spaces, '-', '.', '(' ')', and optionally an extension like 'ext. 123'")
        try:
            parsed = phonenumbers.parse(number, None)
        except phonenumbers.NumberParseException as exc:
            raise r.fail(f"{field}.number", f"{number!r} does not parse ({exc})",
                         "an international number like +1 202-555-0143") from None
        if not phonenumbers.is_possible_number(parsed):
            raise r.fail(f"{field}.number", f"{number!r} is not a possible number",
                         "an international number like +1 202-555-0143")
        # Possible only checks the length; valid checks the country's numbering plan, so
        # +1 111-111-1111 (no such area code) is refused.
        if not phonenumbers.is_valid_number(parsed):
            raise r.fail(f"{field}.number", f"{number!r} is not a valid number in its country's numbering plan",
                         "a number that can be dialled, like +1 202-555-0143")
        item["e164"] = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        item["national_number"] = str(parsed.national_number)
        item["region_code"] = phonenumbers.region_code_for_number(parsed)
        # The extension is kept: shown with the number and dialled by tel: (RFC 3966 ";ext=").
        item["extension"] = parsed.extension or ""
        item["tel"] = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.RFC3966)
        for key in ("region", "hours", "cost"):
            r.localized(item, key, field)
        r.get(item, "toll_free", field, bool)
        langs = r.get(item, "languages", field, list)
        if not langs or set(langs) - set(LANGS):
            raise r.fail(f"{field}.languages", f"got {langs!r}", f"a list drawn from {list(LANGS)}")


    official = [item["domain"] for item in data["domains"]]
    for field, item in r.items(data, "policies"):
        r.localized(item, "name", field)
        _url(r, item, field)
        host = urlsplit(item["url"]).hostname
        if not on_domain(host, official):
            raise r.fail(f"{field}.url", f"host {host!r} is not a registry domain",
                         f"an https:// address on one of the domains: {', '.join(official)}")

    for field, item in r.items(data, "apps"):
        r.localized(item, "store", field)
        _url(r, item, field)

    for field, item in r.items(data, "social"):
        r.localized(item, "platform", field)
        handle = r.get(item, "handle", field)
        rule, rule_text = PLATFORM_HANDLES.get(item["id"], (None, ""))
        if handle.startswith("@"):
            raise r.fail(f"{field}.handle", f"got {handle!r}", "the account name without '@'")
        if rule is not None and not rule.fullmatch(handle):
            raise r.fail(f"{field}.handle", f"got {handle!r}", rule_text)
        elif rule is None and not HANDLE.fullmatch(handle):
            # A platform without a rule here: a conservative shape until one is added above.
            raise r.fail(f"{field}.handle", f"got {handle!r}", "3-32 letters, digits, '_' or '.', without '@'")
        _url(r, item, field)
        r.get(item, "dm_support", field, bool)
        if "shown_as" in item:
            for lang, text in r.localized(item, "shown_as", field).items():
                if "{handle}" not in text:
                    raise r.fail(f"{field}.shown_as.{lang}", "doesn't show {handle}",
                                 "how the account is written on that platform, with {handle} (and {brand})")

    # Where a number typed without a country code is from (the checker reads it): an ISO 3166
    # region code such as CN, else the first hotline's country.
    region = data.get("default_region") or data["hotlines"][0]["region_code"]
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise r.fail("default_region", f"got {region!r}",
                     "a two-letter region code such as CN, HK or US (ISO 3166-1, upper case)")
    data["default_region"] = region
    _call_policy(r, data, paths)
    _safe_to_tap(r, data, paths)
    _fee_schedule(r, data)
    _regions(r, data)
    _typical_times(r, data)
    _limits(r, data)
    _chat_languages(r, data)
    _region_currencies(r, data)
    _authorities(r, data)
    _identity_help(r, data)
    _product(r, data, paths)
    _company_and_money(r, data, paths)
    return data


def _ui_steps(r: _Reader, field: str, steps: list, screens: list) -> None:
    """Labels are text; an action is {do: text}; a screen name may only open a path."""
    for i, step in enumerate(steps):
        if isinstance(step, dict):
            if set(step) != {"do"} or not isinstance(step["do"], str) or not step["do"]:
                raise r.fail(f"{field}[{i}]", f"got {step!r}", "a label, or {do: <an action in words>}")
        elif not isinstance(step, str) or not step:
            raise r.fail(f"{field}[{i}]", f"got {step!r}", "a label as text")
        elif step in screens and i:
            raise r.fail(f"{field}[{i}]", f"screen {step!r} in the middle of a path",
                         "a screen (ui_screens) only as the first step")
    if all(isinstance(step, dict) for step in steps):
        raise r.fail(field, "no label to tap", "at least one on-screen label")


def _ui_ref(r: _Reader, node: dict, key: str, field: str, paths: dict) -> str:
    ident = r.get(node, key, field)
    if ident not in paths:
        raise r.fail(f"{field}.{key}", f"unknown ui path {ident!r}", "an id under ui_paths")
    return ident


CALL_POLICIES = ("never", "callback-only")


def _call_policy(r: _Reader, data: dict, paths: dict) -> None:
    policy = r.get(data, "call_policy", "", dict)
    kind = r.get(policy, "outbound_calls", "call_policy")
    if kind not in CALL_POLICIES:
        raise r.fail("call_policy.outbound_calls", f"got {kind!r}", f"one of {list(CALL_POLICIES)}")
    if kind == "callback-only":
        _ui_ref(r, policy, "callback_ui", "call_policy", paths)
    r.localized(policy, "never_on_a_call", "call_policy")
    steps = r.localized(policy, "verify", "call_policy", list)
    for lang in LANGS:
        for i, step in enumerate(steps[lang]):
            if not isinstance(step, str) or not step:
                raise r.fail(f"call_policy.verify.{lang}[{i}]", f"got {step!r}", "a step as text")
            if "{callback}" in step and kind != "callback-only":
                raise r.fail(f"call_policy.verify.{lang}[{i}]", "mentions {callback}",
                             "no call-back screen when outbound_calls is 'never'")
        if len(steps[lang]) != len(steps[LANGS[0]]):
            raise r.fail(f"call_policy.verify.{lang}", f"{len(steps[lang])} steps",
                         f"as many steps as in {LANGS[0]} ({len(steps[LANGS[0]])})")


def _safe_to_tap(r: _Reader, data: dict, paths: dict) -> None:
    safe = r.get(data, "safe_to_tap", "", dict)
    if r.get(safe, "hotline_table", "safe_to_tap", bool) is not True and "app_ui" not in safe:
        raise r.fail("safe_to_tap", "no safe place to tap a number", "hotline_table: true or an app_ui path")
    if "app_ui" in safe:
        _ui_ref(r, safe, "app_ui", "safe_to_tap", paths)


def _number(r: _Reader, node: dict, key: str, field: str, upper: float | None = None,
            required: bool = True) -> float | None:
    if not required and key not in node:
        return None
    value = r.get(node, key, field, (int, float))
    if value < 0 or (upper is not None and value >= upper):
        limit = f"0 or more, below {upper:g}" if upper is not None else "0 or more"
        raise r.fail(f"{field}.{key}", f"got {value}", f"a number, {limit}")
    return value


def _fee_schedule(r: _Reader, data: dict) -> None:
    fees = r.get(data, "fee_schedule", "", dict)
    effective = r.get(fees, "effective", "fee_schedule", (dt.date,))
    if isinstance(effective, dt.datetime):
        raise r.fail("fee_schedule.effective", f"got {effective!r}", "a date like 2026-11-01")
    r.localized(fees, "currency", "fee_schedule")
    for field, item in r.items(fees, "items", "fee_schedule"):
        r.localized(item, "method", field)
        _number(r, item, "percent", field, upper=100)
        _number(r, item, "fixed", field)
        if "network_fee" in item:
            r.get(item, "network_fee", field, bool)


REGION_SERVICES = ("wallet", "digital-assets")


def _regions(r: _Reader, data: dict) -> None:
    offered = 0
    for field, item in r.items(data, "regions"):
        r.localized(item, "name", field)
        if not isinstance(item.get("services"), list):
            raise r.fail(f"{field}.services", f"got {item.get('services')!r}",
                         f"a list drawn from {list(REGION_SERVICES)}, empty when not offered")
        unknown = [s for s in item["services"] if s not in REGION_SERVICES]
        if unknown:
            raise r.fail(f"{field}.services", f"unknown service(s) {unknown}", f"a list drawn from {list(REGION_SERVICES)}")
        if item["services"] and "wallet" not in item["services"]:
            raise r.fail(f"{field}.services", f"got {item['services']!r}",
                         "'wallet' in every region where anything is offered")
        offered += bool(item["services"])
    if not offered:
        raise r.fail("regions", "no region offers any service", "at least one region with services")


TIME_UNITS = ("minutes", "hours", "business-days", "months")


def _typical_times(r: _Reader, data: dict) -> None:
    for field, item in r.items(data, "typical_times"):
        r.localized(item, "what", field)
        unit = r.get(item, "unit", field)
        if unit not in TIME_UNITS:
            raise r.fail(f"{field}.unit", f"got {unit!r}", f"one of {list(TIME_UNITS)}")
        top = r.get(item, "max", field, int)
        low = r.get(item, "min", field, int) if "min" in item else None
        if top <= 0 or (low is not None and not 0 < low < top):
            raise r.fail(field, f"got min {low}, max {top}", "whole numbers with 0 < min < max (min optional)")


def _limits(r: _Reader, data: dict) -> None:
    limits = r.get(data, "limits", "", dict)
    r.localized(limits, "currency", "limits")
    r.localized(limits, "resets", "limits")
    for field, item in r.items(limits, "levels", "limits"):
        r.localized(item, "name", field)
        for key in ("per_payment", "daily", "daily_withdrawal"):
            amount = r.get(item, key, field, int)
            if isinstance(amount, bool) or amount < 0:
                raise r.fail(f"{field}.{key}", f"got {amount!r}", "a whole number, 0 or more")


def _chat_languages(r: _Reader, data: dict) -> None:
    codes = r.get(data, "chat_languages", "", list)
    if set(codes) - set(LANGS):
        raise r.fail("chat_languages", f"got {codes!r}", f"a list drawn from {list(LANGS)}")


CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def _region_currencies(r: _Reader, data: dict) -> None:
    table = r.get(data, "region_currencies", "", dict)
    served = {item["id"] for item in data["regions"] if item["services"]}
    for region, codes in table.items():
        field = f"region_currencies.{region}"
        if region not in served:
            raise r.fail(field, "not a served region", f"an id under regions with services: {sorted(served)}")
        if not isinstance(codes, list) or not codes or not all(
                isinstance(c, str) and CURRENCY_CODE.fullmatch(c) for c in codes):
            raise r.fail(field, f"got {codes!r}", "a list of ISO 4217 codes such as [HKD, USD]")
    missing = served - set(table)
    if missing:
        raise r.fail("region_currencies", f"no currencies for {sorted(missing)}", "one entry per served region")


# ---- Authorities (emergency helper) ----------------------------------------------------------
AUTHORITY_KINDS = ("police", "anti-scam", "report")
# A public number as its authority prints it: digits with spaces or hyphens (999, 0300 123 2040,
# 1-888-495-8501). No "+": these are dialed inside their own country.
AUTHORITY_PHONE = re.compile(r"\d[\d -]{1,14}\d")


def _authorities(r: _Reader, data: dict) -> None:
    """Every authority names its region, what it is, how to reach it, whether a page may make its
    number tappable, and (in a served region) the public page its value was checked against."""
    regions = {item["id"]: item for item in data["regions"]}
    for field, item in r.items(data, "authorities"):
        region = r.get(item, "region", field)
        if region not in regions:
            raise r.fail(f"{field}.region", f"got {region!r}", f"a regions id: {', '.join(regions)}")
        if r.get(item, "kind", field) not in AUTHORITY_KINDS:
            raise r.fail(f"{field}.kind", f"got {item['kind']!r}", f"one of {', '.join(AUTHORITY_KINDS)}")
        r.localized(item, "name", field)
        if "hours" in item:
            r.localized(item, "hours", field)
        r.get(item, "tap", field, bool)
        if "phone" not in item and "url" not in item:
            raise r.fail(field, "neither phone nor url", "a phone, a url or both")
        if "phone" in item and not AUTHORITY_PHONE.fullmatch(str(r.get(item, "phone", field, (str, int)))):
            raise r.fail(f"{field}.phone", f"got {item['phone']!r}",
                         "a public number as dialed in its country, digits with spaces or hyphens, like 1799")
        if "url" in item:
            _url(r, item, field)
        if regions[region]["services"] or "source" in item:
            _source(r, item, field)


def _source(r: _Reader, item: dict, field: str) -> None:
    source = r.get(item, "source", field)
    parts = urlsplit(source)
    if parts.scheme not in ("http", "https") or not parts.hostname or not URL_CHARS.fullmatch(source):
        raise r.fail(f"{field}.source", f"got {source!r}",
                     "the address of the authority's own public page this value was checked against")


def _identity_help(r: _Reader, data: dict) -> None:
    """Public help after ID documents reach a stranger: a region, a name, what it offers, the page
    a reader opens and the authority's own page it was checked against."""
    regions = {item["id"] for item in data["regions"]}
    for field, item in r.items(data, "identity_help"):
        if r.get(item, "region", field) not in regions:
            raise r.fail(f"{field}.region", f"got {item['region']!r}", f"a regions id: {', '.join(regions)}")
        r.localized(item, "name", field)
        r.localized(item, "what", field)
        _url(r, item, field)
        _source(r, item, field)


# ---- Product model (emergency helper) ---------------------------------------------------------
ASSET_HOLDERS = ("okpay", "self", "bank")


def _product(r: _Reader, data: dict, paths: dict) -> None:
    """The product model: what each asset is and what a freeze does to it, how a freeze is
    lifted, and which protective features exist. Pages explain these only from here."""
    product = r.get(data, "product", "", dict)
    r.get(product, "demo", "product", bool)
    for field, item in r.items(product, "assets", "product"):
        r.localized(item, "name", field)
        if r.get(item, "held_by", field) not in ASSET_HOLDERS:
            raise r.fail(f"{field}.held_by", f"got {item['held_by']!r}", f"one of {', '.join(ASSET_HOLDERS)}")
        r.localized(item, "controlled_by", field)
        r.localized(item, "when_frozen", field)
        r.localized(item, "summary", field)
    r.localized(product, "freeze_sessions", "product")
    r.localized(product, "recipient_hold", "product")
    r.localized(product, "safeguarding", "product")
    unauthorized = r.get(product, "unauthorized", "product", dict)
    _number(r, unauthorized, "report_days", "product.unauthorized", upper=400)
    _number(r, unauthorized, "decision_business_days", "product.unauthorized", upper=90)
    r.localized(unauthorized, "text", "product.unauthorized")
    unfreeze = r.get(product, "unfreeze", "product", dict)
    _ui_ref(r, unfreeze, "ui", "product.unfreeze", paths)
    _number(r, unfreeze, "max_hours", "product.unfreeze", upper=24 * 30)
    r.localized(unfreeze, "how", "product.unfreeze")
    hotline = r.get(r.get(product, "freeze_without_device", "product", dict), "hotline",
                    "product.freeze_without_device")
    if hotline not in [h["id"] for h in data["hotlines"]]:
        raise r.fail("product.freeze_without_device.hotline", f"got {hotline!r}", "a hotlines id")
    for field, item in r.items(product, "features", "product"):
        r.localized(item, "name", field)
        r.localized(item, "what", field)
        if "ui" in item:
            _ui_ref(r, item, "ui", field, paths)
        if "hold_hours" in item:
            _number(r, item, "hold_hours", field, upper=24 * 30)
        if any("{hours}" in text for text in item["what"].values()) and "hold_hours" not in item:
            raise r.fail(f"{field}.what", "uses {hours} but has no hold_hours", "hold_hours: <number>")
        if "notice" in item:
            r.localized(item, "notice", field)
        if any("{notice}" in text for text in item["what"].values()) and "notice" not in item:
            raise r.fail(f"{field}.what", "uses {notice} but has no notice", "notice: {zh: ..., en: ...}")


# ---- Issue 19 (articles): assets, funding methods, merchants, company, licences, complaints ----

FUNDING_DIRECTIONS = ("top-up", "withdraw")
# What a network name may look like (TRC-20, ERC-20, TRON, BNB Smart Chain): shown as is.
NETWORK = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .-]{1,30}")
COIN = re.compile(r"[A-Z0-9]{2,10}")
# An operator's placeholder in a name or number: refused by the production guard.
DEMO_WORD = re.compile(r"(?<![a-z])demo(?![a-z])", re.I)


def _ref(r: _Reader, node: dict, key: str, field: str, items: list, where: str) -> dict:
    ident = r.get(node, key, field)
    for item in items:
        if item["id"] == ident:
            return item
    raise r.fail(f"{field}.{key}", f"unknown id {ident!r}",
                 f"an id under {where}: {', '.join(item['id'] for item in items)}")


def _company_and_money(r: _Reader, data: dict, paths: dict) -> None:
    """The facts of payments/supported-assets, top-up-and-withdraw, merchant-payments and
    about/who-we-are and complaints: every cross-reference is checked here, so a page never
    renders an id that isn't there."""
    for field, item in r.items(data, "assets"):
        coin = r.get(item, "coin", field)
        if not COIN.fullmatch(coin):
            raise r.fail(f"{field}.coin", f"got {coin!r}", "a ticker in capitals like USDT")
        network = r.get(item, "network", field)
        if not NETWORK.fullmatch(network):
            raise r.fail(f"{field}.network", f"got {network!r}", "a network name like TRC-20 or ERC-20")
        r.localized(item, "chain", field)
        _number(r, item, "convert_min", field)
        confirmations = r.get(item, "confirmations", field, int)
        if confirmations <= 0:
            raise r.fail(f"{field}.confirmations", f"got {confirmations}", "a whole number above 0")
    # The wallet is self-custody: the network takes its fee in its own coin, which the customer
    # must already hold, so that coin has to be one the wallet supports on the same chain.
    for field, item in r.items(data, "assets"):
        fee_coin = r.get(item, "fee_coin", field)
        # A chain's own coin pays its own fee, which is how it is told from a token on that chain.
        native = [a["coin"] for a in data["assets"]
                  if a["chain"] == item["chain"] and a.get("fee_coin") == a["coin"]]
        if fee_coin not in native:
            raise r.fail(f"{field}.fee_coin", f"got {fee_coin!r}",
                         f"the coin the network charges its fee in, listed in assets on the same chain: "
                         f"one of {', '.join(dict.fromkeys(native))}")

    fees = data["fee_schedule"]["items"]
    for field, item in r.items(data, "funding_methods"):
        direction = r.get(item, "direction", field)
        if direction not in FUNDING_DIRECTIONS:
            raise r.fail(f"{field}.direction", f"got {direction!r}", f"one of {list(FUNDING_DIRECTIONS)}")
        if "fee" in item:
            _ref(r, item, "fee", field, fees, "fee_schedule.items")
        if "method" in item or "fee" not in item:
            r.localized(item, "method", field)
        _ref(r, item, "time", field, data["typical_times"], "typical_times")
        low = _number(r, item, "min", field, required=False)
        top = _number(r, item, "daily_max", field)
        if top <= 0 or (low is not None and not 0 < low < top):
            raise r.fail(field, f"got min {low}, daily_max {top}",
                         "0 < min < daily_max (leave min out only for converting crypto: its minimum "
                         "is per coin, assets.convert_min)")

    merchant = r.get(data, "merchant", "", dict)
    docs = r.get(merchant, "docs_url", "merchant")
    _url(r, {"url": docs}, "merchant.docs_url")
    host = urlsplit(docs).hostname or ""
    domains = [item["domain"] for item in data["domains"]]
    if not on_domain(host, domains):
        raise r.fail("merchant.docs_url", f"host {host!r} is not a registry domain",
                     f"an https:// address on one of the domains: {', '.join(domains)}")
    _ref(r, merchant, "support_email", "merchant", data["emails"], "emails")
    r.localized(merchant, "offers", "merchant", list)
    r.localized(merchant, "pricing", "merchant")
    _ref(r, merchant, "settlement", "merchant", data["typical_times"], "typical_times")

    company = r.get(data, "company", "", dict)
    r.get(company, "legal_name", "company")
    r.get(company, "registration", "company")
    r.localized(company, "registered_in", "company")
    r.localized(company, "known_as", "company", list)
    for lang, text in r.localized(company, "publisher_relation", "company").items():
        if "{publisher}" not in text:
            raise r.fail(f"company.publisher_relation.{lang}", "doesn't name {publisher}",
                         "a sentence with {publisher} (the app-store developer name) and {company}")

    for field, item in r.items(data, "not_affiliated"):
        r.get(item, "name", field)
        r.localized(item, "what", field)
        _url(r, {"url": r.get(item, "source", field)}, f"{field}.source")

    for field, item in r.items(data, "regulators"):
        r.localized(item, "name", field)
        _url(r, item, field)
        # Real public bodies: the page each one was checked against travels with the value.
        _url(r, {"url": r.get(item, "source", field)}, f"{field}.source")

    for field, item in r.items(data, "licences"):
        _ref(r, item, "region", field, data["regions"], "regions")
        _ref(r, item, "regulator", field, data["regulators"], "regulators")
        r.localized(item, "kind", field)
        r.get(item, "number", field)
    # A region we serve with no licence row reads as "unlicensed there" (review 2026-12-07: Malaysia).
    licensed = {item["region"] for item in data["licences"]}
    for i, region in enumerate(data["regions"]):
        if region.get("services") and region["id"] not in licensed:
            raise r.fail(f"regions[{i}]", f"{region['id']!r} is served but has no licence or registration",
                         "a row under licences for every region with services (or no services there)")

    complaints = r.get(data, "complaints", "", dict)
    _ref(r, complaints, "email", "complaints", data["emails"], "emails")
    _ui_ref(r, complaints, "ui", "complaints", paths)
    first = _number(r, complaints, "acknowledge_business_days", "complaints")
    final = _number(r, complaints, "final_response_business_days", "complaints")
    if not 0 < first <= final:
        raise r.fail("complaints", f"got acknowledge {first}, final response {final}",
                     "0 < acknowledge_business_days <= final_response_business_days")
    seq = r.get(complaints, "escalation", "complaints", list)
    for i, item in enumerate(seq):
        _ref(r, item, "region", f"complaints.escalation[{i}]", data["regions"], "regions")
        _ref(r, item, "body", f"complaints.escalation[{i}]", data["regulators"], "regulators")


def _url(r: _Reader, item: dict, field: str) -> None:
    url = r.get(item, "url", field)
    try:
        parts = urlsplit(url)
        # reading .port fails for one that is not a number from 0 to 65535 ("host:evil.test"),
        # where browsers refuse the whole link
        _ = parts.port
    except ValueError:
        parts = None
    if (parts is None or parts.scheme != "https" or not parts.hostname or not HOSTNAME.match(parts.hostname)
            or not URL_CHARS.fullmatch(url) or parts.username or parts.password):
        raise r.fail(f"{field}.url", f"got {url!r}",
                     "an https:// address with a host name, no user part, spaces, quotes or angle brackets, "
                     "and no port other than a number")


def demo_values(registry: Registry) -> list[DemoValue]:
    """Every value still on a reserved range, with its field path."""
    found = []

    def host(field: str, value: str, hostname: str) -> None:
        if is_reserved_host(hostname):
            found.append(DemoValue(field, value))

    for i, email in enumerate(registry.emails):
        host(f"emails[{i}].address", email.address, email.address.rsplit("@", 1)[1])
    for i, hotline in enumerate(registry.hotlines):
        if hotline.e164.startswith("+1") and FICTIONAL_NANP.match(hotline.national_number):
            found.append(DemoValue(f"hotlines[{i}].number", hotline.number))
    for i, domain in enumerate(registry.domains):
        host(f"domains[{i}].domain", domain.domain, domain.domain)
    for key in ("apps", "social", "policies"):
        for i, item in enumerate(getattr(registry, key)):
            host(f"{key}[{i}].url", item.url, urlsplit(item.url).hostname or "")
    for i, account in enumerate(registry.social):
        if account.handle.lower().endswith(DEMO_HANDLE_SUFFIX):
            found.append(DemoValue(f"social[{i}].handle", account.handle))
    # The product model is the operator's to state: shipped as demo figures until they confirm it.
    if registry.product.demo:
        found.append(DemoValue("product.demo", "true (the product model holds demo figures)"))
    # Issue 19 (articles): the merchant docs, the company and its licence numbers.
    docs = registry.merchant.docs_url
    host("merchant.docs_url", docs, urlsplit(docs).hostname or "")
    for key in ("legal_name", "registration"):
        value = getattr(registry.company, key)
        if DEMO_WORD.search(value):
            found.append(DemoValue(f"company.{key}", value))
    for i, licence in enumerate(registry.licences):
        if DEMO_WORD.search(licence.number):
            found.append(DemoValue(f"licences[{i}].number", licence.number))
    return found


@functools.cache
def _public_suffixes() -> PublicSuffixList:
    return PublicSuffixList()    # parses the whole list: once per process


def channel_problems(registry: Registry, site_url: str | None) -> list[DemoValue]:
    """What would publish an unofficial channel as official (production only: the demo registry
    uses reserved look-alike hosts such as t.example.com on purpose).

    - site_url (SITE_URL) must be set, https, and on a registry domain: canonical links,
      security.txt and official-channels.json name it.
    - No registry domain may be a public suffix (github.io, co.uk): the checker would then trust
      every site anyone registers under it. The list is the Public Suffix List as shipped by the
      pinned publicsuffixlist package (offline).
    - Every app and social entry, whatever its id, links to a host of helpcenter/platforms.py,
      and a profile link names the same account as the handle beside it.
    """
    found = []
    domains = registry.domain_names
    suffixes = _public_suffixes()
    for i, domain in enumerate(domains):
        if suffixes.is_public(domain):
            found.append(DemoValue(f"domains[{i}].domain", f"{domain!r} is a public suffix, under which anyone can "
                                   "register a site; expected a domain you own, like help.yourcompany.com"))
    if not site_url:
        found.append(DemoValue("SITE_URL", "not set; expected the address the site is published at, on a registry "
                               f"domain ({', '.join(domains)}), like https://{domains[0]}/"))
    else:
        parts = urlsplit(site_url)
        if parts.scheme != "https" or not on_domain(parts.hostname or "", domains):
            found.append(DemoValue("SITE_URL", f"{site_url!r} is not an https:// address on a registry domain; "
                                   f"expected one on {', '.join(domains)} (or a name under one)"))
    for key in ("apps", "social"):
        for i, item in enumerate(getattr(registry, key)):
            for field, problem, expected in platforms.check_entry(key, item.id, item.url, getattr(item, "handle", None)):
                found.append(DemoValue(f"{key}[{i}].{field}", f"{problem}; expected {expected}"))
    return found


def check_production(registry: Registry, path: Path | str | None = None, site_url: str | None = None) -> None:
    """Refuse to go live with demo values or unofficial channels, naming every offending field.

    site_url: the address the site is published at ($SITE_URL); required."""
    path = path if path is not None else configured_path()
    demo = demo_values(registry)
    if demo:
        lines = "\n".join(f"  - {d.field}: {d.value!r}" for d in demo)
        raise RegistryError(
            f"{path}: production build refused: {len(demo)} field(s) still hold demo values on "
            f"reserved ranges (example.com-style domains, 555-01xx numbers, handles ending in "
            f"'{DEMO_HANDLE_SUFFIX}', names and numbers saying 'Demo'); replace them with the real "
            f"official values:\n{lines}")
    off = channel_problems(registry, site_url)
    if off:
        lines = "\n".join(f"  - {d.field}: {d.value}" for d in off)
        raise RegistryError(f"{path}: production build refused: {len(off)} channel problem(s):\n{lines}")
