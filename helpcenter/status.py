"""Service status and announcements (data/status.yml): validated on load, rendered on the
service-status page by a macro, and exposed to the templates for the site-wide banner.

The banner lives in overrides/main.html, which macros cannot reach (they only render Markdown),
so the current announcements are handed over through `config.extra.status_banner`.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from helpcenter import datafile, datakeys, localized, project
from helpcenter import ui as ui_strings
from helpcenter.layout import Layout
from helpcenter.registry import ID  # the same kebab-case ids as the registry

LAYOUT = Layout.load()
LANGS = LAYOUT.codes
DEFAULT_PATH = Path("data/status.yml")   # in the project folder (helpcenter/project.py)
PATH_ENV = "OKPAY_STATUS_FILE"
# Pins "today" so that a build (and a test) decides what is current without the wall clock.
TODAY_ENV = "OKPAY_STATUS_TODAY"
SEVERITIES = {"info": "info", "warning": "warning", "critical": "danger"}   # -> admonition type
STATUS_PAGE = "contact/service-status/"


class StatusError(ValueError):
    """A status entry is missing or malformed; the message names file and field."""


def _fail(path: Path, field: str, problem: str, expected: str) -> StatusError:
    return StatusError(f"{path}: field '{field}': {datafile.clip(problem, 300)}; expected {expected}")


def load(path: Path | str = DEFAULT_PATH) -> list[dict]:
    """Parse and validate the announcements, newest first."""
    path = project.path(path)
    try:
        data = localized.load(path, datakeys.STATUS)
    except FileNotFoundError:
        raise StatusError(f"{path}: file not found; expected the status announcements here") from None
    except datafile.DataFileError as exc:
        raise StatusError(str(exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("announcements", []), list):
        raise _fail(path, "announcements", "missing or not a list", "a list of announcements (it may be empty)")
    items, seen = [], set()
    for i, item in enumerate(data.get("announcements") or []):
        field = f"announcements[{i}]"
        if not isinstance(item, dict):
            raise _fail(path, field, f"got {item!r}", "a mapping with id, severity, start, title, text")
        ident = item.get("id")
        if not isinstance(ident, str) or not ID.match(ident):
            raise _fail(path, f"{field}.id", f"got {ident!r}", "lowercase kebab-case like 'bank-delays-2026-11'")
        if ident in seen:
            raise _fail(path, f"{field}.id", f"duplicate id {ident!r}", "ids unique in the file")
        seen.add(ident)
        if item.get("severity") not in SEVERITIES:
            raise _fail(path, f"{field}.severity", f"got {item.get('severity')!r}", " | ".join(SEVERITIES))
        for key in ("start", "end"):
            value = item.get(key)
            if key == "end" and value is None:
                continue
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise _fail(path, f"{field}.{key}", "missing" if value is None else f"got {value!r}",
                            "a date written YYYY-MM-DD")
        if item.get("end") and item["end"] < item["start"]:
            raise _fail(path, f"{field}.end", f"{item['end']} is before start {item['start']}", "end on or after start")
        if "active" in item and not isinstance(item["active"], bool):
            raise _fail(path, f"{field}.active", f"got {item['active']!r}", "true or false")
        for key in ("title", "text"):
            value = item.get(key)
            if isinstance(value, dict):
                value = item[key] = localized.derived_values(value)
            for lang in LANGS:
                if not isinstance(value, dict) or not isinstance(value.get(lang), str) or not value[lang].strip():
                    raise _fail(path, f"{field}.{key}.{lang}", "missing", f"text in {lang}")
            if set(value) - set(LANGS):
                raise _fail(path, f"{field}.{key}", f"unknown language(s) {sorted(set(value) - set(LANGS))}",
                            f"only {LANGS}")
        items.append(item)
    return sorted(items, key=lambda a: a["start"], reverse=True)


def today() -> dt.date:
    pinned = os.environ.get(TODAY_ENV)
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise StatusError(f"{TODAY_ENV}={pinned!r}: expected a date written YYYY-MM-DD") from None


def is_current(item: dict, on: dt.date) -> bool:
    if "active" in item:
        return item["active"]
    return item["start"] <= on and (item.get("end") is None or on <= item["end"])


def is_upcoming(item: dict, on: dt.date) -> bool:
    """Announced in advance (scheduled maintenance): listed with the current ones, no banner yet."""
    return "active" not in item and item["start"] > on


def format_date(day: dt.date, lang: str) -> str:
    return LAYOUT.language(lang).long_date(day)


def period(item: dict, lang: str) -> str:
    """When an announcement applies, in words (data/ui.yml status_since, status_from_to)."""
    start, end = item["start"], item.get("end")
    ui = ui_strings.load()
    if end is None:
        return ui["status_since"][lang].format(start=format_date(start, lang))
    if end == start:
        return format_date(start, lang)
    return ui["status_from_to"][lang].format(start=format_date(start, lang), end=format_date(end, lang))


def strings() -> dict:
    """The page's and banner's words (data/ui.yml), each in every site language."""
    ui = ui_strings.load()
    return {"none": ui["status_none"], "no-past": ui["status_no_past"], "upcoming": ui["status_upcoming"],
            "details": ui["status_details"],
            "severity": {"info": ui["status_notice"], "warning": ui["status_delay"], "critical": ui["status_outage"]}}


def _admonition(item: dict, lang: str, upcoming: bool = False) -> str:
    kind = SEVERITIES[item["severity"]]
    label = strings()["upcoming"][lang] if upcoming else strings()["severity"][item["severity"]][lang]
    sep = LAYOUT.language(lang).colon
    title = item["title"][lang].replace('"', "'")
    text = item["text"][lang].strip().replace("\n", "\n    ")   # stays inside the admonition
    return (f'<span id="{item["id"]}"></span>\n\n!!! {kind} "{label}{sep}{title}"\n\n'
            f"    **{period(item, lang)}**\n\n    {text}\n")


def by_severity(items) -> list[dict]:
    """Most severe first (an outage must not sit under a routine notice); stable, so newest first
    within a severity."""
    rank = list(SEVERITIES)[::-1]
    return sorted(items, key=lambda a: rank.index(a["severity"]))


def render(items: list[dict], lang: str, which: str, on: dt.date) -> str:
    """For the status page: which='current' gives what applies now, then what is scheduled;
    which='past' what has ended."""
    if which == "current":
        now = [_admonition(a, lang) for a in by_severity(a for a in items if is_current(a, on))]
        later = [_admonition(a, lang, upcoming=True) for a in reversed(items) if is_upcoming(a, on)]
        return "\n".join(now + later) if now or later else strings()["none"][lang]
    past = [_admonition(a, lang) for a in items if not is_current(a, on) and not is_upcoming(a, on)]
    return "\n".join(past) if past else strings()["no-past"][lang]


def banner(items: list[dict], on: dt.date) -> list[dict]:
    """What the templates show on every page: the current announcements, both languages."""
    current = by_severity(a for a in items if is_current(a, on))
    return [{"id": a["id"], "severity": a["severity"], "title": a["title"],
             "label": strings()["severity"][a["severity"]], "details": strings()["details"],
             "page": {lang: LAYOUT.page_url(lang, STATUS_PAGE) for lang in LANGS},
             # the offline copy (use_directory_urls: false) names pages contact/service-status.html
             "page_file": {lang: LAYOUT.page_url(lang, STATUS_PAGE)[:-1] + ".html" for lang in LANGS}}
            for a in current]


def register(env, lang) -> None:
    """Called from helpcenter/macros.py's define_env: the macro and the banner data."""
    path = Path(os.environ.get(PATH_ENV, DEFAULT_PATH))
    try:
        items, on = load(path), today()
    except StatusError as exc:
        raise PluginError(str(exc)) from None
    env.conf["extra"]["status_banner"] = banner(items, on)

    @env.macro
    def service_status(which: str = "current") -> str:
        if which not in ("current", "past"):
            raise PluginError(f"{env.page.file.src_path}: service_status({which!r}); expected 'current' or 'past'")
        return render(items, lang(), which, on)
