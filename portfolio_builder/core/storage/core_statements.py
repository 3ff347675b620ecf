"""Run SQLAlchemy Core statements built from the schema's tables on a raw sqlite3 connection, in its transaction.

Writes name tables and columns through `schema.py`, so a misspelt column is refused when the
statement is built (CompileError "Unconsumed column names"), not when that path first runs; yet they
go on the caller's own connection (BEGIN IMMEDIATE, row_changes' temporary triggers, blob streaming).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.types import TypeEngine

DIALECT = SQLiteDialect_pysqlite(paramstyle="qmark")  # as the portfolio's engine compiles


def compiled(statement: ClauseElement) -> SQLCompiler:
    """The statement as SQLite SQL with ? marks, IN lists spelled out (render_postcompile)."""
    result = statement.compile(dialect=DIALECT, compile_kwargs={"render_postcompile": True})
    assert isinstance(result, SQLCompiler)  # a statement compiles to SQL, never DDL
    return result


def _bind(compiled_sql: SQLCompiler, name: str) -> BindParameter[Any] | None:
    """The bind parameter behind a positional name; an IN list's `ids_1_2` is the list `ids_1`'s."""
    while name not in compiled_sql.binds and "_" in name:
        name = name.rpartition("_")[0]
    return compiled_sql.binds.get(name)


def stored_as(type_: TypeEngine[Any], value: Any) -> Any:
    """The value as SQLModel stores it in a column of this type (a date or time as its text).

    Text and numbers go as they are: they are already what the file holds (a date read raw and
    written back); a value the type cannot take goes as it is too, for sqlite3 to store or refuse.
    """
    if value is None or isinstance(value, (str, int, float, bytes)):
        return value
    processor = type_.dialect_impl(DIALECT).bind_processor(DIALECT)
    try:
        return processor(value) if processor is not None else value
    except (TypeError, ValueError):
        return value


def stored_value(column: Any, value: Any) -> Any:
    """What a column holds for value, e.g. stored_value(MergeLogEntry.merged_at, now) -> '2026-01-05 10:00:00.000000'."""
    return stored_as(column.type, value)


def _stored(compiled_sql: SQLCompiler, name: str, value: Any) -> Any:
    bind = _bind(compiled_sql, name)
    return value if bind is None else stored_as(bind.type, value)


def _default(column) -> Any:
    """A column's Python-side default (a value, or a factory such as utc_now), as an INSERT without it gets."""
    default = column.default
    return default.arg(None) if default.is_callable else default.arg


def parameters(compiled_sql: SQLCompiler) -> list[Any]:
    """The ? values in order, defaults filled in for the columns an INSERT leaves out."""
    values = dict(compiled_sql.params)
    for column in compiled_sql.insert_prefetch:
        values[column.key] = _default(column)
    return [_stored(compiled_sql, name, values[name]) for name in compiled_sql.positiontup or ()]


def run(conn: sqlite3.Connection, statement: ClauseElement) -> sqlite3.Cursor:
    """Execute a Core insert/update/delete/select on conn, inside whatever transaction conn is in."""
    compiled_sql = compiled(statement)
    return conn.execute(compiled_sql.string, parameters(compiled_sql))


def first_value(conn: sqlite3.Connection, statement: ClauseElement) -> Any:
    """The first column of the first row (None when there is no row)."""
    row = run(conn, statement).fetchone()
    return row[0] if row else None
