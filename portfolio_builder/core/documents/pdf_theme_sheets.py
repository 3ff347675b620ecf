"""The two sheets at the start of each theme in the PDF: the audit sheet and the portfolio evidence summary sheet."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from .pdf_cells import cell, house_table, label_table, lines_cell, markup_cell
from .pdf_styles import FONT_BOLD, para_text, styles
from .portfolio_view import PortfolioView, nice_date, text


def _tint(hex_colour: str) -> colors.Color:
    """A pale version of a level colour for the current-rating cell."""
    try:
        c = colors.HexColor(hex_colour)
    except Exception:
        c = colors.HexColor("#888888")
    return colors.Color(c.red + (1 - c.red) * 0.8, c.green + (1 - c.green) * 0.8, c.blue + (1 - c.blue) * 0.8)


def descriptor_markup(d: dict) -> str:
    return f"<b>{para_text(d.get('code'))}</b> {para_text(d.get('text'))}"


def audit_sheet(view: PortfolioView, theme: dict, width: float) -> list:
    """Descriptor, the date each rating level was reached, the evaluative comment and the gaps."""
    descriptors = theme.get("descriptors") or []
    if not descriptors:
        return [Paragraph(para_text(f"No descriptors have been entered for this {view.theme_word.lower()} yet."),
                          styles()["muted"])]
    levels = view.levels
    level_w = 2.55 * cm  # "✓ 28 May 2026" in bold on one line
    rest = width - level_w * len(levels)
    widths = [rest * 0.33] + [level_w] * len(levels) + [rest * 0.40, rest * 0.27]
    header = (["Evidence descriptor"] + [f"{text(lv.get('label'))} (date)" for lv in levels]
              + ["Evaluative comment on impact and outcomes", "Gaps and actions needed"])
    legend = "; ".join(f"<b>{para_text(lv.get('label'))}</b>: {para_text(lv.get('description'))}"
                       for lv in levels if lv.get("description"))
    rows, extra = [], []
    for r, d in enumerate(descriptors, start=1):
        reached = view.level_dates(d)
        rating = d.get("rating") or {}
        level_cells = []
        for c, lv in enumerate(levels, start=1):
            when = reached.get(lv.get("key"))
            current = rating.get("level") == lv.get("key")
            if current:
                extra.append(("BACKGROUND", (c, r), (c, r), _tint(text(lv.get("colour")) or "#888888")))
                level_cells.append(markup_cell(f"<b>\u2713 {para_text(nice_date(when) or 'now')}</b>"))
            else:
                level_cells.append(cell(nice_date(when)))
        comment = text(rating.get("comment"))
        if rating.get("rated_by"):
            comment = f"{comment}\n\u2014 {text(rating.get('rated_by'))}".strip()
        rows.append([markup_cell(descriptor_markup(d))] + level_cells + [cell(comment), cell(rating.get("gap"))])
    intro = [Paragraph(f"Best-fit rating, dated when each level was reached (\u2713 = current). {legend}",
                       styles()["small"]), Spacer(1, 5)]
    return intro + [house_table(header, rows, widths, extra)]


def _item_line(item: dict) -> str:
    parts = [text(item.get("kind")), nice_date(item.get("evidence_date"))]
    detail = ", ".join(p for p in parts if p)
    return f"{text(item.get('title'))}" + (f" ({detail})" if detail else "")


def summary_sheet(view: PortfolioView, theme: dict, width: float) -> list:
    """Two key evidence items per descriptor with source, cross-references and examples; then lead and dates."""
    flow: list = []
    descriptors = theme.get("descriptors") or []
    rule = (view.framework.get("rule") or {})
    wanted = int(rule.get("min_key") or 0)
    if descriptors:
        widths = [w * width for w in (0.21, 0.25, 0.16, 0.19, 0.19)]
        per = rule.get("max_key") or wanted or 2
        header = ["Descriptor", f"Key evidence presented ({per} per descriptor)", "Source of evidence",
                  "Cross-referencing", "Examples of evidence to include"]
        rows = []
        for d in descriptors:
            code = text(d.get("code"))
            keys = view.items(d.get("key_evidence"))
            key_lines = [f"{n}. {_item_line(item)}" for n, item in enumerate(keys, start=1)]
            key_lines += ["(still to find)"] * max(0, wanted - len(keys))
            sources = [f"{n}. " + (text(item.get("source")) or "\u2014") for n, item in enumerate(keys, start=1)]
            cross = []
            for n, item in enumerate(keys, start=1):
                others = [c for c in (item.get("key_for") or []) + (item.get("cross_reference_for") or [])
                          if c and c != code]
                if others:
                    cross.append(f"{n}. also for {', '.join(dict.fromkeys(others))}")
            for item in view.items(d.get("cross_references")):
                cross.append(f"\u2192 {text(item.get('title'))}")
            examples = [f"\u2022 {text(e)}" for e in (d.get("examples") or []) if e]
            rows.append([markup_cell(descriptor_markup(d)), lines_cell(key_lines), lines_cell(sources),
                         lines_cell(cross), lines_cell(examples)])
        flow.append(house_table(header, rows, widths))
    else:
        flow.append(Paragraph(para_text("No key evidence yet: no descriptors entered."), styles()["muted"]))
    lead = theme.get("lead") or {}
    flow += [Spacer(1, 8), KeepTogether(label_table([
        ("Name of lead person collecting evidence", lead.get("name")),
        ("Job title / role", lead.get("role")),
        ("Date evidence gathering commenced", nice_date(theme.get("gathering_started"))),
        ("Date evidence collection was completed", nice_date(theme.get("gathering_ended"))),
        ("Summative comment on the overall process", theme.get("summative_comment")),
    ], width))]
    return flow


def _word_fit(label: str) -> float:
    """A count column wide enough that no word of its header label is broken ('Emergen|t')."""
    longest = max((stringWidth(word, FONT_BOLD, 7.8) for word in label.split()), default=0)
    return max(1.6 * cm, longest + 8)


def audit_findings(view: PortfolioView, width: float) -> list:
    """Per theme, how many descriptors sit at each level, and the gaps found at audit."""
    levels = view.levels
    header = [view.theme_word] + [text(lv.get("label")) for lv in levels] + ["Not rated", "Gaps found at audit"]
    first = 0.26 * width
    counts_w = [_word_fit(label) for label in header[1:-1]]
    widths = [first] + counts_w + [width - first - sum(counts_w)]
    rows = []
    for theme in view.themes:
        descriptors = theme.get("descriptors") or []
        counts = [sum(1 for d in descriptors if (d.get("rating") or {}).get("level") == lv.get("key"))
                  for lv in levels]
        unrated = len(descriptors) - sum(counts)
        gaps = [f"{text(d.get('code'))}: {text((d.get('rating') or {}).get('gap'))}" for d in descriptors
                if (d.get("rating") or {}).get("gap")]
        rows.append([cell(view.theme_heading(theme))] + [cell(str(n)) for n in counts] + [cell(str(unrated)),
                                                                                          lines_cell(gaps)])
    if not rows:
        return [Paragraph("No themes.", styles()["muted"])]
    return [house_table(header, rows, widths)]
