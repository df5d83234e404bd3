"""unsafe-html: nothing typed into content can run, in any source."""

from __future__ import annotations

import itertools

import pytest

from helpcenter.content_rules.rules.unsafe_html import RULE
from tests.helpers.rules import check, check_text, names

UNSAFE = [
    "<script>alert(1)</script>", "<SCRIPT src=x.js></SCRIPT>", "<script\ntype=module>x()</script>",
    '<iframe src="https://evil.example"></iframe>', "<object data=x></object>", "<embed src=x>",
    '<img src=x onerror="alert(1)">', "<a href=# onclick=alert(1)>x</a>", '<div onmouseover="x()">x</div>',
    "<svg/onload=alert(1)>", "[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](java\tscript:alert(1))",
    '<a href="javascript:alert(1)">x</a>', '<a href="jav&#97;script:alert(1)">x</a>', "<javascript:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD4=)", '<a href="data:text/html,x">x</a>', "[x](vbscript:msgbox)",
    "[x][r]\n\n[r]: javascript:alert(1)", "＜script＞alert(1)＜/script＞", "<scr\u200bipt>alert(1)</script>",
    '<base href="https://evil.example/">', '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><input></form>',
]
SOURCES = ("article", "reusable", "status", "playbook", "registry", "ui", "channel-check", "tags", "nav")


def findings_in(source: str, text: str):
    if source == "article":
        return check(RULE, f"Text.\n\n{text}\n")
    if source == "reusable":
        return check(RULE, text + "\n", reusable=True)
    return check_text(RULE, text, source, "en")


@pytest.mark.parametrize("text, source", list(itertools.product(UNSAFE, SOURCES)))
def test_anything_that_runs_is_refused_in_every_source(text, source):
    assert "unsafe-html" in names(findings_in(source, text)), (text, source)


@pytest.mark.parametrize("text", [
    "Scripts, iframes and the word javascript are fine in prose; so is data: a colon after it.",
    '<div class="grid" markdown>\n\nText.\n\n</div>', "<kbd>Ctrl</kbd> + <kbd>C</kbd>",
    "```html\n<script>shown as code</script>\n```", "Use `<script>` tags in code only.",
    "[x](../scams/phishing.md) and [y](https://okpay.example.com/a)", "Online, once, only: words starting with on.",
])
def test_prose_code_and_plain_html_pass(text):
    assert check(RULE, text + "\n") == []


def test_the_nav_refuses_a_script_link():
    assert names(check_text(RULE, "javascript:alert(1)", "nav-target", None)) == ["unsafe-html"]
