"""helpcenter/registry.py: the loader accepts the shipped registry and names the field of every fault."""

import copy

import pytest
import yaml

from helpcenter import registry as reg


@pytest.fixture
def raw():
    return yaml.safe_load(reg.DEFAULT_PATH.read_text(encoding="utf-8"))


def write(tmp_path, data):
    path = tmp_path / "registry.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_shipped_registry_loads_and_is_all_demo_values():
    data = reg.load()
    demo = {d.field for d in reg.demo_values(data)}
    # every contact value we ship is on a reserved range
    assert {f"hotlines[{i}].number" for i in range(len(data["hotlines"]))} <= demo
    assert {f"emails[{i}].address" for i in range(len(data["emails"]))} <= demo
    assert {f"domains[{i}].domain" for i in range(len(data["domains"]))} <= demo
    assert {f"social[{i}].handle" for i in range(len(data["social"]))} <= demo
    assert data["hotlines"][0]["e164"] == "+12025550143"


@pytest.mark.parametrize("mutate, field, expected", [
    (lambda d: d["hotlines"][0].pop("number"), "hotlines[0].number", "missing"),
    (lambda d: d["hotlines"][1].update(number="call us!"), "hotlines[1].number", "does not parse"),
    (lambda d: d["hotlines"][0].update(number="+1 202"), "hotlines[0].number", "not a possible number"),
    (lambda d: d["domains"][0].update(domain="https://okpay.example.com"), "domains[0].domain", "no scheme"),
    (lambda d: d["domains"][2].update(domain="help.okpay.example.com/zh"), "domains[2].domain", "no scheme, path"),
    (lambda d: d["emails"][0].update(address="support at okpay"), "emails[0].address", "support@"),
    (lambda d: d["social"][0].update(handle="@okpay"), "social[0].handle", "without '@'"),
    (lambda d: d["brand"]["app"].pop("en"), "brand.app.en", "missing"),
    (lambda d: d["ui_paths"]["withdraw"].pop("zh"), "ui_paths.withdraw.zh", "missing"),
    (lambda d: d["hotlines"].append(copy.deepcopy(d["hotlines"][0])), "hotlines[3].id", "duplicate"),
    (lambda d: d["apps"][0].update(url="http://apps.example.com/x"), "apps[0].url", "https://"),
    (lambda d: d["authorities"][0].update(phone="96-110"), "authorities[0].phone", "96110"),
])
def test_malformed_registry_names_file_and_field(tmp_path, raw, mutate, field, expected):
    mutate(raw)
    path = write(tmp_path, raw)
    with pytest.raises(reg.RegistryError) as err:
        reg.load(path)
    message = str(err.value)
    assert str(path) in message
    assert f"'{field}'" in message
    assert expected in message


def test_production_check_refuses_demo_values_naming_each_field():
    data = reg.load()
    with pytest.raises(reg.RegistryError) as err:
        reg.check_production(data)
    assert "hotlines[0].number: '+1 202-555-0143'" in str(err.value)
    assert "social[0].handle" in str(err.value)


def test_production_check_passes_real_looking_values(tmp_path):
    from tests.paths import PRODUCTION_SAMPLE
    data = reg.load(PRODUCTION_SAMPLE)
    assert reg.demo_values(data) == []
    reg.check_production(data, PRODUCTION_SAMPLE)


@pytest.mark.parametrize("host, reserved", [
    ("okpay.example.com", True), ("example.net", True), ("a.b.test", True), ("x.example", True),
    ("okpay.com", False), ("example.com.evil.io", False), ("notexample.com", False),
])
def test_reserved_hosts(host, reserved):
    assert reg.is_reserved_host(host) is reserved


# The facts pages render instead of deferring to the app (issue 15): call policy, safe numbers,
# fees, regions, typical times, and how on-screen paths are worded. Each rule is broken once,
# on a copy of the test sample registry, never on data/registry.yml.

@pytest.fixture
def sample():
    from tests.paths import PRODUCTION_SAMPLE
    return yaml.safe_load(PRODUCTION_SAMPLE.read_text(encoding="utf-8"))


def test_sample_registry_holds_every_fact_field(tmp_path, sample):
    data = reg.load(write(tmp_path, sample))
    assert data["call_policy"]["outbound_calls"] in reg.CALL_POLICIES
    assert {item["id"] for item in data["fee_schedule"]["items"]} >= {"withdraw-bank", "send-crypto"}


def test_shipped_registry_keeps_the_conservative_mainland_china_default():
    data = reg.load()
    mainland = next(item for item in data["regions"] if item["id"] == "mainland-china")
    assert "digital-assets" not in mainland["services"]
    assert data["ui_paths"]["create-wallet"] == {"zh": ["登录页", "创建新钱包"],
                                                 "en": ["Sign-in screen", "Create a new wallet"]}


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
    # fee schedule
    (lambda d: d["fee_schedule"].update(effective="soon"), "fee_schedule.effective", "got str"),
    (lambda d: d["fee_schedule"]["currency"].pop("zh"), "fee_schedule.currency.zh", "missing"),
    (lambda d: _fee(d, "withdraw-bank").update(percent=100), "fee_schedule.items[2].percent", "below 100"),
    (lambda d: _fee(d, "withdraw-bank").update(fixed=-1), "fee_schedule.items[2].fixed", "0 or more"),
    (lambda d: _fee(d, "withdraw-bank").update(fixed="1 USD"), "fee_schedule.items[2].fixed", "number"),
    (lambda d: _fee(d, "send-crypto").update(network_fee="yes"), "fee_schedule.items[3].network_fee", "true/false"),
    (lambda d: d["fee_schedule"]["items"].append(copy.deepcopy(_fee(d, "send-crypto"))),
     "fee_schedule.items[5].id", "duplicate"),
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
    path = write(tmp_path, sample)
    with pytest.raises(reg.RegistryError) as err:
        reg.load(path)
    message = str(err.value)
    assert str(path) in message
    assert f"'{field}'" in message
    assert expected in message
