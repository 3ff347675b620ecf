"""Read-only pages the assessor reads beside the tree: simple HTML, every value from the bundle escaped.

The audit, action plan, cover sheets, texts and the setting's first page reuse the same sheet content
the PDF and Word sheets print, so the assessor reads on screen exactly what the setting submitted.
"""

from __future__ import annotations

from html import escape

from ..documents import sheets_plan, sheets_theme
from ..documents.portfolio_view import PortfolioView, consent_words, kind_words, nice_date, text
from ..documents.sheet_content import Cell, EvidenceList, Fields, Heading, Paragraphs, Sheet, Table
from ..shape.portfolio_shape import (
    DescriptorShape,
    EvidenceShape,
    PortfolioShape,
    PriorityShape,
    ThemeShape,
)
from .bundle_contents import (
    ACTION_PLAN,
    AUDIT,
    CHECK,
    DESCRIPTOR,
    DOCUMENT,
    EVIDENCE,
    PRIORITY,
    SETTING,
    TEXT,
    THEME,
    ContentNode,
    evidence_action,
)

DAMAGED_NOTE = (
    '<p style="color:#B03A2E"><b>Damaged:</b> this file is missing from the bundle or differs from '
    "what the setting sent (its checksum does not match). Ask the setting for a new bundle.</p>"
)


def _e(value) -> str:
    return escape(text(value)).replace("\n", "<br>")


def _rows(pairs) -> str:
    cells = "".join(
        f'<tr><td style="background:#E4EEF3"><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>'
        for k, v in pairs
        if text(v)
    )
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%">{cells}</table>'


def _cell(value: Cell) -> str:
    body = "<br>".join(_e(line) for line in value.lines)
    if value.bold:
        body = f"<b>{body}</b>"
    if value.lead:
        body = f"<b>{_e(value.lead)}</b> {body}"
    return body


