"""playbook-steps-typed: emergency steps live in data/playbook.yml and reach pages only through
{{ playbook("case") }}. Typed by hand, two pages drifted into opposite orders (freeze first, or
move assets first?). A numbered item that freezes the account, moves assets to a new wallet or
stops a bank payment is such a step. Pages listed under playbook_pending in
data/content-rules.yml get warnings while their owner moves them."""

from __future__ import annotations

import re

from helpcenter.content_rules.common import MACRO
from helpcenter.content_rules.model import Context, Finding, Page, Rule

EMERGENCY_STEP = re.compile(r"冻结账户|紧急冻结|新钱包|紧急止付|\bfreez(?:e|ing) (?:your |the )?account\b|"
                            r"\bnew wallet\b|\bstop-?payment\b", re.I)
EMERGENCY_UI = re.compile(r"\bui\(\s*[\"'](?:freeze-account|create-wallet)[\"']\s*\)")
NUMBERED_ITEM = re.compile(r"^\s*\d+[.)]\s")


def check(page: Page, ctx: Context):
    level = "warning" if page.rel in ctx.playbook_pending else "error"
    for n, raw in page.numbered():
        if n in page.code_lines or n in page.fence_lines or not NUMBERED_ITEM.match(raw):
            continue
        if EMERGENCY_STEP.search(MACRO.sub(" ", raw)) or EMERGENCY_UI.search(raw):
            yield Finding(page.path, n, "playbook-steps-typed",
                          "an emergency step (freeze the account, move assets to a new wallet, stop a "
                          "payment) is typed by hand; expected {{ playbook(\"case-id\") }} from "
                          "data/playbook.yml, so every page gives the same steps in the same order", level=level)


RULE = Rule(("playbook-steps-typed",), "Emergency steps come from data/playbook.yml, never typed as a numbered list.",
            page=check)
