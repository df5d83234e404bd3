"""helpcenter/registry.py: the loader accepts the shipped registry and names the field of every fault."""

import copy
import html
import re
from urllib.parse import urlsplit

import markdown
import pytest

from helpcenter import macros, registry_model
from helpcenter import registry as reg
from helpcenter.building import build
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import DEMO_REGISTRY, FIXTURE_REGISTRY, PRODUCTION_SAMPLE, ROOT


@pytest.fixture
def raw():
    return load_yaml(DEMO_REGISTRY.read_text(encoding="utf-8"))


def assert_refused(tmp_path, data, field, expected):
    """Loading `data` fails with a message naming the file, the field and what is expected."""
    path = write(tmp_path, data)
    with pytest.raises(reg.RegistryError) as err:
        reg.load(path)
    message = str(err.value)
    assert str(path) in message
    assert f"'{field}'" in message
    assert expected in message


def write(tmp_path, data):
    path = tmp_path / "registry.yml"
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    return path


def test_shipped_registry_loads_and_is_all_demo_values():
    data = reg.model(FIXTURE_REGISTRY)
    demo = {d.field for d in reg.demo_values(data)}
    # every contact value we ship is on a reserved range
    assert {f"hotlines[{i}].number" for i in range(len(data.hotlines))} <= demo
    assert {f"emails[{i}].address" for i in range(len(data.emails))} <= demo
    assert {f"domains[{i}].domain" for i in range(len(data.domains))} <= demo
    assert {f"social[{i}].handle" for i in range(len(data.social))} <= demo
    assert data.hotlines[0].e164 == "+12025550143"


@pytest.mark.parametrize("mutate, field, expected", [
    (lambda d: d["hotlines"][0].pop("number"), "hotlines[0].number", "missing"),
    (lambda d: d["hotlines"][1].update(number="+999 1234 5678"), "hotlines[1].number", "does not parse"),
    (lambda d: d["hotlines"][0].update(number="+1 202"), "hotlines[0].number", "not a possible number"),
    (lambda d: d["domains"][0].update(domain="https://okpay.example.com"), "domains[0].domain", "no scheme"),
    (lambda d: d["domains"][2].update(domain="help.okpay.example.com/zh"), "domains[2].domain", "no scheme, path"),
    (lambda d: d["emails"][0].update(address="support at okpay"), "emails[0].address", "support@"),
    (lambda d: d["social"][0].update(handle="@okpay"), "social[0].handle", "without '@'"),
    (lambda d: d["brand"]["app"].pop("en"), "brand.app.en", "missing"),
    (lambda d: d["ui_paths"]["withdraw"].pop("zh"), "ui_paths.withdraw.zh", "missing"),
    (lambda d: d["hotlines"].append(copy.deepcopy(d["hotlines"][0])), "hotlines[3].id", "duplicate"),
    (lambda d: d["apps"][0].update(url="http://apps.example.com/x"), "apps[0].url", "https://"),
    (lambda d: d["authorities"][0].update(phone="+852 18222"), "authorities[0].phone", "like 1799"),
    (lambda d: d["authorities"][0].pop("source"), "authorities[0].source", "missing"),
    (lambda d: d["authorities"][0].update(source="adcc.gov.hk"), "authorities[0].source", "own public page"),
    (lambda d: d["authorities"][0].update(region="hongkong"), "authorities[0].region", "a regions id"),
    (lambda d: d["authorities"][0].update(kind="hotline"), "authorities[0].kind", "police, anti-scam, report"),
    (lambda d: d["authorities"][0].pop("tap"), "authorities[0].tap", "missing"),
    (lambda d: d["product"]["assets"][2].update(held_by="exchange"), "product.assets[2].held_by", "okpay, self, bank"),
    (lambda d: d["product"]["assets"][0]["when_frozen"].pop("en"), "product.assets[0].when_frozen.en", "missing"),
    (lambda d: d["product"]["unfreeze"].update(ui="no-such-screen"), "product.unfreeze.ui", "unknown ui path"),
    (lambda d: d["product"]["features"][1].update(what={"zh": "{hours} 小时", "en": "{hours} hours"}),
     "product.features[1].what", "hold_hours"),
    (lambda d: d["product"]["freeze_without_device"].update(hotline="nowhere"),
     "product.freeze_without_device.hotline", "a hotlines id"),
    # possible (right length) but not valid: no area code 111 in the NANP
    (lambda d: d["hotlines"][0].update(number="+1 111-111-1111"), "hotlines[0].number", "not a valid number"),
    (lambda d: d["hotlines"][0].update(number="+1 202-555-0143 <b>"), "hotlines[0].number", "extension like"),
    (lambda d: d["hotlines"][0].update(number="+1 800-FLOWERS"), "hotlines[0].number", "extension like"),
    (lambda d: d["emails"][0].update(address="okpay.support@gmail.com"), "emails[0].address", "not on a registry domain"),
    (lambda d: d["emails"][1].update(address="security@okpay.example.com.evil.io"), "emails[1].address",
     "not on a registry domain"),
    (lambda d: d["social"][0].update(handle="okp"), "social[0].handle", "Telegram's rule"),
    (lambda d: d["social"][0].update(handle="okpay-demo"), "social[0].handle", "Telegram's rule"),
    (lambda d: d["social"][1].update(handle="okpay_official_x"), "social[1].handle", "X's rule"),
    (lambda d: d["social"][2].update(handle="1okpay_demo"), "social[2].handle", "WeChat's rule"),
    (lambda d: d["social"][2].update(handle="okpay"), "social[2].handle", "WeChat's rule"),
    (lambda d: d["apps"][0].update(url='https://apps.example.com/a"onmouseover="x'), "apps[0].url", "quotes"),
    (lambda d: d["social"][0].update(url="https://t.example.com/a b"), "social[0].url", "spaces"),
    (lambda d: d["apps"][1].update(url="https://okpay.example.com@evil.test/"), "apps[1].url", "no user part"),
    # a port that is not a number: Python reads the host before ":", the browser opens nothing
    (lambda d: d["apps"][0].update(url="https://apps.example.com:evil.test/app"), "apps[0].url", "no port"),
    (lambda d: d["social"][0].update(url="https://t.example.com:99999/okpay_demo"), "social[0].url", "no port"),
    (lambda d: d["policies"][0].update(url="https://[okpay.example.com/legal"), "policies[0].url", "https://"),
    (lambda d: d.update(default_region="China"), "default_region", "two-letter region code"),
    (lambda d: d.update(default_region="cn"), "default_region", "two-letter region code"),
])
def test_malformed_registry_names_file_and_field(tmp_path, raw, mutate, field, expected):
    mutate(raw)
    assert_refused(tmp_path, raw, field, expected)


