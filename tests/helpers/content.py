"""A pair of pages that obey every content rule, and the date the rules are checked on."""

import datetime as dt
import shutil
import textwrap
from pathlib import Path

from helpcenter import edition
from tests.helpers.paths import ROOT

GOOD = {
    "zh": """\
        ---
        id: password-reset
        title: 忘记密码怎么办
        description: 在登录页点「忘记密码」，用绑定的邮箱或手机收验证码即可重设。
        tags: [account, password]
        reviewed: 2026-11-20
        ---

        在登录页点「忘记密码」即可重设，整个过程约 2 分钟。

        ## 怎样重设密码？ {#reset}

        1. 打开 {{ app_name() }}。
        2. 按 {{ ui("forgot-password") }} 操作。

        !!! warning "注意"

            验证码只填在官方 App 里。

        ## 还是不行？ {#still-stuck}

        请联系客服，见[官方客服渠道](../contact/contact-channels.md)。

        {{ reusable("never-ask") }}
        """,
    "en": """\
        ---
        id: password-reset
        title: Forgot your password?
        description: Tap Forgot password? on the sign-in screen and confirm with the code we send you.
        tags: [account, password]
        reviewed: 2026-11-20
        ---

        Tap Forgot password? on the sign-in screen; it takes about two minutes.

        ## How do I reset my password? {#reset}

        1. Open {{ app_name() }}.
        2. Go to {{ ui("forgot-password") }}.

        !!! warning "Careful"

            Only ever type a code into the official app.

        ## Still stuck? {#still-stuck}

        Contact support through one of the [official channels](../contact/contact-channels.md).

        {{ reusable("never-ask") }}
        """,
}
TODAY = dt.date(2026, 11, 23)


def content_project(root: Path) -> Path:
    """A project folder holding the data, the reusables and just the GOOD pair of pages."""
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "reusables", root / "reusables")
    for lang, text in GOOD.items():
        page = root / "docs" / lang / "account" / "password-reset.md"
        page.parent.mkdir(parents=True)
        page.write_text(textwrap.dedent(text), encoding="utf-8")
    edition.write(root)   # the derived editions (docs/zh-hant/), as `helpcenter derive` writes them
    return root
