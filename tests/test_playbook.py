"""The incident playbook: validation with clear errors, the content rule against typed steps, and
the same steps in the same order on every built page that renders a case."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from helpcenter import playbook as pb
from helpcenter import registry as reg
from helpcenter.building import build, free_port
from helpcenter.content_rules import lint
from tests.helpers.content import TODAY, content_project
from tests.helpers.paths import PRODUCTION_SAMPLE, ROOT


@pytest.fixture(scope="module")
def sample_registry():
    return reg.load(PRODUCTION_SAMPLE)


def minimal() -> dict:
    """A valid playbook of our own: every case, one step each, one placeholder."""
    step = {"zh": "进入{ui:freeze-account}。", "en": "Go to {ui:freeze-account}."}
    both = {"zh": "甲", "en": "A"}
    return {
        "cases": {ident: {"title": dict(both), "steps": [dict(step)]} for ident in pb.CASES},
        "freezing": {part: {"label": dict(both), "items": {"zh": ["甲"], "en": ["A"]}}
                     for part in ("stops", "does_not_stop")},
        "guide": {key: dict(both) for key in pb.GUIDE_STRINGS},
    }


# ---- validation ----------------------------------------------------------------------------

def test_a_minimal_playbook_is_valid(sample_registry):
    assert pb.validate(minimal(), sample_registry)["cases"]["phrase-shared"]["steps"]


def test_the_shipped_playbook_is_valid_against_the_registry():
    data = pb.load(registry=reg.load())
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
    (lambda d: d["freezing"]["does_not_stop"]["items"].update(en=[]),
     "data/playbook.yml: freezing, field 'does_not_stop.items': missing en"),
])
def test_validation_errors_name_the_file_case_and_field(sample_registry, change, message):
    with pytest.raises(pb.PlaybookError) as err:
        pb.validate(_break(change), sample_registry)
    assert str(err.value).startswith(message), str(err.value)


def test_a_broken_playbook_fails_the_build_by_name_without_a_traceback(tmp_path):
    data = yaml.safe_load(pb.DEFAULT_PATH.read_text(encoding="utf-8"))
    data["cases"]["phrase-shared"]["steps"][1]["zh"] = "进入{ui:send-crypto-typo}。"
    broken = tmp_path / "playbook.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
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
ITEM = re.compile(r"<li>(.*?)</li>", re.S)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def rendered_cases(site_dir):
    """(lang, case) -> {page: [step texts]} for every built page that renders a case."""
    out: dict[tuple[str, str], dict[str, list[str]]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        lang = "en" if rel.startswith("en/") else "zh"
        for case, body in CASE_BLOCK.findall(path.read_text(encoding="utf-8")):
            ol = body.split("</ol>")[0]
            out.setdefault((lang, case), {}).setdefault(rel, [])
            assert not out[(lang, case)][rel], f"{rel} renders {case} twice"
            out[(lang, case)][rel] = [text_of(item) for item in ITEM.findall(ol)]
    return out


def test_every_page_renders_each_case_in_the_playbook_order(site):
    registry, data = reg.load(), pb.load(registry=reg.load())
    found = rendered_cases(site.dir)
    for lang in reg.LANGS:
        guide = ("en/" if lang == "en" else "") + "scams/emergency-guide/index.html"
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
                      ("security/account-activity/index.html", "password-or-code-shared")):
        for prefix, lang in (("", "zh"), ("en/", "en")):
            assert prefix + rel in found.get((lang, case), {}), f"{prefix + rel} does not render {case}"


def test_if_scammed_opens_with_money_already_sent(site):
    for prefix in ("", "en/"):
        text = (site.dir / prefix / "scams/if-scammed/index.html").read_text(encoding="utf-8")
        first = CASE_BLOCK.search(text)
        assert first and first.group(1) == "sent-bank-transfer"


def test_the_home_page_routes_by_what_happened(site):
    for prefix in ("", "en/"):
        text = (site.dir / prefix / "index.html").read_text(encoding="utf-8")
        section = text.split('id="scammed-now"')[1].split("<h2")[0]
        targets = re.findall(r'href="scams/emergency-guide/#([\w-]+)"', section)
        assert targets == list(pb.CASES), targets


def test_freezing_explained_in_both_languages(site):
    registry = reg.load()
    data = pb.load(registry=registry)
    for prefix, lang in (("", "zh"), ("en/", "en")):
        text = text_of((site.dir / prefix / "scams/emergency-guide/index.html").read_text(encoding="utf-8"))
        for part in ("stops", "does_not_stop"):
            for item in data["freezing"][part]["items"][lang]:
                assert pb.plain(item, lang, registry) in text


@pytest.mark.parametrize("old, new, rule", [
    ("**先冻结账户**：进入{ui:freeze-account}。", "**先冻结账户**：进入App设置。", "cjk-spacing"),
    ("**告诉我们**：进入{ui:report-scam}", "**告诉我们**：发邮件到 help@okpay-support.example", "contact-detail"),
    ("go to {ui:report-scam} or email {email:security}, with", "go to {ui:report-scam}， with", "en-punctuation"),
])
def test_playbook_text_obeys_the_page_rules(project, old, new, rule):
    path = project / "data" / "playbook.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [(f.path.as_posix(), f.line) for f in lint(project, TODAY) if f.rule == rule]
    assert ("data/playbook.yml", line) in found, found
