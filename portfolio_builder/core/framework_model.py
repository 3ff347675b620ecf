"""Plain data describing a framework: themes, descriptors, rating scale and evidence rule."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ScaleLevel:
    """One step of a rating scale, e.g. Embedded (score 100) or Green."""

    key: str
    label: str
    description: str = ""
    colour: str = "#888888"
    score: float | None = None


@dataclass
class Descriptor:
    """One criterion inside a theme, coded like '1a'."""

    code: str
    text: str
    examples: list[str] = field(default_factory=list)


@dataclass
class Theme:
    """A theme (or element) of the framework, holding its descriptors in order."""

    code: str
    title: str
    description: str = ""
    descriptors: list[Descriptor] = field(default_factory=list)


@dataclass
class EvidenceRule:
    """How many key evidence items each descriptor needs and accepts."""

    min_key: int = 2
    max_key: int = 2


@dataclass
class Framework:
    """A whole framework as shipped in resources/frameworks or imported by a setting."""

    id: str
    name: str
    awarding_body: str = ""
    version: str = "1"
    description: str = ""
    scale_name: str = ""
    levels: list[ScaleLevel] = field(default_factory=list)
    rule: EvidenceRule = field(default_factory=EvidenceRule)
    priorities_required: int = 0
    uses_components: bool = False
    action_plan_theme: str = ""
    themes: list[Theme] = field(default_factory=list)

    def descriptor_count(self) -> int:
        """Number of descriptors across all themes."""
        return sum(len(t.descriptors) for t in self.themes)
