"""Layouts that must stay readable in the ~900-pixel-wide window a 1366x768 laptop gives at 150 % scaling."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from portfolio_builder.ui.pages.audit_page import AuditPage
from portfolio_builder.ui.pages.evidence_page import EvidencePage

from .evidence_fixtures import context, three_items  # noqa: F401 - fixtures

NARROW, WIDE = (780, 460), (1366, 768)


def _shown(qtbot, widget, size):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_evidence_title_column_keeps_a_readable_width(qtbot, context, three_items):
    """Narrow: the Title column keeps ~26 characters and the table scrolls; wide: it takes the spare width."""
    page = _shown(qtbot, EvidencePage(context), NARROW)
    average = page.table.fontMetrics().averageCharWidth()
    qtbot.waitUntil(lambda: page.table.columnWidth(0) >= 26 * average, timeout=2000)
    page.resize(*WIDE)
    header = page.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() == page.table.viewport().width(), timeout=2000)
    assert page.table.columnWidth(0) > 26 * average


def test_evidence_side_pane_needs_no_sideways_scrolling(qtbot, context, three_items):
    """The details and tag buttons fit the side pane's narrowest width (the buttons go on two rows)."""
    page = _shown(qtbot, EvidencePage(context), NARROW)
    assert page.editor.minimumSizeHint().width() <= 340 - 24


def test_audit_descriptor_and_level_are_not_squeezed(qtbot, context):
    """Narrow: the Descriptor column keeps ~26 characters and the level box shows its whole text."""
    page = _shown(qtbot, AuditPage(context), NARROW)
    average = page.table.fontMetrics().averageCharWidth()
    assert page.table.columnWidth(1) >= 26 * average
    assert page.level.width() >= page.level.sizeHint().width()


def test_wizard_folder_label_shows_no_stray_ampersand(qtbot):
    """The Folder row's label has its field as buddy, so Alt+O works and '&' is not shown as typed."""
    from portfolio_builder.ui.new_portfolio_wizard import LocationPage

    page = LocationPage()
    qtbot.addWidget(page)
    label = next(w for w in page.findChildren(QLabel) if w.text() == "F&older:")
    assert label.buddy() is page.folder


def test_rating_chips_use_readable_text():
    """Amber 'Developing' and the FPA's green get black text, red gets white: whichever contrasts more (WCAG;
    white on that green is only 4.2:1)."""
    from portfolio_builder.ui.descriptor_detail_view import _chip
    from portfolio_builder.ui.models.audit_table_model import text_colour_on

    assert text_colour_on("#E3A21A") == "#000000"
    assert text_colour_on("#4F8A3C") == "#000000" and text_colour_on("#C0504D") == "#FFFFFF"
    assert "color:#000000" in _chip("#E3A21A", "Developing")
