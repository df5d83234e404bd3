"""The platform decision (README, "Platform"): the core of the help center does not depend on MkDocs,
so that moving to another generator replaces the plugins and leaves the core as it is."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from tests.helpers.paths import ROOT

# The core: the registry, the playbook, the content rules, the catalog, the search index and engine,
# the site's layout and the published channel document.
CORE = ["helpcenter.registry", "helpcenter.playbook", "helpcenter.catalog", "helpcenter.layout",
        "helpcenter.search.core", "helpcenter.search.index", "helpcenter.official_channels",
        "helpcenter.channel_checker", "helpcenter.project"]
# The content rules, under whichever name this checkout has them.
CORE += [name for name in ("helpcenter.content_lint", "helpcenter.content_rules") if importlib.util.find_spec(name)]
GENERATOR_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_macros", "properdocs")

BLOCKER = f"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {GENERATOR_PACKAGES!r}:
            raise ImportError(f"the core imported {{name}}")
sys.meta_path.insert(0, Block())
for module in {CORE!r}:
    __import__(module)
print("ok")
"""


def test_the_core_imports_without_any_generator():
    result = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr[-2000:]
