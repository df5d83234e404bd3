"""The incident playbook: validation with clear errors, the content rule against typed steps, and
the same steps in the same order on every built page that renders a case."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
import yaml

from helpcenter import playbook as pb
from helpcenter import registry as reg
from helpcenter.building import build, free_port
from helpcenter.content_rules import lint
from helpcenter.layout import Layout
from tests.helpers.content import TODAY, content_project
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import PRODUCTION_SAMPLE, ROOT


@pytest.fixture(scope="module")
def sample_registry():
    return reg.model(PRODUCTION_SAMPLE)


def minimal() -> dict:
    """A valid playbook of our own: every case, one step each, one placeholder."""
    step = {"zh": "进入{ui:freeze-account}。", "en": "Go to {ui:freeze-account}."}
    both = {"zh": "甲", "en": "A"}
    return {
        "cases": {ident: {"title": dict(both), "steps": [dict(step)]} for ident in pb.CASES},
        "labels": {**{key: dict(both) for key in pb.LABELS},
                   "held_by": {key: dict(both) for key in pb.HOLDERS}},
        "guide": {key: dict(both) for key in pb.GUIDE_STRINGS},
    }


# ---- validation ----------------------------------------------------------------------------

def test_a_minimal_playbook_is_valid(sample_registry):
    assert pb.validate(minimal(), sample_registry)["cases"]["phrase-shared"]["steps"]


def test_the_shipped_playbook_is_valid_against_the_registry():
    data = pb.load(registry=reg.model())
    assert list(data["cases"]) == list(pb.CASES)


def _break(change):
    data = minimal()
    change(data)
    return data


@pytest.mark.parametrize("change, message", [
    (lambda d: d["cases"]["phrase-shared"]["steps"][0].update(en="Go to {uii:freeze-account}."),
     "data/playbook.yml: case 'phrase-shared', field 'steps[1].en': unknown placeholder '{uii:freeze-account}'"),
    (lambda d: d["cases"]["sent-crypto"]["steps"][0].update(zh="进入{ui:no-such-path}。"),
     "data/playbook.yml: case 'sent-crypto', field 'steps[1].zh': placeholder '{ui:no-such-path}': "
     "no ui_paths id 'no-such-path' in the registry"),
    (lambda d: d["cases"]["sent-bank-transfer"]["steps"][0].update(zh="拨打{authority:nowhere}。"),
     "data/playbook.yml: case 'sent-bank-transfer', field 'steps[1].zh': placeholder '{authority:nowhere}': "
     "no authorities id 'nowhere'"),
    (lambda d: d["cases"]["lost-phone-or-sim"]["steps"][0].pop("zh"),
     "data/playbook.yml: case 'lost-phone-or-sim', field 'steps[1]': missing zh"),
    (lambda d: d["cases"]["account-frozen"]["title"].pop("en"),
     "data/playbook.yml: case 'account-frozen', field 'title': missing en"),
    (lambda d: d["cases"]["screen-sharing-app"].update(steps=[]),
     "data/playbook.yml: case 'screen-sharing-app', field 'steps': empty"),
    (lambda d: d["cases"].pop("contacted-by-support"),
     "data/playbook.yml: case 'contacted-by-support': missing"),
    (lambda d: d["labels"]["colon"].pop("en"),
     "data/playbook.yml: labels, field 'colon': missing en"),
    (lambda d: d["labels"]["held_by"].pop("self"),
     "data/playbook.yml: labels, field 'held_by.self': got None; expected zh and en"),
    (lambda d: d["cases"]["sent-crypto"]["steps"][0].update(en="Report it:{authorities:hk}"),
     "data/playbook.yml: case 'sent-crypto', field 'steps[1].en': placeholder '{authorities:hk}' takes no id"),
    (lambda d: d["cases"]["contacted-by-support"]["steps"][0].update(en="The {feature:no-such-feature}."),
     "data/playbook.yml: case 'contacted-by-support', field 'steps[1].en': placeholder '{feature:no-such-feature}': "
     "no features id 'no-such-feature'"),
    (lambda d: d["cases"]["account-frozen"]["title"].update(en="Frozen at {app}"),
     "data/playbook.yml: case 'account-frozen', field 'title.en': titles are plain text"),
])
def test_validation_errors_name_the_file_case_and_field(sample_registry, change, message):
    with pytest.raises(pb.PlaybookError) as err:
        pb.validate(_break(change), sample_registry)
    assert str(err.value).startswith(message), str(err.value)


def test_a_broken_playbook_fails_the_build_by_name_without_a_traceback(tmp_path):
    data = load_yaml(pb.DEFAULT_PATH.read_text(encoding="utf-8"))
    data["cases"]["phrase-shared"]["steps"][1]["zh"] = "进入{ui:send-crypto-typo}。"
    broken = tmp_path / "playbook.yml"
    broken.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    result = build(tmp_path / "site", f"http://127.0.0.1:{free_port()}/", OKPAY_PLAYBOOK=str(broken))
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{broken}: case 'phrase-shared', field 'steps[2].zh': placeholder '{{ui:send-crypto-typo}}'" in out, out
    assert "Traceback" not in out, out


# ---- the content rule ------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    return content_project(tmp_path)


def append(project, lang, text):
    page = project / "docs" / lang / "account" / "password-reset.md"
    before = page.read_text(encoding="utf-8")
    page.write_text(before + text, encoding="utf-8")
    return page, before.count("\n") + 1


@pytest.mark.parametrize("lang, typed", [
    ("zh", '3. 冻结账户：进入{{ ui("freeze-account") }}。\n'),
    ("zh", "3. 把剩余资产转移到新钱包。\n"),
    ("en", "3. Freeze your account right away.\n"),
    ("en", '3. Then go to {{ ui("freeze-account") }}.\n'),
    ("en", "3. Create a new wallet and move your crypto.\n"),
])
def test_a_typed_emergency_step_fails_with_file_line_and_rule(project, lang, typed):
    page, line = append(project, lang, "\n1. 停止联系。\n2. Hang up.\n" + typed)
    found = [f for f in lint(project, TODAY) if f.rule == "playbook-steps-typed"]
    assert len(found) == 1, found
    assert found[0].level == "error"
    assert found[0].path.as_posix().endswith(f"docs/{lang}/account/password-reset.md")
    assert found[0].line == line + 3
    assert "playbook(" in found[0].message and "data/playbook.yml" in found[0].message


def test_the_playbook_macro_and_plain_mentions_pass(project):
    for lang in ("zh", "en"):
        append(project, lang, '\n{{ playbook("password-or-code-shared") }}\n\n- ' +
               ("冻结账户不收费。\n" if lang == "zh" else "Freezing your account is free.\n"))
    assert not [f for f in lint(project, TODAY) if f.rule == "playbook-steps-typed"]


def test_the_real_pages_type_no_emergency_step():
    found = [f for f in lint(ROOT) if f.rule == "playbook-steps-typed" and f.level == "error"]
    assert not found, "\n".join(map(str, found))


# ---- the built site: one order everywhere ------------------------------------------------------

CASE_BLOCK = re.compile(r'<div[^>]*\bdata-playbook-case="([\w-]+)"[^>]*>(.*?)</div>', re.S)


def top_items(ol: str) -> list[str]:
    """The text of each top-level <li> of a list (a step may hold a list of its own)."""
    items, depth, start = [], 0, 0
    for m in re.finditer(r"<(/?)li\b[^>]*>", ol):
        if not m.group(1):
            depth += 1
            if depth == 1:
                start = m.end()
        else:
            depth -= 1
            if depth == 0:
                items.append(ol[start:m.start()])
    return items


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def rendered_cases(site_dir):
    """(lang, case) -> {page: [step texts]} for every built page that renders a case."""
    out: dict[tuple[str, str], dict[str, list[str]]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        lang = Layout.load().lang_of_url(rel)
        for case, body in CASE_BLOCK.findall(path.read_text(encoding="utf-8")):
            ol = body.rsplit("</ol>", 1)[0]
            out.setdefault((lang, case), {}).setdefault(rel, [])
            assert not out[(lang, case)][rel], f"{rel} renders {case} twice"
            out[(lang, case)][rel] = [text_of(item) for item in top_items(ol)]
    return out


def test_every_page_renders_each_case_in_the_playbook_order(site):
    registry, data = reg.model(), pb.load(registry=reg.model())
    found = rendered_cases(site.dir)
    for lang in reg.LANGS:
        guide = Layout.load().page_url(lang, "scams/emergency-guide/index.html")
        for case in pb.CASES:
            pages = found.get((lang, case), {})
            assert guide in pages, f"the {lang} emergency guide does not render {case}"
            expected = pb.plain_steps(data, case, lang, registry)
            for page, steps in pages.items():
                assert steps == expected, f"{page}: {case} differs from data/playbook.yml"
    # Pages the issue names render their cases too, in both languages.
    for rel, case in (("scams/if-scammed/index.html", "sent-bank-transfer"),
                      ("security/safe-devices-networks/index.html", "screen-sharing-app"),
                      ("security/two-factor-auth/index.html", "lost-phone-or-sim"),
                      ("security/safe-devices-networks/index.html", "lost-phone-or-sim"),
                      ("scams/phishing/index.html", "phrase-shared"),
                      ("security/account-activity/index.html", "unknown-transaction")):
        for prefix, lang in (("", "zh"), ("en/", "en")):
            assert prefix + rel in found.get((lang, case), {}), f"{prefix + rel} does not render {case}"


def test_if_scammed_routes_by_what_was_shared_first(site):
    """A leaked phrase is a race, whatever else happened: its steps come first on the page."""
    for prefix in ("", "en/"):
        text = (site.dir / prefix / "scams/if-scammed/index.html").read_text(encoding="utf-8")
        first = CASE_BLOCK.search(text)
        assert first and first.group(1) == "phrase-shared"


def test_the_phrase_case_comes_before_every_case_that_can_expose_the_phrase():
    """Cases that can end with a leaked phrase send the reader to the phrase case, and the phrase
    case is first in the guide, so nobody who read it out starts by waiting on a freeze."""
    data = pb.load(registry=reg.model())
    assert pb.CASES[0] == "phrase-shared"
    for case in ("password-or-code-shared", "screen-sharing-app", "lost-phone-or-sim",
                 "lost-phone-only-device", "unknown-transaction", "contacted-by-support", "approval-drained"):
        for lang in reg.LANGS:
            steps = " ".join(step[lang] for step in data["cases"][case]["steps"])
            assert "emergency-guide.md#phrase-shared" in steps, (case, lang)


def first_step(data: dict, case: str, *marks: str) -> int:
    """The number of the first step of a case that holds one of the marks in every written language
    (a derived edition's text is its source's, converted)."""
    derived = {lang.code for lang in Layout.load().derived()}
    for i, step in enumerate(data["cases"][case]["steps"], start=1):
        if all(any(mark in step[lang] for mark in marks) for lang in reg.LANGS if lang not in derived):
            return i
    raise AssertionError(f"{case}: no step holds {marks}")


def test_an_exposed_phrase_is_moved_before_the_freeze_and_before_any_security_change():
    """The orders the reviews found broken: the one-device lost phone moves the crypto (restored on
    the sign-in screen, no sign-in needed) before the two-step reset that starts the withdrawal
    lock; screen sharing and an unknown transaction send an exposed phrase to the phrase case
    before the freeze."""
    data = pb.load(registry=reg.model())
    lost = "lost-phone-only-device"
    move = first_step(data, lost, "{ui:restore-wallet}")
    assert move < first_step(data, lost, "恢复登录", "get back in") < len(data["cases"][lost]["steps"])
    assert first_step(data, lost, "{ui:restore-wallet}") == first_step(data, lost, "#phrase-shared")
    for case in ("screen-sharing-app", "unknown-transaction"):
        assert first_step(data, case, "#phrase-shared") < first_step(data, case, "{ui:freeze-account}"), case
    everything = yaml.safe_dump(data["cases"][lost], allow_unicode=True)
    assert "留意" not in everything and "watch your account" not in everything


def test_every_password_phone_or_two_step_change_says_to_move_crypto_first():
    """Those changes pause crypto sends (registry: product.features withdrawal-lock), so every step
    that makes one carries {lock}, which prints the feature's hours; the number is never typed."""
    registry = reg.model()
    data = pb.load(registry=registry)
    changes = ("{ui:change-password}", "{ui:two-factor}", "重设二步验证", "reset two-step verification")
    found = 0
    for ident, case in data["cases"].items():
        for i, step in enumerate(case["steps"], start=1):
            for lang in reg.LANGS:
                if any(mark in step[lang] for mark in changes) and "**" in step[lang]:
                    head = step[lang].split("**")[1]
                    if any(word in head for word in ("改密码", "二步验证", "恢复登录", "password", "two-step", "get back in")):
                        assert "{lock}" in step[lang], (ident, i, lang)
                        found += 1
    assert found >= 12, found
    hours = registry.product.by_id("features", "withdrawal-lock").hold_hours
    for lang in reg.LANGS:
        text = pb.plain("{lock}", lang, registry, data["labels"])
        assert f"{hours:g}" in text and "{" not in text, text
        assert str(hours) not in data["labels"]["lock-first"][lang]
    # Another operator's hours show through, and an app without the lock gets no sentence.
    def with_features(features):
        return replace(registry, product=replace(registry.product, features=tuple(features)))

    other = with_features(replace(f, hold_hours=36) if f.id == "withdrawal-lock" else f
                          for f in registry.product.features)
    assert "36" in pb.plain("{lock}", "en", other, data["labels"])
    none = with_features(f for f in registry.product.features if f.id != "withdrawal-lock")
    assert pb.plain("{lock}", "en", none, data["labels"]) == ""


