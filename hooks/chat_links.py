"""Links support agents paste into chats: copy buttons, /go/ short links and links.json.

- Every question heading (an H2/H3 with an id in an article) gets a copy button. Material already
  copies the `data-clipboard-text` of any element and shows its "copied" toast, so the button needs
  no script of ours; it copies "<heading title> <short link>" in the page's language.
- Short links, written after the build as tiny redirect pages (relative targets, so they work under
  a sub-path too):
    /go/<id>/[<anchor>/]      the reader's browser language (Chinese when neither matches)
    /zh/go/<id>/[<anchor>/]   always Chinese
    /en/go/<id>/[<anchor>/]   always English
  Without JavaScript the auto form falls back to Chinese through <noscript> meta refresh.
- links.json at the site root: one record per article and per question heading per language
  (schema: schemas/links.schema.json). Tools, agents and tests read it.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from redirect_page import UI, redirect_html  # hooks/ is on sys.path while MkDocs loads a hook

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
HEADING = re.compile(r'<h([23]) id="([a-z0-9-]+)">(.*?)</h\1>(\s*<p>(.*?)</p>)?', re.S)
TAG = re.compile(r"<[^>]+>")

# (lang, id, anchor) -> record; rebuilt on every build of the default language.
RECORDS: dict[tuple[str, str, str], dict] = {}


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).replace("¶", "").split())


def _lang(page) -> str:
    return "en" if page.url.startswith("en/") else DEFAULT_LANG


def _path(page) -> str:
    """The page's path inside its language tree, e.g. contact/phone-hotline/."""
    return page.url[3:] if page.url.startswith("en/") else page.url


def short_path(lang: str | None, ident: str, anchor: str = "") -> str:
    """Site-relative path of a short link; lang None is the browser-language form."""
    prefix = f"{lang}/" if lang else ""
    return f"{prefix}go/{ident}/" + (f"{anchor}/" if anchor else "")


def on_config(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "current_language", DEFAULT_LANG) == DEFAULT_LANG:
        RECORDS.clear()


def on_page_content(content: str, page, config, files) -> str:
    ident = page.meta.get("id")
    if not ident:
        return content
    lang, site = _lang(page), config.site_url or ""
    base = dict(id=ident, lang=lang, section=_path(page).split("/")[0],
                article_title=page.meta["title"], path=page.url)
    RECORDS[(lang, ident, "")] = dict(
        base, anchor="", title=page.meta["title"], description=page.meta.get("description", ""),
        url=site + page.url, short_url=site + short_path(lang, ident))

    def add_button(m: re.Match) -> str:
        level, anchor, inner, para = m.group(1), m.group(2), m.group(3), m.group(5) or ""
        title = _text(inner)
        short = site + short_path(lang, ident, anchor)
        RECORDS[(lang, ident, anchor)] = dict(
            base, anchor=anchor, title=title, description=_text(para)[:300],
            url=f"{site}{page.url}#{anchor}", short_url=short)
        button = (f'<button type="button" class="okp-copy-link" data-clipboard-text="{html.escape(f"{title} {short}")}"'
                  f' aria-label="{UI["copy_link"][lang]}{html.escape(title)}"'
                  f' title="{UI["copy_link"][lang].rstrip(": ：")}"></button>')
        return m.group(0).replace(f"</h{level}>", f"{button}</h{level}>", 1)

    return HEADING.sub(add_button, content)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config) -> None:
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    site = Path(config.site_dir)
    records = sorted(RECORDS.values(), key=lambda r: (r["lang"], r["section"], r["id"], r["anchor"]))
    write_short_links(site, records)
    (site / "links.json").write_text(
        json.dumps({"site_url": config.site_url or "", "records": records}, ensure_ascii=False, indent=1),
        encoding="utf-8")


def write_short_links(site: Path, records: list[dict]) -> None:
    by_key = {(r["lang"], r["id"], r["anchor"]): r for r in records}
    for (lang, ident, anchor), record in by_key.items():
        fragment = f"#{anchor}" if anchor else ""
        forms = [lang, None] if lang == DEFAULT_LANG else [lang]
        for form in forms:
            rel = short_path(form, ident, anchor)
            up = "../" * rel.count("/")
            if form is None:
                targets = {k: up + by_key[(k, ident, anchor)]["path"] + fragment
                           for k in LANGS if (k, ident, anchor) in by_key}
                out = redirect_html(DEFAULT_LANG, record["title"], targets, by_browser_language=True)
            else:
                out = redirect_html(lang, record["title"], {lang: up + record["path"] + fragment})
            target = site / rel / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(out, encoding="utf-8")
