"""A registry time (typical_times) in words: 1 到 3 个工作日 / 1–3 business days / within 10 minutes.

One wording for the macros (typical_time) and the playbook's {time:<id>}, pages and plain text
alike; the words themselves are data/ui.yml's (time_units_one, time_units_other, time_range,
time_within), passed in as `words(key)` for the language being rendered.
"""

from __future__ import annotations

from collections.abc import Callable

PARTS = ("range", "max")


def duration(n, unit: str, words: Callable[[str], dict | str], plural: bool = False) -> str:
    """3 个工作日 / 3 business days; `plural` when it follows a range (1–3 business days)."""
    forms = words("time_units_other" if plural or n != 1 else "time_units_one")
    return forms[unit].format(n=f"{n:g}")


def worded(item: dict, words: Callable[[str], dict | str], part: str = "range") -> str:
    """A typical_times record (helpcenter/registry_model.py): its range (or "within" its maximum), or with part="max" the maximum alone."""
    top, low, unit = item.max, item.min, item.unit
    if part == "max":
        return duration(top, unit, words)
    if low is not None:
        return words("time_range").format(low=f"{low:g}", high=duration(top, unit, words, plural=True))
    return words("time_within").format(time=duration(top, unit, words))
