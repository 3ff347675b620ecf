"""A portfolio is open in one window at a time; a lock left by a crashed copy does not lock anyone out."""

from __future__ import annotations

import socket

from portfolio_builder.ui.portfolio_lock import ALREADY_OPEN, lock_path


def test_second_window_on_same_file_is_refused(qtbot, main_window, portfolio_path, dialogs):
    """Opening a file already open elsewhere shows the polite refusal and leaves the second window at the start screen."""
    from portfolio_builder.app import build_main_window

    second = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(second)
    assert dialogs.errors == [ALREADY_OPEN]
    assert second.context is None
    assert second.stack.currentWidget() is second.start_screen
    assert main_window.context is not None


def test_closing_releases_the_lock(qtbot, main_window, portfolio_path, dialogs):
    """After the first window closes the portfolio, another window can open it."""
    from portfolio_builder.app import build_main_window

    main_window.close_portfolio()
    assert not lock_path(portfolio_path).exists()
    second = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(second)
    assert second.context is not None and dialogs.errors == []
    second.close()


def test_stale_lock_from_crashed_copy_is_taken_over(qtbot, dialogs, portfolio_path):
    """A lock file whose process is gone (a crash) does not stop the portfolio opening."""
    from portfolio_builder.app import build_main_window

    lock_path(portfolio_path).write_text(f"999999\nportfolio-builder\n{socket.gethostname()}\n")
    window = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(window)
    assert dialogs.errors == []
    assert window.context is not None
    window.close()
