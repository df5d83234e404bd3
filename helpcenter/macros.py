"""The macros writers use in Markdown: registry values and reusable blocks, in the page's language.

Loaded by mkdocs-macros-plugin (`module_name` in mkdocs.yml). The macro names are the writers'
vocabulary, listed in CONTRIBUTING.md; keep them few and obvious.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from helpcenter import playbook
from helpcenter import registry as reg

ROOT = Path(__file__).resolve().parent.parent
REUSABLES = ROOT / "reusables"
UI_STRINGS = ROOT / "data" / "ui.yml"
PRODUCTION_ENV = "OKPAY_PRODUCTION"
OFFLINE_ZIP = "download/okpay-help-offline.zip"   # where the Pages workflow publishes `make offline`


def load_ui_strings(path: Path = UI_STRINGS) -> dict:
    """Template strings, each with both languages side by side so neither can go missing."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in data.items():
        missing = [lang for lang in reg.LANGS if not isinstance(value, dict) or not value.get(lang)]
        if missing:
            raise PluginError(f"{path}: field '{key}': missing {', '.join(missing)}; expected text in zh and en")
    return data


def define_env(env) -> None:
    registry_path = Path(os.environ.get("OKPAY_REGISTRY", reg.DEFAULT_PATH))
    try:
        data = reg.load(registry_path)
        if os.environ.get(PRODUCTION_ENV) == "1":
            reg.check_production(data, registry_path)
    except reg.RegistryError as exc:
        raise PluginError(str(exc)) from None
    demo = reg.demo_values(data)

    # Templates (overrides/) read these; config.extra is the only channel MkDocs gives them.
    env.conf["extra"]["demo_data"] = bool(demo)
    env.conf["extra"]["ui_strings"] = load_ui_strings()
    env.conf["extra"]["brand"] = data["brand"]["name"]
    env.variables["brand"] = data["brand"]["name"]
    env.variables["registry"] = data

    def lang() -> str:
        page = env.page
        return getattr(page.file, "locale", None) or env.conf["theme"]["language"]

    def t(value):
        return value[lang()] if isinstance(value, dict) else value

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
        return f"[{item['number']}](tel:{item['e164']})"

    @env.macro
    def email(ident: str = "support") -> str:
        item = by_id("emails", ident)
        return f"[{item['address']}](mailto:{item['address']})"

    @env.macro
    def domain(ident: str = "website") -> str:
        return f"`{by_id('domains', ident)['domain']}`"

    @env.macro
    def ui(ident: str) -> str:
        """An on-screen path, e.g. 「我的」→「安全中心」 / **Me** → **Security**."""
        if ident not in data["ui_paths"]:
            raise PluginError(f"{env.page.file.src_path}: ui({ident!r}): unknown path; expected one of: "
                              + ", ".join(data["ui_paths"]))
        steps = t(data["ui_paths"][ident])
        if lang() == "zh":
            return " → ".join(f"「{s}」" for s in steps)
        return " → ".join(f"**{s}**" for s in steps)

    @env.macro
    def txid_example() -> str:
        return f"`{data['transaction_id_example']}`"

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
            rows.append(f"| {t(item['platform'])} | [@{item['handle']}]({item['url']}) | {dm} |")
        return "\n".join(rows)

    @env.macro
    def domain_list() -> str:
        return "\n".join(f"- `{item['domain']}`" for item in data["domains"])

    @env.macro
    def app_list() -> str:
        publisher = data["brand"]["publisher"]
        note = f"（开发者：{publisher}）" if lang() == "zh" else f" (developer: {publisher})"
        return "\n".join(f"- [{t(item['store'])}]({item['url']}){note}" for item in data["apps"])

    @env.macro
    def offline_download() -> str:
        """The home page's link to the offline zip, or a note when this already is the offline copy."""
        ui = env.conf["extra"]["ui_strings"]
        if env.conf["extra"].get("offline"):
            return ui["offline_current"][lang()]
        # Raw HTML: the zip is added to the hosted site by the Pages workflow, not by MkDocs,
        # so MkDocs' own link validation cannot know it.
        up = "../" * env.page.url.count("/")
        return f'<a href="{up}{OFFLINE_ZIP}" download>{ui["offline_download"][lang()]}</a>'

    @env.macro
    def authority(ident: str) -> str:
        """A public body that takes fraud reports: its name with a call or web link."""
        item = by_id("authorities", ident)
        name = t(item["name"])
        if "phone" in item:
            return f"{name} [{item['phone']}](tel:{item['phone']})"
        return f"[{name}]({item['url']})"

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
        return checker.render(data, lang(), env.page.url)

    playbook.register(env, data)   # {{ playbook(...) }}, {{ playbook_freezing() }}, {{ emergency_guide() }}
