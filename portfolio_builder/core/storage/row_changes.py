"""Undo lives in core: a write, recorded row by row in its own transaction, comes back as a Change that undoes itself.

Anki's OpChanges idea without a hand-written inverse per edit. While a write runs under `recorded`,
temporary triggers on the writing connection log every row it inserts, updates or deletes (cascades
included) by table and primary key. The Change keeps each row as it was before and after; undo checks
that the rows are still as the write left them, then puts the old ones back in one transaction (redo
the reverse). If anything differs (an edit made outside the undo history, another program), undo is
refused with ChangedMeanwhile and nothing is applied: no undo stops half-way.

Blob columns (stored file bytes, previews) are not copied into a Change: a write that must bring bytes
back (undo of a deletion) keeps them in the file instead (see evidence_service.delete_evidence_many).
"""

# Raw SQL on purpose: generic over any table (PRAGMA table_info, temporary triggers), no table named by hand.

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from ..errors import ChangedMeanwhile, ReadOnlyPortfolio
from .portfolio_file import Portfolio, storage_error

T = TypeVar("T")


@dataclass(frozen=True)
class TableShape:
    """A table's columns as a Change records them: every column but blobs, and which of them are the key."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    has_blobs: bool


@dataclass(frozen=True)
class RowImage:
    """One row of a table at one moment: its key, and its column values (None: the row is absent)."""

    table: str
    key: tuple
    values: tuple | None


@dataclass(frozen=True)
class Change:
    """What one write did, row by row: the UI refreshes from `tables` and replays `undo` / `redo`."""

    text: str
    before: tuple[RowImage, ...]
    after: tuple[RowImage, ...]

    @property
    def tables(self) -> frozenset[str]:
        """The tables whose rows changed (what a view showing them must reload)."""
        return frozenset(image.table for image in self.before)

    @property
    def empty(self) -> bool:
        """True when the write changed nothing (nothing to put on an undo history)."""
        return not self.before

    def undo(self, portfolio: Portfolio) -> None:
        """Put every row back as it was before the write, in one transaction; ChangedMeanwhile when it cannot."""
        _apply(portfolio, self.after, self.before, f"'{self.text}' could not be undone")

    def redo(self, portfolio: Portfolio) -> None:
        """Make the write again (every row as it was after it), in one transaction; ChangedMeanwhile when it cannot."""
        _apply(portfolio, self.before, self.after, f"'{self.text}' could not be redone")

    def inverse(self) -> Change:
        """The change that undoes this one, as a change of its own."""
        return Change(f"undo of {self.text}", self.after, self.before)


def table_shapes(conn: sqlite3.Connection) -> dict[str, TableShape]:
    """Every table of the portfolio with the columns a Change keeps (rowid tables with a primary key)."""
    shapes = {}
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for name in names:
        info = conn.execute(
            f'PRAGMA main.table_info("{name}")'
        ).fetchall()  # cid, name, type, notnull, dflt, pk
        key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        columns = tuple(row[1] for row in info if "BLOB" not in (row[2] or "").upper())
        blobs = len(columns) < len(info)
        if not key:  # a table without a declared key is known by its rowid
            key, columns = ("rowid",), ("rowid",) + columns
        shapes[name] = TableShape(name, columns, key, blobs)
    return shapes


def _install_log(conn: sqlite3.Connection, shapes: dict[str, TableShape], log: list) -> None:
    """Temporary triggers (this connection only) appending (table, key, old, new) for each row written."""

    def logged(table: str, op: str, *values) -> None:
        shape = shapes[table]
        width = len(shape.columns)
        old = tuple(values[:width]) if op in "ud" else None
        new = tuple(values[-width:]) if op in "iu" else None
        old_key, new_key = (_key_of(shape, v) if v is not None else None for v in (old, new))
        if op == "u" and old_key != new_key:  # a key changed: the old row went, a new one came
            log.append((table, old_key, old, None))
            log.append((table, new_key, None, new))
        else:
            log.append((table, old_key if old_key is not None else new_key, old, new))

    conn.create_function("pb_row_written", -1, logged)
    for shape in shapes.values():

        def row(prefix: str, shape: TableShape = shape) -> str:
            return ", ".join(f'{prefix}."{column}"' for column in shape.columns)

        for op, event, values in (
            ("i", "INSERT", row("NEW")),
            ("u", "UPDATE", f"{row('OLD')}, {row('NEW')}"),
            ("d", "DELETE", row("OLD")),
        ):
            conn.execute(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "pb_log_{op}_{shape.name}" AFTER {event} '
                f"ON main.\"{shape.name}\" BEGIN SELECT pb_row_written('{shape.name}', '{op}', "
                f"{values}); END"
            )


def _key_of(shape: TableShape, values: tuple) -> tuple:
    return tuple(values[shape.columns.index(column)] for column in shape.key)


def _net(log: list) -> tuple[tuple[RowImage, ...], tuple[RowImage, ...]]:
    """The rows as they were before and after, one image each per row written (rows left as they were dropped)."""
    first: dict[tuple, tuple | None] = {}
    last: dict[tuple, tuple | None] = {}
    for table, key, old, new in log:
        first.setdefault((table, key), old)
        last[(table, key)] = new
    changed = [k for k in first if first[k] != last[k]]
    return (
        tuple(RowImage(t, k, first[(t, k)]) for t, k in changed),
        tuple(RowImage(t, k, last[(t, k)]) for t, k in changed),
    )


def _shapes_of(portfolio: Portfolio) -> dict[str, TableShape]:
    """The open portfolio's tables, read once (its schema does not change while it is open)."""
    shapes = getattr(portfolio, "_row_shapes", None)
    if shapes is None:
        with portfolio.raw_connection() as conn:
            shapes = table_shapes(conn)
            setattr(portfolio, "_row_shapes", shapes)  # noqa: B010 - kept with the open file
    return shapes


