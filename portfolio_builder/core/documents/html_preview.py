"""data/ro-crate-preview.html: a static contents index of the portfolio that opens by double-click, offline."""

from __future__ import annotations

from typing import Callable

from .docx_sheets import sheet_file_names
from .html_markup import data_image, esc, esc_lines, file_link, page, safe_colour, web_link
from .portfolio_view import PortfolioView, Section, consent_words, nice_date, status_words, text

Thumbnail = Callable[[int], "bytes | None"]
NONE_YET = "\u2014"  # an empty cross-reference cell: a dash, not a word that could read as a code


def _evidence_entry(item: dict, thumbnail: Thumbnail | None) -> str:
    title = text(item.get("title")) or "(untitled)"
    picture = ""
    if thumbnail is not None and item.get("included") is not False and item.get("id") is not None:
        try:
            picture = data_image(thumbnail(item["id"]), title)
        except Exception:  # a missing preview never stops the index
            picture = ""
    if item.get("url"):
        label = web_link(item.get("url"), title)
    elif item.get("included") is False:
        label = f'{esc(title)} <span class="muted">(not included in this bundle)</span>'
    else:
        label = file_link(item.get("path"), title)
    details = ", ".join(x for x in (esc(item.get("kind")), esc(nice_date(item.get("evidence_date")))) if x)
    word = consent_words(item.get("consent"))
    consent = f" \u00b7 consent: {esc(word if word.isupper() else word.lower())}" if word else ""
    return f"<li>{picture}{label} <span class=\"meta\">({details}{consent})</span></li>"


def _evidence_list(items: list[dict], thumbnail: Thumbnail | None, empty: str = "No evidence here yet.") -> str:
    if not items:
        return f'<p class="muted">{esc(empty)}</p>'
    return '<ul class="evidence">' + "".join(_evidence_entry(i, thumbnail) for i in items) + "</ul>"


def _rating(d: dict) -> str:
    rating = d.get("rating")
    if not rating:
        return '<span class="muted">not rated</span>'
    colour = safe_colour(rating.get("colour"))
    when = nice_date(rating.get("rated_on"))
    return (f'<span class="rating" style="border-left-color:{colour}">{esc(rating.get("label") or rating.get("level"))}'
            f"</span> {esc(when)}")


def _theme(view: PortfolioView, theme: dict, thumbnail) -> str:
    out = [f"<p>{esc_lines(theme.get('description'))}</p>" if theme.get("description") else ""]
    lead = theme.get("lead") or {}
    named = ", ".join(x for x in (text(lead.get("name")), text(lead.get("role"))) if x)
    if named:
        out.append(f"<p class=\"meta\">Lead: {esc(named)}</p>")
    descriptors = theme.get("descriptors") or []
    if not descriptors:
        out.append('<p class="muted">No descriptors entered yet.</p>')
    else:
        rows = []
        for d in descriptors:
            gap = (d.get("rating") or {}).get("gap")
            rows.append(f"<tr><th scope=\"row\">{esc(d.get('code'))}</th><td>{esc_lines(d.get('text'))}</td>"
                        f"<td>{_rating(d)}{'<br><span class=meta>Gap: ' + esc(gap) + '</span>' if gap else ''}</td>"
                        f"<td>{_evidence_list(view.items(d.get('key_evidence')), thumbnail)}</td>"
                        f"<td>{_evidence_list(view.items(d.get('cross_references')), None, NONE_YET)}</td></tr>")
        out.append("<table><thead><tr><th class=\"code\">Code</th><th>Descriptor</th><th>Rating</th>"
                   "<th>Key evidence</th><th>Cross-references</th></tr></thead><tbody>" + "".join(rows)
                   + "</tbody></table>")
    if theme.get("summative_comment"):
        out.append(f"<p><strong>Summative comment:</strong> {esc_lines(theme.get('summative_comment'))}</p>")
    return "".join(out)


def _action_theme(view: PortfolioView, action: dict) -> str:
    """The action's theme, descriptor and priority in words, one per line."""
    lines = [f"{view.theme_word} {text(action.get('theme_code'))}"] if action.get("theme_code") else []
    if action.get("descriptor_code"):
        lines.append(f"Descriptor {text(action.get('descriptor_code'))}")
    if action.get("priority_number"):
        lines.append(f"Priority {text(action.get('priority_number'))}")
    return "<br>".join(esc(line) for line in lines)


