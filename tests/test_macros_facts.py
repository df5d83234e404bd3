"""The registry facts as pages print them (helpcenter/macros.py), from a fixture registry.

Pages answer with these sentences, so a wrong word here is a wrong answer on every page that
uses it. The registry is the test sample with values chosen here, never data/registry.yml.
"""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from helpcenter import macros, ui
from tests.helpers.datafiles import dump_yaml, load_yaml
from tests.helpers.paths import PRODUCTION_SAMPLE, ROOT


class FakeEnv:
    """The part of mkdocs-macros' env that define_env uses."""

    def __init__(self):
        self.conf = {"extra": {}, "theme": {"language": "zh"}}
        self.project_dir = str(ROOT)
        self.variables = {}
        self.macros = {}
        self.page = None

    def macro(self, fn):
        self.macros[fn.__name__] = fn
        return fn

    def render(self, text, force_rendering=False):
        return text


@pytest.fixture
def registry(tmp_path):
    data = load_yaml(PRODUCTION_SAMPLE.read_text(encoding="utf-8"))
    data["fee_schedule"]["items"] = [
        {"id": "withdraw-bank", "method": {"zh": "提现", "en": "Withdraw"}, "percent": 0, "fixed": 2},
        {"id": "card", "method": {"zh": "卡", "en": "Card"}, "percent": 1.25, "fixed": 0},
        {"id": "send-crypto", "method": {"zh": "转出", "en": "Send"}, "percent": 0, "fixed": 0, "network_fee": True},
    ]
    data["regions"] = [
        {"id": "alpha", "name": {"zh": "甲地", "en": "Alpha"}, "services": ["wallet", "digital-assets"]},
        {"id": "beta", "name": {"zh": "乙地", "en": "Beta"}, "services": ["wallet"]},
        {"id": "gamma", "name": {"zh": "丙地", "en": "Gamma"}, "services": []},
    ]
    data["region_currencies"] = {"alpha": ["AAA", "USD"], "beta": ["BBB"]}
    # Authorities belong to regions: the ones with a checked source to a served one, the rest not.
    for item in data["authorities"]:
        item["region"] = "alpha" if "source" in item else "gamma"
    data["typical_times"] = [
        {"id": "withdraw-bank", "what": {"zh": "提现", "en": "Withdrawal"}, "min": 2, "max": 4, "unit": "business-days"},
        {"id": "top-up-card", "what": {"zh": "卡充值", "en": "Card top-up"}, "max": 1, "unit": "hours"},
        {"id": "document-age", "what": {"zh": "文件时限", "en": "Document age"}, "max": 6, "unit": "months"},
        # the playbook (data/playbook.yml, read as shipped) words this one with {time:two-factor-reset}
        {"id": "two-factor-reset", "what": {"zh": "重置", "en": "Reset"}, "min": 1, "max": 2, "unit": "business-days"},
    ]
    # Issue 19 (articles): facts that refer to the fees, times and regions chosen above.
    data["assets"] = [
        {"id": "usdt-tron", "coin": "USDT", "network": "TRC-20", "chain": {"zh": "波场", "en": "TRON"},
         "fee_coin": "TRX", "confirmations": 19, "convert_min": 15},
        {"id": "trx", "coin": "TRX", "network": "TRON", "chain": {"zh": "波场", "en": "TRON"},
         "fee_coin": "TRX", "confirmations": 3, "convert_min": 25000},
    ]
    data["funding_methods"] = [
        {"id": "card-in", "direction": "top-up", "fee": "card", "time": "top-up-card", "min": 5, "daily_max": 1500},
        {"id": "bank-out", "direction": "withdraw", "fee": "withdraw-bank", "time": "withdraw-bank", "min": 20,
         "daily_max": 12000},
        {"id": "coin-out", "direction": "withdraw", "method": {"zh": "换币", "en": "Coins out"}, "fee": "card",
         "time": "top-up-card", "min": 10, "daily_max": 900},
        {"id": "coin-in", "direction": "top-up", "method": {"zh": "币换余额", "en": "Coins in"}, "fee": "card",
         "time": "top-up-card", "daily_max": 800},
    ]
    data["regulators"] = [{"id": "alpha-authority", "name": {"zh": "甲地监管局", "en": "Alpha Authority"},
                           "url": "https://register.alpha-authority.example.org/firms",
                           "source": "https://register.alpha-authority.example.org/about"}]
    data["licences"] = [{"id": "alpha-emi", "region": "alpha", "regulator": "alpha-authority",
                         "kind": {"zh": "电子货币牌照", "en": "E-money license"}, "number": "EMI-777"},
                        {"id": "beta-reg", "region": "beta", "regulator": "alpha-authority",
                         "kind": {"zh": "登记", "en": "Registration"}, "number": "REG-778"}]
    data["complaints"].update(acknowledge_business_days=3, final_response_business_days=12,
                              escalation=[{"region": "beta", "body": "alpha-authority"}])
    data["company"]["known_as"] = {"zh": ["甲钱包", "乙钱包"], "en": ["A Wallet", "B Wallet", "C Wallet"]}
    data["merchant"].update(settlement="top-up-card", pricing={"zh": "每笔收 2% 手续费。", "en": "We charge 2% a payment."})
    data["identity_help"] = [
        {"id": "gamma-help", "region": "gamma", "name": {"zh": "丙地中心", "en": "Gamma Centre"},
         "what": {"zh": "不服务的地区。", "en": "Not served."}, "url": "https://gamma.example.org/",
         "source": "https://gamma.example.org/"},
        {"id": "alpha-freeze", "region": "alpha", "name": {"zh": "甲地信用冻结", "en": "Alpha credit freeze"},
         "what": {"zh": "免费冻结信用档案。", "en": "Freeze your credit file for free."},
         "url": "https://credit.alpha.example.org/freeze", "source": "https://credit.alpha.example.org/about"},
    ]
    data["product"]["safeguarding"] = {"zh": "余额放在 {brand} 的保障账户里。", "en": "{brand} safeguards your balance."}
    data["product"]["unauthorized"] = {
        "report_days": 45, "decision_business_days": 7,
        "text": {"zh": "{report_days} 天内报告，{decision_days} 个工作日内答复。",
                 "en": "Tell us within {report_days} days; we answer within {decision_days} business days."}}
    path = tmp_path / "registry.yml"
    path.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def page_macros(registry, monkeypatch):
    monkeypatch.setenv("OKPAY_REGISTRY", str(registry))
    monkeypatch.delenv(macros.PRODUCTION_ENV, raising=False)
    env = FakeEnv()
    macros.define_env(env)

    def call(lang, name, *args):
        """A macro as a page in `lang` calls it (the language comes from the current page)."""
        env.page = SimpleNamespace(file=SimpleNamespace(locale=lang, src_path=f"{lang}/x.md"), url="x/")
        return env.macros[name](*args)
    return call


