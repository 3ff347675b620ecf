"""The printable portfolio.pdf: contents with true page numbers, bookmarks, every descriptor and key item, DRAFT."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from portfolio_builder.core.documents import render_portfolio_pdf
from portfolio_builder.core.shape.portfolio_shape import read_shape

from .snapshot_factory import (
    empty_snapshot,
    fpa_snapshot,
    fpa_snapshot_dict,
    iif_snapshot,
    iif_snapshot_dict,
    tiny_jpeg,
)


def _tiny_thumbnail(_id):
    return tiny_jpeg()


_RENDERED: dict[
    str, tuple
] = {}  # the same portfolio with the same pictures: rendered once per module


def _render(snapshot, thumbnail=_tiny_thumbnail):
    """(reader, text of each page) of the snapshot's PDF; tests only read them, so equal snapshots share one."""
    key = snapshot.model_dump_json() if thumbnail is _tiny_thumbnail else None
    if key is not None and key in _RENDERED:
        return _RENDERED[key]
    out = BytesIO()
    render_portfolio_pdf(snapshot, out, thumbnail)
    reader = PdfReader(BytesIO(out.getvalue()))
    rendered = reader, [page.extract_text() or "" for page in reader.pages]
    if key is not None:
        _RENDERED[key] = rendered
    return rendered


def _flat(text):
    return " ".join(text.split())


def test_pdf_has_contents_page_every_descriptor_and_key_evidence_title():
    """The assessor finds a contents page, all ten theme-1 descriptor codes and every key evidence title."""
    snap = fpa_snapshot()
    _reader, pages = _render(snap)
    assert "Contents" in pages[1]
    everything = _flat(" ".join(pages))
    for d in snap.themes[0].descriptors:
        assert f"{d.code} Descriptor {d.code}" in everything
        for eid in d.key_evidence:
            title = next(e.title for e in snap.evidence if e.id == eid)
            assert title in everything
    assert "Zoë Łukasz" in everything


def test_contents_page_numbers_point_at_the_real_pages():
    """Each theme's page number on the contents page is the page where that theme's heading is printed."""
    snap = fpa_snapshot()
    _reader, pages = _render(snap)
    contents = _flat(pages[1] + " " + pages[2])
    for theme in snap.themes:
        if not theme.descriptors and theme.code != "2":
            continue  # not entered: not printed in a final portfolio (theme 2 holds the action plan)
        heading = f"Theme {theme.code}: {theme.title}"
        after = contents.split(heading, 1)[1]
        number = int(after.replace(".", " ").split()[0])
        assert heading in _flat(pages[number - 1]), heading
        assert f"Page {number} of {len(pages)}" in _flat(pages[number - 1])


def test_pdf_has_bookmarks_for_themes_and_sheets():
    """The PDF outline lists the contents page, every theme and the action plan, for quick navigation."""
    reader, _pages = _render(fpa_snapshot())

    def titles(outline):
        for entry in outline:
            if isinstance(entry, list):
                yield from titles(entry)
            else:
                yield entry.title

    found = list(titles(reader.outline))
    assert "Contents" in found
    assert "Theme 1: Ethos, vision and policy" in found
    assert "Action plan" in found and "Good practice case study" in found
    assert "Report on findings from the initial audit" in found


def test_draft_is_marked_on_every_page():
    """A draft portfolio says DRAFT on every page, so an interim copy is never mistaken for the final one."""
    _reader, pages = _render(fpa_snapshot(draft=True))
    assert all("DRAFT" in page for page in pages)
    _reader, final_pages = _render(fpa_snapshot(draft=False))
    assert not any("DRAFT" in page for page in final_pages)


def test_user_markup_is_printed_literally():
    """A title with <script> and & prints as typed instead of breaking the PDF build."""
    _reader, pages = _render(fpa_snapshot())
    assert '<script>alert("x")</script>' in "".join(pages).replace("\n", "")


