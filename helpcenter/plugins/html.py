"""okpay-html: valid, accessible markup from Material's templates, fixed at build time.

Material's files stay byte-identical (tests/test_pristine_assets.py); what its templates emit is
corrected in each page's HTML before the minify plugin runs, and nothing is shipped to the
browser for it:

- Navigation tabs get `tabindex=""` (an empty value is invalid; browsers ignore it): removed.
- The search overlay is `role="dialog"` with no accessible name (axe and Lighthouse
  `aria-dialog-name`): it gets the localized "Search" label of the search box.
- The `head_without_hreflang` template filter, used by overrides/main.html's `site_meta` block:
  Material's language-switch script fetches `sitemap.xml` beside every `<link rel=alternate>`
  (404s in every page's console), so the alternates leave the page head; hreflang is published
  page by page in sitemap.xml instead (overrides/sitemap.xml), which search engines read the same
  way (mkdocs-static-i18n's sitemap template, to which this plugin adds x-default, pointing at the
  default language, and whose language codes it replaces with each language's hreflang tag from
  data/languages.yml). The same filter escapes the description meta, which Material writes unescaped.
- Pages that tell search engines not to index them (`<meta name="robots" content="noindex…">`,
  such as the agent console) leave sitemap.xml: a sitemap must list only pages to index.

Material's checkboxes with `autocomplete="off"` are invalid HTML but stop Firefox from restoring
an open drawer on reload; they are left as they are and filtered by name in the quality gate
(helpcenter/quality.py, KNOWN_UPSTREAM).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from helpcenter.layout import Layout
from helpcenter.plugins import PRIORITY_ALL_LANGUAGES, PRIORITY_BEFORE_MINIFY, i18n

EMPTY_TABINDEX = ' tabindex=""'
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(>)')
SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')
HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
SITEMAP_DEFAULT = '<xhtml:link rel="alternate" hreflang="{code}" href="([^"]*)"/>'
NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex')
SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)
SWITCHER_LINK = re.compile(r'hreflang="([^"]*)" class="md-select__link"')
DESCRIPTION = re.compile(r'<meta name="description" content="(.*?)">', re.S)


def head_without_hreflang(markup: str) -> str:
    markup = HREFLANG_LINK.sub("", str(markup))
    return DESCRIPTION.sub(lambda m: f'<meta name="description" content="{html.escape(html.unescape(m.group(1)))}">',
                           markup)


def fix(markup: str) -> str:
    markup = markup.replace(EMPTY_TABINDEX, "")
    label = SEARCH_LABEL.search(markup)
    if label and 'role="dialog" aria-label=' not in markup:
        markup = SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{label.group(1)}"{m.group(2)}', markup, count=1)
    return markup


class HtmlConfig(Config):
    enabled = c.Type(bool, default=True)


class HtmlPlugin(BasePlugin[HtmlConfig]):
    def __init__(self):
        self.noindex: set[str] = set()      # site-relative URLs of pages not to index (all languages)

    def on_env(self, env, config, files):
        env.filters["head_without_hreflang"] = head_without_hreflang
        return env

    @event_priority(PRIORITY_BEFORE_MINIFY)
    def on_post_page(self, output: str, page, config) -> str:
        if NOINDEX.search(output):
            self.noindex.add(page.url)
        if not self.config.enabled:
            return output
        return switcher_hreflang(fix(output), Layout.from_config(config))

    @event_priority(PRIORITY_BEFORE_MINIFY)
    def on_post_template(self, output: str, template_name: str, config) -> str:
        # 404.html is rendered as a static template, not as a page.
        return fix(output) if self.config.enabled and template_name == "404.html" else output

    @event_priority(PRIORITY_ALL_LANGUAGES)
    def on_post_build(self, config) -> None:
        if i18n.is_nested_build(config):
            return
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if sitemap.exists():
            layout = Layout.from_config(config)
            xml = with_hreflang(with_x_default(sitemap.read_text(encoding="utf-8"), layout.default), layout)
            sitemap.write_text(without_urls(xml, {config.site_url + url for url in self.noindex}), encoding="utf-8")
        self.noindex.clear()


def with_x_default(xml: str, default: str) -> str:
    """Each <url>'s alternates get an x-default: the page in the default language."""
    pattern = re.compile(SITEMAP_DEFAULT.format(code=re.escape(default)))
    if 'hreflang="x-default"' in xml:
        return xml
    return pattern.sub(lambda m: m.group(0) + f'\n        <xhtml:link rel="alternate" hreflang="x-default" href="{m.group(1)}"/>', xml)


def switcher_hreflang(markup: str, layout: Layout) -> str:
    """The language switcher's links name each edition by its hreflang tag too (zh-Hans, zh-Hant)."""
    tags = {lang.code: lang.hreflang for lang in layout.languages}
    return SWITCHER_LINK.sub(lambda m: f'hreflang="{tags.get(m.group(1), m.group(1))}" class="md-select__link"', markup)


def with_hreflang(xml: str, layout: Layout) -> str:
    """mkdocs-static-i18n writes each alternate's language code; search engines want the BCP 47 tag
    (data/languages.yml hreflang: zh-Hans and zh-Hant tell the two Chinese editions apart)."""
    tags = {f'hreflang="{lang.code}"': f'hreflang="{lang.hreflang}"' for lang in layout.languages}
    return re.sub(r'hreflang="[^"]*"', lambda m: tags.get(m.group(0), m.group(0)), xml)


def without_urls(xml: str, urls: set[str]) -> str:
    """The sitemap less the <url> entries whose <loc> is one of `urls`."""
    return SITEMAP_URL.sub(lambda m: "" if m.group(1) in urls else m.group(0), xml)