def test_approval_drains_are_never_called_safe_after_a_revoke():
    data = pb.load(registry=reg.model())
    steps = data["cases"]["approval-drained"]["steps"]
    for lang, words in (("zh", ("就安全了",)), ("en", ("protects what's left", "your phrase is still safe"))):
        text = " ".join(step[lang] for step in steps)
        assert not any(word in text for word in words), lang
        assert "TRX" in steps[1][lang] and "#phrase-shared" in steps[1][lang], lang


def test_the_balance_keeps_arriving_only_for_self_and_security_review_freezes():
    data = pb.load(registry=reg.model())
    for lang, arrives, court in (("zh", "照常到账", "法院"), ("en", "still arrives", "court")):
        for step in data["cases"]["account-frozen"]["steps"]:
            if arrives in step[lang]:
                assert court in step[lang].split(arrives, 1)[1], lang
        lift = data["cases"]["account-frozen"]["steps"][3][lang]
        assert "#risk-control-freeze" in lift and "{unfreeze}" in lift, lang


def test_pages_that_list_what_happened_link_every_case_that_moved_money(site):
    """The "already called" lists send a balance payment to its own case, not to the bank's."""
    for prefix in ("", "en/"):
        for page in ("scams/fake-support-numbers", "scams/impersonation"):
            text = (site.dir / prefix / page / "index.html").read_text(encoding="utf-8")
            targets = set(re.findall(r'href="\.\./emergency-guide/#([\w-]+)"', text))
            for case in ("phrase-shared", "paid-from-okpay", "sent-bank-transfer", "sent-crypto"):
                assert case in targets, (prefix + page, case)