def test_production_check_refuses_demo_values_naming_each_field():
    data = reg.model(FIXTURE_REGISTRY)
    with pytest.raises(reg.RegistryError) as err:
        reg.check_production(data)
    assert "hotlines[0].number: '+1 202-555-0143'" in str(err.value)
    assert "social[0].handle" in str(err.value)
    assert "product.demo" in str(err.value)


SAMPLE_SITE = "https://help.okpay-wallet-sample.io/"


def test_production_check_passes_real_looking_values(tmp_path):
    data = reg.model(PRODUCTION_SAMPLE)
    assert reg.demo_values(data) == []
    reg.check_production(data, PRODUCTION_SAMPLE, site_url=SAMPLE_SITE)


@pytest.mark.parametrize("host, reserved", [
    ("okpay.example.com", True), ("example.net", True), ("a.b.test", True), ("x.example", True),
    ("okpay.com", False), ("example.com.evil.io", False), ("notexample.com", False),
])
def test_reserved_hosts(host, reserved):
    assert reg.is_reserved_host(host) is reserved


def test_valid_values_of_each_rule_pass(tmp_path, raw):
    raw["emails"][0]["address"] = "help@mail.okpay.example.com"   # a name under a registry domain
    raw["social"][0]["handle"] = "okpay"                           # Telegram's minimum, 5
    raw["social"][1]["handle"] = "o"                               # X allows a single character
    raw["social"][2]["handle"] = "okpay-wallet_2026"               # WeChat: '-' and '_' after a letter
    raw["hotlines"][0]["number"] = "+86 400 123 4567"
    raw["default_region"] = "HK"
    reg.load(write(tmp_path, raw))


