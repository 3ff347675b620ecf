"""A full disk or an unwritable folder mid-export: a clear message, no bundle or .part left, the portfolio unchanged."""

import errno
import hashlib
import io

import pytest

from portfolio_builder.core.bundle import bundle_writer
from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.errors import PortfolioFileError
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.portfolio_factory import make_ready


class FillingDisk(io.FileIO):
    """A file on a disk that fills up after `room` bytes, as a pen drive does."""

    room = 0

    def write(self, data) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


def _hash(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("room", [0, 20_000, 200_000])
def test_disk_full_mid_export_leaves_nothing_and_says_so(
    fpa_portfolio, tmp_path, monkeypatch, room
):
    """The user is told the disk is full; no bundle and no .part remain; a later export on free space works."""
    make_ready(fpa_portfolio)
    fpa_portfolio.close()
    before = _hash(fpa_portfolio.path)
    out = tmp_path / "out" / "bundle.zip"
    out.parent.mkdir()
    FillingDisk.room = room
    monkeypatch.setattr(
        bundle_writer, "open", lambda path, mode: FillingDisk(path, "w"), raising=False
    )
    with Portfolio.open(fpa_portfolio.path, read_only=True) as portfolio:
        with pytest.raises(PortfolioFileError, match="not enough space on the disk for bundle.zip"):
            export_bundle(portfolio, out)
    assert list(out.parent.iterdir()) == []
    assert _hash(fpa_portfolio.path) == before
    monkeypatch.undo()
    with Portfolio.open(fpa_portfolio.path, read_only=True) as portfolio:
        assert verify_bundle(export_bundle(portfolio, out).path).valid


def test_unwritable_folder_is_a_clear_refusal(fpa_portfolio, tmp_path, monkeypatch):
    """A folder that cannot be written to is named in the message, and nothing is written."""
    make_ready(fpa_portfolio)

    def refuse(path, mode):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(bundle_writer, "open", refuse, raising=False)
    with pytest.raises(PortfolioFileError, match="cannot be written to"):
        export_bundle(fpa_portfolio, tmp_path / "bundle.zip")
    assert not (tmp_path / "bundle.zip").exists()