def test_no_case_sends_an_urgent_report_to_email_only():
    """Urgent reports go to the 24-hour line or chat; email answers in days."""
    data = pb.load(registry=reg.model())
    for case in ("sent-bank-transfer", "paid-from-okpay", "sent-crypto", "approval-drained",
                 "password-or-code-shared", "screen-sharing-app", "phrase-shared", "unknown-transaction"):
        for lang in reg.LANGS:
            steps = " ".join(step[lang] for step in data["cases"][case]["steps"])
            assert "{ui:live-chat}" in steps and "phone-hotline.md#hotline-numbers" in steps, (case, lang)


def test_no_authority_number_is_a_tap_to_call_link(site):
    """The registry says no authority number may be tapped (tap: false): the site's one rule is
    that only the hotline table and the app are safe to tap."""
    registry = reg.load()
    numbers = {"".join(ch for ch in str(a["phone"]) if ch.isdigit())
               for a in registry["authorities"] if "phone" in a and not a["tap"]}
    for path in site.dir.rglob("*.html"):
        links = re.findall(r'href="tel:\+?(\d+)"', path.read_text(encoding="utf-8"))
        assert not numbers & set(links), f"{path}: tappable authority number {numbers & set(links)}"


def test_every_served_region_has_its_police_line_on_the_report_section(site):
    registry = reg.load()
    for prefix, lang in (("", "zh"), ("en/", "en")):
        text = (site.dir / prefix / "scams/if-scammed/index.html").read_text(encoding="utf-8")
        section = text_of(text.split('id="report-to-police"')[1].split("<h2")[0])
        for region in registry["regions"]:
            name = region["name"][lang]
            assert (name in section) == bool(region["services"]), (lang, name)
        for item in registry["authorities"]:
            served = next(r for r in registry["regions"] if r["id"] == item["region"])["services"]
            assert (item["name"][lang] in section) == bool(served), (lang, item["id"])


