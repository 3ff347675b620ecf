"""Measure what caching compiled Core statements saves on the writes an import makes, in the same run.

Run: .venv/bin/python benchmarks/core_statements.py [--count 400]
Stores count web links (an item and its checks, no file work: the statements alone) with every statement
compiled afresh (a) and with compiled SQL reused by statement shape (b); prints ms per item and (a)/(b).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def store_links(count: int) -> float:
    """Seconds per link stored by store_link_item in a new portfolio (fsync off: the statements, not the disk)."""
    from portfolio_builder.core.evidence.import_storing import import_options, store_link_item
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework

    with tempfile.TemporaryDirectory() as work:
        portfolio = create_portfolio(
            Path(work) / "bench.portfolio",
            shipped_framework("family-partnership-award"),
            "Bench School",
            lead=("Ann Patel", "Lead"),
        )
        with portfolio.raw_connection() as conn:
            conn.execute("PRAGMA synchronous=OFF")
            options = import_options(conn, [], None, None, None)
            started = time.perf_counter()
            for n in range(count):
                store_link_item(conn, options, f"https://example.org/{n}", "link", f"Link {n}")
            took = (time.perf_counter() - started) / count
        portfolio.close()
    return took


def uncached(statement):
    from portfolio_builder.core.storage import core_statements

    result = core_statements.compiled(statement)
    return result, dict(result.construct_params())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of (a) then (b); best of each"
    )
    args = parser.parse_args()
    from portfolio_builder.core.storage import core_statements

    fresh = cached = float("inf")
    for _round in range(args.repeat):
        with mock.patch.object(core_statements, "_compiled_with_values", uncached):
            fresh = min(fresh, store_links(args.count))
        cached = min(cached, store_links(args.count))
    print(f"(a) compiled every time: {fresh * 1e3:.3f} ms per item")
    print(f"(b) compiled once a shape: {cached * 1e3:.3f} ms per item")
    print(f"ratio (a)/(b): {fresh / cached:.1f}")


if __name__ == "__main__":
    main()
