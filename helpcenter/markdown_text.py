"""Registry values written into Markdown as text, and on-screen paths as words.

Shared by the macros (helpcenter/macros.py), the product model's texts (helpcenter/product.py)
and the playbook's plain text (helpcenter/playbook.py); a module of its own so that none of them
imports another to get these.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters that mean something to Python-Markdown or its extensions here (code, emphasis, links,
# tables, attr_list, tilde/caret) or to HTML. A registry value is text: each becomes a character
# reference, which Markdown leaves alone and the browser shows as the character itself.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>&|{}~^]")


def md_text(value) -> str:
    """A registry value as literal text in Markdown (and so in HTML): never markup."""
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", str(value))


def md_tree(value):
    """md_text() applied to every string in a list or dict (a ui path, a {do: ...} step)."""
    if isinstance(value, list):
        return [md_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: md_tree(v) for k, v in value.items()}
    return md_text(value)


def md_code(value) -> str:
    """A registry value as a Markdown code span that no backtick in it can close early."""
    text = str(value).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_url(url: str) -> str:
    """A URL for a Markdown link target: parentheses, spaces and angle brackets percent-encoded."""
    return quote(url, safe="-._~:/?#[]@!$&'*+,;=%")


def md_link(text, url: str) -> str:
    return f"[{md_text(text)}]({md_url(url)})"


def ui_words(steps: list, screens: list, words: dict, verb: str = "tap") -> str:
    """Words for an on-screen path in one language (see ui() in define_env). `words`: that
    language's data/ui.yml ui_path (how a label is marked, what joins the steps, the verbs)."""
    screen = None
    if steps and isinstance(steps[0], str) and steps[0] in screens:
        screen, steps = steps[0], steps[1:]
    groups: list[tuple[str, list]] = []   # runs of labels to tap, and actions in words
    for step in steps:
        if isinstance(step, dict):
            groups.append(("do", [step["do"]]))
        elif groups and groups[-1][0] == "tap":
            groups[-1][1].append(step)
        else:
            groups.append(("tap", [step]))
    out = ""
    for i, (kind, items) in enumerate(groups):
        text = items[0] if kind == "do" else words["between"].join(words["label"].format(label=s) for s in items)
        if not i:
            out = text
        elif kind == "do":
            out += words["then_do"].format(action=text)
        else:
            out += words["then_tap"].format(verb=words[verb], labels=text)
    if screen:
        out = words["on_screen"].format(path=out, screen=screen, screen_lc=screen[0].lower() + screen[1:])
    return out
