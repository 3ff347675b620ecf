"""The evidence page's row of filters (type, theme, component, untagged, consent), the item count and list or grid."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from ..core.scheme.model import Scheme
from ..core.vocabularies import KIND_LABELS
from .scheme_words import in_sentence


class EvidenceFilterBar(QWidget):
    """The filters under the search box; each change is emitted as the keyword EvidenceFilterProxy.set_filters takes."""

    changed = Signal(dict)  # {filter: value}, e.g. {"kind": "photo"} or {"untagged": True}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All types", None)
        for key, label in KIND_LABELS.items():
            self.kind_filter.addItem(label, key)
        self.theme_filter = QComboBox()
        self.component_filter = QComboBox()
        self.untagged_filter = QCheckBox("&Untagged")
        self.consent_filter = QCheckBox("Consent &missing")
        self.count_label = QLabel()
        self.list_button = QToolButton(text="List", checkable=True, checked=True)
        self.grid_button = QToolButton(text="Grid", checkable=True)
        self.list_button.setAutoExclusive(True)
        self.grid_button.setAutoExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Show:"))
        for widget in (
            self.kind_filter,
            self.theme_filter,
            self.component_filter,
            self.untagged_filter,
            self.consent_filter,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.count_label, self.list_button, self.grid_button):
            layout.addWidget(widget)
        self.kind_filter.currentIndexChanged.connect(
            lambda: self.changed.emit({"kind": self.kind_filter.currentData()})
        )
        self.theme_filter.currentIndexChanged.connect(
            lambda: self.changed.emit({"theme_code": self.theme_filter.currentData()})
        )
        self.component_filter.currentIndexChanged.connect(
            lambda: self.changed.emit({"component": self.component_filter.currentData()})
        )
        self.untagged_filter.toggled.connect(lambda on: self.changed.emit({"untagged": on}))
        self.consent_filter.toggled.connect(lambda on: self.changed.emit({"consent_missing": on}))

    @property
    def has_choices(self) -> bool:
        """Whether the theme and component choices have been read from the portfolio yet."""
        return self.theme_filter.count() > 0

    def set_choices(self, scheme: Scheme, themes: list[tuple[str, str]]) -> None:
        """The scheme's themes (code, title) and components as choices, keeping what was chosen."""
        words = scheme.words
        current = self.theme_filter.currentData()
        self.theme_filter.blockSignals(True)
        self.theme_filter.clear()
        self.theme_filter.addItem(f"All {in_sentence(words.themes)}", None)
        for code, title in themes:
            label = f"{words.theme} {code}: {title}"
            self.theme_filter.addItem(label if len(label) < 40 else label[:38] + "…", code)
        self.theme_filter.setCurrentIndex(max(0, self.theme_filter.findData(current)))
        self.theme_filter.blockSignals(False)
        current = self.component_filter.currentData()
        self.component_filter.blockSignals(True)
        self.component_filter.clear()
        self.component_filter.addItem("All components", None)
        for component in scheme.components:
            self.component_filter.addItem(component.title, component.key)
        self.component_filter.setCurrentIndex(max(0, self.component_filter.findData(current)))
        self.component_filter.setVisible(bool(scheme.components))
        self.component_filter.blockSignals(False)

    def show_all(self) -> None:
        """Every filter back to showing everything."""
        for check in (self.untagged_filter, self.consent_filter):
            check.setChecked(False)
        for choice in (self.kind_filter, self.theme_filter, self.component_filter):
            choice.setCurrentIndex(0)

    def set_count(self, shown: int, total: int) -> None:
        self.count_label.setText(
            f"{shown} of {total} items" if shown != total else f"{total} items"
        )
