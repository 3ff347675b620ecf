"""The whole journey with the keyboard alone (key presses only, no mouse and no direct calls): a new portfolio,
a file added through the file dialog, tagged, a descriptor rated, a draft exported; then the assessor opens that
bundle and writes a judgement."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from portfolio_builder.core.assessor.bundle_contents import DESCRIPTOR
from portfolio_builder.ui import page_dialogs

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _focus() -> QWidget:
    return QApplication.focusWidget()


def _key(key, modifier=NO, window: QWidget | None = None) -> None:
    """One key press where the keyboard's focus is (as a real key press goes)."""
    QTest.keyClick(_focus() or window, key, modifier)


def _tab_to(target: QWidget, limit: int = 80) -> None:
    """Press Tab until target has the focus; fails when Tab never gets there (a control the keyboard cannot reach)."""
    for _ in range(limit):
        if target.hasFocus():
            return
        _key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName() or type(target).__name__}")


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def _when_dialog_is_up(then) -> None:
    """Run then() once a modal dialog is shown and has the keyboard (key presses go where the focus is)."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        dialog.activateWindow()
        focus = QApplication.focusWidget()
        if not dialog.isActiveWindow() or focus is None or focus.window() is not dialog:
            QTimer.singleShot(20, poll)
            return
        then(dialog)

    QTimer.singleShot(0, poll)


def _fill_wizard(wizard, folder: Path, done: list) -> None:
    """Answer the new-portfolio wizard with keys: Enter takes the framework offered, then name, lead, folder."""
    try:
        _key(Qt.Key.Key_Return)  # Family Partnership Award is offered first
        QTest.keyClicks(_focus(), "Oak Primary School")
        _key(Qt.Key.Key_Return)
        QTest.keyClicks(_focus(), "Ann Patel")
        _key(Qt.Key.Key_Return)
        _key(Qt.Key.Key_A, CTRL)  # the folder field has the focus on the last page
        QTest.keyClicks(_focus(), str(folder))
        _key(Qt.Key.Key_Return)  # Finish
        done.append(True)
    finally:
        if wizard is not None and wizard.isVisible():
            wizard.reject()


def test_staff_and_assessor_journey_by_keyboard_alone(qtbot, dialogs, tmp_path, monkeypatch):
    from portfolio_builder.app import build_main_window
    from portfolio_builder.core.planning.audit_service import rating_history

    window = build_main_window(None, reopen_last=False)
    qtbot.addWidget(window)
    window.show()
    _activate(qtbot, window)

    # File › New portfolio (Ctrl+N): the wizard, answered with keys
    done: list = []
    _when_dialog_is_up(lambda wizard: _fill_wizard(wizard, tmp_path, done))
    _key(Qt.Key.Key_N, CTRL, window)
    assert done and window.context is not None, "the wizard was not completed from the keyboard"
    portfolio = window.context.portfolio
    assert Path(portfolio.path).parent == tmp_path
    if window.backups is not None:
        qtbot.waitUntil(lambda: window.backups.worker is None, timeout=10000)

    # Evidence (Ctrl+3), Add files (Ctrl+I): the file dialog answers with the minutes' path
    photo = tmp_path / "family-forum-minutes.txt"
    photo.write_text("Minutes of the Family Forum, October.", encoding="utf-8")
    monkeypatch.setattr(page_dialogs, "choose_evidence_files", lambda parent: [str(photo)])
    _activate(qtbot, window)
    _key(Qt.Key.Key_3, CTRL, window)
    evidence = window.view.page("Evidence")
    _key(Qt.Key.Key_I, CTRL, window)
    qtbot.waitUntil(lambda: evidence.model.rowCount() == 1, timeout=20000)

    # tag it: Tab to the library, choose the row, Tab to the descriptor chooser, type its code, Tag as key evidence
    _tab_to(evidence.table)
    _key(Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: evidence.editor.ids != [], timeout=5000)
    _tab_to(evidence.editor.tags_box.code_choice)
    QTest.keyClicks(evidence.editor.tags_box.code_choice, "1a")
    assert evidence.editor.tags_box.code_choice.currentText().startswith("1a")
    _tab_to(evidence.editor.tags_box.key_button)
    _key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _key_items(portfolio, "1a") == 1, timeout=5000)

    # Audit (Ctrl+4): find 1a (Ctrl+F), choose it, a level, Record rating
    _key(Qt.Key.Key_4, CTRL, window)
    audit = window.view.page("Audit")
    _key(Qt.Key.Key_F, CTRL, window)
    qtbot.waitUntil(audit.search.hasFocus, timeout=3000)
    QTest.keyClicks(audit.search, "1a")
    _tab_to(audit.table)
    _key(Qt.Key.Key_Home)
    _tab_to(audit.level)
    _key(Qt.Key.Key_Down)
    level = audit.level.currentData()
    _tab_to(audit.rate_button)
    _key(Qt.Key.Key_Space)
    assert [r.level_key for r in rating_history(portfolio, "1a")] == [level]

    # File › Export bundle (Ctrl+E): not ready, so a draft (the question answered yes), saved where chosen
    bundle = tmp_path / "oak-draft.zip"
    dialogs.save_path = str(bundle)
    _key(Qt.Key.Key_E, CTRL, window)
    qtbot.waitUntil(
        lambda: any("saved as" in message for message, _ in dialogs.infos), timeout=60000
    )
    assert bundle.exists() and dialogs.questions  # the draft was offered first
    window.close()

    # the assessor: File › Open bundle (Ctrl+O), arrows to a descriptor, a judgement and a comment
    from portfolio_builder.ui.assessor import AssessorWindow
    from portfolio_builder.ui.assessor.contents_model import NodeRole

    monkeypatch.setattr(
        AssessorWindow, "ask_bundle_path", classmethod(lambda cls, parent: str(bundle))
    )
    assessor = AssessorWindow(tmp_path / "assessments")
    qtbot.addWidget(assessor)
    assessor.show()
    _activate(qtbot, assessor)
    with qtbot.waitSignal(assessor.bundle_opened, timeout=30000):
        _key(Qt.Key.Key_O, CTRL, assessor)
    _activate(qtbot, assessor)
    _tab_to(assessor.tree)
    for _ in range(60):
        node = assessor.tree.currentIndex().data(NodeRole)
        if node is not None and node.kind == DESCRIPTOR and node.code == "1a":
            break
        _key(
            Qt.Key.Key_Right
            if node is not None
            and not assessor.tree.isExpanded(assessor.tree.currentIndex())
            and assessor.tree.model().rowCount(assessor.tree.currentIndex())
            else Qt.Key.Key_Down
        )
    assert node.kind == DESCRIPTOR and node.code == "1a", (
        "descriptor 1a not reached with the arrows"
    )
    met = assessor.panel.radios["met"]
    _tab_to(met if met.isChecked() else next(r for r in assessor.panel.radios.values()))
    while not met.hasFocus():
        _key(Qt.Key.Key_Right)
    _key(Qt.Key.Key_Space)
    _tab_to(assessor.panel.comment)
    QTest.keyClicks(assessor.panel.comment, "The minutes show families set the agenda.")
    db = sqlite3.connect(assessor.assessment.path)
    try:
        assert db.execute(
            "SELECT judgement, comment FROM judgement WHERE scope='descriptor' AND code='1a'"
        ).fetchone() == ("met", "The minutes show families set the agenda.")
    finally:
        db.close()
    assert level is not None
    assessor.close()


def _key_items(portfolio, code: str) -> int:
    """How many key items the descriptor has, as the dashboard counts them."""
    from portfolio_builder.core.planning.readiness import check_readiness

    return next(
        d.key_count
        for t in check_readiness(portfolio).themes
        for d in t.descriptors
        if d.code == code
    )
