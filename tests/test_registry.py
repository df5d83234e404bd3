"""helpcenter/registry.py: the loader accepts the shipped registry and names the field of every fault."""

import copy

import pytest
import yaml

from helpcenter import registry as reg
from tests.helpers.paths import FIXTURE_REGISTRY


@pytest.fixture
def raw():
    return yaml.safe_load(FIXTURE_REGISTRY.read_text(encoding="utf-8"))


def write(tmp_path, data):
    path = tmp_path / "registry.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_shipped_registry_loads_and_is_all_demo_values():
    data = reg.load(FIXTURE_REGISTRY)
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
    data = reg.load(FIXTURE_REGISTRY)
    with pytest.raises(reg.RegistryError) as err:
        reg.check_production(data)
    assert "hotlines[0].number: '+1 202-555-0143'" in str(err.value)
    assert "social[0].handle" in str(err.value)


def test_production_check_passes_real_looking_values(tmp_path):
    from tests.helpers.paths import PRODUCTION_SAMPLE
    data = reg.load(PRODUCTION_SAMPLE)
    assert reg.demo_values(data) == []
    reg.check_production(data, PRODUCTION_SAMPLE)


@pytest.mark.parametrize("host, reserved", [
    ("okpay.example.com", True), ("example.net", True), ("a.b.test", True), ("x.example", True),
    ("okpay.com", False), ("example.com.evil.io", False), ("notexample.com", False),
])
def test_reserved_hosts(host, reserved):
    assert reg.is_reserved_host(host) is reserved
