"""The Assessor's Report as a Word document, in the portfolio sheets' house style."""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Pt, RGBColor

from ...documents.docx_common import add_fields, add_table, add_text, clean, new_sheet
from .report_content import JUDGEMENT_COLOURS, ReportContent


def _heading(doc, title: str, level: int = 2) -> None:
    doc.add_heading(clean(title), level=level)


@dataclass(frozen=True)
class _ReportLook:
    """What the report's page headers show (a documents.docx_common.SheetLook): never a draft."""

    setting_name: str
    scheme_name: str
    draft: bool = False


def assessor_report_docx(content: ReportContent):
    """The whole report: setting and context, summary, per-theme judgements with evidence, recommendation."""
    look = _ReportLook(setting_name=content.setting_name, scheme_name=content.scheme_name)
    doc = new_sheet(look, "Assessor's Report")
    _heading(doc, "Setting details")
    add_fields(doc, [(k, v) for k, v in content.setting_rows if v])
    _heading(doc, "Context")
    add_text(doc, content.context, "No context given by the setting.")
    _heading(doc, "The assessment")
    add_fields(doc, content.visit_rows)
    _heading(doc, "Summary of judgements")
    add_table(
        doc,
        [content.theme_word, "Judgement", f"{content.descriptors_word} met"],
        [
            [
                t.heading,
                t.judgement_label,
                f"{t.met_count} of {len(t.descriptors)}"
                if t.descriptors
                else f"no {content.descriptors_word.lower()}",
            ]
            for t in content.themes
        ],
        [5, 1.6, 1.4],
    )
    _heading(doc, f"Judgements by {content.theme_word.lower()}")
    for theme in content.themes:
        _heading(doc, theme.heading, 3)
        add_fields(
            doc,
            [
                (f"Judgement for the {content.theme_word.lower()}", theme.judgement_label),
                (f"{content.reviewer_word}'s comment", theme.comment or "\u2014"),
            ],
        )
        if not theme.descriptors:
            doc.add_paragraph().add_run(
                f"No {content.descriptors_word.lower()} in this portfolio."
            ).italic = True
            continue
        doc.add_paragraph()
        rows = [
            [
                d.code,
                d.text,
                "\n".join(d.evidence_seen + [f"Cross-reference: {x}" for x in d.cross_references])
                or "No key evidence presented",
                d.setting_rating or "\u2014",
                d.judgement_label,
                d.comment,
            ]
            for d in theme.descriptors
        ]
        table = add_table(
            doc,
            [
                "Code",
                content.descriptor_word,
                "Evidence seen",
                "Setting's rating",
                "Judgement",
                f"{content.reviewer_word}'s comment",
            ],
            rows,
            [0.75, 2.35, 2.55, 1.35, 1.3, 1.7],
        )
        for row, d in zip(table.rows[1:], theme.descriptors):
            for run in row.cells[4].paragraphs[0].runs:
                run.bold = True
                run.font.color.rgb = RGBColor.from_string(
                    JUDGEMENT_COLOURS.get(d.judgement, "#1F2933")[1:]
                )
    for title, body, empty in (
        ("Visit notes", content.visit_notes, "No visit notes."),
        ("Strengths", content.strengths, "None recorded."),
        ("Areas for development", content.areas_for_development, "None recorded."),
    ):
        _heading(doc, title)
        add_text(doc, body, empty)
    _heading(doc, "Recommendation")
    verdict = doc.add_paragraph().add_run(clean(content.recommendation_label))
    verdict.bold, verdict.font.size = True, Pt(14)
    add_text(doc, content.recommendation_comment, "")
    add_fields(
        doc,
        [
            (f"{content.reviewer_word}'s name", content.assessor_name),
            ("Date", content.report_date),
            ("Signature", ""),
        ],
    )
    note = doc.add_paragraph().add_run(clean(f"Bundle identifier: {content.bundle_uuid}"))
    note.font.size = Pt(7.5)
    return doc
