"""The site's layout: its languages and the shape of every address it publishes.

The one owner of these facts. Languages come from the i18n plugin's `languages` list in
mkdocs.yml (the default one first), and what the site knows about each (script, typography, date
format, hreflang, search analyzer, the language an edition is derived from) from
data/languages.yml; adding a language is one entry in each. Code asks a Language for a fact, never
compares its code to a literal. Everything else here is derived:

- docs tree:      docs/<lang>/<section>/<id>.md
- page URL:       <section>/<id>/ for the default language, <lang>/<section>/<id>/ for the others
- short link:     go/<id>/[<anchor>/] (browser language), <lang>/go/<id>/[<anchor>/] (fixed language)
- redirect stub:  a tiny noindex page (helpcenter/redirects.py) that carries REDIRECT_MARKER

Build-time code gets a Layout from the MkDocs config (`Layout.from_config`), tools from mkdocs.yml
(`Layout.load`). Templates read the same facts from `config.extra.languages`, set by the site
plugin (helpcenter/plugins/site.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpcenter import datafile, datakeys, project

MKDOCS_YML = Path(project.CONFIG_FILE)   # relative to the project folder (helpcenter/project.py)
LANGUAGES_YML = Path("data/languages.yml")   # beside it: each language's facts

# The first element of every redirect stub's <head>; published.py and the tests recognise stubs by it.
REDIRECT_MARKER = '<meta name="okpay-redirect" content="1">'
# The facts of a language data/languages.yml does not describe: a Latin-script language whose
# tags are its code (helpcenter/datakeys.py LANGUAGES declares the keys).
DEFAULT_FACTS = {"script": "latin", "typography": "latin", "date": "{month_name} {day}, {year}", "colon": ": ",
                 "search": {"analyzer": "words", "fold": "none"}}
SCRIPTS = ("han", "latin")
VARIANTS = ("simplified", "traditional")
TYPOGRAPHY = ("cjk", "latin")
ANALYZERS = ("cjk-bigram", "words")
FOLDS = ("simplified", "traditional", "none")
REDIRECT_TARGET = re.compile(r'<noscript><meta http-equiv="refresh" content="0; url=([^"]+)">')


class LayoutError(ValueError):
    """mkdocs.yml does not describe the languages the way this project needs."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool
    facts: dict = field(default_factory=dict, compare=False, hash=False)

    def fact(self, key: str, default=None):
        return self.facts.get(key, DEFAULT_FACTS.get(key, default))

    @property
    def og_locale(self) -> str:
        """The Open Graph locale (language_TERRITORY) chat apps expect."""
        return self.fact("og_locale", self.code)

    @property
    def hreflang(self) -> str:
        return self.fact("hreflang", self.code)

    @property
    def browser_locale(self) -> str:
        return self.fact("browser_locale", self.code)

    @property
    def script(self) -> str:
        return self.fact("script")

    @property
    def variant(self) -> str | None:
        return self.fact("variant")

    @property
    def cjk(self) -> bool:
        """Prose follows the CJK typography rules (and the macros' Chinese sentences apply)."""
        return self.fact("typography") == "cjk"

    @property
    def colon(self) -> str:
        return self.fact("colon")

    @property
    def browser_tags(self) -> tuple[str, ...]:
        """Browser language tags (besides its code and hreflang) that mean this edition."""
        return tuple(self.fact("browser_tags") or ())

    @property
    def markers(self) -> str:
        return self.fact("markers") or ""

    @property
    def derive_from(self) -> str | None:
        return self.fact("derive_from")

    @property
    def phrases(self) -> str | None:
        return self.fact("phrases")

    @property
    def home_region(self) -> dict:
        """{"id": registry region id, "code": ISO code}, or {} for no particular region."""
        return self.fact("home_region") or {}

    @property
    def analyzer(self) -> str:
        return self.fact("search")["analyzer"]

    @property
    def fold(self) -> str:
        return self.fact("search")["fold"]

    def long_date(self, day) -> str:
        return self.fact("date").format(year=day.year, month=day.month, day=day.day, month_name=f"{day:%B}")

    @property
    def prefix(self) -> str:
        """Where this language's pages live under the site root: '' or '<code>/'."""
        return "" if self.default else f"{self.code}/"