@pytest.mark.parametrize("steps, zh, expected", [
    (["Me", "Security"], False, "**Me** → **Security**"),
    (["Home", "Activity", {"do": "tap the transaction"}], False, "**Home** → **Activity**, then tap the transaction"),
    (["首页", "账单", {"do": "点开该笔交易"}], True, "「首页」 → 「账单」，再点开该笔交易"),
    (["Sign-in screen", "Create a new wallet"], False, "**Create a new wallet** on the sign-in screen"),
    (["登录页", "创建新钱包"], True, "登录页上的「创建新钱包」"),
    ([{"do": "sign in on the web"}, "Help", "Live chat"], False, "sign in on the web, then tap **Help** → **Live chat**"),
    ([{"do": "登录网页版"}, "帮助"], True, "登录网页版后，点「帮助」"),
])
def test_ui_paths_read_as_sentences(steps, zh, expected):
    screens = ["登录页"] if zh else ["Sign-in screen"]
    assert macros.ui_words(steps, screens, ui.load()["ui_path"]["zh" if zh else "en"]) == expected


def test_fees_are_worded_from_the_schedule(page_macros):
    m = page_macros
    assert m("en", "fee", "withdraw-bank") == "2 USD per transaction"
    assert m("en", "fee", "card") == "1.25% of the amount"
    assert m("en", "fee", "send-crypto").startswith("Free, plus the blockchain network fee")
    assert "| Card | 1.25% of the amount |" in m("en", "fee_table")
    assert m("zh", "fee", "withdraw-bank") == "每笔 2 美元"
    assert m("zh", "fee_effective") == "2027年1月15日"       # the footer's format
    assert m("en", "fee_effective") == "January 15, 2027"


