"""Material's shipped files reach site/ byte for byte: nothing of the theme is patched.

Every file the build copies from the installed Material package (its JavaScript, CSS, fonts,
images) must be identical to the wheel's; behaviour changes go through supported points only
(template blocks with super(), plugin options, our own files).
"""

from __future__ import annotations

from pathlib import Path

import material

THEME = Path(material.__file__).parent / "templates"


def test_every_copied_material_asset_is_identical_to_the_wheel(site):
    compared, changed = 0, []
    for shipped in (THEME / "assets").rglob("*"):
        if not shipped.is_file() or shipped.suffix in (".html", ".py"):
            continue
        built = site.dir / shipped.relative_to(THEME)
        if not built.exists():
            continue    # not copied (Material ships more than a site uses)
        compared += 1
        if built.read_bytes() != shipped.read_bytes():
            changed.append(str(shipped.relative_to(THEME)))
    assert compared > 20, f"only {compared} Material assets found in the build"
    assert not changed, f"Material files modified in site/: {changed}"


def test_the_search_worker_and_bundle_are_materials_own(site):
    """The two files hooks used to rewrite: still byte-identical, and still in the build."""
    for pattern in ("assets/javascripts/bundle.*.min.js", "assets/javascripts/workers/search.*.min.js"):
        built = list(site.dir.glob(pattern))
        assert len(built) == 1, pattern
        shipped = THEME / built[0].relative_to(site.dir)
        assert built[0].read_bytes() == shipped.read_bytes(), pattern
