"""The help center's benchmark: build cost, bytes per first visit, search index size, Lighthouse.

Prints one table and writes the same figures to build/bench.json, so runs can be compared:

  - pages built, build seconds and ms per page: the median of --builds real strict builds;
  - the same at --scale x the article count: a temporary copy of the project where every article
    gets (scale - 1) synthetic copies in both languages (same anchors and links, own id and
    title) listed in the nav beside it; shows whether the cost per page stays flat;
  - compressed bytes per first visit, per page type (home, section, article) and language,
    measured in Chromium on every content page (method: helpcenter/quality.py first_visits);
  - the search index per language, raw and gzip, at 1x and at scale;
  - Lighthouse (npm, pinned) scores, mobile and desktop, for each home page and two articles per
    language, served from 127.0.0.1 by a server that compresses as GitHub Pages does.

Speed here is reported, never asserted: the tests (make test) hold the byte and count budgets.
Runs in about five and a half minutes on a 2-core machine; --no-lighthouse skips the slowest
part. Lighthouse's performance score (not the other three) moves with the machine's load: on a
busy machine, compare runs with --lighthouse-runs 3.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpcenter import project
from helpcenter import quality as q
from helpcenter.browser import launch_options
from helpcenter.building import free_port
from helpcenter.layout import Layout
from helpcenter.search import index_file

LIGHTHOUSE_PAGES = ["", "payments/withdrawal-delayed/", "contact/contact-channels/"]
KINDS = ("home", "section", "article")
LANGS = Layout.load().codes
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build", ".pytest_cache",
                                     "__pycache__", "tests")


def build(project: Path, dest: Path, site_url: str) -> float:
    """One strict build, as `make build` runs it; returns wall seconds."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                            cwd=project, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: build in {project} failed:\n{result.stderr[-3000:]}")
    return seconds


def articles(project: Path, lang: str) -> list[Path]:
    return sorted(p for p in (project / "docs" / lang).glob("*/*.md") if p.name != "index.md")


def make_scaled_copy(target: Path, scale: int) -> int:
    """Copy the project to `target` and give every article scale-1 synthetic copies per language,
    each listed in the nav right after its original. Returns the articles per language."""
    shutil.copytree(project.root(), target, ignore=COPY_IGNORE, symlinks=True)
    default = Layout.load().default
    originals = articles(target, default)
    nav = (target / "mkdocs.yml").read_text(encoding="utf-8")
    for source_default in originals:
        rel = source_default.relative_to(target / "docs" / default)          # section/id.md
        for lang in LANGS:
            source = target / "docs" / lang / rel
            text = source.read_text(encoding="utf-8")
            for n in range(2, scale + 1):
                ident = f"{rel.stem}-s{n}"
                copy = re.sub(r"^id: .*$", f"id: {ident}", text, count=1, flags=re.M)
                copy = re.sub(r"^title: (.*)$", rf"title: \1 ({n})", copy, count=1, flags=re.M)
                (source.parent / f"{ident}.md").write_text(copy, encoding="utf-8")
        line = f"      - {rel.as_posix()}\n"
        if line not in nav:
            sys.exit(f"bench: {rel} is not in the nav of mkdocs.yml")
        extra = "".join(f"      - {rel.parent.as_posix()}/{rel.stem}-s{n}.md\n" for n in range(2, scale + 1))
        nav = nav.replace(line, line + extra, 1)
    (target / "mkdocs.yml").write_text(nav, encoding="utf-8")
    return len(originals) * scale


def index_sizes(site: Path) -> dict:
    out = {}
    for lang in LANGS:
        body = (site / index_file(lang)).read_bytes()
        data = json.loads(body)
        out[lang] = {"raw": len(body), "gzip": q.gzip_size(body),
                     "docs": len(data["pages"]) + len(data["sections"])}
    return out


def timed_builds(project: Path, count: int, workdir: Path, label: str) -> tuple[list[float], Path, str]:
    """`count` builds of `project`, each into a fresh folder; returns the times, the last site
    and the URL it was built for (the port it will be served on)."""
    times, site, url = [], None, ""
    for i in range(count):
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        site = workdir / f"{label}-{i}"
        times.append(build(project, site, url))
        print(f"  {label} build {i + 1}/{count}: {times[-1]:.1f} s", file=sys.stderr)
    return times, site, url


