"""The main window's menu bar (File, Edit, View, Help): each entry calls the window, which does the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from .. import APP_NAME
from .app_settings import recent_portfolios
from .pages import PAGES
from .shortcuts_help import show_shortcuts
from .team_menu import add_team_actions

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Fill the window's menu bar; portfolio_actions are those enabled only while a portfolio is open."""
    file_menu = window.menuBar().addMenu("&File")
    window._action(file_menu, "&New portfolio…", window.new_portfolio, QKeySequence.StandardKey.New)
    window._action(
        file_menu, "&Open portfolio…", window.ask_and_open, QKeySequence.StandardKey.Open
    )
    window.recent_menu = file_menu.addMenu("Open &recent")
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent_menu(window))
    window.close_action = window._action(
        file_menu,
        "&Close portfolio",
        lambda: window.close_portfolio(),
        QKeySequence.StandardKey.Close,
    )
    file_menu.addSeparator()
    window.check_action = window._action(file_menu, "&Check portfolio", window.check_portfolio)
    window.backup_action = window._action(file_menu, "&Back up now", window.back_up_now)
    window.restore_action = window._action(
        file_menu, "Res&tore from a backup…", window.restore_from_backup
    )
    window.export_action = window._action(
        file_menu, "&Export bundle…", window.export_bundle, "Ctrl+E"
    )
    file_menu.addSeparator()
    team_actions = add_team_actions(window, file_menu)
    file_menu.addSeparator()
    window.import_framework_action = window._action(
        file_menu, "&Import framework…", _framework_call(window, "import_framework")
    )
    window.export_framework_action = window._action(
        file_menu, "Export &framework…", _framework_call(window, "export_framework")
    )
    file_menu.addSeparator()
    quit_action = window._action(file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    edit_menu = window.menuBar().addMenu("&Edit")
    window.undo_action = window.undo_group.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = window.undo_group.createRedoAction(window, "&Redo")
    window.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)

    view_menu = window.menuBar().addMenu("&View")
    window.page_actions = [
        window._action(
            view_menu,
            f"&{title}",
            lambda _=False, n=number: window.show_page(n),
            f"Ctrl+{number + 1}",
        )
        for number, (_name, title) in enumerate(PAGES)
    ]

    help_menu = window.menuBar().addMenu("&Help")
    window._action(
        help_menu,
        "&Keyboard shortcuts",
        lambda: show_shortcuts(window),
        QKeySequence.StandardKey.HelpContents,
    )
    about = window._action(help_menu, f"&About {APP_NAME}", window.show_about)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    window.portfolio_actions = [
        window.close_action,
        window.check_action,
        window.backup_action,
        window.restore_action,
        window.export_action,
        window.import_framework_action,
        window.export_framework_action,
        *team_actions,
        *window.page_actions,
    ]


def _fill_recent_menu(window: MainWindow) -> None:
    """File › Open recent: the portfolios opened lately (a moved one shown greyed)."""
    window.recent_menu.clear()
    paths = recent_portfolios()
    for path in paths:
        action = window.recent_menu.addAction(f"{path.name}  ({path.parent})")
        action.setEnabled(path.exists())
        action.triggered.connect(lambda _=False, p=path: window.open_portfolio(str(p)))
    if not paths:
        window.recent_menu.addAction("No recent portfolios").setEnabled(False)


def _framework_call(window: MainWindow, method: str):
    """File › Import/Export framework: the Framework page's own command, with that page shown."""

    def call():
        page = window.view.page("Framework") if window.view else None
        if page is not None and hasattr(page, method):
            window.view.show_page(1)
            getattr(page, method)()

    return call
