"""Benchmark: open a 5,000-item portfolio and compute its readiness (goal: under 0.3 s).

Prints the time against a baseline measured in the same run: opening the same file with bare
sqlite3 and counting its evidence rows. Run: .venv/bin/python benchmarks/open_readiness.py
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_large_portfolio import build_large_portfolio  # noqa: E402

from portfolio_builder.core.planning.readiness import check_readiness  # noqa: E402
from portfolio_builder.core.storage.portfolio_file import Portfolio  # noqa: E402


def timed(fn, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = build_large_portfolio(Path(tmp) / "large.portfolio", args.items)

        def ours():
            with Portfolio.open(path) as portfolio:
                readiness = check_readiness(portfolio)
                assert readiness.themes

        def baseline():
            connection = sqlite3.connect(path)
            connection.execute("SELECT count(*) FROM evidence_item").fetchone()
            connection.close()

        ours()  # warm the page cache and imports
        ours_s, base_s = timed(ours, args.repeats), timed(baseline, args.repeats)
    print(f"open + readiness, {args.items} items: {ours_s * 1000:.1f} ms (goal < 300 ms)")
    print(f"baseline bare open + count:        {base_s * 1000:.1f} ms")
    print(f"ratio ours / baseline:             {ours_s / base_s:.1f}x")
    print("PASS" if ours_s < 0.3 else "FAIL")


if __name__ == "__main__":
    main()