def test_the_home_page_routes_by_what_happened(site):
    for prefix in ("", "en/"):
        text = (site.dir / prefix / "index.html").read_text(encoding="utf-8")
        section = text.split('id="scammed-now"')[1].split("<h2")[0]
        targets = re.findall(r'href="scams/emergency-guide/#([\w-]+)"', section)
        assert targets == list(pb.CASES), targets


def test_what_a_freeze_does_comes_from_the_registry_on_every_page_that_explains_it(site):
    """One statement per asset of what a freeze does, word for word on each page that explains
    freezing, so "a freeze stops everything" and "you can still move your crypto" can't both ship."""
    registry = reg.load()
    brand = registry["brand"]["name"]
    pages = ("scams/emergency-guide", "scams/if-scammed", "about/glossary", "about/protecting-your-money")
    for prefix, lang in (("", "zh"), ("en/", "en")):
        for page in pages:
            text = text_of((site.dir / prefix / page / "index.html").read_text(encoding="utf-8"))
            for asset in registry["product"]["assets"]:
                if page == "about/glossary" and asset["id"] == "linked-cards":
                    continue   # the glossary entry names the balance and the crypto only
                assert asset["when_frozen"][lang].replace("{brand}", brand) in text, (lang, page, asset["id"])
        locked = text_of((site.dir / prefix / "account/account-locked/index.html").read_text(encoding="utf-8"))
        how = registry["product"]["unfreeze"]["how"][lang].split("{ui}")[-1].replace("{brand}", brand)
        assert how in locked, lang


