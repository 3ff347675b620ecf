"""The evidence library as a Qt table model over cached rows, and the proxy that filters it without queries."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...core.evidence.evidence_service import EvidenceRow
from ...core.scheme.model import Scheme
from ...core.vocabularies import CONSENT_LABELS, KIND_LABELS, MISSING
from ..scheme_words import header_lines

EVIDENCE_IDS_MIME = "application/x-portfolio-evidence-ids"
IdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Title", "Type", "Date", "Consent", "Key for", "Cross-ref", "Component")
COMPONENT_COLUMN = 6
KIND_ICONS = {
    "document": QStyle.StandardPixmap.SP_FileIcon,
    "photo": QStyle.StandardPixmap.SP_FileIcon,
    "audio": QStyle.StandardPixmap.SP_MediaVolume,
    "video": QStyle.StandardPixmap.SP_MediaPlay,
    "link": QStyle.StandardPixmap.SP_DriveNetIcon,
}
MISSING_BRUSH = QBrush(QColor("#B03A2E"))


def _sort_key(row: EvidenceRow, column: int):
    if column == 0:
        return row.title.casefold()
    if column == 1:
        return row.kind
    if column == 2:
        return row.evidence_date.isoformat() if row.evidence_date else ""
    if column == 3:
        return row.consent
    if column == 4:
        return row.key_codes
    if column == 5:
        return row.cross_codes
    return row.component


class EvidenceTableModel(QAbstractTableModel):
    """Rows from query_evidence, cached; thumbnails come from a ThumbnailCache when given one."""

    def __init__(self, thumbnails=None, parent=None):
        super().__init__(parent)
        self._rows: list[EvidenceRow] = []
        self._row_of: dict[int, int] = {}
        self.ids: list[int] = []  # evidence id per row, updated in place so the proxy can hold it
        self._icons: dict[str, QIcon] = {}
        self.columns = list(COLUMNS)
        self.component_labels: dict[str, str] = {}
        self.thumbnails = thumbnails
        if thumbnails is not None:
            thumbnails.loaded.connect(self._thumbnails_loaded)

    # --- filling -------------------------------------------------------------------------------
    def set_rows(self, rows: list[EvidenceRow]) -> None:
        """Replace every row (after a refresh from the portfolio)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {row.id: n for n, row in enumerate(self._rows)}
        self.ids[:] = [row.id for row in self._rows]
        self.endResetModel()

    def set_scheme(self, scheme: Scheme) -> None:
        """Column headings in the scheme's words, and its components' titles (none: the column is not used)."""
        words = scheme.words
        key = words.key_evidence if scheme.evidence_rule.per_descriptor else words.descriptors
        self.columns = [
            "Title",
            "Type",
            "Date",
            "Consent",
            f"{key} for",
            words.cross_reference,
            "Component",
        ]
        self.component_labels = {c.key: c.title for c in scheme.components}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def row_at(self, row: int) -> EvidenceRow:
        return self._rows[row]

    def rows(self) -> list[EvidenceRow]:
        return list(self._rows)

    def row_of(self, evidence_id: int) -> int | None:
        return self._row_of.get(evidence_id)

    def _thumbnails_loaded(self, ids: list[int]) -> None:
        rows = [self._row_of[i] for i in ids if i in self._row_of]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), 0), [Qt.ItemDataRole.DecorationRole]
            )

    # --- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return header_lines(self.columns[section], 14)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._decoration(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.consent == MISSING:
            return MISSING_BRUSH
        if role == IdRole:
            return row.id
        if role == RowRole:
            return row
        return None

    def _text(self, row: EvidenceRow, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return KIND_LABELS.get(row.kind, row.kind)
        if column == 2:
            return row.evidence_date.strftime("%d %b %Y") if row.evidence_date else ""
        if column == 3:
            return CONSENT_LABELS.get(row.consent, row.consent)
        if column == 4:
            return ", ".join(row.key_codes)
        if column == 5:
            return ", ".join(row.cross_codes)
        return (
            self.component_labels.get(row.component, row.component) if self.component_labels else ""
        )

    def _decoration(self, row: EvidenceRow):
        if row.kind == "photo" and self.thumbnails is not None:
            icon = self.thumbnails.icon(row.id)
            if icon is not None:
                return icon
        if row.kind not in self._icons:
            style = (
                QApplication.style() if isinstance(QApplication.instance(), QApplication) else None
            )
            if style is None:
                return None
            self._icons[row.kind] = style.standardIcon(
                KIND_ICONS.get(row.kind, QStyle.StandardPixmap.SP_FileIcon)
            )
        return self._icons[row.kind]

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [EVIDENCE_IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """Dragged items carry their ids as text '1,2,3' (the framework tree accepts this)."""
        ids = list(dict.fromkeys(self._rows[i.row()].id for i in indexes if i.isValid()))
        mime = QMimeData()
        mime.setData(EVIDENCE_IDS_MIME, ",".join(map(str, ids)).encode("ascii"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.LinkAction | Qt.DropAction.CopyAction

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the cached rows in Python (one key per row), keeping selections through persistent indexes."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old]
        self._rows.sort(
            key=lambda r: _sort_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self._row_of = {row.id: n for n, row in enumerate(self._rows)}
        self.ids[:] = [row.id for row in self._rows]
        self.changePersistentIndexList(
            old, [self.index(self._row_of[i], p.column()) for i, p in zip(old_ids, old)]
        )
        self.layoutChanged.emit()


class EvidenceFilterProxy(QSortFilterProxyModel):
    """Search and filters over the cached rows: a precomputed set of shown ids, so filtering never queries."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.kind: str | None = None
        self.theme_code: str | None = None
        self.untagged = False
        self.consent_missing = False
        self.component: str | None = None
        self.theme_of: dict[str, str] = {}  # descriptor code -> theme code
        self._kept: set[int] | None = None  # evidence ids shown; None shows all
        self._ids: list[int] = []
        self._haystacks: dict[int, str] = {}

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        self._ids = model.ids
        model.modelReset.connect(self._source_reset)

    def _source_reset(self) -> None:
        self._haystacks.clear()
        self.refilter()

    def _haystack(self, row: EvidenceRow) -> str:
        text = self._haystacks.get(row.id)
        if text is None:
            text = self._haystacks[row.id] = (
                f"{row.title} {' '.join(row.key_codes + row.cross_codes)} {row.kind}".casefold()
            )
        return text

    def set_filters(
        self,
        *,
        text=None,
        kind=...,
        theme_code=...,
        untagged=None,
        consent_missing=None,
        component=...,
    ) -> None:
        """Change any filter and re-filter once."""
        if component is not ...:
            self.component = component
        if text is not None:
            self.text = text
        if kind is not ...:
            self.kind = kind
        if theme_code is not ...:
            self.theme_code = theme_code
        if untagged is not None:
            self.untagged = untagged
        if consent_missing is not None:
            self.consent_missing = consent_missing
        self.refilter()

    def refilter(self) -> None:
        """Recompute which source rows are kept (plain Python over the cache), then let Qt remap."""
        source = self.sourceModel()
        rows = source.rows() if source is not None else []
        words = self.text.casefold().split()
        theme = self.theme_code
        theme_of = self.theme_of

        def keep(row: EvidenceRow) -> bool:
            if self.kind is not None and row.kind != self.kind:
                return False
            if self.untagged and (row.key_codes or row.cross_codes):
                return False
            if self.consent_missing and row.consent != MISSING:
                return False
            if self.component is not None and row.component != self.component:
                return False
            codes = row.key_codes + row.cross_codes
            if theme is not None and not any(theme_of.get(c) == theme for c in codes):
                return False
            if words:
                haystack = self._haystack(row)
                return all(w in haystack for w in words)
            return True

        self._kept = {r.id for r in rows if keep(r)}
        self.invalidate()  # one layoutChanged, not thousands of row insert/remove signals

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        kept = self._kept
        return kept is None or self._ids[source_row] in kept

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (Python key sort) rather than by thousands of data() calls."""
        if self.sourceModel() is not None:
            self.sourceModel().sort(column, order)

    def evidence_id(self, proxy_index) -> int | None:
        return self.data(proxy_index, IdRole) if proxy_index.isValid() else None
