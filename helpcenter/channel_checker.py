"""The "Is this really OKPay?" checker: its data, built from the registry, and its HTML for one page.

The checker itself is docs/assets/javascripts/channel-check.js (pure, also run by Node in
tests/js/); the page glue is channel-check-page.js. Everything the two scripts need is inlined in
the page as JSON, so the widget works offline and from file:// with no fetch. Strings come from
data/channel-check.yml, contact values only from the loaded registry.

Subdomains: any host under an official registry domain counts as official (www.okpay.example.com,
a.b.app.okpay.example.com), because whoever controls a domain's DNS controls every name under it.

The contact values come from helpcenter/official_channels.py's document, the same one published
as official-channels.json.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path, PurePosixPath

import phonenumbers

from helpcenter import datafile, datakeys, localized, official_channels, project
from helpcenter import registry as reg
from helpcenter.layout import Layout
from helpcenter.registry_model import Registry

STRINGS = Path("data/channel-check.yml")   # in the project folder (helpcenter/project.py)
SCRIPTS = ("assets/javascripts/channel-check.js", "assets/javascripts/channel-check-page.js")


class CheckerError(ValueError):
    """data/channel-check.yml is missing a string or a language; the message names the key."""


def load_strings(path: Path = STRINGS) -> dict:
    """The strings, validated: every leaf is a mapping with non-empty zh and en."""
    path = project.path(path)
    try:
        data = localized.load(path, datakeys.CHANNEL_CHECK, derive="any")
    except datafile.DataFileError as exc:
        raise CheckerError(str(exc)) from None

    def walk(node, where: str) -> None:
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{where}[{i}]")
        elif isinstance(node, dict) and set(node) & set(reg.LANGS):
            node.update(localized.derived_values(node))
            missing = [lang for lang in reg.LANGS if not isinstance(node.get(lang), str) or not node[lang]]
            if missing:
                raise CheckerError(f"{path}: field '{where}': missing {', '.join(missing)}; expected text in zh and en")
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{where}.{key}" if where else key)
        else:
            raise CheckerError(f"{path}: field '{where}': got {datafile.clip(node)}; expected zh and en texts")

    walk(data, "")
    return data


def localize(node, lang: str, **values):
    """One language of the strings tree, with {brand}-style placeholders filled in."""
    if isinstance(node, list):
        return [localize(item, lang, **values) for item in node]
    if set(node) & set(reg.LANGS):
        text = node[lang]
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text
    return {key: localize(value, lang, **values) for key, value in node.items()}


def ui_path(registry: Registry, ident: str, lang: str) -> str:
    """An on-screen path as plain text (no Markdown: the page shows it with textContent)."""
    steps = registry.ui_paths[ident][lang]
    return "→".join(f"「{s}」" for s in steps) if Layout.load().language(lang).cjk else " → ".join(steps)


def checker_data(registry: Registry, lang: str, strings: dict | None = None) -> dict:
    """What channel-check.js compares with: official-channels.json's values, names in `lang`."""
    s = localize(strings or load_strings(), lang)["channel"]
    doc = official_channels.document(registry)

    phones, codes = [], []
    for item in doc["phones"]:
        parsed = phonenumbers.parse(item["e164"], None)
        # How the number is written inside its own country: national digits and trunk prefix.
        home = official_channels.default_region(phonenumbers.region_code_for_number(parsed))
        phones.append({"kind": "phone", "id": item["id"], "value": item["e164"], "display": item["number"],
                       "national": str(parsed.national_number), "trunk": home["trunk"],
                       "label": s["phone"].replace("{region}", item["region"][lang])})
        code = str(parsed.country_code)
        if code not in codes:
            codes.append(code)
    emails = [{"kind": "email", "id": item["id"], "value": item["address"].lower(), "display": item["address"],
               "label": s["email"].replace("{purpose}", item["purpose"][lang])} for item in doc["emails"]]
    domains = [{"kind": "url", "id": item["id"], "value": item["domain"].lower(), "display": item["domain"],
                "label": s.get(item["id"], s["domain"])} for item in doc["domains"]]

    profiles, by_handle = [], {}
    for item in doc["social"]:
        handle = item["handle"].lower()
        platform = item["platform"][lang]
        for h in item["hosts"]:
            profiles.append({"kind": "handle", "id": item["id"], "value": handle, "host": h,
                             "display": "@" + item["handle"], "dm": item["dm_support"],
                             "label": s["handle"].replace("{platforms}", platform)})
        group = by_handle.setdefault(handle, {"kind": "handle", "ids": [], "platforms": [], "value": handle,
                                              "display": "@" + item["handle"], "dm": True})
        group["ids"].append(item["id"])
        group["platforms"].append(platform)
        group["dm"] = group["dm"] and item["dm_support"]
    handles = [{"kind": "handle", "id": ",".join(g["ids"]), "value": g["value"], "display": g["display"],
                "dm": g["dm"], "label": s["handle"].replace("{platforms}", s["separator"].join(g["platforms"]))}
               for g in by_handle.values()]
    brand = re.sub(r"[^0-9a-z]", "", doc["brand"].lower())
    # A reader of an edition for one region (data/languages.yml home_region) types local numbers
    # of that region: the checker reads a number without a country code as one from there.
    home_code = Layout.load().language(lang).home_region.get("code")
    region = official_channels.default_region(home_code) if home_code else doc["default_region"]
    return {"brand": brand, "countryCodes": codes, "defaultRegion": region, "phones": phones,
            "emails": emails, "domains": domains, "profiles": profiles, "handles": handles}


