"""Find the help-center answers a support agent pastes into a customer chat.

    catalog = load(Path("site"))          # reads the built site: links.json and the search indexes
    for answer in catalog.answer("USDT转错网络了能找回吗"):
        print(answer.reply())             # 转错网络了还能找回吗？ https://…/go/crypto-transfers/wrong-network/

The same engine as the site's search box (helpcenter/search), on the same built indexes
(search/okpay-index.zh.json, en/search/okpay-index.en.json): no dictionary, no vocabulary file at
query time, so a cold call is a fraction of a second. The message's language decides the index
(Chinese as soon as it holds a Han character: "我的 withdrawal 三天了还 pending" is Chinese, and
the Chinese vocabulary knows the English words customers mix in). The best three articles
answer, each with its best question heading when that heading clearly beats the article as a
whole. A message that matches nothing meaningful (random keys, emoji, a bare greeting) gets no
answer at all, never three weak links; so does text that is not text (invalid UTF-8, control
characters) or mostly symbols. A message holding a link or an email address (any, suspicious or
not) is answered first with the article that holds the "Is this really OKPay?" checker: whoever
pastes one is asking whether it is us.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from helpcenter import project
from helpcenter.layout import Layout
from helpcenter.search import LANGS, index_file
from helpcenter.search.core import Engine
from helpcenter.text import HAN

# The article with the "Is this really OKPay?" checker ({{ channel_checker() }}); a pasted link
# or email address is answered with it first (tests/test_chatlink.py checks that it holds it).
CHECKER_ARTICLE = "verify-official-channel"
# A link (scheme:// or www.), an email address, or a bare host name with a path or a letter TLD
# ("okpay-help.net/login", "t.me/x"), read on the NFKC-folded message so full-width forms count.
LINK = re.compile(r"(?i)[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+"
                  r"|(?<![\w.@-])[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,63}(?![\w-])\S*")
# More symbols than this share of a message's visible characters is keyboard noise, not a question
# ("f=SaLiMZBtfm} Q~a0", ">m{^1jf-I%"); real ones stay well under it ("为什么我被封号了？？？" 0.27).
MAX_SYMBOL_SHARE = 0.3


def is_text(message: str) -> bool:
    """False for what no person types: undecodable bytes (lone surrogates from argv, U+FFFD
    from a replacing decoder) and control characters other than tab and line breaks."""
    return not any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r" or ch == "\ufffd"
                   for ch in message)


def is_noise(message: str) -> bool:
    """Mostly symbols: punctuation and signs outweigh letters and digits."""
    visible = [ch for ch in message if not ch.isspace()]
    symbols = sum(not ch.isalnum() for ch in visible)
    return not visible or symbols > MAX_SYMBOL_SHARE * len(visible)


class SiteNotBuilt(FileNotFoundError):
    """The folder has no links.json or no search index: the site was not built (run `make build`)."""


def detect_lang(message: str, layout: Layout | None = None) -> str:
    """The first site language written in the message's script (data/languages.yml script): Han as
    soon as the message holds a Han character. Between several Han editions, Catalog.detect
    chooses by each index's signature."""
    layout = layout or Layout.load()
    return (layout.for_script("han" if HAN.search(message) else "latin") or layout.default)


@dataclass(frozen=True)
class Answer:
    id: str
    anchor: str          # "" when the answer is the whole article
    lang: str
    title: str
    article_title: str
    url: str
    short_url: str
    score: float

    def reply(self) -> str:
        """The line an agent pastes: the question (or article) title and its short link."""
        return f"{self.title} {self.short_url}"

    def as_dict(self) -> dict:
        return asdict(self)


class Catalog:
    def __init__(self, site: Path, records: list[dict]):
        self.site = Path(site)
        self.by_key = {(r["lang"], r["id"], r["anchor"]): r for r in records}
        self.engines: dict[str, Engine] = {}

    def detect(self, message: str) -> str:
        """The language of the message: by script, then, between Han editions, the one whose index
        signature (its variant-only characters and markers, helpcenter/search/index.py) the message
        holds most of; the first Han language when none stands out (core.js does the same in the
        agent console)."""
        lang = detect_lang(message)
        layout = Layout.load()
        if layout.language(lang).script != "han":
            return lang
        best, score = lang, 0
        for other in layout.languages:
            if other.script == "han":
                mark = set(self.engine(other.code).data.get("signature") or "")
                found = sum(ch in mark for ch in message)
                if found > score:
                    best, score = other.code, found
        return best

    def engine(self, lang: str) -> Engine:
        if lang not in self.engines:
            path = self.site / index_file(lang)
            if not path.is_file():
                raise SiteNotBuilt(f"no search index {path}: run `make build` first (it writes site/), "
                                   "or pass --site with a built site folder")
            self.engines[lang] = Engine(json.loads(path.read_text(encoding="utf-8")))
        return self.engines[lang]

    def answer(self, message: str, lang: str | None = None, limit: int = 3) -> list[Answer]:
        """The best `limit` answers to a customer's message, in `lang` (default: the message's).

        Matching always uses the language the message is written in; a forced `lang` only picks
        the language of the returned links (same article and anchor)."""
        match_lang = self.detect(message)
        out_lang = lang or match_lang
        if out_lang not in LANGS:
            raise ValueError(f"unknown language {out_lang!r}; expected one of {', '.join(LANGS)}")
        if not is_text(message):
            return []
        folded = unicodedata.normalize("NFKC", message)
        picked: list[Answer] = []
        if LINK.search(folded):
            checker = self.by_key.get((out_lang, CHECKER_ARTICLE, ""))
            if checker is not None:
                picked.append(self._answer(checker, out_lang, 0.0))
            message = LINK.sub(" ", folded)     # the rest of the message asks the rest
        if is_noise(message):
            return picked
        engine = self.engine(match_lang)
        for page, anchor, score in engine.answers(message, limit + 3):
            if len(picked) >= limit:
                break
            ident = engine.pages[page][5]
            target = self.by_key.get((out_lang, ident, anchor)) or self.by_key.get((out_lang, ident, ""))
            if target is None or any(a.id == target["id"] for a in picked):
                continue    # not in the reply language (a translation missing from this build), or given
            picked.append(self._answer(target, out_lang, round(score / 1e6, 3)))
        return picked

    @staticmethod
    def _answer(record: dict, lang: str, score: float) -> Answer:
        return Answer(id=record["id"], anchor=record["anchor"], lang=lang, title=record["title"],
                      article_title=record["article_title"], url=record["url"], short_url=record["short_url"],
                      score=score)


