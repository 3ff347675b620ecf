"""The dashboard's headline numbers as tiles: a big figure, a small caption, coloured by how far along it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..contrast import readable_on
from ..scheme_words import in_sentence

GOOD, PART, BAD = "#2E7D32", "#B26A00", "#B3261E"


class Tile(QFrame):
    """One figure with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.figure = QLabel("–")
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.figure.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figure, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.caption)

    def set_value(self, figure: str, colour: str) -> None:
        done = (
            " \u2713" if colour == GOOD else ""
        )  # complete says so in a mark too, not by green alone
        self.figure.setText(figure + done)
        readable = readable_on(
            colour, self.palette().color(QPalette.ColorRole.Window)
        ).name()  # 4.5:1 at least
        self.figure.setStyleSheet(f"color: {readable};")
        self.setAccessibleName(f"{self.caption.text()}: {figure}" + (" (complete)" if done else ""))


def colour_for(done: int, total: int) -> str:
    """Green when complete, red when nothing is done, amber between."""
    if total == 0 or done >= total:
        return GOOD
    return BAD if done == 0 else PART


class SummaryTiles(QWidget):
    """Descriptors rated, descriptors evidenced (where the rule counts them), priorities chosen (where the scheme
    has them), media without consent; captions in the scheme's words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rated = Tile("descriptors rated")
        self.evidenced = Tile("descriptors with all their key evidence")
        self.priorities = Tile("priorities chosen")
        self.consent = Tile("photos, videos or recordings without consent")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for tile in (self.rated, self.evidenced, self.priorities, self.consent):
            layout.addWidget(tile)

    def set_readiness(self, readiness, scheme) -> None:
        words = scheme.words
        descriptors = [d for t in readiness.themes for d in t.descriptors]
        total = len(descriptors)
        rated = sum(1 for d in descriptors if d.rating_label)
        evidenced = sum(1 for d in descriptors if d.evidenced)
        self.rated.caption.setText(f"{in_sentence(words.descriptors)} rated")
        self.rated.set_value(f"{rated}/{total}", colour_for(rated, total))
        self.evidenced.caption.setText(
            f"{in_sentence(words.descriptors)} with their {in_sentence(words.key_evidence)} "
            f"({readiness.rule.describe()})"
        )
        self.evidenced.set_value(f"{evidenced}/{total}", colour_for(evidenced, total))
        self.evidenced.setVisible(readiness.rule.per_descriptor)
        needed = readiness.priorities_required
        self.priorities.caption.setText(f"{in_sentence(words.priorities)} chosen")
        self.priorities.set_value(
            f"{readiness.priority_count}/{needed}", colour_for(readiness.priority_count, needed)
        )
        self.priorities.setVisible(bool(needed))
        missing = len(readiness.unconsented_media)
        self.consent.set_value(str(missing), GOOD if missing == 0 else BAD)
