"""The incident playbook (data/playbook.yml): validated on load, rendered into pages by macros.

One source for every emergency step, so no two pages can give a frightened customer a different
order again. Writers call `{{ playbook("phrase-shared") }}` (one case as a numbered list),
`{{ playbook_freezing() }}` (what a freeze does to each kind of asset, from the registry) and, on
scams/emergency-guide only, `{{ emergency_guide() }}`. Placeholders in the steps are resolved with
the same macros pages use, so a value is still typed only once, in data/registry.yml.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path

from helpcenter import datafile, datakeys, durations, localized, project
from helpcenter import registry as reg
from helpcenter.registry_model import Registry

DEFAULT_PATH = Path("data/playbook.yml")   # in the project folder (helpcenter/project.py)
SHOWN_PATH = str(DEFAULT_PATH)
PATH_ENV = "OKPAY_PLAYBOOK"
# Routed by what was shared or done: the first matching case is the one to open, so a phrase read
# out to "support" finds the phrase case before the call case.
# "I see a transaction I didn't make" comes after every case where the customer knows what they
# shared or did (those say more about what to do first), and before the call and frozen cases.
CASES = ("phrase-shared", "sent-bank-transfer", "paid-from-okpay", "sent-crypto", "approval-drained",
         "password-or-code-shared", "screen-sharing-app", "lost-phone-or-sim", "lost-phone-only-device",
         "unknown-transaction", "contacted-by-support", "account-frozen")
PLACEHOLDER = re.compile(r"\{(\w+)(?::([^{}\s]+))?\}")
# Placeholder kind -> the registry list (or mapping) its id must be in; None: takes no id.
KINDS = {"ui": "ui_paths", "authority": "authorities", "email": "emails", "phone": "hotlines",
         "feature": "features", "notice": "features", "time": "typical_times", "page": None, "brand": None, "app": None, "txid": None,
         "authorities": None, "unfreeze": None, "hold": None, "sessions": None, "lock": None}
# Kinds that take an id although their list is not a top-level registry key.
ID_KINDS = {"page"}
GUIDE_STRINGS = ("heading", "legend", "show-all", "status-start", "status-shown", "status-all")
# Words the product-model and authority macros print around registry values (helpcenter/product.py).
LABELS = ("asset", "held", "controlled", "when-frozen", "unfreeze-time", "set-at", "colon", "list-sep",
          "open", "close", "local-police", "lock-first", "name-end", "lift-lead")
HOLDERS = ("okpay", "self", "bank")
GUIDE_SCRIPT = "assets/javascripts/emergency-guide.js"
GUIDE_PAGE = "scams/emergency-guide.md"


class PlaybookError(ValueError):
    """data/playbook.yml is malformed; the message names the file, the case and the field."""


def _texts(node, where: str, fail, *, lists: bool = False) -> None:
    """node holds non-empty zh and en (strings, or lists of strings when lists is set)."""
    if not isinstance(node, dict):
        fail(where, f"got {node!r}; expected zh and en")
    node.update(localized.derived_values(node))   # a derived edition's text from its source's
    for lang in reg.LANGS:
        value = node.get(lang)
        if lists:
            ok = isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)
        else:
            ok = isinstance(value, str) and value.strip()
        if not ok:
            fail(where, f"missing {lang}; expected {'a list of texts' if lists else 'text'} in zh and en")


def _check_placeholders(text: str, where: str, fail, registry: Registry | None) -> None:
    for m in PLACEHOLDER.finditer(text):
        kind, ident = m.group(1), m.group(2)
        if kind not in KINDS:
            fail(where, f"unknown placeholder {m.group(0)!r}; expected one of: "
                 + ", ".join("{" + k + (":<id>}" if KINDS[k] or k in ID_KINDS else "}") for k in KINDS))
        needs_id = KINDS[kind] is not None or kind in ID_KINDS
        if needs_id and not ident:
            fail(where, f"placeholder {m.group(0)!r} needs an id, e.g. {{{kind}:...}}")
        if not needs_id and ident:
            fail(where, f"placeholder {m.group(0)!r} takes no id; write {{{kind}}}")
        if kind == "page" and not ident.split("#")[0].endswith(".md"):
            fail(where, f"placeholder {m.group(0)!r}: expected a page path like contact/contact-channels.md")
        if registry is not None and KINDS[kind]:
            known = registry.product.features if KINDS[kind] == "features" else getattr(registry, KINDS[kind])
            if kind == "notice":   # only a feature the app shows words for
                known = [item for item in known if item.notice is not None]
            ids = list(known) if isinstance(known, dict) else [item.id for item in known]
            if ident not in ids:
                fail(where, f"placeholder {m.group(0)!r}: no {KINDS[kind]} id {ident!r} in the registry; "
                     f"expected one of: {', '.join(ids)}")


def validate(data, registry: Registry | None = None, shown: str = SHOWN_PATH) -> dict:
    """The playbook, checked; raises PlaybookError naming the case and the field."""
    def fail(where: str, message: str):
        raise PlaybookError(f"{shown}: {where}: {datafile.clip(message, 300)}")

    if not isinstance(data, dict) or not isinstance(data.get("cases"), dict):
        fail("top level", "expected a mapping with 'cases', 'labels' and 'guide'")
    cases = data["cases"]
    for ident in CASES:
        if ident not in cases:
            fail(f"case '{ident}'", "missing; every page that routes by what happened expects it")
    for ident, case in cases.items():
        here = f"case '{ident}'"
        if ident not in CASES:
            fail(here, f"unknown case; expected one of: {', '.join(CASES)}")
        if not isinstance(case, dict):
            fail(here, "expected 'title' and 'steps'")
        _texts(case.get("title"), f"{here}, field 'title'", fail)
        steps = case.get("steps")
        if not isinstance(steps, list) or not steps:
            fail(f"{here}, field 'steps'", "empty; expected at least one step, in zh and en")
        for i, step in enumerate(steps, start=1):
            _texts(step, f"{here}, field 'steps[{i}]'", fail)
            for lang in reg.LANGS:
                _check_placeholders(step[lang], f"{here}, field 'steps[{i}].{lang}'", fail, registry)
        if "note" in case:
            _texts(case["note"], f"{here}, field 'note'", fail)
            for lang in reg.LANGS:
                _check_placeholders(case["note"][lang], f"{here}, field 'note.{lang}'", fail, registry)
        for lang in reg.LANGS:
            for text in [case["title"][lang]]:
                if any(m.group(0) != "{brand}" for m in PLACEHOLDER.finditer(text)):
                    fail(f"{here}, field 'title.{lang}'", "titles are plain text; expected no placeholder but {brand}")
    labels = data.get("labels")
    for key in LABELS:
        _texts(labels.get(key) if isinstance(labels, dict) else None, f"labels, field '{key}'", fail)
    for key in HOLDERS:
        held = labels.get("held_by") if isinstance(labels, dict) else None
        _texts(held.get(key) if isinstance(held, dict) else None, f"labels, field 'held_by.{key}'", fail)
    guide = data.get("guide")
    for key in GUIDE_STRINGS:
        _texts(guide.get(key) if isinstance(guide, dict) else None, f"guide, field '{key}'", fail)
    return data


def load(path: Path = DEFAULT_PATH, registry: Registry | None = None) -> dict:
    shown = SHOWN_PATH if project.path(path) == project.path(DEFAULT_PATH) else str(path)
    path = project.path(path)
    try:
        data = localized.load(path, datakeys.PLAYBOOK)
    except FileNotFoundError:
        raise PlaybookError(f"{shown}: file not found; expected the incident playbook here") from None
    except datafile.DataFileError as exc:
        raise PlaybookError(str(exc).replace(str(path), shown, 1)) from None
    return validate(data, registry, shown)


# ---- plain text: what a reader sees, for tests and for the guide's status line ----------------

def plain(text: str, lang: str, registry: Registry, labels: dict | None = None) -> str:
    """A step as the reader sees it on the page: placeholders resolved, Markdown marks removed."""
    from helpcenter import ui as ui_strings
    from helpcenter.markdown_text import ui_words  # one wording for pages and for this plain text
    from helpcenter.product import ProductText
    strings = ui_strings.load()
    path_words = strings["ui_path"][lang]

    def ui(ident):
        return ui_words(registry.ui_paths[ident][lang], registry.ui_screens[lang], path_words)
    product = ProductText(registry, labels or {}, lang, ui)

    def sub(m):
        kind, ident = m.group(1), m.group(2)
        if kind == "ui":
            return ui(ident)
        if kind == "authority":
            return product.authority(next(a for a in registry.authorities if a.id == ident))
        if kind == "authorities":
            return "\n" + product.authorities_by_region()
        if kind in ("unfreeze", "hold", "sessions", "lock"):
            return product.sentence(kind)
        if kind == "feature":
            return product.feature(ident).name[lang]
        if kind == "notice":
            return product.notice(ident)
        if kind == "time":
            return durations.worded(next(t for t in registry.typical_times if t.id == ident),
                                    lambda key: strings[key][lang])
        if kind == "email":
            return next(e for e in registry.emails if e.id == ident).address
        if kind == "phone":
            return next(h for h in registry.hotlines if h.id == ident).number
        if kind == "brand":
            return registry.brand.name
        if kind == "app":
            return registry.brand.app[lang]
        if kind == "txid":
            return registry.transaction_id_example
        return ident   # page: only ever a link target, dropped with the link below
    text = PLACEHOLDER.sub(sub, text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*- ", " ", text, flags=re.M)
    return " ".join(text.replace("**", "").replace("\\", "").split())


def plain_steps(data: dict, case: str, lang: str, registry: Registry) -> list[str]:
    return [plain(step[lang], lang, registry, data.get("labels")) for step in data["cases"][case]["steps"]]


# ---- Markdown for pages ----------------------------------------------------------------------

class Renderer:
    """Renders playbook text for one page, resolving placeholders with the page's own macros."""

    def __init__(self, data: dict, macros: dict, lang: str, page_src: str, product=None):
        self.data, self.macros, self.lang, self.product = data, macros, lang, product
        # The page's folder inside its language tree, for relative links: "scams" for
        # zh/scams/if-scammed.md (folder structure) or scams/if-scammed.md.
        parts = page_src.split("/")
        if parts and parts[0] in reg.LANGS:
            parts = parts[1:]
        self.folder = "/".join(parts[:-1])

    def text(self, text: str) -> str:
        def sub(m):
            kind, ident = m.group(1), m.group(2)
            if kind == "ui":
                return self.macros["ui"](ident)
            if kind == "authority":
                return self.macros["authority"](ident)
            if kind == "authorities":
                # A nested list under the step: one line per served region.
                return "\n\n" + self.product.authorities_by_region(indent="    ") + "\n\n   "
            if kind in ("unfreeze", "hold", "sessions", "lock"):
                return self.product.sentence(kind)
            if kind == "feature":
                return f"**{self.product.feature(ident).name[self.lang]}**"
            if kind == "notice":
                return self.product.notice(ident)
            if kind == "time":
                return self.macros["typical_time"](ident)
            if kind == "email":
                return self.macros["email"](ident)
            if kind == "phone":
                return self.macros["phone"](ident)
            if kind == "brand":
                return self.macros["brand"]
            if kind == "app":
                return self.macros["app_name"]()
            if kind == "txid":
                return self.macros["txid_example"]()
            path, _, anchor = ident.partition("#")
            rel = posixpath.relpath(path, self.folder or ".")
            return rel + (f"#{anchor}" if anchor else "")
        return PLACEHOLDER.sub(sub, text)

    def title(self, ident: str) -> str:
        """A case's title as the reader sees it ({brand} is the one placeholder titles may hold)."""
        return self.data["cases"][ident]["title"][self.lang].replace("{brand}", self.macros["brand"])

    def case(self, ident: str) -> str:
        """One case as a numbered list (and its note), marked so tests can compare pages."""
        case = self.data["cases"][ident]
        steps = "\n".join(f"{i}. {self.text(step[self.lang])}" for i, step in enumerate(case["steps"], start=1))
        note = f"\n\n{self.text(case['note'][self.lang])}" if "note" in case else ""
        return (f'<div class="okp-playbook" data-playbook-case="{ident}" markdown="1">\n\n'
                f"{steps}{note}\n\n</div>")

    def menu(self, idents=()) -> str:
        """Each case's title (every case, or the ones named) as a link to its steps in the guide."""
        return "\n".join(f"- [{self.title(ident)}]({self.text('{page:' + GUIDE_PAGE + '#' + ident + '}')})"
                         for ident in (idents or self.data["cases"]))

    def freezing(self) -> str:
        """What a freeze does to each kind of asset, and how it is lifted (registry: product)."""
        return (f"{self.product.custody_table()}\n\n{self.product.sentence('sessions')}\n\n"
                f"{self.product.label('lift-lead')}{self.product.sentence('unfreeze')}")

    def guide(self, page_url: str) -> str:
        """The "what happened?" guide: every case in order (all visible without JavaScript),
        and buttons that show one case, enabled by emergency-guide.js."""
        from helpcenter.channel_checker import relative_to
        g = {key: value[self.lang] for key, value in self.data["guide"].items()}
        e = html.escape
        buttons = "".join(
            f'<li><button type="button" class="md-button" data-guide-show="{ident}" '
            f'aria-controls="case-{ident}" aria-expanded="false">{e(self.title(ident))}</button></li>'
            for ident in self.data["cases"])
        every = " ".join(f"case-{ident}" for ident in self.data["cases"])
        buttons += (f'<li><button type="button" class="md-button" data-guide-show="" '
                    f'aria-controls="{every}" aria-expanded="false">{e(g["show-all"])}</button></li>')
        # A real heading first: the theme's "skip to content" link and the table of contents point
        # at the first heading, which must be the choice, never a case.
        heading = f"## {g['heading']} {{#what-happened}}\n\n"
        head = (f'<div class="okp-guide" data-emergency-guide data-guide-heading="what-happened" data-search-exclude '
                f'data-status-shown="{e(g["status-shown"])}" data-status-all="{e(g["status-all"])}">'
                f'<fieldset class="okp-guide__choices" data-guide-choices hidden>'
                f'<legend>{e(g["legend"])}</legend><ul>{buttons}</ul></fieldset>'
                f'<p class="okp-guide__status" role="status" aria-live="polite" data-guide-status '
                f'data-status-start="{e(g["status-start"])}"></p></div>')
        sections = []
        for ident in self.data["cases"]:
            sections.append(
                f'<section class="okp-guide__case" id="case-{ident}" data-guide-case="{ident}" markdown="1">\n\n'
                f'## {self.title(ident)} {{#{ident}}}\n\n{self.case(ident)}\n\n</section>')
        script = f'<script src="{e(relative_to(page_url, GUIDE_SCRIPT))}"></script>'
        return heading + head + "\n\n" + "\n\n".join(sections) + "\n\n" + script


