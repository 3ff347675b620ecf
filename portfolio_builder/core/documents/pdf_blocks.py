"""Sheet content blocks (core.documents.sheet_content) as ReportLab flowables in the house style."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Spacer

from ..shape.portfolio_shape import EvidenceShape
from .link_safety import safe_web_url
from .pdf_cells import cell, house_table, label_table, lines_cell, markup_cell, thumbnail_image
from .pdf_paragraph import Paragraph
from .pdf_styles import para_text, styles
from .portfolio_view import consent_words, kind_words, nice_date
from .sheet_content import Cell, EvidenceList, Fields, Heading, Paragraphs, Table

DATE_WIDTH = 2.6 * cm  # '✓ 28 May 2026' in bold on one line
Thumbnail = Callable[[int], "bytes | None"]


def _tint(hex_colour: str) -> colors.Color:
    """A pale version of a level colour for the current-rating cell."""
    try:
        c = colors.HexColor(hex_colour)
    except (ValueError, TypeError):
        c = colors.HexColor("#888888")
    return colors.Color(
        c.red + (1 - c.red) * 0.8, c.green + (1 - c.green) * 0.8, c.blue + (1 - c.blue) * 0.8
    )


def _cell(value: Cell):
    lines = [para_text(line) for line in value.lines if line]
    body = "<br/>".join(lines)
    if value.bold and body:
        body = f"<b>{body}</b>"
    if value.lead:
        body = f"<b>{para_text(value.lead)}</b> {body}".strip()
    return markup_cell(body)


def table_flowable(table: Table, width: float):
    """A house table whose date columns keep a fixed width and the rest share what is left."""
    if not table.rows:
        return Paragraph(para_text(table.empty or "Nothing recorded yet."), styles()["muted"])
    fixed = sum(DATE_WIDTH for c in table.columns if c.date)
    shares = sum(c.share for c in table.columns if not c.date) or 1
    widths = [DATE_WIDTH if c.date else (width - fixed) * c.share / shares for c in table.columns]
    extra = [
        ("BACKGROUND", (col, row), (col, row), _tint(value.tint))
        for row, values in enumerate(table.rows, start=1)
        for col, value in enumerate(values)
        if value.tint
    ]
    return house_table(
        [c.label for c in table.columns],
        [[_cell(v) for v in row] for row in table.rows],
        widths,
        extra,
    )


def paragraphs(block: Paragraphs) -> list:
    """Free text split into paragraphs on blank lines; a muted note when there is none."""
    body = (block.body or "").strip()
    if not body:
        return [Paragraph(para_text(block.empty), styles()["muted"])] if block.empty else []
    style = styles()[block.style]
    return [
        Paragraph(para_text(chunk.strip()), style) for chunk in body.split("\n\n") if chunk.strip()
    ]


def _link(url: str) -> str:
    """A clickable http(s) link; the address is escaped for the attribute, quotes included."""
    safe = safe_web_url(url)
    if safe is None:
        return para_text(url)
    return f'<a href="{escape(safe, {chr(34): "&quot;"})}" color="#1F5E7A">{para_text(safe)}</a>'


def _title_markup(item: EvidenceShape) -> str:
    parts = [f"<b>{para_text(item.title)}</b>"]
    if item.description:
        parts.append(para_text(item.description))
    if item.url:
        parts.append(_link(item.url))
    if item.included is False:
        parts.append("<i>Not included in this bundle.</i>")
    elif item.path:
        parts.append(f"<font size='6.5' color='#5B6770'>{para_text(item.path)}</font>")
    return "<br/>".join(parts)


def _thumb(item: EvidenceShape, thumbnail: Thumbnail | None):
    if thumbnail is None or item.included is False:
        return ""
    try:
        data = thumbnail(item.id)
    except Exception:  # noqa: BLE001 - a missing preview is not worth failing the export for
        return ""
    return thumbnail_image(data) or ""


def evidence_table(block: EvidenceList, width: float, thumbnail: Thumbnail | None):
    """Title, kind, date, source, consent and what each item evidences, with a thumbnail for photos."""
    if not block.items:
        return Paragraph(para_text(block.empty), styles()["muted"])
    widths = [2.3 * cm] + [w * (width - 2.3 * cm) for w in (0.32, 0.11, 0.14, 0.16, 0.11, 0.16)]
    header = [
        "Preview",
        "Title",
        "Kind",
        "Date",
        "Source / collected by",
        "Consent",
        "Evidence for",
    ]
    rows = []
    for item in block.items:
        used = [
            f"Key: {', '.join(item.key_for)}" if item.key_for else "",
            f"Cross-ref: {', '.join(item.cross_reference_for)}" if item.cross_reference_for else "",
            "Priority " + ", ".join(str(n) for n in item.cover_sheets) if item.cover_sheets else "",
        ]
        rows.append(
            [
                _thumb(item, thumbnail),
                markup_cell(_title_markup(item)),
                cell(kind_words(item.kind)),
                cell(nice_date(item.evidence_date or item.taken_at)),
                lines_cell([item.source, item.collected_by]),
                cell(consent_words(item.consent)),
                lines_cell(used),
            ]
        )
    return house_table(header, rows, widths)


def block_flowables(blocks, width: float, thumbnail: Thumbnail | None) -> list:
    """Flowables for a sheet's blocks, in order."""
    flow: list = []
    for block in blocks:
        if isinstance(block, Table):
            flow += [table_flowable(block, width), Spacer(1, 6)]
        elif isinstance(block, Fields):
            flow += [KeepTogether(label_table(list(block.pairs), width)), Spacer(1, 6)]
        elif isinstance(block, Paragraphs):
            flow += paragraphs(block)
        elif isinstance(block, Heading):
            flow.append(Paragraph(para_text(block.text), styles()["h2"]))
        elif isinstance(block, EvidenceList):
            flow.append(evidence_table(block, width, thumbnail))
    return flow
