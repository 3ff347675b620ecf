"""Evidence lists (with photo thumbnails) and the Priority Action Cover Sheets of the PDF."""

from __future__ import annotations

from typing import Callable

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from .link_safety import safe_web_url
from .pdf_cells import cell, house_table, label_table, lines_cell, markup_cell, thumbnail_image
from .pdf_styles import para_text, styles
from .portfolio_view import PortfolioView, consent_words, kind_words, nice_date, text

Thumbnail = Callable[[int], "bytes | None"]


def _title_markup(item: dict) -> str:
    parts = [f"<b>{para_text(item.get('title'))}</b>"]
    if item.get("description"):
        parts.append(para_text(item.get("description")))
    url = safe_web_url(item.get("url"))
    if url:
        parts.append(f'<a href="{para_text(url)}" color="#1F5E7A">{para_text(url)}</a>')
    elif item.get("url"):
        parts.append(para_text(item.get("url")))
    if item.get("included") is False:
        parts.append("<i>Not included in this bundle.</i>")
    elif item.get("path"):
        parts.append(f"<font size='6.5' color='#5B6770'>{para_text(item.get('path'))}</font>")
    return "<br/>".join(parts)


def _thumb(item: dict, thumbnail: Thumbnail | None):
    if thumbnail is None or item.get("included") is False or item.get("id") is None:
        return ""
    try:
        data = thumbnail(item["id"])
    except Exception:  # a missing preview is not worth failing the export for
        return ""
    return thumbnail_image(data) or ""


def evidence_table(items: list[dict], width: float, thumbnail: Thumbnail | None) -> list:
    """Title, kind, date, source, consent and what each item evidences, with a thumbnail for photos."""
    if not items:
        return [Paragraph("No evidence recorded here yet.", styles()["muted"])]
    widths = [2.3 * cm] + [w * (width - 2.3 * cm) for w in (0.32, 0.11, 0.14, 0.16, 0.11, 0.16)]
    header = ["Preview", "Title", "Kind", "Date", "Source / collected by", "Consent", "Evidence for"]
    rows = []
    for item in items:
        used = [f"Key: {', '.join(item.get('key_for') or [])}" if item.get("key_for") else "",
                f"Cross-ref: {', '.join(item.get('cross_reference_for') or [])}"
                if item.get("cross_reference_for") else "",
                "Priority " + ", ".join(str(n) for n in item.get("cover_sheets") or [])
                if item.get("cover_sheets") else ""]
        source = [text(item.get("source")), text(item.get("collected_by"))]
        rows.append([_thumb(item, thumbnail), markup_cell(_title_markup(item)), cell(kind_words(item.get("kind"))),
                     cell(nice_date(item.get("evidence_date") or item.get("taken_at"))), lines_cell(source),
                     cell(consent_words(item.get("consent"))), lines_cell(used)])
    return [house_table(header, rows, widths)]


def cover_sheet(view: PortfolioView, priority: dict, width: float, thumbnail: Thumbnail | None) -> list:
    """One Priority Action Cover Sheet: the priority, its lead, the dated diary and the evidence collected."""
    sheet = priority.get("cover_sheet") or {}
    flow = [label_table([
        ("Priority", f"{text(priority.get('number'))}. {text(priority.get('title'))}"),
        ("What it aims to do", priority.get("description")),
        ("Lead", sheet.get("lead") or priority.get("lead")),
        ("Started on", nice_date(sheet.get("started_on"))),
        ("Quality statements / descriptors", ", ".join(text(c) for c in priority.get("descriptor_codes") or [])),
    ], width), Spacer(1, 6)]
    if not sheet:
        flow.append(Paragraph("The cover sheet has not been started.", styles()["muted"]))
        return flow
    flow.append(Paragraph("Diary of actions taken", styles()["h2"]))
    diary = [e for e in sheet.get("diary") or [] if isinstance(e, dict)]
    if diary:
        rows = [[cell(nice_date(e.get("date"))), cell(e.get("text")), cell(e.get("author"))] for e in diary]
        flow.append(house_table(["Date", "Action taken", "By"], rows, [2.4 * cm, width - 6.4 * cm, 4 * cm]))
    else:
        flow.append(Paragraph("No diary entries yet.", styles()["muted"]))
    flow.append(KeepTogether([Paragraph("Impact on family engagement", styles()["h2"]),
                              Paragraph(para_text(sheet.get("impact_summary")) or "\u2014", styles()["body"])]))
    flow.append(Paragraph("Evidence collected", styles()["h2"]))
    flow += evidence_table(view.cover_sheet_evidence(priority), width, thumbnail)
    return flow
