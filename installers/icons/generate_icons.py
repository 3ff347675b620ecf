"""Draw the application icon with Pillow and write app.png, app.ico and app.icns to resources/icons.

The icon is a white portfolio (a document folder with a tab) carrying a check mark, on a calm
blue rounded square. It is drawn once at 1024 px and scaled down, so every size is anti-aliased.
Run it again only when the design changes; the generated files are committed.

    .venv/bin/python installers/icons/generate_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

BLUE_TOP = (52, 120, 198)  # calm blue, a little lighter at the top
BLUE_BOTTOM = (31, 86, 160)
PAPER = (255, 255, 255)
TAB = (226, 236, 248)
CHECK = (38, 150, 96)  # a quiet green for "done"
SIZE = 1024
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
ICONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"


def _background(size: int) -> Image.Image:
    """A rounded square with a gentle vertical gradient."""
    gradient = Image.new("RGBA", (1, size))
    for y in range(size):
        t = y / (size - 1)
        gradient.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM)) + (255,)
        )
    gradient = gradient.resize((size, size))
    mask = Image.new("L", (size, size), 0)
    margin = size * 0.06
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=size * 0.2, fill=255
    )
    out = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    out.paste(gradient, (0, 0), mask)
    return out


def draw_icon(size: int = SIZE) -> Image.Image:
    """The master image: portfolio folder with a tab and a check mark."""
    image = _background(size)
    draw = ImageDraw.Draw(image)
    s = size / 1024
    # Folder tab, then the folder body (the portfolio) slightly overlapping it.
    draw.rounded_rectangle((250 * s, 270 * s, 520 * s, 380 * s), radius=36 * s, fill=TAB)
    draw.rounded_rectangle((220 * s, 330 * s, 804 * s, 770 * s), radius=54 * s, fill=PAPER)
    # A soft rule across the folder, like the edge of the flap.
    draw.rounded_rectangle((220 * s, 330 * s, 804 * s, 400 * s), radius=54 * s, fill=TAB)
    draw.rectangle((220 * s, 372 * s, 804 * s, 400 * s), fill=PAPER)
    # Check mark.
    points = [(350 * s, 560 * s), (465 * s, 672 * s), (680 * s, 450 * s)]
    draw.line(points, fill=CHECK, width=round(78 * s), joint="curve")
    radius = 39 * s
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=CHECK)
    return image


def write_icons(target: Path = ICONS_DIR) -> list[Path]:
    """Write app.png (256 px), app.ico (multi-size) and app.icns; returns the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    master = draw_icon()
    written = []
    png = target / "app.png"
    master.resize((256, 256), Image.Resampling.LANCZOS).save(png, optimize=True)
    written.append(png)
    ico = target / "app.ico"
    master.save(ico, sizes=[(n, n) for n in ICO_SIZES])
    written.append(ico)
    icns = target / "app.icns"
    master.save(icns)  # Pillow writes every ICNS size from the 1024 px master
    written.append(icns)
    return written


if __name__ == "__main__":
    for path in write_icons(Path(sys.argv[1]) if len(sys.argv) > 1 else ICONS_DIR):
        print(f"{path} ({path.stat().st_size:,} bytes)")
