"""What a screen reader would be told about a window: every focusable control and the name Qt gives it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QGroupBox, QMenu, QWidget


def _inner_part(widget: QWidget) -> bool:
    """The line edit inside a combo or spin box: the screen reader is told about the outer control."""
    parent = widget.parentWidget()
    return isinstance(parent, (QComboBox, QAbstractSpinBox))


def focusable_controls(root: QWidget) -> list[QWidget]:
    """The shown controls Tab can reach inside root (menus are read from their actions' words)."""
    found = [
        w
        for w in [root, *root.findChildren(QWidget)]
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(w, QMenu)
    ]
    return [w for w in found if not _inner_part(w)]


def accessible_name(widget: QWidget) -> str:
    """The name Qt's accessibility layer gives the widget (its accessibleName, a label buddy, its text ...)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "").strip()


def _where(widget: QWidget) -> str:
    chain, node = [], widget
    while node is not None and len(chain) < 4:
        label = node.objectName() or type(node).__name__
        if isinstance(node, QGroupBox) and node.title():
            label = f"group '{node.title()}'"
        chain.append(label)
        node = node.parentWidget()
    return " < ".join(chain)


def _only_the_group_title(widget: QWidget, name: str) -> bool:
    """Named only after its group box, which holds other controls too: a screen reader could not tell them apart."""
    parent = widget.parentWidget()
    if (
        not isinstance(parent, QGroupBox)
        or widget.accessibleName()
        or name != parent.title().replace("&", "")
    ):
        return False
    return len([w for w in focusable_controls(parent) if w is not parent]) > 1


def unnamed_controls(root: QWidget) -> list[str]:
    """Each focusable control with no name a screen reader can announce, or one it shares with its neighbours."""
    problems = []
    for widget in focusable_controls(root):
        name = accessible_name(widget)
        if not name:
            problems.append(f"no name: {_where(widget)}")
        elif _only_the_group_title(widget, name):
            problems.append(f"only its group's title {name!r}: {_where(widget)}")
    return problems


def _mnemonic(text: str) -> str | None:
    """The letter after a single & (Alt+letter), or None."""
    at = text.replace("&&", "").find("&")
    cleaned = text.replace("&&", "")
    return cleaned[at + 1].lower() if 0 <= at < len(cleaned) - 1 else None


def clashing_mnemonics(window: QWidget) -> list[str]:
    """Alt+letter keys that two shown things in one window claim (menus, buttons, labels, tabs): Qt then only
    cycles focus between them, so neither does what it says."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QTabBar

    claims: dict[str, list[str]] = {}

    def claim(text: str) -> None:
        letter = _mnemonic(text)
        if letter:
            claims.setdefault(letter, []).append(text.replace("&", ""))

    if isinstance(window, QMainWindow) and window.menuBar().isVisible():
        for action in window.menuBar().actions():
            claim(action.text())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            claim(widget.text())
        elif (
            isinstance(widget, QLabel) and widget.buddy() is not None and widget.buddy().isVisible()
        ):
            claim(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            claim(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    claim(widget.tabText(index))
    return [
        f"Alt+{letter.upper()}: {' / '.join(texts)}"
        for letter, texts in sorted(claims.items())
        if len(texts) > 1
    ]
