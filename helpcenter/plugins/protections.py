"""The site's own protections, added after every page is written.

- A Content-Security-Policy <meta> on every HTML page (articles, home pages, the 404 page, the
  /go/ and redirect stubs written by hooks), with a sha256 hash for each inline script of that
  page that the project itself emits (its templates' and plugins', helpcenter/own_scripts.py),
  never for a script found in content: scripts from this site only, no third-party hosts, no
  plugins, no <base> or form hijacking. An inline script that is not the project's own fails the
  build (the content rule unsafe-html refuses it earlier, in the source).
- <meta name="referrer" content="no-referrer">: a customer following a link from a help article
  (a store, an authority's report form) does not tell that site which article they were reading.
- /.well-known/security.txt (RFC 9116): where to report a vulnerability, from the registry.
- /official-channels.json (schema: schemas/official-channels.schema.json, published beside it):
  every official channel, machine-readable, for anti-fraud partners and chat tools. The "Is this
  really OKPay?" checker is built from the same document (helpcenter/official_channels.py).

Runs in on_post_build, after mkdocs-static-i18n built both languages and after the hooks that
write or rewrite pages (their priorities are -200 and -300): a hash must cover the script's
final text. Running it twice over the same site gives the same result.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
import shutil
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from helpcenter import official_channels, own_scripts, project
from helpcenter import registry as reg
from helpcenter.plugins import PRIORITY_LAST, i18n
from helpcenter.registry_model import Registry

log = get_plugin_logger(__name__)

HEAD = re.compile(r"<head\b[^>]*>", re.I)
CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.I)
OURS = re.compile(r'<meta (?:http-equiv="Content-Security-Policy"|name="referrer") content="[^"]*">')


class ProtectionsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # List the hashes of the project's own inline scripts in script-src. Off: 'unsafe-inline'
    # (only `mkdocs serve` needs it, for its live-reload script; the offline copy keeps hashes).
    script_hashes = c.Type(bool, default=True)
    referrer = c.Choice(("no-referrer", "same-origin", "strict-origin"), default="no-referrer")
    # The registry email (by id) that security.txt names as the contact.
    security_contact = c.Type(str, default="security")
    # RFC 9116 asks for an Expires less than a year ahead; a build more than this many days old
    # publishes an expired file, which says "this contact may be stale".
    expires_days = c.Type(int, default=180)


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_hashes(page: str, known: list[re.Pattern] | None = None) -> list[str]:
    """The CSP hash of every inline script the browser would run that is the project's own (all of
    them when known is None), in page order, no repeats."""
    return list(dict.fromkeys(script_hash(body) for body in own_scripts.inline_scripts(page)
                              if known is None or own_scripts.is_own(body, known)))


def foreign_scripts(page: str, known: list[re.Pattern]) -> list[str]:
    """Inline scripts on the page that the project did not emit."""
    return [body for body in own_scripts.inline_scripts(page) if not own_scripts.is_own(body, known)]


def policy(hashes: list[str] | None) -> str:
    """The policy for one page. hashes None: inline scripts allowed (only while `mkdocs serve` runs).

    style-src keeps 'unsafe-inline': Material and the checker set styles from script, and
    styles cannot run code. img-src data: serves Material's inline SVG icons. worker-src blob:
    lets a search worker start from a blob where a browser refuses file:// workers.
    frame-ancestors is left out: browsers ignore it in a <meta> and log an error.
    """
    scripts = "'self' 'unsafe-inline'" if hashes is None else " ".join(["'self'", *hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def protect(page: str, hashes_on: bool = True, referrer: str = "no-referrer",
            known: list[re.Pattern] | None = None) -> str:
    """The page with our two <meta> tags first in <head>, before any script they govern.
    known: the project's own scripts (helpcenter/own_scripts.py); only those get a hash."""
    page = OURS.sub("", page)
    head = HEAD.search(page)
    if not head:
        return page
    csp = html.escape(policy(inline_hashes(page, known) if hashes_on else None), quote=False)
    meta = (f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            f'<meta name="referrer" content="{referrer}">')
    # After <meta charset> (it must stay in the first 1024 bytes), unless a script came first.
    charset = CHARSET.search(page, head.end())
    first_script = page.find("<script", head.end())
    at = head.end()
    if charset and (first_script < 0 or charset.start() < first_script):
        at = charset.end()
    return page[:at] + meta + page[at:]


