"""Measure the site's own search box the way a customer uses it, in a real Chromium.

Every query of an evaluation split (tests/data/eval/, helpcenter/evaluation.py) is typed into the built site's
search box on that language's home page (the Chinese one at the root, the English one under
/en/), so the site's search worker (helpcenter/search) answers from that language's own index. Latin text is
typed key by key; Chinese is committed the way an input method does it (composition, then the
text, then a key press: Material reads the box on keyup). The ranked result links
(`.md-search-result__link`) are mapped to articles by their path `<section>/<id>/`; a query's
rank is the position of the first result page that answers it.

Timing is measured inside the page, never from Python: a probe installed before the site's
scripts run wraps the page's Worker to see each query posted to the search worker and each
result coming back, notes performance.now() at every keyup, and a MutationObserver on the result
list notes when the results are in the DOM (plus the next animation frame, when they are
painted). Before the last keystroke of a query the probe waits until the worker has answered
everything typed so far, as it has at a person's typing speed, so the figure is one search and
one render, not a backlog made by an inhumanly fast robot.

Used by the search-quality tests (run_site) and the benchmark (helpcenter/commands/search_bench.py).
"""

from __future__ import annotations

import gzip
import json
import statistics
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from helpcenter import building, datakeys, localized, project
from helpcenter import evaluation as ev
from helpcenter.layout import Layout
from helpcenter.search import index_file
from helpcenter.text import CJK_RUN

EVAL_FILE = Path("tests/data/eval/tuning.yml")   # in the project folder (helpcenter/project.py)
LAYOUT = Layout.load()
# The sections are the folders of the default language's docs tree.
SECTIONS = tuple(sorted(p.name for p in project.path("docs", LAYOUT.default).iterdir() if p.is_dir() and p.name != "assets"))
LANGS = LAYOUT.codes
LANG_PREFIX = {lang.code: lang.prefix for lang in LAYOUT.languages}   # each language's home, under the site root
INDEX_PATH = {lang: index_file(lang) for lang in LANGS}
HAN_RUN = CJK_RUN
TOP = 10                                       # Material renders the first ten result pages at once
VIEWPORT = {"width": 390, "height": 844}       # customers are mostly on a phone (as tests/conftest.py)

# Installed before any of the site's scripts run. Material creates its search worker with
# `new Worker(url)` and listens for "message" right after, so a listener added here sees each
# result first; Material then renders it synchronously in its own listener, and the
# MutationObserver's callback (the next microtask checkpoint) sees the rendered list.
PROBE = r"""
(() => {
  const log = window.__searchProbe = {ready: null, posted: [], answered: [], lastKey: null};
  addEventListener("keyup", () => { log.lastKey = performance.now(); }, true);
  const Native = window.Worker;
  if (!Native) return;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ev => {
        const m = ev.data || {};
        if (m.type === 1) log.ready = performance.now();            // READY
        if (m.type === 3) {                                          // RESULT
          const q = log.posted[log.answered.length];
          log.answered.push({q: q ? q.q : null, at: performance.now(),
                             count: (m.data && m.data.items || []).length,
                             rendered: null, painted: null});
        }
      });
    }
    postMessage(m, ...rest) {
      if (m && m.type === 2)                                         // QUERY
        log.posted.push({q: m.data, key: log.lastKey, at: performance.now()});
      return super.postMessage(m, ...rest);
    }
  };
  const watch = () => {
    const targets = [".md-search-result__list", ".md-search-result__meta"]
      .map(s => document.querySelector(s)).filter(Boolean);
    const seen = new MutationObserver(() => {
      const now = performance.now();
      for (const a of log.answered)
        if (a.rendered === null && a.at <= now) {
          a.rendered = now;
          requestAnimationFrame(() => { a.painted = performance.now(); });
        }
    });
    for (const t of targets)
      seen.observe(t, {childList: true, subtree: true, characterData: true});
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
"""

# True once the worker has answered, and the page rendered, every query posted so far.
SETTLED = """() => {
  const log = window.__searchProbe;
  if (!log || log.ready === null || log.answered.length < log.posted.length) return false;
  const last = log.answered[log.answered.length - 1];
  return !last || (last.rendered !== null && last.painted !== null);
}"""

