"""What recording a write for undo costs: the same edits made plain and through core's row_changes, same run.

Prints the time per edit both ways and their ratio, for a single-item edit and for setting consent on 500
selected items of a 5,000-item portfolio (one step), and the undo of that step.
Run: python benchmarks/undo_recording.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.build_large_portfolio import build_large_portfolio
from portfolio_builder.core.evidence.evidence_service import update_evidence, update_evidence_many
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.storage.row_changes import recorded


def medians(plain, kept, repeat: int) -> tuple[float, float]:
    """Median seconds of each, the two run in turn (so a busy machine slows both alike)."""
    times: tuple[list, list] = ([], [])
    for n in range(repeat):
        for fn, found in ((plain, times[0]), (kept, times[1])):
            start = time.perf_counter()
            fn(n)
            found.append(time.perf_counter() - start)
    return tuple(statistics.median(found) for found in times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_large_portfolio(Path(folder) / "large.portfolio", items=5000)
        portfolio = Portfolio.open(path)
        try:
            plain, kept = medians(
                lambda n: update_evidence(portfolio, 1, title=f"Plain {n}"),
                lambda n: recorded(
                    portfolio, "t", lambda: update_evidence(portfolio, 1, title=f"R {n}")
                ),
                41,
            )
            print(
                f"one item's title: plain {plain * 1000:.1f} ms, recorded {kept * 1000:.1f} ms, "
                f"ratio {kept / plain:.2f}"
            )
            ids, changes = list(range(1, 501)), []
            plain, kept = medians(
                lambda n: update_evidence_many(
                    portfolio, ids, consent=("obtained", "missing")[n % 2]
                ),
                lambda n: changes.append(
                    recorded(
                        portfolio,
                        "c",
                        lambda: update_evidence_many(
                            portfolio, ids, consent=("not-needed", "missing")[n % 2]
                        ),
                    )[1]
                ),
                11,
            )
            print(
                f"consent of 500 items: plain {plain * 1000:.0f} ms, recorded {kept * 1000:.0f} ms, "
                f"ratio {kept / plain:.2f}"
            )
            start = time.perf_counter()
            changes[-1].undo(portfolio)
            print(f"undo of that step: {(time.perf_counter() - start) * 1000:.0f} ms")
        finally:
            portfolio.close()


if __name__ == "__main__":
    main()
