"""Give each language its own search index, so a Chinese search never returns English pages.

mkdocs-static-i18n writes ONE search/search_index.json holding both languages (by design, its
issue #271), and the /en/ pages load it. After the build this hook splits it: zh entries stay at
search/search_index.json, en entries move to en/search/search_index.json (locations relative to
/en/), and every /en/ page's search base points at /en/. Both files are written as UTF-8 instead
of \\uXXXX escapes, which roughly halves the Chinese index. In the offline build (Material's
offline plugin) each language also gets its search/search_index.js for use from file://.

Front-matter tags are weighed like title words in both indexes, not 1 000 times more
(tags_like_title).

It also fails the build when jieba is missing: Material then silently indexes Chinese sentences
as single unsegmented tokens and Chinese words inside sentences are never found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SECOND_LANG = "en"
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')


@event_priority(100)  # before Material's search plugin, which loads jieba's user dictionary
def on_config(config):
    try:
        import jieba  # noqa: F401
    except ImportError:
        raise PluginError("jieba is not importable: Chinese search would silently find nothing inside "
                          "sentences. Install the pinned requirements (make venv).") from None


def on_post_page(output: str, page, config) -> str:
    if not page.url.startswith(SECOND_LANG + "/"):
        return output
    output, count = CONFIG_BASE.subn(
        lambda m: m.group(1) + m.group(2).rstrip("/") + f"/{SECOND_LANG}/" + m.group(3), output, count=1)
    if count != 1:
        raise PluginError(f"{page.file.src_uri}: no __config base found to point at /{SECOND_LANG}/ "
                          "(did the Material template change?)")
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language and rewritten the index
def on_post_build(config) -> None:
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a nested per-language build; the combined index is not final yet
    offline = any(name.split("/")[-1] == "offline" and getattr(plugin.config, "enabled", True)
                  for name, plugin in config.plugins.items())
    split_index(Path(config.site_dir), offline)


def tags_like_title(fields: dict) -> dict:
    """The index fields with the tags boost set to the title's.

    Material indexes front-matter `tags` at boost 1e6 against 1e3 for a title word, made for sites
    that show their tags and choose them for search. Ours are a taxonomy that no page shows
    (data/tags.yml), so a hidden label outranked every visible word: "support" found the pages
    tagged fake-support first, "phone" whatever is tagged phone. A tag now counts like a word of
    the article's title (its author's label for the whole article), no more. Measured with
    hooks/search_worker_fixes.py, en hit@1/hit@3: tags at 1e6 0.806/0.899, like titles
    0.876/0.961, no tags at all 0.860/0.953 (zh unchanged: its queries rarely meet the English tags).
    """
    if "tags" not in fields:
        return fields
    return dict(fields, tags=dict(fields["tags"], boost=fields["title"]["boost"]))


def split_index(site: Path, offline: bool = False) -> dict[str, Path]:
    """Split site/search/search_index.json by language; return the written files."""
    source = site / "search" / "search_index.json"
    index = json.loads(source.read_text(encoding="utf-8"))
    prefix = SECOND_LANG + "/"
    second = [dict(d, location=d["location"][len(prefix):]) for d in index["docs"]
              if d["location"].startswith(prefix)]
    first = [d for d in index["docs"] if not d["location"].startswith(prefix)]
    written = {}
    # The English index declares English only, so its pages' search worker loads no Chinese
    # segmenter (whose scripts it would look for under /en/assets/, where they are not).
    fields = tags_like_title(index["config"]["fields"])
    for lang, docs, folder in (("zh", first, site), (SECOND_LANG, second, site / SECOND_LANG)):
        config = dict(index["config"], fields=fields)
        if lang == SECOND_LANG:
            config["lang"] = [SECOND_LANG]
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        if offline:
            # From file:// the worker cannot fetch JSON; Material's offline plugin loads this script
            # instead, but writes it once, from the combined index. One per language, here.
            target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
        written[lang] = target
    return written