def first_visit_bytes(site: Path, url: str) -> dict:
    from playwright.sync_api import sync_playwright
    pages = q.content_pages(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options())
        layout = Layout.load()
        urls = [(url + q.url_path(site, page), layout.language(q.page_kind(site, page)[0]).browser_locale)
                for page in pages]
        visits = q.first_visits(browser, urls, parallel=4)
        browser.close()
    by_kind: dict[str, list] = {}
    foreign = 0
    for page, visit in zip(pages, visits):
        lang, kind = q.page_kind(site, page)
        by_kind.setdefault(f"{lang}/{kind}", []).append(
            dict(path=q.url_path(site, page), bytes=visit.total, raw=visit.raw, requests=len(visit.requests)))
        foreign += len(visit.foreign(url))
    summary = {}
    for key, rows in sorted(by_kind.items()):
        totals = [r["bytes"] for r in rows]
        largest = max(rows, key=lambda r: r["bytes"])
        summary[key] = dict(pages=len(rows), median=int(statistics.median(totals)), max=largest["bytes"],
                            max_path=largest["path"], requests=largest["requests"], raw_max=largest["raw"])
    return dict(by_kind=summary, third_party_requests=foreign, budget=q.FIRST_VISIT_BUDGET,
                largest_image=dict(zip(("path", "bytes"), q.largest_image(site))))


def lighthouse_scores(url: str, workdir: Path, runs: int) -> dict:
    """Each page and form factor `runs` times; keeps the run with the median performance score
    (Lighthouse's own advice for variance: performance depends on the machine's load, the other
    categories do not)."""
    results = {}
    for lang_prefix in ("", "en/"):
        for path in LIGHTHOUSE_PAGES:
            page = lang_prefix + path
            for form in ("mobile", "desktop"):
                out = workdir / f"lighthouse-{form}-{page.replace('/', '_') or 'home'}.json"
                tries = sorted((q.lighthouse(url + page, form, out) for _ in range(runs)),
                               key=lambda res: res["scores"]["performance"])
                res = dict(tries[len(tries) // 2], performance_runs=[t["scores"]["performance"] for t in tries])
                results.setdefault("/" + page, {})[form] = res
                print(f"  lighthouse {form:7} /{page}: {res['scores']} (performance over runs: "
                      f"{res['performance_runs']})", file=sys.stderr)
    return results


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    line = "-" * (width + 3 + max(len(v) for _, v in rows))
    return "\n".join([line] + [f"{k:<{width}} | {v}" if v else k for k, v in rows] + [line])


def kb(n: int | float) -> str:
    return f"{n / 1024:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--builds", type=int, default=3, help="builds to take the median of (default 3)")
    parser.add_argument("--scale", type=int, default=10, help="article-count multiplier for the scaled build (default 10)")
    parser.add_argument("--scale-builds", type=int, default=1, help="builds of the scaled copy (default 1)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (the slowest part)")
    parser.add_argument("--lighthouse-runs", type=int, default=1,
                        help="runs per page and form factor; the median performance run is kept (default 1; "
                             "each extra run adds about 3 minutes)")
    parser.add_argument("--json", type=Path, default=project.root() / "build" / "bench.json", help="where to write the figures")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    result: dict = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                    "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=project.root(), capture_output=True,
                                             text=True).stdout.strip(),
                    "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="okpay-bench-") as tmp:
        work = Path(tmp)

        print("bench: building the site", file=sys.stderr)
        times, site, url = timed_builds(project.root(), args.builds, work, "site")
        pages = len(q.content_pages(site))
        files = len(q.all_pages(site))
        per_lang = len(articles(project.root(), Layout.load().default))
        median = statistics.median(times)
        result["build"] = dict(content_pages=pages, html_files=files, articles_per_language=per_lang,
                               seconds=[round(t, 2) for t in times], median_seconds=round(median, 2),
                               ms_per_page=round(median * 1000 / pages, 1), search_index=index_sizes(site))

        print(f"bench: building a copy with {args.scale}x the articles", file=sys.stderr)
        scaled_project = work / "scaled-project"
        scaled_articles = make_scaled_copy(scaled_project, args.scale)
        s_times, s_site, _ = timed_builds(scaled_project, args.scale_builds, work, "scaled")
        s_pages = len(q.content_pages(s_site))
        s_median = statistics.median(s_times)
        result["scaled"] = dict(scale=args.scale, articles_per_language=scaled_articles, content_pages=s_pages,
                                html_files=len(q.all_pages(s_site)), seconds=[round(t, 2) for t in s_times],
                                median_seconds=round(s_median, 2), ms_per_page=round(s_median * 1000 / s_pages, 1),
                                search_index=index_sizes(s_site),
                                # what each page added beyond the 1x site cost: the fixed start-up
                                # (Python, plugins) left out
                                marginal_ms_per_added_page=round((s_median - median) * 1000 / max(s_pages - pages, 1), 1))
        shutil.rmtree(s_site)
        shutil.rmtree(scaled_project)

        # Served as GitHub Pages serves it (gzip), on the port the site was built for.
        server = q.serve_like_pages(site, int(url.rsplit(":", 1)[1].strip("/")))
        try:
            print("bench: first visits in Chromium", file=sys.stderr)
            result["first_visit"] = first_visit_bytes(site, url)
            if not args.no_lighthouse:
                print("bench: Lighthouse", file=sys.stderr)
                result["lighthouse"] = lighthouse_scores(url, work, args.lighthouse_runs)
        finally:
            server.shutdown()
            server.server_close()
    result["bench_seconds"] = round(time.perf_counter() - started, 1)

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(render(result))
    print(f"\nfigures: {args.json}")
    return 0


