"""link-title: a link to an article, without an anchor, reads as that article's title in that
language. One short name per article wherever it is linked: readers who met "官方客服渠道一览" in the
menu should not meet it again as "官方渠道" or "客服渠道". A link to a heading (#anchor) names the
question it lands on and is not checked."""

from __future__ import annotations

import posixpath
import re

from helpcenter.content_rules.model import Context, Finding, Rule

# An inline Markdown link to a page of the site, without an anchor: [text](../section/page.md).
ARTICLE_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s#]+\.md)\)")


def check(corpus: dict, ctx: Context):
    pages, _ = corpus["docs"]
    for lang, by_rel in pages.items():
        for rel, page in sorted(by_rel.items()):
            for n, line in page.numbered():
                if n in page.code_lines:
                    continue
                for m in ARTICLE_LINK.finditer(line):
                    text, target = m.groups()
                    dest = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
                    linked = by_rel.get(dest)
                    title = linked.meta.get("title") if linked is not None and linked.is_article else None
                    if title and text.strip() != str(title).strip():
                        yield Finding(page.path, n, "link-title",
                                      f"link text {text!r} for {dest}; expected its title {title!r}")


RULE = Rule(("link-title",), "A link to an article (no #anchor) reads as the article's title in that language.",
            pages=check)
