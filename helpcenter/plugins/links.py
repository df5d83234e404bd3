"""okpay-links: links support agents paste into chats, and addresses that never break.

- Every question heading (an H2/H3 with an id in an article) gets a copy button. Material already
  copies the `data-clipboard-text` of any element and shows its "copied" toast, so the button needs
  no script of ours; it copies "<heading title> <short link>" in the page's language.
- Short links (helpcenter/layout.py has their shape), written after every language is built as
  redirect stubs: the browser-language form follows the reader's languages (the default language
  when none matches; without JavaScript too); the per-language forms always open that language.
- links.json at the site root: the catalog (helpcenter/catalog.py), one record per article and per
  question heading per language.
- Moved articles: data/redirects.yml maps old paths to new ones; every old page, anchor and short
  link of the old id forwards to the new article, in every language.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from helpcenter import redirects, ui
from helpcenter.catalog import FILE_NAME, Catalog
from helpcenter.layout import Layout
from helpcenter.plugins import PRIORITY_ALL_LANGUAGES, i18n

HEADING = re.compile(r'<h([23]) id="([a-z0-9-]+)">(.*?)</h\1>(\s*<p>(.*?)</p>)?', re.S)
TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).replace("¶", "").split())


class LinksConfig(Config):
    # Relative paths are read from the folder of mkdocs.yml (MkDocs resolves File options there).
    redirects = c.File(exists=False, default="data/redirects.yml")
    ui_strings = c.File(exists=True, default="data/ui.yml")


class LinksPlugin(BasePlugin[LinksConfig]):
    def __init__(self):
        self.catalog = Catalog()
        self.layout: Layout | None = None
        self.moves: dict[str, str] = {}

    def on_config(self, config):
        self.layout = Layout.from_config(config)
        self.ui = ui.load(Path(self.config.ui_strings), self.layout.codes)
        if not i18n.is_nested_build(config):
            self.catalog = Catalog(config.site_url or "")
            # Read before anything is built: a bad entry fails in a second, not after every page.
            try:
                self.moves = redirects.load_moves(Path(self.config.redirects))
            except redirects.RedirectError as exc:
                raise PluginError(str(exc)) from None
        return config

    def on_page_content(self, content: str, page, config, files) -> str:
        ident = page.meta.get("id")
        if not ident:
            return content
        layout, site = self.layout, config.site_url or ""
        lang = layout.lang_of_url(page.url)
        label = self.ui["copy_link"][lang]
        base = dict(id=ident, lang=lang, section=layout.strip_lang(page.url).split("/")[0],
                    article_title=page.meta["title"], path=page.url)
        self.catalog.add(dict(
            base, anchor="", title=page.meta["title"], description=page.meta.get("description", ""),
            url=site + page.url, short_url=site + layout.short_path(lang, ident)))

        def add_button(m: re.Match) -> str:
            level, anchor, inner, para = m.group(1), m.group(2), m.group(3), m.group(5) or ""
            title = _text(inner)
            short = site + layout.short_path(lang, ident, anchor)
            self.catalog.add(dict(
                base, anchor=anchor, title=title, description=_text(para)[:300],
                url=f"{site}{page.url}#{anchor}", short_url=short))
            button = (f'<button type="button" class="okp-copy-link" data-clipboard-text="{html.escape(f"{title} {short}")}"'
                      f' aria-label="{html.escape(label)}{html.escape(title)}"'
                      f' title="{html.escape(label.rstrip(": ："))}"></button>')
            return m.group(0).replace(f"</h{level}>", f"{button}</h{level}>", 1)

        return HEADING.sub(add_button, content)

    @event_priority(PRIORITY_ALL_LANGUAGES)
    def on_post_build(self, config) -> None:
        if i18n.is_nested_build(config):
            return
        site = Path(config.site_dir)
        self.write_short_links(site)
        (site / FILE_NAME).write_text(self.catalog.to_json(), encoding="utf-8")
        self.write_moved_pages(site)

    # -- short links ----------------------------------------------------------------------------
    def write_short_links(self, site: Path) -> None:
        layout, records = self.layout, self.catalog.records
        for (lang, ident, anchor), record in records.items():
            fragment = f"#{anchor}" if anchor else ""
            forms = [lang, None] if lang == layout.default else [lang]
            for form in forms:
                rel = layout.short_path(form, ident, anchor)
                up = "../" * rel.count("/")
                if form is None:
                    targets = {code: up + records[(code, ident, anchor)]["path"] + fragment
                               for code in layout.codes if (code, ident, anchor) in records}
                    out = redirects.redirect_html(lang, record["title"], targets, self.ui,
                                                  by_browser_language=True, default=layout.default)
                else:
                    out = redirects.redirect_html(lang, record["title"], {lang: up + record["path"] + fragment}, self.ui)
                self._write(site, rel, out)

    # -- moved articles -------------------------------------------------------------------------
    def write_moved_pages(self, site: Path) -> None:
        layout, by_path = self.layout, self.catalog.by_path()
        for old, new in self.moves.items():
            where = f"{self.config.redirects}: entry '{old}'"
            for lang in layout.codes:
                target = by_path.get(layout.page_url(lang, new))
                if target is None:
                    raise PluginError(f"{where}: target '{new}' is not an article in {lang}")
                old_url = layout.page_url(lang, old)
                if (site / old_url / "index.html").exists():
                    raise PluginError(f"{where}: '{old}' is still a page in {lang}; a redirect would overwrite it")
                up = "../" * old_url.count("/")
                self._write(site, old_url,
                                redirects.redirect_html(lang, target["title"], {lang: up + target["path"]}, self.ui))
            old_id, new_id = old.rstrip("/").split("/")[-1], new.rstrip("/").split("/")[-1]
            if old_id != new_id:
                self._old_short_links(site, old_id, new_id)

    @staticmethod
    def _write(site: Path, rel: str, text: str) -> None:
        try:
            redirects.write(site, rel, text)
        except redirects.RedirectError as exc:
            raise PluginError(str(exc)) from None

    def _old_short_links(self, site: Path, old_id: str, new_id: str) -> None:
        """Recreate /go/<old-id>/... for every short link of the new article, in every form."""
        layout = self.layout
        records = [r for r in self.catalog.records.values() if r["id"] == new_id]
        for record in records:
            fragment = f"#{record['anchor']}" if record["anchor"] else ""
            forms = [record["lang"]] + ([None] if record["lang"] == layout.default else [])
            for form in forms:
                rel = layout.short_path(form, old_id, record["anchor"])
                up = "../" * rel.count("/")
                if form is None:
                    targets = {r["lang"]: up + r["path"] + fragment for r in records if r["anchor"] == record["anchor"]}
                    out = redirects.redirect_html(record["lang"], record["title"], targets, self.ui,
                                                  by_browser_language=True, default=layout.default)
                else:
                    out = redirects.redirect_html(record["lang"], record["title"],
                                                  {record["lang"]: up + record["path"] + fragment}, self.ui)
                self._write(site, rel, out)
