"""A full disk or an unwritable folder mid-export: a clear message, no bundle or .part left, the portfolio unchanged."""

import errno
import hashlib
import io
import shutil

import pytest

from portfolio_builder.core.bundle import bundle_writer
from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.errors import PortfolioFileError
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.portfolio_factory import make_ready, new_oak_portfolio


class FillingDisk(io.FileIO):
    """A file on a disk that fills up after `room` bytes, as a pen drive does."""

    room = 0

    def write(self, data) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


def _hash(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def made_ready(tmp_path_factory):
    """A ready Family Partnership Award portfolio, made once and closed."""

    path = tmp_path_factory.mktemp("ready") / "oak.portfolio"
    with new_oak_portfolio(path) as portfolio:
        make_ready(portfolio)
    return path


@pytest.fixture
def ready_path(made_ready, tmp_path):
    """A copy of the ready portfolio for one test (a closed portfolio file copied is the same portfolio)."""
    return shutil.copy(made_ready, tmp_path / made_ready.name)


@pytest.mark.parametrize("room", [0, 20_000, 200_000])
def test_disk_full_mid_export_leaves_nothing_and_says_so(ready_path, tmp_path, monkeypatch, room):
    """The user is told the disk is full; no bundle and no .part remain; a later export on free space works."""
    before = _hash(ready_path)
    out = tmp_path / "out" / "bundle.zip"
    out.parent.mkdir()
    FillingDisk.room = room
    monkeypatch.setattr(
        bundle_writer, "open", lambda path, mode: FillingDisk(path, "w"), raising=False
    )
    with Portfolio.open(ready_path, read_only=True) as portfolio:
        with pytest.raises(PortfolioFileError, match="not enough space on the disk for bundle.zip"):
            export_bundle(portfolio, out)
    assert list(out.parent.iterdir()) == []
    assert _hash(ready_path) == before
    monkeypatch.undo()
    with Portfolio.open(ready_path, read_only=True) as portfolio:
        assert verify_bundle(export_bundle(portfolio, out).path).valid


def test_unwritable_folder_is_a_clear_refusal(ready_path, tmp_path, monkeypatch):
    """A folder that cannot be written to is named in the message, and nothing is written."""

    def refuse(path, mode):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(bundle_writer, "open", refuse, raising=False)
    with (
        Portfolio.open(ready_path) as portfolio,
        pytest.raises(PortfolioFileError, match="cannot be written to"),
    ):
        export_bundle(portfolio, tmp_path / "bundle.zip")
    assert not (tmp_path / "bundle.zip").exists()
