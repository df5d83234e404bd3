"""The operator's product model (registry: product) and the fraud authorities (registry:
authorities), rendered into pages.

One place says what each kind of asset is, who holds it, what a freeze does to it, how a freeze is
lifted and which protective features exist; the glossary, protecting-your-money, account-locked
and the playbook all print them from here, so no two pages can disagree about what a freeze
protects again. Table headings are words of the page's language, kept in data/playbook.yml
(`labels`), not here.
"""

from __future__ import annotations

import re

from helpcenter.markdown_text import md_link, md_text, md_url
from helpcenter.registry_model import Feature, Registry

# The protective feature (registry: product.features) whose hold starts after a password, phone or
# two-step verification change; the playbook's {lock} and the lock_first() macro print its hours.
LOCK_FEATURE = "withdrawal-lock"


class ProductText:
    """Registry product and authority text for one page language."""

    def __init__(self, data: Registry, labels: dict, lang: str, ui, home_region: str | None = None):
        self.data, self.labels, self.lang, self.ui = data, labels, lang, ui
        self.home_region = home_region   # listed first: the region the edition's readers are in

    def label(self, key: str) -> str:
        return self.labels[key][self.lang]

    def fill(self, text: str, **values) -> str:
        """{brand}, {ui} and {hours} in a registry text (values are Markdown already); the rest is
        escaped as literal text."""
        values = {"brand": md_text(self.data.brand.name), **values}

        def part(m):
            key = m.group(1)
            return str(values[key]) if key in values else md_text(m.group(0))
        pieces = re.split(r"(\{\w+\})", text)
        return "".join(re.sub(r"^\{(\w+)\}$", part, p) if p.startswith("{") else md_text(p) for p in pieces)

    # ---- custody and freezing ----------------------------------------------------------------
    def custody_table(self) -> str:
        """Per kind of asset: who holds it, what controls it, what a freeze does to it."""
        holders = self.labels["held_by"]
        head = (f"| {self.label('asset')} | {self.label('held')} | {self.label('controlled')} "
                f"| {self.label('when-frozen')} |\n|---|---|---|---|")
        rows = [f"| {self.fill(a.name[self.lang])} | {self.fill(holders[a.held_by][self.lang])} "
                f"| {self.fill(a.controlled_by[self.lang])} | {self.fill(a.when_frozen[self.lang])} |"
                for a in self.data.product.assets]
        return "\n".join([head, *rows])

    def custody_summary(self) -> str:
        """Each kind of asset and who holds it, as one sentence of clauses (product.assets summary):
        label-colon-label chains read as a machine's output."""
        return self.label("list-sep").join(self.fill(a.summary[self.lang]) for a in self.data.product.assets)

    def when_frozen(self, asset: str) -> str:
        item = next(a for a in self.data.product.assets if a.id == asset)
        return self.fill(item.when_frozen[self.lang])

    def unfreeze(self) -> str:
        """How a freeze is lifted and how fast, as one sentence."""
        node = self.data.product.unfreeze
        how = self.fill(node.how[self.lang], ui=self.ui(node.ui))
        return how + self.fill(self.label("unfreeze-time"), hours=f"{node.max_hours:g}")

    def lock_first(self) -> str:
        """That a password, phone or two-step change pauses crypto sends, for the registry's hours,
        so an exposed phrase is moved first; nothing when the app has no such lock."""
        try:
            hours = self.feature(LOCK_FEATURE).hold_hours
        except KeyError:
            return ""
        return self.fill(self.label("lock-first"), hours=f"{hours:g}")

    def sentence(self, kind: str) -> str:
        """One product sentence for a playbook placeholder: {unfreeze}, {hold}, {sessions} or {lock}."""
        if kind == "unfreeze":
            return self.unfreeze()
        if kind == "lock":
            return self.lock_first()
        key = {"hold": "recipient_hold", "sessions": "freeze_sessions"}[kind]
        return self.fill(getattr(self.data.product, key)[self.lang])

    # ---- protective features -----------------------------------------------------------------
    def safeguarding(self) -> str:
        return self.fill(self.data.product.safeguarding[self.lang])

    def unauthorized(self) -> str:
        rules = self.data.product.unauthorized
        return self.fill(rules.text[self.lang], report_days=f"{rules.report_days:g}",
                         decision_days=f"{rules.decision_business_days:g}")

    def feature(self, ident: str) -> Feature:
        for item in self.data.product.features:
            if item.id == ident:
                return item
        raise KeyError(ident)

    def notice(self, ident: str) -> str:
        """The words the app shows for a feature (the call notice), as the app shows them."""
        item = self.feature(ident)
        if item.notice is None:
            raise KeyError(f"{ident} has no notice")
        return self.fill(item.notice[self.lang])

    def feature_text(self, ident: str) -> str:
        item = self.feature(ident)
        notice = self.notice(ident) if item.notice is not None else ""
        text = self.fill(item.what[self.lang], hours=f"{item.hold_hours or 0:g}", notice=notice)
        where = self.fill(self.label("set-at"), ui=self.ui(item.ui)) if item.ui is not None else ""
        return f"**{md_text(item.name[self.lang])}**{self.label('colon')}{text}{where}"

    def feature_list(self) -> str:
        return "\n".join(f"- {self.feature_text(item.id)}" for item in self.data.product.features)

    # ---- authorities ---------------------------------------------------------------------------
    def authority(self, item: dict) -> str:
        """Name, then number as plain text (a link only where the registry says it may be tapped),
        then the reporting site."""
        name = md_text(item.name[self.lang])
        parts = [md_link(item.name[self.lang], item.url) if item.url is not None else name]
        if item.phone is not None:
            number = str(item.phone)
            tel = "tel:" + "".join(ch for ch in number if ch.isdigit())
            parts.append(md_link(number, tel) if item.tap else md_text(number))
        return " ".join(parts)

    def served_regions(self) -> list[dict]:
        served = [r for r in self.data.regions if r.services]
        return sorted(served, key=lambda r: r.id != self.home_region)

    def authorities_by_region(self, indent: str = "") -> str:
        """Each served region on one line: its verified authorities, or "your local police"."""
        lines = []
        for region in self.served_regions():
            found = [a for a in self.data.authorities if a.region == region.id]
            if found:
                text = self.label("list-sep").join(
                    self.authority(a) + (f"{self.label('open')}{md_text(a.hours[self.lang])}"
                                         f"{self.label('close')}" if a.hours is not None else "")
                    for a in found)
            else:
                text = self.label("local-police")
            lines.append(f"{indent}- **{md_text(region.name[self.lang])}**{self.label('colon')}{text}")
        return "\n".join(lines)

    def identity_help(self) -> str:
        """Each served region's public help after ID documents leaked, one line per body."""
        lines = []
        for region in self.served_regions():
            for item in (i for i in self.data.identity_help if i.region == region.id):
                lines.append(f"- **{md_text(region.name[self.lang])}**{self.label('colon')}"
                             f"{md_link(item.name[self.lang], item.url)}{self.label('name-end')}"
                             f"{md_text(item.what[self.lang])}")
        return "\n".join(lines)

    def authority_sources(self, indent: str = "") -> str:
        """Where each published number was checked: one link per authority, for the curious."""
        return "\n".join(f"{indent}- {md_text(a.name[self.lang])}{self.label('colon')}"
                         f"[{md_text(a.source)}]({md_url(a.source)})"
                         for a in self.data.authorities if a.source is not None)


