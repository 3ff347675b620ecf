"""Read-only lookups over a portfolio snapshot, tolerant of missing optional fields, shared by every document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def text(value) -> str:
    """A user value as display text: None becomes '', anything else str()."""
    return "" if value is None else str(value)


def nice_date(value) -> str:
    """ISO date (or datetime) as '12 Oct 2025'; anything unparsable is shown as given."""
    if not value:
        return ""
    try:
        d = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{d.day} {d:%b %Y}"


CONSENT_WORDS = {"obtained": "Obtained", "not-needed": "Not needed", "missing": "MISSING"}
STATUS_WORDS = {"planned": "Planned", "in-progress": "In progress", "done": "Done"}


def _as_words(value, words: dict[str, str]) -> str:
    shown = text(value).strip()
    if shown in words:
        return words[shown]
    return shown[:1].upper() + shown[1:].replace("-", " ") if shown.islower() else shown


def consent_words(value) -> str:
    """A consent state as a person reads it ('not-needed' -> 'Not needed'); unknown codes de-hyphenated."""
    return _as_words(value, CONSENT_WORDS)


def status_words(value) -> str:
    """An action's status as words ('in-progress' -> 'In progress')."""
    return _as_words(value, STATUS_WORDS)


def kind_words(value) -> str:
    """An evidence kind for a table cell ('photo' -> 'Photo')."""
    return _as_words(value, {})


PART_NOTES = {
    1: "The audit, the action plan and a Priority Action Cover Sheet for each priority, with the evidence of the "
       "activities.",
    2: "Evidence of the setting's commitment to families as a whole: website, strategic documents and policies.",
    3: "How the work will go on over the next three years.",
}


@dataclass(frozen=True)
class Section:
    """One entry of the portfolio in assessor order: kind is theme/action_plan/cover_sheets/... or part."""

    kind: str
    title: str
    theme: dict | None = None
    level: int = 0
    note: str = ""


class PortfolioView:
    """The snapshot with the lookups documents need (evidence by id, order, per-theme evidence)."""

    def __init__(self, snapshot: dict):
        self.snapshot = snapshot or {}
        self.setting = self.snapshot.get("setting") or {}
        self.framework = self.snapshot.get("framework") or {}
        self.themes = [t for t in (self.snapshot.get("themes") or []) if isinstance(t, dict)]
        self.priorities = sorted((p for p in (self.snapshot.get("priorities") or []) if isinstance(p, dict)),
                                 key=lambda p: p.get("number") or 0)
        self.actions = [a for a in (self.snapshot.get("action_plan") or []) if isinstance(a, dict)]
        self.evidence = [e for e in (self.snapshot.get("evidence") or []) if isinstance(e, dict)]
        self.evidence_by_id = {e.get("id"): e for e in self.evidence}
        self.draft = bool(self.snapshot.get("draft"))
        self.uses_components = bool(self.framework.get("uses_components"))
        self.levels = [lv for lv in (self.framework.get("levels") or []) if isinstance(lv, dict)]

    # --- names -------------------------------------------------------------------------------
    @property
    def setting_name(self) -> str:
        return text(self.setting.get("name")) or "Unnamed setting"

    @property
    def scheme_name(self) -> str:
        return text(self.framework.get("name")) or "Quality mark portfolio"

    @property
    def theme_word(self) -> str:
        """'Element' for component-based schemes (Investors in Families), else 'Theme'."""
        return "Element" if self.uses_components else "Theme"

    def theme_heading(self, theme: dict) -> str:
        return f"{self.theme_word} {text(theme.get('code'))}: {text(theme.get('title'))}".strip()

    def theme_label(self, code) -> str:
        """'Theme 2: Leadership ...' for a theme's code; 'Theme 7' when no theme has that code."""
        theme = next((t for t in self.themes if text(t.get("code")) == text(code)), None)
        return self.theme_heading(theme) if theme else f"{self.theme_word} {text(code)}".strip()

    # --- evidence ------------------------------------------------------------------------------
    def items(self, ids) -> list[dict]:
        """Evidence dicts for ids, in the given order, skipping unknown ids."""
        return [self.evidence_by_id[i] for i in (ids or []) if i in self.evidence_by_id]

    def theme_evidence(self, theme: dict) -> list[dict]:
        """Key evidence then cross-references of a theme's descriptors, each item once."""
        seen: dict = {}
        for role in ("key_evidence", "cross_references"):
            for d in theme.get("descriptors") or []:
                for item in self.items(d.get(role)):
                    seen.setdefault(item.get("id"), item)
        return list(seen.values())

    def component_evidence(self, component: str) -> list[dict]:
        return [e for e in self.evidence if e.get("component") == component]

    def cover_sheet_evidence(self, priority: dict) -> list[dict]:
        sheet = priority.get("cover_sheet") or {}
        return self.items(sheet.get("evidence"))

    # --- audit ---------------------------------------------------------------------------------
    def level_dates(self, descriptor: dict) -> dict[str, str]:
        """Level key -> ISO date the level was first reached, from the rating history (oldest first)."""
        reached: dict[str, str] = {}
        history = list(descriptor.get("rating_history") or [])
        if descriptor.get("rating") and descriptor["rating"] not in history:
            history.append(descriptor["rating"])
        for rating in history:
            if isinstance(rating, dict) and rating.get("level") and rating.get("level") not in reached:
                reached[rating["level"]] = text(rating.get("rated_on"))
        return reached

    def action_plan_theme(self) -> dict | None:
        code = text(self.framework.get("action_plan_theme"))
        if not code:
            return None
        return next((t for t in self.themes if text(t.get("code")) == code), None)

    # --- order ---------------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        """The portfolio in the order assessors expect (DOMAIN.md, 'Portfolio order')."""
        plan_theme = self.action_plan_theme()
        out: list[Section] = []
        if self.uses_components:
            out.append(Section("part", "Component 1: Activity-specific evidence", note=PART_NOTES[1]))
            level = 1
        else:
            level = 0
        for theme in self.themes:
            out.append(Section("theme", self.theme_heading(theme), theme, level))
            if theme is plan_theme:
                out.append(Section("audit_findings", "Audit findings", theme, level + 1))
                out.append(Section("action_plan", "Action plan", theme, level + 1))
        if plan_theme is None:
            out.append(Section("audit_findings", "Audit findings", None, level))
            out.append(Section("action_plan", "Action plan", None, level))
        if self.priorities:
            out.append(Section("cover_sheets", "Priority Action Cover Sheets", None, level))
        if self.uses_components:
            out.append(Section("part", "Component 2: Generic evidence", note=PART_NOTES[2]))
        out.append(Section("generic", "Generic evidence", None, level))
        if self.uses_components:
            out.append(Section("part", "Component 3: Outline action plan for the next three years",
                               note=PART_NOTES[3]))
        out.append(Section("three_year_plan", "Three-year outline action plan", None, level))
        out.append(Section("case_study", "Good-practice case study", None, 0))
        return out
