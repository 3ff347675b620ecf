"""Descriptors pasted from an award pack as a lettered list: previewed with their problems, added all or none.

Accepted lines: "a. text", "a) text", "(a) text", "1a text", "2b) text", "2b. text". A line that starts
no item continues the one before it; blank lines are ignored. Codes are the theme's code followed by
the letter in lower case ("2" + "b" -> "2b", "E1" + "a" -> "E1a"); a number before the letter must be
the theme's number or code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlmodel import Session, func, select

from ..errors import BadInput
from ..storage.portfolio_file import Portfolio
from ..storage.schema import DescriptorRow, ThemeRow, stored_id
from .lookups import theme_by_reference

_LETTERED = re.compile(r"^\(?(?P<letter>[A-Za-z])[.)](?:\s+|$)(?P<text>.*)$")
_NUMBERED = re.compile(r"^(?P<number>\d+)\.?\(?(?P<letter>[A-Za-z])(?:[.)]\s*|\s+|$)(?P<text>.*)$")
MAX_CODE = 16


@dataclass(frozen=True)
class PastedDescriptor:
    """One descriptor read from the pasted text: its new code, its text and the line it starts on."""

    code: str
    text: str
    line: int


@dataclass
class PastePreview:
    """What a paste would add to a theme, and why it cannot (nothing is added while there are problems)."""

    theme_code: str
    theme_title: str
    items: list[PastedDescriptor] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.items) and not self.problems


def parse_pasted(
    text: str, theme_code: str, theme_number: int, existing_codes=(), theme_title: str = ""
) -> PastePreview:
    """Read a pasted list into descriptors for one theme, noting duplicates and unreadable lines."""
    preview = PastePreview(theme_code, theme_title)
    taken = {c.casefold(): c for c in existing_codes}
    started: list[list] = []  # [code, text parts, line]
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            continue
        match = _NUMBERED.match(line) or _LETTERED.match(line)
        if match is None:
            if started:
                started[-1][1].append(line)
            else:
                preview.problems.append(f"line {number} starts no lettered item: '{_short(line)}'")
            continue
        given = match.groupdict().get("number")
        if given is not None and int(given) != theme_number and given != theme_code:
            preview.problems.append(
                f"line {number} ('{given}{match['letter']}') is numbered for theme {given}, "
                f"not theme {theme_code}"
            )
        started.append(
            [
                f"{theme_code}{match['letter'].lower()}",
                [match["text"]] if match["text"] else [],
                number,
            ]
        )
    seen: dict[str, int] = {}
    for code, parts, line in started:
        body = " ".join(parts).strip()
        if not body:
            preview.problems.append(f"line {line}: {code} has no text")
        if len(code) > MAX_CODE:
            preview.problems.append(
                f"line {line}: the code {code} is longer than {MAX_CODE} characters"
            )
        if code.casefold() in taken:
            existing = taken[code.casefold()]
            preview.problems.append(
                f"line {line}: {code} is already in this portfolio"
                + (f" (as {existing})" if existing != code else "")
            )
        elif code.casefold() in seen:
            preview.problems.append(
                f"line {line}: {code} is pasted twice (first on line {seen[code.casefold()]})"
            )
        seen.setdefault(code.casefold(), line)
        preview.items.append(PastedDescriptor(code, body, line))
    if not started and not preview.problems:
        preview.problems.append(
            "there is nothing to add: no line starts with a letter such as 'a.' or '1a'"
        )
    return preview


def _short(line: str, width: int = 40) -> str:
    return line if len(line) <= width else line[: width - 1] + "\u2026"


def _preview_in(session: Session, theme: ThemeRow, text: str) -> PastePreview:
    number = session.exec(
        select(func.count()).select_from(ThemeRow).where(ThemeRow.position < theme.position)
    ).one()
    codes = [
        *session.exec(select(DescriptorRow.code)).all(),
        *session.exec(select(ThemeRow.code)).all(),
    ]
    return parse_pasted(text, theme.code, number + 1, codes, theme.title)


def preview_paste(portfolio: Portfolio, theme: str, text: str) -> PastePreview:
    """What pasting text into a theme (its code or number) would add, and its problems; changes nothing."""
    with portfolio.session() as session:
        return _preview_in(session, theme_by_reference(session, theme), text)


def apply_paste(portfolio: Portfolio, theme: str, text: str) -> list[PastedDescriptor]:
    """Add every pasted descriptor at the end of the theme in one transaction, or none (BadInput) if any
    problem; returns what was added."""
    with portfolio.writing() as session:
        row = theme_by_reference(session, theme)
        preview = _preview_in(session, row, text)
        if not preview.ok:
            raise BadInput(f"Nothing was added to theme {row.code}: {'; '.join(preview.problems)}.")
        position = session.exec(
            select(func.count()).select_from(DescriptorRow).where(DescriptorRow.theme_id == row.id)
        ).one()
        for offset, item in enumerate(preview.items):
            session.add(
                DescriptorRow(
                    theme_id=stored_id(row),
                    position=position + offset,
                    code=item.code,
                    text=item.text,
                )
            )
        return preview.items
