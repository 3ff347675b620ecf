"""How soon an export given up after its first file returns, against a whole export of the same portfolio.

A cancelled (or failed) export stops rendering its documents instead of waiting for them. Builds the FPA
sample, then times, in the same run, whole draft exports (the baseline) and exports whose cancel turns
true at the first progress call. Run: PYTHONPATH=. .venv/bin/python benchmarks/export_cancel.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(rounds: int = 5) -> None:
    from portfolio_builder.core.bundle.bundle_export import export_bundle
    from portfolio_builder.core.demo.demo import build_demo
    from portfolio_builder.core.errors import Cancelled
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    folder = Path(tempfile.mkdtemp(prefix="pb-cancel-bench-"))
    whole, given_up = [], []
    with Portfolio.open(build_demo(folder)) as portfolio:
        for n in range(rounds):
            start = time.perf_counter()
            export_bundle(portfolio, folder / f"whole-{n}.zip", draft=True)
            whole.append(time.perf_counter() - start)
            calls = []
            start = time.perf_counter()
            try:
                export_bundle(
                    portfolio,
                    folder / f"cancelled-{n}.zip",
                    draft=True,
                    progress=lambda *_args, calls=calls: calls.append(1),
                    cancel=lambda calls=calls: bool(calls),
                )
            except Cancelled:
                pass
            given_up.append(time.perf_counter() - start)
            assert not (folder / f"cancelled-{n}.zip").exists()
    whole_s, given_up_s = statistics.median(whole), statistics.median(given_up)
    print(f"whole export {whole_s:.2f} s; cancelled after its first file {given_up_s:.2f} s")
    print(f"ratio {given_up_s / whole_s:.2f} of a whole export (medians of {rounds})")


if __name__ == "__main__":  # the sample's import starts worker processes (spawn): keep this guard
    main()
