"""The main window: pages, title, undo/redo, saved feedback, read-only banner, backups, checks, state and errors."""

from __future__ import annotations

import sqlite3
import sys

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.framework import framework_service
from portfolio_builder.core.storage.backups import list_backups
from portfolio_builder.ui.pages import PAGES, PlaceholderPage


def test_title_names_the_setting_and_file(main_window):
    """The title shows the setting's name and the portfolio's file name."""
    assert "Oak Primary School" in main_window.windowTitle()
    assert "Oak Primary School.portfolio" in main_window.windowTitle()


def test_sidebar_lists_every_page(main_window):
    """Dashboard, Framework, Evidence, Audit, Planning and Export are reachable; Ctrl+2 opens Framework."""
    view = main_window.view
    assert [t for t, _ in view.pages] == [title for _, title in PAGES]
    view.show_page(1)
    assert view.stack.currentWidget() is view.page("Framework")
    for title, widget in view.pages:
        if isinstance(widget, PlaceholderPage):
            assert (
                widget.findChildren(type(widget.layout().itemAt(0).widget()))[0]
                .text()
                .startswith(f"The {title}")
            )


def test_edit_menu_undo_and_redo_follow_the_portfolio(main_window):
    """An edit shows 'All changes saved'; Edit > Undo reverts it and Edit > Redo applies it again."""
    context = main_window.context
    p = context.portfolio
    d_id = main_window.view.page("Framework").model._themes[0].descriptors[0].id
    context.push(
        "Edit descriptor 1a",
        lambda: framework_service.update_descriptor(p, d_id, text="New text"),
        "framework",
    )
    assert main_window.saved_label.text() == "All changes saved"
    assert (
        main_window.undo_action.isEnabled()
        and "Edit descriptor 1a" in main_window.undo_action.text()
    )
    main_window.undo_action.trigger()
    assert main_window.redo_action.isEnabled()
    main_window.redo_action.trigger()
    assert not main_window.redo_action.isEnabled()


def test_refused_edit_is_shown_and_not_undoable(main_window, dialogs):
    """A refusal from the core is shown in a message box with the core's words; nothing goes on the undo stack."""

    def refuse():
        raise BadInput("That descriptor no longer exists.")

    main_window.context.push("Edit", refuse, "framework")
    assert dialogs.errors == ["That descriptor no longer exists."]
    assert not main_window.undo_action.isEnabled()


def test_backup_is_made_on_open_and_on_demand(qtbot, main_window, portfolio_path):
    """Opening makes a rolling backup beside the file; Back up now makes another."""
    assert len(list_backups(portfolio_path)) == 1
    main_window.back_up_now()
    qtbot.waitUntil(lambda: len(list_backups(portfolio_path)) == 2, timeout=10000)


def test_check_portfolio_reports_a_healthy_file(qtbot, main_window, dialogs):
    """Check portfolio runs in the background and says no problems were found."""
    main_window.check_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=10000)
    assert dialogs.infos[0][0].startswith("No problems found")


def test_newer_file_opens_read_only_with_a_banner(qtbot, dialogs, portfolio_path):
    """A portfolio from a newer version opens read-only, with a banner giving the reason."""
    from portfolio_builder.app import build_main_window

    with sqlite3.connect(portfolio_path) as conn:
        conn.execute("PRAGMA user_version=99")
    window = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(window)
    window.show()
    assert window.view.banner.isVisible()
    assert "newer version" in window.view.banner.text()
    assert "[read-only]" in window.windowTitle() and not window.backup_action.isEnabled()
    window.close()


def test_last_portfolio_reopens_and_window_size_is_remembered(qtbot, main_window, portfolio_path):
    """Starting without a path reopens the last portfolio, in a window of the size it was left."""
    from portfolio_builder.app import build_main_window

    main_window.resize(760, 560)
    expected = main_window.size()
    main_window.close()
    again = build_main_window(None)
    qtbot.addWidget(again)
    assert again.context is not None
    assert again.context.portfolio.path.resolve() == portfolio_path.resolve()
    assert again.size() == expected
    again.close()


def test_start_screen_when_nothing_to_reopen(qtbot, dialogs):
    """With no recent portfolio, the window shows the start screen and the portfolio commands are off."""
    from portfolio_builder.app import build_main_window

    window = build_main_window(None)
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.start_screen
    assert not window.check_action.isEnabled()
    assert window.start_screen.empty_note.isVisibleTo(window.start_screen)


def test_new_portfolio_from_the_menu_opens_it(qtbot, dialogs, monkeypatch, portfolio_path):
    """File > New portfolio… opens what the wizard created and lists it as recent."""
    from portfolio_builder.app import build_main_window
    from portfolio_builder.ui.app_settings import recent_portfolios
    from portfolio_builder.ui.new_portfolio_wizard import NewPortfolioWizard

    monkeypatch.setattr(
        NewPortfolioWizard, "create", classmethod(lambda cls, parent=None: str(portfolio_path))
    )
    window = build_main_window(None)
    qtbot.addWidget(window)
    window.new_portfolio()
    assert window.context is not None
    assert recent_portfolios()[0] == portfolio_path.resolve()
    window.close()


def test_excepthook_shows_domain_message_or_log_pointer(monkeypatch, tmp_path):
    """Uncaught refusals show their own message; anything else says 'Something went wrong' and where the log is."""
    from portfolio_builder import app

    shown = []
    monkeypatch.setattr(app, "show_crash_dialog", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app.install_excepthook(tmp_path / "app.log")
    sys.excepthook(BadInput, BadInput("That file is empty."), None)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert shown[0] == "That file is empty."
    assert shown[1].startswith("Something went wrong") and str(tmp_path / "app.log") in shown[1]
