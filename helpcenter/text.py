"""Text utilities shared by the content rules, the search engine and the tests."""

from __future__ import annotations

import re

# Han ideographs as Chinese text uses them: Extension A and the URO (U+3400-9FFF, with the
# hexagram block between them), and the compatibility block (some input methods produce those
# forms). The one place for it: the search index carries it to core.js and the worker
# (helpcenter/search/index.py), the agent console gets it from its page.
HAN_RANGES = "\u3400-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_RANGES}]")
# A run of Chinese text with its full-width punctuation and forms (what an input method commits).
CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")


def has_han(text: str) -> bool:
    return bool(HAN.search(text))
