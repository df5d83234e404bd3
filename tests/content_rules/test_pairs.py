"""translation-missing / id-pairs / *-parity: pages compared across languages."""

from pathlib import Path

from helpcenter.content_rules import run
from helpcenter.content_rules.rules.pairs import RULE
from tests.helpers.rules import CTX, page

ZH = "## 怎样？ {#how}\n\n见[渠道](../contact/contact-channels.md)。\n\n!!! warning\n\n    小心。\n\n{{ reusable(\"never-ask\") }}\n"
EN = ("## How? {#how}\n\nSee the [channels](../contact/contact-channels.md).\n\n!!! warning\n\n    Careful.\n\n"
      "{{ reusable(\"never-ask\") }}\n")


def findings(zh: str | None, en: str | None, reusables=({"a.md"}, {"a.md"})):
    docs = {"zh": {}, "en": {}}
    if zh is not None:
        docs["zh"]["account/sample.md"] = page(zh, "zh")
    if en is not None:
        docs["en"]["account/sample.md"] = page(en, "en")
    on_disk = {lang: set(docs[lang]) for lang in docs}
    corpus = {"docs": (docs, on_disk), "reusables": ({}, {"zh": set(reusables[0]), "en": set(reusables[1])})}
    return [(f.rule, Path(f.path).as_posix()) for f in run([RULE], CTX, [], [], corpus)]


def test_a_matching_pair_passes():
    assert findings(ZH, EN) == []


def test_each_difference_fails():
    assert findings(ZH, None) == [("translation-missing", "docs/zh/account/sample.md")]
    assert [r for r, _ in findings(ZH, EN.replace("{#how}", "{#why}"))] == ["anchor-parity"]
    assert [r for r, _ in findings(ZH, EN.replace("!!! warning", "!!! danger"))] == ["admonition-parity"]
    assert [r for r, _ in findings(ZH, EN.replace("contact-channels.md", "phone-hotline.md"))] == ["link-parity"]
    assert [r for r, _ in findings(ZH, EN.replace('reusable("never-ask")', 'reusable("other")'))] == ["reusable-parity"]
    assert findings(ZH, EN, ({"a.md", "b.md"}, {"a.md"})) == [("translation-missing", "reusables/zh/b.md")]


def test_a_reference_link_counts_as_the_same_link():
    en = EN.replace("[channels](../contact/contact-channels.md)", "[channels][c]") + "\n[c]: ../contact/contact-channels.md\n"
    assert findings(ZH, en) == []