def _action_plan(view: PortfolioView) -> str:
    if not view.actions:
        return '<p class="muted">No actions planned yet.</p>'
    rows = "".join(
        f"<tr><td>{_action_theme(view, a)}</td><td>{esc_lines(a.get('action'))}</td><td>{esc(a.get('lead'))}</td>"
        f"<td>{esc(a.get('resources'))}</td>"
        f"<td>{esc(nice_date(a.get('starts_on')))} \u2013 {esc(nice_date(a.get('ends_on')))}</td>"
        f"<td>{esc_lines(a.get('monitoring'))}</td><td>{esc_lines(a.get('success_criteria'))}</td>"
        f"<td>{esc(status_words(a.get('status')))}</td></tr>" for a in view.actions)
    return ("<table><thead><tr><th>Key theme</th><th>Action / activities</th><th>Lead</th><th>Resources</th>"
            "<th>Time-scale</th><th>Monitoring</th><th>Success criteria</th><th>Status</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _audit_findings(view: PortfolioView) -> str:
    """Per theme, descriptors at each level, not yet rated, and the gaps found (as in the PDF)."""
    head = "".join(f"<th>{esc(lv.get('label'))}</th>" for lv in view.levels)
    rows = []
    for t in view.themes:
        ds = t.get("descriptors") or []
        levels = [sum(1 for d in ds if (d.get("rating") or {}).get("level") == lv.get("key")) for lv in view.levels]
        gaps = "<br>".join(f"{esc(d.get('code'))}: {esc((d.get('rating') or {}).get('gap'))}" for d in ds
                           if (d.get("rating") or {}).get("gap"))
        counts = "".join(f"<td>{n}</td>" for n in levels)
        rows.append(f"<tr><td>{esc(view.theme_heading(t))}</td>{counts}<td>{len(ds) - sum(levels)}</td>"
                    f"<td>{gaps}</td></tr>")
    return (f"<table><thead><tr><th>{esc(view.theme_word)}</th>{head}<th>Not rated</th><th>Gaps found at audit</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _codes(priority: dict) -> str:
    codes = ", ".join(text(c) for c in priority.get("descriptor_codes") or [] if c)
    return f" \u00b7 descriptors {esc(codes)}" if codes else ""


def _cover_sheets(view: PortfolioView, thumbnail) -> str:
    out = []
    for p in view.priorities:
        sheet = p.get("cover_sheet") or {}
        out.append(f"<h3>Priority {esc(p.get('number'))}: {esc(p.get('title'))}</h3>"
                   f"<p class=\"meta\">Lead: {esc(sheet.get('lead') or p.get('lead') or 'not named')} \u00b7 started "
                   f"{esc(nice_date(sheet.get('started_on')) or 'not yet')}{_codes(p)}</p>")
        diary = [e for e in sheet.get("diary") or [] if isinstance(e, dict)]
        if diary:
            out.append("<table><thead><tr><th>Date</th><th>Action taken</th><th>By</th></tr></thead><tbody>"
                       + "".join(f"<tr><td>{esc(nice_date(e.get('date')))}</td><td>{esc_lines(e.get('text'))}</td>"
                                 f"<td>{esc(e.get('author'))}</td></tr>" for e in diary) + "</tbody></table>")
        if sheet.get("impact_summary"):
            out.append(f"<p><strong>Impact:</strong> {esc_lines(sheet.get('impact_summary'))}</p>")
        out.append(_evidence_list(view.cover_sheet_evidence(p), thumbnail))
    return "".join(out)


def _section_body(view: PortfolioView, section: Section, thumbnail) -> str:
    kind = section.kind
    if kind == "theme":
        return _theme(view, section.theme, thumbnail)
    if kind == "action_plan":
        return _action_plan(view)
    if kind == "audit_findings":
        return _audit_findings(view)
    if kind == "cover_sheets":
        return _cover_sheets(view, thumbnail)
    if kind == "generic":
        return _evidence_list(view.component_evidence("generic"), thumbnail)
    if kind == "three_year_plan":
        return (f"<p>{esc_lines(view.snapshot.get('three_year_plan')) or '<span class=muted>Not written yet.</span>'}"
                f"</p>{_evidence_list(view.component_evidence('plan'), thumbnail)}")
    if kind == "case_study":
        return f"<p>{esc_lines(view.snapshot.get('case_study')) or '<span class=muted>Not written yet.</span>'}</p>"
    if section.note:
        return f'<p class="meta">{esc(section.note)}</p>'
    return ""


def render_preview_html(snapshot: dict, thumbnail: Thumbnail | None = None) -> str:
    """The contents index: themes, descriptors, ratings, key evidence links, cover sheets, action plan."""
    view = PortfolioView(snapshot)
    sections = view.sections()
    parts = [f"<h1>{esc(view.setting_name)}</h1><p class=\"meta\">{esc(view.scheme_name)} \u00b7 portfolio of "
             f"evidence \u00b7 produced {esc(nice_date(snapshot.get('created_at')))}</p>"]
    if view.draft:
        parts.append('<p class="draft">DRAFT \u2014 work in progress, not the final portfolio</p>')
    sheets = "".join(f"<li>{file_link('sheets/' + name, name)}</li>" for name in sheet_file_names(snapshot))
    parts.append(f"<p>{file_link('portfolio.pdf', 'The printable portfolio (PDF)')}</p>"
                 f"<details><summary>Editable sheets (Word)</summary><ul>{sheets}</ul></details>")
    nav = "".join(f"<li style=\"margin-left:{section.level * 1.2}em\"><a href=\"#s{n}\">{esc(section.title)}</a></li>"
                  for n, section in enumerate(sections, start=1))
    parts.append(f"<nav><h2>Contents</h2><ol>{nav}</ol></nav>")
    for n, section in enumerate(sections, start=1):
        tag = "h2" if section.kind in ("part", "theme") or section.level == 0 else "h3"
        parts.append(f"<section id=\"s{n}\"><{tag}>{esc(section.title)}</{tag}>"
                     f"{_section_body(view, section, thumbnail)}</section>")
    return page(f"{view.setting_name} \u2014 {view.scheme_name}", "\n".join(parts))
