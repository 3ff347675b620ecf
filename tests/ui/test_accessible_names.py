"""Every page and dialog, walked: each control Tab reaches has a name a screen reader announces, text boxes let
Tab move on, and no two things in a window claim the same Alt+letter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.ui.accessibility_audit import clashing_mnemonics, focusable_controls, unnamed_controls


def _schemes() -> list[str]:
    from portfolio_builder.core.demo.demo import demo_schemes

    return demo_schemes()


@pytest.fixture(params=_schemes())
def sample_window(request, qtbot, dialogs, tmp_path, shared_builds):
    """The main window with the sample portfolio of a scheme open (a fictional setting part-way through): a copy
    of the sample built once per run, since the window writes to the file it opens."""
    from portfolio_builder.app import build_main_window

    path = shared_builds.sample_copy(request.param, tmp_path / "sample")
    window = build_main_window(str(path), reopen_last=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    if window.backups is not None:
        qtbot.waitUntil(lambda: window.backups.worker is None, timeout=10000)
    yield window
    window.close()


CHECK_ALT_KEYS = True  # no two things in a window on the same Alt+letter


def _traps(root: QWidget) -> list[str]:
    """Text boxes where Tab types a tab, and lists or tables where Tab walks the cells, instead of moving on to
    the next control (a keyboard trap in a form)."""
    return [
        f"Tab stays in: {w.accessibleName() or type(w).__name__}"
        for w in focusable_controls(root)
        if isinstance(w, (QPlainTextEdit, QTextEdit))
        and not w.isReadOnly()
        and not w.tabChangesFocus()
        or isinstance(w, QAbstractItemView)
        and w.tabKeyNavigation()
    ]


def _listed(problems: dict) -> str:
    return "\n".join(f"{where}: {what}" for where, found in problems.items() for what in found)


def _tab_leaves(root: QWidget) -> list[str]:
    """Put the focus on each enabled control in turn and press Tab (a few times, for a date's day, month and year):
    the focus must move on to another control."""
    import time

    from PySide6.QtTest import QTest

    window = root.window()
    window.activateWindow()
    for _ in range(200):
        if window.isActiveWindow():
            break
        QApplication.processEvents()
        time.sleep(0.01)
    else:
        return [
            f"Tab not checked: {window.windowTitle() or type(window).__name__} never became active"
        ]
    stuck = []
    for widget in focusable_controls(root):
        if not widget.isEnabled() or not widget.isVisible():
            continue
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if not widget.hasFocus():
            continue
        for _ in range(4):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focus = QApplication.focusWidget()
            inside = focus is widget or (
                focus is not None
                and focus.parentWidget() is widget
                and isinstance(widget, (QAbstractSpinBox, QComboBox))
            )
            if not inside:
                break
        else:
            stuck.append(f"Tab cannot leave: {widget.accessibleName() or type(widget).__name__}")
    return stuck


def _problems(root: QWidget) -> set[str]:
    found = set(unnamed_controls(root)) | set(_traps(root)) | set(_tab_leaves(root))
    return found | set(clashing_mnemonics(root.window())) if CHECK_ALT_KEYS else found


def _audit_everywhere(root: QWidget) -> set[str]:
    """Problems on root as shown, then with the first row of each list chosen and each tab shown."""
    QApplication.processEvents()
    problems = _problems(root)
    for view in [
        v for v in root.findChildren(QAbstractItemView) if v.isVisible() and v.model() is not None
    ]:
        if view.model().rowCount() and not view.currentIndex().isValid():
            view.setCurrentIndex(view.model().index(0, 0))
            QApplication.processEvents()
            problems |= _problems(root)
    for tabs in [t for t in root.findChildren(QTabWidget) if t.isVisible()]:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            problems |= _problems(root)
    return problems


def test_every_page_of_the_main_window_names_its_controls(qtbot, sample_window):
    """With the sample open, no page (in any of its tabs, with a row chosen) has a control a screen reader
    would announce as just "list" or "edit"."""
    from portfolio_builder.ui.pages import PAGES

    problems, seen = {}, 0
    for number, (_name, title) in enumerate(PAGES):
        sample_window.show_page(number)
        found = _audit_everywhere(sample_window)
        seen += len(focusable_controls(sample_window))
        if found:
            problems[title] = sorted(found)
    assert seen > 60  # the walk really reached the pages' controls
    assert not problems, _listed(problems)


def _check_dialog(qtbot, dialog) -> list[str]:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert focusable_controls(dialog)
    found = sorted(_audit_everywhere(dialog))
    dialog.reject() if hasattr(dialog, "reject") else dialog.close()
    return found


def test_every_dialog_names_its_controls(qtbot, context, tmp_path, monkeypatch):
    """New portfolio (every page), paste descriptors, descriptor and theme forms, priority, diary entry,
    backups, About, the region editor: every control named, Tab leaves every text box."""
    from portfolio_builder.core.storage.backups import make_backup
    from portfolio_builder.ui.about_dialog import AboutDialog
    from portfolio_builder.ui.backup_restore_dialog import RestoreBackupDialog
    from portfolio_builder.ui.framework_dialogs import (
        DescriptorDialog,
        DescriptorForm,
        ThemeDialog,
        ThemeForm,
    )
    from portfolio_builder.ui.new_portfolio_wizard import NewPortfolioWizard
    from portfolio_builder.ui.paste_descriptors_dialog import PasteDescriptorsDialog
    from portfolio_builder.ui.planning.diary_dialog import DiaryEntryDialog
    from portfolio_builder.ui.planning.priority_dialog import PriorityDialog
    from portfolio_builder.ui.team_copy_dialog import TeamCopyDialog

    problems = {}
    wizard = NewPortfolioWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setting_page.name.setText("Oak Primary School")
    wizard.team_page.lead_name.setText("Ann Patel") if hasattr(
        wizard.team_page, "lead_name"
    ) else None
    for page in range(4):
        found = _audit_everywhere(wizard)
        if found:
            problems[f"New portfolio, page {page + 1}"] = sorted(found)
        wizard.next()
    wizard.reject()

    themes = [("1", "Ethos"), ("2", "Leadership")]
    path = Path(context.portfolio.path)
    try:
        make_backup(path, "manual")
    except Exception:  # noqa: BLE001 - an empty list still shows the table
        pass
    dialogs = {
        "Paste descriptors": lambda: PasteDescriptorsDialog(
            None, context.portfolio, themes, "1", context.scheme.words
        ),
        "Add descriptor": lambda: DescriptorDialog(
            None, themes, DescriptorForm("1", "1a", "Text", ["Example"]), True
        ),
        "Add theme": lambda: ThemeDialog(None, ThemeForm("3", "Title", ""), True),
        "Priority": lambda: PriorityDialog([(1, "Ann Patel")], None),
        "Diary entry": lambda: DiaryEntryDialog(None),
        "Restore from a backup": lambda: RestoreBackupDialog(path),
        "About": lambda: AboutDialog(),
        "Send a team copy": lambda: TeamCopyDialog(path, ["Ann Patel", "Dev Shah"], themes),
    }
    for title, make in dialogs.items():
        found = _check_dialog(qtbot, make())
        if found:
            problems[title] = found
    assert not problems, _listed(problems)


def test_the_region_editor_names_its_controls(qtbot, context, tmp_path):
    """Blur or block out: the picture, the region list and every button are named for a screen reader."""
    from PIL import Image

    from portfolio_builder.core.evidence.evidence_import import import_evidence
    from portfolio_builder.ui.redaction.region_editor import RegionEditor

    photo = tmp_path / "garden.jpg"
    Image.new("RGB", (320, 240), (120, 160, 90)).save(photo)
    evidence_id = import_evidence(
        context.portfolio, [photo], title="Garden", consent="blurred", workers=1
    ).added[0]
    editor = RegionEditor(context, evidence_id)
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitUntil(lambda: editor.canvas.picture is not None, timeout=10_000)
    found = sorted(_audit_everywhere(editor))
    assert not found, "\n".join(found)
    editor.reject()


def _walk(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _walk(model, index)


def test_the_assessor_window_names_its_controls(qtbot, bundle, tmp_path):
    """The assessor's window with the sample bundle open: contents, the item shown, the judgement panel, for a
    theme, a descriptor and each kind of item, every control named."""
    from portfolio_builder.ui.assessor import AssessorWindow
    from portfolio_builder.ui.assessor.contents_model import NodeRole

    window = AssessorWindow(tmp_path / "assessments")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.bundle_opened, timeout=20000):
        window.open_path(bundle)
    problems, kinds = set(_audit_everywhere(window)), set()
    model = window.tree.model()
    for index in _walk(model):
        node = index.data(NodeRole)
        kind = (node.kind, getattr(node, "evidence_kind", None) or getattr(node, "mime_type", None))
        if kind in kinds:
            continue
        kinds.add(kind)
        window.tree.setCurrentIndex(index)
        QApplication.processEvents()
        problems |= _problems(window)
    assert len(kinds) >= 3
    assert not problems, "\n".join(sorted(problems))
    window.close()


def test_the_walk_finds_what_it_should(qtbot):
    """The checks are real: an unnamed list, a text box that keeps Tab, a date showing "No date" (Qt keeps Tab in
    it) and two buttons on Alt+S are all reported."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit, QLineEdit, QListView, QPushButton, QVBoxLayout

    global CHECK_ALT_KEYS
    form = QWidget()
    layout = QVBoxLayout(form)
    date = QDateEdit(minimumDate=QDate(2000, 1, 1), specialValueText="No date")
    date.setDate(date.minimumDate())
    for widget in (
        QLineEdit(accessibleName="Title"),
        QListView(),
        QPlainTextEdit(accessibleName="Notes"),
        date,
        QPushButton("&Save"),
        QPushButton("&Send"),
        QLineEdit(accessibleName="Last"),
    ):
        layout.addWidget(widget)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    saved, CHECK_ALT_KEYS = CHECK_ALT_KEYS, True
    try:
        found = "\n".join(sorted(_problems(form)))
    finally:
        CHECK_ALT_KEYS = saved
    assert "no name: QListView" in found
    assert "Tab stays in: Notes" in found
    assert "Tab cannot leave: QDateEdit" in found
    assert "Alt+S: Save / Send" in found


def test_the_region_editor_works_from_the_keyboard(qtbot, context, tmp_path):
    """Add region (or Insert) puts one in the middle; Page Down chooses it, Ctrl+Right widens it, Right moves it,
    Delete removes it; the photo says what it holds and the keys in its description."""
    from PIL import Image
    from PySide6.QtTest import QTest

    from portfolio_builder.core.evidence.evidence_import import import_evidence
    from portfolio_builder.core.evidence.region_service import item_regions
    from portfolio_builder.ui.redaction.region_editor import RegionEditor

    photo = tmp_path / "garden.jpg"
    Image.new("RGB", (320, 240), (120, 160, 90)).save(photo)
    evidence_id = import_evidence(
        context.portfolio, [photo], title="Garden", consent="blurred", workers=1
    ).added[0]
    editor = RegionEditor(context, evidence_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.canvas.picture is not None, timeout=10_000)
    canvas = editor.canvas
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Insert)
    assert len(item_regions(context.portfolio, evidence_id)) == 1
    assert (
        "1 region(s)" in canvas.accessibleDescription()
        and "Insert adds" in canvas.accessibleDescription()
    )
    first = item_regions(context.portfolio, evidence_id)[0]
    QTest.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    moved = item_regions(context.portfolio, evidence_id)[0]
    assert moved.w > first.w and moved.x > first.x
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.selection is None
    QTest.keyClick(canvas, Qt.Key.Key_PageDown)
    assert "selected: region 1" in canvas.accessibleDescription()
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert not item_regions(context.portfolio, evidence_id)
    editor.add_button.click()
    assert len(item_regions(context.portfolio, evidence_id)) == 1
    editor.reject()


def test_the_start_screen_names_its_controls(qtbot, dialogs):
    """No portfolio open: the start screen's buttons and recent list are named, and Tab leaves each."""
    from portfolio_builder.app import build_main_window

    window = build_main_window(None, reopen_last=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    found = sorted(_audit_everywhere(window))
    assert not found, "\n".join(found)
    window.close()
