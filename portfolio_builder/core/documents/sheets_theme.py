"""The per-theme sheets' content (audit sheet, summary sheet, evidence list) and the audit findings, as data."""

from __future__ import annotations

import re

from ..shape.portfolio_shape import DescriptorShape, Rating, ThemeShape
from .portfolio_view import PortfolioView, nice_date, status_words, text
from .sheet_content import Cell, Column, EvidenceList, Fields, Paragraphs, Sheet, Table

STILL_TO_FIND = "(still to find)"


def slug(value) -> str:
    """A file-name-safe piece of text: 'Theme 2' -> 'theme-2'."""
    return re.sub(r"[^a-z0-9]+", "-", text(value).lower()).strip("-")[:40] or "x"


def _theme_key(view: PortfolioView, theme: ThemeShape) -> str:
    return f"{slug(view.words.theme)}-{slug(theme.code)}"


def _level_cell(view: PortfolioView, d: DescriptorShape, reached: dict[str, str], key: str) -> Cell:
    level = view.scheme.scale.level(key)
    when = nice_date(reached.get(key))
    if d.rating and d.rating.level == key:
        return Cell.of(f"\u2713 {when or 'now'}", tint=level.colour if level else "", bold=True)
    return Cell.of(when)


def _gap_lines(history: list[Rating]) -> list[str]:
    """Every gap recorded in a descriptor's history, dated, oldest first (the baseline's first)."""
    lines, seen = [], set()
    for rating in history:
        if rating.gap and rating.gap not in seen:
            seen.add(rating.gap)
            lines.append(f"{nice_date(rating.on)}: {rating.gap}")
    return lines


def scale_note(view: PortfolioView) -> str:
    """The scale in words: each level's description and any older scaling; our suggestion says so."""
    scale = view.scheme.scale
    parts = []
    for level in scale.levels:
        extra = [x for x in (level.description, scale.older_band(level.key)) if x]
        parts.append(f"{level.label} ({'; '.join(extra)})" if extra else level.label)
    note = f"{view.words.rating}: {', '.join(parts)}."
    if scale.older:
        note += f" The ranges are the {scale.older.name.lower()}."
    if scale.ours:
        note += f" This scale is our suggestion, not the {view.words.guidance_possessive}."
    return note + " Dated when each level was first reached; \u2713 marks the current level."


def audit_sheet(view: PortfolioView, theme: ThemeShape) -> Sheet:
    """Each descriptor, the date each level was reached, the evaluative comment and the gaps found."""
    words, levels = view.words, view.levels
    blocks: list = [Paragraphs(scale_note(view), style="small")]
    if view.scheme.best_fit is not None:
        current = theme.best_fit
        history = "; ".join(f"{r.label} ({nice_date(r.on)})" for r in theme.best_fit_history)
        blocks.append(
            Fields(
                (
                    (
                        view.scheme.best_fit.label,
                        f"{current.label} ({nice_date(current.on)})" if current else "",
                    ),
                    ("History", history),
                    ("Comment", current.comment if current else ""),
                )
            )
        )
    columns = (
        (Column(words.descriptor, 3.0),)
        + tuple(Column(f"{lv.label} (date)", 1.35, date=True) for lv in levels)
        + (Column(words.comment, 3.6), Column(words.gap, 2.4))
    )
    rows = []
    for d in theme.descriptors:
        reached = view.level_dates(d.rating_history, d.rating)
        comment = d.rating.comment if d.rating else ""
        if d.rating and d.rating.by:
            comment = f"{comment}\n\u2014 {d.rating.by}".strip()
        rows.append(
            (
                Cell.of(view.descriptor_text(d), lead=d.code),
                *(_level_cell(view, d, reached, lv.key) for lv in levels),
                Cell.of(comment),
                Cell(tuple(_gap_lines(d.rating_history))),
            )
        )
    blocks.append(Table(columns, tuple(rows)))
    return Sheet(
        f"{_theme_key(view, theme)}-audit-sheet",
        f"{words.audit_sheet} \u2014 {view.theme_heading(theme)}",
        tuple(blocks),
        landscape=True,
    )


def _item_line(item) -> str:
    detail = ", ".join(x for x in (text(item.kind), nice_date(item.evidence_date)) if x)
    return f"{item.title} ({detail})" if detail else item.title


