"""The one rule for whether an evidence item is presented to the assessor (and so belongs in a final bundle).

An item is presented when the portfolio shows it somewhere an assessor looks: as key evidence or a
cross-reference for a descriptor, on a Priority Action Cover Sheet, or as generic or plan evidence
(Investors in Families' second and third parts). Everything else is tagged to nothing. The lead
will later drive the component list from the scheme's data; callers only ask is_presented().
"""

from __future__ import annotations

PRESENTED_COMPONENTS = ("generic", "plan")


def is_presented(item: dict) -> bool:
    """Whether a snapshot evidence item is presented: a descriptor link, a cover-sheet link or a presented component."""
    return bool(item.get("key_for") or item.get("cross_reference_for") or item.get("cover_sheets")
                or item.get("component") in PRESENTED_COMPONENTS)
