"""Small PDF building blocks shared by the sheets: wrapped cells, house tables, thumbnails."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Table, TableStyle

from .pdf_paragraph import DrawnOnlyWhenKept, Paragraph
from .pdf_styles import grid_style, para_text, styles


def cell(value, style: str = "small") -> Paragraph:
    """A table cell that wraps long text; value is user text and is escaped."""
    return Paragraph(para_text(value), styles()[style])


def markup_cell(markup: str, style: str = "small") -> Paragraph:
    """A cell from markup the caller has already escaped."""
    return Paragraph(markup, styles()[style])


def lines_cell(lines: list[str], style: str = "small", empty: str = "") -> Paragraph:
    """A cell listing several user values, one per line."""
    shown = [para_text(line) for line in lines if line]
    return Paragraph("<br/>".join(shown) if shown else para_text(empty), styles()[style])


TALL_ROW = 4.5 * cm  # rows up to this height move to the next page whole; taller ones may split


class HouseTable(DrawnOnlyWhenKept, Table):
    """A Table that splits between rows and breaks a row only when it is tall.

    ReportLab's own splitInRow first splits between rows, then cuts the next row into the space left on the
    same page, printing a second header mid-page; here a short row that does not fit goes to the next page.
    """

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        cut = self._cut_row(availHeight)
        if cut is not None and self._rowHeights[cut] > TALL_ROW:
            return self._splitRows(availHeight, doInRowSplit=True) or self._splitRows(availHeight)
        return self._splitRows(availHeight)

    def _cut_row(self, availHeight: float) -> int | None:
        """The index of the first row that does not fit in availHeight, or None if all fit."""
        used = 0.0
        for n, height in enumerate(self._rowHeights):
            used += height
            if used > availHeight:
                return n
        return None


def house_table(
    header: list[str], rows: list[list], widths: list[float], extra: list | None = None
) -> Table:
    """A grid table in the house style; the header repeats on each page and only tall rows split."""
    data = [[cell(h, "cell_head") for h in header]] + rows
    table = HouseTable(data, colWidths=widths, repeatRows=1, splitInRow=24, hAlign="LEFT")
    table.setStyle(TableStyle(grid_style() + (extra or [])))
    return table


def label_table(pairs: Sequence[tuple[str, object]], width: float) -> Table:
    """A two-column 'label: value' box (lead, dates, summative comment ...)."""
    rows = [[cell(label, "small_bold"), cell(value)] for label, value in pairs]
    table = HouseTable(rows, colWidths=[4.2 * cm, width - 4.2 * cm], hAlign="LEFT", splitInRow=24)
    style = grid_style(header_rows=0) + [
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#E4EEF3"))
    ]
    table.setStyle(TableStyle(style))
    return table


def thumbnail_image(jpeg: bytes | None, max_size: float = 2.0 * cm) -> Image | None:
    """A thumbnail flowable scaled to fit max_size, or None when there is no usable image."""
    if not jpeg:
        return None
    try:
        width, height = ImageReader(BytesIO(jpeg)).getSize()
    except Exception:  # a broken thumbnail must never stop the portfolio
        return None
    if not width or not height:
        return None
    scale = min(max_size / width, max_size / height)
    return Image(BytesIO(jpeg), width=width * scale, height=height * scale)
