"""Alt+letter keys for labels whose words come from the scheme: the first letter no other control in the window
has taken, so two things never share one key (Qt would then only move between them)."""

from __future__ import annotations

MENU_KEYS = "fevh"  # the main window's File, Edit, View and Help


def with_free_mnemonic(text: str, taken: set[str], start: int = 0) -> str:
    """text with & before its first free letter from start (a word's first letter preferred); marks it taken."""
    plain = text.replace("&", "&&")
    places = [i for i in range(start, len(text)) if text[i].isalnum()]
    first_letters = [i for i in places if i == 0 or not text[i - 1].isalnum()]
    for i in first_letters + places:
        if text[i].lower() not in taken:
            taken.add(text[i].lower())
            shift = text[:i].count("&")
            return plain[: i + shift] + "&" + plain[i + shift :]
    return plain
