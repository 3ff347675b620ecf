"""Engines for portfolio files that share one SQLite dialect and one cache of compiled SQL.

SQLAlchemy keeps compiled SQL per engine, keyed by the engine's own dialect object (sqlalchemy issue
#5002), and every open portfolio has its own engine (its own file, mode and pragmas). So each newly
opened portfolio compiled every query again: about 2.5 ms per query, some 40 ms for one portfolio.json,
paid again for an export's snapshot copy, a contribution pack being merged, a backup being checked and
each command of the command line a test runs in-process. Every portfolio engine is the same pysqlite
dialect class with the same arguments on the same SQLite library, so one initialised dialect and one
bounded cache serve them all, which is what the SQLAlchemy maintainer suggests for many engines of one
kind. `benchmarks/reopen_portfolio.py` measures it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.pool import NullPool
from sqlalchemy.util import LRUCache

COMPILED_SQL: LRUCache[Any, Any] = LRUCache(1000)  # statements this app can make: a few hundred


@functools.cache
def shared_dialect() -> Dialect:
    """The pysqlite dialect every portfolio engine uses, initialised once on an in-memory database."""
    template = create_engine("sqlite://", poolclass=NullPool)
    with template.connect():  # runs dialect.initialize(), as a portfolio's first connection would
        pass
    return template.dialect


def portfolio_engine(creator: Callable[[], Any], *, share: bool = True) -> Engine:
    """An engine that opens connections with creator and, unless share is False (the benchmark's
    baseline), compiles each statement once per process instead of once per portfolio."""
    if not share:
        return create_engine("sqlite://", creator=creator, poolclass=NullPool)
    engine = create_engine(
        "sqlite://",
        creator=creator,
        poolclass=NullPool,
        execution_options={"compiled_cache": COMPILED_SQL},
    )
    engine.dialect = (
        shared_dialect()
    )  # the cache key includes the dialect object: one object, one key
    return engine
