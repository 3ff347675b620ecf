"""The Assessor's Report as PDF, in the portfolio's house style (DejaVu, accent colour, page x of y)."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle

from ...documents.pdf_cells import cell, house_table, label_table, lines_cell, markup_cell
from ...documents.pdf_contents import PageTotalMarker, PortfolioDocTemplate, SectionHeading
from ...documents.pdf_paragraph import Paragraph
from ...documents.pdf_styles import grid_style, para_text, styles
from .report_content import JUDGEMENT_COLOURS, ReportContent


def _judgement_cell(key: str, label: str):
    colour = JUDGEMENT_COLOURS.get(key, "#1F2933")
    return markup_cell(f'<font color="{colour}"><b>{para_text(label)}</b></font>', "small")


def _long_text(value: str, empty: str) -> list:
    body = (value or "").strip()
    if not body:
        return [Paragraph(para_text(empty), styles()["muted"])]
    return [
        Paragraph(para_text(chunk.strip()), styles()["body"])
        for chunk in body.split("\n\n")
        if chunk.strip()
    ]


def _summary(content: ReportContent, width: float) -> list:
    rows = [
        [
            cell(t.heading),
            _judgement_cell(t.judgement, t.judgement_label),
            cell(
                f"{t.met_count} of {len(t.descriptors)}"
                if t.descriptors
                else f"no {content.descriptors_word.lower()}"
            ),
        ]
        for t in content.themes
    ]
    return [
        house_table(
            [content.theme_word, "Judgement", f"{content.descriptors_word} met"],
            rows,
            [width * 0.62, width * 0.2, width * 0.18],
        )
    ]


def _theme(content: ReportContent, theme, width: float) -> list:
    flow: list = [SectionHeading(theme.heading, 1, "h2")]
    box = Table(
        [
            [
                cell(f"Judgement for the {content.theme_word.lower()}", "small_bold"),
                _judgement_cell(theme.judgement, theme.judgement_label),
            ],
            [
                cell(f"{content.reviewer_word}'s comment", "small_bold"),
                cell(theme.comment or "\u2014"),
            ],
        ],
        colWidths=[4.2 * cm, width - 4.2 * cm],
        hAlign="LEFT",
        splitInRow=1,
    )
    box.setStyle(
        TableStyle(
            grid_style(header_rows=0)
            + [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#E4EEF3"))]
        )
    )
    box.spaceAfter, box.keepWithNext = (
        6,
        1,
    )  # heading, judgement and the first descriptors share a page
    flow.append(box)
    if not theme.descriptors:
        return flow + [
            Paragraph(
                f"No {content.descriptors_word.lower()} in this portfolio.", styles()["muted"]
            )
        ]
    rows = []
    for d in theme.descriptors:
        seen = d.evidence_seen + [f"Cross-reference: {x}" for x in d.cross_references]
        rows.append(
            [
                cell(d.code, "small_bold"),
                cell(d.text),
                lines_cell(seen, empty="No key evidence presented"),
                cell(d.setting_rating or "\u2014"),
                _judgement_cell(d.judgement, d.judgement_label),
                cell(d.comment),
            ]
        )
    fractions = [0.055, 0.25, 0.27, 0.1, 0.115, 0.21]
    flow.append(
        house_table(
            [
                "Code",
                content.descriptor_word,
                "Evidence seen",
                "Setting's rating",
                "Judgement",
                f"{content.reviewer_word}'s comment",
            ],
            rows,
            [width * f for f in fractions],
        )
    )
    return flow


def render_assessor_report_pdf(content: ReportContent, out: BinaryIO) -> None:
    """Write the report to out: setting and context, summary, themes, notes, strengths, recommendation."""
    s = styles()
    doc = PortfolioDocTemplate(
        out,
        setting_name=content.setting_name,
        scheme_name=content.scheme_name,
        footer_note=f"Assessor's Report \u2014 {content.report_date or 'date not set'}",
        draft=False,
        title=f"Assessor's Report \u2014 {content.setting_name}",
    )
    width = PortfolioDocTemplate.frame_width()
    flow: list = [
        Paragraph("Assessor\u2019s Report", s["title"]),
        Paragraph(para_text(content.scheme_name), s["subtitle"]),
        Paragraph(para_text(content.setting_name), s["subtitle"]),
        Spacer(1, 10),
    ]
    flow += [
        SectionHeading("Setting details", 0, "h1"),
        label_table([(k, v) for k, v in content.setting_rows if v], width),
        SectionHeading("Context", 0, "h1"),
        *_long_text(content.context, "No context given by the setting."),
        SectionHeading("The assessment", 0, "h1"),
        label_table(content.visit_rows, width),
        Spacer(1, 8),
        SectionHeading("Summary of judgements", 0, "h1"),
        *_summary(content, width),
    ]
    flow.append(SectionHeading(f"Judgements by {content.theme_word.lower()}", 0, "h1"))
    for theme in content.themes:
        flow += _theme(content, theme, width)
    for title, body, empty in (
        ("Visit notes", content.visit_notes, "No visit notes."),
        ("Strengths", content.strengths, "None recorded."),
        ("Areas for development", content.areas_for_development, "None recorded."),
    ):
        flow += [CondPageBreak(3 * cm), SectionHeading(title, 0, "h1"), *_long_text(body, empty)]
    colour = (
        "#4F8A3C"
        if content.recommendation == "award-met"
        else ("#B03A2E" if content.recommendation == "further-work" else "#5B6770")
    )
    verdict = Paragraph(
        f'<font color="{colour}"><b>{para_text(content.recommendation_label)}</b></font>', s["h1"]
    )
    signed = Table(
        [
            [cell(f"{content.reviewer_word}'s name", "small_bold"), cell(content.assessor_name)],
            [cell("Date", "small_bold"), cell(content.report_date)],
            [cell("Signature", "small_bold"), cell("")],
        ],
        colWidths=[4.2 * cm, width - 4.2 * cm],
        rowHeights=[None, None, 1.6 * cm],
        hAlign="LEFT",
    )
    signed.setStyle(
        TableStyle(
            grid_style(header_rows=0)
            + [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#E4EEF3"))]
        )
    )
    flow += [
        CondPageBreak(6 * cm),
        SectionHeading("Recommendation", 0, "h1"),
        KeepTogether(
            [verdict, *_long_text(content.recommendation_comment, ""), Spacer(1, 6), signed]
        ),
        Spacer(1, 8),
        Paragraph(para_text(f"Bundle identifier: {content.bundle_uuid}"), s["small"]),
        PageTotalMarker(doc),
    ]
    doc.multiBuild(flow)
