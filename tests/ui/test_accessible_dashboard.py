"""The dashboard for someone who cannot see its colours or charts: the same facts as text, marks beside colours,
chips reached and opened from the keyboard; and status messages announced to screen readers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.planning import audit_service, planning_service
from portfolio_builder.ui import announcer
from portfolio_builder.ui.pages.dashboard_page import DashboardPage
from tests.ui.conftest import add_evidence


@pytest.fixture
def page(qtbot, context):
    p = context.portfolio
    audit_service.rate_descriptor(p, "1a", "developing")
    for title in ("Policy", "Minutes"):
        tag_evidence(p, add_evidence(p, title), "1a")
    tag_evidence(p, add_evidence(p, "Survey"), "1b")
    planning_service.add_action(
        p,
        "Relaunch the Family Forum",
        starts_on=date.today() - timedelta(days=90),
        ends_on=date.today() - timedelta(days=10),
    )
    planning_service.add_action(
        p, "Survey families", status="done", starts_on=date.today() - timedelta(days=60)
    )
    widget = DashboardPage(context)
    widget.resize(1200, 900)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_charts_as_text_say_what_the_colours_say(page):
    """'Show the charts as text' lists each descriptor's state, each theme's ratings and each action (overdue
    said in words); the same sentences are what a screen reader reads from the charts."""
    text = dict(page.text_sections())
    chips = " ".join(text[page.chips_box.title()])
    assert "1a: all its key evidence presented, rated Developing" in chips
    assert "1b: some key evidence presented (1), not rated" in chips
    assert "1c: no key evidence presented, not rated" in chips
    timeline = {line.split(":")[0]: line for line in text[page.timeline.accessibleName()]}
    assert timeline["Relaunch the Family Forum"].endswith(", overdue")
    assert timeline["Survey families"].endswith(", done")
    assert any("Theme 1" in line for line in text[page.ratings.accessibleName()])
    assert page.chips.accessibleDescription().startswith("Theme 1")
    page.as_text_button.click()
    assert (
        page.as_text.isVisible() and "1c: no key evidence presented" in page.as_text.toPlainText()
    )
    assert page.as_text_button.text().startswith("Hide")


def test_colour_is_never_alone(page):
    """Chips carry ✓ ◐ ✗ beside their colour with a key in words; an overdue action is marked '!' and the key
    says so; a complete tile says ✓."""
    from portfolio_builder.ui.dashboard.action_timeline import bar_mark
    from portfolio_builder.ui.dashboard.evidence_chips import chip_mark

    rule = page.readiness.rule
    marks = {d.code: chip_mark(d, rule, {}) for t in page.readiness.themes for d in t.descriptors}
    assert (marks["1a"], marks["1b"], marks["1c"]) == ("\u2713", "\u25d0", "\u2717")
    assert "\u2713 all its" in page.chips_key.text() and "\u2717 none" in page.chips_key.text()
    late = next(b for b in page.timeline._bars if b.label == "Relaunch the Family Forum")
    assert bar_mark(late, date.today()) == "!"
    assert page.tiles.consent.figure.text().endswith("\u2713")  # nothing without consent: complete


def test_rating_letters_are_unique_for_a_scale():
    """Where chips are coloured by rating, each carries its rating's shortest distinct beginning."""
    from portfolio_builder.ui.dashboard.evidence_chips import short_labels

    assert short_labels(["Emergent", "Developing", "Embedded"]) == {
        "Developing": "D",
        "Embedded": "Emb",
        "Emergent": "Eme",
    }
    assert short_labels(["Red", "Amber", "Green"]) == {"Amber": "A", "Green": "G", "Red": "R"}


def test_chips_are_reached_and_opened_from_the_keyboard(qtbot, page, monkeypatch):
    """Tab reaches the chips; Right moves to the next (its facts become the name read out); Enter goes to the
    chosen descriptor's fix, as a double-click does."""
    opened = []
    monkeypatch.setattr(page, "go_to_descriptor", opened.append)
    page.chips.chipActivated.disconnect()
    page.chips.chipActivated.connect(page.go_to_descriptor)
    page.chips.setFocus()
    qtbot.waitUntil(page.chips.hasFocus, timeout=3000)
    assert page.chips.accessibleName().startswith("1a: all its key evidence")
    qtbot.keyClick(page.chips, Qt.Key.Key_Right)
    assert page.chips.accessibleName().startswith("1b: some key evidence")
    qtbot.keyClick(page.chips, Qt.Key.Key_Return)
    assert opened == ["1b"]


def test_status_messages_are_announced(qtbot, main_window, monkeypatch):
    """What the status bar shows after an action (a backup saved, a refusal) is sent to the screen reader, and a
    page's status line announces each new text and is named by it."""
    said = []
    monkeypatch.setattr(announcer, "announce", lambda widget, text: said.append(text))
    main_window.statusBar().showMessage("Backup saved: oak.portfolio")
    assert said == ["Backup saved: oak.portfolio"]
    label = announcer.StatusLabel()
    qtbot.addWidget(label)
    label.setText("2 files added.")
    assert said[-1] == "2 files added." and label.accessibleName() == "2 files added."
