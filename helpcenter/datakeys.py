"""The keys each kind of data file may hold: the one place to declare them.

helpcenter/datafile.py refuses any other key with a "did you mean", so a misspelled optional key
(`default_regoin`) fails the build instead of being silently ignored. Adding a key or a section is
one line here (plus the code that reads it); what a value must look like is checked by the file's
own loader (registry.py, status.py, ...), not here.

How a declaration reads:
  {"key": ..., ...}   a mapping that may hold these keys (which are required is the loader's call)
  [spec]              a list whose items follow spec
  Each(spec)          a mapping whose keys the writer chooses (ids, paths), each value following spec
  LOCALIZED           one value for every language, or a mapping of language codes (mkdocs.yml)
  ANY                 not checked here (free-form, or checked entirely by the loader)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


ANY = _Marker("ANY")
LOCALIZED = _Marker("LOCALIZED")


@dataclass(frozen=True)
class Each:
    value: Any


# data/languages.yml (helpcenter/layout.py): each language's facts, by its code.
LANGUAGES = Each({"hreflang": ANY, "og_locale": ANY, "browser_locale": ANY, "browser_tags": ANY, "script": ANY, "variant": ANY,
                  "typography": ANY, "date": ANY, "colon": ANY, "home_region": {"id": ANY, "code": ANY},
                  "search": {"analyzer": ANY, "fold": ANY}, "markers": ANY, "derive_from": ANY,
                  "phrases": ANY})

# data/zh-hant-phrases.yml and the like (helpcenter/convert.py): source phrase -> derived phrase.
PHRASES = {"phrases": Each(ANY), "sentences": Each(ANY), "characters": Each(ANY)}

# data/registry.yml (helpcenter/registry.py)
REGISTRY = {
    "brand": {"name": ANY, "publisher": ANY, "app": LOCALIZED, "help_center": LOCALIZED},
    "default_region": ANY,
    "response_times": {"chat_minutes": ANY, "email_hours": ANY},
    "chat": {"hours": LOCALIZED},
    "ui_screens": LOCALIZED,
    "ui_paths": Each(LOCALIZED),
    "transaction_id_example": ANY,
    "call_policy": {"outbound_calls": ANY, "callback_ui": ANY, "never_on_a_call": LOCALIZED, "verify": LOCALIZED},
    "safe_to_tap": {"hotline_table": ANY, "app_ui": ANY},
    "fee_schedule": {
        "effective": ANY,
        "currency": LOCALIZED,
        "items": [{"id": ANY, "method": LOCALIZED, "percent": ANY, "fixed": ANY, "network_fee": ANY}],
    },
    "regions": [{"id": ANY, "name": LOCALIZED, "services": ANY}],
    "typical_times": [{"id": ANY, "what": LOCALIZED, "min": ANY, "max": ANY, "unit": ANY}],
    "domains": [{"id": ANY, "domain": ANY}],
    "emails": [{"id": ANY, "address": ANY, "purpose": LOCALIZED}],
    "hotlines": [{"id": ANY, "number": ANY, "region": LOCALIZED, "hours": LOCALIZED, "cost": LOCALIZED,
                  "toll_free": ANY, "languages": ANY}],
    "policies": [{"id": ANY, "name": LOCALIZED, "url": ANY}],
    "apps": [{"id": ANY, "store": LOCALIZED, "url": ANY}],
    "social": [{"id": ANY, "platform": LOCALIZED, "handle": ANY, "url": ANY, "dm_support": ANY,
                "shown_as": LOCALIZED}],
    "authorities": [{"id": ANY, "region": ANY, "kind": ANY, "name": LOCALIZED, "phone": ANY, "hours": LOCALIZED,
                     "tap": ANY, "source": ANY, "url": ANY}],
    "identity_help": [{"id": ANY, "region": ANY, "name": LOCALIZED, "what": LOCALIZED, "url": ANY, "source": ANY}],
    "chat_languages": ANY,
    "limits": {"currency": LOCALIZED, "resets": LOCALIZED,
               "levels": [{"id": ANY, "name": LOCALIZED, "per_payment": ANY, "daily": ANY, "daily_withdrawal": ANY}]},
    "region_currencies": Each(ANY),
    # The product model: what each asset is, what a freeze does, how it is lifted.
    "product": {
        "demo": ANY,
        "assets": [{"id": ANY, "name": LOCALIZED, "held_by": ANY, "controlled_by": LOCALIZED,
                    "when_frozen": LOCALIZED, "summary": LOCALIZED}],
        "freeze_sessions": LOCALIZED,
        "recipient_hold": LOCALIZED,
        "safeguarding": LOCALIZED,
        "unauthorized": {"report_days": ANY, "decision_business_days": ANY, "text": LOCALIZED},
        "unfreeze": {"ui": ANY, "max_hours": ANY, "how": LOCALIZED},
        "freeze_without_device": {"hotline": ANY},
        "features": [{"id": ANY, "name": LOCALIZED, "ui": ANY, "hold_hours": ANY, "notice": LOCALIZED, "what": LOCALIZED}],
    },
    "assets": [{"id": ANY, "coin": ANY, "network": ANY, "chain": LOCALIZED, "fee_coin": ANY,
                "confirmations": ANY, "convert_min": ANY}],
    "funding_methods": [{"id": ANY, "direction": ANY, "fee": ANY, "time": ANY, "min": ANY, "daily_max": ANY,
                         "method": LOCALIZED}],
    "merchant": {"docs_url": ANY, "support_email": ANY, "offers": LOCALIZED, "pricing": LOCALIZED,
                 "settlement": ANY},
    "company": {"legal_name": ANY, "registration": ANY, "registered_in": LOCALIZED, "known_as": LOCALIZED,
                "publisher_relation": LOCALIZED},
    "not_affiliated": [{"id": ANY, "name": ANY, "what": LOCALIZED, "source": ANY}],
    "regulators": [{"id": ANY, "name": LOCALIZED, "url": ANY, "source": ANY}],
    "licences": [{"id": ANY, "region": ANY, "regulator": ANY, "kind": LOCALIZED, "number": ANY}],
    "complaints": {"email": ANY, "ui": ANY, "acknowledge_business_days": ANY, "final_response_business_days": ANY,
                   "escalation": [{"region": ANY, "body": ANY}]},
}

# data/status.yml (helpcenter/status.py)
STATUS = {
    "announcements": [{"id": ANY, "severity": ANY, "start": ANY, "end": ANY, "active": ANY,
                       "title": LOCALIZED, "text": LOCALIZED}],
}

# data/playbook.yml (helpcenter/playbook.py); the case ids are checked there (playbook.CASES).
PLAYBOOK = {
    "cases": Each({"title": LOCALIZED, "steps": [LOCALIZED], "note": LOCALIZED}),
    # Words the freeze table and the steps print around registry values (the product model).
    "labels": {"asset": LOCALIZED, "held": LOCALIZED, "controlled": LOCALIZED, "when-frozen": LOCALIZED,
               "held_by": Each(LOCALIZED), "unfreeze-time": LOCALIZED, "set-at": LOCALIZED, "colon": LOCALIZED,
               "list-sep": LOCALIZED, "open": LOCALIZED, "close": LOCALIZED, "local-police": LOCALIZED,
               "lock-first": LOCALIZED, "name-end": LOCALIZED, "lift-lead": LOCALIZED},
    "guide": {"heading": LOCALIZED, "legend": LOCALIZED, "show-all": LOCALIZED, "status-start": LOCALIZED,
              "status-shown": LOCALIZED, "status-all": LOCALIZED},
}

# data/ui.yml (helpcenter/ui.py): strings that templates and plugins show; every one is required.
UI = {key: LOCALIZED for key in (
    "demo_notice", "offline_download", "offline_current", "updated", "reviewed", "reviewed_date_format",
    "not_found_title", "not_found_text", "not_found_home", "copy_link", "redirect_opening",
    "language_name", "related_articles",
    "status_none", "status_no_past", "status_notice", "status_delay", "status_outage", "status_upcoming",
    "status_details",
    # The fact tables of the issue-19 articles (helpcenter/macros.py).
    "facts_coin", "facts_network", "facts_confirmations", "facts_fee_coin", "facts_convert_min", "facts_method",
    "facts_fee", "facts_time", "facts_min", "facts_daily_max",
    "facts_per_coin", "facts_network_fee_only", "facts_region", "facts_licence", "facts_licence_number",
    "facts_regulator", "facts_escalate_to", "facts_complaint_times", "facts_network_on_chain", "facts_named",
    "facts_registered", "facts_quoted", "facts_list_separator", "facts_list_last_separator", "facts_quoted_last_separator", "domain_rule",
    # Words the macros and tools print around values (helpcenter/macros.py, status.py, og images).
    "list_and", "spoken_languages", "status_since", "status_from_to", "og_tagline",
    # The agent console (overrides/agent.html, docs/assets/javascripts/agent-console.js).
    "agent_message", "agent_hint", "agent_reply_language", "agent_language_auto", "agent_waiting",
    "agent_loading", "agent_no_answer", "agent_results", "agent_copy_reply", "agent_copy_link",
    "agent_copied", "agent_shortcut",
    "table_scroll",
    # The registry macros' sentences and table words (helpcenter/macros.py).
    "call_never", "call_callback_only", "call_answer", "safe_place_hotline_table", "safe_place_app",
    "safe_places_separator", "safe_to_tap_one", "safe_to_tap_two", "fee_percent", "fee_fixed", "fee_free",
    "fee_plus_network", "facts_country_or_region", "facts_wallet_payments", "facts_crypto", "facts_offered",
    "facts_not_offered", "facts_currencies", "region_none", "region_wallet_only", "region_both",
    "time_units_one", "time_units_other", "time_range", "time_within", "facts_account", "facts_per_payment",
    "facts_daily_payments", "facts_daily_withdrawals", "facts_not_available", "facts_number", "facts_hours",
    "facts_cost", "facts_languages", "facts_email", "facts_email_use", "facts_platform",
    "facts_official_account", "facts_dm_support", "facts_yes", "facts_no", "app_developer", "ui_path",
)}

# data/search/vocabulary.<lang>.yml (helpcenter/search/index.py)
VOCABULARY = {"typos": ANY, "stopwords": ANY, "chatter": ANY, "groups": ANY, "articles": ANY, "intents": ANY}

# data/channel-check.yml (helpcenter/channel_checker.py): the sections channel-check.js reads.
CHANNEL_CHECK = ANY

# data/redirects.yml (helpcenter/redirects.py): old path -> new path, checked there.
REDIRECTS = Each(ANY)

# data/tags.yml: tag slug -> its name in each language.
TAGS = Each(LOCALIZED)

# tests/data/eval/*.yml (helpcenter/evaluation.py, helpcenter/search_eval.py)
EVAL_SPLIT = ANY


# ---- reading a declaration (helpcenter/datafile.py) ---------------------------------------------

def item_keys(keys: Any) -> Any:
    """The declaration of a list's items."""
    return keys[0] if isinstance(keys, list) and keys else ANY


def value_keys(keys: Any, key: Any) -> Any:
    """The declaration of the value under `key`."""
    if isinstance(keys, dict):
        return keys.get(key, ANY)
    if isinstance(keys, Each):
        return keys.value
    return ANY
