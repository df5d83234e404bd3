"""Content rules for every text that reaches a page: the Markdown pages (docs/<lang>/), the
reusables, and the texts of data/status.yml, data/playbook.yml, the registry, data/ui.yml and the
mkdocs.yml nav. One rule per module under rules/ (names, description, default severity,
function); rules/__init__.py lists them; data/content-rules.yml sets severity per rule name.

Run by `helpcenter check`, the okpay-content plugin (every build) and `make test`. CONTRIBUTING.md
explains the rules to writers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpcenter import edition, project
from helpcenter import registry as reg
from helpcenter.content_rules import sources
from helpcenter.content_rules.context import ConfigError, build
from helpcenter.content_rules.markdown import parse, structure
from helpcenter.content_rules.model import Context, Finding, Page, Rule, Snippet
from helpcenter.content_rules.rules import RULES
from helpcenter.layout import Layout

LANGS = list(reg.LANGS)
# Findings made while reading a file, before any rule runs.
READING_NAMES = ("encoding", "front-matter", "data-text")

__all__ = ["LANGS", "ConfigError", "Context", "Finding", "Page", "Rule", "Snippet", "lint", "parse", "run", "structure"]


def run(rules: list[Rule], ctx: Context, pages: list[Page], snippets: list[Snippet], corpus: dict | None,
        severity: dict[str, str] | None = None) -> list[Finding]:
    """Apply rules to texts; pure (no file is read). severity: level per rule name, from config."""
    severity = severity or {}
    out: list[Finding] = []
    for rule in rules:
        found: list[Finding] = []
        if rule.page:
            for page in pages:
                if page.kind in rule.kinds:
                    found += rule.page(page, ctx)
        if rule.snippet:
            for snippet in snippets:
                if snippet.source in rule.sources:
                    found += rule.snippet(snippet, ctx)
        if rule.pages and corpus is not None:
            found += rule.pages(corpus, ctx)
        out += configured(found, severity, rule.severity)
    return out


def configured(findings: list[Finding], severity: dict[str, str], default: str = "error") -> list[Finding]:
    out = []
    for f in findings:
        level = severity.get(f.rule, default)
        if level == "off":
            continue
        # A finding that is only a warning by its nature (content nearing its date) stays one.
        out.append(f if f.level == "warning" or level == f.level else Finding(f.path, f.line, f.rule, f.message, level))
    return out


def lint(root: Path | None = None, today: dt.date | None = None, rules: list[Rule] | None = None) -> list[Finding]:
    """All findings for the project under root (default: this process's, helpcenter/project.py)."""
    root = root or project.root()
    rules = RULES if rules is None else rules
    names = {name for rule in RULES for name in rule.names} | set(READING_NAMES)
    ctx, severity = build(root, today or dt.date.today(), names, LANGS)
    docs, docs_on_disk, problems = sources.pages(root, LANGS, "docs")
    # A derived edition has no reusables of its own: its pages render the source's, converted.
    written = [lang for lang in LANGS if not Layout.load().language(lang).derive_from]
    reusables, reusable_on_disk, reusable_problems = sources.pages(root, written, "reusables")
    snippets, data_problems = sources.snippets(root, LANGS, reg.configured_path(root))
    pages = [p for lang in LANGS for p in docs[lang].values()] + [p for lang in written for p in reusables[lang].values()]
    corpus = {"docs": (docs, docs_on_disk),
              "reusables": (reusables, {lang: {Path(r).name for r in reusable_on_disk[lang]} for lang in written}),
              "derived": edition.drift(root)}
    reading = configured(problems + reusable_problems + data_problems, severity)
    return reading + run(rules, ctx, pages, snippets, corpus, severity)
