"""Find a theme, person, priority, level or evidence item by what a user types, refusing with the known ones."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from ..errors import BadInput
from ..scheme.scale import Level
from ..scheme.store import scheme_in_session
from ..storage.schema import EvidenceItem, Priority, Staff, ThemeRow


def iso_date(text: str | date, what: str = "date") -> date:
    """An ISO date (2026-03-14) from text, or BadInput showing how to write it."""
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise BadInput(
            f"'{text}' is not a {what}: write it as YYYY-MM-DD, e.g. 2026-03-14."
        ) from None


def theme_by_reference(session: Session, reference: str) -> ThemeRow:
    """A theme by its code (any case) or its number (1 = first); BadInput listing the themes otherwise."""
    themes = list(session.exec(select(ThemeRow).order_by(col(ThemeRow.position))).all())
    wanted = str(reference).strip()
    for theme in themes:
        if theme.code.lower() == wanted.lower():
            return theme
    if wanted.isdigit() and 1 <= int(wanted) <= len(themes):
        return themes[int(wanted) - 1]
    listed = ", ".join(
        f"{number} ({t.code} {t.title})" if t.code != str(number) else f"{t.code} ({t.title})"
        for number, t in enumerate(themes, start=1)
    )
    words = scheme_in_session(session).words
    raise BadInput(
        f"There is no {words.theme.lower()} '{wanted}'. {words.themes}: {listed or 'none'}."
    )


def staff_by_name(session: Session, name: str) -> Staff:
    """A member of staff by name (any case); BadInput naming everyone on the staff list otherwise."""
    people = list(session.exec(select(Staff).order_by(Staff.name)).all())
    wanted = " ".join(str(name).split())
    matches = [p for p in people if " ".join(p.name.split()).casefold() == wanted.casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise BadInput(
            f"{len(matches)} people on the staff list are called '{wanted}'; rename one of them first."
        )
    known = ", ".join(p.name for p in people)
    raise BadInput(
        f"Nobody called '{wanted}' is on the staff list"
        + (f" ({known})." if known else "; the staff list is empty.")
    )


def priority_by_number(session: Session, number: int | str) -> Priority:
    """A priority by its number in the chosen order (1 = first); BadInput saying which numbers exist."""
    priorities = list(session.exec(select(Priority).order_by(col(Priority.position))).all())
    text = str(number).strip()
    if text.isdigit() and 1 <= int(text) <= len(priorities):
        return priorities[int(text) - 1]
    words = scheme_in_session(session).words
    if not priorities:
        raise BadInput(
            f"There is no {words.priority.lower()} {text}: this portfolio has no "
            f"{words.priorities.lower()} yet."
        )
    listed = "; ".join(f"{n} {p.title}" for n, p in enumerate(priorities, start=1))
    raise BadInput(f"There is no {words.priority.lower()} {text}. {words.priorities}: {listed}.")


def level_by_name(session: Session, level: str) -> Level:
    """A level of the portfolio's scale by key or label (any case); BadInput naming the scale otherwise."""
    scale = scheme_in_session(session).scale
    chosen = scale.find(str(level))
    if chosen is None:
        names = ", ".join(lv.label for lv in scale.levels)
        raise BadInput(f"'{level}' is not on this portfolio's scale ({names}).")
    return chosen


def id_ranges(ids: Iterable[int]) -> str:
    """Numbers written compactly: 1-4, 7, 9-10."""
    parts: list[list[int]] = []  # [first, last] of each run
    for number in sorted(set(ids)):
        if parts and parts[-1][1] == number - 1:
            parts[-1][1] = number
        else:
            parts.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in parts)


def refuse_unknown_evidence(known: Iterable[int], wanted: Iterable[int]) -> None:
    """BadInput naming the wanted ids that are not evidence items, and the ones that are."""
    known = set(known)
    missing = [i for i in dict.fromkeys(wanted) if i not in known]
    if not missing:
        return
    what = (
        f"There is no evidence item {missing[0]}"
        if len(missing) == 1
        else f"There are no evidence items {id_ranges(missing)}"
    )
    held = (
        f"this portfolio has items {id_ranges(known)}"
        if known
        else "this portfolio has no evidence yet"
    )
    raise BadInput(f"{what} ({held}); nothing was changed.")


def check_evidence_ids(session: Session, wanted: Iterable[int]) -> None:
    """Refuse (BadInput) unless every wanted id is an evidence item."""
    ids = session.exec(select(EvidenceItem.id)).all()  # `int | None` to SQLModel, never NULL here
    refuse_unknown_evidence((i for i in ids if i is not None), wanted)
