"""The manifest of published addresses (data/published-urls.txt) and whether each still resolves.

A link pasted in a chat a year ago must still work: every article URL, question anchor and short
link ever published is listed, and a built site must answer each one, directly or through a
redirect page (helpcenter/plugins/links.py).
"""

from __future__ import annotations

from pathlib import Path

from helpcenter import datafile, project
from helpcenter.catalog import Catalog
from helpcenter.layout import Layout, is_redirect_stub, redirect_target

MANIFEST = Path("data/published-urls.txt")   # in the project folder (helpcenter/project.py)
# One line per address ever published, about 60 bytes each: room for hundreds of thousands.
MAX_BYTES = 50_000_000


def entries_from_catalog(site: Path) -> set[str]:
    """Every address the built site publishes: pages, question anchors and short links."""
    layout = Layout.load()
    out = set()
    for r in Catalog.read(site).records.values():
        out.add("/" + r["path"] + (f"#{r['anchor']}" if r["anchor"] else ""))
        out.add("/" + layout.short_path(r["lang"], r["id"], r["anchor"]))
        if r["lang"] == layout.default:
            out.add("/" + layout.short_path(None, r["id"], r["anchor"]))   # the browser-language form
    for page in site.rglob("index.html"):   # home and section pages too, not redirect stubs
        if not is_redirect_stub(page.read_text(encoding="utf-8")):
            rel = page.parent.relative_to(site).as_posix()
            out.add("/" if rel == "." else f"/{rel}/")
    return out


def read(path: Path = MANIFEST) -> list[str]:
    path = project.path(path)
    if not path.exists():
        return []
    return [line.strip() for line in datafile.read_text(path, MAX_BYTES).splitlines()
            if line.strip() and not line.startswith("#")]


def resolve(site: Path, entry: str, hops: int = 5) -> str | None:
    """None when `entry` (/site-relative path, optional #anchor) reaches a real page; else the reason."""
    path, _, anchor = entry.lstrip("/").partition("#")
    for _ in range(hops):
        page = site / path / "index.html" if path.endswith("/") or not path else site / path
        if not page.is_file():
            return f"no page at /{path}"
        text = page.read_text(encoding="utf-8")
        target = redirect_target(text)
        if not target:
            if anchor and f'id="{anchor}"' not in text:
                return f"/{path} has no #{anchor}"
            return None
        url = target
        url, _, fragment = url.partition("#")
        anchor = fragment or anchor
        path = (Path("/") / path / url).resolve().as_posix().lstrip("/") + ("/" if url.endswith("/") else "")
    return f"{entry}: too many redirects"


def broken(site: Path, entries: list[str]) -> dict[str, str]:
    return {e: reason for e in entries if (reason := resolve(site, e))}
