"""helpcenter/plugins/protections.py: CSP and referrer policy on every page, security.txt and
official-channels.json, checked in the built files and in Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import material
import pytest
from mkdocs.exceptions import PluginError

from helpcenter import official_channels, own_scripts, redirects
from helpcenter import registry as reg
from helpcenter.building import build, free_port, serve
from helpcenter.plugins import protections as prot
from tests.helpers.browser import assert_clean, search
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import DEMO_REGISTRY, FIXTURE_REGISTRY, ROOT
from tests.helpers.project import copy_project

ARTICLE = "payments/withdrawal-delayed/"
CHECKER = "contact/verify-official-channel/"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

# Collects every CSP violation from the first script on, before the page's own scripts run.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


# ---- the pure functions ---------------------------------------------------------------------

def test_hashes_cover_runnable_inline_scripts_only():
    page = ('<head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
            '<script type="application/json">{"b":1}</script><script type="module">c()</script>'
            '<script>a()</script></head>')
    assert prot.inline_hashes(page) == [prot.script_hash("a()"), prot.script_hash("c()")]
    # the browser's own value for "alert(1)" (sha256, base64), as in the CSP spec's examples
    assert prot.script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


THEME_DIRS = [ROOT / "overrides", Path(material.__file__).parent / "templates"]


def test_only_the_projects_own_scripts_are_known():
    """Template scripts (with whatever path they print) and redirect stubs are the project's; a
    script from content, or a template script whose printed value breaks out of its string, is not."""
    known = own_scripts.patterns(THEME_DIRS)
    scope = ('__md_scope=new URL("{}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
             '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
             '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}')
    for base in (".", "../..", "/okpay-help/"):
        assert own_scripts.is_own(scope.format(base), known), base
    assert not own_scripts.is_own(scope.format('",alert(1),"'), known)
    stub = redirects.redirect_script({"zh": "../../a/#x", "en": "../../en/a/"}, "../../a/")
    assert own_scripts.is_own(stub, known) and own_scripts.is_own(redirects.redirect_script(None, "../b/"), known)
    for foreign in ("alert(1)", 'location.replace("x"+alert(1)+location.hash)', "window.__injected = 1"):
        assert not own_scripts.is_own(foreign, known), foreign
    page = f"<head><script>{stub}</script><script>alert(1)</script></head>"
    assert prot.inline_hashes(page, known) == [prot.script_hash(stub)]
    assert prot.foreign_scripts(page, known) == ["alert(1)"]


def test_meta_tags_go_first_in_head_and_are_replaced_not_repeated():
    page = '<!doctype html><html><head><meta charset="utf-8"><title>t</title><script>x()</script></head><body></body></html>'
    once = prot.protect(page)
    assert prot.protect(once) == once
    assert once.count("Content-Security-Policy") == 1 and once.count('name="referrer"') == 1
    assert once.index('<meta charset="utf-8">') < once.index("Content-Security-Policy") < once.index("<script>")
    assert prot.script_hash("x()") in CSP_META.search(once).group(1)
    # a page whose script changed gets the new hash, not both
    again = prot.protect(once.replace("x()", "y()"))
    assert prot.script_hash("y()") in again and prot.script_hash("x()") not in again


def test_policy_allows_no_other_host_and_no_plugins():
    p = prot.policy(["'sha256-x'"])
    directives = dict(d.split(" ", 1) for d in p.split("; "))
    assert directives["script-src"] == "'self' 'sha256-x'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert "http" not in p and "*" not in p
    assert "frame-ancestors" not in p, "ignored in a <meta>, and Chromium logs an error for it"


def test_security_txt_fields():
    text = prot.security_txt(reg.model(DEMO_REGISTRY), "https://help.example.org/", "security",
                             dt.datetime(2027, 5, 31, tzinfo=dt.timezone.utc))
    assert text == ("Contact: mailto:security@okpay.example.com\nExpires: 2027-05-31T00:00:00Z\n"
                    "Preferred-Languages: zh, en\nCanonical: https://help.example.org/.well-known/security.txt\n")


def test_security_txt_names_a_missing_contact():
    with pytest.raises(Exception, match=r"emails has no id 'abuse'"):
        prot.security_txt(reg.model(DEMO_REGISTRY), "", "abuse", dt.datetime(2027, 1, 1))


class FakeConfig(dict):
    """What the plugin reads of MkDocs' config: site_dir, site_url, and the i18n plugin's state
    (the outer build of a one-language site)."""
    plugins = {"i18n": SimpleNamespace(current_language="zh", default_language="zh", building=False,
                                       build_languages=["zh"])}


STUB = redirects.redirect_script(None, "../a/")


@pytest.mark.parametrize("command, hashed", [("build", True), ("serve", False), ("gh-deploy", True)])
def test_the_plugin_on_a_site_folder(tmp_path, monkeypatch, command, hashed):
    """Runs the plugin's own events on a tiny site; `mkdocs serve` allows inline scripts because
    it injects its live-reload call into every page after the build."""
    monkeypatch.setenv(reg.PATH_ENV, str(DEMO_REGISTRY))
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><script>{STUB}</script></head><body></body></html>', encoding="utf-8")
    plugin = prot.ProtectionsPlugin()
    errors, warnings = plugin.load_config({})
    assert not errors, errors
    plugin.on_startup(command=command, dirty=False)
    plugin.on_post_build(config=FakeConfig(site_dir=str(tmp_path), site_url="https://help.example.org/"))
    policy = CSP_META.search((tmp_path / "a" / "index.html").read_text(encoding="utf-8")).group(1)
    assert (prot.script_hash(STUB) in policy) is hashed
    assert ("'unsafe-inline'" in policy.split("; ")[1]) is not hashed
    assert (tmp_path / ".well-known" / "security.txt").is_file()
    assert json.loads((tmp_path / "official-channels.json").read_text(encoding="utf-8"))["brand"] == "OKPay"


def test_a_script_the_project_did_not_emit_fails_the_plugin(tmp_path, monkeypatch):
    monkeypatch.setenv(reg.PATH_ENV, str(DEMO_REGISTRY))
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"></head><body><script>go()</script></body></html>', encoding="utf-8")
    plugin = prot.ProtectionsPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match=r"1 inline script\(s\) that no template or plugin of the project emits(.|\n)*"
                                          r"a/index.html: <script>go\(\)"):
        plugin.on_post_build(config=FakeConfig(site_dir=str(tmp_path), site_url="https://help.example.org/"))


def test_the_offline_copy_keeps_hashes_and_uses_the_projects_own_worker_shim():
    offline = load_yaml((ROOT / "mkdocs.offline.yml").read_text(encoding="utf-8"))
    assert "okpay-protections" not in offline["plugins"], "the offline copy has the hosted site's policy"
    assert offline["extra"]["polyfills"] == ["assets/javascripts/iframe-worker.js"]
    shim = (ROOT / "docs" / "assets" / "javascripts" / "iframe-worker.js").read_text(encoding="utf-8")
    assert "<script>" not in shim, "the shim writes no inline script into its iframe"
    main = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^  okpay-protections: \{\}$", main, re.M), "the plugin is on for the hosted site"


def test_a_script_typed_into_an_article_fails_the_build(tmp_path):
    """The content rule refuses it in the source, naming file and line; the last good site stays."""
    project = copy_project(tmp_path / "project")
    article = project / "docs" / "en" / "payments" / "fees.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + '\n<script>window.__injected = 1</script>\n', encoding="utf-8")
    line = len(text.split("\n")) + 1
    result = build(tmp_path / "out", cwd=project, OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode != 0
    assert f"docs/en/payments/fees.md:{line}: [unsafe-html] raw <script> element" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "payments" / "fees" / "index.html").exists()


# ---- the built site -------------------------------------------------------------------------

def test_every_page_has_one_policy_before_any_script(site):
    pages = list(site.dir.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        metas = CSP_META.findall(text)
        assert len(metas) == 1, path
        assert text.count('<meta name="referrer" content="no-referrer">') == 1, path
        first_script = text.find("<script")
        assert first_script < 0 or text.index("Content-Security-Policy") < first_script, path
        policy = metas[0].replace("&#x27;", "'")
        for digest in prot.inline_hashes(text):
            assert digest in policy, f"{path}: an inline script without its hash"


def test_security_txt_is_published(site):
    text = (site.dir / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines())
    registry = reg.load()
    security = next(e["address"] for e in registry["emails"] if e["id"] == "security")
    assert fields["Contact"] == f"mailto:{security}"
    assert fields["Preferred-Languages"] == "zh, en"
    assert fields["Canonical"] == f"{site.url}.well-known/security.txt"
    expires = dt.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    # RFC 9116: in the future, and less than a year ahead
    assert dt.timedelta(0) < expires - dt.datetime.now(dt.timezone.utc) < dt.timedelta(days=366)


def test_official_channels_json_follows_its_schema_and_the_registry(site):
    doc = json.loads((site.dir / "official-channels.json").read_text(encoding="utf-8"))
    schema = json.loads((site.dir / "official-channels.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((ROOT / "schemas" / "official-channels.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema)
    expected = official_channels.document(reg.model(), site.url)
    assert {k: v for k, v in doc.items() if k != "$schema"} == expected
    assert doc["$schema"] == site.url + "official-channels.schema.json"


def test_the_schema_refuses_what_a_partner_must_not_trust():
    schema = json.loads((ROOT / "schemas" / "official-channels.schema.json").read_text(encoding="utf-8"))
    good = official_channels.document(reg.model(DEMO_REGISTRY))
    jsonschema.validate(good, schema)
    for mutate in (lambda d: d["phones"][0].update(e164="202-555-0143"),
                   lambda d: d["domains"][0].update(domain="https://okpay.example.com"),
                   lambda d: d["social"][0].update(dm_support="no"),
                   lambda d: d.update(extra=True),
                   lambda d: d["emails"][0]["purpose"].pop("en")):
        bad = json.loads(json.dumps(good))
        mutate(bad)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


# ---- in Chromium: nothing the site needs is blocked, anything else is ------------------------

def open_watched(visit, url):
    visit.page.add_init_script(WATCH)
    visit.page.goto(url)
    visit.page.wait_for_load_state("networkidle")
    return visit.page


@pytest.mark.parametrize("path", ["", "en/", ARTICLE, "en/" + ARTICLE, "404.html",
                                  "go/withdrawal-delayed/", "zh/go/withdrawal-delayed/"])
def test_pages_load_with_zero_violations(site, visit, path):
    page = open_watched(visit, site.url + path)
    if "go/" in path:
        # A short link replaces itself with the article; Chromium may report the stub's own
        # request as aborted by that navigation, which is the redirect working, not an error.
        page.wait_for_url("**/" + ARTICLE)
        visit.errors[:] = [e for e in visit.errors if e != f"failed: {site.url + path} net::ERR_ABORTED"]
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp || []") == []
    assert_clean(visit, site.url)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_checker_and_copy_buttons_work_under_the_policy(site, visit, lang):
    prefix = "" if lang == "zh" else "en/"
    page = open_watched(visit, site.url + prefix + CHECKER)
    # the checker's two scripts and its inline data
    field = page.locator("[data-channel-check-input]")
    field.fill("okpay-support.example.net")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-verdict]').dataset.verdict === 'lookalike'")
    # a copy button (Material's clipboard code)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("button.okp-copy-link").first.click()
    page.wait_for_selector(".md-dialog--active")
    # the search worker starts and answers
    links = search(page, "withdrawal" if lang == "en" else "提现", ime=lang == "zh")
    assert links, "search found nothing: was its worker blocked?"
    assert page.evaluate("window.__csp") == []
    assert_clean(visit, site.url)


@pytest.fixture(scope="module")
def tampered_site(site, tmp_path_factory):
    """A copy of the built site with a script injected after the build, as a stored XSS would be."""
    root = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(site.dir, root)
    page = root / "payments" / "withdrawal-delayed" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</article>", "<script>window.__injected = 1</script></article>", 1), encoding="utf-8")
    port = free_port()
    server, _ = serve(root, port)
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


def test_an_inline_script_without_its_hash_is_blocked(tampered_site, visit):
    page = visit.page
    page.add_init_script(WATCH)
    page.goto(tampered_site + ARTICLE)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__injected") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp")), page.evaluate("window.__csp")
    # the page's own scripts still ran: Material built the navigation drawer's behaviour
    assert page.evaluate("typeof window.__md_get") == "function"


def test_a_fixture_registry_reaches_security_txt_and_official_channels(tmp_path):
    raw = load_yaml(DEMO_REGISTRY.read_text(encoding="utf-8"))
    raw["emails"][1]["address"] = "psirt@app.okpay.example.com"
    registry = tmp_path / "registry.yml"
    registry.write_text(dump_yaml(raw, allow_unicode=True), encoding="utf-8")
    result = build(tmp_path / "out", "https://help.fixture.example.org/", OKPAY_REGISTRY=str(registry))
    assert result.returncode == 0, result.stderr[-3000:]
    text = (tmp_path / "out" / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert "Contact: mailto:psirt@app.okpay.example.com\n" in text
    assert "Canonical: https://help.fixture.example.org/.well-known/security.txt\n" in text
    doc = json.loads((tmp_path / "out" / "official-channels.json").read_text(encoding="utf-8"))
    assert doc["emails"][1]["address"] == "psirt@app.okpay.example.com"