@dataclass(frozen=True)
class Layout:
    languages: tuple[Language, ...]      # the default language first

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def from_entries(cls, entries: list, where: str, facts: dict | None = None) -> "Layout":
        if not isinstance(entries, list) or not entries:
            raise LayoutError(f"{where}: plugins.i18n.languages: expected a list of languages")
        langs = []
        for i, entry in enumerate(entries):
            get = entry.get if isinstance(entry, dict) else (lambda k, e=entry: getattr(e, k, None))
            code, name, default = get("locale"), get("name"), bool(get("default"))
            if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)?", code):
                raise LayoutError(f"{where}: plugins.i18n.languages[{i}].locale: got {code!r}; "
                                  "expected a language code such as zh or en")
            langs.append(Language(code, name or code, default, (facts or {}).get(code) or {}))
        defaults = [lang for lang in langs if lang.default]
        if len(defaults) != 1:
            raise LayoutError(f"{where}: plugins.i18n.languages: expected exactly one `default: true`, "
                              f"got {len(defaults)}")
        codes = [lang.code for lang in langs]
        for lang in langs:
            source = lang.derive_from
            if source is not None and (source not in codes or source == lang.code):
                raise LayoutError(f"{LANGUAGES_YML}: field '{lang.code}.derive_from': got {source!r}; expected "
                                  f"another site language: {', '.join(c for c in codes if c != lang.code)}")
            if source is not None and (facts or {}).get(source, {}).get("derive_from"):
                raise LayoutError(f"{LANGUAGES_YML}: field '{lang.code}.derive_from': {source} is itself derived; "
                                  "expected a language written by hand")
        return cls(tuple(defaults + [lang for lang in langs if not lang.default]))

    @classmethod
    def from_config(cls, config) -> "Layout":
        """From a loaded MkDocs config (plugins read it here, never from mkdocs.yml again)."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise LayoutError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured")
        return cls.from_entries(list(i18n.config.languages), "mkdocs.yml",
                                load_facts(Path(config.config_file_path).parent / LANGUAGES_YML))

    @staticmethod
    def load(path: Path = MKDOCS_YML) -> "Layout":
        """From mkdocs.yml, for tools that run outside a build (and for modules at import time)."""
        path = project.path(path)
        if not path.is_file() and path == project.path(MKDOCS_YML):
            raise LayoutError(f"{path}: not found. Run in the project folder (where mkdocs.yml is), or name it with "
                              f"${project.ENV} or `helpcenter --root DIR`")
        return _load(path)

    # -- languages ------------------------------------------------------------------------
    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def default(self) -> str:
        return self.languages[0].code

    def derived(self) -> tuple[Language, ...]:
        """The editions generated from another language (helpcenter/convert.py)."""
        return tuple(lang for lang in self.languages if lang.derive_from)

    def for_script(self, script: str, variant: str | None = None) -> str | None:
        """The first language written in `script` (and Han `variant`, when given), default first."""
        for lang in self.languages:
            if lang.script == script and (variant is None or lang.variant == variant):
                return lang.code
        return None

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise LayoutError(f"unknown language {code!r}; expected one of {', '.join(self.codes)}")

    # -- addresses --------------------------------------------------------------------------
    def lang_of_url(self, url: str) -> str:
        """The language of a site-relative page URL such as 'en/contact/phone-hotline/'."""
        head = url.lstrip("/").split("/", 1)[0]
        return head if head in self.codes and head != self.default else self.default

    def strip_lang(self, url: str) -> str:
        """The path inside its language tree: 'en/contact/x/' -> 'contact/x/'."""
        url = url.lstrip("/")
        lang = self.lang_of_url(url)
        prefix = self.language(lang).prefix
        return url[len(prefix):] if prefix and url.startswith(prefix) else url

    def page_url(self, lang: str, path: str) -> str:
        """Site-relative URL of `path` (e.g. 'contact/x/') in `lang`."""
        return self.language(lang).prefix + path.lstrip("/")

    def article_path(self, section: str, ident: str) -> str:
        return f"{section}/{ident}/"

    def docs_file(self, docs_dir: Path, lang: str, section: str, ident: str) -> Path:
        return docs_dir / lang / section / f"{ident}.md"

    def lang_of_docs_path(self, src_uri: str) -> str | None:
        """The language of a docs-relative source path ('en/contact/x.md'), None outside the trees."""
        head = src_uri.replace("\\", "/").split("/", 1)[0]
        return head if head in self.codes else None

    def short_path(self, lang: str | None, ident: str, anchor: str = "") -> str:
        """Site-relative short link; lang None is the form that follows the browser's language."""
        prefix = f"{lang}/" if lang else ""
        return f"{prefix}go/{ident}/" + (f"{anchor}/" if anchor else "")

    def extra(self) -> list[dict]:
        """What templates get as config.extra.languages."""
        return [{"code": lang.code, "name": lang.name, "prefix": lang.prefix, "default": lang.default,
                 "og_locale": lang.og_locale, "hreflang": lang.hreflang, "colon": lang.colon}
                for lang in self.languages]


