"""Help › Keyboard shortcuts (F1): the list is read from the window's own actions, so it cannot fall out of date."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

EVERYWHERE = "Everywhere"
# Keys that belong to a widget rather than an action, worth telling people about: (keys, what, where).
WIDGET_KEYS = (
    ("Tab / Shift+Tab", "Move between fields", EVERYWHERE),
    ("F2", "Edit the selected cell of the action plan", "Planning"),
    ("Enter", "Open the selected recent portfolio", "Start screen"),
    ("Ctrl+Tab / Ctrl+Page Down", "Next tab", "Planning, the assessor's report"),
    ("Arrows, Enter", "Choose a chip, go to its fix", "Dashboard"),
    (
        "Insert, Page Down, arrows, Ctrl+arrows, Delete",
        "Add, choose, move, resize, remove a region",
        "Blur or block out",
    ),
)


def _pages(window: QWidget) -> list[tuple[str, QWidget]]:
    view = getattr(window, "view", None)
    return list(view.pages) if view is not None else []


def _page_of(action: QAction, pages: list[tuple[str, QWidget]]) -> str:
    """The title of the page an action belongs to, or EVERYWHERE for the window's menus."""
    owner = action.parent()
    while owner is not None:
        for title, page in pages:
            if owner is page:
                return title
        owner = owner.parent()
    return EVERYWHERE


def shortcut_lines(window: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what they do, where) for every action under window with a shortcut, each once: the same command on
    several pages (Find) names them all; everywhere-keys first, then page by page in sidebar order."""
    pages = _pages(window)
    order = [EVERYWHERE] + [title for title, _page in pages] + ["Start screen"]
    found: dict[tuple[str, str], list[str]] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        what = action.text().replace("&", "").rstrip("…").strip()
        if keys and what:
            where = found.setdefault((keys, what), [])
            page = _page_of(action, pages)
            if page not in where:
                where.append(page)
    lines = [
        (keys, what, ", ".join(sorted(where, key=order.index)))
        for (keys, what), where in found.items()
    ]
    lines += [line for line in WIDGET_KEYS if (line[0], line[1]) not in found]
    first_place = {place: n for n, place in enumerate(order)}
    return sorted(lines, key=lambda line: first_place.get(line[2].split(", ")[0], len(order)))


def show_shortcuts(window: QWidget) -> None:
    """The shortcuts in a table that scrolls, sized to the screen (it outgrew 1366x768 at 150 %)."""
    lines = shortcut_lines(window)
    dialog = QDialog(window)
    dialog.setWindowTitle("Keyboard shortcuts")
    table = QTableWidget(len(lines), 3)
    table.setAccessibleName("Keyboard shortcuts: keys, what they do, where they work")
    table.setHorizontalHeaderLabels(["Keys", "Does", "Where"])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    for row, line in enumerate(lines):
        for column, text in enumerate(line):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    note = QLabel("A page's keys work while that page is shown.")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(note)
    layout.addWidget(table, 1)
    layout.addWidget(buttons)
    room = window.screen().availableGeometry().size()
    wanted = table.horizontalHeader().length() + 60, table.verticalHeader().length() + 140
    dialog.resize(min(wanted[0], room.width() * 9 // 10), min(wanted[1], room.height() * 9 // 10))
    dialog.exec()