def test_regions_say_what_is_offered_where(page_macros):
    m = page_macros
    assert "Gamma: OKPay is not offered there" in m("en", "region_statement", "gamma")
    assert "wallet and payment services only" in m("en", "region_statement", "beta")
    assert m("en", "region_table").splitlines()[2:] == [
        "| Alpha | Offered | Offered |", "| Beta | Offered | Not offered |", "| Gamma | Not offered | Not offered |"]
    assert m("zh", "region_statement", "gamma").startswith("OKPay 不在丙地提供服务")


def test_typical_times_give_the_range_and_the_threshold(page_macros):
    m = page_macros
    assert m("en", "typical_time", "withdraw-bank") == "2–4 business days"
    assert m("en", "typical_time", "withdraw-bank", "max") == "4 business days"
    assert m("en", "typical_time", "top-up-card") == "within 1 hour"
    assert m("zh", "typical_time", "withdraw-bank") == "2 到 4 个工作日"
    assert m("zh", "typical_time", "withdraw-bank", "max") == "4 个工作日"
    assert m("en", "typical_times_table", "top-up").splitlines()[2:] == ["| Card top-up | within 1 hour |"]
    assert m("en", "typical_time", "document-age", "max") == "6 months"
    assert m("zh", "typical_time", "document-age", "max") == "6 个月"


def test_call_policy_follows_the_registry(page_macros, registry, monkeypatch):
    m = page_macros
    assert m("en", "call_policy").startswith("Only in one case: you booked a call-back yourself in the app")
    assert "**Call-back requests**" in m("en", "call_verify_steps")
    data = load_yaml(registry.read_text(encoding="utf-8"))
    data["call_policy"]["outbound_calls"] = "never"
    data["call_policy"]["verify"] = {"zh": ["挂断。"], "en": ["Hang up."]}
    registry.write_text(dump_yaml(data, allow_unicode=True), encoding="utf-8")
    env = FakeEnv()
    macros.define_env(env)
    env.page = SimpleNamespace(file=SimpleNamespace(locale="en", src_path="en/x.md"), url="x/")
    assert env.macros["call_policy"]().startswith("No. OKPay never phones customers.")
    assert env.macros["call_verify_steps"]() == "1. Hang up."


def test_safe_to_tap_names_only_the_registry_places(page_macros):
    text = page_macros("en", "safe_to_tap")
    assert "(../contact/phone-hotline.md#hotline-numbers)" in text
    assert "**Call us**" in text
    assert "one a caller gives you" in text


def test_limits_come_from_the_registry(page_macros):
    table = page_macros("en", "limits_table")
    assert "| Not verified | 150 USD | 300 USD | Not available |" in table
    assert "| Verified | 5,000 USD | 20,000 USD | 20,000 USD |" in table
    assert "| 未完成身份认证 | 150 美元 | 300 美元 | 不可用 |" in page_macros("zh", "limits_table")
    assert page_macros("en", "limits_reset") == "every day at midnight Hong Kong Time (UTC+8)"


