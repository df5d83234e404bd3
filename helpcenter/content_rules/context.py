"""The Context of a lint run, read once from the project: registry, tags, macros and their ids,
the rule configuration (data/content-rules.yml) and the hosts a link may go to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from helpcenter import datafile
from helpcenter import registry as reg
from helpcenter.content_rules.model import LEVELS, Context
from helpcenter.layout import Layout
from helpcenter.registry_model import Registry

CONFIG = "data/content-rules.yml"
CONFIG_KEYS = ("severity", "playbook_pending", "macro_edges", "never_ask_box")
OUTSIDE_SITES = "data/outside-sites.yml"
# Macros whose first argument is an id from a list of the registry (helpcenter/macros.py).
REGISTRY_IDS = {"phone": "hotlines", "email": "emails", "domain": "domains", "authority": "authorities"}


class ConfigError(ValueError):
    """A data file the rules read is not what they expect; the message names the file and field."""


class _MacroCollector:
    """Stands in for mkdocs-macros' env to learn which names helpcenter/macros.py defines."""

    def __init__(self, root: Path, lang: str):
        self.conf = {"extra": {}, "theme": {"language": lang}}
        self.variables: dict = {}
        self.project_dir = str(root)
        self.macros: set[str] = set()

    def macro(self, fn, name: str | None = None):
        self.macros.add(name or fn.__name__)
        return fn

    def filter(self, fn, name: str | None = None):
        return fn


def known_macros(root: Path, lang: str) -> set[str]:
    """The names pages may use."""
    from helpcenter import macros
    collector = _MacroCollector(root, lang)
    macros.define_env(collector)
    return collector.macros | set(collector.variables)


def registry_ids(registry: Registry, root: Path, lang: str) -> dict[str, set[str]]:
    ids = {macro: set(registry.ids(key)) for macro, key in REGISTRY_IDS.items()}
    ids["ui"] = set(registry.ui_paths)
    # A derived edition's pages use its source language's reusables (helpcenter/macros.py).
    folder = root / "reusables" / (Layout.load().language(lang).derive_from or lang)
    ids["reusable"] = {p.stem for p in folder.glob("*.md")} if folder.is_dir() else set()
    return ids


def _yaml(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = datafile.plain_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name}: expected a mapping at the top")
    return data


def rule_config(root: Path, names: set[str]) -> dict:
    """data/content-rules.yml, checked: severity per rule name, pages pending, CJK languages."""
    data = _yaml(root / CONFIG)
    unknown = set(data) - set(CONFIG_KEYS)
    if unknown:
        raise ConfigError(f"{CONFIG}: unknown key(s) {sorted(unknown)}; expected {', '.join(CONFIG_KEYS)}")
    # YAML 1.1 reads a bare `off` as false.
    severity = {name: "off" if level is False else level for name, level in (data.get("severity") or {}).items()}
    for name, level in severity.items():
        if name not in names:
            raise ConfigError(f"{CONFIG}: severity.{name}: no rule has this name; expected one of {', '.join(sorted(names))}")
        if level not in LEVELS:
            raise ConfigError(f"{CONFIG}: severity.{name}: got {level!r}; expected one of {', '.join(LEVELS)}")
    edges = data.get("macro_edges") or {}
    if not isinstance(edges, dict) or not all(isinstance(v, dict) for v in edges.values()):
        raise ConfigError(f"{CONFIG}: macro_edges: expected a mapping of language to {{macro: edges}}")
    never_ask = data.get("never_ask_box")
    if never_ask is not None and (not isinstance(never_ask, dict) or set(never_ask) - {"sections", "tags"}):
        raise ConfigError(f"{CONFIG}: never_ask_box: expected {{sections: [...], tags: [...]}}")
    return {"severity": severity, "playbook_pending": set(data.get("playbook_pending") or []),
            "macro_edges": edges,
            "never_ask_box": None if never_ask is None else {k: set(v or []) for k, v in never_ask.items()}}


def outside_sites(root: Path) -> set[str]:
    data = _yaml(root / OUTSIDE_SITES)
    hosts = set()
    for i, site in enumerate(data.get("sites") or []):
        host = site.get("host") if isinstance(site, dict) else None
        if not isinstance(host, str) or not reg.HOSTNAME.match(host) or not site.get("why"):
            raise ConfigError(f"{OUTSIDE_SITES}: sites[{i}]: expected host (a lowercase host name) and why "
                              "(who runs it, and why readers are sent there)")
        hosts.add(host)
    return hosts


def registry_hosts(registry: Registry) -> set[str]:
    """The registry's own domains, and the hosts of the URLs it lists (stores, profiles, authorities, policies)."""
    hosts = set(registry.domain_names)
    for key in ("apps", "social", "authorities", "policies"):
        for item in getattr(registry, key):
            if item.url:
                hosts.add(urlsplit(item.url).hostname or "")
    return hosts - {""}


def build(root: Path, today: dt.date, rule_names: set[str], langs: list[str]) -> tuple[Context, dict]:
    # The same load the macros read (reg.model: once per file version).
    registry = reg.model(reg.configured_path(root))
    layout = Layout.load()
    tags = set(datafile.plain_load((root / "data" / "tags.yml").read_text(encoding="utf-8")) or [])
    macro_names = known_macros(root, langs[0])
    config = rule_config(root, rule_names)
    ctx = Context(
        root=root, today=today, registry=registry, brand=registry.brand.name, tags=tags,
        macro_names=macro_names, ids={lang: registry_ids(registry, root, lang) for lang in langs},
        phone_authorities={a.id for a in registry.authorities if a.phone is not None},
        playbook_pending=config["playbook_pending"],
        allowed_hosts=registry_hosts(registry) | outside_sites(root),
        # The typography of each language is a language fact (data/languages.yml typography); a
        # derived edition prints what its source's macros print.
        cjk_langs={code for code in langs if layout.language(code).cjk},
        macro_edges={code: config["macro_edges"].get(code) or config["macro_edges"].get(
            layout.language(code).derive_from or "") or {} for code in langs},
        never_ask_box=config["never_ask_box"])
    return ctx, config["severity"]