# Settled, and the last query posted is what the box holds now.
IDLE = """() => {
  const log = window.__searchProbe, box = document.querySelector('input[data-md-component="search-query"]');
  if (!(%s)() || !box) return false;
  const n = log.posted.length;
  return n === 0 ? box.value === "" : log.posted[n - 1].q === box.value;
}""" % SETTLED


# One evaluation case: the same type the evaluation module loads for every runner.
Query = ev.Case


@dataclass
class Outcome:
    query: Query
    pages: list[str]                 # result pages in rank order: article ids, else their path
    rank: int | None                 # 1-based rank of the first accepted article, None if absent
    latency_ms: float | None = None  # last keystroke -> results in the DOM
    paint_ms: float | None = None    # last keystroke -> the next frame after that


@dataclass
class LanguageReport:
    lang: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def hit1(self) -> float:
        return ev.metrics(self.outcomes)["hit@1"]

    @property
    def hit3(self) -> float:
        return ev.metrics(self.outcomes)["hit@3"]

    @property
    def mrr(self) -> float:
        return ev.metrics(self.outcomes)["mrr"]

    @property
    def misses(self) -> list[Outcome]:
        """Queries whose answer is not the first result."""
        return [o for o in self.outcomes if o.rank != 1]

    def latencies(self) -> list[float]:
        return [o.latency_ms for o in self.outcomes if o.latency_ms is not None]

    def paints(self) -> list[float]:
        return [o.paint_ms for o in self.outcomes if o.paint_ms is not None]


def load_eval(path: Path = EVAL_FILE) -> dict[str, list[Query]]:
    data = localized.load(project.path(path), datakeys.EVAL_SPLIT)
    return {lang: [Query(lang, str(item["q"]), item["expect"], tuple(item.get("also") or ()))
                   for item in data.get(lang) or []] for lang in LANGS}


def page_of(href: str, lang_root: str) -> str:
    """The article id a result link points to, or its path when it is not an article."""
    path = urlsplit(href).path
    root = urlsplit(lang_root).path
    if not path.startswith(root) or urlsplit(href).netloc != urlsplit(lang_root).netloc:
        return "outside:" + href                # another language's page, or another site
    rel = path[len(root):]
    parts = [p for p in rel.split("/") if p and p != "index.html"]
    if len(parts) == 2 and parts[0] in SECTIONS:
        return parts[1].removesuffix(".html")
    return "/".join(parts) + "/" if parts else "(home)"


rank_of = ev.rank_of


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 100)) - 1))
    return ordered[k]


# ---------------------------------------------------------------------------------------------
# Serving a built site


served = building.served      # re-exported: the benchmark and the evaluation serve sites with it


# ---------------------------------------------------------------------------------------------
# Typing into the search box


def _chunks(text: str):
    """Split a query into what a person types key by key and what an input method commits."""
    pos = 0
    for m in HAN_RUN.finditer(text):
        if m.start() > pos:
            yield False, text[pos:m.start()]
        yield True, m.group()
        pos = m.end()
    if pos < len(text):
        yield False, text[pos:]


