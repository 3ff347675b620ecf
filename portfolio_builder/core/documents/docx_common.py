"""The Word sheets' shared house style: a new document with header, DRAFT banner, wrapped tables, landscape."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Protocol

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .docx_template import house_template
from .portfolio_view import text

DRAFT_RED = RGBColor(0xB0, 0x3A, 0x2E)
_XML_BAD = {c: None for c in range(32) if c not in (9, 10, 13)}


def clean(value) -> str:
    """User text Word can store: control characters that XML forbids are dropped."""
    return text(value).translate(_XML_BAD)


HEAD_FILL, LABEL_FILL = "1F5E7A", "E4EEF3"  # the PDF's header and label colours
MUTED = RGBColor(0x5B, 0x67, 0x70)


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay the pages out."""
    for kind, body in (("begin", None), (None, code), ("end", None)):
        run = paragraph.add_run()
        run.font.size, run.font.color.rgb = Pt(8), MUTED
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {body} "
        run._r.append(element)


class SheetLook(Protocol):
    """What a sheet's header and title need (a PortfolioView has it): whose, under which scheme, and if a draft."""

    @property
    def setting_name(self) -> str: ...

    @property
    def scheme_name(self) -> str: ...

    @property
    def draft(self) -> bool: ...


def _header_and_footer(section, view: SheetLook, title: str) -> None:
    """Header: setting and scheme, with DRAFT in bold red; footer: the sheet's title and 'Page x of y'."""
    header = section.header.paragraphs[0]
    run = header.add_run(clean(f"{view.setting_name} \u2014 {view.scheme_name}"))
    run.font.size, run.font.color.rgb = Pt(8), MUTED
    if view.draft:
        run = header.add_run("  \u2014  DRAFT")
        run.bold, run.font.size, run.font.color.rgb = True, Pt(8), DRAFT_RED
    footer = section.footer.paragraphs[0]
    run = footer.add_run(clean(f"{title}  \u00b7  Page "))
    run.font.size, run.font.color.rgb = Pt(8), MUTED
    _field(footer, "PAGE")
    run = footer.add_run(" of ")
    run.font.size, run.font.color.rgb = Pt(8), MUTED
    _field(footer, "NUMPAGES")


def new_sheet(view: SheetLook, title: str, landscape: bool = False):
    """A document with the house font, a header naming setting and scheme, the title, and DRAFT if draft."""
    doc = Document(BytesIO(house_template()))
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.6))
    _header_and_footer(section, view, title)
    doc.core_properties.title = clean(f"{title} \u2014 {view.setting_name}")
    doc.core_properties.language = "en-GB"
    if view.draft:
        banner = doc.add_paragraph()
        run = banner.add_run("DRAFT \u2014 work in progress, not the final portfolio")
        run.bold, run.font.color.rgb, run.font.size = True, DRAFT_RED, Pt(12)
    doc.add_heading(clean(title), level=1)
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


def lead_in(bold_part, rest) -> tuple[str, str]:
    """A cell value whose first words are bold, as the PDF prints a descriptor's code: ('1a', 'Trust ...')."""
    return clean(bold_part), clean(rest)


def _plain(value) -> str:
    return " ".join(value) if isinstance(value, tuple) else clean(value)


def _write(
    cell, value, bold: bool = False, size: float = 8.5, colour: RGBColor | None = None
) -> None:
    paragraph = cell.paragraphs[0]
    if isinstance(value, tuple):
        first = paragraph.add_run(value[0] + " ")
        first.bold, first.font.size = True, Pt(size)
        value = value[1]
    lines = clean(value).split("\n")
    for n, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold, run.font.size = bold, Pt(size)
        if colour is not None:
            run.font.color.rgb = colour
        if n < len(lines) - 1:
            run.add_break()


def _keep_row_whole(row, values: list, widths: list[int]) -> None:
    """Stop a row breaking across pages when it is short (about a third of a page at most); long rows may."""
    tallest = 0.0
    for value, width in zip(values, widths):
        per_line = max(8, int(width / 12700 / 4.8))  # EMU -> pt; ~4.8 pt per character at 8.5 pt
        lines = sum(1 + len(line) // per_line for line in _plain(value).split("\n"))
        tallest = max(tallest, lines * 10.5)
    if tallest <= 170:
        flag = OxmlElement("w:cantSplit")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)


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
        _write(cell, label, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
        _shade(cell, HEAD_FILL)
    for values in rows:
        row = table.add_row()
        _keep_row_whole(row, values, widths)
        for cell, value, w in zip(row.cells, values, widths):
            cell.width = w
            _write(cell, value)
    return table


def add_fields(doc, pairs: Sequence[tuple[str, object]]):
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
        _shade(cells[0], LABEL_FILL)
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


def add_picture(doc, data: bytes, alt_text: str, width=None):
    """A picture with its alt text (wp:docPr descr and title) for screen readers; returns the inline shape."""
    shape = doc.add_paragraph().add_run().add_picture(BytesIO(data), width=width)
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", clean(alt_text))
    doc_pr.set("title", clean(alt_text))
    return shape


def to_bytes(doc) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
