"""Draw the link-preview images (og:image), one per language, into docs/assets/images/.

Chat apps show this card when an agent pastes a link. The images are committed, so the build
needs neither Pillow nor a font; re-run this after changing the brand name in data/registry.yml.
Needs Pillow (requirements-dev.txt) and a CJK font (Debian: apt-get install fonts-noto-cjk).
"""

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from helpcenter import project, registry, ui
from helpcenter.layout import Layout
from helpcenter.registry_model import Brand

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SIZE = (1200, 630)
INDIGO, WHITE, PALE = (48, 63, 159), (255, 255, 255), (197, 202, 233)
# The face of Noto Sans CJK's collection for each script and Han variant (0 also draws Latin).
FACE = {("han", "simplified"): 2, ("han", "traditional"): 4, ("latin", None): 0}


def draw(lang: str, brand: Brand, font_path: str, out: Path) -> None:
    image = Image.new("RGB", SIZE, INDIGO)
    pen = ImageDraw.Draw(image)
    language = Layout.load().language(lang)
    face = FACE.get((language.script, language.variant), 0)
    big = ImageFont.truetype(font_path, 96, index=face)
    small = ImageFont.truetype(font_path, 40, index=face)
    pen.rounded_rectangle((80, 80, 200, 200), radius=28, fill=WHITE)
    pen.text((140, 140), brand.name[:2], font=ImageFont.truetype(font_path, 56), fill=INDIGO, anchor="mm")
    pen.text((80, 300), brand.help_center[lang], font=big, fill=WHITE)
    pen.text((80, 450), ui.load()["og_tagline"][lang], font=small, fill=PALE)
    image.save(out, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--font", default=FONT, help="a font file with CJK glyphs (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=project.root() / "docs" / "assets" / "images")
    args = parser.parse_args(argv)
    brand = registry.model().brand
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in registry.LANGS:
        target = args.out / f"og-{lang}.png"
        draw(lang, brand, args.font, target)
        print(f"{target}: {target.stat().st_size} bytes")
    return 0

