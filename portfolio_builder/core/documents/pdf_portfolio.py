"""Builds portfolio.pdf: title, contents, then each section in assessor order (see PortfolioView.sections)."""

from __future__ import annotations

from typing import BinaryIO, Callable

from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Paragraph, Spacer

from . import pdf_evidence, pdf_plans, pdf_theme_sheets
from .pdf_cells import label_table
from .pdf_contents import PageTotalMarker, PortfolioDocTemplate, SectionHeading, contents_table
from .pdf_styles import para_text, styles
from .portfolio_view import PortfolioView, Section, nice_date, text


class _Story:
    """The flowables plus the current page orientation, so each section starts a page the right way round."""

    def __init__(self):
        self.flow: list = []
        self.landscape = False
        self.pending: list = []

    def new_page(self, landscape: bool = False) -> None:
        """Start a page; a part heading waiting for it goes at its top, so no page holds a heading alone."""
        self.flow += [NextPageTemplate("landscape" if landscape else "portrait"), PageBreak(), *self.pending]
        self.pending = []
        self.landscape = landscape

    @property
    def width(self) -> float:
        return PortfolioDocTemplate.frame_width(self.landscape)

    def add(self, *flowables) -> None:
        self.flow.extend(flowables)


def _title_page(view: PortfolioView, story: _Story) -> None:
    s, setting = styles(), view.setting
    story.add(Spacer(1, 110), Paragraph(para_text(view.setting_name), s["title"]),
              Paragraph(para_text(view.scheme_name), s["subtitle"]),
              Paragraph("Portfolio of evidence", s["subtitle"]), Spacer(1, 20))
    if view.draft:
        story.add(Paragraph("DRAFT \u2014 work in progress, not the final portfolio", s["draft_banner"]),
                  Spacer(1, 20))
    lead = next((p for p in view.snapshot.get("staff") or [] if isinstance(p, dict) and p.get("is_lead")), {})
    rows = [("Awarding body", view.framework.get("awarding_body")), ("Setting", setting.get("name")),
            ("Type of setting", setting.get("kind")), ("Address", setting.get("address")),
            ("Reference", setting.get("reference")), ("Head", setting.get("head")),
            ("Lead", ", ".join(x for x in (text(lead.get("name")), text(lead.get("role"))) if x)),
            ("Portfolio produced", nice_date(view.snapshot.get("created_at")))]
    story.add(label_table([(k, v) for k, v in rows if v], story.width))


def _theme(view: PortfolioView, section: Section, story: _Story, thumbnail) -> None:
    theme, level = section.theme, section.level
    story.new_page(landscape=True)
    story.add(SectionHeading(section.title, level))
    if theme.get("description"):
        story.add(Paragraph(para_text(theme["description"]), styles()["muted"]))
    story.add(SectionHeading(f"Audit sheet \u2014 {section.title}", level + 1, "h2" if level else "h1"))
    story.add(*pdf_theme_sheets.audit_sheet(view, theme, story.width))
    story.new_page()
    story.add(SectionHeading(f"Portfolio evidence summary sheet \u2014 {section.title}", level + 1,
                             "h2" if level else "h1"))
    story.add(*pdf_theme_sheets.summary_sheet(view, theme, story.width))
    story.add(CondPageBreak(160))
    story.add(SectionHeading(f"Evidence list \u2014 {section.title}", level + 1, "h2" if level else "h1"))
    story.add(*pdf_evidence.evidence_table(view.theme_evidence(theme), story.width, thumbnail))


def _section(view: PortfolioView, section: Section, story: _Story, thumbnail) -> None:
    kind, level = section.kind, section.level
    if kind == "theme":
        return _theme(view, section, story, thumbnail)
    if kind == "part":
        story.pending = [SectionHeading(section.title, level, "h0")]
        if section.note:
            story.pending.append(Paragraph(para_text(section.note), styles()["muted"]))
        return
    if kind == "action_plan":
        story.new_page(landscape=True)
        story.add(SectionHeading(section.title, level))
        story.add(*pdf_plans.action_plan_table(view, story.width))
        return
    story.new_page()
    story.add(SectionHeading(section.title, level))
    if kind == "audit_findings":
        story.add(*pdf_theme_sheets.audit_findings(view, story.width))
    elif kind == "cover_sheets":
        for n, priority in enumerate(view.priorities):
            if n:
                story.new_page()
            title = f"Priority {text(priority.get('number'))}: {text(priority.get('title'))}"
            story.add(SectionHeading(title, level + 1, "h2" if level else "h1"))
            story.add(*pdf_evidence.cover_sheet(view, priority, story.width, thumbnail))
    elif kind == "generic":
        story.add(*pdf_evidence.evidence_table(view.component_evidence("generic"), story.width, thumbnail))
    elif kind == "three_year_plan":
        story.add(*pdf_plans.long_text(view.snapshot.get("three_year_plan"), "The outline plan is not written yet."))
        story.add(Paragraph("Supporting evidence", styles()["h2"]))
        story.add(*pdf_evidence.evidence_table(view.component_evidence("plan"), story.width, thumbnail))
    elif kind == "case_study":
        story.add(*pdf_plans.long_text(view.snapshot.get("case_study"), "The case study is not written yet."))


def render_portfolio_pdf(snapshot: dict, out: BinaryIO, thumbnail: Callable[[int], bytes | None]) -> None:
    """Write the printable portfolio (contents with page numbers, bookmarks, thumbnails) to out."""
    view = PortfolioView(snapshot)
    footer = f"Produced {nice_date(snapshot.get('created_at'))} with Portfolio Builder".replace("Produced  ", "")
    doc = PortfolioDocTemplate(out, setting_name=view.setting_name, scheme_name=view.scheme_name,
                               footer_note=footer, draft=view.draft,
                               title=f"{view.setting_name} \u2014 {view.scheme_name} portfolio")
    story = _Story()
    _title_page(view, story)
    story.new_page()
    contents = contents_table()
    story.add(SectionHeading("Contents", 0, "h0", in_contents=False), contents)
    for section in view.sections():
        _section(view, section, story, thumbnail)
    story.add(PageTotalMarker(doc))
    # Seed the contents with every entry (page numbers unknown) so the first pass already lays out pages
    # as the final one will: two passes instead of three.
    contents._entries = [(h.outline_level, para_text(h.plain_title), 999, h.bookmark_key)
                         for h in story.flow if isinstance(h, SectionHeading) and h.in_contents]
    doc.multiBuild(story.flow)
