"""Measure what one shared cache of compiled SQL saves each time a portfolio is opened and read, in one run.

Run: PYTHONPATH=. .venv/bin/python benchmarks/reopen_portfolio.py [--opens 30]
Builds the sample portfolio (demo, every scheme's usual one), then opens it read-only and builds its
portfolio.json `opens` times with (a) a dialect and compiled SQL of each engine's own, as before, and (b)
the one shared dialect and cache (core/storage/shared_sql.py), alternating; prints ms per open and (a)/(b).
Every open after the first is what an export's snapshot copy, a merged pack or a command run in-process
pays.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def open_and_read(path: Path) -> float:
    """Seconds to open the portfolio read-only, build its portfolio.json and close it."""
    from portfolio_builder.core.shape.snapshot import build_snapshot
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    started = time.perf_counter()
    with Portfolio.open(path, read_only=True) as portfolio:
        build_snapshot(portfolio)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opens", type=int, default=30)
    args = parser.parse_args()
    from portfolio_builder.core.demo.demo import build_demo
    from portfolio_builder.core.storage import shared_sql

    private = functools.partial(shared_sql.portfolio_engine, share=False)
    with tempfile.TemporaryDirectory() as work:
        path = build_demo(Path(work))
        open_and_read(path)  # the first open in a process compiles either way
        own, shared = [], []
        for _ in range(args.opens):
            with mock.patch.object(shared_sql, "portfolio_engine", private):
                own.append(open_and_read(path))
            shared.append(open_and_read(path))
    a, b = statistics.median(own), statistics.median(shared)
    print(f"sample portfolio, {args.opens} opens each, median")
    print(f"(a) each engine compiles its own SQL: {a * 1e3:.1f} ms per open and read")
    print(f"(b) one shared dialect and cache:      {b * 1e3:.1f} ms per open and read")
    print(f"ratio (b)/(a): {b / a:.2f}")


if __name__ == "__main__":
    main()