def test_chat_languages_come_from_the_registry(page_macros):
    assert page_macros("en", "chat_languages") == "Chinese and English"
    assert page_macros("zh", "chat_languages") == "中文和英文"


def test_currencies_per_region_come_from_the_registry(page_macros):
    table = page_macros("en", "currency_table")
    assert "| Alpha | AAA, USD |" in table and "| Beta | BBB |" in table and "Gamma" not in table
    assert "| 甲地 | AAA、USD |" in page_macros("zh", "currency_table")
def test_product_model_and_authorities_come_from_the_registry(page_macros):
    """What a freeze does per asset, the unfreeze time, the features and the authorities: each
    from the registry, and no authority number as a tap-to-call link (tap: false)."""
    table = page_macros("en", "custody_table")
    assert table.splitlines()[0] == "| What | Held by | Controlled by | When your account is frozen |"
    assert "Your bank" in table and "You (self-custody)" in table
    assert page_macros("en", "freeze_lift").endswith("We usually finish within 24 hours.")
    assert "24 小时" in page_macros("zh", "freeze_lift")
    assert page_macros("en", "feature", "address-allowlist").startswith("**Address allowlist**: ")
    assert "24 hours" in page_macros("en", "feature", "address-allowlist")
    assert page_macros("en", "authority", "sg-scamshield") == "ScamShield Helpline 1799"
    assert "tel:" not in page_macros("en", "authorities_by_region")
    lines = page_macros("zh", "authorities_by_region").splitlines()
    assert [line.split("**")[1] for line in lines] == ["甲地", "乙地"]
    # a region without an authority gets the playbook's words for "your local police" (whatever they say today)
    local_police = load_yaml((ROOT / "data" / "playbook.yml").read_text(encoding="utf-8"))["labels"]["local-police"]["zh"]
    assert local_police in lines[1]
# Issue 19 (articles): the fact tables of the six new articles.

def rows(table: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()]


def test_the_asset_table_has_every_coin_with_its_figures(page_macros):
    en = rows(page_macros("en", "asset_table"))
    # Self-custody: no deposit minimum or fee in the token; the fee is paid in the network's coin.
    assert en[0] == ["Coin", "Network", "Confirmations before it shows as confirmed", "Network fee paid in",
                     "Minimum to convert to your balance"]
    assert en[2] == ["USDT", "TRC-20 (TRON)", "19", "TRX", "15 USDT"]
    # the chain is not repeated when it is the network's own name; thousands are grouped
    assert en[3] == ["TRX", "TRON", "3", "TRX", "25,000 TRX"]
    zh = rows(page_macros("zh", "asset_table"))
    assert zh[0][:2] == ["币种", "网络"] and zh[2][1] == "TRC-20（波场）"


def test_the_funding_tables_join_fees_times_and_limits(page_macros):
    out = rows(page_macros("en", "funding_table", "withdraw"))
    assert out[0] == ["Method", "Fee", "Usually takes", "Minimum per transaction", "Daily maximum"]
    assert out[2] == ["Withdraw", "2 USD per transaction", "2–4 business days", "20 USD", "12,000 USD"]
    assert out[3] == ["Coins out", "1.25% of the amount", "within 1 hour", "10 USD", "900 USD"]
    assert len(out) == 4                       # the top-up methods are not in the withdrawal table
    into = rows(page_macros("zh", "funding_table", "top-up"))
    assert into[2] == ["卡", "金额的 1.25%", "1 小时内", "5 美元", "1,500 美元"]
    # converting crypto has its minimum per coin (the coin table), and a daily maximum of its own
    assert into[3][0] == "币换余额" and into[3][3].startswith("按币种") and into[3][4] == "800 美元"


def test_an_unknown_funding_direction_names_the_choices(page_macros):
    with pytest.raises(PluginError, match="top-up, withdraw"):
        page_macros("en", "funding_table", "sideways")


