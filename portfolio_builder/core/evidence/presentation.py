"""The one rule for whether an evidence item is presented to the assessor (and so belongs in a final bundle).

An item is presented when the portfolio shows it somewhere an assessor looks: as key evidence or a
cross-reference for a descriptor, on a cover sheet, or in a component the scheme prints as a list of
its own (Investors in Families' generic evidence and outline-plan evidence). Everything else is
tagged to nothing. Which components are printed comes from the scheme's document order.
"""

from __future__ import annotations

from ..scheme.model import Scheme
from ..scheme.scheme_rules import walk_parts


def presented_components(scheme: Scheme) -> frozenset[str]:
    """The components whose items the scheme's documents list on their own."""
    return frozenset(
        part.component for part in walk_parts(scheme.document_parts()) if part.part == "evidence"
    )


def is_presented(item: dict, components: frozenset[str] = frozenset()) -> bool:
    """Whether a snapshot evidence item is presented: a descriptor link, a cover-sheet link or a listed component."""
    return bool(
        item.get("key_for")
        or item.get("cross_reference_for")
        or item.get("cover_sheets")
        or (item.get("component") and item.get("component") in components)
    )
