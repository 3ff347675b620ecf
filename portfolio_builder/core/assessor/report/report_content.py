"""The Assessor's Report as plain data: setting, context, judgements per theme with evidence seen, recommendation."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...documents.portfolio_view import PortfolioView, kind_words, nice_date
from ...shape.portfolio_shape import EvidenceShape, PortfolioShape
from ..assessment_model import DESCRIPTOR, MET, THEME, Assessment

JUDGEMENT_COLOURS = {"met": "#4F8A3C", "not-yet-met": "#C77C0E", "not-seen": "#6B7780"}


@dataclass
class DescriptorLine:
    """One descriptor: what it asks, what the assessor saw, and the judgement."""

    code: str
    text: str
    evidence_seen: list[str]
    cross_references: list[str]
    setting_rating: str
    judgement: str
    judgement_label: str
    comment: str


@dataclass
class ThemeBlock:
    """One theme (or element) with its own judgement and its descriptors."""

    code: str
    heading: str
    judgement: str
    judgement_label: str
    comment: str
    descriptors: list[DescriptorLine] = field(default_factory=list)

    @property
    def met_count(self) -> int:
        return sum(1 for d in self.descriptors if d.judgement == MET)


@dataclass
class ReportContent:
    """Everything the DOCX and PDF print, already as display text."""

    setting_name: str
    scheme_name: str
    setting_rows: list[tuple[str, str]]
    context: str
    visit_rows: list[tuple[str, str]]
    themes: list[ThemeBlock]
    visit_notes: str
    strengths: str
    areas_for_development: str
    recommendation: str
    recommendation_label: str
    recommendation_comment: str
    assessor_name: str
    report_date: str
    bundle_uuid: str
    theme_word: str = "Theme"
    descriptor_word: str = "Descriptor"
    descriptors_word: str = "Descriptors"
    reviewer_word: str = "Assessor"


def _evidence_title(item: EvidenceShape, damaged: set[str]) -> str:
    title = item.title or f"Item {item.id}"
    if item.kind:
        title = f"{title} ({kind_words(item.kind).lower()})"
    if item.included is False:
        title += " [not included in the bundle]"
    elif item.path and item.path.removeprefix("data/") in damaged:
        title += " [file damaged in the bundle]"
    return title


def build_report_content(
    shape: PortfolioShape, assessment: Assessment, damaged_paths=()
) -> ReportContent:
    """The report's content from the bundle's portfolio and the assessor's judgements and notes."""
    view = PortfolioView(shape)
    words = view.words
    damaged = {str(p).removeprefix("data/") for p in damaged_paths or ()}
    setting, lead = view.setting, view.lead
    contact = ", ".join(x for x in (setting.contact_email, setting.phone) if x)
    setting_rows = [
        ("Name of setting", setting.name),
        ("Type of setting", setting.kind),
        ("Address", setting.address),
        ("Reference number", setting.reference),
        ("Head of setting", setting.head),
        ("Lead", ", ".join(x for x in ((lead.name, lead.role) if lead else ()) if x)),
        ("Contact", contact),
        ("Quality mark", view.scheme_name),
        ("Awarding body", view.scheme.awarding_body),
        ("Portfolio produced", nice_date(shape.created_at)),
    ]
    if view.scheme.award is not None:
        setting_rows.append((words.award_level, setting.award_level))
    themes = []
    for theme in view.themes:
        tj = assessment.judgement(THEME, theme.code)
        block = ThemeBlock(
            theme.code, view.theme_heading(theme), tj.judgement, tj.label, tj.comment
        )
        for d in theme.descriptors:
            dj = assessment.judgement(DESCRIPTOR, d.code)
            block.descriptors.append(
                DescriptorLine(
                    d.code,
                    view.descriptor_text(d),
                    [_evidence_title(i, damaged) for i in view.items(d.key_evidence)],
                    [_evidence_title(i, damaged) for i in view.items(d.cross_references)],
                    d.rating.label if d.rating else "",
                    dj.judgement,
                    dj.label,
                    dj.comment,
                )
            )
        themes.append(block)
    return ReportContent(
        setting_name=view.setting_name,
        scheme_name=view.scheme_name,
        setting_rows=setting_rows,
        context=setting.context,
        visit_rows=[
            (words.reviewer, assessment.text("assessor_name")),
            ("Date of visit", nice_date(assessment.text("visit_date"))),
            ("Date of report", nice_date(assessment.text("report_date"))),
        ],
        themes=themes,
        visit_notes=assessment.text("visit_notes"),
        strengths=assessment.text("strengths"),
        areas_for_development=assessment.text("areas_for_development"),
        recommendation=assessment.text("recommendation"),
        recommendation_label=assessment.recommendation_label,
        recommendation_comment=assessment.text("recommendation_comment"),
        assessor_name=assessment.text("assessor_name"),
        report_date=nice_date(assessment.text("report_date")),
        bundle_uuid=assessment.uuid,
        theme_word=words.theme,
        descriptor_word=words.descriptor,
        descriptors_word=words.descriptors,
        reviewer_word=words.reviewer,
    )
