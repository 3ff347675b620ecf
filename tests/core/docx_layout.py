"""Layout checks on Word documents for tests: words that cannot fit their table column."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

from portfolio_builder.core.documents.pdf_styles import FONT, FONT_BOLD, register_fonts

CELL_MARGINS_PT = 10.8  # Word's default 0.19 cm left and right
EMU_PER_PT = 12700
DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b")


def words_too_wide(doc, longest: int = 14) -> list[str]:
    """Words and dates ('28 May 2026' counts as one) wider than their table column; longer words (paths,
    links) may break."""
    register_fonts()
    found = []
    for table in doc.tables:
        widths = [column.width / EMU_PER_PT - CELL_MARGINS_PT for column in table.columns]
        for row in table.rows:
            for width, cell in zip(widths, row.cells):
                for run in (r for p in cell.paragraphs for r in p.runs):
                    size = run.font.size.pt if run.font.size else 9.5
                    font = FONT_BOLD if run.bold else FONT
                    tokens = DATE.findall(run.text) + DATE.sub(" ", run.text).split()
                    found += [
                        word
                        for word in tokens
                        if len(word) <= longest and stringWidth(word, font, size) > width
                    ]
    return found
