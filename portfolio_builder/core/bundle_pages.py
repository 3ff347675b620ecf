"""Read-only pages the assessor reads beside the tree: simple HTML with every value from the bundle escaped."""

from __future__ import annotations

from html import escape

from .bundle_contents import (ACTION_PLAN, AUDIT, CHECK, DESCRIPTOR, DOCUMENT, EVIDENCE, PRIORITY, SETTING, TEXT,
                              THEME, ContentNode, evidence_action)
from .documents.portfolio_view import PortfolioView, consent_words, kind_words, nice_date, status_words, text

DAMAGED_NOTE = ('<p style="color:#B03A2E"><b>Damaged:</b> this file is missing from the bundle or differs from '
                'what the setting sent (its checksum does not match). Ask the setting for a new bundle.</p>')


def _e(value) -> str:
    return escape(text(value)).replace("\n", "<br>")


def _rows(pairs) -> str:
    cells = "".join(f'<tr><td style="background:#E4EEF3"><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>'
                    for k, v in pairs if text(v))
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%">{cells}</table>'


def _table(header: list[str], rows: list[list]) -> str:
    head = "".join(f'<th style="background:#1F5E7A;color:white" align="left">{_e(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{body}</table>'


def check_page(valid: bool, problems: list[str], damaged: set[str]) -> str:
    """The verification result: valid, or each problem (missing, altered, extra files) in plain words."""
    if valid:
        return ("<h2>Bundle check: valid</h2><p>Every file is present and unchanged since the setting exported "
                "the bundle; nothing extra was added.</p>")
    items = "".join(f"<li>{_e(p)}</li>" for p in problems) or "<li>Unknown problem.</li>"
    note = (f"<p>{len(damaged)} file(s) are marked <b>damaged</b> in the tree; everything else can still be "
            "viewed.</p>" if damaged else "")
    return f'<h2 style="color:#B03A2E">Bundle check: problems found</h2><ul>{items}</ul>{note}'


def _evidence_page(view: PortfolioView, item: dict, damaged: bool) -> str:
    action = evidence_action(item)
    how = {"photo": "Shown above.", "file": "“Open in viewer” opens a read-only copy in your usual program.",
           "link": "A web link: it opens in your browser only after you confirm.",
           "none": "Not included in the bundle."}[action]
    pairs = [("Title", item.get("title")), ("Kind", kind_words(item.get("kind"))), ("Description", item.get("description")),
             ("Source", item.get("source")), ("Date", nice_date(item.get("evidence_date"))),
             ("Collected by", item.get("collected_by")), ("Consent", consent_words(item.get("consent"))),
             ("Key evidence for", ", ".join(text(c) for c in item.get("key_for") or [])),
             ("Cross-reference for", ", ".join(text(c) for c in item.get("cross_reference_for") or [])),
             ("Cover sheets", ", ".join(f"Priority {text(n)}" for n in item.get("cover_sheets") or [])),
             ("File in the bundle", item.get("path")), ("Original file name", item.get("original_name")),
             ("Web address", item.get("url"))]
    if item.get("included") is False:
        pairs.append(("Included", "No: the setting left this item out of the bundle (for example, no consent)."))
    return (f"<h2>{_e(item.get('title'))}</h2>" + (DAMAGED_NOTE if damaged else "") + f"<p><i>{_e(how)}</i></p>"
            + _rows(pairs))


def _descriptor_page(view: PortfolioView, d: dict) -> str:
    rating = d.get("rating") if isinstance(d.get("rating"), dict) else {}
    key = view.items(d.get("key_evidence"))
    cross = view.items(d.get("cross_references"))
    examples = "".join(f"<li>{_e(x)}</li>" for x in d.get("examples") or [])
    history = [[nice_date(r.get("rated_on")), r.get("label"), r.get("comment"), r.get("gap"), r.get("rated_by")]
               for r in d.get("rating_history") or [] if isinstance(r, dict)]
    return (f"<h2>{_e(d.get('code'))}</h2><p>{_e(d.get('text'))}</p>"
            + (f"<p><b>Examples of evidence</b></p><ul>{examples}</ul>" if examples else "")
            + "<h3>Key evidence</h3>" + (_table(["Title", "Kind", "Date"], [[i.get("title"), kind_words(i.get("kind")),
                                                nice_date(i.get("evidence_date"))] for i in key])
                                         if key else "<p><i>No key evidence presented.</i></p>")
            + ("<h3>Cross-references</h3>" + _table(["Title", "Kind"], [[i.get("title"), kind_words(i.get("kind"))]
                                                                        for i in cross]) if cross else "")
            + f"<h3>The setting's own audit</h3><p>Current rating: <b>{_e(rating.get('label') or 'not rated')}</b>"
              f"</p>" + (_table(["Date", "Level", "Comment", "Gap", "By"], history) if history else ""))


def _theme_page(view: PortfolioView, theme: dict) -> str:
    lead = theme.get("lead") if isinstance(theme.get("lead"), dict) else {}
    rows = [[d.get("code"), d.get("text"), (d.get("rating") or {}).get("label") if isinstance(d.get("rating"), dict)
             else "", len(d.get("key_evidence") or [])] for d in theme.get("descriptors") or [] if isinstance(d, dict)]
    return (f"<h2>{_e(view.theme_heading(theme))}</h2><p>{_e(theme.get('description'))}</p>"
            + _rows([("Lead", ", ".join(x for x in (text(lead.get("name")), text(lead.get("role"))) if x)),
                     ("Gathering began", nice_date(theme.get("gathering_started"))),
                     ("Gathering ended", nice_date(theme.get("gathering_ended"))),
                     ("Summative comment", theme.get("summative_comment"))])
            + "<h3>Descriptors</h3>" + _table(["Code", "Descriptor", "Setting's rating", "Key items"], rows))


def _audit_page(view: PortfolioView) -> str:
    parts = ["<h2>Audit</h2>", f"<p>Scale: {_e(view.framework.get('scale_name'))}</p>"]
    for theme in view.themes:
        rows = []
        for d in theme.get("descriptors") or []:
            r = d.get("rating") if isinstance(d.get("rating"), dict) else {}
            rows.append([d.get("code"), r.get("label") or "not rated", nice_date(r.get("rated_on")), r.get("comment"),
                         r.get("gap")])
        parts.append(f"<h3>{_e(view.theme_heading(theme))}</h3>")
        parts.append(_table(["Code", "Level", "Reached", "Evaluative comment", "Gap"], rows) if rows else
                     "<p><i>No descriptors.</i></p>")
    return "".join(parts)


def _action_plan_page(view: PortfolioView) -> str:
    rows = [[a.get("theme_code"), a.get("action"), a.get("lead"), a.get("resources"), nice_date(a.get("starts_on")),
             nice_date(a.get("ends_on")), a.get("monitoring"), a.get("success_criteria"), status_words(a.get("status"))]
            for a in view.actions]
    return "<h2>Action plan</h2>" + (_table(["Theme", "Action / activities", "Lead", "Resources", "From", "To",
                                             "Monitoring", "Success criteria", "Status"], rows)
                                     if rows else "<p><i>No actions.</i></p>")


def _priority_page(view: PortfolioView, p: dict) -> str:
    sheet = p.get("cover_sheet") if isinstance(p.get("cover_sheet"), dict) else {}
    diary = [[nice_date(e.get("date")), e.get("text"), e.get("author")] for e in sheet.get("diary") or []
             if isinstance(e, dict)]
    return (f"<h2>Priority {_e(p.get('number'))}: {_e(p.get('title'))}</h2>"
            + _rows([("What it aims to do", p.get("description")), ("Lead", sheet.get("lead") or p.get("lead")),
                     ("Started on", nice_date(sheet.get("started_on"))),
                     ("Descriptors", ", ".join(text(c) for c in p.get("descriptor_codes") or [])),
                     ("Impact on family engagement", sheet.get("impact_summary"))])
            + "<h3>Diary of actions taken</h3>" + (_table(["Date", "Action taken", "By"], diary) if diary else
                                                   "<p><i>No diary entries.</i></p>"))


def _setting_page(view: PortfolioView) -> str:
    s = view.setting
    return ("<h2>Setting details and context</h2>"
            + _rows([("Name", s.get("name")), ("Type", s.get("kind")), ("Address", s.get("address")),
                     ("Reference", s.get("reference")), ("Head", s.get("head")), ("Email", s.get("contact_email")),
                     ("Phone", s.get("phone")), ("Quality mark", view.scheme_name),
                     ("Awarding body", view.framework.get("awarding_body"))])
            + f"<h3>Context</h3><p>{_e(s.get('context')) or '<i>No context given.</i>'}</p>")


def page_for(node: ContentNode, snapshot: dict, check: tuple[bool, list[str], set[str]] = (True, [], set())) -> str:
    """The HTML page shown for a tree node; every value that came from the bundle is escaped."""
    view = PortfolioView(snapshot)
    kind, data = node.kind, node.data
    if kind == CHECK:
        return check_page(*check)
    if kind == SETTING:
        return _setting_page(view)
    if kind == THEME:
        return _theme_page(view, data)
    if kind == DESCRIPTOR:
        return _descriptor_page(view, data)
    if kind == EVIDENCE:
        return _evidence_page(view, data, node.damaged)
    if kind == AUDIT:
        return _audit_page(view)
    if kind == ACTION_PLAN:
        return _action_plan_page(view)
    if kind == PRIORITY:
        return _priority_page(view, data)
    if kind == TEXT:
        return f"<h2>{_e(node.title)}</h2><p>{_e(data.get('body')) or '<i>Not written.</i>'}</p>"
    if kind == DOCUMENT:
        return (f"<h2>{_e(node.title)}</h2>" + (DAMAGED_NOTE if node.damaged else "")
                + "<p><i>“Open in viewer” opens a read-only copy in your usual program.</i></p>")
    return f"<h2>{_e(node.title)}</h2><p><i>Choose an item on the left.</i></p>"
