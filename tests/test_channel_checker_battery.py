"""The "Is this really OKPay?" checker against Chromium's own URL parser, on a generated battery.

Every official value of the fixture registry is combined with every delimiter (ASCII, full-width
and compatibility forms, percent-encoded), confusable letter, invisible character, punycode form,
user part, port and scheme trick. Chromium runs the checker (docs/assets/javascripts/channel-check.js)
on each input, and in the same page reads the input as its address bar would (`new URL()`, with
"https://" in front when no scheme is typed). No input may be called official when the browser
would open another host, or another account on a profile host.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpcenter import channel_checker as cc
from helpcenter import registry as reg
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "channel-check.js"
OTHER = "evil.test"

# What separates a host from what follows, and what only looks like it: ASCII, full-width,
# small and vertical forms, slashes from other blocks, ideographic dots, percent-encoded forms.
DELIMITERS = [
    "/", "?", "#", "@", "\\", ":", ".", ";", "&", "%", "=",
    "\uff0f", "\uff1f", "\uff03", "\uff20", "\uff3c", "\uff1a", "\uff0e", "\uff1b",         # full-width
    "\ufe56", "\ufe5f", "\ufe6b", "\ufe68", "\ufe55", "\ufe52", "\ufe16", "\ufe13",         # small, vertical
    "\u2044", "\u2215", "\u29f8", "\u3002", "\uff61", "\u2024", "\u0589", "\u02d0",          # look-alikes
    "%2F", "%2f", "%3F", "%23", "%40", "%5C", "%3A", "%2E", "%252F", "%EF%BC%8F", "%00",
    "\u200b", "\u00ad", "\u2060", "\ufeff", "\u202e", "\u200e", "\t", "\n", " ",
]
PREFIXES = ["", "https://", "http://", "//", "HTTPS://", "https:", "https:/", "https:\\\\", "\\\\",
            " https://", "ftp://", "intent://", "file://", "wss://", "view-source:https://", "hxxps://",
            "\uff48\uff54\uff54\uff50\uff53://"]
SUFFIXES = ["", OTHER, "@" + OTHER, "@" + OTHER + "/login", "x@" + OTHER, "." + OTHER, "login",
            ":@" + OTHER, "443@" + OTHER]
HOMOGLYPHS = {"o": ["\u043e", "\u03bf", "\u0585", "0", "\uff4f", "\u00f6", "\u1d0f"],
              "a": ["\u0430", "\u03b1", "\u0251", "\uff41", "\u00e0"],
              "e": ["\u0435", "\u03b5", "\uff45", "\u00e9"],
              "p": ["\u0440", "\u03c1", "\uff50"], "c": ["\u0441", "\uff43"], "y": ["\u0443", "\u04af", "\uff59"],
              "x": ["\u0445", "\u03c7"], "m": ["rn", "\u043c"], "l": ["1", "\u04cf", "I"], "k": ["\u043a", "\u03ba"],
              "t": ["\u0442", "\u03c4"], "i": ["\u0456", "\u0131"], "w": ["vv", "\u0461"]}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e", "\u202e", "\u200e"]
PORTS = ["443", "8443", "0", "\uff14\uff14\uff13", "443@" + OTHER, OTHER, "99999", "0x1bb", "", ":@" + OTHER,
         "@" + OTHER, "443\\@" + OTHER, "443/@" + OTHER]
USERINFO = ["visitor@", "user:pass@", OTHER + "@", OTHER + ":443@", OTHER + "\uff0f@", "%40@", "@"]


def punycode(host: str) -> str:
    """The xn-- form a browser shows for a host in another alphabet (label by label)."""
    return ".".join("xn--" + label.encode("punycode").decode() if not label.isascii() else label
                    for label in host.split("."))


def battery(data: dict) -> list[str]:
    domains = [d["value"] for d in data["domains"]]
    profiles = [f"{p['host']}/{p['value']}" for p in data["profiles"]]
    emails = [e["value"] for e in data["emails"]]
    handles = ["@" + h["value"] for h in data["handles"]]
    phones = [p["value"] for p in data["phones"]]
    officials = domains + profiles + emails + handles + phones
    out: list[str] = [prefix + value for prefix, value in itertools.product(PREFIXES, officials)]
    # every official value, every delimiter, every follow-up; bare, as a link and scheme-relative
    for value, delim, suffix in itertools.product(officials, DELIMITERS, SUFFIXES):
        out += [value + delim + suffix, "https://" + value + delim + suffix, "//" + value + delim + suffix]
    # and behind every scheme trick, each domain with each delimiter before another host
    for prefix, value, delim in itertools.product(PREFIXES, domains + profiles[:1], DELIMITERS):
        out += [prefix + value + delim + "@" + OTHER, prefix + value + delim + OTHER]
    # another host first, ours after the delimiter (the browser may well open ours: that is fine)
    for value, delim in itertools.product(domains + profiles, DELIMITERS):
        out += [f"https://{OTHER}{delim}{value}", f"{OTHER}{delim}@{value}", f"{OTHER}{delim}{value}"]
    # look-alike letters, one at a time and in punycode
    for value in domains + profiles + emails:
        for i, ch in enumerate(value):
            for glyph in HOMOGLYPHS.get(ch, []):
                fake = value[:i] + glyph + value[i + 1:]
                out += [fake, "https://" + fake + "/login"]
                host = fake.split("/")[0].split("@")[-1]
                if not host.isascii():
                    out.append("https://" + punycode(host) + fake[fake.index(host) + len(host):])
    # invisible characters and percent-escapes at every position of the host
    for value in domains + profiles:
        host = value.split("/")[0]
        rest = value[len(host):]
        for i in range(len(host) + 1):
            for mark in INVISIBLE:
                out += [host[:i] + mark + host[i:] + rest, "https://" + host[:i] + mark + host[i:] + rest]
            if i < len(host):
                escaped = host[:i] + "%{:02X}".format(ord(host[i])) + host[i + 1:]
                out += ["https://" + escaped + rest, escaped + rest]
    # ports, user parts, case and trailing dots
    for value in domains + profiles:
        host, _, path = value.partition("/")
        path = "/" + path if path else ""
        for port in PORTS:
            out += [f"{host}:{port}{path}", f"https://{host}:{port}{path}"]
        for user in USERINFO:
            in_path = path.replace("/", "/" + user, 1) if path else "/" + user
            out += [f"https://{user}{host}{path}", f"{user}{host}{path}", f"https://{host}{in_path}"]
        out += [value.upper(), host + "." + path, host + ".." + path, "https://" + host + "./" + OTHER,
                "https://" + host + "." + OTHER, "https://" + OTHER + "." + host]
    return list(dict.fromkeys(out))


# In the page: the checker's verdict, the browser's reading of the same text, and the reading
# a checker that folds (NFKC) before parsing would get (to prove the battery exercises that).
EVALUATE = r"""([inputs, data]) => {
  function read(text) {
    const t = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
    const explicit = /^[a-z][a-z0-9+.-]*:[/\\]{2}/i.test(t) || /^(https?|ftp|wss?|file):/i.test(t);
    const url = explicit ? t : (/^[/\\]{2}/.test(t) ? "https:" + t : "https://" + t);
    try {
      const u = new URL(url);
      return [u.protocol, u.hostname.replace(/\.+$/, ""), u.pathname];
    } catch (e) { return null; }
  }
  return inputs.map((input) => {
    const a = window.OKPayChannelCheck.check(input, data);
    const folded = read(input.normalize("NFKC"));
    return [a.verdict, a.kind, a.reason, read(input), folded && folded[1]];
  });
}"""


def allowed(kind: str, where: list, data: dict) -> bool:
    """Would an "official" answer of this kind be true of what the browser opens?"""
    protocol, host, path = where
    if "." not in host:
        return kind != "url"                  # not a link to any site ("@okpay_demo", a number)
    ours = any(host == d["value"] or host.endswith("." + d["value"]) for d in data["domains"])
    if kind in ("url", "email"):
        return ours and (kind == "email" or protocol in ("http:", "https:"))
    if kind == "handle":
        bare = re.sub(r"^(www|m|mobile)\.", "", host)
        segment = path.split("/")[1] if path.count("/") else ""
        return protocol in ("http:", "https:") and any(
            p["host"] == bare and segment.lower().lstrip("@") == p["value"] for p in data["profiles"])
    return False                              # a phone number never opens a host


@pytest.fixture(scope="module")
def data() -> dict:
    return cc.checker_data(reg.model(FIXTURE_REGISTRY), "en")


@pytest.fixture(scope="module")
def verdicts(browser, data):
    inputs = battery(data)
    page = browser.new_page()
    page.set_content("<!doctype html><title>battery</title>")
    page.add_script_tag(path=str(SCRIPT))
    out = {}
    for start in range(0, len(inputs), 5000):
        chunk = inputs[start:start + 5000]
        out.update(zip(chunk, page.evaluate(EVALUATE, [chunk, data])))
    page.close()
    return out


def test_no_official_verdict_for_a_host_the_browser_opens_elsewhere(verdicts, data):
    wrong = [f"{json.dumps(text, ensure_ascii=True)}: checker {v[0]}/{v[1]}/{v[2]}, browser {v[3]}"
             for text, v in verdicts.items()
             if v[0] == "official" and v[3] is not None and not allowed(v[1], v[3], data)]
    assert len(verdicts) > 30000
    assert wrong == [], f"{len(wrong)} false official verdicts, e.g.:\n" + "\n".join(wrong[:25])


def test_the_battery_holds_the_folding_trick_and_official_values(verdicts, data):
    """It can fail: it holds inputs whose host changes when folded before parsing, and inputs that
    are truly official (so a checker answering "not official" to everything would be caught)."""
    trick = [t for t, v in verdicts.items() if v[3] and v[4] and v[3][1] != v[4]]
    assert len(trick) > 1000
    domain = data["domains"][0]["value"]
    for text in (domain, f"https://{domain}", f"{domain}/login", f"{domain}\\@{OTHER}", f"https://visitor@{domain}",
                 f"{domain}:443", domain.upper(), f"{OTHER}\uff0f@{domain}"):
        assert verdicts[text][0] == "official", (text, verdicts[text])
    official = sum(v[0] == "official" for v in verdicts.values())
    assert official > 500, official


@pytest.mark.parametrize("delim", ["\uff0f", "\uff1f", "\uff03", "\ufe56", "\u2215", "%2F", "\u2044"])
def test_a_full_width_delimiter_before_another_host_is_not_official(verdicts, data, delim):
    for domain in (d["value"] for d in data["domains"]):
        for text in (f"{domain}{delim}@{OTHER}", f"https://{domain}{delim}@{OTHER}"):
            v = verdicts.get(text)
            assert v is not None, text
            assert v[3] is None or v[3][1] == OTHER, (text, v)
            assert v[0] == "lookalike", (text, v)


def registry_host(url: str) -> str | None:
    """The host helpcenter/registry.py checks for a registry link (policies, apps, social), or
    None when its link rule (_url) refuses the link."""
    try:
        reg._url(reg._Reader(Path("battery.yml")), {"url": url}, "battery")
    except (reg.RegistryError, ValueError):
        return None
    return urlsplit(url).hostname.rstrip(".")


def test_the_registry_reads_a_link_host_as_the_browser_does(verdicts):
    """The Python side: a link the registry accepts (and then checks against the platform hosts
    and registry domains) opens the host the registry checked, on the same battery."""
    accepted = {text: registry_host(text) for text in verdicts if text.startswith(("https://", "HTTPS://"))}
    accepted = {text: host for text, host in accepted.items() if host is not None}
    differ = [(text, host, verdicts[text][3]) for text, host in accepted.items()
              if verdicts[text][3] is None or verdicts[text][3][1] != host]
    assert len(accepted) > 1000
    assert differ == [], differ[:20]