def test_an_extension_is_kept_in_the_number_and_in_tel(tmp_path, raw):
    raw["hotlines"][0]["number"] = "+1 202-555-0143 ext. 12"
    data = reg.load(write(tmp_path, raw))
    hotline = data["hotlines"][0]
    assert hotline["extension"] == "12"
    assert hotline["tel"] == "tel:+1-202-555-0143;ext=12"
    assert hotline["e164"] == "+12025550143"


def test_default_region_falls_back_to_the_first_hotline(tmp_path, raw):
    raw.pop("default_region", None)
    raw["hotlines"][0]["number"] = "+44 20 7946 0321"
    assert reg.load(write(tmp_path, raw))["default_region"] == "GB"


def test_the_environment_variable_chooses_the_registry(tmp_path, raw, monkeypatch):
    raw["brand"]["name"] = "Fixture Pay"
    path = write(tmp_path, raw)
    monkeypatch.setenv(reg.PATH_ENV, str(path))
    assert reg.configured_path() == path
    assert reg.load()["brand"]["name"] == "Fixture Pay"
    monkeypatch.delenv(reg.PATH_ENV)
    assert reg.configured_path() == ROOT / "data" / "registry.yml"   # the project in the current directory


# ---- the production guard checks channels, not just values ----------------------------------

def real_sample():
    return load_yaml(PRODUCTION_SAMPLE.read_text(encoding="utf-8"))


def production_refusal(tmp_path, raw, site_url=SAMPLE_SITE) -> str:
    """The production guard's message for `raw` ("" when it passes); loading itself must pass."""
    path = write(tmp_path, raw)
    return refusal(path, reg.load(path), site_url)


def refusal(path, data, site_url=SAMPLE_SITE) -> str:
    """The production guard's message for validated registry data ("" when it passes); the tests
    change the validated mapping, and the guard reads the model built from it."""
    try:
        reg.check_production(registry_model.from_data(data), path, site_url=site_url)
    except reg.RegistryError as err:
        assert str(path) in str(err)
        return str(err)
    return ""


PUBLIC_SUFFIXES = ["github.io", "co.uk", "com.cn", "org.uk", "net.cn", "com.hk", "blogspot.com", "herokuapp.com",
                   "netlify.app", "vercel.app", "pages.dev", "gov.uk", "appspot.com", "azurewebsites.net"]


@pytest.mark.parametrize("suffix", PUBLIC_SUFFIXES)
def test_production_refuses_a_public_suffix_as_an_official_domain(tmp_path, suffix):
    raw = real_sample()
    raw["domains"].append({"id": "extra", "domain": suffix})
    message = production_refusal(tmp_path, raw)
    assert f"domains[{len(raw['domains']) - 1}].domain: '{suffix}' is a public suffix" in message
    # a name registered under it is somebody's own domain, and may be ours
    raw["domains"][-1]["domain"] = "okpaywalletsample." + suffix
    assert production_refusal(tmp_path, raw) == ""


@pytest.mark.parametrize("site_url", [None, "", "http://help.okpay-wallet-sample.io/", "https://okpay.github.io/help/",
                                      "https://help.okpay-wallet-sample.io.evil.test/", "https://evil.test/",
                                      "https://okpay-wallet-sample.io@evil.test/", "https://okpay-wallet-sample.iox/",
                                      "https://help.okpay.example.com/", "help.okpay-wallet-sample.io"])
def test_production_requires_site_url_on_a_registry_domain(tmp_path, site_url):
    message = production_refusal(tmp_path, real_sample(), site_url=site_url)
    assert "  - SITE_URL: " in message
    assert ("not set" in message) if not site_url else ("not an https:// address on a registry domain" in message)


@pytest.mark.parametrize("site_url", ["https://help.okpay-wallet-sample.io/", "https://okpay-wallet-sample.io/help/",
                                      "https://HELP.okpay-wallet-sample.io/", "https://docs.help.okpay-wallet-sample.io/"])
def test_production_accepts_site_url_on_a_registry_domain(tmp_path, site_url):
    assert production_refusal(tmp_path, real_sample(), site_url=site_url) == ""


# Hosts no app or social entry may use, whatever its id: look-alikes and other sites.
WRONG_HOSTS = ["okpay-help.net", "apps.apple.com.download-okpay.io", "telegram-okpay.io", "t.me.okpay-help.net", "tme-join.net",
               "x.co", "xcom.io", "play.google.com.apk-okpay.io", "weixin-qq.com", "okpay-wallet-sample.io"]
