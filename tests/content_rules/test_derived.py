"""derived-drift: the pages of a derived edition are what `helpcenter derive` makes of their source."""

from pathlib import Path

from helpcenter.content_rules import run
from helpcenter.content_rules.rules.derived import RULE
from tests.helpers.rules import CTX


def findings(derived):
    corpus = {"docs": ({}, {}), "reusables": ({}, {}), "derived": derived}
    return [(f.rule, Path(f.path).as_posix(), f.message) for f in run([RULE], CTX, [], [], corpus)]


def test_an_edition_in_step_passes():
    assert findings([]) == []


def test_each_drift_fails_and_says_how_to_fix_it():
    found = findings([(Path("docs/zh-hant/account/sample.md"), "differs from its source"),
                      (Path("docs/zh-hant/account/gone.md"), "has no source in docs/zh/")])
    assert [(rule, path) for rule, path, _ in found] == [("derived-drift", "docs/zh-hant/account/sample.md"),
                                                         ("derived-drift", "docs/zh-hant/account/gone.md")]
    assert all("run `helpcenter derive`" in message for _, _, message in found)
