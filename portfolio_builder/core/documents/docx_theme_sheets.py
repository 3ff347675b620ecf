"""Word versions of each theme's audit sheet and portfolio evidence summary sheet, for the setting to edit."""

from __future__ import annotations

from .docx_common import add_fields, add_table, lead_in, new_sheet
from .portfolio_view import PortfolioView, nice_date, text


def audit_sheet_docx(view: PortfolioView, theme: dict):
    """Descriptor, date reached per level (current marked), evaluative comment, gaps."""
    doc = new_sheet(view, f"Audit sheet \u2014 {view.theme_heading(theme)}", landscape=True)
    levels = view.levels
    legend = "; ".join(f"{text(lv.get('label'))}: {text(lv.get('description'))}" for lv in levels
                       if lv.get("description"))
    doc.add_paragraph(f"Best-fit rating, dated when each level was reached (\u2713 = current). {legend}")
    descriptors = theme.get("descriptors") or []
    if not descriptors:
        doc.add_paragraph(f"No descriptors have been entered for this {view.theme_word.lower()} yet.")
        return doc
    header = (["Evidence descriptor"] + [f"{text(lv.get('label'))} (date)" for lv in levels]
              + ["Evaluative comment on impact and outcomes", "Gaps and actions needed"])
    rows = []
    for d in descriptors:
        reached = view.level_dates(d)
        rating = d.get("rating") or {}
        cells = [lead_in(d.get("code"), d.get("text"))]
        for lv in levels:
            when = nice_date(reached.get(lv.get("key")))
            cells.append(f"\u2713 {when or 'now'}" if rating.get("level") == lv.get("key") else when)
        comment = text(rating.get("comment"))
        if rating.get("rated_by"):
            comment = f"{comment}\n\u2014 {text(rating.get('rated_by'))}".strip()
        rows.append(cells + [comment, text(rating.get("gap"))])
    add_table(doc, header, rows, [3.0] + [1.35] * len(levels) + [3.6, 2.4])
    return doc


def summary_sheet_docx(view: PortfolioView, theme: dict):
    """Key evidence (two per descriptor), source, cross-referencing, examples; lead, dates, summative comment."""
    doc = new_sheet(view, f"Portfolio evidence summary sheet \u2014 {view.theme_heading(theme)}", landscape=True)
    per = (view.framework.get("rule") or {}).get("max_key") or 2
    rows = []
    for d in theme.get("descriptors") or []:
        code = text(d.get("code"))
        keys = view.items(d.get("key_evidence"))
        key_lines = [f"{n}. {text(i.get('title'))} ({text(i.get('kind'))}, {nice_date(i.get('evidence_date'))})"
                     .replace(", )", ")") for n, i in enumerate(keys, start=1)]
        sources = [f"{n}. {text(i.get('source'))}" for n, i in enumerate(keys, start=1)]
        cross = []
        for n, item in enumerate(keys, start=1):
            others = [c for c in (item.get("key_for") or []) + (item.get("cross_reference_for") or [])
                      if c and c != code]
            if others:
                cross.append(f"{n}. also for {', '.join(dict.fromkeys(others))}")
        cross += [f"\u2192 {text(i.get('title'))}" for i in view.items(d.get("cross_references"))]
        examples = [f"\u2022 {text(e)}" for e in d.get("examples") or [] if e]
        rows.append([lead_in(code, d.get("text")), "\n".join(key_lines), "\n".join(sources), "\n".join(cross),
                     "\n".join(examples)])
    if rows:
        add_table(doc, ["Descriptor", f"Key evidence presented ({per} per descriptor)", "Source of evidence",
                        "Cross-referencing", "Examples of evidence to include"], rows, [2.6, 3, 1.8, 2.2, 2.2])
    else:
        doc.add_paragraph("No descriptors entered yet.")
    doc.add_paragraph()
    lead = theme.get("lead") or {}
    add_fields(doc, [("Name of lead person collecting evidence", lead.get("name")),
                     ("Job title / role", lead.get("role")),
                     ("Date evidence gathering commenced", nice_date(theme.get("gathering_started"))),
                     ("Date evidence collection was completed", nice_date(theme.get("gathering_ended"))),
                     ("Summative comment on the overall process", theme.get("summative_comment"))])
    return doc
