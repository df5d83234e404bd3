"""Text utilities shared by the content rules, the search engine and the tests."""

from __future__ import annotations

import re

# Han ideographs as Chinese text uses them: the URO, Extension A, and the compatibility block
# (some input methods produce those forms).
HAN_RANGES = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
HAN = re.compile(f"[{HAN_RANGES}]")


def has_han(text: str) -> bool:
    return bool(HAN.search(text))
