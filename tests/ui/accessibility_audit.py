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
    found = [w for w in [root, *root.findChildren(QWidget)]
             if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(w, QMenu)]
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
    if not isinstance(parent, QGroupBox) or widget.accessibleName() or name != parent.title().replace("&", ""):
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
