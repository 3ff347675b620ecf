"""Render the document plan as portfolio.pdf: title page, contents, then each sheet in the scheme's order."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Spacer

from ..shape.portfolio_shape import PortfolioShape
from .document_plan import document_plan
from .pdf_blocks import block_flowables
from .pdf_cells import label_table
from .pdf_contents import PageTotalMarker, PortfolioDocTemplate, SectionHeading, contents_table
from .pdf_paragraph import Paragraph
from .pdf_styles import para_text, styles
from .portfolio_view import PortfolioView, nice_date
from .sheet_content import Entry

Thumbnail = Callable[[int], "bytes | None"]


class _Story:
    """The flowables plus the current orientation; headings of groups wait for the page of their first sheet."""

    def __init__(self):
        self.flow: list = []
        self.landscape = False
        self.pending: list = []

    def new_page(self, landscape: bool = False) -> None:
        self.flow += [
            NextPageTemplate("landscape" if landscape else "portrait"),
            PageBreak(),
            *self.pending,
        ]
        self.pending = []
        self.landscape = landscape

    @property
    def width(self) -> float:
        return PortfolioDocTemplate.frame_width(self.landscape)

    def add(self, *flowables) -> None:
        self.flow.extend(flowables)


def _heading(entry: Entry) -> SectionHeading:
    if entry.muted:
        return SectionHeading(entry.title, entry.level, "muted")
    return SectionHeading(
        entry.title, entry.level, "h0" if entry.level == 0 and entry.sheet is None else None
    )


def _title_page(view: PortfolioView, story: _Story) -> None:
    s, setting, lead = styles(), view.setting, view.lead
    story.add(
        Spacer(1, 110),
        Paragraph(para_text(view.setting_name), s["title"]),
        Paragraph(para_text(view.scheme_name), s["subtitle"]),
        Paragraph("Portfolio of evidence", s["subtitle"]),
        Spacer(1, 20),
    )
    if view.draft:
        story.add(
            Paragraph("DRAFT \u2014 work in progress, not the final portfolio", s["draft_banner"]),
            Spacer(1, 20),
        )
    rows = [
        ("Awarding body", view.scheme.awarding_body),
        ("Setting", setting.name),
        ("Type of setting", setting.kind),
        ("Address", setting.address),
        ("Reference", setting.reference),
        ("Head", setting.head),
        ("Lead", ", ".join(x for x in ((lead.name, lead.role) if lead else ()) if x)),
        (
            view.words.award_level if view.scheme.award else "",
            setting.award_level if view.scheme.award else "",
        ),
        ("Portfolio produced", nice_date(view.shape.created_at)),
    ]
    story.add(label_table([(k, v) for k, v in rows if k and v], story.width))
    if view.left_out_note():
        story.add(Spacer(1, 10), Paragraph(para_text(view.left_out_note()), s["muted"]))


def _entry(
    view: PortfolioView, entry: Entry, story: _Story, thumbnail: Thumbnail | None, contents
) -> None:
    s = styles()
    if entry.contents_page:
        story.new_page()
        story.add(SectionHeading("Contents", 0, "h0", in_contents=False), contents)
        return
    if entry.sheet is None:
        if (
            entry.runs_on and not story.pending
        ):  # a short theme of one audit: on the page after the last
            story.add(CondPageBreak(6 * cm), Spacer(1, 8))
            story.pending = []
            story.add(_heading(entry))
            if entry.note:
                story.add(Paragraph(para_text(entry.note), s["muted"]))
            return
        story.pending.append(_heading(entry))
        if entry.note:
            story.pending.append(Paragraph(para_text(entry.note), s["muted"]))
        return
    sheet = entry.sheet
    if (
        (not sheet.word or entry.runs_on)
        and not story.pending
        and story.landscape == sheet.landscape
    ):
        story.add(CondPageBreak(5 * cm))  # an evidence list follows its sheets; short themes run on
    else:
        story.new_page(sheet.landscape)
    story.add(_heading(entry))
    story.add(*block_flowables(sheet.blocks, story.width, thumbnail))


def render_portfolio_pdf(
    shape: PortfolioShape,
    out: BinaryIO,
    thumbnail: Thumbnail | None,
    stop: Callable[[], bool] | None = None,
) -> None:
    """Write the printable portfolio (contents with page numbers, bookmarks, thumbnails) to out.

    stop() is asked as each part is laid out; Cancelled when it turns true (an export given up meanwhile).
    """
    view = PortfolioView(shape)
    footer = f"Produced {nice_date(shape.created_at)} with Portfolio Builder".replace(
        "Produced  ", ""
    )
    if view.draft and shape.missing:
        footer += f"  \u00b7  DRAFT: {len(shape.missing)} item(s) still missing, listed after the contents"
    doc = PortfolioDocTemplate(
        out,
        setting_name=view.setting_name,
        scheme_name=view.scheme_name,
        footer_note=footer,
        draft=view.draft,
        title=f"{view.setting_name} \u2014 {view.scheme_name} portfolio",
        stop=stop,
    )
    story = _Story()
    _title_page(view, story)
    contents = contents_table()
    for entry in document_plan(view):
        _entry(view, entry, story, thumbnail, contents)
    if story.pending:  # group headings with nothing after them (themes not entered yet, at the end)
        story.new_page()
    story.add(PageTotalMarker(doc))
    contents._entries = [
        (h.outline_level, para_text(h.plain_title), 999, h.bookmark_key)
        for h in story.flow
        if isinstance(h, SectionHeading) and h.in_contents
    ]
    doc.multiBuild(story.flow)