def security_txt(registry: Registry, site_url: str, contact_id: str, expires: dt.datetime) -> str:
    """RFC 9116 security.txt: Contact, Expires, Preferred-Languages and Canonical."""
    emails = {item.id: item.address for item in registry.emails}
    if contact_id not in emails:
        raise PluginError(f"{reg.configured_path()}: emails has no id {contact_id!r} for security.txt's Contact; "
                          f"expected one of: {', '.join(emails)} (or set okpay-protections: security_contact)")
    lines = [
        f"Contact: mailto:{emails[contact_id]}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: zh, en",
    ]
    if site_url:
        lines.append(f"Canonical: {site_url.rstrip('/')}/.well-known/security.txt")
    return "\n".join(lines) + "\n"


class ProtectionsPlugin(BasePlugin[ProtectionsConfig]):
    serving = False

    def on_startup(self, *, command, dirty) -> None:
        # `mkdocs serve` injects its live-reload call as an inline script into every page it
        # serves, after the build: no hash can cover it, so while serving inline scripts are allowed.
        self.serving = command == "serve"

    @event_priority(PRIORITY_LAST)  # after i18n, the other plugins and the minifier wrote every page
    def on_post_build(self, *, config) -> None:
        if not self.config.enabled or i18n.is_nested_build(config):
            return      # the outer build runs after every language's pages are written
        site = Path(config["site_dir"])
        try:
            registry = reg.model()
        except reg.RegistryError as exc:
            raise PluginError(str(exc)) from None
        site_url = config.get("site_url") or ""

        theme = config.get("theme")
        known = own_scripts.patterns(getattr(theme, "dirs", None) or [])
        hashes_on = self.config.script_hashes and not self.serving
        count, foreign = 0, []
        for path in sorted(site.rglob("*.html")):
            text = path.read_text(encoding="utf-8")
            if hashes_on:
                foreign += [(path.relative_to(site), body) for body in foreign_scripts(text, known)]
            protected = protect(text, hashes_on, self.config.referrer, known)
            if protected != text:
                path.write_text(protected, encoding="utf-8")
            count += 1
        if foreign:
            listing = "\n".join(f"  {where}: <script>{body[:80]}" for where, body in foreign[:10])
            raise PluginError(f"{len(foreign)} inline script(s) that no template or plugin of the project emits; "
                              "they would not run under the Content-Security-Policy. Remove them (content cannot "
                              f"carry scripts) or emit them from a template:\n{listing}")

        today = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
        well_known = site / ".well-known"
        well_known.mkdir(exist_ok=True)
        (well_known / "security.txt").write_text(
            security_txt(registry, site_url, self.config.security_contact,
                         today + dt.timedelta(days=self.config.expires_days)), encoding="utf-8")

        doc = official_channels.document(registry, site_url)
        doc = {"$schema": (site_url or "") + official_channels.SCHEMA_FILENAME, **doc}
        (site / official_channels.FILENAME).write_text(official_channels.dumps(doc), encoding="utf-8")
        schema = project.path(official_channels.SCHEMA)
        if not schema.is_file():
            raise PluginError(f"{schema}: not found; official-channels.json is published with its "
                              "schema (a copy of the project needs the schemas/ folder too)")
        shutil.copyfile(schema, site / official_channels.SCHEMA_FILENAME)
        log.debug("protected %d pages; wrote security.txt and %s", count, official_channels.FILENAME)
