"""`portfolio-builder open PATH` opens the right window: a bundle read-only for the assessor, a portfolio for staff."""

import shutil

import pytest

from portfolio_builder.ui.assessor import AssessorWindow
from portfolio_builder.ui.main_window import MainWindow
from tests.ui.assessor_fixtures import exported_bundle, sha256_of


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return exported_bundle(tmp_path_factory.mktemp("bundle"))


@pytest.fixture(autouse=True)
def private_data_home(tmp_path, monkeypatch):
    """The assessor's own assessment files go to a temp folder, not the real user's data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.mark.parametrize("name", ["bundle.zip", "bundle-from-email.BIN"])
def test_a_bundle_opens_in_the_assessor_window_verified_and_unchanged(qtbot, bundle, tmp_path, name):
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
