"""data/ro-crate-preview.html: a static contents index of the portfolio, in the scheme's order, that opens offline."""

from __future__ import annotations

from collections.abc import Callable

from ..shape.portfolio_shape import EvidenceShape, PortfolioShape
from .document_plan import document_plan
from .html_markup import data_image, esc, esc_lines, file_link, page, safe_colour, web_link
from .portfolio_view import PortfolioView, consent_words, nice_date
from .render_docx import sheet_file_names
from .sheet_content import Cell, EvidenceList, Fields, Heading, Paragraphs, Table

Thumbnail = Callable[[int], "bytes | None"]


def _evidence_entry(item: EvidenceShape, thumbnail: Thumbnail | None) -> str:
    title = item.title or "(untitled)"
    picture = ""
    if thumbnail is not None and item.included is not False:
        try:
            picture = data_image(thumbnail(item.id), title)
        except Exception:  # noqa: BLE001 - a missing preview never stops the index
            picture = ""
    if item.url:
        label = web_link(item.url, title)
    elif item.included is False:
        label = f'{esc(title)} <span class="muted">(not included in this bundle)</span>'
    else:
        label = file_link(item.path, title)
    details = ", ".join(x for x in (esc(item.kind), esc(nice_date(item.evidence_date))) if x)
    word = consent_words(item.consent)
    consent = f" \u00b7 consent: {esc(word.lower())}" if word else ""
    return f'<li>{picture}{label} <span class="meta">({details}{consent})</span></li>'


def _evidence_list(block: EvidenceList, thumbnail: Thumbnail | None) -> str:
    if not block.items:
        return f'<p class="muted">{esc(block.empty)}</p>'
    return (
        '<ul class="evidence">'
        + "".join(_evidence_entry(i, thumbnail) for i in block.items)
        + "</ul>"
    )


def _cell(value: Cell, header_cell: bool = False) -> str:
    body = "<br>".join(esc(line) for line in value.lines)
    if value.bold:
        body = f"<strong>{body}</strong>"
    if value.lead:
        body = f"<strong>{esc(value.lead)}</strong> {body}"
    style = f' style="border-left:8px solid {safe_colour(value.tint)}"' if value.tint else ""
    tag = 'th scope="row"' if header_cell else "td"
    return f"<{tag}{style}>{body}</{tag.split()[0]}>"


def _table(block: Table, caption: str) -> str:
    if not block.rows:
        return f'<p class="muted">{esc(block.empty or "Nothing recorded yet.")}</p>'
    head = "".join(f'<th scope="col">{esc(c.label)}</th>' for c in block.columns)
    rows = "".join(
        "<tr>" + "".join(_cell(v, n == 0) for n, v in enumerate(row)) + "</tr>"
        for row in block.rows
    )
    return f"<table><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _fields(block: Fields) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td>{esc_lines(value)}</td></tr>'
        for label, value in block.pairs
    )
    return f'<table class="fields"><tbody>{rows}</tbody></table>'


def _paragraphs(block: Paragraphs) -> str:
    body = (block.body or "").strip()
    if not body:
        return f'<p class="muted">{esc(block.empty)}</p>' if block.empty else ""
    css = {"muted": ' class="muted"', "small": ' class="meta"'}.get(block.style, "")
    return "".join(
        f"<p{css}>{esc_lines(chunk.strip())}</p>" for chunk in body.split("\n\n") if chunk.strip()
    )


def _blocks(blocks, caption: str, thumbnail: Thumbnail | None, level: int) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(_table(block, caption))
        elif isinstance(block, Fields):
            out.append(_fields(block))
        elif isinstance(block, Paragraphs):
            out.append(_paragraphs(block))
        elif isinstance(block, Heading):
            tag = f"h{min(level + 3, 6)}"
            out.append(f"<{tag}>{esc(block.text)}</{tag}>")
        elif isinstance(block, EvidenceList):
            out.append(_evidence_list(block, thumbnail))
    return "".join(out)


def render_preview_html(shape: PortfolioShape, thumbnail: Thumbnail | None = None) -> str:
    """The contents index: every part of the portfolio in the scheme's order, with links to the evidence."""
    view = PortfolioView(shape)
    entries = [e for e in document_plan(view) if not e.contents_page]
    parts = [
        '<a class="skip" href="#main">Skip to the portfolio</a>',
        f'<header><h1>{esc(view.setting_name)}</h1><p class="meta">{esc(view.scheme_name)} \u00b7 portfolio '
        f"of evidence \u00b7 produced {esc(nice_date(shape.created_at))}</p>",
    ]
    if view.draft:
        parts.append('<p class="draft">DRAFT \u2014 work in progress, not the final portfolio</p>')
    if view.left_out_note():
        parts.append(f'<p class="meta">{esc(view.left_out_note())}</p>')
    sheets = "".join(
        f"<li>{file_link('sheets/' + name, name)}</li>" for name in sheet_file_names(shape)
    )
    parts.append(
        f"<p>{file_link('portfolio.pdf', 'The printable portfolio (PDF)')}</p>"
        f"<details><summary>Editable sheets (Word)</summary><ul>{sheets}</ul></details></header>"
    )
    nav = "".join(
        f'<li style="margin-left:{e.level * 1.2}em"><a href="#s{n}">{esc(e.title)}</a></li>'
        for n, e in enumerate(entries, start=1)
    )
    parts.append(
        f'<nav aria-label="Contents"><h2>Contents</h2><ol>{nav}</ol></nav><main id="main">'
    )
    for n, entry in enumerate(entries, start=1):
        tag = f"h{min(entry.level + 2, 6)}"
        body = f'<p class="meta">{esc(entry.note)}</p>' if entry.note else ""
        if entry.sheet is not None:
            body += _blocks(entry.sheet.blocks, entry.title, thumbnail, entry.level)
        parts.append(f'<section id="s{n}"><{tag}>{esc(entry.title)}</{tag}>{body}</section>')
    parts.append("</main>")
    return page(f"{view.setting_name} \u2014 {view.scheme_name}", "\n".join(parts))
