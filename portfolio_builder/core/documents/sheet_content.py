"""Each sheet's content as plain data, built once and rendered three ways (PDF, Word, HTML)."""

from __future__ import annotations

from dataclasses import dataclass

from ..shape.portfolio_shape import EvidenceShape


@dataclass(frozen=True)
class Cell:
    """A table cell: lines of text, an optional bold lead-in ('1a'), a tint for a current rating."""

    lines: tuple[str, ...] = ()
    lead: str = ""
    tint: str = ""  # a #RRGGBB colour behind the cell (the current level), '' for none
    bold: bool = False

    @classmethod
    def of(cls, value, lead: str = "", tint: str = "", bold: bool = False) -> Cell:
        """A cell from one value (None or '' for an empty cell); newlines become lines."""
        shown = "" if value is None else str(value)
        return cls(tuple(shown.split("\n")) if shown else (), lead, tint, bold)

    @property
    def plain(self) -> str:
        return " ".join(([self.lead] if self.lead else []) + list(self.lines))


@dataclass(frozen=True)
class Column:
    """A column's header and share of the width; `date` columns get room for '28 May 2026' on one line."""

    label: str
    share: float = 1.0
    date: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str = ""  # said instead of the table when there are no rows


@dataclass(frozen=True)
class Fields:
    """'label | value' pairs (lead, dates, summative comment ...); empty values stay as space to write in."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Paragraphs:
    """Free text split on blank lines; `empty` (muted) when there is none; style body/muted/small."""

    body: str
    empty: str = ""
    style: str = "body"


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class EvidenceList:
    """Evidence items listed with kind, date, source, consent and what they evidence (thumbnails in PDF/HTML)."""

    items: tuple[EvidenceShape, ...]
    empty: str = "No evidence recorded here."


Block = Table | Fields | Paragraphs | Heading | EvidenceList


@dataclass(frozen=True)
class Sheet:
    """One sheet: its title, orientation and blocks; `word` when it is also an editable Word sheet."""

    key: str  # file stem for the Word sheet, e.g. 'theme-1-audit-sheet'
    title: str
    blocks: tuple[Block, ...] = ()
    landscape: bool = False
    word: bool = True


@dataclass(frozen=True)
class Entry:
    """One heading of the portfolio in order, at an outline level, with the sheet printed under it (if any)."""

    title: str
    level: int
    sheet: Sheet | None = None
    note: str = ""
    contents_page: bool = False  # the place of the contents page (PDF) or navigation (HTML)
    muted: bool = (
        False  # listed for the reader's information only (a theme not entered yet, on a draft)
    )
    runs_on: bool = False  # may share a page with what precedes it (short themes of one audit)