ENTRIES = [("apps", 0), ("apps", 1), ("social", 0), ("social", 1), ("social", 2)]


@pytest.mark.parametrize("key, index", ENTRIES)
@pytest.mark.parametrize("ident", [None, "facebook", "telegram-cn", "line"])
def test_production_checks_every_entry_against_the_platform_hosts_whatever_its_id(tmp_path, key, index, ident):
    raw = real_sample()
    entry = raw[key][index]
    if ident:
        entry["id"] = ident
    path = urlsplit(entry["url"]).path
    where = write(tmp_path, raw)
    data = reg.load(where)
    for host in WRONG_HOSTS:
        data[key][index]["url"] = f"https://{host}{path}"
        message = refusal(where, data)
        assert f"  - {key}[{index}].url: 'https://{host}" in message and "no known platform's host" in message, host
    # another platform's host: refused under its own id, and under a list it does not belong to
    others = {"apps": "https://t.me/okpaywalletsample", "social": "https://apps.apple.com/app/okpay-wallet"}
    data[key][index]["url"] = others[key]
    assert f"  - {key}[{index}].url: " in refusal(where, data)


@pytest.mark.parametrize("ident, url", [
    ("telegram", "https://x.com/okpaywalletsample"),          # an id names one platform, the link another
    ("x", "https://t.me/okpaywallet_io"),
    ("ios", "https://play.google.com/store/apps/details?id=io.okpaywalletsample.app"),
])
def test_production_refuses_an_id_that_names_another_platform(tmp_path, ident, url):
    raw = real_sample()
    key = "apps" if ident == "ios" else "social"
    entry = next(e for e in raw[key] if e["id"] == ident)
    entry["url"] = url
    assert f"id {ident!r} names" in production_refusal(tmp_path, raw)


@pytest.mark.parametrize("index", [0, 1])           # Telegram and X name the account in the link
def test_production_refuses_a_profile_link_to_another_account(tmp_path, index):
    where = PRODUCTION_SAMPLE
    data = reg.load(where)
    entry = data["social"][index]
    handle = entry["handle"]
    host = urlsplit(entry["url"]).hostname
    for account in ["someone_else", handle + "_x", handle[:-1], "", "joinchat", f"{handle}x/{handle}", "s"]:
        entry["url"] = f"https://{host}/{account}"
        message = refusal(where, data)
        assert f"  - social[{index}].url: " in message and "names the account" in message, account
    for same in [handle, handle.upper(), "@" + handle, handle + "/", handle + "?start=1"]:
        entry["url"] = f"https://{host}/{same}"
        assert refusal(where, data) == "", same


def test_production_accepts_an_unfamiliar_id_on_a_platform_host(tmp_path):
    raw = real_sample()
    raw["social"].append({"id": "telegram-news", "platform": "Telegram", "handle": "okpaywalletnews",
                          "url": "https://telegram.me/okpaywalletnews", "dm_support": False})
    assert production_refusal(tmp_path, raw) == ""
    # and holds it to the platform's own rule for names (Telegram: 5 characters or more)
    raw["social"][-1].update(handle="okpw", url="https://t.me/okpw")
    assert "social[3].handle: got 'okpw'; expected 5-32 letters" in production_refusal(tmp_path, raw)


def test_production_lists_every_problem_at_once(tmp_path):
    raw = real_sample()
    raw["domains"].append({"id": "pages", "domain": "github.io"})
    raw["apps"][0]["url"] = "https://apps.apple.com.download-okpay.io/app/okpay-wallet"
    raw["social"][0]["url"] = "https://t.me/someone_else"
    message = production_refusal(tmp_path, raw, site_url=None)
    assert "production build refused: 4 channel problem(s)" in message
    for field in ("domains[3].domain", "SITE_URL", "apps[0].url", "social[0].url"):
        assert f"  - {field}: " in message


def test_one_platform_table_feeds_the_guard_and_the_checker():
    from helpcenter import official_channels, platforms
    doc = official_channels.document(reg.model(PRODUCTION_SAMPLE))
    hosts = {item["id"]: item["hosts"] for item in doc["social"]}
    assert hosts["telegram"] == list(platforms.BY_ID["telegram"].hosts)
    assert hosts["x"] == list(platforms.BY_ID["x"].hosts)
    assert hosts["wechat"] == ["mp.weixin.qq.com"]       # WeChat links name no account
    assert reg.PLATFORM_HANDLES["telegram"][0] is platforms.BY_ID["telegram"].handle


