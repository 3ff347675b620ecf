"""Run SQLAlchemy Core statements built from the schema's tables on a raw sqlite3 connection, in its transaction.

Writes name tables and columns through `schema.py`, so a misspelt column is refused when the
statement is built (CompileError "Unconsumed column names"), not when that path first runs; yet they
go on the caller's own connection (BEGIN IMMEDIATE, row_changes' temporary triggers, blob streaming).
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.types import TypeEngine

DIALECT = SQLiteDialect_pysqlite(paramstyle="qmark")  # as the portfolio's engine compiles
# Compiling costs about 0.4 ms a statement, several times the write itself: a statement of the same
# shape (same table, columns and clauses; other values) reuses its compiled SQL, as an engine does.
MAX_CACHED = 500
_compiled_cache: dict[Any, SQLCompiler] = {}
_cache_lock = threading.Lock()


def compiled(statement: ClauseElement, cache_key: Any = None) -> SQLCompiler:
    """The statement as SQLite SQL with ? marks (an IN list's marks are spelled out per call)."""
    result = statement.compile(dialect=DIALECT, cache_key=cache_key)
    assert isinstance(result, SQLCompiler)  # a statement compiles to SQL, never DDL
    return result


def _compiled_with_values(statement: ClauseElement) -> tuple[SQLCompiler, dict[str, Any]]:
    """The statement's compiled SQL (cached by its shape) and this statement's own values by name."""
    key = statement._generate_cache_key()  # the key an engine's compiled cache uses
    if key is None:  # a construct that cannot say its shape: compiled each time
        result = compiled(statement)
        return result, dict(result.construct_params())
    with _cache_lock:
        cached = _compiled_cache.get(key.key)
    if cached is None:
        cached = compiled(statement, cache_key=key)
        with _cache_lock:
            if len(_compiled_cache) >= MAX_CACHED:
                _compiled_cache.clear()
            _compiled_cache[key.key] = cached
    return cached, dict(cached.construct_params(extracted_parameters=key.bindparams))


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
    """What a column holds for value, e.g. stored_value(TeamIdentity.copy_made_at, now) -> '2026-01-05 10:00:00.000000'."""
    return stored_as(column.type, value)


def _default(default) -> Any:
    """A column's Python-side default or onupdate (a value, or a factory such as utc_now)."""
    return default.arg(None) if default.is_callable else default.arg


def sql_and_parameters(statement: ClauseElement) -> tuple[str, list[Any]]:
    """The SQL to run and its ? values in order, defaults filled in as an engine would (INSERT, onupdate)."""
    compiled_sql, values = _compiled_with_values(statement)
    for column in compiled_sql.insert_prefetch:
        values[column.key] = _default(column.default)
    for column in compiled_sql.update_prefetch:
        values[column.key] = _default(column.onupdate)
    state = compiled_sql.construct_expanded_state(values)
    names = state.positiontup or ()
    return state.statement, [_stored(compiled_sql, n, state.parameters[n]) for n in names]


def _stored(compiled_sql: SQLCompiler, name: str, value: Any) -> Any:
    bind = _bind(compiled_sql, name)
    return value if bind is None else stored_as(bind.type, value)


def run(conn: sqlite3.Connection, statement: ClauseElement) -> sqlite3.Cursor:
    """Execute a Core insert/update/delete/select on conn, inside whatever transaction conn is in."""
    sql, values = sql_and_parameters(statement)
    return conn.execute(sql, values)


def first_value(conn: sqlite3.Connection, statement: ClauseElement) -> Any:
    """The first column of the first row (None when there is no row)."""
    row = run(conn, statement).fetchone()
    return row[0] if row else None
