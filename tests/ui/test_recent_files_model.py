"""The start screen's recent portfolios: a well-behaved model that greys out and disables files that are gone."""

from PySide6.QtCore import Qt

from portfolio_builder.ui.models.recent_files_model import PATH_ROLE, RecentFilesModel


def test_missing_portfolios_are_marked_and_cannot_be_chosen(qtmodeltester, tmp_path):
    """A portfolio moved away is listed as 'not found' and disabled; one still there can be opened."""
    present = tmp_path / "oak.portfolio"
    present.write_bytes(b"x")
    gone = tmp_path / "elm.portfolio"
    model = RecentFilesModel()
    model.set_paths([present, gone])
    qtmodeltester.check(model)
    assert model.data(model.index(0)) == f"oak\n{tmp_path}"
    assert model.data(model.index(1)).endswith("(not found)")
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEnabled
    assert not model.flags(model.index(1)) & Qt.ItemFlag.ItemIsEnabled
    assert model.data(model.index(0), PATH_ROLE) == str(present)
