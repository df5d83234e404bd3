"""okpay-related: 2-4 related articles at the end of every article, in the page's language.

The choice is helpcenter/related.py's (shared tags, section and wording; a derived edition takes its
source's list); this plugin renders it
after the article's own content, as a list of links with a heading from data/ui.yml. It runs after
okpay-links, so its heading gets no copy button and no entry in links.json.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from helpcenter import related, ui
from helpcenter.layout import Layout


class RelatedConfig(Config):
    most = c.Type(int, default=4)
    least = c.Type(int, default=2)


class RelatedPlugin(BasePlugin[RelatedConfig]):
    def on_config(self, config):
        self.layout = Layout.from_config(config)
        self.ui = ui.load(languages=self.layout.codes)
        docs = Path(config.docs_dir)
        pools = {lang: related.articles(docs / lang) for lang in self.layout.codes}
        self.choice = {lang.code: related.related(pools[lang.code], self.config.most, self.config.least)
                       for lang in self.layout.languages if not lang.derive_from}
        for lang in self.layout.derived():      # the source page's list, not a choice of its own
            self.choice[lang.code] = related.follow(self.choice[lang.derive_from], pools[lang.code])
        return config

    def on_page_content(self, content: str, page, config, files) -> str:
        ident = page.meta.get("id")
        lang = self.layout.lang_of_url(page.url)
        picks = self.choice.get(lang, {}).get(ident) if ident else None
        if not picks:
            return content
        here = page.url if page.url.endswith("/") else posixpath.dirname(page.url) + "/"
        items = []
        for a in picks:
            target = self.layout.page_url(lang, self.layout.article_path(a.section, a.ident))
            href = posixpath.relpath(target, here) + "/"
            items.append(f'<li><a href="{html.escape(href)}">{html.escape(a.title)}</a></li>')
        title = html.escape(self.ui["related_articles"][lang])
        return (content + f'<nav class="okp-related" aria-label="{title}" data-search-exclude><h2>{title}</h2>'
                f'<ul>{"".join(items)}</ul></nav>')
