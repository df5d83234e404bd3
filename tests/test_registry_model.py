"""helpcenter/registry_model.py and registry.model(): one typed, read-only model of the registry,
built from the validated data, loaded once per file version and so once per build."""

from __future__ import annotations

import dataclasses
import os
import sys
import typing

import pytest

from helpcenter import datakeys, registry_model
from helpcenter import registry as reg
from helpcenter.building import build
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT

# What the validator adds to a hotline (phonenumbers), beside the keys of the file.
DERIVED = {"Hotline": {"e164", "national_number", "region_code", "extension", "tel"}}


@pytest.fixture
def raw():
    return load_yaml(FIXTURE_REGISTRY.read_text(encoding="utf-8"))


def write(tmp_path, data, name="registry.yml"):
    path = tmp_path / name
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    return path


def _record(hint):
    """The record class a field holds (itself, in a tuple, or optional), or None."""
    for arg in (hint, *typing.get_args(hint)):
        if dataclasses.is_dataclass(arg):
            return arg
    return None


def _check_fields(cls, declared, where):
    """Every key datakeys declares has a field of the same name, and every field a declared key."""
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)}
    assert fields - DERIVED.get(cls.__name__, set()) == set(declared), (where, cls.__name__)
    for name, spec in declared.items():
        record = _record(hints[name])
        if isinstance(spec, list):
            spec = spec[0]
        if isinstance(spec, dict):
            assert record is not None, f"{where}.{name}: a section, but the model holds no record"
            _check_fields(record, spec, f"{where}.{name}")


def test_the_model_has_a_field_for_every_declared_registry_key():
    _check_fields(registry_model.Registry, datakeys.REGISTRY, "registry")


def test_the_model_is_typed_and_read_only():
    model = reg.model(FIXTURE_REGISTRY)
    assert isinstance(model.brand, registry_model.Brand)
    assert isinstance(model.hotlines, tuple) and isinstance(model.hotlines[0], registry_model.Hotline)
    assert model.hotlines[0].e164 == "+12025550143" and model.hotlines[0].extension == ""
    assert isinstance(model.product.unfreeze, registry_model.Unfreeze)
    assert model.by_id("emails", "support").address.startswith("support@")
    assert model.by_id("emails", "no-such-id") is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.brand.name = "Other"
    # an optional field the file leaves out reads as None, not as a missing key
    assert {item.shown_as is None for item in model.social} == {True, False}


def test_every_localized_value_has_every_language(raw, tmp_path):
    raw["brand"]["app"] = "One Name"          # one text for every language
    model = reg.model(write(tmp_path, raw))
    assert model.brand.app == {lang: "One Name" for lang in reg.LANGS}
    assert set(model.chat.hours) == set(reg.LANGS)


def test_loaded_once_per_file_version(raw, tmp_path, monkeypatch):
    calls = []
    load = reg.load
    monkeypatch.setattr(reg, "load", lambda path=None: calls.append(path) or load(path))
    reg._model.cache_clear()
    path = write(tmp_path, raw)
    first = reg.model(path)
    assert reg.model(path) is first and reg.model(str(path)) is first
    assert len(calls) == 1
    # an edit (mkdocs serve rebuilds on it) is read again
    raw["brand"]["name"] = "Edited Pay"
    write(tmp_path, raw)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert reg.model(path).brand.name == "Edited Pay"
    assert len(calls) == 2


def test_the_environment_variable_chooses_the_model(raw, tmp_path, monkeypatch):
    raw["brand"]["name"] = "Fixture Pay"
    monkeypatch.setenv(reg.PATH_ENV, str(write(tmp_path, raw)))
    assert reg.model().brand.name == "Fixture Pay"


@pytest.mark.parametrize("mutate, field, expected", [
    (lambda d: d["hotlines"][0].update(number="+1 202"), "hotlines[0].number", "an international number"),
    (lambda d: d["product"]["unfreeze"].pop("max_hours"), "product.unfreeze.max_hours", "expected number"),
    (lambda d: d["social"][0].update(dm_support="yes"), "social[0].dm_support", "expected true/false"),
])
def test_a_bad_field_is_named_with_file_and_expectation(raw, tmp_path, mutate, field, expected):
    mutate(raw)
    path = write(tmp_path, raw)
    with pytest.raises(reg.RegistryError) as err:
        reg.model(path)
    message = str(err.value)
    assert message.startswith(f"{path}: field '{field}'") and expected in message, message


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(reg.RegistryError, match="file not found; expected the channel registry here"):
        reg.model(tmp_path / "nowhere.yml")


def test_a_key_the_model_lacks_is_a_programming_error_naming_both_places():
    data = reg.load(FIXTURE_REGISTRY)
    data["brand"]["slogan"] = "x"
    with pytest.raises(TypeError, match=r"Brand has no field for \['slogan'\] at brand; .*datakeys"):
        registry_model.from_data(data)


def test_one_build_reads_the_registry_once(tmp_path):
    """The macros (every language's pass), the content rules, the protections plugin (security.txt,
    official-channels.json) and the production guard share one load."""
    count = tmp_path / "loads.txt"
    result = build(tmp_path / "site", None, command=[sys.executable, str(ROOT / "tests/helpers/count_registry_loads.py")],
                   OKPAY_COUNT_FILE=str(count), OKPAY_REGISTRY=str(FIXTURE_REGISTRY))
    assert result.returncode == 0, result.stderr[-3000:]
    assert count.read_text(encoding="utf-8").splitlines() == [str(FIXTURE_REGISTRY.resolve())]