def article_urls(files, lang: str) -> dict:
    """Article id -> its site-relative URL in `lang`, from the build's own file list (so the
    checker's links follow an article that moves, and the offline build's .html URLs)."""
    urls = {}
    for file in files.documentation_pages():
        parts = PurePosixPath(file.src_uri).parts
        if len(parts) == 3 and parts[0] == lang and parts[2] != "index.md":
            urls[PurePosixPath(parts[2]).stem] = file.url
    return urls


def relative_to(page_url: str, target: str) -> str:
    """target (a site-relative path) as seen from the page at page_url ("en/contact/x/" or "x.html")."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    return "../" * folder.count("/") + target


def _json_for_html(value) -> str:
    """JSON that cannot close its <script> element or open a comment, whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def payload(registry: Registry, lang: str, page_url: str, urls: dict, strings: dict | None = None) -> dict:
    """Everything the page scripts read: the checker data, this language's strings, verdict links.

    urls: article id -> site-relative URL in this language (article_urls); the verdicts link to
    the articles named under `links:` in data/channel-check.yml.
    """
    if lang not in reg.LANGS:
        raise CheckerError(f"channel_checker: unknown language {lang!r}; expected one of {reg.LANGS}")
    strings = strings or load_strings()
    if "report-scam" not in registry.ui_paths:
        raise CheckerError("registry: ui_paths has no 'report-scam'; the checker's advice needs it")
    missing = [ident for ident in strings["links"] if ident not in urls]
    if missing:
        raise CheckerError(f"{STRINGS}: links: no {lang} article with id {', '.join(map(repr, missing))}; "
                           "expected the id of an existing article")
    text = localize(strings, lang, brand=registry.brand.name, report=ui_path(registry, "report-scam", lang))
    return {
        "lang": lang,
        "data": checker_data(registry, lang, strings),
        "strings": {key: text[key] for key in ("form", "verdict", "reason", "official-reminder",
                                               "advice-title", "advice")},
        "links": [{"id": ident, "href": relative_to(page_url, urls[ident]), "text": text["links"][ident]}
                  for ident in strings["links"]],
    }


def render(registry: Registry, lang: str, page_url: str, urls: dict, strings: dict | None = None) -> str:
    """The widget for one page: form, result region, inline data and the two scripts.

    One raw HTML block without blank lines, so Markdown passes it through untouched. The form and
    the noscript text are kept out of search on their own elements: Material's search parser
    matches elements by tag name, so excluding the wrapper <div> would end at the first inner </div>.
    """
    config = payload(registry, lang, page_url, urls, strings)
    form = config["strings"]["form"]
    e = html.escape
    scripts = "".join(f'<script src="{e(relative_to(page_url, src))}"></script>' for src in SCRIPTS)
    return (
        f'<div class="okp-check">'
        f'<form class="okp-check__form" data-channel-check-form data-search-exclude novalidate>'
        f'<label for="okp-check-input">{e(form["label"])}</label>'
        f'<div class="okp-check__row">'
        f'<input id="okp-check-input" name="q" type="text" inputmode="text" autocomplete="off" autocapitalize="off" '
        f'spellcheck="false" maxlength="4000" placeholder="{e(form["placeholder"])}" '
        f'aria-describedby="okp-check-hint" data-channel-check-input>'
        f'<button type="submit">{e(form["button"])}</button></div>'
        f'<p class="okp-check__hint" id="okp-check-hint">{e(form["hint"])}</p>'
        f'</form>'
        f'<div class="okp-check__result" data-verdict="" aria-live="polite" aria-atomic="true"></div>'
        f'<noscript data-search-exclude><p>{e(form["noscript"])}</p></noscript>'
        f'<script type="application/json" id="okpay-channel-data">{_json_for_html(config)}</script>'
        f'{scripts}</div>'
    )
