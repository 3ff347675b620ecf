"""The assessor's way in from the start screen, a window that fits 1366x768, and the assessor's own name."""

from __future__ import annotations

import sqlite3

from docx import Document
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from portfolio_builder.ui.assessor import AssessorWindow
from tests.ui.assessor_fixtures import sha256_of

SCREEN_W, SCREEN_H = 1366, 768
DECORATIONS = (
    88  # a title bar (about 30 px) and a desktop panel (about 48 px), with a little to spare
)


def _assessor_windows():
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AssessorWindow) and w.isVisible()
    ]


def test_open_a_bundle_to_assess_asks_for_the_bundle_first(
    qtbot, dialogs, bundle, tmp_path, monkeypatch
):
    """Cancelling the file dialog leaves the start screen; choosing a bundle opens the assessor window on it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from portfolio_builder.app import build_main_window

    window = build_main_window(None, reopen_last=False)
    qtbot.addWidget(window)
    window.show()
    before = _assessor_windows()
    dialogs.open_path = ""
    window.start_screen.bundle_button.click()
    assert _assessor_windows() == before
    assert window.stack.currentWidget() is window.start_screen

    dialogs.open_path = str(bundle)
    window.start_screen.bundle_button.click()
    assessor = window._assessor
    qtbot.addWidget(assessor)
    qtbot.waitUntil(lambda: assessor.session is not None, timeout=20000)
    assert assessor.isVisible() and assessor.session.path == bundle
    assessor.close()


def _opened(qtbot, bundle, folder) -> AssessorWindow:
    window = AssessorWindow(folder)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.bundle_opened, timeout=20000):
        window.open_path(bundle)
    return window


def test_the_window_fits_1366x768_with_the_report_button_showing(qtbot, bundle, tmp_path):
    """At its first size the window, with a title bar and a panel, fits a 1366x768 screen, report button in view."""
    window = _opened(qtbot, bundle, tmp_path / "assessments")
    assert window.DEFAULT_WIDTH <= SCREEN_W and window.DEFAULT_HEIGHT + DECORATIONS <= SCREEN_H
    window.showNormal()
    window.resize(window.DEFAULT_WIDTH, window.DEFAULT_HEIGHT)
    qtbot.waitUntil(
        lambda: window.height() == window.DEFAULT_HEIGHT, timeout=3000
    )  # nothing forces it taller
    button = window.panel.export_button
    assert button.isVisible() and button.isEnabled()
    corner = button.mapTo(window, QPoint(button.width() - 1, button.height() - 1))
    assert window.rect().contains(corner), (corner, window.size())
    assert window.panel.assessor_name.isVisible()
    window.close()


def test_the_assessors_name_is_kept_in_their_own_file_and_printed_in_the_report(
    qtbot, bundle, tmp_path, monkeypatch, errors
):
    """Typed in the field above the judgement (no tab to find), saved in the assessment file, never in the bundle,
    and printed in the report's Assessor row (the scheme's word); the status bar names no internal path."""
    before = sha256_of(bundle)
    window = _opened(qtbot, bundle, tmp_path / "assessments")
    message = window.statusBar().currentMessage()
    assert "saved as you type" in message and "/" not in message and str(tmp_path) not in message
    assert window.panel.tabs.currentIndex() == 0 and window.panel.assessor_name.isVisible()
    window.panel.assessor_name.setText("Dr Rhiannon Price")
    db = sqlite3.connect(window.assessment.path)
    assert db.execute("SELECT value FROM meta WHERE key = 'field:assessor_name'").fetchone() == (
        "Dr Rhiannon Price",
    )
    db.close()
    target = tmp_path / "report.docx"
    monkeypatch.setattr(
        AssessorWindow, "ask_report_path", classmethod(lambda cls, parent, suggested: str(target))
    )
    window.panel.export_button.click()
    rows = [
        [c.text for c in row.cells] for table in Document(str(target)).tables for row in table.rows
    ]
    reviewer = (
        window.session.snapshot.scheme.words.reviewer
    )  # the scheme's word: "External assessor" for FPA
    assert [reviewer, "Dr Rhiannon Price"] in [row[:2] for row in rows]
    assert window.panel.name_label.text().replace("&", "") == "Your name (external assessor)"
    window.close()
    assert sha256_of(bundle) == before and errors == []
