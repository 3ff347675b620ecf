"""The Assessor's Report as plain data: setting, context, judgements per theme with evidence seen, recommendation."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..assessment_model import DESCRIPTOR, MET, THEME, Assessment
from ..documents.portfolio_view import PortfolioView, nice_date, text

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


def _evidence_title(item: dict, damaged: set[str]) -> str:
    title = text(item.get("title")) or text(item.get("original_name")) or f"Item {text(item.get('id'))}"
    kind = text(item.get("kind"))
    if kind:
        title = f"{title} ({kind})"
    if item.get("included") is False:
        title += " [not included in the bundle]"
    elif item.get("path") and text(item.get("path")).removeprefix("data/") in damaged:
        title += " [file damaged in the bundle]"
    return title


def build_report_content(snapshot: dict, assessment: Assessment, damaged_paths=()) -> ReportContent:
    """The report's content from the bundle's portfolio.json and the assessor's judgements and notes."""
    view = PortfolioView(snapshot)
    damaged = {text(p).removeprefix("data/") for p in damaged_paths or ()}
    setting = view.setting
    lead = next((p for p in view.snapshot.get("staff") or [] if isinstance(p, dict) and p.get("is_lead")), {})
    contact = ", ".join(x for x in (text(setting.get("contact_email")), text(setting.get("phone"))) if x)
    setting_rows = [("Name of setting", text(setting.get("name"))), ("Type of setting", text(setting.get("kind"))),
                    ("Address", text(setting.get("address"))), ("Reference number", text(setting.get("reference"))),
                    ("Head of setting", text(setting.get("head"))),
                    ("Lead for the award", ", ".join(x for x in (text(lead.get("name")), text(lead.get("role"))) if x)),
                    ("Contact", contact), ("Quality mark", view.scheme_name),
                    ("Awarding body", text(view.framework.get("awarding_body"))),
                    ("Portfolio produced", nice_date(view.snapshot.get("created_at")))]
    themes = []
    for theme in view.themes:
        code = text(theme.get("code"))
        tj = assessment.judgement(THEME, code)
        block = ThemeBlock(code, view.theme_heading(theme), tj.judgement, tj.label, tj.comment)
        for d in theme.get("descriptors") or []:
            if not isinstance(d, dict):
                continue
            dcode = text(d.get("code"))
            dj = assessment.judgement(DESCRIPTOR, dcode)
            rating = d.get("rating") if isinstance(d.get("rating"), dict) else {}
            block.descriptors.append(DescriptorLine(
                dcode, text(d.get("text")),
                [_evidence_title(i, damaged) for i in view.items(d.get("key_evidence"))],
                [_evidence_title(i, damaged) for i in view.items(d.get("cross_references"))],
                text(rating.get("label")), dj.judgement, dj.label, dj.comment))
        themes.append(block)
    return ReportContent(
        setting_name=view.setting_name, scheme_name=view.scheme_name, setting_rows=setting_rows,
        context=text(setting.get("context")),
        visit_rows=[("Assessor", assessment.text("assessor_name")),
                    ("Date of visit", nice_date(assessment.text("visit_date"))),
                    ("Date of report", nice_date(assessment.text("report_date")))],
        themes=themes, visit_notes=assessment.text("visit_notes"), strengths=assessment.text("strengths"),
        areas_for_development=assessment.text("areas_for_development"),
        recommendation=assessment.text("recommendation"), recommendation_label=assessment.recommendation_label,
        recommendation_comment=assessment.text("recommendation_comment"),
        assessor_name=assessment.text("assessor_name"), report_date=nice_date(assessment.text("report_date")),
        bundle_uuid=assessment.uuid, theme_word=view.theme_word)
