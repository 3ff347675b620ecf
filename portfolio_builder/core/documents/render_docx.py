"""Render sheets as editable Word documents (data/sheets/*.docx) in the house style."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Cancelled
from ..shape.portfolio_shape import EvidenceShape, PortfolioShape
from .document_plan import word_sheets
from .docx_common import add_fields, add_table, add_text, clean, new_sheet, to_bytes, usable_width
from .portfolio_view import PortfolioView, consent_words, kind_words, nice_date
from .sheet_content import Cell, EvidenceList, Fields, Heading, Paragraphs, Sheet, Table

DATE_CM = 2.75  # '✓ 28 May 2026' on one line at the sheets' 8.5 pt, inside Word's cell margins


def _value(cell: Cell):
    body = "\n".join(cell.lines)
    return (cell.lead, body) if cell.lead else body


def _where(item: EvidenceShape) -> str:
    """Where the assessor finds an item: its path in the bundle, its link, or that it was left out."""
    if item.included is False:
        return "Not included in this bundle"
    return item.path or item.url


def _widths_cm(doc, columns) -> list[float]:
    """Column widths in cm: dates get room for one line, the other columns share the rest by their shares."""
    usable = usable_width(doc) / 360000  # EMU -> cm
    fixed = DATE_CM * sum(1 for c in columns if c.date)
    shares = sum(c.share for c in columns if not c.date) or 1
    return [DATE_CM if c.date else (usable - fixed) * c.share / shares for c in columns]


def sheet_docx(view: PortfolioView, sheet: Sheet):
    """One sheet as a python-docx Document."""
    doc = new_sheet(view, sheet.title, landscape=sheet.landscape)
    for block in sheet.blocks:
        if isinstance(block, Table):
            if not block.rows:
                doc.add_paragraph().add_run(
                    clean(block.empty or "Nothing recorded yet.")
                ).italic = True
                continue
            add_table(
                doc,
                [c.label for c in block.columns],
                [[_value(v) for v in row] for row in block.rows],
                _widths_cm(doc, block.columns),
            )
            doc.add_paragraph()
        elif isinstance(block, Fields):
            add_fields(doc, list(block.pairs))
            doc.add_paragraph()
        elif isinstance(block, Paragraphs):
            if block.body.strip() or block.empty:
                add_text(doc, block.body, block.empty)
        elif isinstance(block, Heading):
            doc.add_heading(clean(block.text), level=2)
        elif isinstance(block, EvidenceList):
            if not block.items:
                doc.add_paragraph().add_run(clean(block.empty)).italic = True
                continue
            add_table(
                doc,
                ["Title", "Kind", "Date", "Consent", "File or link"],
                [
                    [
                        i.title,
                        kind_words(i.kind),
                        nice_date(i.evidence_date),
                        consent_words(i.consent),
                        _where(i),
                    ]
                    for i in block.items
                ],
                [3.3, 1.2, 1.6, 1.2, 3.2],
            )
    return doc


def sheet_file_names(shape: PortfolioShape) -> list[str]:
    """The file names render_sheets_docx will produce, without building them."""
    return [name for name, _ in word_sheets(PortfolioView(shape))]


def render_sheets_docx(
    shape: PortfolioShape, stop: Callable[[], bool] | None = None
) -> dict[str, bytes]:
    """Every sheet as .docx bytes, keyed by file name (for data/sheets/); Cancelled between sheets once
    stop() turns true."""
    view = PortfolioView(shape)
    sheets = {}
    for name, sheet in word_sheets(view):
        if stop is not None and stop():
            raise Cancelled("Export cancelled: no bundle was written.")
        sheets[name] = to_bytes(sheet_docx(view, sheet))
    return sheets
