"""unknown-macro / unknown-id."""

from helpcenter.content_rules.rules.unknown_macro import RULE
from tests.helpers.rules import check, names


def test_known_macros_and_ids_pass():
    assert check(RULE, 'Call {{ phone("global") }} or see {{ ui("profile") }}.\n') == []


def test_a_misspelled_macro_or_id_fails():
    assert names(check(RULE, 'Call {{ phonee("global") }}.\n')) == ["unknown-macro"]
    assert names(check(RULE, 'Call {{ phone("mars") }}.\n')) == ["unknown-id"]
    assert names(check(RULE, '{{ reusable("nope") }}\n', "zh")) == ["unknown-id"]
