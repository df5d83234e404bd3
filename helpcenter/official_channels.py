"""official-channels.json: every official channel, machine-readable, from the registry.

Anti-fraud partners and chat tools read it at <site>/official-channels.json (schema:
schemas/official-channels.schema.json, published next to it). The "Is this really OKPay?"
checker is built from the same `document()`, so what the page answers and what partners read
can never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers

from helpcenter import platforms
from helpcenter import registry as reg
from helpcenter.registry_model import Registry

SCHEMA = Path("schemas/official-channels.schema.json")   # in the project folder (helpcenter/project.py)
FILENAME = "official-channels.json"
SCHEMA_FILENAME = "official-channels.schema.json"
VERSION = 1
def _both(value) -> dict:
    """A registry text in every site language (a plain value is the same in each)."""
    return dict(value) if isinstance(value, dict) else {lang: value for lang in reg.LANGS}


def default_region(region: str) -> dict:
    """What a number typed without a country code means: the region's calling code and the
    national (trunk) prefix people dial before an area code, e.g. CN: 86 and 0, US: 1 and 1."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return {"region": region, "code": str(phonenumbers.country_code_for_region(region)),
            "trunk": (meta.national_prefix or "") if meta else ""}


def profile_hosts(ident: str, host: str) -> list[str]:
    """Where a pasted profile link names this account: the registry link's own host, and the
    platform's other hosts when its links name the account in the path (t.me/<name>). The
    platform is the one the link is on, else the one the entry's id names (the demo registry's
    links are on reserved look-alike hosts)."""
    platform = platforms.for_host(host) or platforms.BY_ID.get(ident)
    extra = platform.hosts if platform is not None and platform.account_in_path else ()
    return list(dict.fromkeys((host, *extra)))


def document(registry: Registry, site_url: str = "") -> dict:
    """The published document: registry values only, normalised, both languages side by side."""
    social = []
    for item in registry.social:
        host = urlsplit(item.url).hostname.lower()
        social.append({"id": item.id, "platform": _both(item.platform), "handle": item.handle,
                       "url": item.url, "hosts": profile_hosts(item.id, host), "dm_support": item.dm_support})
    doc = {
        "version": VERSION,
        "brand": registry.brand.name,
        "default_region": default_region(registry.default_region),
        "phones": [{"id": item.id, "number": item.number, "e164": item.e164,
                    "extension": item.extension, "tel": item.tel,
                    "region": _both(item.region), "hours": _both(item.hours),
                    "toll_free": item.toll_free, "languages": list(item.languages)}
                   for item in registry.hotlines],
        "emails": [{"id": item.id, "address": item.address, "purpose": _both(item.purpose)}
                   for item in registry.emails],
        # Every name under an official domain is official too (whoever controls a domain's DNS
        # controls every name under it).
        "domains": [{"id": item.id, "domain": item.domain, "subdomains": True}
                    for item in registry.domains],
        "apps": [{"id": item.id, "store": _both(item.store), "url": item.url,
                  "publisher": registry.brand.publisher} for item in registry.apps],
        "social": social,
    }
    if site_url:
        doc["site"] = site_url
    return doc


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
