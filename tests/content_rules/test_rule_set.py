"""The rule set itself: every rule module is registered, each rule is a complete record with a
name no other rule uses, and each has its own test module here."""

from __future__ import annotations

import pkgutil
from pathlib import Path

from helpcenter.content_rules import rules as package
from helpcenter.content_rules.model import LEVELS
from helpcenter.content_rules.rules import RULES

HERE = Path(__file__).parent


def test_every_rule_module_is_registered_once():
    modules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    registered = [rule.page or rule.snippet or rule.pages for rule in RULES]
    assert sorted(fn.__module__.rsplit(".", 1)[-1] for fn in registered) == sorted(modules)


def test_each_rule_is_a_complete_record_with_unique_names():
    names = [name for rule in RULES for name in rule.names]
    assert len(names) == len(set(names)), names
    for rule in RULES:
        assert rule.names and rule.description.endswith(".") and rule.severity in LEVELS, rule.names
        assert rule.page or rule.snippet or rule.pages, rule.names


def test_each_rule_has_its_test_module():
    modules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    missing = [m for m in modules if not (HERE / f"test_{m}.py").is_file()]
    assert not missing, missing
