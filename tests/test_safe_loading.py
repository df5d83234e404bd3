"""Data files cannot hurt the build: helpcenter/datafile.py, the one loader every data file goes through.

Each class of hostile or careless input is generated many times over (bombs at several depths and
places, misspellings of every declared key, impossible dates, oversized and deeply nested values),
and each refusal must name the file, the line or field, and stay short. The end-to-end checks
(the CLI as a user runs it, no traceback) are in tests/test_safe_building.py.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from helpcenter import channel_checker, datafile, datakeys, localized, playbook, redirects, status, ui
from helpcenter import registry as reg
from helpcenter.search import index as search_index
from tests.helpers.datafiles import dump_yaml
from tests.helpers.paths import FIXTURE_REGISTRY, ROOT

# An error message a person can read: a few lines, never the file echoed back.
SHORT = 1_000


def alias_bomb(depth: int, width: int = 9, name: str = "lol") -> str:
    """The classic 'billion laughs': `width ** depth` copies of one string from a few hundred bytes."""
    lines = [f'{name}0: &{name}0 ["lol"]']
    for level in range(1, depth + 1):
        refs = ", ".join([f"*{name}{level - 1}"] * width)
        lines.append(f"{name}{level}: &{name}{level} [{refs}]")
    return "\n".join(lines) + "\n"


def indent(text: str, spaces: int) -> str:
    return "".join(" " * spaces + line + "\n" for line in text.splitlines())


# ---- anchors and aliases --------------------------------------------------------------------

REGISTRY_TEXT = FIXTURE_REGISTRY.read_text(encoding="utf-8")


def _bomb_placements():
    """(name, registry text with a bomb in it, the line the first anchor is on)."""
    bomb = alias_bomb(6)
    yield "unused-top-level-key", REGISTRY_TEXT + "\nunused:\n" + indent(bomb, 2)
    yield "first-thing-in-the-file", "x:\n" + indent(bomb, 2) + REGISTRY_TEXT
    yield "checked-field", REGISTRY_TEXT.replace("brand:\n", "brand:\n  bomb:\n" + indent(bomb, 4), 1)
    yield "list-item", REGISTRY_TEXT + "\nextra_list:\n  - " + bomb.splitlines()[0] + "\n  - *lol0\n"
    yield "alias-only", REGISTRY_TEXT.replace('transaction_id_example: "P2026112309153847"',
                                              'transaction_id_example: *nowhere', 1)
    yield "anchor-on-a-mapping", REGISTRY_TEXT.replace("chat:\n", "chat: &c\n", 1)
    yield "merge-key", REGISTRY_TEXT.replace("chat:\n", "chat:\n  <<: {x: 1}\n", 1)


@pytest.mark.parametrize("depth", [1, 3, 6, 9, 12])
@pytest.mark.parametrize("width", [2, 9, 30])
def test_an_alias_bomb_fails_fast_and_short(tmp_path, depth, width):
    path = tmp_path / "bomb.yml"
    path.write_text(alias_bomb(depth, width), encoding="utf-8")
    with pytest.raises(datafile.DataFileError) as caught:   # refused on sight: never expanded
        localized.load(path)
    message = str(caught.value)
    assert str(path) in message and "line 1" in message
    assert "anchor" in message and len(message) < SHORT


@pytest.mark.parametrize("name, text", [(n, t) for n, t in _bomb_placements()], ids=lambda v: v if len(v) < 40 else "")
def test_a_bomb_anywhere_in_the_registry_is_refused_naming_the_line(tmp_path, name, text):
    path = tmp_path / "registry.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(reg.RegistryError) as caught:
        reg.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line ") and len(message) < SHORT, message
    assert any(word in message for word in ("anchor", "alias", "merge key")), message


# Every loader of the project, with a minimal file of its kind to put a bomb into.
LOADERS = {
    "status": (lambda p: status.load(p), status.StatusError),
    "playbook": (lambda p: playbook.load(p), playbook.PlaybookError),
    "ui": (lambda p: ui.load(p), Exception),
    "channel-check": (lambda p: channel_checker.load_strings(p), channel_checker.CheckerError),
    "redirects": (lambda p: redirects.load_moves(p), redirects.RedirectError),
    "vocabulary": (lambda p: search_index.load_vocabulary("zh", p.parent), search_index.VocabularyError),
    "registry": (lambda p: reg.load(p), reg.RegistryError),
}


@pytest.mark.parametrize("kind", list(LOADERS))
@pytest.mark.parametrize("depth", [2, 8])
def test_every_loader_refuses_a_bomb(tmp_path, kind, depth):
    load, error = LOADERS[kind]
    path = tmp_path / ("vocabulary.zh.yml" if kind == "vocabulary" else f"{kind}.yml")
    path.write_text("# a comment first\n" + alias_bomb(depth), encoding="utf-8")
    with pytest.raises(error) as caught:
        load(path)
    message = str(caught.value)
    assert str(path) in message and "line 2" in message and len(message) < SHORT, message


# ---- unknown keys: "did you mean" ------------------------------------------------------------

def _declared(keys, where=()):
    """(path of the mapping, key) for every key a declaration names, nested ones included."""
    if isinstance(keys, dict):
        for key, value in keys.items():
            yield where, key
            yield from _declared(value, where + (key,))
    elif isinstance(keys, list) and keys:
        yield from _declared(keys[0], where + (0,))
    elif isinstance(keys, datakeys.Each):
        yield from _declared(keys.value, where + (None,))


def _typos(word: str, rng: random.Random, count: int) -> list[str]:
    """`count` different one-slip misspellings: a letter dropped, doubled, swapped or replaced."""
    letters = "abcdefghijklmnopqrstuvwxyz_"
    out = set()
    while len(out) < count:
        i = rng.randrange(len(word))
        kind = rng.choice(["drop", "double", "swap", "replace", "insert"] if len(word) > 2 else ["double", "insert"])
        if kind == "drop":
            typo = word[:i] + word[i + 1:]
        elif kind == "double":
            typo = word[:i] + word[i] + word[i:]
        elif kind == "swap" and i < len(word) - 1 and word[i] != word[i + 1]:
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif kind == "replace":
            typo = word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1:]
        else:
            typo = word[:i] + rng.choice(letters) + word[i:]
        if typo and typo != word:
            out.add(typo)
    return sorted(out)


def _document(where, typo):
    """The smallest document that puts `typo` where the declaration path `where` leads, and the
    field path an error must name."""
    leaf, field = {typo: "x"}, typo
    for step in reversed(where):
        if step == 0:
            leaf, field = [leaf], f"[0].{field}"
        elif step is None:
            leaf, field = {"some-id": leaf}, f"some-id.{field}"
        else:
            leaf, field = {step: leaf}, f"{step}.{field}"
    return leaf, field.replace(".[0]", "[0]")


def _known_at(keys, where):
    node = keys
    for step in where:
        node = datakeys.item_keys(node) if step == 0 else datakeys.value_keys(node, step)
    return set(node) if isinstance(node, dict) else set()


KINDS = {"registry": datakeys.REGISTRY, "status": datakeys.STATUS, "playbook": datakeys.PLAYBOOK,
         "ui": datakeys.UI, "vocabulary": datakeys.VOCABULARY}


def _misspelling_cases():
    rng = random.Random(20)
    for kind, keys in KINDS.items():
        for where, key in _declared(keys):
            for typo in _typos(key, rng, 3):
                if typo not in _known_at(keys, where):
                    yield kind, where, key, typo


MISSPELLINGS = list(_misspelling_cases())


def test_the_misspelling_battery_covers_every_declared_key():
    for kind, keys in KINDS.items():
        assert {c[2] for c in MISSPELLINGS if c[0] == kind and not c[1]} == set(keys), kind
    assert {(c[0], c[1], c[2]) for c in MISSPELLINGS} == {(k, w, key) for k in KINDS for w, key in _declared(KINDS[k])}
    assert len(MISSPELLINGS) > 250


@pytest.mark.parametrize("kind, where, key, typo", MISSPELLINGS,
                         ids=[f"{c[0]}:{'.'.join(map(str, c[1]))}.{c[3]}" for c in MISSPELLINGS])
def test_a_misspelled_key_is_refused_with_did_you_mean(kind, where, key, typo):
    document, field = _document(where, typo)
    text = "# leading comment\n" + dump_yaml(document, allow_unicode=True, default_flow_style=False)
    with pytest.raises(datafile.DataFileError) as caught:
        localized.loads(text, f"data/{kind}.yml", KINDS[kind])
    message = str(caught.value)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.strip().lstrip("- ").startswith(f"{typo}:"))
    assert message.startswith(f"data/{kind}.yml: line {line}: field '{field}': unknown key"), message
    assert "did you mean" in message and repr(key) in message.split("did you mean", 1)[1].split("?")[0], message
    assert len(message) < SHORT


@pytest.mark.parametrize("typo, suggestion", [("default_regoin", "default_region"), ("brnad", "brand"),
                                              ("hotline", "hotlines"), ("Domains", "domains"),
                                              ("typical-times", "typical_times")])
def test_the_registry_loader_says_did_you_mean(tmp_path, typo, suggestion):
    path = tmp_path / "registry.yml"
    path.write_text(REGISTRY_TEXT.replace(f"\n{suggestion}:", f"\n{typo}:", 1) if suggestion != "default_region"
                    else REGISTRY_TEXT + f"\n{typo}: HK\n", encoding="utf-8")
    with pytest.raises(reg.RegistryError) as caught:
        reg.load(path)
    assert f"did you mean {suggestion!r}?" in str(caught.value)
    assert f"field '{typo}'" in str(caught.value)


def test_a_word_far_from_every_key_gets_the_list_without_a_guess(tmp_path):
    path = tmp_path / "registry.yml"
    path.write_text(REGISTRY_TEXT + "\nzzzzzzzz: 1\n", encoding="utf-8")
    with pytest.raises(reg.RegistryError) as caught:
        reg.load(path)
    assert "did you mean" not in str(caught.value) and "expected one of: brand" in str(caught.value)


def test_a_duplicate_key_is_refused(tmp_path):
    path = tmp_path / "registry.yml"
    path.write_text(REGISTRY_TEXT + "\nchat:\n  hours: 24/7\n", encoding="utf-8")
    with pytest.raises(reg.RegistryError, match=r"line \d+: field 'chat': duplicate key"):
        reg.load(path)


def test_every_shipped_data_file_loads_with_its_declaration():
    for path, keys in [(ROOT / "data" / "registry.yml", datakeys.REGISTRY), (FIXTURE_REGISTRY, datakeys.REGISTRY),
                       (ROOT / "data" / "status.yml", datakeys.STATUS), (ROOT / "data" / "playbook.yml", datakeys.PLAYBOOK),
                       (ROOT / "data" / "ui.yml", datakeys.UI), (ROOT / "data" / "tags.yml", datakeys.TAGS),
                       (ROOT / "data" / "redirects.yml", datakeys.REDIRECTS),
                       (ROOT / "data" / "channel-check.yml", datakeys.CHANNEL_CHECK),
                       *[(p, datakeys.VOCABULARY) for p in (ROOT / "data" / "search").glob("vocabulary.*.yml")]]:
        localized.load(path, keys)


# ---- dates ----------------------------------------------------------------------------------

def _impossible_dates():
    for year in (2025, 2026, 2027, 2100):     # none a leap year
        yield f"{year}-02-29"
    for month in range(1, 13):
        days = (dt.date(2026 + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        for day in range(days + 1, 32):
            yield f"2026-{month:02d}-{day:02d}"
        yield f"2026-{month:02d}-00"
    for month in (0, 13, 14, 19, 20, 99):
        yield f"2026-{month:02d}-10"
    yield "2026-02-30T09:00:00Z"


IMPOSSIBLE = list(_impossible_dates())


def test_the_date_battery_is_large():
    assert len(IMPOSSIBLE) >= 30


@pytest.mark.parametrize("day", IMPOSSIBLE)
def test_an_impossible_date_names_file_line_and_field(tmp_path, day):
    registry = tmp_path / "registry.yml"
    registry.write_text(REGISTRY_TEXT.replace("effective: 2026-11-01", f"effective: {day}"), encoding="utf-8")
    with pytest.raises(reg.RegistryError) as caught:
        reg.load(registry)
    message = str(caught.value)
    assert message.startswith(f"{registry}: line ") and "field 'fee_schedule.effective'" in message, message
    assert day in message and "a real date written YYYY-MM-DD" in message

    announcements = tmp_path / "status.yml"
    announcements.write_text(
        "announcements:\n  - id: a\n    severity: info\n    start: 2026-01-01\n"
        f"    end: {day}\n    title: t\n    text: t\n", encoding="utf-8")
    with pytest.raises(status.StatusError) as caught:
        status.load(announcements)
    assert f"{announcements}: line 5: field 'announcements[0].end'" in str(caught.value)


# ---- sizes ----------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [5_000, 100_000, 1_500_000])
def test_a_huge_text_is_refused_without_echoing_it(tmp_path, size):
    path = tmp_path / "registry.yml"
    path.write_text(REGISTRY_TEXT.replace("  name: OKPay\n", f"  name: {'A' * size}\n", 1), encoding="utf-8")
    with pytest.raises(reg.RegistryError) as caught:
        reg.load(path)
    message = str(caught.value)
    assert "field 'brand.name'" in message and len(message) < SHORT, message[:SHORT]


@pytest.mark.parametrize("count", [10, 1_000, 20_000])
def test_a_wrong_value_is_quoted_only_in_part(tmp_path, count):
    """A checked field holding a long list (not a text) is quoted clipped, with its length."""
    path = tmp_path / "registry.yml"
    path.write_text(REGISTRY_TEXT.replace('transaction_id_example: "P2026112309153847"',
                                          f"transaction_id_example: [{', '.join(['word'] * count)}]"), encoding="utf-8")
    with pytest.raises(reg.RegistryError) as caught:
        reg.load(path)
    assert "transaction_id_example" in str(caught.value) and len(str(caught.value)) < SHORT


def test_a_file_over_the_size_cap_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "status.yml"
    path.write_text("announcements: []\n" + "#" * datafile.MAX_BYTES, encoding="utf-8")
    with pytest.raises(status.StatusError, match="bytes; expected at most"):
        status.load(path)


# Block nesting ("- ") indents every level, so its file grows with the square of the depth: 1,000
# levels is already half a megabyte (50,000 would be gigabytes, refused by size before parsing).
@pytest.mark.parametrize("form, depth", [(form, depth) for form in ("[", "{a: ") for depth in (30, 1_000, 50_000)]
                         + [("- ", 30), ("- ", 1_000)])
def test_deep_nesting_is_refused(tmp_path, form, depth):
    path = tmp_path / "deep.yml"
    if form == "- ":
        text = "".join("  " * i + "-\n" for i in range(depth)) + "  " * depth + "x\n"
    else:
        text = form * depth + "1" + ("]" if form == "[" else "}") * depth + "\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(datafile.DataFileError) as caught:
        localized.load(path)
    assert str(path) in str(caught.value) and len(str(caught.value)) < SHORT


@pytest.mark.parametrize("text", ["x: !!python/object:os.system [ls]\n", "x: !custom 1\n",
                                  "y: !!set {a, b}\n", "? [a, b]\n: 1\n", "x: 1\n\tbad indent\n", "x: \"\\xff\n"])
def test_other_yaml_features_are_refused_naming_the_file(tmp_path, text):
    path = tmp_path / "odd.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(datafile.DataFileError) as caught:
        localized.load(path)
    assert str(caught.value).startswith(f"{path}:") and len(str(caught.value)) < SHORT


def test_invalid_utf8_names_the_file(tmp_path):
    path = tmp_path / "ui.yml"
    path.write_bytes("demo_notice: {zh: 演示, en: Demo}\n".encode("gbk"))
    with pytest.raises(datafile.DataFileError, match="not UTF-8"):
        localized.load(path)


# ---- redirects: every path stays inside the site --------------------------------------------

ESCAPES = [
    "../outside/", "../../../../tmp/evil/", "contact/../../x/", "contact/../x/", "./contact/x/", "contact/./x/",
    "/etc/cron.d/", "/contact/x/", "//evil.example.com/x/", "\\\\server\\share\\", "contact\\..\\..\\x/",
    "..\\..\\x/", "http://evil.example.com/", "https://evil.example.com/x/", "javascript:alert(1)//",
    "file:///etc/", "C:/Windows/", "c:\\x\\", "%2e%2e/x/", "%2E%2E%2Fx/", ".%2e/x/", "contact/%2e%2e/%2e%2e/x/",
    "contact%2fx/", "contact/x%00/", "contact/x", "contact//x/", "", "/", "CONTACT/X/", "contact/x/?a=1",
    "contact/x/#top", "contact/ x/", "ｃontact/x/", "contact/x\u2215y/", "contact/\u2024\u2024/x/", "contact/x/\n",
    "～/x/", "~/x/", "contact/x_y/", "contact/-x/",
]


def test_the_escape_battery_is_large():
    assert len(ESCAPES) >= 40


@pytest.mark.parametrize("bad", ESCAPES)
@pytest.mark.parametrize("side", ["old", "new"])
def test_a_redirect_path_that_could_leave_the_site_is_refused(tmp_path, bad, side):
    path = tmp_path / "redirects.yml"
    old, new = (bad, "account/password-reset/") if side == "old" else ("account/old-name/", bad)
    path.write_text(dump_yaml({old: new}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(redirects.RedirectError) as caught:
        redirects.load_moves(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: entry ") and f"{side} path" in message, message
    assert "expected a path inside the site" in message and len(message) < SHORT


def test_a_redirect_that_is_not_text_is_refused(tmp_path):
    path = tmp_path / "redirects.yml"
    for text in ("account/x/: 12\n", "account/x/: [a/]\n", "12: account/x/\n", "- account/x/\n"):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(redirects.RedirectError, match=str(path)):
            redirects.load_moves(path)


def test_good_redirects_load(tmp_path):
    moves = {"account/reset-password/": "account/password-reset/", "a/b-c/d9/": "x/y/"}
    path = tmp_path / "redirects.yml"
    path.write_text(dump_yaml(moves), encoding="utf-8")
    assert redirects.load_moves(path) == moves


@pytest.mark.parametrize("rel", ["../x/", "../../x/", "a/../../x/", "/tmp/x/", "", "."])
def test_a_stub_is_never_written_outside_the_site(tmp_path, rel):
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(redirects.RedirectError, match="outside the site folder"):
        redirects.write(site, rel, "<p>x</p>")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["site"]
