"""The portfolio's one house style: DejaVu fonts, colours, paragraph styles, page frame and footer."""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource_path
from .pdf_paragraph import laying_out

FONT, FONT_BOLD, FONT_ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
INK = colors.HexColor("#1F2933")
ACCENT = colors.HexColor("#1F5E7A")
ACCENT_LIGHT = colors.HexColor("#E4EEF3")
RULE = colors.HexColor("#9FB3C0")
MUTED = colors.HexColor("#5B6770")
DRAFT_GREY = colors.Color(0.80, 0.20, 0.20, alpha=0.13)
PORTRAIT, LANDSCAPE = A4, landscape(A4)
MARGIN = 1.5 * cm


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Embed DejaVu (regular, bold, oblique) so accented, Polish and other names print."""
    for name, file in (
        (FONT, "DejaVuSans.ttf"),
        (FONT_BOLD, "DejaVuSans-Bold.ttf"),
        (FONT_ITALIC, "DejaVuSans-Oblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


_MARKUP_ENTITIES = {'"': "&quot;", "'": "&#39;"}
_CONTROLS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def para_text(value) -> str:
    """User text made safe for Paragraph markup (text or an attribute value): &, <, >, quotes escaped, control
    characters dropped, line breaks kept."""
    if value is None:
        return ""
    text = (
        str(value).encode("utf-8", "surrogatepass").decode("utf-8", "replace").translate(_CONTROLS)
    )
    return escape(text, _MARKUP_ENTITIES).replace("\r\n", "\n").replace("\n", "<br/>")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Named paragraph styles used across every sheet."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.8, leading=10, spaceAfter=0),
        "small_bold": ParagraphStyle(
            "small_bold", parent=body, fontName=FONT_BOLD, fontSize=7.8, leading=10, spaceAfter=0
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=7.8,
            leading=10,
            textColor=colors.white,
            spaceAfter=0,
        ),
        "muted": ParagraphStyle("muted", parent=body, fontName=FONT_ITALIC, textColor=MUTED),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=26,
            leading=32,
            textColor=ACCENT,
            alignment=TA_CENTER,
            spaceAfter=14,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=14, leading=19, alignment=TA_CENTER, spaceAfter=8
        ),
        "draft_banner": ParagraphStyle(
            "draft_banner",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            textColor=colors.HexColor("#B03A2E"),
            alignment=TA_CENTER,
        ),
        "h0": ParagraphStyle(
            "h0",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=25,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=10,
            keepWithNext=1,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "toc0": ParagraphStyle(
            "toc0", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=17, leftIndent=0
        ),
        "toc1": ParagraphStyle("toc1", parent=body, fontSize=9.5, leading=12.5, leftIndent=14),
        "toc2": ParagraphStyle(
            "toc2", parent=body, fontSize=9, leading=11.5, leftIndent=28, textColor=MUTED
        ),
    }


def grid_style(header_rows: int = 1) -> list:
    """Table commands for the house grid: coloured header row, light rules, top-aligned cells."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 7.8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT))
    return commands


def draw_page_frame(canvas, doc) -> None:
    """Header (setting, scheme), footer (page x of y, date) and the DRAFT watermark on every page."""
    if laying_out(canvas):  # a layout pass's pages are never saved
        return
    width, height = canvas._pagesize
    canvas.saveState()
    if getattr(doc, "draft", False):
        canvas.setFillColor(DRAFT_GREY)
        canvas.setFont(FONT_BOLD, 110)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35 if width < height else 25)
        canvas.drawCentredString(0, -35, "DRAFT")
        canvas.rotate(-(35 if width < height else 25))
        canvas.translate(-width / 2, -height / 2)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, height - MARGIN + 8, width - MARGIN, height - MARGIN + 8)
    canvas.line(MARGIN, MARGIN - 10, width - MARGIN, MARGIN - 10)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN, height - MARGIN + 12, doc.setting_name[:90])
    right = doc.scheme_name[:80] + ("  \u2014  DRAFT" if getattr(doc, "draft", False) else "")
    canvas.drawRightString(width - MARGIN, height - MARGIN + 12, right)
    total = doc.page_total or doc.page
    canvas.drawRightString(width - MARGIN, MARGIN - 22, f"Page {doc.page} of {total}")
    canvas.drawString(MARGIN, MARGIN - 22, doc.footer_note)
    canvas.restoreState()
