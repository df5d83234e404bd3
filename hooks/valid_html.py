"""Make the markup Material 9.8.1's templates emit valid HTML (the Nu Html Checker, make test).

Two things, both in templates we would otherwise have to copy whole (base.html, nav-item.html):

1. The drawer and search toggles are checkboxes with autocomplete="off", which HTML does not allow
   on checkboxes (Nu: "Attribute autocomplete is only allowed when the input type is ...").
   Material put it there so that Firefox does not restore a checked toggle on reload (a drawer or
   search overlay open on arrival; mkdocs-material#1513). The same effect in valid markup: the
   attribute goes, and a one-line script right after the toggles unchecks them. Firefox restores a
   control's state when the parser creates it, so the script runs after that and wins.
2. With navigation.tabs, top-level section labels get tabindex="" (an empty value, invalid;
   browsers ignore it, so dropping it changes nothing).

Runs before the minify plugin (priority 100), on the templates' own markup. The build fails if
the toggles are not found once each, i.e. when a Material upgrade changed them: check this hook.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

TOGGLES = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
           '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">')
VALID_TOGGLES = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
                 '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
                 '    <script>document.getElementById("__drawer").checked=document.getElementById("__search").checked=!1</script>')
EMPTY_TABINDEX = ' tabindex=""'


def fix(html: str, where: str) -> str:
    if html.count(TOGGLES) != 1:
        raise PluginError(f"{where}: Material's drawer/search toggles not found once; check "
                          "hooks/valid_html.py against this Material version")
    return html.replace(TOGGLES, VALID_TOGGLES).replace(EMPTY_TABINDEX, "")


@event_priority(100)  # before the minify plugin rewrites the markup
def on_post_page(output: str, page, config) -> str:
    return fix(output, page.file.src_uri)


@event_priority(100)
def on_post_template(output: str, template_name: str, config) -> str:
    # 404.html is rendered as a static template, not a page.
    if template_name == "404.html":
        return fix(output, template_name)
    return output
