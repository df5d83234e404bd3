"""The shared runner of the per-rule tests (tests/content_rules/): a rule applied to a page or a
data text given as a string, with a fixed Context. Pure: no project file is read, no site built."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from helpcenter.content_rules import Context, Finding, Rule, Snippet, run
from helpcenter.content_rules.markdown import parse_text

TODAY = dt.date(2026, 11, 23)
CTX = Context(
    root=Path("."), today=TODAY, registry={}, brand="OKPay", tags={"account", "password", "scams"},
    macro_names={"app_name", "brand", "ui", "phone", "email", "domain", "authority", "reusable", "playbook"},
    ids={lang: {"ui": {"profile", "forgot-password"}, "phone": {"global"}, "email": {"support"},
                "domain": {"website"}, "authority": {"cn-antifraud", "us-ftc"}, "reusable": {"never-ask"}}
         for lang in ("zh", "en")},
    phone_authorities={"cn-antifraud"}, playbook_pending={"scams/pending.md"},
    allowed_hosts={"okpay.example.com", "help.okpay.example.com", "ic3.gov", "apps.apple.com"},
    cjk_langs={"zh"}, macro_edges={"zh": {"ui": "「」", "app_name": "X 汉", "authority": "汉"}})
FRONT = {
    "zh": "---\nid: {id}\ntitle: 标题\ndescription: 说明。\ntags: [account]\nreviewed: 2026-11-20\n---\n",
    "en": "---\nid: {id}\ntitle: Title\ndescription: A description.\ntags: [account]\nreviewed: 2026-11-20\n---\n",
}


def page(body: str, lang: str = "en", rel: str = "account/sample.md", *, front: str | None = None, reusable: bool = False):
    """A page from a body (dedented); front matter is added unless `front` is given or it is a reusable."""
    body = textwrap.dedent(body)
    if not reusable:
        body = (front if front is not None else FRONT[lang].format(id=Path(rel).stem)) + body
    parsed, problems = parse_text(body, lang, rel, Path("docs") / lang / rel, reusable=reusable)
    assert parsed is not None, problems
    return parsed


def check(rule: Rule, body: str = "", lang: str = "en", rel: str = "account/sample.md", **kw) -> list[Finding]:
    """The rule's findings on one page (kinds the rule does not check give none)."""
    return run([rule], CTX, [page(body, lang, rel, **kw)], [], None)


def check_text(rule: Rule, text: str, source: str = "status", lang: str | None = "zh", field: str = "title") -> list[Finding]:
    """The rule's findings on one data text."""
    return run([rule], CTX, [], [Snippet(Path(f"data/{source}.yml"), 3, lang, text, source, field)], None)


def names(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]
