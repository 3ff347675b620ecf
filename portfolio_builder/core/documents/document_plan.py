"""The portfolio's parts in the scheme's own order, as headings with their sheets: what every document follows."""

from __future__ import annotations

from ..scheme.model import DocumentPart
from . import sheets_plan as plan_sheets
from .portfolio_view import PortfolioView
from .sheet_content import Entry, Sheet
from .sheets_theme import THEME_SHEETS, audit_findings


def _part_sheets(view: PortfolioView, part: DocumentPart) -> list[tuple[str, Sheet]]:
    """(heading, sheet) pairs a non-theme part prints; none when it has nothing a reader needs."""
    scheme, words = view.scheme, view.words
    kind = part.part
    if kind == "audit_findings":
        return [
            (part.title or "Audit findings", audit_findings(view, part.title or "Audit findings"))
        ]
    if kind == "action_plan":
        return [
            (
                part.title or words.action_plan,
                plan_sheets.action_plan(view, part.title or words.action_plan),
            )
        ]
    if kind == "priorities":
        return [
            (
                part.title or words.priorities,
                plan_sheets.priorities(view, part.title or words.priorities),
            )
        ]
    if kind == "cover_sheets":
        return [
            (f"{words.priority} {p.number}: {p.title}", plan_sheets.cover_sheet(view, p))
            for p in view.priorities
        ]
    if kind == "evidence":
        component = scheme.component(part.component)
        if component is None:
            return []
        return [
            (
                part.title or component.title,
                plan_sheets.component_evidence(view, component, part.title),
            )
        ]
    if kind == "text":
        text_part = scheme.text(part.text)
        if text_part is None or (
            not view.draft and not view.shape.texts.get(part.text, "").strip()
        ):
            return []
        return [
            (part.title or text_part.title, plan_sheets.text_sheet(view, text_part, part.title))
        ]
    if kind == "assessor_first_page":
        title = part.title or "Assessor's Report: first page"
        return [(title, plan_sheets.assessor_first_page(view, title))]
    return []


class _Planner:
    """Walks the scheme's document parts, putting each theme's own parts inside it."""

    def __init__(self, view: PortfolioView):
        self.view = view
        self.entries: list[Entry] = []
        self.themes_started = False
        parts = view.scheme.document_parts()
        self.inside: dict[str, list[DocumentPart]] = {}
        for part in _walk(parts):
            if part.inside_theme:
                self.inside.setdefault(part.inside_theme, []).append(part)

    def add_part(self, part: DocumentPart, level: int) -> None:
        if part.inside_theme and self.view.theme(part.inside_theme) is not None:
            return  # printed inside its theme
        if part.part == "contents":
            self.entries.append(Entry("Contents", level, contents_page=True))
        elif part.part == "themes":
            for theme in self.view.themes:
                self._theme(theme, part, level)
        elif part.part == "component":
            component = self.view.scheme.component(part.component)
            if component is None:  # scheme_rules refuses a scheme whose part names no component
                raise ValueError(
                    f"documents name component '{part.component}', which is not listed"
                )
            self.entries.append(Entry(part.title or component.title, level, note=component.note))
            for inner in part.parts:
                self.add_part(inner, level + 1)
        else:
            self._sheets(part, level)

    def _sheets(self, part: DocumentPart, level: int) -> None:
        pairs = _part_sheets(self.view, part)
        if part.part == "cover_sheets" and pairs:
            self.entries.append(Entry(part.title or self.view.words.cover_sheets, level))
            level += 1
        self.entries += [Entry(heading, level, sheet) for heading, sheet in pairs]

    def _theme(self, theme, part: DocumentPart, level: int) -> None:
        view = self.view
        inside = self.inside.get(theme.code, [])
        if not theme.descriptors and not inside:
            if view.draft:  # listed once, so a reader of the draft knows it is still to come
                self.entries.append(
                    Entry(f"{view.theme_heading(theme)} \u2014 not entered yet", level, muted=True)
                )
            return
        runs_on = not part.page_per_theme and self.themes_started
        self.themes_started = True
        self.entries.append(
            Entry(view.theme_heading(theme), level, note=theme.description, runs_on=runs_on)
        )
        if theme.descriptors:
            for sheet_kind in part.sheets:
                sheet = THEME_SHEETS[sheet_kind](view, theme)
                self.entries.append(
                    Entry(_SHEET_WORDS[sheet_kind](view.words), level + 1, sheet, runs_on=runs_on)
                )
        for inner in inside:
            self._sheets(inner, level + 1)


_SHEET_WORDS = {
    "audit_sheet": lambda w: w.audit_sheet,
    "evidence_summary_sheet": lambda w: w.summary_sheet,
    "evidence_list": lambda w: w.evidence_list,
}


def _walk(parts):
    for part in parts:
        yield part
        yield from _walk(part.parts)


def document_plan(view: PortfolioView) -> list[Entry]:
    """Every heading of the portfolio in order with its sheet; a DRAFT first says what is still missing."""
    planner = _Planner(view)
    parts = view.scheme.document_parts()
    for part in parts:
        planner.add_part(part, 0)
    entries = planner.entries
    if view.draft and view.shape.missing:
        missing = Entry("DRAFT: still missing", 0, plan_sheets.missing_sheet(view))
        at = next((n + 1 for n, e in enumerate(entries) if e.contents_page), 0)
        entries.insert(at, missing)
    return entries


def word_sheets(view: PortfolioView) -> list[tuple[str, Sheet]]:
    """(file name, sheet) for every editable Word sheet, numbered so the files sort in portfolio order."""
    sheets = [e.sheet for e in document_plan(view) if e.sheet is not None and e.sheet.word]
    return [(f"{n:02d}-{sheet.key}.docx", sheet) for n, sheet in enumerate(sheets, start=1)]