class SearchBox:
    """One browser tab on one language's home page, its search box open, reused for many queries."""

    def __init__(self, context, lang_root: str, *, key_delay: float = 20, every_key: bool = True,
                 timeout: float = 15_000):
        self.lang_root = lang_root
        self.key_delay = key_delay
        self.every_key = every_key
        self.timeout = timeout
        context.add_init_script(PROBE)
        self.page = context.new_page()
        self.page.set_default_timeout(timeout)
        self.page.goto(lang_root)
        self.page.wait_for_function("() => window.__searchProbe && window.__searchProbe.ready !== null")
        self.page.click('label[for="__search"]')
        self.box = self.page.locator('input[data-md-component="search-query"]')
        self.box.focus()
        self._cdp = None

    def _wait_idle(self):
        self.page.wait_for_function(IDLE, polling="raf", timeout=self.timeout)

    def _wait_settled(self):
        self.page.wait_for_function(SETTLED, polling="raf", timeout=self.timeout)

    def _ime_commit(self, text: str):
        if self._cdp is None:
            self._cdp = self.page.context.new_cdp_session(self.page)
        self._cdp.send("Input.imeSetComposition",
                       {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
        self._cdp.send("Input.insertText", {"text": text})

    def clear(self):
        if self.box.input_value():
            self.page.keyboard.press("Control+A")
            self.page.keyboard.press("Backspace")
        self._wait_idle()

    def type(self, text: str):
        """Type like a person: keys for Latin text, an input-method commit (then End) for Chinese.

        Waits for the worker before the very last keystroke, as a person's typing speed lets it.
        With every_key=False, Latin text but its last character is entered at once, as a paste
        or a keyboard's suggestion does (no keyup, so Material does not search it); the last
        character is a real key. The final query, and so the result, is the same; it only
        skips searching every prefix, which is most of the time an English query takes."""
        parts = list(_chunks(text))
        for i, (han, chunk) in enumerate(parts):
            last_part = i == len(parts) - 1
            if han:
                self._ime_commit(chunk)
                if last_part:
                    self._wait_settled()
                self.page.keyboard.press("End")        # the keyup Material reads the box on
            else:
                head, tail = (chunk[:-1], chunk[-1]) if last_part else (chunk, "")
                if head and self.every_key:
                    self.page.keyboard.type(head, delay=self.key_delay)
                elif head:
                    self.page.keyboard.insert_text(head)
                if tail:
                    self._wait_settled()
                    if tail.isascii():
                        self.page.keyboard.type(tail)
                    else:
                        # No key types "…" or "！": it is entered as text, and End gives Material
                        # the keyup it reads the box on (as after an input-method commit).
                        self.page.keyboard.insert_text(tail)
                        self.page.keyboard.press("End")
        self._wait_idle()

    def search(self, text: str) -> tuple[list[str], float | None, float | None]:
        """Result hrefs in page order, keystroke->DOM ms, keystroke->paint ms."""
        self.clear()
        self.type(text)
        hrefs = self.page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        timing = self.page.evaluate("""() => {
          const log = window.__searchProbe, n = log.posted.length;
          const p = log.posted[n - 1], a = log.answered[n - 1];
          return {key: p.key, rendered: a.rendered, painted: a.painted};
        }""")
        key = timing["key"]
        if key is None:
            return hrefs, None, None
        return hrefs, timing["rendered"] - key, timing["painted"] - key

    def close(self):
        self.page.close()


def result_pages(hrefs: list[str], lang_root: str) -> list[str]:
    pages: list[str] = []
    for href in hrefs:
        page = page_of(href, lang_root)
        if page not in pages:
            pages.append(page)
    return pages[:TOP]


def evaluate(browser, base_url: str, queries: dict[str, list[Query]], *, key_delay: float = 20,
             every_key: bool = True, progress=None) -> dict[str, LanguageReport]:
    """Run every query in the browser against the site at base_url; one tab per language."""
    reports = {}
    for lang, items in queries.items():
        if not items:
            continue
        lang_root = urljoin(base_url, LANG_PREFIX[lang])
        context = browser.new_context(locale=LAYOUT.language(lang).browser_locale, viewport=VIEWPORT)
        try:
            box = SearchBox(context, lang_root, key_delay=key_delay, every_key=every_key)
            report = LanguageReport(lang)
            for query in items:
                hrefs, latency, paint = box.search(query.q)
                pages = result_pages(hrefs, lang_root)
                outcome = Outcome(query, pages, rank_of(pages, query.accepted), latency, paint)
                report.outcomes.append(outcome)
                if progress:
                    progress(outcome)
            reports[lang] = report
        finally:
            context.close()
    return reports


# ---------------------------------------------------------------------------------------------
# Speed: index size and a cold page load


def run_site(browser, base_url: str, split: ev.Split, **options) -> dict[str, LanguageReport]:
    """Every case of an evaluation split typed into the built site's search box in Chromium.
    (Here, not in helpcenter/evaluation.py: that module is the runner-neutral core this one imports.)"""
    queries = {lang: [Query(lang, c.q, c.expect, c.also) for c in cases] for lang, cases in split.cases.items()}
    return evaluate(browser, base_url, queries, **options)


def index_sizes(site_dir: Path | None = None, base_url: str | None = None) -> dict[str, tuple[int, int]]:
    """Each language's search index: (raw bytes, gzip -9 bytes), from the folder or over HTTP."""
    sizes = {}
    for lang, rel in INDEX_PATH.items():
        if site_dir is not None:
            data = (Path(site_dir) / rel).read_bytes()
        else:
            with urllib.request.urlopen(urljoin(base_url, rel)) as response:  # noqa: S310 (our own site)
                data = response.read()
        sizes[lang] = (len(data), len(gzip.compress(data, 9)))
    return sizes


def cold_first_result(browser, base_url: str, lang: str, query: str | None = None, runs: int = 5,
                      key_delay: float = 20) -> dict:
    """A new browser context (empty cache) per run: open the home page, type, time the first results.

    Returns medians in ms since navigation start: worker ready, results rendered; and
    last keystroke -> results rendered."""
    query = query or ev.sample_queries(lang, 1)[0]
    ready, rendered, from_key, found = [], [], [], []
    for _ in range(runs):
        context = browser.new_context(locale=LAYOUT.language(lang).browser_locale, viewport=VIEWPORT)
        try:
            context.add_init_script(PROBE)
            page = context.new_page()
            page.goto(urljoin(base_url, LANG_PREFIX[lang]), wait_until="domcontentloaded")
            page.click('label[for="__search"]')
            page.locator('input[data-md-component="search-query"]').focus()
            for han, chunk in _chunks(query):
                if han:
                    cdp = context.new_cdp_session(page)
                    cdp.send("Input.imeSetComposition",
                             {"text": chunk, "selectionStart": len(chunk), "selectionEnd": len(chunk)})
                    cdp.send("Input.insertText", {"text": chunk})
                    page.keyboard.press("End")
                else:
                    page.keyboard.type(chunk, delay=key_delay)
            page.wait_for_function(IDLE, polling="raf", timeout=30_000)
            t = page.evaluate("""() => {
              const log = window.__searchProbe, n = log.posted.length;
              return {ready: log.ready, key: log.lastKey, rendered: log.answered[n - 1].rendered,
                      count: log.answered[n - 1].count};
            }""")
            ready.append(t["ready"])
            rendered.append(t["rendered"])
            from_key.append(t["rendered"] - t["key"])
            found.append(t["count"])
        finally:
            context.close()
    return {"query": query, "runs": runs, "ready_ms": statistics.median(ready),
            "first_result_ms": statistics.median(rendered), "key_to_result_ms": statistics.median(from_key),
            "results": min(found)}


# ---------------------------------------------------------------------------------------------
# Reporting


def summary_line(report: LanguageReport) -> str:
    return (f"{report.lang}: {len(report.outcomes)} queries  hit@1 {report.hit1:.3f}  "
            f"hit@3 {report.hit3:.3f}  MRR {report.mrr:.3f}")


def format_misses(report: LanguageReport) -> list[str]:
    lines = []
    for o in report.misses:
        where = f"rank {o.rank}" if o.rank else f"not in top {TOP}"
        want = "/".join(sorted(o.query.accepted, key=lambda x: x != o.query.expect))
        lines.append(f"  [{report.lang}] {o.query.q!r} -> want {want}, {where}; got {', '.join(o.pages[:3]) or '(nothing)'}")
    return lines


def speed_lines(report: LanguageReport) -> str:
    lat, paint = report.latencies(), report.paints()
    if not lat:
        return f"{report.lang}: no timings"
    return (f"{report.lang}: keystroke -> results in DOM: median {statistics.median(lat):.1f} ms, "
            f"p95 {percentile(lat, 95):.1f} ms, max {max(lat):.1f} ms; -> painted: median "
            f"{statistics.median(paint):.1f} ms, p95 {percentile(paint, 95):.1f} ms ({len(lat)} queries)")


def to_json(reports: dict[str, LanguageReport]) -> dict:
    return {lang: {"queries": len(r.outcomes), "hit@1": r.hit1, "hit@3": r.hit3, "mrr": r.mrr,
                   "outcomes": [{"q": o.query.q, "expect": o.query.expect, "also": list(o.query.also),
                                 "rank": o.rank, "pages": o.pages, "latency_ms": o.latency_ms,
                                 "paint_ms": o.paint_ms} for o in r.outcomes]}
            for lang, r in reports.items()}


def dump_json(path: Path, data: dict) -> None:
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
