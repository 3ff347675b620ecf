"""A scheme's rating scale: its levels with colours and scores, and an older scaling printed beside them."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from .scheme_data import SchemeData
from .scheme_rules import check_colour, check_scale


class Level(SchemeData):
    """One step of a rating scale (Embedded, Green, Good ...)."""

    key: str = Field(min_length=1, max_length=32)
    label: str = Field(min_length=1, max_length=60)
    description: str = ""
    colour: str = "#888888"
    score: float | None = None

    @field_validator("colour")
    @classmethod
    def _colour(cls, value: str) -> str:
        return check_colour(value)


class OlderBand(SchemeData):
    """One band of an older scaling shown beside a level ('0 - 2' beside Inadequate)."""

    level: str
    range: str = Field(min_length=1, max_length=40)


class OlderScaling(SchemeData):
    """A scaling the source says was used before, printed beside the levels it maps onto."""

    name: str = Field(min_length=1, max_length=80)
    bands: list[OlderBand] = []


class Scale(SchemeData):
    """The rating scale; `ours` marks a scale we suggested where the source names none."""

    name: str = ""
    levels: list[Level] = Field(min_length=1, max_length=12)
    older: OlderScaling | None = None
    ours: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Scale:
        return check_scale(self)

    def level(self, key: str | None) -> Level | None:
        """The level with this key, or None."""
        return next((level for level in self.levels if level.key == key), None)

    def find(self, key_or_label: str) -> Level | None:
        """A level by key or label, any case (what a person types)."""
        wanted = (key_or_label or "").strip().lower()
        return next(
            (lv for lv in self.levels if wanted in (lv.key.lower(), lv.label.lower())), None
        )

    def older_band(self, key: str) -> str:
        """The older scaling's band for a level ('' when there is none)."""
        band = next((b for b in (self.older.bands if self.older else []) if b.level == key), None)
        return band.range if band else ""

    def score(self, key: str) -> float | None:
        """A level's score, or its 1-based position when the scale has no scores; None for no level."""
        return self.scores().get(key)

    def scores(self) -> dict[str, float]:
        """Every level's score by key, lowest first (its 1-based position when the scale has no scores)."""
        scores: dict[str, float] = {}
        for position, level in enumerate(self.levels, start=1):
            scores.setdefault(
                level.key, level.score if level.score is not None else float(position)
            )
        return scores