def test_empty_portfolio_and_missing_thumbnails_still_render():
    """A new portfolio (themes without descriptors, optional fields missing, no thumbnails) still prints."""
    _reader, pages = _render(empty_snapshot(), thumbnail=lambda _id: None)
    assert "Contents" in pages[1]
    _reader, pages = _render(fpa_snapshot(), thumbnail=lambda _id: b"not a jpeg")
    assert pages


def test_investors_in_families_portfolio_is_ordered_by_component():
    """For Investors in Families: the first page of the Assessor's Report, the audit, the priorities, then the
    three components in order: activity-specific (work plan, cover sheets), generic, the three-year plan."""
    _reader, pages = _render(iif_snapshot())
    contents = _flat(pages[1] + " " + pages[2])
    order = [
        "Assessor's Report: first page",
        "Element E1: Element 1 of the toolkit",
        "Key priorities",
        "Activity-specific evidence",
        "Work plan and timeline",
        "Priority Action Cover Sheets",
        "Generic evidence",
        "Outline action plan for the next three years",
    ]
    assert [contents.index(t) for t in order] == sorted(contents.index(t) for t in order)
    assert "Element E3" not in contents  # not entered: left out of a final portfolio
    assert "case study" not in _flat(" ".join(pages)).lower()


def test_codes_are_shown_as_words():
    """The action plan status and evidence consent print as words, not as the stored codes."""
    snap = iif_snapshot_dict()
    snap["action_plan"][0]["status"] = "in-progress"
    _reader, pages = _render(read_shape(snap))
    everything = _flat(" ".join(pages))
    assert "In progress" in everything and "Not needed" in everything
    assert "in-progress" not in everything and "not-needed" not in everything


def test_a_table_header_is_printed_once_per_page():
    """A table running onto the next page repeats its header there, never a second time mid-page."""
    _reader, pages = _render(fpa_snapshot(descriptors_per_theme=(10, 3, 2, 0, 0, 0)))
    audit_pages = [p for p in pages if "Gaps and actions required" in p]
    assert len(audit_pages) >= 3
    for page in pages:
        flat = _flat(page)
        assert flat.count("Gaps and actions required") <= 1
        assert flat.count("Success criteria (impact/outcomes)") <= 1
        assert flat.count("Source / collected by") <= 1


def test_a_row_taller_than_a_page_still_prints_whole():
    """An evaluative comment longer than a page is split over pages rather than failing or being cut off."""
    snap = fpa_snapshot_dict()
    long_comment = " ".join(f"Sentence {n} of a very long comment." for n in range(600))
    snap["themes"][0]["descriptors"][0]["rating"]["comment"] = long_comment
    _reader, pages = _render(read_shape(snap))
    everything = _flat(" ".join(pages))
    assert "Sentence 0 of" in everything and "Sentence 599 of a very long comment." in everything


def test_audit_findings_headers_keep_their_words_whole():
    """The audit findings' columns are wide enough that 'baseline' is not broken into 'basel ine'."""
    _reader, pages = _render(fpa_snapshot())
    page = next(p for p in pages if "Gaps found at baseline" in _flat(p))
    lines = page.splitlines()
    for label in ("At baseline", "Now"):
        assert label in lines, label


def test_summary_sheet_lead_and_dates_stay_together():
    """The lead, dates and summative comment box is never split over two pages."""
    _reader, pages = _render(fpa_snapshot())
    page = next(p for p in pages if "Name of lead person" in _flat(p))
    assert "Summative comment on the overall process" in _flat(page)


def test_contents_of_a_full_award_fits_one_page():
    """Six themes with their three sheets each, the action plan, the findings and the case study: one contents page."""
    _reader, pages = _render(fpa_snapshot(descriptors_per_theme=(10, 3, 2, 1, 1, 1)))
    assert "Good practice case study" in pages[1]
    assert "Theme 1: Ethos, vision and policy" in pages[2]


def test_component_headings_share_a_page_with_their_first_section():
    """An Investors in Families component heading is not a page on its own: its first section follows beneath it."""
    _reader, pages = _render(iif_snapshot())
    body = [_flat(p) for p in pages[2:]]
    assert any("Activity-specific evidence" in p and "Work plan and timeline" in p for p in body)
    assert any("Generic evidence" in p and "School website: families page" in p for p in body)
    assert any("Outline action plan for the next three years" in p and "Year 1" in p for p in body)


