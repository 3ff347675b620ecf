"""Counting any of a scheme's words in a sentence ('6 themes', '11 × what good looks like')."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str) -> str:
    """'1 theme', '6 themes'; a word whose plural is itself is counted as '11 × what good looks like'."""
    if singular.lower() == plural.lower():
        return f"{count} × {singular}"
    return f"{count} {singular if count == 1 else plural}"
