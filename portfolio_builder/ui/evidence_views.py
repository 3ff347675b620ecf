"""The evidence library's two views of one model, a table and a grid of thumbnails, set up alike."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QTableView


def _select_and_drag(view: QAbstractItemView) -> None:
    """Rows chosen several at a time (for bulk edits) and dragged out onto a descriptor."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)


def evidence_table(model: QAbstractItemModel) -> QTableView:
    """The list: one row per item, sortable, named for screen readers; Tab leaves it, arrows move in it."""
    table = QTableView(tabKeyNavigation=False)
    table.setAccessibleName("Evidence library")
    table.setAccessibleDescription(
        "One row per item: title, kind, date, consent and tags; choose items "
        "to edit or tag them in the pane beside"
    )
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setIconSize(QSize(32, 24))
    table.horizontalHeader().setMinimumSectionSize(60)
    _select_and_drag(table)
    return table


def evidence_grid(icon: QSize) -> QListView:
    """The thumbnails; given the model only while shown (a hidden icon view still lays out every item)."""
    grid = QListView()
    grid.setViewMode(QListView.ViewMode.IconMode)
    grid.setIconSize(icon)
    grid.setGridSize(QSize(icon.width() + 36, icon.height() + 48))
    grid.setResizeMode(QListView.ResizeMode.Adjust)
    grid.setMovement(QListView.Movement.Static)
    grid.setWordWrap(True)
    grid.setUniformItemSizes(True)
    _select_and_drag(grid)
    return grid
