"""data/content-plan.yml and docs/ agree: every planned id is a page in every language, and every
page is planned. Both sides are read from the files, so adding an article means adding it to the
plan (and the plan entry means writing it in every language)."""

from __future__ import annotations

import re

import pytest

from helpcenter.layout import Layout
from tests.helpers.datafiles import load_yaml
from tests.helpers.paths import ROOT

PLAN = ROOT / "data" / "content-plan.yml"
LANGUAGES = Layout.load().codes
FRONT_ID = re.compile(r"^id:\s*(\S+)\s*$", re.M)


def planned() -> set[tuple[str, str]]:
    plan = load_yaml(PLAN.read_text(encoding="utf-8"))
    return {(section, ident) for section, ids in plan.items() for ident in ids}


def pages(lang: str) -> set[tuple[str, str]]:
    return {(p.parent.name, p.stem) for p in (ROOT / "docs" / lang).glob("*/*.md") if p.stem != "index"}


def test_the_plan_is_a_mapping_of_sections_to_ids_with_a_scope():
    plan = load_yaml(PLAN.read_text(encoding="utf-8"))
    assert isinstance(plan, dict) and plan
    for section, ids in plan.items():
        assert isinstance(ids, dict) and ids, f"{PLAN}: section {section!r} has no ids"
        for ident, scope in ids.items():
            assert isinstance(scope, str) and scope.strip(), f"{PLAN}: {section}/{ident} has no scope"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_planned_id_is_a_page_and_every_page_is_planned(lang):
    plan, docs = planned(), pages(lang)
    assert not plan - docs, f"planned but no page in docs/{lang}/: {sorted('/'.join(p) for p in plan - docs)}"
    assert not docs - plan, f"pages in docs/{lang}/ missing from {PLAN.name}: {sorted('/'.join(p) for p in docs - plan)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_carries_its_plan_id(lang):
    wrong = []
    for section, ident in planned():
        text = (ROOT / "docs" / lang / section / f"{ident}.md").read_text(encoding="utf-8")
        found = FRONT_ID.search(text.split("---", 2)[1])
        if not found or found.group(1) != ident:
            wrong.append(f"{section}/{ident}: id {found.group(1) if found else None!r}")
    assert not wrong, f"docs/{lang}: front-matter id differs from the plan: {wrong}"


@pytest.mark.parametrize("vocabulary", sorted((ROOT / "data" / "search").glob("vocabulary.*.yml")), ids=lambda p: p.name)
def test_every_article_of_a_vocabulary_file_is_planned(vocabulary):
    """A vocabulary key under `articles` that is no planned id is a typo or a stray section: its
    words would be indexed for no page."""
    ids = {ident for _, ident in planned()}
    articles = load_yaml(vocabulary.read_text(encoding="utf-8")).get("articles") or {}
    assert not set(articles) - ids, f"{vocabulary.name}: articles that are not in {PLAN.name}: {sorted(set(articles) - ids)}"
