"""The one table of platforms an app-store or social entry of the registry may point at.

Each platform: the registry list it belongs under (`apps` or `social`), the hosts its links live
on, its own rule for account names, and whether its profile links name the account (t.me/<name>).
Read by helpcenter/registry.py (a handle's shape; the production guard, which checks every app and
social entry, whatever its id, against these hosts) and helpcenter/official_channels.py (the hosts
on which a pasted profile link names one of our accounts, for the "Is this really OKPay?" checker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Platform:
    id: str                  # the registry entry id that names this platform ("telegram")
    name: str
    section: str             # the registry list its entries belong under: "apps" or "social"
    hosts: tuple[str, ...]   # its own hosts; a name under one of them counts too
    handle: re.Pattern | None = None
    handle_rule: str = ""
    # True when a profile link's first path segment is the account name (t.me/okpay). WeChat's
    # links (mp.weixin.qq.com/...) carry an opaque id instead, so no account can be read from them.
    account_in_path: bool = False


PLATFORMS = (
    Platform("ios", "App Store", "apps", ("apps.apple.com",)),
    Platform("android", "Google Play", "apps", ("play.google.com",)),
    # Telegram: a-z, 0-9 and underscores, at least 5 characters (telegram.org/faq "What can I use
    # as my username?"); at most 32 (core.telegram.org/method/account.updateUsername).
    Platform("telegram", "Telegram", "social", ("t.me", "telegram.me", "telegram.dog"),
             re.compile(r"[A-Za-z0-9_]{5,32}"), "5-32 letters, digits or '_' (Telegram's rule)", True),
    # X: at most 15 characters, letters, digits and underscores
    # (help.x.com/en/managing-your-account/x-username-rules).
    Platform("x", "X", "social", ("x.com", "twitter.com"),
             re.compile(r"[A-Za-z0-9_]{1,15}"), "1-15 letters, digits or '_' (X's rule)", True),
    # WeChat ID (微信号): the app's own prompt when setting one reads "微信号仅支持6-20个字母、
    # 数字、下划线或减号，以字母开头" (6-20 letters, digits, '_' or '-', starting with a letter).
    Platform("wechat", "WeChat", "social", ("weixin.qq.com",),
             re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}"),
             "6-20 letters, digits, '_' or '-', starting with a letter (WeChat's rule)"),
)
BY_ID = {p.id: p for p in PLATFORMS}


def on_host(host: str, hosts: tuple[str, ...] | list[str]) -> bool:
    """host is one of `hosts` or a name under one of them."""
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in hosts)


def for_host(host: str) -> Platform | None:
    """The platform a link's host belongs to, or None."""
    return next((p for p in PLATFORMS if on_host(host, p.hosts)), None)


def account_in(url: str) -> str:
    """The account a profile link names: its first path segment, without '@' ("" if none)."""
    segment = urlsplit(url).path.lstrip("/").split("/", 1)[0]
    return unquote(segment).lstrip("@")


def check_entry(section: str, ident: str, url: str, handle: str | None) -> list[tuple[str, str, str]]:
    """What is wrong with one app or social entry, as (field, problem, expected); empty if nothing.

    The platform is the one the link's host belongs to, whatever the entry's id; an id that names
    another platform is refused too, and so is a handle the link does not name."""
    host = (urlsplit(url).hostname or "").lower()
    platform = for_host(host)
    mine = [p for p in PLATFORMS if p.section == section]
    known = ", ".join(f"{h} ({p.name})" for p in mine for h in p.hosts)
    if platform is None:
        return [("url", f"{url!r} is on {host!r}, which is no known platform's host",
                 f"a link on one of: {known} (platforms: helpcenter/platforms.py)")]
    if platform.section != section:
        return [("url", f"{url!r} is a {platform.name} link, not a {section} entry",
                 f"a link on one of: {known}")]
    named = BY_ID.get(ident)
    if named is not None and named is not platform:
        return [("url", f"id {ident!r} names {named.name} but {url!r} is a {platform.name} link",
                 f"a link on {' or '.join(named.hosts)}, or an id that is not another platform's")]
    problems = []
    if handle is not None and platform.handle is not None and not platform.handle.fullmatch(handle):
        problems.append(("handle", f"got {handle!r}", platform.handle_rule))
    if handle is not None and platform.account_in_path and account_in(url).lower() != handle.lower():
        problems.append(("url", f"{url!r} names the account {account_in(url)!r}, the handle is {handle!r}",
                         "a link to the same account as the handle, like "
                         f"https://{platform.hosts[0]}/{handle}"))
    return problems
