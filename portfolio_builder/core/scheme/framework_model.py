"""Plain data describing a framework: the scheme's definition plus its themes and descriptors."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Scheme

OUR_WORDING_NOTE = "our summary: replace with your {guidance}'s wording"


@dataclass
class Descriptor:
    """One criterion inside a theme, coded like '1a'; `ours` when the shipped text is our paraphrase."""

    code: str
    text: str
    examples: list[str] = field(default_factory=list)
    ours: bool = False


@dataclass
class Theme:
    """A theme (or element, practice area ...) holding its descriptors in order.

    `hint` is set-up advice for the setting's eyes only (never printed); `placeholder` marks a title
    the setting must replace with its own (IiF's 'Element 1' before it is renamed from the toolkit).
    """

    code: str
    title: str
    description: str = ""
    descriptors: list[Descriptor] = field(default_factory=list)
    hint: str = ""
    placeholder: bool = False


@dataclass
class Framework:
    """A whole framework as shipped in resources/frameworks or imported by a setting."""

    scheme: Scheme
    themes: list[Theme] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.scheme.id

    @property
    def name(self) -> str:
        return self.scheme.name

    @property
    def description(self) -> str:
        return self.scheme.description

    @property
    def awarding_body(self) -> str:
        return self.scheme.awarding_body

    @property
    def scale_name(self) -> str:
        return self.scheme.scale.name

    def descriptor_count(self) -> int:
        """Number of descriptors across all themes."""
        return sum(len(t.descriptors) for t in self.themes)
