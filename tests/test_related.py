"""Related articles: chosen from shared tags and wording, 2-4 per article, in the page's language."""

from __future__ import annotations

import re

from helpcenter import quality as q
from helpcenter.layout import Layout
from helpcenter.related import Article, follow, related

RELATED = re.compile(r'<nav class="?okp-related"?[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="?([^" >]+)"?>(.*?)</a>', re.S)


def art(ident, section, tags, words=()):
    return Article(ident, section, ident, frozenset(tags), frozenset(words))


def test_rare_shared_tags_outweigh_common_ones():
    pool = [art("phrase", "security", ["security", "recovery-phrase"]),
            art("scammed", "scams", ["scams", "recovery-phrase"]),
            art("passwords", "security", ["security", "password"]),
            art("wifi", "security", ["security", "devices"]),
            art("fees", "payments", ["payments", "fees"]),
            art("2fa", "security", ["security", "two-factor"]),
            art("app", "security", ["security", "app"]),
            art("activity", "security", ["security", "account"])]
    picks = [a.ident for a in related(pool)["phrase"]]
    assert picks[0] == "scammed"          # shares the rare tag, though in another section
    assert "fees" not in picks            # shares nothing


def test_between_two_and_four_and_never_itself():
    pool = [art(f"a{i}", "s", ["t"], [f"w{i}"]) for i in range(8)]
    for ident, picks in related(pool).items():
        assert 2 <= len(picks) <= 4
        assert ident not in {a.ident for a in picks}


def test_a_derived_edition_lists_its_sources_articles_with_its_own_titles():
    """Converted titles score differently; the derived list is still the source's, id for id."""
    source = [art("phrase", "security", ["recovery-phrase"]), art("guide", "scams", ["scams"]),
              art("scammed", "scams", ["scams", "recovery-phrase"])]
    derived = [Article(a.ident, a.section, a.ident.upper(), a.tags, a.words) for a in source]
    picks = follow(related(source), derived)
    for a in source:
        assert [b.ident for b in picks[a.ident]] == [b.ident for b in related(source)[a.ident]]
        assert all(b.title == b.ident.upper() for b in picks[a.ident])
    assert follow({"phrase": [source[1]]}, derived[:1]) == {"phrase": []}   # no page, no link


def _related_links(page):
    """[(href, link text)] of a built page's related list, in its order."""
    block = RELATED.search(page.read_text(encoding="utf-8"))
    return [(href, re.sub(r"<[^>]+>", "", text)) for href, text in LINK.findall(block.group(1))] if block else []


def test_every_derived_page_lists_the_same_related_articles_as_its_source(site):
    layout = Layout.load()
    checked = 0
    for lang in layout.derived():
        root = site.dir / lang.prefix
        source_root = site.dir / layout.language(lang.derive_from).prefix
        for page in sorted(root.glob("*/*/index.html")):
            rel = page.relative_to(root)
            source = source_root / rel
            if not source.is_file() or not RELATED.search(source.read_text(encoding="utf-8")):
                continue
            links, source_links = _related_links(page), _related_links(source)
            assert [h for h, _ in links] == [h for h, _ in source_links], (lang.code, rel.as_posix())
            for href, text in links:       # the derived edition's own page and title
                target = (page.parent / href / "index.html").resolve()
                assert target.is_relative_to(root.resolve()), (page, href)
                assert text and text in target.read_text(encoding="utf-8"), (page, href, text)
            checked += 1
    assert checked >= 40


def test_every_built_article_lists_related_articles_in_its_language(site):
    checked = 0
    for page in q.content_pages(site.dir):
        html = page.read_text(encoding="utf-8")
        if 'property="og:type" content="article"' not in html:
            continue
        block = RELATED.search(html)
        assert block, f"{page}: no related articles"
        links = re.findall(r'<a href="?([^" >]+)"?>', block.group(1))
        assert 2 <= len(links) <= 4, (page, links)
        for href in links:
            target = (page.parent / href / "index.html").resolve()
            assert target.is_file(), (page, href)
            assert target != page.resolve()
            same_lang = target.is_relative_to(site.dir / "en") == page.is_relative_to(site.dir / "en")
            assert same_lang, (page, href)
        checked += 1
    assert checked >= 60