def test_a_long_table_starts_under_its_heading_without_leaving_the_page_empty():
    """A heading followed by a long evidence list starts both where there is room, not on a fresh page."""
    _reader, pages = _render(fpa_snapshot())
    page = next(_flat(p) for p in pages if "Evidence list Preview Title" in _flat(p))
    assert "Key evidence 1a-1: Policy" in page


def test_dates_print_on_one_line():
    """Wide dates ('28 May 2026') in the audit sheet, action plan and evidence list are never broken in two."""
    snap = fpa_snapshot_dict()
    for action in snap["action_plan"]:
        action["starts_on"], action["ends_on"] = "2025-11-28", "2026-05-28"
    for item in snap["evidence"]:
        item["evidence_date"] = "2026-05-28"
    for d in snap["themes"][0]["descriptors"]:
        d["rating_history"][-1]["on"] = "2026-05-28"
        d["rating"] = d["rating_history"][-1]
    _reader, pages = _render(read_shape(snap))
    lines = [line.strip() for page in pages for line in page.splitlines()]
    assert (
        "28 May 2026" in lines and "✓ 28 May 2026" in lines
    )  # a date cell, and the current level's cell
    assert "28 May" not in lines and "✓ 28 May" not in lines


def test_rendering_stops_when_the_export_is_given_up():
    """A cancelled or failed export does not wait for its documents: the PDF and the Word sheets stop at once."""
    from portfolio_builder.core.documents.render_docx import render_sheets_docx
    from portfolio_builder.core.errors import Cancelled

    asked = []

    def stop_after_ten():
        asked.append(1)
        return len(asked) > 10

    with pytest.raises(Cancelled, match="no bundle was written"):
        render_portfolio_pdf(fpa_snapshot(), BytesIO(), None, stop_after_ten)
    assert len(asked) == 11  # it stopped at the first question answered yes
    with pytest.raises(Cancelled):
        render_sheets_docx(fpa_snapshot(), lambda: True)
    assert render_sheets_docx(fpa_snapshot(), lambda: False)  # and renders whole when never stopped


def _undated(pdf: bytes) -> bytes:
    """The PDF without its creation date and ID, which differ on every render."""
    import re

    return re.sub(rb"/ID\s*\[[^\]]*\]", b"", re.sub(rb"\(D:\d{14}[^)]*\)", b"", pdf))


@pytest.mark.parametrize("snapshot", [fpa_snapshot, iif_snapshot, empty_snapshot])
def test_laying_out_first_gives_the_very_pdf_reportlab_draws_in_every_pass(snapshot, monkeypatch):
    """The first pass only lays the pages out (nothing drawn, never saved): the PDF is byte for byte the
    one ReportLab's own passes give, contents page numbers, bookmarks, thumbnails and all, with one drawn
    pass after it."""
    from reportlab.platypus import BaseDocTemplate

    from portfolio_builder.core.documents.pdf_contents import PortfolioDocTemplate

    drawn_passes = []
    build = PortfolioDocTemplate.build

    def counting_build(self, flowables, *args, canvasmaker=None, **kwargs):
        if canvasmaker is None:
            drawn_passes.append(1)
            return build(self, flowables, *args, **kwargs)
        return build(self, flowables, *args, canvasmaker=canvasmaker, **kwargs)

    monkeypatch.setattr(PortfolioDocTemplate, "build", counting_build)
    laid_out_first = BytesIO()
    render_portfolio_pdf(snapshot(), laid_out_first, _tiny_thumbnail)
    assert len(drawn_passes) == 1
    monkeypatch.setattr(PortfolioDocTemplate, "multiBuild", BaseDocTemplate.multiBuild)
    every_pass_drawn = BytesIO()
    render_portfolio_pdf(snapshot(), every_pass_drawn, _tiny_thumbnail)
    assert len(drawn_passes) == 3  # ReportLab draws its first pass too, and throws it away
    assert _undated(laid_out_first.getvalue()) == _undated(every_pass_drawn.getvalue())