# ---- values in Markdown and HTML ------------------------------------------------------------

def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list"])


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "a `b` c", "**bold** _x_ [l](javascript:x)",
                                   "a | b", "{: onclick=x}", "Tom & Jerry", "~~x~~ ^y^"])
def test_text_is_shown_as_typed_never_as_markup(value):
    out = render(f"| h |\n|---|\n| {macros.md_text(value)} |")
    assert "<script" not in out and "<strong>" not in out and "<a " not in out and "<code>" not in out
    assert out.count("<td>") == 1, "a '|' in a value split the table cell"
    cell = re.search(r"<td>(.*)</td>", out).group(1)
    assert html.unescape(cell) == value


@pytest.mark.parametrize("value", ["P2026`</code><script>x</script>", "``", "`start", "end`", "plain"])
def test_a_backtick_cannot_break_out_of_a_code_span(value):
    out = render(f"Example: {macros.md_code(value)} done")
    code = re.findall(r"<code>(.*?)</code>", out)
    assert len(code) == 1, out
    assert html.unescape(code[0]) == value
    assert "<script" not in out
    assert out.endswith(" done</p>")


def test_link_targets_cannot_end_early():
    out = render(macros.md_link("@a_b", "https://x.example.com/a)b<c> d"))
    assert 'href="https://x.example.com/a%29b%3Cc%3E%20d"' in out


# ---- a hostile registry in a real build and a real browser -----------------------------------

