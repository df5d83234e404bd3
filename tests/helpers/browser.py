"""What a person's browser does: open a page, type into search, and what must never happen."""

from __future__ import annotations

from urllib.parse import urlsplit


def open_page(visit, url):
    visit.page.goto(url)
    visit.page.wait_for_load_state("networkidle")
    return visit.page


def assert_clean(visit, base_url):
    """Zero console errors and zero requests to any host but the site's own."""
    host = urlsplit(base_url).netloc
    foreign = [u for u in visit.requests if urlsplit(u).scheme in ("http", "https")
               and urlsplit(u).netloc != host]
    assert not foreign, f"third-party requests: {foreign}"
    assert not visit.errors, visit.errors


def type_query(page, text: str, *, ime: bool = False) -> int:
    """Type into the focused search box the way a person does; return the number of results."""
    if ime:
        # An input method composes, then commits the text; Material reads the box on keyup.
        cdp = page.context.new_cdp_session(page)
        cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
        cdp.send("Input.insertText", {"text": text})
        page.keyboard.press("End")
    else:
        page.keyboard.type(text, delay=20)
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing|正在初始化|正在載入|Type to start|键入以开始|輸入關鍵字/i.test(m.textContent); }")
    # The worker answers each keystroke's query in turn; on a loaded machine the box can still show
    # an earlier, shorter query's empty answer ("re") when typing ends. Give the last one time.
    links = page.locator(".md-search-result__link")
    for _ in range(20):
        if links.count():
            break
        page.wait_for_timeout(150)
    return links.count()


def search(page, text: str, *, ime: bool = False) -> list[str]:
    """Open the search box from the phone header, type like a person, return the result links."""
    page.click('label[for="__search"]')
    page.locator('input[data-md-component="search-query"]').focus()
    type_query(page, text, ime=ime)
    return page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
