"""Read a bundle's PDF, Word sheets and HTML index back with independent readers, and check each follows its
scheme's order and words and holds no other scheme's parts."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pypdf

# In order: the top-level headings of the printed portfolio (PDF bookmarks), as the scheme's data orders them.
ORDER = {
    "family-partnership-award": [
        "Theme 1: Ethos, vision and policy",
        "Theme 2: Leadership, management and coordination",
        "Action plan",
        "Report on findings from the initial audit",
        "Theme 3: ",
        "Theme 6: Effectiveness",
        "Good practice case study",
    ],
    "investors-in-families-secure": [
        "Assessor's Report: first page",
        "Element E1: Leadership and commitment",
        "Element E8: Review and feedback",
        "Key priorities",
        "Activity-specific evidence",
        "Work plan and timeline",
        "Priority Action Cover Sheets",
        "Generic evidence",
        "Outline action plan for the next three years",
    ],
    "la-practice-quality": [
        "Practice area R: Referral",
        "Practice area V: Review",
        "Audit findings",
        "Actions and timescales",
        "Analysis of themes, strengths and barriers",
    ],
    "signs-of-safety-accreditation": [
        "Charter C: Charter principles",
        "Analysis and plan",
        "Self-benchmarking against other organisations",
    ],
    "hillview-family-charter": [
        "Strand W: Welcome",
        "Strand V: Voice",
        "Audit findings",
        "Action plan",
        "Our reflection",
    ],
}
# Words that belong to one scheme only: none may appear in another scheme's documents.
OWN_WORDS = {
    "family-partnership-award": [
        "Portfolio summary sheet",
        "Good practice case study",
        "Overall best fit",
        "Evidence descriptor",
        "award pack",
        "Report on findings",
    ],
    "investors-in-families-secure": [
        "Priority Action Cover Sheet",
        "Generic evidence",
        "Outline action plan",
        "Quality statement",
        "Assessor's Report",
        "Key priorities",
        "i-HOP",
    ],
    "la-practice-quality": ["Ofsted grade", "Practice area", "Actions and timescales"],
    "signs-of-safety-accreditation": [
        "Self-benchmarking",
        "Award level applied for",
        "Charter principles",
        "Peer reviewer",
    ],
    "hillview-family-charter": ["Strand", "Pledge", "charter booklet"],
}
SET_UP_HINTS = [
    "Type in this theme",
    "Rename this to",
    "Descriptors come from",
    "Paste descriptors",
]


def _outline(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    return "\n".join(parts)


def check_documents(scheme: str, bundle) -> dict[str, str]:
    """Assert the PDF, sheets and index follow the scheme; returns the texts read (for further checks)."""
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        pdf_name = next(n for n in names if n.endswith("/data/portfolio.pdf"))
        reader = pypdf.PdfReader(io.BytesIO(archive.read(pdf_name)))
        pdf_text = "\n".join(page.extract_text() for page in reader.pages)
        sheets = {
            n.rsplit("/", 1)[-1]: _docx_text(archive.read(n)) for n in names if "/data/sheets/" in n
        }
        html = archive.read(
            next(n for n in names if n.endswith("/data/ro-crate-preview.html"))
        ).decode()
    outline = _outline(reader)
    positions = [
        next((i for i, title in enumerate(outline) if title.startswith(want)), None)
        for want in ORDER[scheme]
    ]
    assert None not in positions, f"missing from the PDF outline: {ORDER[scheme]} vs {outline}"
    assert positions == sorted(positions), f"out of order: {outline}"
    html_headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[2-6]>(.*?)</h[2-6]>", html)]
    html_positions = [
        next(
            (
                i
                for i, title in enumerate(html_headings)
                if title.replace("&#x27;", "'").startswith(want)
            ),
            None,
        )
        for want in ORDER[scheme]
    ]
    assert None not in html_positions and html_positions == sorted(html_positions), html_headings
    word_text = "\n".join(sheets.values())
    for other, words in OWN_WORDS.items():
        if other == scheme:
            continue
        for word in words:
            for where, text in (
                ("PDF", pdf_text),
                ("Word sheets", word_text),
                ("HTML index", html),
            ):
                assert word.lower() not in text.lower().replace("\n", " "), (
                    f"{other}'s '{word}' in the {where}"
                )
    for hint in SET_UP_HINTS:
        assert hint not in pdf_text and hint not in word_text and hint not in html, hint
    assert "DRAFT" not in pdf_text and "not entered" not in pdf_text
    return {"pdf": pdf_text, "sheets": word_text, "html": html, "sheet_names": "\n".join(sheets)}