class _Log(list):
    """The rows a recording logged; each also goes to the recording it runs inside, if any."""

    def __init__(self, outer: _Log | None):
        super().__init__()
        self.outer = outer

    def append(self, entry) -> None:
        super().append(entry)
        if self.outer is not None:
            self.outer.append(entry)


@contextmanager
def _recording(portfolio: Portfolio) -> Iterator[list]:
    outer = portfolio.connect_hook()
    shapes, log = _shapes_of(portfolio), _Log(getattr(outer, "log", None))

    def hook(conn: sqlite3.Connection) -> None:
        _install_log(conn, shapes, log)

    setattr(hook, "log", log)  # noqa: B010 - a recording made inside this one logs into both
    portfolio.set_connect_hook(hook)
    try:
        yield log
    finally:
        portfolio.set_connect_hook(outer)


def recorded(portfolio: Portfolio, text: str, write: Callable[[], T]) -> tuple[T, Change]:
    """Run a core write (on this thread) and return its result with the Change it made, built as it ran.

    A refused write raises as it would alone and changes nothing. Writes made by other threads
    meanwhile are not part of the Change (each connection records only its own thread's writes).
    """
    with _recording(portfolio) as log:
        result = write()
    before, after = _net(log)
    return result, Change(text, before, after)


def _current(conn: sqlite3.Connection, shape: TableShape, key: tuple) -> tuple | None:
    where = " AND ".join(f'"{column}" IS ?' for column in shape.key)
    columns = ", ".join(f'"{column}"' for column in shape.columns)
    return conn.execute(f'SELECT {columns} FROM main."{shape.name}" WHERE {where}', key).fetchone()


def _describe(image: RowImage) -> str:
    return f"{image.table.replace('_', ' ')} {', '.join(str(part) for part in image.key)}"


def _apply(
    portfolio: Portfolio, expected: tuple[RowImage, ...], wanted: tuple[RowImage, ...], what: str
) -> None:
    """Rows from `expected` to `wanted` in one transaction, or nothing at all with ChangedMeanwhile."""
    if portfolio.read_only:
        raise ReadOnlyPortfolio(portfolio.read_only_reason or "This portfolio is open read-only.")
    shapes = _shapes_of(portfolio)
    side_effects: list[tuple] = []
    refusal = f"{what}: {{}}. Nothing was changed."
    with portfolio.raw_connection() as conn:
        _install_log(conn, shapes, side_effects)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for image in expected:
                    if _current(conn, shapes[image.table], image.key) != image.values:
                        raise ChangedMeanwhile(
                            refusal.format(
                                f"{_describe(image)} was changed outside the undo history"
                            )
                        )
                conn.execute("PRAGMA defer_foreign_keys = ON")
                _write_rows(conn, shapes, expected, wanted)
                allowed = {(image.table, image.key) for image in wanted}
                strays = [(t, k) for t, k, _old, _new in side_effects if (t, k) not in allowed]
                if strays:
                    table, key = strays[0]
                    raise ChangedMeanwhile(
                        refusal.format(
                            f"it would also remove {_describe(RowImage(table, key, None))}, made outside the undo history"
                        )
                    )
                for image in wanted:
                    if _current(conn, shapes[image.table], image.key) != image.values:
                        raise ChangedMeanwhile(
                            refusal.format(f"{_describe(image)} could not be put back as it was")
                        )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.IntegrityError as exc:
            raise ChangedMeanwhile(
                refusal.format(
                    f"it clashes with a change made outside the undo history ({str(exc).lower()})"
                )
            ) from exc
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc


def _write_rows(conn: sqlite3.Connection, shapes: dict[str, TableShape], expected, wanted) -> None:
    """Deletes first, then updates, then inserts (foreign keys are checked at commit)."""
    was = {(image.table, image.key): image.values for image in expected}
    for image in wanted:
        shape = shapes[image.table]
        if image.values is None and was[(image.table, image.key)] is not None:
            where = " AND ".join(f'"{column}" IS ?' for column in shape.key)
            conn.execute(f'DELETE FROM main."{shape.name}" WHERE {where}', image.key)
    for image in wanted:
        shape = shapes[image.table]
        if image.values is not None and was[(image.table, image.key)] is not None:
            where = " AND ".join(f'"{column}" IS ?' for column in shape.key)
            sets = ", ".join(f'"{column}" = ?' for column in shape.columns)
            conn.execute(
                f'UPDATE main."{shape.name}" SET {sets} WHERE {where}', image.values + image.key
            )
    for image in wanted:
        shape = shapes[image.table]
        if image.values is not None and was[(image.table, image.key)] is None:
            if shape.has_blobs:
                raise ChangedMeanwhile(
                    f"{_describe(image)} holds file bytes, which the undo history does not keep; "
                    "nothing was changed."
                )
            columns = ", ".join(f'"{column}"' for column in shape.columns)
            marks = ", ".join("?" for _ in shape.columns)
            conn.execute(
                f'INSERT INTO main."{shape.name}" ({columns}) VALUES ({marks})', image.values
            )
