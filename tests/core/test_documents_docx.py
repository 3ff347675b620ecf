"""The editable Word sheets: one per sheet, clearly named, holding their content, marked DRAFT when draft."""

import re
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn

from portfolio_builder.core.documents import render_sheets_docx
from portfolio_builder.core.shape.portfolio_shape import read_shape

from .snapshot_factory import (
    empty_snapshot,
    fpa_snapshot,
    fpa_snapshot_dict,
    iif_snapshot,
    iif_snapshot_dict,
)

_RENDERED: dict[str, dict[str, bytes]] = {}  # equal snapshots: rendered once per module


def _sheets(snapshot) -> dict[str, bytes]:
    """render_sheets_docx(snapshot); tests only read the bytes, so equal snapshots share one render (each
    call gets its own dict)."""
    key = snapshot.model_dump_json()
    if key not in _RENDERED:
        _RENDERED[key] = render_sheets_docx(snapshot)
    return dict(_RENDERED[key])


def _text(data: bytes) -> str:
    doc = Document(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    parts += [p.text for s in doc.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def test_every_sheet_is_there_with_a_clear_name():
    """FPA: audit and summary sheet for each entered theme, the action plan and audit findings, the case study;
    no cover sheets, outline plan or Assessor's Report page, which are Investors in Families' parts."""
    names = list(_sheets(fpa_snapshot()))
    assert names == [
        "01-theme-1-audit-sheet.docx",
        "02-theme-1-summary-sheet.docx",
        "03-action-plan.docx",
        "04-audit-findings.docx",
        "05-case-study.docx",
    ]


def test_iif_sheets_follow_its_components():
    """IiF: the first page of the Assessor's Report, an audit sheet per element with statements, the priorities,
    the work plan, a cover sheet per priority, the outline plan; no summary sheets or case study."""
    names = list(_sheets(iif_snapshot()))
    assert names[0] == "01-assessors-report-first-page.docx"
    assert sum(n.endswith("-audit-sheet.docx") for n in names) == 2
    assert sum("priority-action-cover-sheet" in n for n in names) == 5
    assert names[-1].endswith("outline-plan.docx")
    assert not any("summary" in n or "case-study" in n for n in names)


def test_sheets_hold_their_content():
    """Audit ratings, gaps and the best fit, key evidence titles, the action plan's own columns and diary entries
    read back from Word."""
    sheets = _sheets(fpa_snapshot())
    audit = _text(sheets["01-theme-1-audit-sheet.docx"])
    assert (
        "1a Descriptor 1a" in audit
        and "✓ 10 Mar 2026" in audit
        and "Involve families in review" in audit
    )
    assert "Overall best fit judgement" in audit and "Embedded (12 Mar 2026)" in audit
    summary = _text(sheets["02-theme-1-summary-sheet.docx"])
    assert "Key evidence 1j-2" in summary and "Source for 1c" in summary and "Zoë Łukasz" in summary
    assert "Name of lead person collecting evidence" in summary
    plan = _text(sheets["03-action-plan.docx"])
    assert "Success criteria (impact/outcomes)" in plan and "Action for theme 6" in plan
    iif = _sheets(iif_snapshot())
    cover = _text(next(v for k, v in iif.items() if "priority-3-priority-action-cover-sheet" in k))
    assert (
        "Diary entry 3: letters sent" in cover
        and "Impact of the activity on family engagement" in cover
    )


def test_assessors_report_first_page_has_setting_details_and_context():
    """IiF's first page of the Assessor's Report carries name, type, address, reference, head, contact and
    context, and nothing else: the rest of the report is the assessor's."""
    snap = iif_snapshot()
    report = _text(_sheets(snap)["01-assessors-report-first-page.docx"])
    for value in (
        "Zoë Łukasz Academy & Nursery",
        "Primary school",
        "Leeds",
        "URN 123456",
        "Mrs Ayesha Khan",
        "office@oak.example",
        snap.setting.context,
    ):
        assert value in report
    assert "Recommendation" not in report and "Strengths" not in report


def test_draft_marks_every_sheet():
    """Each Word sheet of a draft portfolio says DRAFT; a final one does not."""
    assert all("DRAFT" in _text(data) for data in _sheets(fpa_snapshot(draft=True)).values())
    assert not any("DRAFT" in _text(data) for data in _sheets(fpa_snapshot()).values())


def test_an_empty_portfolio_renders():
    """A new portfolio with missing optional fields still produces its sheets (the action plan, empty)."""
    assert "01-action-plan.docx" in _sheets(empty_snapshot())


def test_codes_are_shown_as_words():
    """The action plan's status and a cover sheet's consent and kind read as words in Word."""
    snap = iif_snapshot_dict()
    snap["action_plan"][0]["status"] = "in-progress"
    sheets = _sheets(read_shape(snap))
    plan = _text(next(v for k, v in sheets.items() if k.endswith("action-plan.docx")))
    assert "In progress" in plan and "in-progress" not in plan
    cover = _text(sheets[next(k for k in sheets if "priority-1-priority-action-cover-sheet" in k)])
    assert (
        "Missing" in cover
        and "Obtained" in cover
        and "Photo" in cover
        and "not-needed" not in cover
    )


def test_no_word_is_broken_across_lines_in_a_table():
    """Columns are wide enough for their header words and for dates, levels and statuses ('Developi|ng')."""
    from .docx_layout import words_too_wide

    for snap in (fpa_snapshot_dict(), iif_snapshot_dict()):
        for action in snap["action_plan"]:  # the widest dates: two-digit day, wide month
            action["starts_on"], action["ends_on"] = "2025-11-28", "2026-05-28"
        for item in snap["evidence"]:
            item["evidence_date"] = "2026-05-28"
        for name, data in _sheets(read_shape(snap)).items():
            assert words_too_wide(Document(BytesIO(data))) == [], name


def test_house_style_fonts_colours_and_page_numbers():
    """Every heading names Arial (a font every office laptop has) in the accent colour, never a Word theme
    font, and the footer numbers pages."""
    sheets = _sheets(fpa_snapshot(draft=True))
    doc = Document(BytesIO(next(v for k, v in sheets.items() if k.endswith("action-plan.docx"))))
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        fonts = doc.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:asciiTheme")) is None, name
    assert str(doc.styles["Heading 2"].font.color.rgb) == "1F5E7A"
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    draft = [r for r in doc.sections[0].header.paragraphs[0].runs if "DRAFT" in r.text]
    assert draft and draft[0].bold and str(draft[0].font.color.rgb) == "B03A2E"


def test_action_for_an_unknown_theme_code_still_names_the_theme():
    """An action whose theme code matches no theme reads 'Theme 9', not a bare '9', in the key theme column."""
    snap = fpa_snapshot_dict()
    snap["action_plan"][0]["theme_code"] = "9"
    sheets = _sheets(read_shape(snap))
    doc = Document(BytesIO(next(v for k, v in sheets.items() if k.endswith("action-plan.docx"))))
    assert doc.tables[0].rows[1].cells[0].text == "Theme 9"


def test_descriptor_codes_are_bold_as_in_the_pdf():
    """On the audit and summary sheets the descriptor's code leads its cell in bold, the text follows plain."""
    sheets = _sheets(fpa_snapshot())
    for name in ("01-theme-1-audit-sheet.docx", "02-theme-1-summary-sheet.docx"):
        table = next(
            t
            for t in Document(BytesIO(sheets[name])).tables
            if t.rows[0].cells[0].text == "Evidence descriptor"
        )
        runs = table.rows[1].cells[0].paragraphs[0].runs
        assert runs[0].text.strip() == "1a" and runs[0].bold and not runs[1].bold, name


STYLE_REFERENCES = (
    "w:pStyle",
    "w:rStyle",
    "w:tblStyle",
    "w:numStyle",
    "w:basedOn",
    "w:link",
    "w:next",
)


def test_every_style_a_sheet_names_is_defined_in_it():
    """Sheets carry only the styles they use (a third the size), and never one short: each style any part
    of a sheet names (paragraphs, tables, header, footer, lists, other styles) is defined in it, so Word
    and LibreOffice lay it out as designed."""
    import zipfile

    for snapshot in (fpa_snapshot(), iif_snapshot()):
        for name, data in _sheets(snapshot).items():
            with zipfile.ZipFile(BytesIO(data)) as archive:
                xml = {n: archive.read(n) for n in archive.namelist() if n.endswith(".xml")}
            defined = set(re.findall(rb'w:styleId="([^"]+)"', xml["word/styles.xml"]))
            named = {
                value
                for body in xml.values()
                for tag in STYLE_REFERENCES
                for value in re.findall(tag.encode() + rb' w:val="([^"]+)"', body)
            }
            assert named and named <= defined, (name, named - defined)
            assert "word/stylesWithEffects.xml" not in xml and len(defined) < 30, name
