"""Small helpers for putting a scheme's words into sentences (plurals and possessives of any word it uses)."""

from __future__ import annotations


def possessive(word: str) -> str:
    """'award pack' -> "award pack's", 'practice tools' -> "practice tools'"."""
    return word + ("'" if word.endswith("s") else "'s")


def counted(count: int, singular: str, plural: str) -> str:
    """'1 theme', '6 themes'; a word whose plural is itself is counted as '11 × what good looks like'."""
    if singular.lower() == plural.lower():
        return f"{count} × {singular}"
    return f"{count} {singular if count == 1 else plural}"