def register(env, registry: Registry, lang, home_region=lambda: None) -> None:
    """Adds the playbook macros to mkdocs-macros; a malformed playbook fails the build, named."""
    from mkdocs.exceptions import PluginError
    path = Path(os.environ.get(PATH_ENV, DEFAULT_PATH))   # tests build with a playbook they choose
    try:
        data = load(path, registry)
    except PlaybookError as exc:
        raise PluginError(str(exc)) from None

    from helpcenter import product
    product.register(env, registry, data["labels"], lang, lambda ident: env.macros["ui"](ident), home_region)

    def renderer() -> Renderer:
        page = env.page
        text = product.ProductText(registry, data["labels"], lang(), env.macros["ui"], home_region())
        return Renderer(data, {**env.macros, "brand": registry.brand.name}, lang(), page.file.src_uri, text)

    @env.macro
    def playbook(ident: str) -> str:
        """One emergency case's steps, numbered, in the page's language."""
        if ident not in data["cases"]:
            raise PluginError(f"{env.page.file.src_path}: playbook({ident!r}): unknown case; "
                              f"expected one of: {', '.join(data['cases'])}")
        return renderer().case(ident)

    @env.macro
    def playbook_menu(*idents: str) -> str:
        """"What happened?" as a list of links to the emergency guide: one per case, or one per
        case named (so a page listing some cases never retypes their titles)."""
        for ident in idents:
            if ident not in data["cases"]:
                raise PluginError(f"{env.page.file.src_path}: playbook_menu({ident!r}): unknown case; "
                                  f"expected one of: {', '.join(data['cases'])}")
        return renderer().menu(idents)

    @env.macro
    def playbook_freezing() -> str:
        """What a freeze does to each kind of asset (registry: product), and how it is lifted."""
        return renderer().freezing()

    @env.macro
    def emergency_guide() -> str:
        """The interactive "what happened?" guide (scams/emergency-guide only)."""
        return renderer().guide(env.page.url)
