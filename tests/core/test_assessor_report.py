"""The Assessor's Report: DOCX and PDF that read back with the setting, judgements, evidence seen and verdict."""

import pytest
from docx import Document
from pypdf import PdfReader

from portfolio_builder.core.assessor.assessment_model import Assessment, Judgement
from portfolio_builder.core.assessor.report import build_report_content, export_assessor_report
from portfolio_builder.core.errors import BadInput
from tests.core.snapshot_factory import HOSTILE_TITLE, fpa_snapshot, iif_snapshot


def _assessment(recommendation="award-met") -> Assessment:
    a = Assessment(
        uuid="urn:uuid:5e0c",
        fields={
            "assessor_name": "Zoë Łukasz",
            "visit_date": "2026-06-20",
            "report_date": "2026-06-24",
            "visit_notes": "Met six parents <b>in the hall</b>.",
            "strengths": "Families shape the vision & policy.",
            "areas_for_development": "Translate the policy into Polish.",
            "recommendation": recommendation,
            "recommendation_comment": "The standard is met in full.",
        },
    )
    a.judgements[("descriptor", "1a")] = Judgement(
        "descriptor", "1a", "met", "Mission statement seen."
    )
    a.judgements[("descriptor", "1d")] = Judgement(
        "descriptor", "1d", "not-yet-met", "Only one item seen."
    )
    a.judgements[("theme", "1")] = Judgement("theme", "1", "met", "A strong theme.")
    return a


def _docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def fpa_report(tmp_path_factory):
    """Call with a suffix: the FPA report of _assessment() exported once per module in that format. The tests
    only read the file."""
    folder = tmp_path_factory.mktemp("report")
    made = {}

    def report(suffix: str):
        if suffix not in made:
            made[suffix] = export_assessor_report(
                fpa_snapshot(), _assessment(), folder / f"report{suffix}"
            )
        return made[suffix]

    return report


def test_docx_report_reads_back_with_judgements_and_verdict(fpa_report):
    """The Word report holds the setting, context, each judgement with its comment, strengths and the verdict."""
    out = fpa_report(".docx")
    body = _docx_text(out)
    for expected in (
        "Zoë Łukasz Academy & Nursery",
        "A two-form entry primary school",
        "Mission statement seen.",
        "Not yet met",
        "Only one item seen.",
        "A strong theme.",
        "Families shape the vision & policy.",
        "Translate the policy into Polish.",
        "Award met",
        "24 Jun 2026",
        "Key evidence 1a-1: Policy",
        "Met six parents <b>in the hall</b>.",
    ):
        assert expected in body, expected


def test_pdf_report_reads_back_with_judgements_and_verdict(tmp_path):
    """The PDF report prints the same content, accents intact, with the further-work verdict when chosen."""
    out = export_assessor_report(
        fpa_snapshot(), _assessment("further-work"), tmp_path / "report.pdf"
    )
    body = " ".join(_pdf_text(out).split())
    for expected in (
        "Assessor’s Report",
        "Zoë Łukasz Academy & Nursery",
        "Mission statement seen.",
        "Only one item seen.",
        "Further work needed",
        "Translate the policy into Polish.",
        "Key evidence 1a-1: Policy",
        "Summary of judgements",
        "Page 1 of",
    ):
        assert expected in body, expected


def test_evidence_seen_lists_titles_and_marks_damaged_and_left_out_items():
    """Per descriptor the report names its key evidence; damaged files and items left out are flagged."""
    snap = fpa_snapshot()
    content = build_report_content(
        snap, _assessment(), damaged_paths={"data/evidence/1/1a-1-item.pdf"}
    )
    first = content.themes[0].descriptors[0]
    assert first.evidence_seen[0].startswith("Key evidence 1a-1: Policy")
    assert first.evidence_seen[0].endswith("[file damaged in the bundle]")
    assert any(HOSTILE_TITLE in x for x in first.cross_references)
    assert content.themes[0].met_count == 1
    assert content.themes[1].judgement_label == "Not seen"


def test_hostile_titles_are_printed_as_text_not_markup(fpa_report):
    """A title holding <script> or markup is printed literally and does not break the PDF."""
    out = fpa_report(".pdf")
    assert "<script>" in _pdf_text(out)


def test_elements_for_investors_in_families(tmp_path):
    """An Investors in Families bundle gets 'Element' headings, not 'Theme'."""
    out = export_assessor_report(iif_snapshot(), _assessment(), tmp_path / "report.docx")
    assert "Element E1: Element 1" in _docx_text(out)


def test_wrong_suffix_and_writing_over_the_bundle_are_refused(tmp_path):
    """The report is only .docx or .pdf, and never replaces the bundle it judges."""
    bundle = tmp_path / "oak.zip"
    bundle.write_bytes(b"PK")
    with pytest.raises(BadInput, match=r"\.docx"):
        export_assessor_report(fpa_snapshot(), _assessment(), tmp_path / "report.txt")
    with pytest.raises(BadInput, match="over the bundle"):
        export_assessor_report(
            fpa_snapshot(), _assessment(), tmp_path / "oak.pdf", protect=(tmp_path / "oak.pdf",)
        )
    assert bundle.read_bytes() == b"PK"
    assert not list(tmp_path.glob("*.part"))


def test_docx_report_columns_fit_their_words(fpa_report):
    """'Code', 'Setting's rating', 'Developing' and 'Judgement' each fit their column without breaking."""
    from tests.core.docx_layout import words_too_wide

    out = fpa_report(".docx")
    assert words_too_wide(Document(str(out))) == []


def test_pdf_theme_judgement_is_on_the_page_of_its_first_descriptor(fpa_report):
    """A theme's heading and judgement box are not left at the foot of a page, apart from its descriptors."""
    out = fpa_report(".pdf")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages]
    page = next(p for p in pages if "A strong theme." in p)
    assert "Mission statement seen." in page
