"""`portfolio-builder open PATH` opens the right window: a bundle read-only for the assessor, a portfolio for staff."""

import shutil

import pytest

from portfolio_builder.ui.assessor import AssessorWindow
from portfolio_builder.ui.main_window import MainWindow
from tests.ui.assessor_fixtures import sha256_of


@pytest.fixture(autouse=True)
def private_data_home(tmp_path, monkeypatch):
    """The assessor's own assessment files go to a temp folder, not the real user's data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.mark.parametrize("name", ["bundle.zip", "bundle-from-email.BIN"])
def test_a_bundle_opens_in_the_assessor_window_verified_and_unchanged(
    qtbot, bundle, tmp_path, name
):
    """A bundle (by .zip name, or by content under any name) opens read-only in the assessor's window."""
    from portfolio_builder.app import build_window_for

    path = shutil.copyfile(bundle, tmp_path / name)
    before = sha256_of(path)
    window = build_window_for(str(path))
    qtbot.addWidget(window)
    assert isinstance(window, AssessorWindow)
    qtbot.waitUntil(lambda: window.session is not None, timeout=20000)
    assert window.session.report.valid
    assert "valid" in window.banner.text()
    window.close()
    assert sha256_of(path) == before


def test_a_portfolio_opens_in_the_main_window(qtbot, dialogs, portfolio_path):
    """A .portfolio file opens for editing in the main window, as before."""
    from portfolio_builder.app import build_window_for

    window = build_window_for(str(portfolio_path))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.context is not None and not dialogs.errors
    window.close()


def test_dropping_a_bundle_or_portfolio_on_the_main_window_opens_it(
    qtbot, dialogs, bundle, portfolio_path
):
    """A bundle dropped on the start screen opens the assessor's window; a portfolio dropped there opens for editing."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from portfolio_builder.app import build_main_window

    window = build_main_window(None, reopen_last=False)
    qtbot.addWidget(window)
    window.show()

    def drop(path):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(
            QPointF(50, 50),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(event)
        return event.isAccepted()

    assert drop(bundle)
    assessor = window._assessor
    qtbot.addWidget(assessor)
    qtbot.waitUntil(lambda: assessor.session is not None, timeout=20000)
    assert (
        window.context is None
    )  # the setting's window did not try to open the bundle as a portfolio
    assert drop(portfolio_path)
    assert window.context is not None and not dialogs.errors
    assessor.close()
    window.close()


def test_the_systems_file_open_request_routes_to_the_right_window(
    qtbot, dialogs, bundle, portfolio_path
):
    """A QFileOpenEvent (how macOS passes a double-clicked file) opens a bundle or a portfolio in its window."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from portfolio_builder.ui.file_open_events import install_file_open_router

    app = QApplication.instance()
    router = install_file_open_router(app)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(portfolio_path)))
        main = next(w for w in router.windows if isinstance(w, MainWindow))
        qtbot.addWidget(main)
        assert main.context is not None and main.isVisible()
        QApplication.sendEvent(app, QFileOpenEvent(str(bundle)))
        assessor = next(w for w in router.windows if isinstance(w, AssessorWindow))
        qtbot.addWidget(assessor)
        qtbot.waitUntil(lambda: assessor.session is not None, timeout=20000)
        assessor.close()
        main.close()
    finally:
        app.removeEventFilter(router)


def test_the_assessor_is_told_when_a_bundle_is_a_draft(
    qtbot, bundle, shared_ready_bundle, tmp_path
):
    """A DRAFT bundle (interim review) says so in the banner; a final bundle does not (both shared bundles,
    which the assessor's window only reads)."""
    from portfolio_builder.ui.assessor import open_bundle_window

    final, _ = shared_ready_bundle
    for path, draft in ((bundle, True), (final.path, False)):
        window = open_bundle_window(path, tmp_path / "assessments")
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda window=window: window.session is not None, timeout=20000)
        assert ("DRAFT" in window.banner.text()) is draft, window.banner.text()
        window.close()
