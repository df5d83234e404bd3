"""The macros writers use in Markdown: registry values and reusable blocks, in the page's language.

Loaded by mkdocs-macros-plugin (`module_name` in mkdocs.yml). The macro names are the writers'
vocabulary, listed in CONTRIBUTING.md; keep them few and obvious.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError

from helpcenter import registry as reg
from helpcenter import ui as ui_strings
from helpcenter import status

ROOT = Path(__file__).resolve().parent.parent
REUSABLES = ROOT / "reusables"
PRODUCTION_ENV = "OKPAY_PRODUCTION"
OFFLINE_ZIP = "download/okpay-help-offline.zip"   # where the Pages workflow publishes `make offline`


# Characters that mean something to Python-Markdown or its extensions here (code, emphasis, links,
# tables, attr_list, tilde/caret) or to HTML. A registry value is text: each becomes a character
# reference, which Markdown leaves alone and the browser shows as the character itself.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>&|{}~^]")


def md_text(value) -> str:
    """A registry value as literal text in Markdown (and so in HTML): never markup."""
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", str(value))


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


def define_env(env) -> None:
    registry_path = reg.configured_path(Path(env.project_dir))
    try:
        data = reg.load(registry_path)
        if os.environ.get(PRODUCTION_ENV) == "1":
            reg.check_production(data, registry_path)
    except reg.RegistryError as exc:
        raise PluginError(str(exc)) from None
    demo = reg.demo_values(data)

    # Templates (overrides/) read these; config.extra is the only channel MkDocs gives them.
    env.conf["extra"]["demo_data"] = bool(demo)
    env.conf["extra"]["ui_strings"] = ui_strings.load()
    env.conf["extra"]["brand"] = html.escape(data["brand"]["name"])
    # `{{ brand }}` is printed into Markdown as is: it holds the escaped text, never markup.
    env.variables["brand"] = md_text(data["brand"]["name"])
    env.variables["registry"] = data

    def lang() -> str:
        page = env.page
        return getattr(page.file, "locale", None) or env.conf["theme"]["language"]

    def t(value):
        """A registry text in this page's language, escaped for Markdown."""
        return md_text(value[lang()] if isinstance(value, dict) else value)

    status.register(env, lang)

    def by_id(key: str, ident: str) -> dict:
        for item in data[key]:
            if item["id"] == ident:
                return item
        known = ", ".join(item["id"] for item in data[key])
        raise PluginError(f"{env.page.file.src_path}: unknown {key} id {ident!r}; expected one of: {known}")

    @env.macro
    def app_name() -> str:
        return t(data["brand"]["app"])

    @env.macro
    def help_center_name() -> str:
        return t(data["brand"]["help_center"])

    @env.macro
    def phone(ident: str) -> str:
        """A hotline as a tap-to-call link."""
        item = by_id("hotlines", ident)
        return md_link(item["number"], item["tel"])

    @env.macro
    def email(ident: str = "support") -> str:
        item = by_id("emails", ident)
        return md_link(item["address"], f"mailto:{item['address']}")

    @env.macro
    def domain(ident: str = "website") -> str:
        return md_code(by_id("domains", ident)["domain"])

    @env.macro
    def ui(ident: str) -> str:
        """An on-screen path, e.g. 「我的」→「安全中心」 / **Me** → **Security**."""
        if ident not in data["ui_paths"]:
            raise PluginError(f"{env.page.file.src_path}: ui({ident!r}): unknown path; expected one of: "
                              + ", ".join(data["ui_paths"]))
        steps = [md_text(step) for step in data["ui_paths"][ident][lang()]]
        if lang() == "zh":
            return " → ".join(f"「{s}」" for s in steps)
        return " → ".join(f"**{s}**" for s in steps)

    @env.macro
    def policy_link(ident: str) -> str:
        """A legal document (terms, privacy, fees) as a link named in the page's language."""
        item = by_id("policies", ident)
        return f"[{t(item['name'])}]({md_url(item['url'])})"

    @env.macro
    def txid_example() -> str:
        return md_code(data["transaction_id_example"])

    @env.macro
    def chat_hours() -> str:
        return t(data["chat"]["hours"])

    @env.macro
    def response_time(channel: str) -> str:
        times = data["response_times"]
        if channel == "chat":
            n, zh_unit, en_unit = times["chat_minutes"], "分钟", "minutes"
        elif channel == "email":
            n, zh_unit, en_unit = times["email_hours"], "小时", "hours"
        else:
            raise PluginError(f"{env.page.file.src_path}: response_time({channel!r}); expected 'chat' or 'email'")
        n = f"{n:g}"
        return f"{n} {zh_unit}内" if lang() == "zh" else f"within {n} {en_unit}"

    @env.macro
    def hotline_table() -> str:
        zh = lang() == "zh"
        head = ("| 地区 | 号码 | 服务时间 | 费用 | 语言 |" if zh
                else "| Region | Number | Hours | Cost | Languages |")
        names = {"zh": "中文" if zh else "Chinese", "en": "英文" if zh else "English"}
        rows = [head, "|---|---|---|---|---|"]
        for item in data["hotlines"]:
            langs = ("、" if zh else ", ").join(names[code] for code in item["languages"])
            rows.append(f"| {t(item['region'])} | {phone(item['id'])} | {t(item['hours'])} "
                        f"| {t(item['cost'])} | {langs} |")
        return "\n".join(rows)

    @env.macro
    def email_table() -> str:
        zh = lang() == "zh"
        rows = ["| 邮箱 | 用途 |" if zh else "| Address | Use it for |", "|---|---|"]
        rows += [f"| {email(item['id'])} | {t(item['purpose'])} |" for item in data["emails"]]
        return "\n".join(rows)

    @env.macro
    def social_table() -> str:
        zh = lang() == "zh"
        rows = ["| 平台 | 官方账号 | 私信客服 |" if zh else "| Platform | Official account | Support by DM |",
                "|---|---|---|"]
        for item in data["social"]:
            dm = ("提供" if item["dm_support"] else "不提供") if zh else ("Yes" if item["dm_support"] else "No")
            rows.append(f"| {t(item['platform'])} | {md_link('@' + item['handle'], item['url'])} | {dm} |")
        return "\n".join(rows)

    @env.macro
    def domain_list() -> str:
        return "\n".join(f"- {md_code(item['domain'])}" for item in data["domains"])

    @env.macro
    def app_list() -> str:
        publisher = md_text(data["brand"]["publisher"])
        note = f"（开发者：{publisher}）" if lang() == "zh" else f" (developer: {publisher})"
        return "\n".join(f"- [{t(item['store'])}]({md_url(item['url'])}){note}" for item in data["apps"])

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
    def authority(ident: str) -> str:
        """A public body that takes fraud reports: its name with a call or web link."""
        item = by_id("authorities", ident)
        name = t(item["name"])
        if "phone" in item:
            return f"{name} {md_link(item['phone'], 'tel:' + str(item['phone']))}"
        return f"[{name}]({md_url(item['url'])})"

    @env.macro
    def reusable(name: str) -> str:
        """A shared block (reusables/<lang>/<name>.md), rendered with these same macros."""
        path = REUSABLES / lang() / f"{name}.md"
        if not path.is_file():
            raise PluginError(f"{env.page.file.src_path}: reusable({name!r}): {path} does not exist; "
                              f"expected one of: {', '.join(sorted(p.stem for p in path.parent.glob('*.md')))}")
        return env.render(path.read_text(encoding="utf-8"), force_rendering=True)

    @env.macro
    def channel_checker() -> str:
        """The "Is this really OKPay?" checker (helpcenter/channel_checker.py) for this page."""
        from helpcenter import channel_checker as checker
        return checker.render(data, lang(), env.page.url, checker.article_urls(env.variables["files"], lang()))
