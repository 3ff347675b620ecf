"""How long a large portfolio (5,000 evidence items) takes from build_main_window(path) to a shown window; goal < 1.5 s warm."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ITEMS = 5000
GOAL_SECONDS = 1.5


def build_large_portfolio(folder: Path, items: int = ITEMS) -> Path:
    """An FPA portfolio with 40 descriptors and `items` evidence items, inserted with raw SQL in one transaction."""
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework
    from portfolio_builder.core.scheme.framework_model import Descriptor

    framework = shipped_framework("family-partnership-award")
    for theme in framework.themes[1:]:
        theme.descriptors = [
            Descriptor(
                f"{theme.code}{chr(97 + n)}",
                f"Descriptor {theme.code}{chr(97 + n)} from the "
                "award pack, typed in by the setting.",
            )
            for n in range(6)
        ]
    path = folder / "large.portfolio"
    portfolio = create_portfolio(
        path, framework, "Large Secure Children's Home", lead=("Ann Patel", "Lead")
    )
    with portfolio.raw_connection() as conn:
        descriptors = [r[0] for r in conn.execute("SELECT id FROM descriptor ORDER BY id")]
        files, rows, links = [], [], []
        key_used: dict[int, int] = {}
        for n in range(1, items + 1):
            data = f"evidence item {n}".encode()
            sha = hashlib.sha256(data).hexdigest()
            files.append((sha, len(data), data))
            kind = "photo" if n % 5 == 0 else "document"
            rows.append(
                (
                    n,
                    kind,
                    f"Evidence item {n}",
                    sha,
                    len(data),
                    date(2026, 1 + n % 12, 1 + n % 28).isoformat(),
                    "obtained",
                    f"item-{n}.txt",
                    "text/plain",
                    "activity",
                    "2026-01-01 00:00:00",
                )
            )
            descriptor = descriptors[n % len(descriptors)]
            slot = key_used.get(descriptor, 0) + 1
            if slot <= 2:
                key_used[descriptor] = slot
                links.append((n, descriptor, "key", slot))
            else:
                links.append((n, descriptor, "cross", None))
        conn.executemany("INSERT INTO stored_file (sha256, size, data) VALUES (?, ?, ?)", files)
        conn.executemany(
            "INSERT INTO evidence_item (id, kind, title, sha256, size, evidence_date, consent, "
            "original_name, mime_type, component, added_at, description, source, consent_note, url, "
            "has_location, collected_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,'','','','',0,'')",
            rows,
        )
        conn.executemany(
            "INSERT INTO descriptor_link (evidence_id, descriptor_id, role, slot, note) "
            "VALUES (?, ?, ?, ?, '')",
            links,
        )
        conn.commit()
    portfolio.close()
    return path


def time_open(path: Path) -> float:
    """Seconds from build_main_window(path) to the window exposed on screen."""
    from PySide6.QtWidgets import QApplication

    from portfolio_builder.app import build_main_window

    started = time.perf_counter()
    window = build_main_window(str(path), reopen_last=False)
    window.show()
    while window.windowHandle() is None or not window.windowHandle().isExposed():
        QApplication.processEvents()
    QApplication.processEvents()
    elapsed = time.perf_counter() - started
    if window.backups is not None:  # let the backup made on open finish before closing
        while window.backups.worker is not None:
            QApplication.processEvents()
    window.close()
    QApplication.processEvents()
    return elapsed


def main() -> int:
    from PySide6.QtCore import QSettings

    with tempfile.TemporaryDirectory(prefix="pb-gui-bench-") as tmp:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        started = time.perf_counter()
        path = build_large_portfolio(Path(tmp))
        print(
            f"built a {ITEMS:,}-item portfolio in {time.perf_counter() - started:.2f} s "
            f"({path.stat().st_size / 1e6:.1f} MB)"
        )
        cold = time_open(path)
        warm = min(time_open(path) for _ in range(3))
        print(f"first open (imports included): {cold:.2f} s")
        print(
            f"warm open, build_main_window -> window shown: {warm:.2f} s (goal < {GOAL_SECONDS} s)"
        )
        return 0 if warm < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