def test_licences_and_escalation_link_the_regulators_own_page(page_macros):
    licence = rows(page_macros("en", "licence_table"))
    assert licence[2] == ["Alpha", "E-money license", "EMI-777",
                          "[Alpha Authority](https://register.alpha-authority.example.org/firms)"]
    escalation = rows(page_macros("zh", "escalation_table"))
    assert escalation[2] == ["乙地", "[甲地监管局](https://register.alpha-authority.example.org/firms)"]


def test_complaint_times_and_aliases_are_worded_per_language(page_macros):
    assert page_macros("zh", "complaint_times") == "3 个工作日内确认收到投诉，12 个工作日内给出最终答复"
    assert page_macros("en", "complaint_times") == ("we confirm we've received it within 3 business days and send "
                                                    "our final answer within 12 business days")
    # no 顿号 before a quoted name in Chinese: the last one is joined with 和
    assert page_macros("zh", "brand_aliases") == "“甲钱包”和“乙钱包”"
    assert page_macros("en", "brand_aliases") == '"A Wallet", "B Wallet" or "C Wallet"'    # straight quotes in English


def test_the_app_store_publisher_is_explained_next_to_the_company(page_macros, registry):
    data = load_yaml(registry.read_text(encoding="utf-8"))
    relation = page_macros("en", "publisher_relation")
    assert f"**{data['brand']['publisher']}**" in relation and data["company"]["legal_name"] in relation


def test_the_domain_rule_names_only_the_domains_not_under_another(page_macros, registry):
    # The checker (channel-check.js officialDomain) trusts a listed domain and every name under
    # one; the pages state that rule with the top-level domains only (a listed subdomain is
    # already under its parent).
    data = load_yaml(registry.read_text(encoding="utf-8"))
    domains = [item["domain"] for item in data["domains"]]
    roots = [d for d in domains if not any(d.endswith("." + o) for o in domains)]
    assert roots and len(roots) < len(domains)
    rule = page_macros("en", "domain_rule")
    assert all(f"`.{root}`" in rule for root in roots)
    assert not any(f"`.{d}`" in rule for d in domains if d not in roots)
    assert "{suffixes}" not in page_macros("zh", "domain_rule")


def test_an_account_without_an_at_handle_is_written_as_its_platform_shows_it(page_macros, registry):
    data = load_yaml(registry.read_text(encoding="utf-8"))
    wechat = next(item for item in data["social"] if "shown_as" in item)
    zh, en = page_macros("zh", "social_table"), page_macros("en", "social_table")
    handle = wechat["handle"].replace("_", "&#95;")    # escaped as literal Markdown text
    assert f"（微信号：{handle}）" in zh and f"(WeChat ID: {handle})" in en
    assert f"@{handle}" not in zh.split(wechat["platform"]["zh"])[1].splitlines()[0]


def test_identity_help_lists_each_served_regions_bodies_with_their_pages(page_macros):
    en = page_macros("en", "identity_help").splitlines()
    # only served regions (gamma is not), each body linked to the page a reader opens
    assert en == ["- **Alpha**: [Alpha credit freeze](https://credit.alpha.example.org/freeze). "
                  "Freeze your credit file for free."]
    assert page_macros("zh", "identity_help") == ("- **甲地**：[甲地信用冻结](https://credit.alpha.example.org/freeze)。"
                                                  "免费冻结信用档案。")


def test_safeguarding_unauthorized_payments_and_merchant_pricing_come_from_the_registry(page_macros, registry):
    brand = load_yaml(registry.read_text(encoding="utf-8"))["brand"]["name"]
    assert page_macros("en", "safeguarding") == f"{brand} safeguards your balance."
    assert page_macros("en", "unauthorized_payments") == "Tell us within 45 days; we answer within 7 business days."
    assert page_macros("zh", "unauthorized_payments") == "45 天内报告，7 个工作日内答复。"
    assert page_macros("en", "merchant_pricing") == "We charge 2% a payment."
