"""The manifest of published addresses (data/published-urls.txt) and whether each still resolves.

A link pasted in a chat a year ago must still work: every article URL, question anchor and short
link ever published is listed, and a built site must answer each one, directly or through a
redirect page (hooks/moved_pages.py, hooks/chat_links.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "data" / "published-urls.txt"
REDIRECT_TARGET = re.compile(r'<noscript><meta http-equiv="refresh" content="0; url=([^"]+)">')


def entries_from_catalog(site: Path) -> set[str]:
    """Every address the built site publishes: pages, question anchors and short links."""
    records = json.loads((site / "links.json").read_text(encoding="utf-8"))["records"]
    out = set()
    for r in records:
        out.add("/" + r["path"] + (f"#{r['anchor']}" if r["anchor"] else ""))
        short = _short_path(r)
        out.add("/" + short)
        if r["lang"] == "zh":
            out.add("/" + short[len("zh/"):])   # the browser-language form
    for page in site.rglob("index.html"):   # home and section pages too; stubs are noindex
        if 'content="noindex"' not in page.read_text(encoding="utf-8"):
            rel = page.parent.relative_to(site).as_posix()
            out.add("/" if rel == "." else f"/{rel}/")
    return out


def _short_path(record: dict) -> str:
    return f"{record['lang']}/go/{record['id']}/" + (f"{record['anchor']}/" if record["anchor"] else "")


def read(path: Path = MANIFEST) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def resolve(site: Path, entry: str, hops: int = 5) -> str | None:
    """None when `entry` (/site-relative path, optional #anchor) reaches a real page; else the reason."""
    path, _, anchor = entry.lstrip("/").partition("#")
    for _ in range(hops):
        page = site / path / "index.html" if path.endswith("/") or not path else site / path
        if not page.is_file():
            return f"no page at /{path}"
        text = page.read_text(encoding="utf-8")
        target = REDIRECT_TARGET.search(text)
        if not target:
            if anchor and f'id="{anchor}"' not in text:
                return f"/{path} has no #{anchor}"
            return None
        url = target.group(1).replace("&amp;", "&")
        url, _, fragment = url.partition("#")
        anchor = fragment or anchor
        path = (Path("/") / path / url).resolve().as_posix().lstrip("/") + ("/" if url.endswith("/") else "")
    return f"{entry}: too many redirects"


def broken(site: Path, entries: list[str]) -> dict[str, str]:
    return {e: reason for e in entries if (reason := resolve(site, e))}
