"""Every ranking constant of the search engine, in one table.

index.py writes this table into every index it makes, and both runtimes (core.py for the chat CLI
and the evaluation, core.js for the browser) read it from there: neither has a constant of its own,
so a knob changed here changes both. Tuned on the tuning splits only (tests/data/eval/tuning*.yml
and seen*.yml, never on the frozen set); `helpcenter search-bench` prints what a change does.
"""

from __future__ import annotations

RANKING = {
    # BM25: term-frequency saturation and length normalization.
    "k1": 1.2,
    "b": 0.75,
    # A page's topic fields (what the page is about) and their weights. Question headings weigh
    # half a title word: they are many per page, so a long page with many headings would otherwise
    # win a neighbour's query by their mass (top-up-and-withdraw over deposit-not-received).
    "topic_fields": {"title": 3.0, "desc": 1.0, "keys": 2.0, "heads": 0.5},
    # A document's own fields (a question heading and its section, or the page's opening).
    "own_fields": {"title": 3.0, "text": 1.0},
    # A document scores its own match plus this many times its page's topic match.
    "topic_weight": 3.5,
    # A Chinese bigram with one function character (里的, 的银) counts this much of a query word.
    "glue_weight": 0.5,
    # Two Latin words in a row, as one more term of the query (a phrase match counts extra).
    "pair_weight": 0.5,
    # A vocabulary synonym counts this much of a customer's own word (spread over its fan-out).
    "synonym_weight": 0.4,
    # ... divided by (its fan-out ** spread): a word with ten synonyms does not weigh ten words.
    "spread": 0.5,
    # A customer word the pages never use ("sketchy", 入金) has only its synonyms: they count fully,
    # divided by (fan-out ** unknown_spread), so that ten synonyms of one word do not outweigh the
    # rest of the message.
    "unknown_spread": 0.25,
    # How much the share of the query's own terms a page holds matters (0: not at all).
    "coverage_power": 1.0,
    # Below this best score the message matched nothing meaningful (random keys, greetings only).
    "min_score": 0.8,
    # Type-ahead: an unfinished last Latin word of at least prefix_min letters also searches up to
    # prefix_max index words it begins, at prefix_weight.
    "prefix_min": 3,
    "prefix_max": 20,
    "prefix_weight": 0.5,
    # An answer names a question heading instead of its article when the heading's score beats the
    # article's by this factor ("提现" alone matches the withdrawal title and every heading under it).
    "heading_lead": 1.15,
    # Intents: what a message says happened, beyond its topic words. When a message holds one of
    # an intent's cues (data/search/vocabulary.<lang>.yml, `intents`), the intent's articles score
    # (1 + lift) times as much; lifts of several intents add up. A lift only reorders pages that
    # already match the topic: it never brings in a page the words did not find.
    # - trouble: something went wrong (still not arrived, failed, stuck): the troubleshooting
    #   article beats the how-to article on the same topic (withdrawal-delayed over top-up-and-withdraw).
    # - posing: someone claims to be support or an official: the impersonation articles.
    # - asking: someone asks for a code, the recovery phrase, money or the screen: what support never asks.
    # - sent: money already went to someone (sent, transferred, drained): the recovery steps.
    # - shared: a code, password or recovery phrase already given away.
    #   Both are emergencies: the steps to take now come before the explanation of how the scam
    #   works ("i sent 2000 usdt to a guy pretending to be support" -> if-scammed, not impersonation),
    #   so both quiet posing as well as trouble.
    # - lost-phone: a lost or stolen phone.
    # - checking: the customer asks whether a number, site, message or person is real or official:
    #   how to check a channel, not the channel's own article ("is this number legit" ->
    #   verify-official-channel, not phone-hotline).
    # - meaning: the customer asks what a word means: the glossary, not the article using the word
    #   ("TRC20是什么意思" -> glossary, not crypto-transfers).
    # - family: the message is about a parent or an older relative to whom something happened (it
    #   needs a scam intent): the page on helping family, whose steps are written for the one
    #   helping ("my mum already read the code out" -> helping-family, not the generic recovery
    #   steps). It quiets the scam intents of the story told about the relative (posing, asking,
    #   sent, shared): that page covers each of them.
    # - shortfall: money arrived, but less of it: the fee page ("only $487 showed up of $500").
    # - outage: the app or service looks down for everyone (spinning, maintenance, 崩了): the
    #   status page, not the troubleshooting page of what the customer was doing.
    # - clicked: the customer followed a link or scanned a code and then typed something: the
    #   phishing page.
    # `needs`: the intent counts only when the message also holds one of these. A relative named
    # in a message is the family page's cue only when something happened to them ("my mum read
    # the code out"); "the money I sent to my mom" is about the money.
    # `quiets`: intents whose lift a message holding this one does not get. A scam message names
    # its pretext ("can fix my pending withdrawal if I give my login"): the pretext's trouble is
    # not what the customer needs answered.
    "intents": {
        "trouble": {"lift": 0.5, "articles": ["withdrawal-delayed", "deposit-not-received", "payment-failed"]},
        "posing": {"lift": 1.0, "articles": ["impersonation", "never-ask"], "quiets": ["trouble"]},
        "asking": {"lift": 1.0, "articles": ["never-ask"], "quiets": ["trouble"]},
        "sent": {"lift": 1.0, "articles": ["if-scammed", "emergency-guide"], "quiets": ["trouble", "posing"]},
        "shared": {"lift": 0.8, "articles": ["if-scammed", "emergency-guide"], "quiets": ["trouble", "posing"]},
        "lost-phone": {"lift": 1.0, "articles": ["safe-devices-networks", "two-factor-auth"]},
        "checking": {"lift": 0.5, "articles": ["verify-official-channel"]},
        "meaning": {"lift": 1.0, "articles": ["glossary"]},
        "family": {"lift": 1.0, "articles": ["helping-family"], "quiets": ["posing", "asking", "sent", "shared"],
                   "needs": ["posing", "asking", "sent", "shared", "clicked", "checking"]},
        "shortfall": {"lift": 1.0, "articles": ["fees"], "quiets": ["trouble"]},
        "outage": {"lift": 0.8, "articles": ["service-status"], "quiets": ["trouble"]},
        "clicked": {"lift": 0.4, "articles": ["phishing"]},
    },
}
