"""The macros writers use in Markdown: registry values and reusable blocks, in the page's language.

Loaded by mkdocs-macros-plugin (`module_name` in mkdocs.yml). The macro names are the writers'
vocabulary, listed in CONTRIBUTING.md; keep them few and obvious.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from helpcenter import convert, durations, playbook, project, status
from helpcenter import registry as reg
from helpcenter import ui as ui_strings
from helpcenter.layout import Layout

# The Markdown-text helpers, re-exported: the macros and the tests use them from here.
from helpcenter.markdown_text import md_code, md_link, md_text, md_tree, md_url, ui_words  # noqa: F401
from helpcenter.registry_model import Asset, Social

REUSABLES = Path("reusables")   # in the project folder (helpcenter/project.py)
PRODUCTION_ENV = "OKPAY_PRODUCTION"
OFFLINE_ZIP = "download/okpay-help-offline.zip"   # where the Pages workflow publishes `make offline`


def define_env(env) -> None:
    registry_path = reg.configured_path(Path(env.project_dir))
    try:
        data = reg.model(registry_path)
        if os.environ.get(PRODUCTION_ENV) == "1":
            # SITE_URL, not mkdocs.yml's fallback (the demo host): a production build names its address.
            reg.check_production(data, registry_path, site_url=os.environ.get("SITE_URL"))
    except reg.RegistryError as exc:
        raise PluginError(str(exc)) from None
    # Read here, not when the page renders: an error raised inside a macro comes with a traceback.
    from helpcenter import channel_checker
    try:
        checker_strings = channel_checker.load_strings()
    except channel_checker.CheckerError as exc:
        raise PluginError(str(exc)) from None
    demo = reg.demo_values(data)

    # Templates (overrides/) read these; config.extra is the only channel MkDocs gives them.
    env.conf["extra"]["demo_data"] = bool(demo)
    env.conf["extra"]["ui_strings"] = ui_strings.load()
    env.conf["extra"]["brand"] = html.escape(data.brand.name)
    # `{{ brand }}` is printed into Markdown as is: it holds the escaped text, never markup.
    env.variables["brand"] = md_text(data.brand.name)
    env.variables["registry"] = data

    layout = Layout.load()   # the project folder is set (helpcenter/project.py) before macros load
    # A derived edition (data/languages.yml derive_from) is rendered in its source language and
    # converted once (helpcenter/convert.py), like its pages: while a macro runs for such a page,
    # lang() is the source language and page_lang() the edition's.
    rendering_as: list[str] = []

    def page_lang() -> str:
        page = env.page
        return getattr(page.file, "locale", None) or env.conf["theme"]["language"]

    def lang() -> str:
        return rendering_as[-1] if rendering_as else page_lang()

    def words(key: str):
        """A sentence or word of data/ui.yml in the language being rendered: code holds no prose."""
        return env.conf["extra"]["ui_strings"][key][lang()]

    def table(head: list[str], rows: list[list[str]]) -> str:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])

    def duration(n, unit: str, plural: bool = False) -> str:
        return durations.duration(n, unit, words, plural)

    def t(value):
        """A registry text in this page's language, escaped for Markdown (a list item by item:
        ui paths and call_policy.verify are lists, and str() of a list is not text)."""
        return md_tree(value[lang()] if isinstance(value, dict) else value)

    status.register(env, lang)

    def by_id(key: str, ident: str):
        item = data.by_id(key, ident)
        if item is not None:
            return item
        known = ", ".join(data.ids(key))
        raise PluginError(f"{env.page.file.src_path}: unknown {key} id {ident!r}; expected one of: {known}")

    def by_id_in(items: tuple, where: str, ident: str):
        for item in items:
            if item.id == ident:
                return item
        known = ", ".join(item.id for item in items)
        raise PluginError(f"{env.page.file.src_path}: unknown {where} id {ident!r}; expected one of: {known}")

    def long_date(day) -> str:
        # The language's long date (data/languages.yml), the footer's format too: a page never mixes two.
        return layout.language(lang()).long_date(day)

    brand_name = md_text(data.brand.name)   # printed into Markdown: text, never markup

    @env.macro
    def app_name() -> str:
        return t(data.brand.app)

    @env.macro
    def help_center_name() -> str:
        return t(data.brand.help_center)

    @env.macro
    def phone(ident: str) -> str:
        """A hotline as a tap-to-call link."""
        item = by_id("hotlines", ident)
        return md_link(item.number, item.tel)

    @env.macro
    def email(ident: str = "support") -> str:
        item = by_id("emails", ident)
        return md_link(item.address, f"mailto:{item.address}")

    @env.macro
    def domain(ident: str = "website") -> str:
        return md_code(by_id("domains", ident).domain)

    @env.macro
    def ui(ident: str) -> str:
        """An on-screen path that reads as part of a sentence: 「我的」→「安全中心」 / **Me** → **Security**;
        a leading screen becomes a place (登录页上的「忘记密码」 / **Forgot password?** on the sign-in
        screen) and a {do: ...} step an action (「首页」→「账单」，再点开该笔交易 / ..., then tap the transaction)."""
        if ident not in data.ui_paths:
            raise PluginError(f"{env.page.file.src_path}: ui({ident!r}): unknown path; expected one of: "
                              + ", ".join(data.ui_paths))
        # A path on the website (id ending -web) is followed with a mouse: "click", not "tap".
        verb = "click" if ident.endswith("-web") else "tap"
        return ui_words(t(data.ui_paths[ident]), t(data.ui_screens), words("ui_path"), verb)

    @env.macro
    def call_policy() -> str:
        """Whether OKPay ever phones customers, answered plainly (registry: call_policy)."""
        policy = data.call_policy
        if policy.outbound_calls == "never":
            answer = words("call_never").format(brand=brand_name)
        else:
            answer = words("call_callback_only").format(brand=brand_name, where=ui(policy.callback_ui))
        return words("call_answer").format(answer=answer, never=t(policy.never_on_a_call))

    @env.macro
    def call_verify_steps() -> str:
        """Numbered steps to check a call that claims to be OKPay (registry: call_policy.verify)."""
        policy = data.call_policy
        where = ui(policy.callback_ui) if policy.outbound_calls == "callback-only" else ""
        # The steps are escaped text; only the {callback} placeholder becomes the (Markdown) path.
        placeholder = md_text("{callback}")
        return "\n".join(f"{i}. {step.replace(placeholder, where)}"
                         for i, step in enumerate(t(policy.verify), 1))

    @env.macro
    def safe_to_tap() -> str:
        """Which phone numbers are safe to tap (registry: safe_to_tap). Links are written for an article."""
        safe = data.safe_to_tap
        places = []
        if safe.hotline_table:
            places.append(words("safe_place_hotline_table"))
        if safe.app_ui is not None:
            places.append(words("safe_place_app").format(where=ui(safe.app_ui)))
        where = words("safe_places_separator").join(places)
        return words("safe_to_tap_two" if len(places) > 1 else "safe_to_tap_one").format(where=where)

    @env.macro
    def fee_table() -> str:
        """The operator's fee schedule (registry: fee_schedule)."""
        return table([words("facts_method"), words("facts_fee")],
                     [[t(item.method), fee(item.id)] for item in data.fee_schedule.items])

    @env.macro
    def fee(ident: str) -> str:
        """One fee in words: 免费 / 金额的 1.5% / 每笔 1 美元 (+ 区块链网络费)."""
        schedule = data.fee_schedule
        item = by_id_in(schedule.items, "fee_schedule.items", ident)
        parts = []
        if item.percent:
            parts.append(words("fee_percent").format(percent=f"{item.percent:g}"))
        if item.fixed:
            parts.append(words("fee_fixed").format(amount=f"{item.fixed:g}", currency=t(schedule.currency)))
        ours = " + ".join(parts) or words("fee_free")
        return words("fee_plus_network").format(fee=ours) if item.network_fee else ours

    @env.macro
    def fee_effective() -> str:
        return long_date(data.fee_schedule.effective)

    @env.macro
    def region_table() -> str:
        """Every region and what is offered there (registry: regions)."""
        yes, no = words("facts_offered"), words("facts_not_offered")
        head = [words(k) for k in ("facts_country_or_region", "facts_wallet_payments", "facts_crypto")]
        return table(head, [[t(item.name)] + [yes if service in item.services else no
                                                 for service in reg.REGION_SERVICES] for item in data.regions])

    @env.macro
    def currency_table() -> str:
        """The fiat currencies offered in each served region (registry: region_currencies)."""
        names = {item.id: t(item.name) for item in data.regions}
        return table([words("facts_country_or_region"), words("facts_currencies")],
                     [[names[region], words("facts_list_separator").join(codes)]
                      for region, codes in data.region_currencies.items()])

    @env.macro
    def region_statement(ident: str) -> str:
        """What is and isn't offered in one region, as a sentence."""
        item = by_id_in(data.regions, "regions", ident)
        services = item.services
        key = ("region_none" if not services else
               "region_wallet_only" if "digital-assets" not in services else "region_both")
        return words(key).format(brand=brand_name, name=t(item.name))

    @env.macro
    def typical_time(ident: str, part: str = "range") -> str:
        """A typical time from the registry: 1 到 3 个工作日 / 1–3 business days; part="max": 3 个工作日."""
        item = by_id_in(data.typical_times, "typical_times", ident)
        if part not in durations.PARTS:
            raise PluginError(f"{env.page.file.src_path}: typical_time({ident!r}, {part!r}); expected 'range' or 'max'")
        return durations.worded(item, words, part)

    @env.macro
    def typical_times_table(prefix: str) -> str:
        """The typical times whose ids start with `prefix` (e.g. "top-up"), as a table."""
        rows = [[t(item.what), typical_time(item.id)]
                for item in data.typical_times if item.id.startswith(prefix)]
        if not rows:
            raise PluginError(f"{env.page.file.src_path}: typical_times_table({prefix!r}): no typical_times id starts so")
        return table([words("facts_method"), words("facts_time")], rows)

    @env.macro
    def limits_table() -> str:
        """Limits per verification level (registry: limits)."""
        limits = data.limits
        currency = t(limits.currency)
        head = [words(k) for k in ("facts_account", "facts_per_payment", "facts_daily_payments",
                                   "facts_daily_withdrawals")]
        rows = [[t(item.name)] + [f"{getattr(item, key):,} {currency}" if getattr(item, key) else words("facts_not_available")
                                     for key in ("per_payment", "daily", "daily_withdrawal")]
                for item in limits.levels]
        return table(head, rows)

    @env.macro
    def limits_reset() -> str:
        """When the daily limits start again: 每天 0:00（香港时间，UTC+8） / every day at midnight ...."""
        return t(data.limits.resets)

    @env.macro
    def policy_link(ident: str) -> str:
        """A legal document (terms, privacy, fees) as a link named in the page's language."""
        item = by_id("policies", ident)
        return f"[{t(item.name)}]({md_url(item.url)})"

    @env.macro
    def txid_example() -> str:
        return md_code(data.transaction_id_example)

    @env.macro
    def chat_hours() -> str:
        return t(data.chat.hours)

    @env.macro
    def response_time(channel: str) -> str:
        times = data.response_times
        if channel == "chat":
            n, unit = times.chat_minutes, "minutes"
        elif channel == "email":
            n, unit = times.email_hours, "hours"
        else:
            raise PluginError(f"{env.page.file.src_path}: response_time({channel!r}); expected 'chat' or 'email'")
        return words("time_within").format(time=duration(n, unit, plural=True))

    def language_names(codes: list, last: bool = False) -> str:
        """中文、英文 / Chinese, English; with `last`, 和 / and before the final name (data/ui.yml)."""
        names = [words("spoken_languages")[code] for code in codes]
        sep = words("facts_list_separator")
        if last and len(names) > 1:
            return sep.join(names[:-1]) + words("list_and") + names[-1]
        return sep.join(names)

    @env.macro
    def chat_languages() -> str:
        """The languages live chat answers in (registry: chat_languages): 中文和英文 / Chinese and English."""
        return language_names(data.chat_languages, last=True)

    @env.macro
    def hotline_table() -> str:
        head = [words(k) for k in ("facts_region", "facts_number", "facts_hours", "facts_cost", "facts_languages")]
        return table(head, [[t(item.region), phone(item.id), t(item.hours), t(item.cost),
                             language_names(item.languages)] for item in data.hotlines])

    @env.macro
    def hotline_hours(ident: str) -> str:
        """One hotline's opening hours, as a phrase: 每天 24 小时 / 24 hours a day, every day."""
        return t(by_id("hotlines", ident).hours)

    @env.macro
    def email_table() -> str:
        return table([words("facts_email"), words("facts_email_use")],
                     [[email(item.id), t(item.purpose)] for item in data.emails])

    def social_name(item: Social) -> str:
        """An account as its platform writes it: @handle, unless the registry says otherwise (a
        WeChat Official Account has a name and a WeChat ID, no @handle)."""
        if item.shown_as is None:
            return "@" + item.handle
        return (item.shown_as[lang()].replace("{brand}", data.brand.name)
                .replace("{handle}", item.handle))

    @env.macro
    def social_table() -> str:
        head = [words(k) for k in ("facts_platform", "facts_official_account", "facts_dm_support")]
        return table(head, [[t(item.platform), md_link(social_name(item), item.url),
                             words("facts_yes" if item.dm_support else "facts_no")] for item in data.social])

    @env.macro
    def domain_list() -> str:
        return "\n".join(f"- {md_code(item.domain)}" for item in data.domains)

    @env.macro
    def domain_rule() -> str:
        """Which addresses are ours, stated as the channel checker decides it (a listed domain or a
        name under one), so the pages and the checker can't disagree."""
        domains = [item.domain for item in data.domains]
        roots = [d for d in domains if not any(d.endswith("." + other) for other in domains)]
        suffixes = words("facts_list_separator").join(md_code("." + d) for d in roots)
        return words("domain_rule").replace("{suffixes}", suffixes)

    @env.macro
    def app_list() -> str:
        publisher = md_text(data.brand.publisher)
        note = words("app_developer").format(publisher=publisher)
        return "\n".join(f"- [{t(item.store)}]({md_url(item.url)}){note}" for item in data.apps)

    @env.macro
    def offline_download() -> str:
        """The home page's link to the offline zip, or a note when this already is the offline copy."""
        ui = env.conf["extra"]["ui_strings"]
        if env.conf["extra"].get("offline"):
            return ui["offline_current"][lang()]
        # Raw HTML: the zip is added to the hosted site by the Pages workflow, not by MkDocs,
        # so MkDocs' own link validation cannot know it.
        up = "../" * env.page.url.count("/")
        return f'<a href="{html.escape(up + OFFLINE_ZIP)}" download>{html.escape(ui["offline_download"][lang()])}</a>'

    @env.macro
    def reusable(name: str) -> str:
        """A shared block (reusables/<lang>/<name>.md), rendered with these same macros."""
        path = project.path(REUSABLES, lang(), f"{name}.md")
        if not path.is_file():
            raise PluginError(f"{env.page.file.src_path}: reusable({name!r}): {path} does not exist; "
                              f"expected one of: {', '.join(sorted(p.stem for p in path.parent.glob('*.md')))}")
        return env.render(path.read_text(encoding="utf-8"), force_rendering=True)

    @env.macro
    def channel_checker() -> str:
        """The "Is this really OKPay?" checker (helpcenter/channel_checker.py) for this page."""
        from helpcenter import channel_checker as checker
        return checker.render(data, page_lang(), env.page.url,
                              checker.article_urls(env.variables["files"], page_lang()), checker_strings)

    # In the page's own language even in a derived edition: its links, strings and default region
    # are the edition's (derive_macros leaves it alone).
    channel_checker.native = True

    # ---- Issue 19 (articles): supported assets, funding methods, merchants, company, complaints.
    # Headings and fixed words come from data/ui.yml (facts_*), so no language is spelled here.

    def amount(value, unit: str) -> str:
        return f"{value:,g} {unit}"

    @env.macro
    def asset_table() -> str:
        """Every coin and network: confirmations, the coin the network fee is paid in, and the
        minimum to convert to the balance (assets). The crypto is self-custody: no deposit minimum."""
        head = [words(k) for k in ("facts_coin", "facts_network", "facts_confirmations", "facts_fee_coin",
                                   "facts_convert_min")]
        def network(a: Asset) -> str:
            # "TRON (TRON)" says nothing twice: the chain is named only when it differs.
            name, chain = md_text(a.network), t(a.chain)
            return name if chain == name else words("facts_network_on_chain").format(network=name, chain=chain)

        rows = [[md_text(a.coin), network(a), str(a.confirmations), md_text(a.fee_coin),
                 amount(a.convert_min, md_text(a.coin))] for a in data.assets]
        return table(head, rows)

    @env.macro
    def funding_table(direction: str) -> str:
        """The ways to add money to the balance or take it out, with fee, usual time and limits
        (funding_methods)."""
        if direction not in reg.FUNDING_DIRECTIONS:
            raise PluginError(f"{env.page.file.src_path}: funding_table({direction!r}); expected one of "
                              f"{', '.join(reg.FUNDING_DIRECTIONS)}")
        currency = t(data.fee_schedule.currency)
        head = [words(k) for k in ("facts_method", "facts_fee", "facts_time", "facts_min", "facts_daily_max")]
        rows = []
        for item in data.funding_methods:
            if item.direction != direction:
                continue
            fee_item = next((f for f in data.fee_schedule.items if f.id == item.fee), None)
            name = t(item.method) if item.method is not None else t(fee_item.method)
            charge = fee(item.fee) if fee_item else words("facts_network_fee_only")
            low = amount(item.min, currency) if item.min is not None else words("facts_per_coin")
            rows.append([name, charge, typical_time(item.time), low, amount(item.daily_max, currency)])
        return table(head, rows)

    @env.macro
    def merchant_docs() -> str:
        """The merchant (developer) documentation as a link."""
        url = data.merchant.docs_url
        return md_link(url, url)

    @env.macro
    def merchant_support() -> str:
        return email(data.merchant.support_email)

    @env.macro
    def merchant_pricing() -> str:
        """What a business pays (merchant.pricing) and when payments are settled (a typical time)."""
        return t(data.merchant.pricing)

    @env.macro
    def merchant_offers() -> str:
        return "\n".join(f"- {item}" for item in t(data.merchant.offers))

    @env.macro
    def company_name() -> str:
        return md_text(data.company.legal_name)

    @env.macro
    def publisher_relation() -> str:
        """How the app-store developer name relates to the company (company.publisher_relation)."""
        values = {"{publisher}": f"**{md_text(data.brand.publisher)}**",
                  "{company}": md_text(data.company.legal_name)}
        pieces = re.split(r"(\{publisher\}|\{company\})", data.company.publisher_relation[lang()])
        return "".join(values.get(piece) or md_text(piece) for piece in pieces)

    @env.macro
    def company_registration() -> str:
        """Where the company is registered and its registration number."""
        company = data.company
        return words("facts_registered").format(place=t(company.registered_in),
                                                number=md_text(company.registration))

    @env.macro
    def brand_aliases() -> str:
        """The names customers use for us, quoted and listed (company.known_as)."""
        names = [words("facts_quoted").format(name=name) for name in t(data.company.known_as)]
        if len(names) < 2:
            return "".join(names)
        return words("facts_list_separator").join(names[:-1]) + words("facts_quoted_last_separator") + names[-1]

    @env.macro
    def not_affiliated_list() -> str:
        """Similarly named brands that are not us, one line each."""
        return "\n".join("- " + words("facts_named").format(name=f"**{md_text(item.name)}**", what=t(item.what))
                         for item in data.not_affiliated)

    def regulator_link(ident: str) -> str:
        body = by_id("regulators", ident)
        return f"[{t(body.name)}]({md_url(body.url)})"

    @env.macro
    def licence_table() -> str:
        """Our licences and registrations per region, with the regulator's public register."""
        head = [words(k) for k in ("facts_region", "facts_licence", "facts_licence_number", "facts_regulator")]
        rows = [[t(by_id("regions", item.region).name), t(item.kind), md_text(item.number),
                 regulator_link(item.regulator)] for item in data.licences]
        return table(head, rows)

    @env.macro
    def complaint_times() -> str:
        """How fast a complaint is acknowledged and answered, in words."""
        c = data.complaints
        return words("facts_complaint_times").format(ack=f"{c.acknowledge_business_days:g}",
                                                     final=f"{c.final_response_business_days:g}")

    @env.macro
    def complaint_email() -> str:
        return email(data.complaints.email)

    @env.macro
    def complaint_ui() -> str:
        return ui(data.complaints.ui)

    @env.macro
    def escalation_table() -> str:
        """Per region, the body a customer can take an unresolved complaint to."""
        head = [words("facts_region"), words("facts_escalate_to")]
        rows = [[t(by_id("regions", item.region).name), regulator_link(item.body)]
                for item in data.complaints.escalation]
        return table(head, rows)

    # {{ playbook(...) }}, {{ playbook_freezing() }}, {{ emergency_guide() }}; the edition's own region first
    playbook.register(env, data, lang, lambda: layout.language(page_lang()).home_region.get("id"))
    derive_macros(env, layout, page_lang, rendering_as)


def derive_macros(env, layout: Layout, page_lang, rendering_as: list[str]) -> None:
    """Every macro, on a page of a derived edition: run in the source language, then converted."""
    def wrap(name: str, func):
        def in_page_language(*args, **kwargs):
            edition = layout.language(page_lang())
            if rendering_as or not edition.derive_from or getattr(func, "native", False):
                return func(*args, **kwargs)
            rendering_as.append(edition.derive_from)
            try:
                out = func(*args, **kwargs)
            finally:
                rendering_as.pop()
            return convert.for_language(edition)(out) if isinstance(out, str) else out
        in_page_language.__name__, in_page_language.__doc__ = name, func.__doc__
        return in_page_language

    if not isinstance(env.macros, dict):   # the content rules' stand-in only collects the names
        return
    for name, func in list(env.macros.items()):
        if callable(func):
            env.macros[name] = wrap(name, func)