def _table(header: list[str], rows: list[list[str]]) -> str:
    """rows hold HTML already escaped."""
    head = "".join(
        f'<th style="background:#1F5E7A;color:white" align="left">{_e(h)}</th>' for h in header
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{body}</table>'


def sheet_html(sheet: Sheet, heading: bool = True) -> str:
    """A sheet's blocks as the rich text the viewer shows."""
    out = [f"<h2>{_e(sheet.title)}</h2>"] if heading else []
    for block in sheet.blocks:
        if isinstance(block, Table):
            out.append(
                _table(
                    [c.label for c in block.columns],
                    [[_cell(v) for v in row] for row in block.rows],
                )
                if block.rows
                else f"<p><i>{_e(block.empty or 'Nothing recorded yet.')}</i></p>"
            )
        elif isinstance(block, Fields):
            out.append(_rows(block.pairs))
        elif isinstance(block, Paragraphs):
            body = (block.body or "").strip()
            out.append(
                f"<p>{_e(body)}</p>"
                if body
                else (f"<p><i>{_e(block.empty)}</i></p>" if block.empty else "")
            )
        elif isinstance(block, Heading):
            out.append(f"<h3>{_e(block.text)}</h3>")
        elif isinstance(block, EvidenceList):
            out.append(
                _table(
                    ["Title", "Kind", "Date"],
                    [
                        [_e(i.title), _e(kind_words(i.kind)), _e(nice_date(i.evidence_date))]
                        for i in block.items
                    ],
                )
                if block.items
                else f"<p><i>{_e(block.empty)}</i></p>"
            )
    return "".join(out)


def check_page(valid: bool, problems: list[str], damaged: set[str]) -> str:
    """The verification result: valid, or each problem (missing, altered, extra files) in plain words."""
    if valid:
        return (
            "<h2>Bundle check: valid</h2><p>Every file is present and unchanged since the setting exported "
            "the bundle; nothing extra was added.</p>"
        )
    items = "".join(f"<li>{_e(p)}</li>" for p in problems) or "<li>Unknown problem.</li>"
    note = (
        f"<p>{len(damaged)} file(s) are marked <b>damaged</b> in the tree; everything else can still be "
        "viewed.</p>"
        if damaged
        else ""
    )
    return f'<h2 style="color:#B03A2E">Bundle check: problems found</h2><ul>{items}</ul>{note}'


def _evidence_page(view: PortfolioView, item: EvidenceShape, damaged: bool) -> str:
    how = {
        "photo": "Shown above.",
        "file": "“Open in viewer” opens a read-only copy in your usual program.",
        "link": "A web link: it opens in your browser only after you confirm.",
        "none": "Not included in the bundle.",
    }[evidence_action(item)]
    words = view.words
    pairs = [
        ("Title", item.title),
        ("Kind", kind_words(item.kind)),
        ("Description", item.description),
        ("Source", item.source),
        ("Date", nice_date(item.evidence_date)),
        ("Collected by", item.collected_by),
        ("Consent", consent_words(item.consent)),
        (f"{words.key_evidence} for", ", ".join(item.key_for)),
        (f"{words.cross_reference} for", ", ".join(item.cross_reference_for)),
        (words.cover_sheets, ", ".join(f"{words.priority} {n}" for n in item.cover_sheets)),
        ("File in the bundle", item.path),
        ("Web address", item.url),
    ]
    if item.redacted:
        pairs.append(
            (
                "Blurred",
                "Yes: the setting blurred or blocked out parts of this photo before it left.",
            )
        )
    if item.included is False:
        pairs.append(("Included", "No: the setting left this item out of the bundle."))
    return (
        f"<h2>{_e(item.title)}</h2>"
        + (DAMAGED_NOTE if damaged else "")
        + f"<p><i>{_e(how)}</i></p>"
        + _rows(pairs)
    )


def _descriptor_page(view: PortfolioView, d: DescriptorShape) -> str:
    key, cross = view.items(d.key_evidence), view.items(d.cross_references)
    examples = "".join(f"<li>{_e(x)}</li>" for x in d.examples)
    history = [
        [_e(nice_date(r.on)), _e(r.label), _e(r.comment), _e(r.gap), _e(r.by)]
        for r in d.rating_history
    ]
    words = view.words
    counted = (
        view.scheme.evidence_rule.per_descriptor
    )  # IiF keeps its evidence on the cover sheets instead
    key_part = ""
    if key or counted:
        key_part = f"<h3>{_e(words.key_evidence)}</h3>" + (
            _table(
                ["Title", "Kind", "Date"],
                [
                    [_e(i.title), _e(kind_words(i.kind)), _e(nice_date(i.evidence_date))]
                    for i in key
                ],
            )
            if key
            else "<p><i>None presented.</i></p>"
        )
    return (
        f"<h2>{_e(d.code)}</h2><p>{_e(view.descriptor_text(d))}</p>"
        + (f"<p><b>{_e(words.examples)}</b></p><ul>{examples}</ul>" if examples else "")
        + key_part
        + (
            f"<h3>{_e(words.cross_reference)}</h3>"
            + _table(["Title", "Kind"], [[_e(i.title), _e(kind_words(i.kind))] for i in cross])
            if cross
            else ""
        )
        + f"<h3>{_e(words.rating)} (the setting's own)</h3><p>Current: "
        f"<b>{_e(d.rating.label if d.rating else 'not rated')}</b></p>"
        + (_table(["Date", "Level", words.comment, words.gap, "By"], history) if history else "")
    )


def _theme_page(view: PortfolioView, theme: ThemeShape) -> str:
    words, lead = view.words, theme.lead
    pairs = [
        (words.theme_lead, ", ".join(x for x in ((lead.name, lead.role) if lead else ()) if x)),
        (words.gathering_started, nice_date(theme.gathering_started)),
        (words.gathering_ended, nice_date(theme.gathering_ended)),
        (words.summative_comment, theme.summative_comment),
    ]
    if view.scheme.best_fit is not None and theme.best_fit is not None:
        pairs.insert(
            0,
            (
                view.scheme.best_fit.label,
                f"{theme.best_fit.label} ({nice_date(theme.best_fit.on)})",
            ),
        )
    counted = view.scheme.evidence_rule.per_descriptor
    rows = [
        [_e(d.code), _e(view.descriptor_text(d)), _e(d.rating.label if d.rating else "")]
        + ([_e(len(d.key_evidence))] if counted else [])
        for d in theme.descriptors
    ]
    return (
        f"<h2>{_e(view.theme_heading(theme))}</h2><p>{_e(theme.description)}</p>"
        + _rows(pairs)
        + f"<h3>{_e(words.descriptors)}</h3>"
        + _table(
            ["Code", words.descriptor, words.rating] + ([words.key_evidence] if counted else []),
            rows,
        )
    )


def _audit_page(view: PortfolioView) -> str:
    parts = [f"<h2>{_e(view.words.audit)}</h2>", f"<p>{_e(sheets_theme.scale_note(view))}</p>"]
    for theme in view.entered_themes():
        parts.append(sheet_html(sheets_theme.audit_sheet(view, theme)))
    parts.append(sheet_html(sheets_theme.audit_findings(view, "Audit findings")))
    return "".join(parts)


def page_for(
    node: ContentNode,
    shape: PortfolioShape,
    check: tuple[bool, list[str], set[str]] = (True, [], set()),
) -> str:
    """The HTML page shown for a tree node; every value that came from the bundle is escaped."""
    view = PortfolioView(shape)
    kind, data = node.kind, node.data
    if kind == CHECK:
        return check_page(*check)
    if kind == SETTING:
        return sheet_html(sheets_plan.assessor_first_page(view, "Setting details and context"))
    if kind == THEME:
        return _theme_page(view, data)
    if kind == DESCRIPTOR:
        return _descriptor_page(view, data)
    if kind == EVIDENCE:
        return _evidence_page(view, data, node.damaged)
    if kind == AUDIT:
        return _audit_page(view)
    if kind == ACTION_PLAN:
        return sheet_html(sheets_plan.action_plan(view, view.words.action_plan))
    if kind == PRIORITY and isinstance(data, PriorityShape):
        return sheet_html(sheets_plan.cover_sheet(view, data))
    if kind == TEXT:
        return sheet_html(sheets_plan.text_sheet(view, data, data.title))
    if kind == DOCUMENT:
        return (
            f"<h2>{_e(node.title)}</h2>"
            + (DAMAGED_NOTE if node.damaged else "")
            + "<p><i>“Open in viewer” opens a read-only copy in your usual program.</i></p>"
        )
    return f"<h2>{_e(node.title)}</h2><p><i>Choose an item on the left.</i></p>"
