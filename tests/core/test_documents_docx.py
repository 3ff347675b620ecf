"""The editable Word sheets: one per sheet, clearly named, holding their content, marked DRAFT when draft."""

from io import BytesIO

from docx import Document
from docx.oxml.ns import qn

from portfolio_builder.core.documents import render_sheets_docx

from .snapshot_factory import empty_snapshot, fpa_snapshot, iif_snapshot


def _text(data: bytes) -> str:
    doc = Document(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    parts += [p.text for s in doc.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def test_every_sheet_is_there_with_a_clear_name():
    """Audit and summary sheet per theme, action plan, five cover sheets, plan, case study, assessor's report."""
    names = list(render_sheets_docx(fpa_snapshot()))
    assert names[0] == "01-theme-1-audit-sheet.docx"
    assert "02-theme-1-evidence-summary-sheet.docx" in names
    assert sum(n.endswith("-audit-sheet.docx") for n in names) == 6
    assert sum(n.endswith("-cover-sheet.docx") for n in names) == 5
    assert any(n.endswith("action-plan.docx") for n in names)
    assert any(n.endswith("case-study.docx") for n in names)
    assert any(n.endswith("three-year-outline-plan.docx") for n in names)
    assert "assessors-report-first-page.docx" in names


def test_sheets_hold_their_content():
    """Audit ratings and comments, key evidence titles, action plan columns and diary entries read back from Word."""
    snap = fpa_snapshot()
    sheets = render_sheets_docx(snap)
    audit = _text(sheets["01-theme-1-audit-sheet.docx"])
    assert "1a Descriptor 1a" in audit and "✓ 10 Mar 2026" in audit and "Involve families in review" in audit
    summary = _text(sheets["02-theme-1-evidence-summary-sheet.docx"])
    assert "Key evidence 1j-2" in summary and "Source for 1c" in summary and "Zoë Łukasz" in summary
    plan = _text(next(v for k, v in sheets.items() if k.endswith("action-plan.docx")))
    assert "Success criteria" in plan and "Action for theme 6" in plan
    cover = _text(next(v for k, v in sheets.items() if k.endswith("priority-3-cover-sheet.docx")))
    assert "Diary entry 3: letters sent" in cover


def test_assessors_report_has_setting_details_and_context():
    """The report's first page carries name, type, address, reference, head, contact and context."""
    snap = fpa_snapshot()
    report = _text(render_sheets_docx(snap)["assessors-report-first-page.docx"])
    for value in ("Zoë Łukasz Academy & Nursery", "Primary school", "Leeds", "URN 123456", "Mrs Ayesha Khan",
                  "office@oak.example", snap["setting"]["context"], "Recommendation"):
        assert value in report


def test_draft_marks_every_sheet():
    """Each Word sheet of a draft portfolio says DRAFT; a final one does not."""
    assert all("DRAFT" in _text(data) for data in render_sheets_docx(fpa_snapshot(draft=True)).values())
    assert not any("DRAFT" in _text(data) for data in render_sheets_docx(fpa_snapshot()).values())


def test_empty_and_component_portfolios_render():
    """A new portfolio with missing optional fields, and an Investors in Families one, both produce sheets."""
    assert "assessors-report-first-page.docx" in render_sheets_docx(empty_snapshot())
    names = list(render_sheets_docx(iif_snapshot()))
    assert names[0] == "01-element-e1-audit-sheet.docx"


def test_codes_are_shown_as_words():
    """The action plan's status and a cover sheet's consent and kind read as words in Word."""
    snap = fpa_snapshot()
    snap["action_plan"][0]["status"] = "in-progress"
    sheets = render_sheets_docx(snap)
    plan = _text(next(v for k, v in sheets.items() if k.endswith("action-plan.docx")))
    assert "In progress" in plan and "in-progress" not in plan
    cover = _text(sheets[next(k for k in sheets if k.endswith("priority-1-cover-sheet.docx"))])
    assert "MISSING" in cover and "Obtained" in cover and "Photo" in cover and "not-needed" not in cover


def test_no_word_is_broken_across_lines_in_a_table():
    """Columns are wide enough for their header words and for dates, levels and statuses ('Developi|ng')."""
    from .docx_layout import words_too_wide

    for snap in (fpa_snapshot(), iif_snapshot()):
        for action in snap["action_plan"]:  # the widest dates: two-digit day, wide month
            action["starts_on"], action["ends_on"] = "2025-11-28", "2026-05-28"
        for item in snap["evidence"]:
            item["evidence_date"] = "2026-05-28"
        for name, data in render_sheets_docx(snap).items():
            assert words_too_wide(Document(BytesIO(data))) == [], name


def test_house_style_fonts_colours_and_page_numbers():
    """Every heading names Arial (a font every office laptop has) in the accent colour, never a Word theme
    font, and the footer numbers pages."""
    doc = Document(BytesIO(render_sheets_docx(fpa_snapshot(draft=True))["13-action-plan.docx"]))
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        fonts = doc.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:asciiTheme")) is None, name
    assert str(doc.styles["Heading 2"].font.color.rgb) == "1F5E7A"
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    draft = [r for r in doc.sections[0].header.paragraphs[0].runs if "DRAFT" in r.text]
    assert draft and draft[0].bold and str(draft[0].font.color.rgb) == "B03A2E"


def test_action_for_an_unknown_theme_code_still_names_the_theme():
    """An action whose theme code matches no theme reads 'Element 1', not a bare '1', in the key theme column."""
    sheets = render_sheets_docx(iif_snapshot())
    doc = Document(BytesIO(next(v for k, v in sheets.items() if k.endswith("action-plan.docx"))))
    first = doc.tables[0].rows[1].cells[0].text
    assert first.startswith("Element 1\n") or first == "Element 1", first


def test_descriptor_codes_are_bold_as_in_the_pdf():
    """On the audit and summary sheets the descriptor's code leads its cell in bold, the text follows plain."""
    sheets = render_sheets_docx(fpa_snapshot())
    for name in ("01-theme-1-audit-sheet.docx", "02-theme-1-evidence-summary-sheet.docx"):
        runs = Document(BytesIO(sheets[name])).tables[0].rows[1].cells[0].paragraphs[0].runs
        assert runs[0].text.strip() == "1a" and runs[0].bold and not runs[1].bold, name
