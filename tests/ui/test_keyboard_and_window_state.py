"""Keyboard reach (View menu Ctrl+1…6, Ctrl+F, F1) and what the windows remember between runs (size, splitters)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from portfolio_builder.ui import main_menus
from portfolio_builder.ui.pages import PAGES


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def test_ctrl_number_switches_page(qtbot, main_window):
    """Ctrl+3 shows Evidence and Ctrl+1 goes back to the Dashboard, from the keyboard alone."""
    _press(qtbot, main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.view.stack.currentWidget() is main_window.view.page("Evidence")
    _press(qtbot, main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.view.stack.currentWidget() is main_window.view.page("Dashboard")


def test_view_menu_names_every_page_and_its_shortcut(qtbot, main_window):
    """View lists the pages in sidebar order with Ctrl+1…Ctrl+7, and is off while no portfolio is open."""
    assert [a.text().replace("&", "") for a in main_window.page_actions] == [
        title for _, title in PAGES
    ]
    assert [a.shortcut().toString() for a in main_window.page_actions] == [
        f"Ctrl+{n}" for n in range(1, len(PAGES) + 1)
    ]
    main_window.close_portfolio()
    assert not any(a.isEnabled() for a in main_window.page_actions)


def test_ctrl_f_goes_to_the_filter_of_the_page_shown(qtbot, main_window):
    """Ctrl+F puts the cursor in the search box of whichever page is shown (Framework, Evidence, Audit)."""
    for number, box in (
        (1, lambda: main_window.view.page("Framework").filter),
        (2, lambda: main_window.view.page("Evidence").search),
        (3, lambda: main_window.view.page("Audit").search),
    ):
        main_window.show_page(number)
        main_window.view.sidebar.setFocus()
        _press(qtbot, main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda box=box: box().hasFocus(), timeout=3000)


def test_f1_lists_the_keyboard_shortcuts(qtbot, main_window, monkeypatch):
    """F1 opens the shortcut list, which is read from the live actions (pages, undo, find)."""
    shown = []
    monkeypatch.setattr(main_menus, "show_shortcuts", shown.append)
    _press(qtbot, main_window, Qt.Key.Key_F1)
    assert shown == [main_window]
    from portfolio_builder.ui.shortcuts_help import shortcut_lines

    lines = {what: keys for keys, what, _where in shortcut_lines(main_window)}
    assert lines["Evidence"] == "Ctrl+3"
    assert lines["Find"] == QKeySequence(QKeySequence.StandardKey.Find).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert lines["Add evidence descriptor"] == "Ctrl+Shift+N"  # the Family Partnership Award's word


def test_first_window_fits_the_screen(qtbot, dialogs):
    """With nothing remembered, the window is no bigger than the screen (1280x800 does not fit 1366x768 at 125 %)."""
    from portfolio_builder.app import build_main_window

    window = build_main_window(None, reopen_last=False)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()


def test_splitter_is_where_it_was_left(qtbot, main_window, portfolio_path):
    """The Framework page's splitter comes back at the position the user dragged it to."""
    from portfolio_builder.app import build_main_window

    main_window.show_page(1)
    splitter = main_window.view.page("Framework").splitter
    splitter.moveSplitter(260, 1)
    left = splitter.sizes()[0]
    assert abs(left - 260) < 20
    main_window.close()
    again = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(again)
    again.resize(main_window.size())
    again.show()
    again.show_page(1)
    assert again.view.page("Framework").splitter.sizes()[0] == left
    again.close()


def test_assessor_window_fits_the_screen_and_keeps_its_size(qtbot, tmp_path):
    """The assessor's window opens within the screen and reopens at the size it was left."""
    from portfolio_builder.ui.assessor.assessor_window import AssessorWindow

    window = AssessorWindow(tmp_path)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(700, 500)
    window.close()
    again = AssessorWindow(tmp_path)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