def load(site: Path) -> Catalog:
    """Read a built site folder (links.json; the search indexes are read on first use)."""
    links = Path(site) / "links.json"
    if not links.is_file():
        raise SiteNotBuilt(f"no links.json in {site}: run `make build` first (it writes site/), "
                           "or pass --site with a built site folder")
    try:
        records = json.loads(links.read_text(encoding="utf-8"))["records"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SiteNotBuilt(f"{links} cannot be read as a built site's links.json ({exc}); "
                           "run `make build` again") from None
    return Catalog(Path(site), records)


JSON_KEYS = ("id", "anchor", "lang", "title", "short_url", "url", "score")


def render(answers: list[Answer], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([{k: a.as_dict()[k] for k in JSON_KEYS} for a in answers], ensure_ascii=False, indent=1)
    if fmt == "markdown":
        return "\n".join(f"- [{a.title}]({a.short_url})" for a in answers)
    return "\n".join(f"{n}. {a.reply()}" for n, a in enumerate(answers, 1))


def write(text: str) -> None:
    """One line on stdout, always UTF-8 whatever the locale (LANG=C, a pipe on Windows)."""
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


def batch_lines():
    """(message, readable) per non-blank stdin line; invalid UTF-8 is shown with U+FFFD and is
    not readable. A closed stdin reads as no lines."""
    if sys.stdin is None:
        print("chatlink: stdin is closed; no messages read", file=sys.stderr)
        return
    for raw in sys.stdin.buffer:
        raw = raw.rstrip(b"\r\n")
        try:
            yield raw.decode("utf-8"), True
        except UnicodeDecodeError:
            yield raw.decode("utf-8", "replace"), False


def run(args, catalog: Catalog) -> int:
    if args.batch:
        for message, readable in batch_lines():
            if not message.strip():
                continue
            answers = catalog.answer(message, lang=args.lang, limit=args.limit) if readable else []
            write(json.dumps({"message": message, "lang": args.lang or catalog.detect(message),
                              "answers": [{k: a.as_dict()[k] for k in JSON_KEYS} for a in answers]},
                             ensure_ascii=False))
        return 0
    answers = catalog.answer(" ".join(args.message), lang=args.lang, limit=args.limit)
    if not answers:
        if args.format == "json":
            write("[]")
        print("chatlink: no answer matches this message; try other words", file=sys.stderr)
        return 1
    write(render(answers, args.format))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="helpcenter chatlink",
        description="Turn a customer's chat message into the help-center links to paste back: the three "
                    "best answers (a question heading or a whole article), in the message's language. "
                    "Reads a built site (links.json and the search indexes); no network.",
        epilog="Exit status: 0 answers printed, 1 nothing matched (no answer), 2 no built site. "
               "--batch: one message per line on stdin, one JSON line per message on stdout "
               '({"message", "lang", "answers": [...]}; "answers" is empty for no answer); exit 0.')
    parser.add_argument("message", nargs="*", help="the customer's message (quote it, or several words)")
    parser.add_argument("--batch", action="store_true", help="read messages from stdin, one per line")
    parser.add_argument("--lang", choices=LANGS,
                        help="language of the links (default: the message's: Chinese when it has Chinese "
                             "characters, else English)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help="text: '1. title link' lines (default); markdown: '- [title](link)'; "
                             "json: list of {id, anchor, lang, title, short_url, url, score}")
    parser.add_argument("--site", type=Path, default=project.root() / "site",
                        help="the built site folder holding links.json (default: site/ of this project)")
    parser.add_argument("--limit", type=int, default=3, help="how many answers (default: 3)")
    args = parser.parse_args(argv)
    if args.batch and args.message:
        parser.error("give either a message or --batch (messages on stdin), not both")
    if not args.batch and not " ".join(args.message).strip():
        parser.error("give a message, or --batch to read messages from stdin")
    if args.limit < 1:
        parser.error(f"--limit: got {args.limit}; expected 1 or more")
    if sys.stdout is None:
        print("chatlink: stdout is closed; nowhere to write the answers", file=sys.stderr)
        return 2
    try:
        return run(args, load(args.site))
    except SiteNotBuilt as exc:
        print(f"chatlink: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped (`| head -1`): not an error of ours. Point stdout at /dev/null so the
        # interpreter's final flush does not fail again on the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
