"""Help › Keyboard shortcuts (F1): the list is read from the window's own actions, so it cannot fall out of date."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

# Keys that belong to a widget rather than an action, worth telling people about.
WIDGET_KEYS = (("Tab / Shift+Tab", "Move between fields"), ("F2", "Edit the selected cell (action plan)"),
               ("Enter", "Open the selected recent portfolio (start screen)"),
               ("Ctrl+Tab / Ctrl+Page Down", "Next tab (Planning, the assessor's report)"),
               ("Arrows, Enter", "Dashboard chips: choose one, go to its fix"),
               ("Insert, Page Down, arrows, Ctrl+arrows, Delete",
                "Blur or block out: add, choose, move, resize, remove a region"))


def shortcut_lines(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action under window that has a shortcut, menus first, no repeats."""
    lines, seen = [], set()
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        what = action.text().replace("&", "").rstrip("…").strip()
        if not keys or not what or (keys, what) in seen:
            continue
        seen.add((keys, what))
        lines.append((keys, what))
    return lines + [line for line in WIDGET_KEYS if line not in seen]


def show_shortcuts(window: QWidget) -> None:
    """A plain table of the shortcuts, in a message box."""
    rows = "".join(f"<tr><td><b>{escape(keys)}</b>&nbsp;&nbsp;</td><td>{escape(what)}</td></tr>"
                   for keys, what in shortcut_lines(window))
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts",
                      "<p>Page commands work while that page is shown.</p><table>" + rows + "</table>",
                      QMessageBox.StandardButton.Close, window)
    box.exec()
