"""The bundle's browse tree (themes → descriptors → evidence, plans, sheets) as a read-only Qt item model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.assessor.bundle_contents import ContentNode

NodeRole = Qt.ItemDataRole.UserRole + 1
DAMAGED_BRUSH = QBrush(QColor("#B03A2E"))


class ContentsModel(QAbstractItemModel):
    """A tree over ContentNode objects built once from portfolio.json; data() never reads the bundle."""

    def __init__(self, root: ContentNode, parent=None):
        super().__init__(parent)
        self._root = root

    def node(self, index: QModelIndex | QPersistentModelIndex) -> ContentNode:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        children = self.node(parent).children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index=QModelIndex()) -> QModelIndex:  # noqa: A003 - Qt's name
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        grand = up.parent or self._root
        return self.createIndex(grand.children.index(up), 0, up)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"⚠ {node.title}  (damaged)" if node.damaged else node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.title
        if role == Qt.ItemDataRole.ForegroundRole and node.damaged:
            return DAMAGED_BRUSH
        if role == NodeRole:
            return node
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and section == 0
        ):
            return "Portfolio"
        return None
