"""Search evaluation: the splits, the metrics (hit@1, hit@3, MRR: this is their only copy) and
the runners (the chat CLI's engine in Python; the site's search box in Chromium).

Splits live in tests/data/eval/<split>.yml: `tuning` (tune on it), `seen`, `seen-2` and `seen-3`
(earlier frozen sets, each measured once and then tuned on, so they are tuning data now) and `frozen-test`
(written blind; never tune on it). Each holds zh/en lists of {q, expect, also, kind, source} and a
`garbage` list of {q, kind, source} that must get no answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpcenter import datakeys, localized, project
from helpcenter.layout import Layout

EVAL_DIR = Path("tests/data/eval")   # in the project folder (helpcenter/project.py)
SPLITS = ("tuning", "seen", "seen-2", "seen-3", "seen-4", "seen-5", "frozen-test")
LANGS = Layout.load().codes


@dataclass(frozen=True)
class Case:
    lang: str
    q: str
    expect: str
    also: tuple[str, ...] = ()
    kind: str = ""
    source: str = ""

    @property
    def accepted(self) -> set[str]:
        return {self.expect, *self.also}


@dataclass
class Split:
    name: str
    cases: dict[str, list[Case]]
    garbage: list[str] = field(default_factory=list)


# A language's cases may also live in a file of their own, written by someone else at another
# time (tests/data/eval/tuning-zh-hant.yml, seen-zh-hant.yml): the same split, one language.
LANGUAGE_FILES = {"tuning": "tuning-{lang}.yml", "seen": "seen-{lang}.yml", "frozen-test": "frozen-{lang}.yml"}


def split_path(name: str) -> Path:
    return project.path(EVAL_DIR, f"{name}.yml")


def language_path(name: str, lang: str) -> Path:
    return project.path(EVAL_DIR, LANGUAGE_FILES.get(name, name + "-{lang}.yml").format(lang=lang))


def available(name: str) -> bool:
    return split_path(name).is_file()


def load(name: str = "tuning", path: Path | None = None) -> Split:
    data = localized.load(path or split_path(name), datakeys.EVAL_SPLIT, derive="none") or {}
    for lang in LANGS:
        own = None if path or lang in data else localized.load(language_path(name, lang), datakeys.EVAL_SPLIT,
                                                                missing_ok=True, derive="none")
        if own:
            data[lang] = own.get(lang) or []
    cases = {lang: [Case(lang, str(i["q"]), i["expect"], tuple(i.get("also") or ()), i.get("kind", ""),
                         i.get("source", "")) for i in data.get(lang) or []] for lang in LANGS}
    return Split(name, cases, [str(i["q"]) for i in data.get("garbage") or []])


def sample_queries(lang: str, n: int = 3) -> list[str]:
    """The first `n` keyword queries of the tuning split in `lang`, for timings (not for quality)."""
    cases = load("tuning").cases.get(lang) or []
    keywords = [c.q for c in cases if c.kind == "keyword"] or [c.q for c in cases]
    return keywords[:n]


def rank_of(pages: list[str], accepted: set[str]) -> int | None:
    for position, page in enumerate(pages, 1):
        if page in accepted:
            return position
    return None


@dataclass
class Outcome:
    case: Case
    pages: list[str]            # article ids, best first
    rank: int | None


def metrics(outcomes: list[Outcome]) -> dict[str, float]:
    n = max(len(outcomes), 1)
    return {"n": len(outcomes),
            "hit@1": sum(1 for o in outcomes if o.rank == 1) / n,
            "hit@3": sum(1 for o in outcomes if o.rank and o.rank <= 3) / n,
            "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
            "empty": sum(1 for o in outcomes if not o.pages)}


def misses(outcomes: list[Outcome]) -> list[str]:
    return [f"  [{o.case.lang}] {o.case.q!r} -> want {o.case.expect}, "
            f"{'rank ' + str(o.rank) if o.rank else 'not found'}; got {', '.join(o.pages[:3]) or '(nothing)'}"
            for o in outcomes if o.rank != 1]


def run_engine(engines: dict, split: Split) -> dict[str, list[Outcome]]:
    """Every case through the core (the CLI's engine): engines = {lang: helpcenter.search Engine}."""
    out = {}
    for lang, cases in split.cases.items():
        engine = engines[lang]
        out[lang] = []
        for case in cases:
            groups = engine.search(case.q)["groups"]
            pages = [engine.pages[g["page"]][5] for g in groups[:10]]
            out[lang].append(Outcome(case, pages, rank_of(pages, case.accepted)))
    return out


def run_cli(catalog, split: Split) -> dict[str, list[Outcome]]:
    """Every case through the chat CLI's answer() (language detected from the message)."""
    out = {}
    for lang, cases in split.cases.items():
        out[lang] = []
        for case in cases:
            answers = catalog.answer(case.q, limit=3)
            pages = list(dict.fromkeys(a.id for a in answers))
            out[lang].append(Outcome(case, pages, rank_of(pages, case.accepted)))
    return out


def site_outcomes(report) -> list[Outcome]:
    return [Outcome(Case(o.query.lang, o.query.q, o.query.expect, o.query.also), o.pages, o.rank)
            for o in report.outcomes]
