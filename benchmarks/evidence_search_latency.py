"""Longest GUI-thread stall while typing into the evidence search box over a 5,000-item portfolio (goal < 50 ms).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/evidence_search_latency.py [items]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_large_portfolio import build_large_portfolio  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SEARCH = "item 12 minutes"


class StallMeter:
    """A 5 ms timer on the GUI thread; the longest gap between its ticks is the longest stall."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = self.clock.elapsed()
        self.longest = 0
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last, self.longest = self.clock.elapsed(), 0


def pump(app: QApplication, milliseconds: int) -> None:
    end = time.perf_counter() + milliseconds / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def main(items: int = 5000) -> None:
    app = QApplication.instance() or QApplication([])
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.ui.pages.evidence_page import EvidencePage
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.portfolio"
        build_large_portfolio(path, items)
        context = PortfolioContext(Portfolio.open(path))
        started = time.perf_counter()
        page = EvidencePage(context)
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        opened = (time.perf_counter() - started) * 1000
        meter = StallMeter()
        pump(app, 300)
        meter.reset()
        per_key = []
        for char in SEARCH:
            before = time.perf_counter()
            QTest.keyClicks(page.search, char)
            per_key.append((time.perf_counter() - before) * 1000)
            pump(app, 40)
        for _ in SEARCH:
            before = time.perf_counter()
            QTest.keyClick(page.search, "\b")
            per_key.append((time.perf_counter() - before) * 1000)
            pump(app, 40)
        shown = page.proxy.rowCount()
        print(f"{page.model.rowCount()} items; page built and shown in {opened:.0f} ms")
        print(
            f"typed {SEARCH!r} and erased it: slowest keystroke {max(per_key):.1f} ms, "
            f"median {sorted(per_key)[len(per_key) // 2]:.1f} ms; longest GUI-thread stall {meter.longest} ms "
            f"(goal < 50 ms); {shown} items shown at the end"
        )
        page.close()
        context.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
