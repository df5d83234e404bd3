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

from helpcenter import convert, playbook, project, status
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

    def cjk() -> bool:
        """The page's prose is Chinese (the built-in sentences below come in a CJK and a Latin form)."""
        return layout.language(lang()).cjk

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
        return ui_words(t(data.ui_paths[ident]), t(data.ui_screens), cjk(), verb)

    @env.macro
    def call_policy() -> str:
        """Whether OKPay ever phones customers, answered plainly (registry: call_policy)."""
        policy, zh = data.call_policy, cjk()
        never = t(policy.never_on_a_call)
        if policy.outbound_calls == "never":
            first = (f"不会。{brand_name} 从不主动给客户打电话，自称 {brand_name} 打来的电话都不是我们。" if zh else
                     f"No. {brand_name} never phones customers. A call that claims to be from {brand_name} isn't from us.")
        else:
            where = ui(policy.callback_ui)
            first = (f"只有一种情况会：你自己在 App 里预约了回电（{where}），我们会在你选的时间打给你。"
                     f"除此之外，{brand_name} 不会主动给你打电话。" if zh else
                     f"Only in one case: you booked a call-back yourself in the app ({where}), and we call at "
                     f"the time you chose. Otherwise, {brand_name} doesn't call you.")
        return f"{first}{never}。" if zh else f"{first} {never}."

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
        safe, zh = data.safe_to_tap, cjk()
        places = []
        if safe.hotline_table:
            places.append("本帮助中心[客服热线表](../contact/phone-hotline.md#hotline-numbers)里的号码" if zh else
                          "the numbers in this help center's [hotline table](../contact/phone-hotline.md#hotline-numbers)")
        if safe.app_ui is not None:
            places.append(f"App 里{ui(safe.app_ui)}页面上的号码" if zh else
                          f"the numbers in the app under {ui(safe.app_ui)}")
        if zh:
            where = "；".join(places)
            return (f"可以直接点击拨打的号码只有这{'两' if len(places) > 1 else '一'}处：{where}。"
                    "短信、邮件、广告、搜索结果和其他网站里的号码，还有来电者报给你的号码，都不要拨打。"
                    "来电号码也不要回拨。")
        where = " and ".join(places)
        return (f"The only numbers that are safe to tap are {where}. Never call a number from a text, an email, "
                "an ad, a search result or any other website, or one a caller gives you, and never call back "
                "a number that called you.")

    @env.macro
    def fee_table() -> str:
        """The operator's fee schedule (registry: fee_schedule)."""
        zh = cjk()
        rows = ["| 方式 | 手续费 |" if zh else "| Method | Fee |", "|---|---|"]
        for item in data.fee_schedule.items:
            rows.append(f"| {t(item.method)} | {fee(item.id)} |")
        return "\n".join(rows)

    @env.macro
    def fee(ident: str) -> str:
        """One fee in words: 免费 / 金额的 1.5% / 每笔 1 美元 (+ 区块链网络费)."""
        schedule, zh = data.fee_schedule, cjk()
        item = by_id_in(schedule.items, "fee_schedule.items", ident)
        currency = t(schedule.currency)
        parts = []
        if item.percent:
            parts.append(f"金额的 {item.percent:g}%" if zh else f"{item.percent:g}% of the amount")
        if item.fixed:
            parts.append(f"每笔 {item.fixed:g} {currency}" if zh else f"{item.fixed:g} {currency} per transaction")
        ours = " + ".join(parts) or ("免费" if zh else "Free")
        if item.network_fee:
            extra = "另付区块链网络费（付给网络，确认页实时显示）" if zh else \
                "plus the blockchain network fee (paid to the network, shown on the confirmation screen)"
            return f"{ours}，{extra}" if zh else f"{ours}, {extra}"
        return ours

    @env.macro
    def fee_effective() -> str:
        return long_date(data.fee_schedule.effective)

    @env.macro
    def region_table() -> str:
        """Every region and what is offered there (registry: regions)."""
        zh = cjk()
        yes, no = ("提供", "不提供") if zh else ("Offered", "Not offered")
        rows = ["| 国家或地区 | 钱包与付款 | 数字资产 |" if zh else "| Country or region | Wallet and payments | Crypto |",
                "|---|---|---|"]
        for item in data.regions:
            cells = [yes if service in item.services else no for service in reg.REGION_SERVICES]
            rows.append(f"| {t(item.name)} | {' | '.join(cells)} |")
        return "\n".join(rows)

    @env.macro
    def currency_table() -> str:
        """The fiat currencies offered in each served region (registry: region_currencies)."""
        zh = cjk()
        rows = ["| 国家或地区 | 可用货币 |" if zh else "| Country or region | Currencies |", "|---|---|"]
        names = {item.id: t(item.name) for item in data.regions}
        rows += [f"| {names[region]} | {('、' if zh else ', ').join(codes)} |"
                 for region, codes in data.region_currencies.items()]
        return "\n".join(rows)

    @env.macro
    def region_statement(ident: str) -> str:
        """What is and isn't offered in one region, as a sentence."""
        item, zh = by_id_in(data.regions, "regions", ident), cjk()
        name, services = t(item.name), item.services
        if not services:
            return (f"{brand_name} 不在{name}提供服务：不能在当地开户使用，也不提供任何数字资产（加密货币）的买卖、"
                    "充值、持有或转账服务。" if zh else
                    f"{name}: {brand_name} is not offered there. You can't open or use an account there, and no "
                    "digital-asset (crypto) service is offered: no buying, holding, adding or sending crypto.")
        if "digital-assets" not in services:
            return (f"{brand_name} 在{name}只提供钱包与付款服务，不提供数字资产（加密货币）服务。" if zh else
                    f"{name}: {brand_name} offers wallet and payment services only, no digital-asset (crypto) services.")
        return (f"{brand_name} 在{name}提供钱包与付款服务和数字资产服务。" if zh else
                f"{name}: {brand_name} offers both wallet and payment services and digital-asset services.")

    @env.macro
    def typical_time(ident: str, part: str = "range") -> str:
        """A typical time from the registry: 1 到 3 个工作日 / 1–3 business days; part="max": 3 个工作日."""
        item, zh = by_id_in(data.typical_times, "typical_times", ident), cjk()
        if part not in ("range", "max"):
            raise PluginError(f"{env.page.file.src_path}: typical_time({ident!r}, {part!r}); expected 'range' or 'max'")
        top, low, unit = item.max, item.min, item.unit
        zh_unit = {"minutes": "分钟", "hours": "小时", "business-days": "个工作日", "months": "个月"}[unit]
        en_unit = {"minutes": "minute", "hours": "hour", "business-days": "business day", "months": "month"}[unit]
        if part == "max":
            return f"{top} {zh_unit}" if zh else f"{top} {en_unit}{'s' if top != 1 else ''}"
        if low is not None:
            return f"{low} 到 {top} {zh_unit}" if zh else f"{low}–{top} {en_unit}s"
        return f"{top} {zh_unit}内" if zh else f"within {top} {en_unit}{'s' if top != 1 else ''}"

    @env.macro
    def typical_times_table(prefix: str) -> str:
        """The typical times whose ids start with `prefix` (e.g. "top-up"), as a table."""
        zh = cjk()
        rows = ["| 方式 | 一般需要 |" if zh else "| Method | Usually takes |", "|---|---|"]
        rows += [f"| {t(item.what)} | {typical_time(item.id)} |"
                 for item in data.typical_times if item.id.startswith(prefix)]
        if len(rows) == 2:
            raise PluginError(f"{env.page.file.src_path}: typical_times_table({prefix!r}): no typical_times id starts so")
        return "\n".join(rows)

    @env.macro
    def limits_table() -> str:
        """Limits per verification level (registry: limits)."""
        limits, zh = data.limits, cjk()
        currency = t(limits.currency)
        rows = ["| 账户 | 单笔付款或转账 | 每日付款和转账 | 每日提现 |" if zh else
                "| Account | Per payment or transfer | Payments and transfers per day | Withdrawals per day |",
                "|---|---|---|---|"]
        for item in limits.levels:
            cells = [(f"{getattr(item, key):,} {currency}" if getattr(item, key) else ("不可用" if zh else "Not available"))
                     for key in ("per_payment", "daily", "daily_withdrawal")]
            rows.append(f"| {t(item.name)} | {' | '.join(cells)} |")
        return "\n".join(rows)

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
            n, zh_unit, en_unit = times.chat_minutes, "分钟", "minutes"
        elif channel == "email":
            n, zh_unit, en_unit = times.email_hours, "小时", "hours"
        else:
            raise PluginError(f"{env.page.file.src_path}: response_time({channel!r}); expected 'chat' or 'email'")
        n = f"{n:g}"
        return f"{n} {zh_unit}内" if cjk() else f"within {n} {en_unit}"

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
        zh = cjk()
        head = ("| 地区 | 号码 | 服务时间 | 费用 | 语言 |" if zh
                else "| Region | Number | Hours | Cost | Languages |")
        rows = [head, "|---|---|---|---|---|"]
        for item in data.hotlines:
            langs = language_names(item.languages)
            rows.append(f"| {t(item.region)} | {phone(item.id)} | {t(item.hours)} "
                        f"| {t(item.cost)} | {langs} |")
        return "\n".join(rows)

    @env.macro
    def hotline_hours(ident: str) -> str:
        """One hotline's opening hours, as a phrase: 每天 24 小时 / 24 hours a day, every day."""
        return t(by_id("hotlines", ident).hours)

    @env.macro
    def email_table() -> str:
        zh = cjk()
        rows = ["| 邮箱 | 用途 |" if zh else "| Address | Use it for |", "|---|---|"]
        rows += [f"| {email(item.id)} | {t(item.purpose)} |" for item in data.emails]
        return "\n".join(rows)

    def social_name(item: Social) -> str:
        """An account as its platform writes it: @handle, unless the registry says otherwise (a
        WeChat Official Account has a name and a WeChat ID, no @handle)."""
        if item.shown_as is None:
            return "@" + item.handle
        return (item.shown_as[lang()].replace("{brand}", data.brand.name)
                .replace("{handle}", item.handle))

    @env.macro
    def social_table() -> str:
        zh = cjk()
        rows = ["| 平台 | 官方账号 | 私信客服 |" if zh else "| Platform | Official account | Support by DM |",
                "|---|---|---|"]
        for item in data.social:
            dm = ("提供" if item.dm_support else "不提供") if zh else ("Yes" if item.dm_support else "No")
            rows.append(f"| {t(item.platform)} | {md_link(social_name(item), item.url)} | {dm} |")
        return "\n".join(rows)

    @env.macro
    def domain_list() -> str:
        return "\n".join(f"- {md_code(item.domain)}" for item in data.domains)

    @env.macro
    def domain_rule() -> str:
        """Which addresses are ours, stated as the channel checker decides it (a listed domain or a
        name under one), so the pages and the checker can't disagree."""
        domains = [item.domain for item in data.domains]
        roots = [d for d in domains if not any(d.endswith("." + other) for other in domains)]
        suffixes = env.conf["extra"]["ui_strings"]["facts_list_separator"][lang()].join(md_code("." + d) for d in roots)
        return env.conf["extra"]["ui_strings"]["domain_rule"][lang()].replace("{suffixes}", suffixes)

    @env.macro
    def app_list() -> str:
        publisher = md_text(data.brand.publisher)
        note = f"（开发者：{publisher}）" if cjk() else f" (developer: {publisher})"
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

    def words(key: str) -> str:
        return env.conf["extra"]["ui_strings"][key][lang()]

    def table(head: list[str], rows: list[list[str]]) -> str:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])

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
        return words("facts_list_separator").join(names[:-1]) + words("facts_list_last_separator") + names[-1]

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