def summary_sheet(view: PortfolioView, theme: ThemeShape) -> Sheet:
    """Key evidence per descriptor with its source, cross-referencing and examples; then lead, dates, comment."""
    words, rule = view.words, view.scheme.evidence_rule
    rows = []
    for d in theme.descriptors:
        keys = view.items(d.key_evidence)
        key_lines = [f"{n}. {_item_line(item)}" for n, item in enumerate(keys, start=1)]
        key_lines += [STILL_TO_FIND] * max(0, rule.min_key - len(keys))
        sources = [f"{n}. {item.source or chr(0x2014)}" for n, item in enumerate(keys, start=1)]
        cross = []
        for n, item in enumerate(keys, start=1):
            others = [c for c in item.key_for + item.cross_reference_for if c and c != d.code]
            if others:
                cross.append(f"{n}. also for {', '.join(dict.fromkeys(others))}")
        cross += [f"\u2192 {item.title}" for item in view.items(d.cross_references)]
        rows.append(
            (
                Cell.of(view.descriptor_text(d), lead=d.code),
                Cell(tuple(key_lines)),
                Cell(tuple(sources)),
                Cell(tuple(cross)),
                Cell(tuple(f"\u2022 {e}" for e in d.examples)),
            )
        )
    columns = (
        Column(words.descriptor, 2.6),
        Column(f"{words.key_evidence} ({rule.describe()})", 3.0),
        Column(words.source_of_evidence, 1.8),
        Column(words.cross_reference, 2.2),
        Column(words.examples, 2.2),
    )
    lead = theme.lead
    fields = Fields(
        (
            (words.theme_lead, lead.name if lead else ""),
            (words.theme_lead_role, lead.role if lead else ""),
            (words.gathering_started, nice_date(theme.gathering_started)),
            (words.gathering_ended, nice_date(theme.gathering_ended)),
            (words.summative_comment, theme.summative_comment),
        )
    )
    return Sheet(
        f"{_theme_key(view, theme)}-summary-sheet",
        f"{words.summary_sheet} \u2014 {view.theme_heading(theme)}",
        (Table(columns, tuple(rows)), fields),
        landscape=True,
    )


def evidence_list(view: PortfolioView, theme: ThemeShape) -> Sheet:
    """Every item presented for the theme's descriptors, with previews (PDF and HTML only)."""
    return Sheet(
        f"{_theme_key(view, theme)}-evidence",
        f"{view.words.evidence_list} \u2014 {view.theme_heading(theme)}",
        (EvidenceList(tuple(view.theme_evidence(theme))),),
        word=False,
    )


THEME_SHEETS = {
    "audit_sheet": audit_sheet,
    "evidence_summary_sheet": summary_sheet,
    "evidence_list": evidence_list,
}


def _counts(view: PortfolioView, ratings: list[Rating | None]) -> str:
    counts = [
        (lv.label, sum(1 for r in ratings if r is not None and r.level == lv.key))
        for lv in view.levels
    ]
    shown = [f"{label} {n}" for label, n in counts if n]
    unrated = sum(1 for r in ratings if r is None)
    if unrated:
        shown.append(f"not rated {unrated}")
    return ", ".join(shown) or "\u2014"


def _what_became(view: PortfolioView, d: DescriptorShape, baseline: Rating) -> str:
    """A baseline gap and what became of it: the level now and any action planned for it."""
    now = d.rating
    journey = (
        f"{baseline.label} \u2192 {now.label}"
        if now and baseline is not now
        else (now.label if now else "not rated")
    )
    actions = [
        f"action: {a.action} ({status_words(a.status).lower()})"
        for a in view.actions
        if a.descriptor_code == d.code
    ]
    return f"{d.code} ({journey}): {baseline.gap}" + (f"; {'; '.join(actions)}" if actions else "")


def audit_findings(view: PortfolioView, title: str) -> Sheet:
    """Per theme: ratings at baseline and now, the best fit, and each baseline gap with what became of it."""
    words = view.words
    best_fit = view.scheme.best_fit
    columns = [Column(words.theme, 2.2), Column("At baseline", 1.6), Column("Now", 1.6)]
    if best_fit is not None:
        columns.append(Column(best_fit.label, 1.5))
    columns.append(Column("Gaps found at baseline and what became of them", 4.0))
    rows = []
    for theme in view.entered_themes():
        baselines = [view.baseline(d.rating_history) for d in theme.descriptors]
        row = [
            Cell.of(view.theme_heading(theme)),
            Cell.of(_counts(view, baselines)),
            Cell.of(_counts(view, [d.rating for d in theme.descriptors])),
        ]
        if best_fit is not None:
            first = theme.best_fit_history[0] if theme.best_fit_history else None
            now = theme.best_fit
            shown = ""
            if now:
                shown = f"{now.label} ({nice_date(now.on)})"
                if first and first is not now and first.level != now.level:
                    shown = f"{first.label} ({nice_date(first.on)}) \u2192 {shown}"
            row.append(Cell.of(shown or "\u2014"))
        gaps = [
            _what_became(view, d, started)
            for d in theme.descriptors
            if (started := view.baseline(d.rating_history)) is not None and started.gap
        ]
        row.append(Cell(tuple(gaps) or ("No gaps recorded at baseline.",)))
        rows.append(tuple(row))
    table = Table(
        tuple(columns), tuple(rows), empty=f"No {words.themes.lower()} have been audited yet."
    )
    return Sheet("audit-findings", title, (table,), landscape=True)