def is_redirect_stub(html: str) -> bool:
    return REDIRECT_MARKER in html


def redirect_target(html: str) -> str | None:
    """The URL a redirect stub forwards to (its no-JavaScript target), or None for a real page."""
    if not is_redirect_stub(html):
        return None
    match = REDIRECT_TARGET.search(html)
    return match.group(1).replace("&amp;", "&") if match else None


class _TolerantLoader(datafile.FAST_SAFE_LOADER):
    """mkdocs.yml uses MkDocs' own tags (!ENV ...); reading the language list needs none of them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@functools.cache
def _load(path: Path) -> Layout:
    return Layout.from_entries(_i18n_languages(path), str(path), load_facts(path.parent / LANGUAGES_YML))


def load_facts(path: Path) -> dict:
    """data/languages.yml: code -> facts, checked; {} when the project has no such file."""
    try:
        data = datafile.load(path, datakeys.LANGUAGES, missing_ok=True, derive="none") or {}
    except datafile.DataFileError as exc:
        raise LayoutError(str(exc)) from None
    if not isinstance(data, dict):
        raise LayoutError(f"{path}: got {datafile.clip(data)}; expected a mapping of language codes to facts")
    for code, facts in data.items():
        if not isinstance(facts, dict):
            raise LayoutError(f"{path}: field '{code}': got {datafile.clip(facts)}; expected a mapping of facts")
        for key, allowed in (("script", SCRIPTS), ("variant", VARIANTS), ("typography", TYPOGRAPHY)):
            if key in facts and facts[key] not in allowed:
                raise LayoutError(f"{path}: field '{code}.{key}': got {facts[key]!r}; expected {' | '.join(allowed)}")
        search = facts.get("search", DEFAULT_FACTS["search"])
        if not isinstance(search, dict) or search.get("analyzer") not in ANALYZERS or search.get("fold") not in FOLDS:
            raise LayoutError(f"{path}: field '{code}.search': got {datafile.clip(search)}; expected "
                              f"{{analyzer: {' | '.join(ANALYZERS)}, fold: {' | '.join(FOLDS)}}}")
        date = facts.get("date", DEFAULT_FACTS["date"])
        try:
            date.format(year=2026, month=1, day=2, month_name="January")
        except (AttributeError, KeyError, IndexError, ValueError):
            raise LayoutError(f"{path}: field '{code}.date': got {datafile.clip(date)}; expected a text with "
                              "{year}, {month}, {day} or {month_name}") from None
    return data


def _i18n_languages(path: Path) -> list:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LayoutError(f"{path}: cannot read the site configuration: {exc}") from None
    plugins = data.get("plugins") or {}
    if isinstance(plugins, list):
        plugins = {k: v for item in plugins if isinstance(item, dict) for k, v in item.items()}
    i18n = plugins.get("i18n") or {}
    return i18n.get("languages") or []
