"""Redirect pages for moved or renamed articles, from data/redirects.yml, in both languages.

Hand-written because mkdocs-redirects, with mkdocs-static-i18n's folder layout, writes the default
language's redirects under /zh/ instead of the site root (measured with mkdocs-redirects 1.2.3).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from redirect_page import redirect_html  # hooks/ is on sys.path while MkDocs loads a hook

LANGS = ("zh", "en")
REDIRECTS = Path(__file__).resolve().parent.parent / "data" / "redirects.yml"


def _page_dir(lang: str, path: str) -> str:
    return path if lang == "zh" else f"en/{path}"


@event_priority(-300)  # after chat_links.py has written links.json
def on_post_build(config) -> None:
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    site = Path(config.site_dir)
    moves = yaml.safe_load(REDIRECTS.read_text(encoding="utf-8")) or {}
    catalog = json.loads((site / "links.json").read_text(encoding="utf-8"))["records"]
    by_path = {r["path"]: r for r in catalog if not r["anchor"]}
    for old, new in moves.items():
        where = f"{REDIRECTS}: entry '{old}'"
        if not (isinstance(old, str) and isinstance(new, str) and old.endswith("/") and new.endswith("/")):
            raise PluginError(f"{where}: expected 'section/old-id/: section/new-id/' (paths ending in '/')")
        for lang in LANGS:
            target = by_path.get(_page_dir(lang, new))
            if target is None:
                raise PluginError(f"{where}: target '{new}' is not an article in {lang}")
            if (site / _page_dir(lang, old) / "index.html").exists():
                raise PluginError(f"{where}: '{old}' is still a page in {lang}; a redirect would overwrite it")
            up = "../" * _page_dir(lang, old).count("/")
            _write(site / _page_dir(lang, old), redirect_html(lang, target["title"], {lang: up + target["path"]}))
        old_id, new_id = old.rstrip("/").split("/")[-1], new.rstrip("/").split("/")[-1]
        if old_id != new_id:
            _short_links(site, catalog, old_id, new_id)


def _short_links(site: Path, catalog: list[dict], old_id: str, new_id: str) -> None:
    """Recreate /go/<old-id>/... for every short link of the new article, in every form."""
    for record in (r for r in catalog if r["id"] == new_id):
        tail = f"{record['anchor']}/" if record["anchor"] else ""
        fragment = f"#{record['anchor']}" if record["anchor"] else ""
        forms = [f"{record['lang']}/go/{old_id}/{tail}"] + ([f"go/{old_id}/{tail}"] if record["lang"] == "zh" else [])
        for form in forms:
            up = "../" * form.count("/")
            targets = {r["lang"]: up + r["path"] + fragment for r in catalog
                       if r["id"] == new_id and r["anchor"] == record["anchor"]}
            auto = not form.startswith(("zh/", "en/"))
            targets = targets if auto else {record["lang"]: targets[record["lang"]]}
            _write(site / form, redirect_html(record["lang"], record["title"], targets, by_browser_language=auto))


def _write(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
