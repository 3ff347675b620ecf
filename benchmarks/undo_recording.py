"""What recording a write for undo costs: the same edits made plain and through core's row_changes, same run.

Prints the time per edit both ways and their ratio, for a single-item edit and for setting consent on 500
selected items of a 5,000-item portfolio (one step), and the undo of that step.
Run: python benchmarks/undo_recording.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.build_large_portfolio import build_large_portfolio
from portfolio_builder.core.evidence.evidence_service import update_evidence, update_evidence_many
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.storage.row_changes import recorded


def per_call(fn, repeat: int) -> float:
    start = time.perf_counter()
    for n in range(repeat):
        fn(n)
    return (time.perf_counter() - start) / repeat


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_large_portfolio(Path(folder) / "large.portfolio", items=5000)
        portfolio = Portfolio.open(path)
        try:
            plain = per_call(lambda n: update_evidence(portfolio, 1, title=f"Plain {n}"), 40)
            kept = per_call(lambda n: recorded(portfolio, "t", lambda: update_evidence(portfolio, 1, title=f"R {n}")), 40)
            print(f"one item's title: plain {plain * 1000:.1f} ms, recorded {kept * 1000:.1f} ms, "
                  f"ratio {kept / plain:.2f}")
            ids = list(range(1, 501))
            consents = ("obtained", "not-needed")
            plain = per_call(lambda n: update_evidence_many(portfolio, ids, consent=consents[n % 2]), 6)
            changes = []
            kept = per_call(lambda n: changes.append(recorded(portfolio, "c", lambda: update_evidence_many(
                portfolio, ids, consent=consents[n % 2]))[1]), 6)
            print(f"consent of 500 items: plain {plain * 1000:.0f} ms, recorded {kept * 1000:.0f} ms, "
                  f"ratio {kept / plain:.2f}")
            start = time.perf_counter()
            changes[-1].undo(portfolio)
            print(f"undo of that step: {(time.perf_counter() - start) * 1000:.0f} ms")
        finally:
            portfolio.close()


if __name__ == "__main__":
    main()