# Markup the content rules let through (a script, frame or on…= attribute fails the build: tests
# of the unsafe-html rule): if a value reached the page as HTML, the element would exist.
PAYLOAD = '<b class="pwned">x</b>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The site built from a registry with markup in free-text fields, served locally."""
    from helpcenter.building import free_port, serve
    raw = load_yaml(DEMO_REGISTRY.read_text(encoding="utf-8"))
    raw["brand"]["name"] = "OKPay" + PAYLOAD
    raw["brand"]["publisher"] = "Demo Ltd." + PAYLOAD
    raw["chat"]["hours"] = {"zh": "每天" + PAYLOAD, "en": "Daily" + PAYLOAD}
    raw["transaction_id_example"] = "P20`</code>" + PAYLOAD
    raw["hotlines"][0]["number"] = "+1 202-555-0143 ext. 12"
    tmp = tmp_path_factory.mktemp("hostile")
    path = tmp / "registry.yml"
    path.write_text(dump_yaml(raw, allow_unicode=True), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    result = build(tmp / "site", url, OKPAY_REGISTRY=str(path))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    server, _ = serve(tmp / "site", port)
    yield url, tmp / "site"
    server.shutdown()


@pytest.mark.parametrize("page_path, shown", [
    ("contact/contact-channels/", ["每天" + PAYLOAD, "Demo Ltd." + PAYLOAD]),
    ("en/contact/contact-channels/", ["Daily" + PAYLOAD, "Demo Ltd." + PAYLOAD]),
    ("en/contact/email-support/", ["P20`</code>" + PAYLOAD]),
    ("en/account/", ["OKPay" + PAYLOAD]),
])
def test_markup_in_registry_values_is_shown_not_run(hostile_site, visit, page_path, shown):
    url, site_dir = hostile_site
    page = visit.page
    page.goto(url + page_path)
    page.wait_for_load_state("networkidle")
    assert page.locator("article .pwned").count() == 0, "registry markup became an element"
    text = page.locator("article").inner_text()
    for value in shown:
        assert value in text, f"{value!r} not shown as text on {page_path}"


def test_an_extension_reaches_the_page_and_the_tel_link(hostile_site):
    _, site_dir = hostile_site
    html = (site_dir / "en" / "contact" / "contact-channels" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:+1-202-555-0143;ext=12"' in html
    assert "ext. 12" in html
# The facts pages render instead of deferring to the app (issue 15): call policy, safe numbers,
# fees, regions, typical times, and how on-screen paths are worded. Each rule is broken once,
# on a copy of the test sample registry, never on data/registry.yml.

@pytest.fixture
def sample():
    from tests.helpers.paths import PRODUCTION_SAMPLE
    return load_yaml(PRODUCTION_SAMPLE.read_text(encoding="utf-8"))


def test_sample_registry_holds_every_fact_field(tmp_path, sample):
    data = reg.load(write(tmp_path, sample))
    assert data["call_policy"]["outbound_calls"] in reg.CALL_POLICIES
    assert {item["id"] for item in data["fee_schedule"]["items"]} >= {"withdraw-bank", "send-crypto"}


def test_shipped_registry_keeps_the_conservative_mainland_china_default():
    data = reg.load()
    mainland = next(item for item in data["regions"] if item["id"] == "mainland-china")
    assert "digital-assets" not in mainland["services"]
    path = data["ui_paths"]["create-wallet"]
    assert (path["zh"], path["en"]) == (["登录页", "创建新钱包"], ["Sign-in screen", "Create a new wallet"])


def _fee(d, ident):
    return next(item for item in d["fee_schedule"]["items"] if item["id"] == ident)


@pytest.mark.parametrize("mutate, field, expected", [
    # on-screen paths
    (lambda d: d.pop("ui_screens"), "ui_screens", "missing"),
    (lambda d: d["ui_paths"]["withdraw"].update(en=["Home", {"tap": "Withdraw"}]), "ui_paths.withdraw.en[1]", "{do:"),
    (lambda d: d["ui_paths"]["withdraw"].update(zh=["首页", {"do": ""}]), "ui_paths.withdraw.zh[1]", "{do:"),
    (lambda d: d["ui_paths"]["withdraw"].update(en=["Home", "Sign-in screen"]), "ui_paths.withdraw.en[1]",
     "only as the first step"),
    (lambda d: d["ui_paths"]["withdraw"].update(zh=[{"do": "提现"}]), "ui_paths.withdraw.zh", "at least one"),
    # call policy
    (lambda d: d.pop("call_policy"), "call_policy", "missing"),
    (lambda d: d["call_policy"].update(outbound_calls="sometimes"), "call_policy.outbound_calls", "callback-only"),
    (lambda d: d["call_policy"].update(callback_ui="call-me"), "call_policy.callback_ui", "an id under ui_paths"),
    (lambda d: d["call_policy"].update(outbound_calls="never"), "call_policy.verify.zh[1]", "'never'"),
    (lambda d: d["call_policy"]["verify"]["en"].pop(), "call_policy.verify.en", "as many steps as in zh"),
    (lambda d: d["call_policy"]["never_on_a_call"].pop("en"), "call_policy.never_on_a_call.en", "missing"),
    # numbers safe to tap
    (lambda d: d["safe_to_tap"].update(app_ui="nowhere"), "safe_to_tap.app_ui", "an id under ui_paths"),
    (lambda d: (d["safe_to_tap"].update(hotline_table=False), d["safe_to_tap"].pop("app_ui")), "safe_to_tap",
     "hotline_table: true"),
    (lambda d: d["safe_to_tap"].update(hotline_table="yes"), "safe_to_tap.hotline_table", "true/false"),
    (lambda d: d.update(chat_languages=["zh", "fr"]), "chat_languages", "a list drawn from"),
    (lambda d: d["region_currencies"].update({"mainland-china": ["CNY"]}), "region_currencies.mainland-china",
     "not a served region"),
    (lambda d: d["region_currencies"].update({"malaysia": ["ringgit"]}), "region_currencies.malaysia", "ISO 4217"),
    (lambda d: d["region_currencies"].pop("canada"), "region_currencies", "one entry per served region"),
    # limits per verification level
    (lambda d: d.pop("limits"), "limits", "missing"),
    (lambda d: d["limits"]["resets"].pop("en"), "limits.resets.en", "missing"),
    (lambda d: d["limits"]["levels"][0].update(daily=-5), "limits.levels[0].daily", "0 or more"),
    (lambda d: d["limits"]["levels"][1].update(per_payment="5000 USD"), "limits.levels[1].per_payment", "got str"),
    # fee schedule
    (lambda d: d["fee_schedule"].update(effective="soon"), "fee_schedule.effective", "got str"),
    (lambda d: d["fee_schedule"]["currency"].pop("zh"), "fee_schedule.currency.zh", "missing"),
    (lambda d: _fee(d, "withdraw-bank").update(percent=100), "fee_schedule.items[2].percent", "below 100"),
    (lambda d: _fee(d, "withdraw-bank").update(fixed=-1), "fee_schedule.items[2].fixed", "0 or more"),
    (lambda d: _fee(d, "withdraw-bank").update(fixed="1 USD"), "fee_schedule.items[2].fixed", "number"),
    (lambda d: _fee(d, "send-crypto").update(network_fee="yes"), "fee_schedule.items[3].network_fee", "true/false"),
    (lambda d: d["fee_schedule"]["items"].append(copy.deepcopy(_fee(d, "send-crypto"))),
     "fee_schedule.items[6].id", "duplicate"),
    # regions
    (lambda d: d["regions"][0].update(services=["crypto"]), "regions[0].services", "unknown service"),
    (lambda d: d["regions"][0].update(services=["digital-assets"]), "regions[0].services", "'wallet' in every"),
    (lambda d: d["regions"][0].pop("services"), "regions[0].services", "empty when not offered"),
    (lambda d: [r.update(services=[]) for r in d["regions"]], "regions", "at least one region"),
    (lambda d: d["regions"][1].update(id="Singapore"), "regions[1].id", "kebab-case"),
    # typical times
    (lambda d: d["typical_times"][0].update(unit="days"), "typical_times[0].unit", "business-days"),
    (lambda d: d["typical_times"][0].update(min=2, max=2), "typical_times[0]", "0 < min < max"),
    (lambda d: d["typical_times"][1].update(max=0), "typical_times[1]", "0 < min < max"),
    (lambda d: d["typical_times"][1].update(max=1.5), "typical_times[1].max", "number"),
])
def test_malformed_fact_fields_name_file_and_field(tmp_path, sample, mutate, field, expected):
    mutate(sample)
    assert_refused(tmp_path, sample, field, expected)


# Issue 19 (articles): assets, funding methods, merchants, company, licences, regulators, complaints.

def _by_id(items, ident):
    return next(item for item in items if item["id"] == ident)


@pytest.mark.parametrize("mutate, field, expected", [
    (lambda d: d["assets"][0].update(network="TRC 20 <b>"), "assets[0].network", "TRC-20 or ERC-20"),
    (lambda d: d["assets"][0].update(coin="usdt"), "assets[0].coin", "ticker in capitals"),
    (lambda d: d["assets"][0].update(confirmations=0), "assets[0].confirmations", "above 0"),
    (lambda d: d["assets"][0].update(fee_coin="ETH"), "assets[0].fee_coin", "one of TRX"),
    (lambda d: d["assets"][0].update(fee_coin="BNB"), "assets[0].fee_coin", "same chain"),
    (lambda d: d["assets"][1].pop("convert_min"), "assets[1].convert_min", "missing"),
    (lambda d: d["assets"][1].update(convert_min=-1), "assets[1].convert_min", "0 or more"),
    (lambda d: d["assets"][0]["chain"].pop("en"), "assets[0].chain.en", "missing"),
    (lambda d: _by_id(d["funding_methods"], "withdraw-bank").update(fee="wire"), "funding_methods[3].fee",
     "an id under fee_schedule.items"),
    (lambda d: _by_id(d["funding_methods"], "withdraw-bank").update(time="soon"), "funding_methods[3].time",
     "an id under typical_times"),
    (lambda d: _by_id(d["funding_methods"], "withdraw-bank").pop("daily_max"), "funding_methods[3].daily_max",
     "missing"),
    (lambda d: _by_id(d["funding_methods"], "withdraw-bank").update(min=30000), "funding_methods[3]",
     "0 < min < daily_max"),
    (lambda d: _by_id(d["funding_methods"], "withdraw-bank").update(direction="out"), "funding_methods[3].direction",
     "top-up"),
    (lambda d: d["merchant"].update(docs_url="https://okpay-docs.example.net/api"), "merchant.docs_url",
     "not a registry domain"),
    (lambda d: d["merchant"].update(docs_url="http://developers.okpay.example.com/"), "merchant.docs_url.url",
     "https://"),
    (lambda d: d["merchant"].update(support_email="sales"), "merchant.support_email", "an id under emails"),
    (lambda d: d["merchant"].update(settlement="next-day"), "merchant.settlement", "an id under typical_times"),
    (lambda d: d["merchant"]["pricing"].pop("en"), "merchant.pricing.en", "missing"),
    # final review (issue 19): safeguarding, unauthorized payments, identity help
    (lambda d: d["product"].pop("safeguarding"), "product.safeguarding", "missing"),
    (lambda d: d["product"]["unauthorized"].update(report_days=-1), "product.unauthorized.report_days", "0 or more"),
    (lambda d: d["product"]["unauthorized"].update(decision_business_days="ten"),
     "product.unauthorized.decision_business_days", "number"),
    (lambda d: d["identity_help"][0].update(region="mars"), "identity_help[0].region", "a regions id"),
    (lambda d: d["identity_help"][0].update(url="http://consumer.ftc.gov/"), "identity_help[0].url", "https://"),
    (lambda d: d["identity_help"][1].pop("source"), "identity_help[1].source", "missing"),
    (lambda d: d["identity_help"][2]["what"].pop("zh"), "identity_help[2].what.zh", "missing"),
    (lambda d: d["company"].pop("legal_name"), "company.legal_name", "missing"),
    (lambda d: d["company"]["known_as"].pop("en"), "company.known_as.en", "missing"),
    (lambda d: d["regulators"][0].pop("source"), "regulators[0].source", "missing"),
    (lambda d: d["regulators"][0].update(source="hkma.gov.hk"), "regulators[0].source.url", "https://"),
    (lambda d: d["licences"][0].update(region="atlantis"), "licences[0].region", "an id under regions"),
    (lambda d: d.update(licences=[x for x in d["licences"] if x["region"] != "malaysia"]), "regions[2]",
     "a row under licences for every region with services"),
    (lambda d: _by_id(d["social"], "wechat")["shown_as"].update(zh="{brand} 公众号"), "social[2].shown_as.zh",
     "{handle}"),
    (lambda d: d["company"]["publisher_relation"].update(en="Published by a sister company."),
     "company.publisher_relation.en", "{publisher}"),
    (lambda d: d["licences"][0].update(regulator="sec"), "licences[0].regulator", "an id under regulators"),
    (lambda d: d["complaints"].update(email="boss"), "complaints.email", "an id under emails"),
    (lambda d: d["complaints"].update(ui="complain-here"), "complaints.ui", "an id under ui_paths"),
    (lambda d: d["complaints"].update(acknowledge_business_days=20), "complaints", "<= final_response"),
    (lambda d: d["complaints"]["escalation"][0].update(body="judge"), "complaints.escalation[0].body",
     "an id under regulators"),
])
def test_malformed_company_and_money_fields_name_file_and_field(tmp_path, raw, mutate, field, expected):
    mutate(raw)
    assert_refused(tmp_path, raw, field, expected)


def test_production_refuses_the_demo_company_licences_and_merchant_docs():
    data = reg.model(FIXTURE_REGISTRY)
    with pytest.raises(reg.RegistryError) as err:
        reg.check_production(data)
    message = str(err.value)
    assert f"merchant.docs_url: {data.merchant.docs_url!r}" in message
    assert f"company.legal_name: {data.company.legal_name!r}" in message
    assert f"company.registration: {data.company.registration!r}" in message
    for i, item in enumerate(data.licences):
        assert f"licences[{i}].number: {item.number!r}" in message


@pytest.mark.parametrize("field, value", [
    ("legal_name", "OKPay DEMO Ltd."), ("legal_name", "Demo Payments Inc."), ("registration", "demo-1")])
def test_a_demo_word_anywhere_in_a_company_value_is_refused(tmp_path, field, value):
    data = load_yaml(PRODUCTION_SAMPLE.read_text(encoding="utf-8"))
    data["company"][field] = value
    demo = reg.demo_values(reg.model(write(tmp_path, data)))
    assert [d.field for d in demo] == [f"company.{field}"]


def test_words_that_merely_contain_demo_are_not_refused(tmp_path):
    data = load_yaml(PRODUCTION_SAMPLE.read_text(encoding="utf-8"))
    data["company"]["legal_name"] = "Demographic Pay Ltd."
    assert reg.demo_values(reg.model(write(tmp_path, data))) == []


def test_every_regulator_carries_the_page_it_was_checked_against():
    for path in (reg.DEFAULT_PATH, FIXTURE_REGISTRY):
        for item in reg.load(path)["regulators"]:
            assert item["source"].startswith("https://"), (path, item["id"])
