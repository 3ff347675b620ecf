"""Word sheets a screen reader can follow (heading styles, repeated header rows, alt text, language) and
the PDF's language and title (ReportLab writes no tags: README says so and points to the HTML and Word)."""

from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from portfolio_builder.core.documents import render_portfolio_pdf, render_sheets_docx
from portfolio_builder.core.documents.docx_common import add_picture, new_sheet, to_bytes
from portfolio_builder.core.documents.portfolio_view import PortfolioView

from .snapshot_factory import fpa_snapshot, iif_snapshot, tiny_jpeg

WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


@pytest.mark.parametrize("make", [fpa_snapshot, iif_snapshot], ids=["fpa", "iif"])
def test_every_sheet_has_headings_header_rows_and_a_language(make):
    """Each sheet's title is a real Heading 1 (not big bold text); every grid table's first row is marked as a
    header row repeated on each page (label | value tables have none); the document says it is in English (UK)
    and has a title."""
    for name, data in render_sheets_docx(make()).items():
        doc = Document(BytesIO(data))
        headings = [p for p in doc.paragraphs if p.style.name.startswith("Heading")]
        assert headings and headings[0].style.name == "Heading 1", name
        for (
            table
        ) in doc.tables:  # grid tables; a two-column table is "label | value", with no header row
            if len(table.columns) > 2:
                assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, (
                    name
                )
        lang = doc.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
        )
        assert lang is not None and lang.get(qn("w:val")) == "en-GB", name
        assert doc.core_properties.title, name
        for doc_pr in doc.element.body.iter(
            WP_DOCPR
        ):  # any picture a sheet carries says what it shows
            assert doc_pr.get("descr"), name


def test_a_picture_in_a_sheet_carries_its_alt_text():
    """A picture put in a Word sheet by the house helper has alt text (descr) a screen reader reads."""
    doc = new_sheet(PortfolioView(fpa_snapshot()), "Photos")
    add_picture(doc, tiny_jpeg(), "Parents' coffee morning in the hall")
    again = Document(BytesIO(to_bytes(doc)))
    described = [d.get("descr") for d in again.element.body.iter(WP_DOCPR)]
    assert described == ["Parents' coffee morning in the hall"]


def test_the_pdf_has_a_language_and_shows_its_title():
    """ReportLab cannot tag a PDF, but it sets what it can: the language (/Lang) and a title the viewer shows."""
    out = BytesIO()
    render_portfolio_pdf(fpa_snapshot(), out, lambda _id: None)
    reader = PdfReader(BytesIO(out.getvalue()))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert "portfolio" in reader.metadata.title
