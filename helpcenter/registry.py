"""Load and validate the channel registry (data/registry.yml).

Every contact value on the site comes from this file, so a mistake here is a mistake on every
page. Loading fails with a RegistryError that names the file, the field path and what was
expected; production builds also refuse demo values (reserved domains, fictional numbers).

Which file is loaded: $OKPAY_REGISTRY when set (tests and dry runs point the build at a fixture
registry this way), else data/registry.yml. `configured_path()` is the one place that reads it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import phonenumbers
import yaml

from helpcenter import project
from helpcenter.layout import Layout

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
# Each platform's own rule for account names; the id of a `social:` entry names the platform.
PLATFORM_HANDLES = {
    # Telegram: a-z, 0-9 and underscores, at least 5 characters (telegram.org/faq "What can I use
    # as my username?"); at most 32 (core.telegram.org/method/account.updateUsername).
    "telegram": (re.compile(r"[A-Za-z0-9_]{5,32}"), "5-32 letters, digits or '_' (Telegram's rule)"),
    # X: at most 15 characters, letters, digits and underscores
    # (help.x.com/en/managing-your-account/x-username-rules).
    "x": (re.compile(r"[A-Za-z0-9_]{1,15}"), "1-15 letters, digits or '_' (X's rule)"),
    # WeChat ID (微信号): the app's own prompt when setting one reads "微信号仅支持6-20个字母、
    # 数字、下划线或减号，以字母开头" (6-20 letters, digits, '_' or '-', starting with a letter).
    "wechat": (re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}"), "6-20 letters, digits, '_' or '-', starting with a letter (WeChat's rule)"),
}
# The hosts a production registry's store and profile links must be on, by entry id: a link
# elsewhere (a look-alike store, a mirror) would be published as "official".
OFFICIAL_HOSTS = {
    "ios": ("apps.apple.com",),
    "android": ("play.google.com",),
    "telegram": ("t.me",),
    "x": ("x.com", "twitter.com"),
    "wechat": ("weixin.qq.com", "mp.weixin.qq.com"),
}
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
        return RegistryError(f"{self.path}: field '{field}': {problem}; expected {expected}")

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
    return (host.rsplit(".", 1)[-1] in RESERVED_TLDS
            or any(host == d or host.endswith("." + d) for d in RESERVED_DOMAINS))



def on_domain(host: str, domains: list[str]) -> bool:
    """host is one of `domains` or a name under one of them."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


def load(path: Path | str | None = None) -> dict:
    """Parse and validate the registry; return it with phone numbers normalised."""
    path = Path(path) if path is not None else configured_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegistryError(f"{path}: file not found; expected the channel registry here") from None
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from None
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
        if not any(host == d or host.endswith("." + d) for d in official):
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

    for field, item in r.items(data, "authorities"):
        r.localized(item, "region", field)
        r.localized(item, "name", field)
        if "phone" in item:
            if not re.fullmatch(r"\d{3,6}", str(r.get(item, "phone", field))):
                raise r.fail(f"{field}.phone", f"got {item['phone']!r}", "a short national service number like 96110")
        elif "url" in item:
            _url(r, item, field)
        else:
            raise r.fail(field, "neither phone nor url", "one of them")

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


def _url(r: _Reader, item: dict, field: str) -> None:
    url = r.get(item, "url", field)
    parts = urlsplit(url)
    if (parts.scheme != "https" or not parts.hostname or not HOSTNAME.match(parts.hostname)
            or not URL_CHARS.fullmatch(url) or parts.username or parts.password):
        raise r.fail(f"{field}.url", f"got {url!r}",
                     "an https:// address with a host name, no user part, spaces, quotes or angle brackets")


def demo_values(data: dict) -> list[DemoValue]:
    """Every value still on a reserved range, with its field path."""
    found = []

    def host(field: str, value: str, hostname: str) -> None:
        if is_reserved_host(hostname):
            found.append(DemoValue(field, value))

    for i, item in enumerate(data["emails"]):
        host(f"emails[{i}].address", item["address"], item["address"].rsplit("@", 1)[1])
    for i, item in enumerate(data["hotlines"]):
        if item["e164"].startswith("+1") and FICTIONAL_NANP.match(item["national_number"]):
            found.append(DemoValue(f"hotlines[{i}].number", item["number"]))
    for i, item in enumerate(data["domains"]):
        host(f"domains[{i}].domain", item["domain"], item["domain"])
    for key in ("apps", "social", "policies"):
        for i, item in enumerate(data[key]):
            host(f"{key}[{i}].url", item["url"], urlsplit(item["url"]).hostname or "")
    for i, item in enumerate(data["social"]):
        if item["handle"].lower().endswith(DEMO_HANDLE_SUFFIX):
            found.append(DemoValue(f"social[{i}].handle", item["handle"]))
    return found


def unofficial_hosts(data: dict) -> list[DemoValue]:
    """Store and profile links that are not on their platform's own host (production only:
    the demo registry uses reserved look-alikes such as t.example.com on purpose)."""
    found = []
    for key in ("apps", "social"):
        for i, item in enumerate(data[key]):
            hosts = OFFICIAL_HOSTS.get(item["id"])
            host = (urlsplit(item["url"]).hostname or "").lower()
            if hosts is not None and not on_domain(host, list(hosts)):
                found.append(DemoValue(f"{key}[{i}].url", f"{item['url']} (expected a link on {' or '.join(hosts)})"))
    return found


def check_production(data: dict, path: Path | str | None = None) -> None:
    """Refuse to go live with demo values or off-platform links, naming every offending field."""
    path = path if path is not None else configured_path()
    demo = demo_values(data)
    if demo:
        lines = "\n".join(f"  - {d.field}: {d.value!r}" for d in demo)
        raise RegistryError(
            f"{path}: production build refused: {len(demo)} field(s) still hold demo values on "
            f"reserved ranges (example.com-style domains, 555-01xx numbers, handles ending in "
            f"'{DEMO_HANDLE_SUFFIX}'); replace them with the real official values:\n{lines}")
    off = unofficial_hosts(data)
    if off:
        lines = "\n".join(f"  - {d.field}: {d.value}" for d in off)
        raise RegistryError(f"{path}: production build refused: {len(off)} link(s) not on the platform's "
                            f"own host:\n{lines}")
