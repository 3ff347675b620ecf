"""Help > About shows the version, the MIT licence and the third-party notices the installed program carries."""

from __future__ import annotations

import sys

from portfolio_builder import __version__
from portfolio_builder.ui.about_dialog import AboutDialog


def _shown_text(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_in_an_installed_copy_shows_its_notices(qtbot, tmp_path, monkeypatch):
    """A frozen build's About lists every bundled component's licence from the notices file it ships."""
    (tmp_path / "THIRD-PARTY-NOTICES.txt").write_text(
        "63. PySide6_Essentials 6.12.0\nLicence: LGPL-3.0-only\n"
    )
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert __version__ in _shown_text(dialog) and "MIT License" in _shown_text(dialog)
    assert "PySide6_Essentials 6.12.0" in dialog.notices.toPlainText()
    assert dialog.notices.isReadOnly()


def test_about_from_source_says_where_notices_come_from(qtbot, monkeypatch):
    """Run from source there is no notices file: About says the installers generate it, and opens anyway."""
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert "installers/notices/generate_notices.py" in dialog.notices.toPlainText()


def test_help_about_opens_the_dialog(main_window, monkeypatch):
    """Help > About in the main window opens the About dialog (with the licence), not a bare message box."""
    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    main_window.show_about()
    assert opened == ["About Portfolio Builder"]
