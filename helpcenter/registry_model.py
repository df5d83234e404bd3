"""The channel registry as typed, read-only records: what every consumer reads.

helpcenter/registry.py validates data/registry.yml (its errors name the file and the field) and
builds one `Registry` from the validated data with `from_data`; the macros, the checker data,
official-channels.json, security.txt, the production guard and the content rules read its
attributes (`registry.brand.name`, `hotline.e164`), never the YAML's keys. Jinja reads the same
attributes with dot syntax (`registry.brand.name`).

A registry text in each site language (`Localized`) stays a mapping of language code to text (or
to a list, for ui paths): the languages are data (data/languages.yml), not fields. Lists of items
are tuples.

The fields mirror helpcenter/datakeys.py REGISTRY (a test keeps them in step), plus what the
validator derives: a hotline's e164, tel, national number, region code and extension, and
default_region when the file leaves it out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

# A text (or list of texts) per site language: {"zh": ..., "en": ..., ...}.
Localized = dict[str, Any]


class _Lists:
    """For a record holding lists of items with ids (the registry, its product model)."""

    def by_id(self, key: str, ident: str):
        """The item of list `key` whose id is `ident`, or None."""
        return next((item for item in getattr(self, key) if item.id == ident), None)

    def ids(self, key: str) -> list[str]:
        return [item.id for item in getattr(self, key)]


@dataclass(frozen=True)
class Brand:
    name: str
    publisher: str
    app: Localized
    help_center: Localized


@dataclass(frozen=True)
class ResponseTimes:
    chat_minutes: float
    email_hours: float


@dataclass(frozen=True)
class Chat:
    hours: Localized


@dataclass(frozen=True)
class CallPolicy:
    outbound_calls: str          # "never" or "callback-only"
    never_on_a_call: Localized
    verify: Localized            # a list of steps per language
    callback_ui: str | None = None


@dataclass(frozen=True)
class SafeToTap:
    hotline_table: bool
    app_ui: str | None = None


@dataclass(frozen=True)
class Fee:
    id: str
    method: Localized
    percent: float
    fixed: float
    network_fee: bool | None = None


@dataclass(frozen=True)
class FeeSchedule:
    effective: dt.date
    currency: Localized
    items: tuple[Fee, ...]


@dataclass(frozen=True)
class Region:
    id: str
    name: Localized
    services: tuple[str, ...]


@dataclass(frozen=True)
class TypicalTime:
    id: str
    what: Localized
    max: int
    unit: str
    min: int | None = None


@dataclass(frozen=True)
class Domain:
    id: str
    domain: str


@dataclass(frozen=True)
class Email:
    id: str
    address: str
    purpose: Localized


@dataclass(frozen=True)
class Hotline:
    id: str
    number: str                 # as the registry writes it, shown on pages
    region: Localized
    hours: Localized
    cost: Localized
    toll_free: bool
    languages: tuple[str, ...]
    # Derived by the validator (phonenumbers):
    e164: str
    national_number: str
    region_code: str
    extension: str              # "" when none
    tel: str                    # RFC 3966, for tel: links


@dataclass(frozen=True)
class Policy:
    id: str
    name: Localized
    url: str


@dataclass(frozen=True)
class App:
    id: str
    store: Localized
    url: str


@dataclass(frozen=True)
class Social:
    id: str
    platform: Localized
    handle: str                 # without '@'
    url: str
    dm_support: bool
    shown_as: Localized | None = None


@dataclass(frozen=True)
class Authority:
    id: str
    region: str
    kind: str
    name: Localized
    tap: bool
    phone: str | int | None = None
    hours: Localized | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class IdentityHelp:
    id: str
    region: str
    name: Localized
    what: Localized
    url: str
    source: str


@dataclass(frozen=True)
class Level:
    id: str
    name: Localized
    per_payment: int
    daily: int
    daily_withdrawal: int


@dataclass(frozen=True)
class Limits:
    currency: Localized
    resets: Localized
    levels: tuple[Level, ...]


@dataclass(frozen=True)
class ProductAsset:
    id: str
    name: Localized
    held_by: str
    controlled_by: Localized
    when_frozen: Localized
    summary: Localized


@dataclass(frozen=True)
class Unfreeze:
    ui: str
    max_hours: float
    how: Localized


@dataclass(frozen=True)
class FreezeWithoutDevice:
    hotline: str


@dataclass(frozen=True)
class Feature:
    id: str
    name: Localized
    what: Localized
    ui: str | None = None
    hold_hours: float | None = None
    # The words the app itself shows (the call notice's text), quoted on pages as the app shows them.
    notice: Localized | None = None


@dataclass(frozen=True)
class Unauthorized:
    report_days: float
    decision_business_days: float
    text: Localized


@dataclass(frozen=True)
class Product(_Lists):
    demo: bool
    assets: tuple[ProductAsset, ...]
    freeze_sessions: Localized
    recipient_hold: Localized
    safeguarding: Localized
    unauthorized: Unauthorized
    unfreeze: Unfreeze
    freeze_without_device: FreezeWithoutDevice
    features: tuple[Feature, ...]


@dataclass(frozen=True)
class Asset:
    id: str
    coin: str
    network: str
    chain: Localized
    fee_coin: str
    confirmations: int
    convert_min: float


@dataclass(frozen=True)
class FundingMethod:
    id: str
    direction: str
    time: str
    daily_max: float
    fee: str | None = None
    min: float | None = None
    method: Localized | None = None


@dataclass(frozen=True)
class Merchant:
    docs_url: str
    support_email: str
    offers: Localized
    pricing: Localized
    settlement: str


@dataclass(frozen=True)
class Company:
    legal_name: str
    registration: str
    registered_in: Localized
    known_as: Localized
    publisher_relation: Localized


@dataclass(frozen=True)
class NotAffiliated:
    id: str
    name: str
    what: Localized
    source: str


@dataclass(frozen=True)
class Regulator:
    id: str
    name: Localized
    url: str
    source: str


@dataclass(frozen=True)
class Licence:
    id: str
    region: str
    regulator: str
    kind: Localized
    number: str


@dataclass(frozen=True)
class Escalation:
    region: str
    body: str


@dataclass(frozen=True)
class Complaints:
    email: str
    ui: str
    acknowledge_business_days: float
    final_response_business_days: float
    escalation: tuple[Escalation, ...]


@dataclass(frozen=True)
class Registry(_Lists):
    brand: Brand
    default_region: str
    response_times: ResponseTimes
    chat: Chat
    ui_screens: Localized
    ui_paths: dict[str, Localized]
    transaction_id_example: str
    call_policy: CallPolicy
    safe_to_tap: SafeToTap
    fee_schedule: FeeSchedule
    regions: tuple[Region, ...]
    typical_times: tuple[TypicalTime, ...]
    domains: tuple[Domain, ...]
    emails: tuple[Email, ...]
    hotlines: tuple[Hotline, ...]
    policies: tuple[Policy, ...]
    apps: tuple[App, ...]
    social: tuple[Social, ...]
    authorities: tuple[Authority, ...]
    identity_help: tuple[IdentityHelp, ...]
    chat_languages: tuple[str, ...]
    limits: Limits
    region_currencies: dict[str, tuple[str, ...]]
    product: Product
    assets: tuple[Asset, ...]
    funding_methods: tuple[FundingMethod, ...]
    merchant: Merchant
    company: Company
    not_affiliated: tuple[NotAffiliated, ...]
    regulators: tuple[Regulator, ...]
    licences: tuple[Licence, ...]
    complaints: Complaints

    @property
    def domain_names(self) -> list[str]:
        """The official domains, in registry order."""
        return [item.domain for item in self.domains]


def from_data(data: dict) -> Registry:
    """The model of a registry the validator (helpcenter/registry.py) has accepted.

    A key the model has no field for, or a missing required one, is a programming error (the
    model and helpcenter/datakeys.py out of step), not a user's: the validator has already
    refused undeclared keys and missing values with a message naming the field."""
    return _build(Registry, data, "")


@functools.cache
def _hints(cls: type) -> dict:
    # The annotations are strings (postponed evaluation): resolving them compiles each one.
    return typing.get_type_hints(cls)


def _build(cls: type, node: dict, where: str):
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(node) - set(fields)
    if unknown:
        raise TypeError(f"registry_model.{cls.__name__} has no field for {sorted(unknown)} at "
                        f"{where or '(top level)'}; add it here and in helpcenter/datakeys.py")
    values = {name: _value(hints[name], node[name], f"{where}.{name}" if where else name)
              for name in fields if name in node}
    return cls(**values)


def _value(hint, value, where: str):
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        records = [a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)]
        return _build(records[0], value, where) if records else value
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, where)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_value(item, v, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is dict and hint is not Localized:
        inner = typing.get_args(hint)[1]
        return {key: _value(inner, v, f"{where}.{key}") for key, v in value.items()}
    return value
