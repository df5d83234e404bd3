"""Draw the link-preview images (og:image), one per language, into docs/assets/images/.

Chat apps show this card when an agent pastes a link. The images are committed, so the build
needs neither Pillow nor a font; re-run this after changing the brand name in data/registry.yml.
Needs Pillow (requirements-dev.txt) and a CJK font (Debian: apt-get install fonts-noto-cjk).
"""

import argparse
import shutil
import subprocess
import sys
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


def _font(path: str, size: int, face: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(path, size, index=face)
    except OSError:   # a single-face font (the fontconfig fallback) has only face 0
        return ImageFont.truetype(path, size)


def draw(lang: str, brand: Brand, font_path: str, out: Path) -> None:
    image = Image.new("RGB", SIZE, INDIGO)
    pen = ImageDraw.Draw(image)
    language = Layout.load().language(lang)
    face = FACE.get((language.script, language.variant), 0)
    big, small = _font(font_path, 96, face), _font(font_path, 40, face)
    pen.rounded_rectangle((80, 80, 200, 200), radius=28, fill=WHITE)
    pen.text((140, 140), brand.name[:2], font=ImageFont.truetype(font_path, 56), fill=INDIGO, anchor="mm")
    pen.text((80, 300), brand.help_center[lang], font=big, fill=WHITE)
    pen.text((80, 450), ui.load()["og_tagline"][lang], font=small, fill=PALE)
    image.save(out, optimize=True)


def cjk_font() -> str | None:
    """Noto Sans CJK Bold where Debian puts it, else the bold Chinese font fontconfig knows: a font
    without CJK glyphs would draw every Chinese title as empty boxes."""
    if Path(FONT).is_file():
        return FONT
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh:style=Bold"],
                               capture_output=True, text=True).stdout.strip()
        if found and subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True,
                                    text=True).stdout.count(found):
            return found
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--font", default=None, help=f"a font file with CJK glyphs (default: {FONT}, "
                        "else the Chinese font fontconfig finds)")
    parser.add_argument("--out", type=Path, default=project.root() / "docs" / "assets" / "images")
    args = parser.parse_args(argv)
    args.font = args.font or cjk_font()
    if not args.font or not Path(args.font).is_file():
        print(f"og-images: no font with CJK glyphs (looked for {args.font or FONT} and fc-list :lang=zh); "
              "install one (Debian: apt-get install fonts-noto-cjk) or pass --font FILE", file=sys.stderr)
        return 2
    brand = registry.model().brand
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in registry.LANGS:
        target = args.out / f"og-{lang}.png"
        draw(lang, brand, args.font, target)
        print(f"{target}: {target.stat().st_size} bytes")
    return 0

