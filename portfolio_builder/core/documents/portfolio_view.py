"""Read-only lookups over the typed portfolio that every document and page shares: words, evidence, dates."""

from __future__ import annotations

from datetime import date

from ..shape.portfolio_shape import (
    DescriptorShape,
    EvidenceShape,
    PortfolioShape,
    PriorityShape,
    Rating,
    ThemeShape,
)
from ..vocabularies import CONSENT_LABELS, KIND_LABELS, STATUS_LABELS


def text(value) -> str:
    """A value as display text: None becomes ''."""
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


def _as_words(value, words: dict[str, str]) -> str:
    shown = text(value).strip()
    if shown in words:
        return words[shown]
    return shown[:1].upper() + shown[1:].replace("-", " ") if shown.islower() else shown


def consent_words(value) -> str:
    """A consent state as a person reads it ('not-needed' -> 'Not needed')."""
    return _as_words(value, CONSENT_LABELS)


def status_words(value) -> str:
    """An action's status as words ('in-progress' -> 'In progress')."""
    return _as_words(value, STATUS_LABELS)


def kind_words(value) -> str:
    """An evidence kind for a table cell ('photo' -> 'Photo', 'link' -> 'Web link')."""
    return _as_words(value, KIND_LABELS)


class PortfolioView:
    """The typed portfolio with the lookups documents need (evidence by id, words, level dates)."""

    def __init__(self, shape: PortfolioShape):
        self.shape = shape
        self.scheme = shape.scheme
        self.words = shape.scheme.words
        self.setting = shape.setting
        self.themes = shape.themes
        self.priorities = sorted(shape.priorities, key=lambda p: p.number)
        self.actions = shape.action_plan
        self.evidence = shape.evidence
        self.evidence_by_id = {e.id: e for e in shape.evidence}
        self.draft = shape.draft
        self.levels = shape.scheme.scale.levels

    # --- names -------------------------------------------------------------------------------
    @property
    def setting_name(self) -> str:
        return self.setting.name or "Unnamed setting"

    @property
    def scheme_name(self) -> str:
        return self.scheme.name

    @property
    def lead(self):
        """The lead for the award (the staff member marked lead), or None."""
        return next((s for s in self.shape.staff if s.is_lead), None)

    def theme_heading(self, theme: ThemeShape) -> str:
        """'Theme 2: Leadership ...'; a placeholder title is not shown as if it were the scheme's."""
        if theme.placeholder:
            return f"{self.words.theme} {theme.code} (not yet named)"
        return f"{self.words.theme} {theme.code}: {theme.title}"

    def theme_label(self, code) -> str:
        """The heading of the theme with this code; just the word and code when no theme has it."""
        theme = self.theme(code)
        return self.theme_heading(theme) if theme else f"{self.words.theme} {text(code)}".strip()

    def theme(self, code) -> ThemeShape | None:
        return next((t for t in self.themes if t.code == text(code)), None)

    def descriptor_text(self, d: DescriptorShape) -> str:
        """A descriptor's text, marked when it is our summary rather than the scheme's wording."""
        if d.ours:
            return f"{d.text} [Our summary, not the {self.words.guidance_possessive} wording]"
        return d.text

    # --- evidence ------------------------------------------------------------------------------
    def items(self, ids) -> list[EvidenceShape]:
        """Evidence for ids, in the given order, skipping unknown ids."""
        return [self.evidence_by_id[i] for i in (ids or []) if i in self.evidence_by_id]

    def theme_evidence(self, theme: ThemeShape) -> list[EvidenceShape]:
        """Key evidence then cross-references of a theme's descriptors, each item once."""
        seen: dict[int, EvidenceShape] = {}
        for d in theme.descriptors:
            for item in self.items(d.key_evidence):
                seen.setdefault(item.id, item)
        for d in theme.descriptors:
            for item in self.items(d.cross_references):
                seen.setdefault(item.id, item)
        return list(seen.values())

    def component_evidence(self, component: str) -> list[EvidenceShape]:
        return [e for e in self.evidence if e.component == component]

    def cover_sheet_evidence(self, priority: PriorityShape) -> list[EvidenceShape]:
        return self.items(priority.cover_sheet.evidence if priority.cover_sheet else [])

    # --- audit ---------------------------------------------------------------------------------
    @staticmethod
    def level_dates(history: list[Rating], current: Rating | None = None) -> dict[str, str]:
        """Level key -> ISO date the level was first reached, from a rating history (oldest first)."""
        reached: dict[str, str] = {}
        for rating in list(history) + ([current] if current and current not in history else []):
            if rating.level and rating.level not in reached:
                reached[rating.level] = text(rating.on)
        return reached

    @staticmethod
    def baseline(history: list[Rating]) -> Rating | None:
        """The first rating: where the audit started."""
        return history[0] if history else None

    def left_out_note(self) -> str:
        """What the bundle says about items left out of it: only how many, and why."""
        parts = [
            f"{n.count} item{'s' if n.count != 1 else ''} ({n.reason})"
            for n in self.shape.left_out
            if n.count
        ]
        return f"Left out of this bundle: {'; '.join(parts)}." if parts else ""

    def entered_themes(self) -> list[ThemeShape]:
        """Themes with at least one descriptor (the others have nothing to print)."""
        return [t for t in self.themes if t.descriptors]
