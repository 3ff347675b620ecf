"""The Word sheets' shared house style: a new document with header, DRAFT banner, wrapped tables, landscape."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .portfolio_view import PortfolioView, text

ACCENT = RGBColor(0x1F, 0x5E, 0x7A)
DRAFT_RED = RGBColor(0xB0, 0x3A, 0x2E)
_XML_BAD = {c: None for c in range(32) if c not in (9, 10, 13)}


def clean(value) -> str:
    """User text Word can store: control characters that XML forbids are dropped."""
    return text(value).translate(_XML_BAD)


def new_sheet(view: PortfolioView, title: str, landscape: bool = False):
    """A document with the house font, a header naming setting and scheme, the title, and DRAFT if draft."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(9.5)
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.6))
    header = section.header.paragraphs[0]
    header.text = clean(f"{view.setting_name} \u2014 {view.scheme_name}" + ("  \u2014  DRAFT" if view.draft else ""))
    header.runs[0].font.size = Pt(8)
    if view.draft:
        banner = doc.add_paragraph()
        run = banner.add_run("DRAFT \u2014 work in progress, not the final portfolio")
        run.bold, run.font.color.rgb, run.font.size = True, DRAFT_RED, Pt(12)
    heading = doc.add_heading(clean(title), level=1)
    for run in heading.runs:
        run.font.color.rgb = ACCENT
    return doc


def usable_width(doc) -> int:
    section = doc.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _shade(cell, hex_fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_fill)
    props.append(shading)


def _write(cell, value, bold: bool = False, size: float = 8.5) -> None:
    lines = clean(value).split("\n")
    paragraph = cell.paragraphs[0]
    for n, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold, run.font.size = bold, Pt(size)
        if n < len(lines) - 1:
            run.add_break()


def add_table(doc, header: list[str], rows: list[list], fractions: list[float]):
    """A grid table: shaded header repeated on every page, columns sized by fractions of the page width."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    width = usable_width(doc)
    widths = [int(width * f / sum(fractions)) for f in fractions]
    for column, w in zip(table.columns, widths):
        column.width = w  # the grid widths LibreOffice and Word both honour
    head = table.rows[0]
    _repeat_header(head)
    for cell, label, w in zip(head.cells, header, widths):
        cell.width = w
        _write(cell, label, bold=True)
        _shade(cell, "DCE8EE")
    for values in rows:
        cells = table.add_row().cells
        for cell, value, w in zip(cells, values, widths):
            cell.width = w
            _write(cell, value)
    return table


def add_fields(doc, pairs: list[tuple[str, object]]):
    """A two-column 'label | value' table; empty values stay as space for writing in."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    width = usable_width(doc)
    table.columns[0].width, table.columns[1].width = int(width * 0.32), int(width * 0.68)
    for label, value in pairs:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = int(width * 0.32), int(width * 0.68)
        _write(cells[0], label, bold=True, size=9)
        _shade(cells[0], "EEF3F6")
        _write(cells[1], value, size=9)
    return table


def add_text(doc, value, empty: str = "") -> None:
    """Free text as paragraphs (blank lines split them); a placeholder line when empty."""
    body = clean(value).strip()
    if not body:
        doc.add_paragraph().add_run(empty).italic = True
        return
    for chunk in body.split("\n\n"):
        if chunk.strip():
            doc.add_paragraph(chunk.strip())


def to_bytes(doc) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