def register(env, data: Registry, labels: dict, lang, ui, home_region=lambda: None) -> None:
    """Adds the product-model and authority macros to mkdocs-macros."""
    def text() -> ProductText:
        return ProductText(data, labels, lang(), ui, home_region())

    @env.macro
    def custody_table() -> str:
        """What each kind of asset is, who holds it, what controls it and what a freeze does to it."""
        return text().custody_table()

    @env.macro
    def custody_summary() -> str:
        """Each kind of asset and who holds it, in one line (for the glossary)."""
        return text().custody_summary()

    @env.macro
    def when_frozen(asset: str) -> str:
        """What a freeze does to one kind of asset (registry: product.assets)."""
        ids = [a.id for a in data.product.assets]
        if asset not in ids:
            from mkdocs.exceptions import PluginError
            raise PluginError(f"{env.page.file.src_path}: when_frozen({asset!r}): unknown; expected one of: "
                              + ", ".join(ids))
        return text().when_frozen(asset)

    @env.macro
    def freeze_lift() -> str:
        """How a freeze is lifted and how fast."""
        return text().unfreeze()

    @env.macro
    def safeguarding() -> str:
        """How the balance is held, and what no deposit insurance covers (product.safeguarding)."""
        return text().safeguarding()

    @env.macro
    def unauthorized_payments() -> str:
        """What we do about a payment from the balance the customer didn't make, and by when."""
        return text().unauthorized()

    @env.macro
    def feature_list() -> str:
        """Every protective feature the app has, with where to turn it on."""
        return text().feature_list()

    @env.macro
    def lock_first() -> str:
        """Move crypto before changing the password, phone or two-step verification: those changes
        pause crypto sends for the registry's hold hours."""
        return text().lock_first()

    @env.macro
    def feature(ident: str) -> str:
        """One protective feature, named and explained."""
        try:
            return text().feature_text(ident)
        except KeyError:
            from mkdocs.exceptions import PluginError
            raise PluginError(f"{env.page.file.src_path}: feature({ident!r}): unknown; expected one of: "
                              + ", ".join(f.id for f in data.product.features)) from None

    @env.macro
    def feature_notice(ident: str) -> str:
        """The words the app shows for a feature (the call notice), to quote on a page."""
        try:
            return text().notice(ident)
        except KeyError:
            from mkdocs.exceptions import PluginError
            raise PluginError(f"{env.page.file.src_path}: feature_notice({ident!r}): expected one of: "
                              + ", ".join(f.id for f in data.product.features if f.notice is not None)) from None

    @env.macro
    def authority(ident: str) -> str:
        """A public body that takes fraud reports: its name, its number as text (tappable only
        where the registry says so) and its reporting site."""
        for item in data.authorities:
            if item.id == ident:
                return text().authority(item)
        from mkdocs.exceptions import PluginError
        raise PluginError(f"{env.page.file.src_path}: authority({ident!r}): unknown; expected one of: "
                          + ", ".join(a.id for a in data.authorities))

    @env.macro
    def authorities_by_region() -> str:
        """Police and anti-scam contacts for every region the service is offered in."""
        return text().authorities_by_region()

    @env.macro
    def identity_help() -> str:
        """Public help after ID documents reached a stranger, per served region (registry: identity_help)."""
        return text().identity_help()

    @env.macro
    def authority_sources(indent: int = 0) -> str:
        """The public page each authority's number or address was checked against (indent: spaces,
        for a list inside an admonition)."""
        return text().authority_sources(" " * indent)
