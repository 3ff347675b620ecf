"""The framework as a two-level tree (themes -> descriptors) with a key-evidence badge, and evidence drops."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from ...core.framework.descriptor_detail import DescriptorLine, ThemeLine
from ...core.scheme.evidence_rule import EvidenceRule
from ...core.scheme.model import Words
from ..scheme_words import in_sentence

EVIDENCE_MIME = "application/x-portfolio-evidence-ids"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "theme" or "descriptor"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # theme id or descriptor id
CODE_ROLE = Qt.ItemDataRole.UserRole + 3
EVIDENCE_COLUMN = 1
MAX_DOTS = 6  # more slots than this are written as a number
FULL, PART, NONE = (
    QColor("#276B2A"),
    QColor("#8F5400"),
    QColor("#B3261E"),
)  # text: 4.5:1 on light rows


def parse_evidence_ids(data: QMimeData) -> list[int]:
    """Evidence ids from a drag ('1,2,3'); [] when the payload is not a list of ids."""
    if not data.hasFormat(EVIDENCE_MIME):
        return []
    text = bytes(data.data(EVIDENCE_MIME).data()).decode("ascii", "replace")
    try:
        ids = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        return []
    return [i for i in ids if i > 0]


def evidence_mime(ids: list[int]) -> QMimeData:
    """The drag payload other views use to offer evidence items."""
    data = QMimeData()
    data.setData(EVIDENCE_MIME, ",".join(str(i) for i in ids).encode("ascii"))
    return data


def badge(key_count: int, rule: EvidenceRule) -> str:
    """'●●', '●○' or '○○' (FPA: two and no more): a filled circle per key item, out of the rule's slots; ''
    where the rule does not count evidence per descriptor."""
    if not rule.per_descriptor:
        return ""
    slots = rule.max_key if rule.max_key is not None else max(rule.wanted, key_count, 1)
    if slots > MAX_DOTS:
        return f"{key_count} of {rule.wanted}" if rule.wanted else str(key_count)
    filled = min(key_count, slots)
    return "●" * filled + "○" * (slots - filled)


def evidence_words(key_count: int, rule: EvidenceRule, words: Words) -> str:
    """'1 key evidence item; the rule: 2 per descriptor, no more' (what the badge means)."""
    return f"{key_count} {in_sentence(words.key_evidence)} item{'s' if key_count != 1 else ''}; the rule: {rule.describe()}"


class FrameworkTreeModel(QAbstractItemModel):
    """Themes at the top level, descriptors beneath; rows are cached by set_outline."""

    evidenceDropped = Signal(str, list)  # descriptor code, evidence ids

    def __init__(self, parent=None):
        super().__init__(parent)
        self._themes: list[ThemeLine] = []
        self._rule = EvidenceRule()
        self._words = Words()

    def set_outline(self, themes: list[ThemeLine], rule: EvidenceRule, words: Words) -> None:
        """Replace the cached outline, with the scheme's evidence rule and words (call after any change)."""
        self.beginResetModel()
        self._themes, self._rule, self._words = list(themes), rule, words
        self.endResetModel()

    def columns(self) -> tuple[str, str, str]:
        """The column headings in the scheme's words."""
        w = self._words
        return (f"{w.theme} / {in_sentence(w.descriptor)}", w.key_evidence, w.rating)

    # structure -------------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._themes)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._themes[parent.row()].descriptors)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return self.columns()[section]
        return None

    # lookup -----------------------------------------------------------------
    def theme_at(self, index: QModelIndex) -> ThemeLine | None:
        if index.isValid() and index.internalId() == 0:
            return self._themes[index.row()]
        return None

    def descriptor_at(self, index: QModelIndex) -> DescriptorLine | None:
        if index.isValid() and index.internalId() > 0:
            return self._themes[index.internalId() - 1].descriptors[index.row()]
        return None

    def theme_of(self, index: QModelIndex) -> ThemeLine | None:
        """The theme of a row (itself for a theme row)."""
        return self.theme_at(index) or self.theme_at(self.parent(index))

    def index_of_descriptor(self, descriptor_id: int) -> QModelIndex:
        for t_row, theme in enumerate(self._themes):
            for d_row, d in enumerate(theme.descriptors):
                if d.id == descriptor_id:
                    return self.index(d_row, 0, self.index(t_row, 0))
        return QModelIndex()

    def index_of_theme(self, theme_id: int) -> QModelIndex:
        for t_row, theme in enumerate(self._themes):
            if theme.id == theme_id:
                return self.index(t_row, 0)
        return QModelIndex()

    # data ---------------------------------------------------------------------
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        theme, descriptor = self.theme_at(index), self.descriptor_at(index)
        column = index.column()
        if role == KIND_ROLE:
            return "theme" if theme else "descriptor"
        if role == ID_ROLE:
            return (theme or descriptor).id
        if role == CODE_ROLE:
            return (theme or descriptor).code
        if theme is not None:
            return self._theme_data(theme, column, role)
        return self._descriptor_data(descriptor, column, role)

    def _theme_data(self, theme: ThemeLine, column: int, role):
        count = len(theme.descriptors)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{theme.code}  {theme.title}" + (
                    "  (to be renamed)" if theme.placeholder else ""
                )
            if column == 1:
                if not self._rule.per_descriptor or not count:
                    return ""
                return f"{sum(1 for d in theme.descriptors if d.evidenced)} of {count} evidenced"
            if column == 2:
                return (
                    f"{sum(1 for d in theme.descriptors if d.rating_label)} of {count} rated"
                    if count
                    else f"no {in_sentence(self._words.descriptors)} yet"
                )
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            font.setItalic(theme.placeholder)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and theme.placeholder:
            return NONE
        if role == Qt.ItemDataRole.ToolTipRole:
            if theme.placeholder:
                return (
                    f"Still the scheme's placeholder name: rename this {in_sentence(self._words.theme)} as your "
                    f"{self._words.guidance} names it."
                )
            return theme.description or theme.title
        return None

    def _descriptor_data(self, d: DescriptorLine, column: int, role):
        rule, words = self._rule, self._words
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{d.code}  " + ("our summary: " if d.ours else "") + d.text
            if column == 1:
                if not rule.per_descriptor:
                    return ""
                return badge(d.key_count, rule) + (f"  +{d.cross_count}" if d.cross_count else "")
            if column == 2:
                return d.rating_label or "Not rated"
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return FULL if d.evidenced else PART if d.key_count else NONE
        if role == Qt.ItemDataRole.FontRole and column == 0 and d.ours:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == 2 and d.rating_colour:
            return QColor(d.rating_colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and rule.per_descriptor:
                return (
                    f"{evidence_words(d.key_count, rule, words)}; {d.cross_count} "
                    f"{in_sentence(words.cross_reference)}(s). Drop evidence here to add it."
                )
            if d.ours:
                return f"{d.text}\n\nOur summary: replace with your {words.guidance_possessive} wording."
            return d.text
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 1 and rule.per_descriptor:
            return evidence_words(d.key_count, rule, words)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.descriptor_at(index) is not None:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # drops --------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [EVIDENCE_MIME]

    def supportedDropActions(self):
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction

    def _drop_target(self, row: int, column: int, parent) -> DescriptorLine | None:
        if isinstance(parent, QPersistentModelIndex):
            parent = QModelIndex(parent)
        if row != -1 or column != -1:
            return None  # between rows: only a drop onto a descriptor means anything
        return self.descriptor_at(parent)

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return bool(parse_evidence_ids(data)) and self._drop_target(row, column, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        ids, target = parse_evidence_ids(data), self._drop_target(row, column, parent)
        if not ids or target is None:
            return False
        self.evidenceDropped.emit(target.code, ids)
        return True
