"""Related articles: chosen from shared tags and wording, 2-4 per article, in the page's language."""

from __future__ import annotations

import re

from helpcenter import quality as q
from helpcenter.related import Article, related


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


def test_every_built_article_lists_related_articles_in_its_language(site):
    checked = 0
    for page in q.content_pages(site.dir):
        html = page.read_text(encoding="utf-8")
        if 'property="og:type" content="article"' not in html:
            continue
        block = re.search(r'<nav class="?okp-related"?[^>]*>(.*?)</nav>', html, re.S)
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
