"""The one home of the evidence rule: how many key items a descriptor needs and accepts, and what that means."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .scheme_rules import check_evidence_rule


class EvidenceRule(BaseModel):
    """Key evidence per descriptor (FPA: two, and no more) or none at all (IiF keeps evidence on cover sheets)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    per_descriptor: bool = True
    min_key: int = Field(default=1, ge=0, le=10)
    max_key: int | None = Field(default=None, ge=1, le=10)  # None: no upper limit

    @model_validator(mode="after")
    def _ordered(self) -> EvidenceRule:
        return check_evidence_rule(self)

    def evidenced(self, key_count: int) -> bool:
        """Whether a descriptor with key_count key items has its evidence (always, when the rule does not apply)."""
        return not self.per_descriptor or key_count >= self.min_key

    def has_room(self, key_count: int) -> bool:
        """Whether one more key item may be presented beside key_count others."""
        return not self.per_descriptor or self.max_key is None or key_count < self.max_key

    def next_slot(self, used: set[int]) -> int:
        """The first free key-evidence slot number (1-based)."""
        slot = 1
        while slot in used:
            slot += 1
        return slot

    @property
    def wanted(self) -> int:
        """How many key items a descriptor is expected to show (for 'k of n' badges)."""
        if not self.per_descriptor:
            return 0
        return self.min_key or (self.max_key or 0)

    def describe(self) -> str:
        """The rule in a few words, for pages and sheets ('2 per descriptor', 'at least 1', 'not counted')."""
        if not self.per_descriptor:
            return "not counted per descriptor"
        if self.max_key is None:
            return f"at least {self.min_key}" if self.min_key else "any number"
        if self.min_key == self.max_key:
            return f"{self.max_key} per descriptor, no more"
        return f"{self.min_key} to {self.max_key} per descriptor"

    def refusal(self, code: str, present: list[tuple[int, str]], title: str) -> str:
        """The message refusing one key item too many, naming the items already there (id, title)."""
        names = " and ".join(f"'{t}' (item {i})" for i, t in present)
        return (
            f"Descriptor {code} already has its {self.max_key} key evidence items: {names}. "
            f"Untag one of them first, or add {title} as a cross-reference."
        )