@pytest.mark.parametrize("old, new, rule", [
    ("**先冻结账户**：进入{ui:freeze-account}。", "**先冻结账户**：进入App设置。", "cjk-spacing"),
    ("**告诉我们**：打[客服热线表]", "**告诉我们**：发邮件到 help@okpay-support.example [客服热线表]", "contact-detail"),
    ("and add the evidence at {ui:report-scam}.", "and add the evidence at {ui:report-scam}。", "en-punctuation"),
])
def test_playbook_text_obeys_the_page_rules(project, old, new, rule):
    path = project / "data" / "playbook.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [(f.path.as_posix(), f.line) for f in lint(project, TODAY) if f.rule == rule]
    assert ("data/playbook.yml", line) in found, found


def test_the_call_notice_is_quoted_from_the_registry_wherever_it_is_shown():
    """The words of the in-app call notice live in the registry (product.features call-notice
    notice): the playbook's {notice:...}, the feature's own text and the pages' feature_notice()
    all print them, so renaming the notice in the app changes it in one place."""
    registry = reg.model()
    data = pb.load(registry=registry)
    from helpcenter.product import ProductText
    renamed = replace(registry, product=replace(registry.product, features=tuple(
        replace(f, notice={lang: "{brand} is ringing" for lang in reg.LANGS}) if f.id == "call-notice" else f
        for f in registry.product.features)))
    step = next(s for s in data["cases"]["contacted-by-support"]["steps"] if "{notice:call-notice}" in s["en"])
    for lang in reg.LANGS:
        assert "{notice:call-notice}" in step[lang], lang
        text = pb.plain(step[lang], lang, renamed, data["labels"])
        assert f"{registry.brand.name} is ringing" in text and "{" not in text, text
        product = ProductText(renamed, data["labels"], lang, lambda ident: ident)
        assert f"{registry.brand.name} is ringing" in product.feature_text("call-notice")
    # No page or playbook step types the notice's words itself.
    typed = {lang: pb.plain("{notice:call-notice}", lang, registry, data["labels"]) for lang in reg.LANGS}
    for lang, words in typed.items():
        for page in (ROOT / "docs" / lang).glob("*/*.md"):
            assert words.replace(registry.brand.name, "{{ brand }}") not in page.read_text(encoding="utf-8"), page
    with pytest.raises(pb.PlaybookError, match="no features id 'withdrawal-lock'"):
        pb.validate(dict(data, cases={**data["cases"], "contacted-by-support": {
            **data["cases"]["contacted-by-support"],
            "steps": [{lang: "{notice:withdrawal-lock}" for lang in reg.LANGS}]}}), registry)
