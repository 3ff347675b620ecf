"""Generated sample evidence files (photos with EXIF, Word and PDF documents, minutes) for the demo."""

from __future__ import annotations

import io
import random
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..resources import resource_path

PALETTES = [
    ((70, 130, 180), (240, 200, 80)),
    ((60, 150, 90), (250, 240, 220)),
    ((200, 90, 70), (250, 220, 160)),
    ((120, 90, 160), (230, 220, 250)),
    ((40, 110, 120), (250, 200, 190)),
]


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path("fonts", "DejaVuSans-Bold.ttf")), size)


def make_photo(
    path: Path, caption: str, taken: datetime, seed: int, with_gps: bool = False
) -> Path:
    """A 1600x1200 JPEG 'photo' of an activity, with an EXIF date (and GPS when asked, to be stripped)."""
    rng = random.Random(seed)
    sky, ground = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (1600, 1200), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 780, 1600, 1200), fill=ground)
    for _ in range(6):  # people at an event, as simple figures
        x, h = rng.randint(100, 1450), rng.randint(260, 380)
        colour = tuple(rng.randint(40, 220) for _ in range(3))
        draw.ellipse((x, 800 - h, x + 90, 800 - h + 90), fill=(235, 200, 170))
        draw.rounded_rectangle((x - 20, 800 - h + 95, x + 110, 900), 30, fill=colour)
    draw.rectangle((0, 1060, 1600, 1200), fill=(255, 255, 255))
    draw.text((40, 1090), caption, fill=(30, 30, 30), font=_font(46))
    exif = Image.Exif()
    exif[0x0132] = taken.strftime("%Y:%m:%d %H:%M:%S")
    exif[0x0110] = "Sample Camera"
    exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if with_gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 29.0, 10.0), 3: "W", 4: (1.0, 53.0, 40.0)})
    image.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def make_docx(path: Path, title: str, paragraphs: list[str]) -> Path:
    """A Word document such as a policy or a newsletter."""
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def make_pdf(path: Path, title: str, paragraphs: list[str]) -> Path:
    """A PDF document such as a prospectus page or a survey summary."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    story = [Paragraph(title, styles["Title"]), Spacer(1, 12)]
    story += [Paragraph(p, styles["BodyText"]) for p in paragraphs]
    SimpleDocTemplate(buffer, pagesize=A4, title=title, invariant=1).build(story)
    path.write_bytes(buffer.getvalue())
    return path


def make_text(path: Path, lines: list[str]) -> Path:
    """Plain-text minutes or notes."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sample_file(
    folder: Path,
    index: int,
    kind: str,
    title: str,
    when: datetime,
    setting: str,
    note: str = "Written by the setting's team for its own portfolio.",
) -> Path:
    """One generated evidence file of a kind ('photo', 'docx', 'pdf', 'text') for a fictional setting's sample."""
    stem = (
        folder
        / f"{index:02d}-{''.join(c if c.isalnum() else '-' for c in title.lower())[:40].strip('-')}"
    )
    paragraphs = [
        f"{title}.",
        f"{setting}, {when:%B %Y}.",
        note,
        "This sample document was generated for the Portfolio Builder demonstration.",
    ]
    if kind == "photo":
        return make_photo(
            stem.with_suffix(".jpg"), title, when, seed=index, with_gps=index % 3 == 0
        )
    if kind == "docx":
        return make_docx(stem.with_suffix(".docx"), title, paragraphs)
    if kind == "pdf":
        return make_pdf(stem.with_suffix(".pdf"), title, paragraphs)
    return make_text(stem.with_suffix(".txt"), [title, ""] + paragraphs)
