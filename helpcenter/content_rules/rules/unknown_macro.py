"""unknown-macro / unknown-id: `{{ phonee(...) }}` or `{{ phone("mars") }}` would fail inside the
page's rendering; say so before the build, with the names that do exist."""

from __future__ import annotations

import re

from helpcenter.content_rules.model import Context, Finding, Page, Rule

MACRO_NAME = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)")
MACRO_WITH_ID = re.compile(r"\{\{-?\s*(\w+)\(\s*[\"']([^\"']+)[\"']")


def check(page: Page, ctx: Context):
    ids = ctx.ids.get(page.lang, {})
    for n, line in page.numbered():
        for name in MACRO_NAME.findall(line):
            if name not in ctx.macro_names:
                yield Finding(page.path, n, "unknown-macro",
                              f"no macro or value named {name!r}; expected one of the macros in "
                              f"CONTRIBUTING.md ({', '.join(sorted(ctx.macro_names)[:8])}, ...)")
        for name, ident in MACRO_WITH_ID.findall(line):
            if name in ids and ident not in ids[name]:
                where = "reusables/" + page.lang if name == "reusable" else "data/registry.yml"
                yield Finding(page.path, n, "unknown-id",
                              f"{name}({ident!r}): no such id in {where}; expected one of: "
                              f"{', '.join(sorted(x for x in ids[name] if x))}")


RULE = Rule(("unknown-macro", "unknown-id"), "Every macro a page calls exists, and every id it passes is in the "
            "registry (or reusables/<lang>/).", page=check)