def render(r: dict) -> str:
    b, s, fv = r["build"], r["scaled"], r["first_visit"]
    rows = [(f"OKPay Help Center benchmark ({r['commit']}, {r['date']}, {r['cpus']} CPUs)", ""),
            ("pages built (content pages / all HTML files)", f"{b['content_pages']} / {b['html_files']}"),
            ("articles per language", str(b["articles_per_language"])),
            ("build seconds (median of %d)" % len(b["seconds"]), f"{b['median_seconds']:.2f} s  {b['seconds']}"),
            ("build ms per content page", f"{b['ms_per_page']:.1f} ms"),
            (f"{s['scale']}x articles: pages built", f"{s['content_pages']} / {s['html_files']} "
                                                     f"({s['articles_per_language']} articles per language)"),
            (f"{s['scale']}x articles: build seconds", f"{s['median_seconds']:.2f} s  {s['seconds']}"),
            (f"{s['scale']}x articles: build ms per content page", f"{s['ms_per_page']:.1f} ms"
             f"  ({s['ms_per_page'] / b['ms_per_page']:.2f}x the 1x figure)"),
            (f"{s['scale']}x articles: ms per added content page", f"{s['marginal_ms_per_added_page']:.1f} ms"
             "  (start-up cost left out)")]
    for lang in LANGS:
        for kind in KINDS:
            k = fv["by_kind"].get(f"{lang}/{kind}")
            if k:
                rows.append((f"first visit, {lang} {kind} ({k['pages']} pages), gzip",
                             f"median {kb(k['median'])}, max {kb(k['max'])} (/{k['max_path']}, "
                             f"{k['requests']} requests; budget {kb(fv['budget'])})"))
    rows.append(("third-party requests (all first visits)", str(fv["third_party_requests"])))
    rows.append(("largest image", f"{kb(fv['largest_image']['bytes'])} ({fv['largest_image']['path']})"))
    # The scaled copy's articles are copies, which gzip compresses far better than new text: its
    # raw size is the telling figure.
    for label, idx in (("search index", b["search_index"]), (f"search index at {s['scale']}x (copies)", s["search_index"])):
        for lang in LANGS:
            i = idx[lang]
            rows.append((f"{label}, {lang} ({i['docs']} entries)", f"{kb(i['raw'])} raw, {kb(i['gzip'])} gzip"))
    for page, forms in r.get("lighthouse", {}).items():
        for form, res in forms.items():
            sc = res["scores"]
            runs = res.get("performance_runs", [])
            rows.append((f"Lighthouse {form:7} {page}", "perf {performance:3}  a11y {accessibility:3}  "
                         "best {best-practices:3}  SEO {seo:3}".format(**sc)
                         + (f"  (perf over {len(runs)} runs: {runs})" if len(runs) > 1 else "")))
    if "lighthouse" not in r:
        rows.append(("Lighthouse", "skipped (--no-lighthouse)"))
    rows.append(("bench wall time", f"{r['bench_seconds']:.0f} s"))
    return table(rows)

