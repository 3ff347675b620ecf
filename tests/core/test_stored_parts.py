"""A file bigger than one row is stored over several, and comes back byte for byte wherever it is read.

PART_BYTES is made tiny here, so files of a few kilobytes take the path a 2 GB recording takes.
"""

import hashlib
import re
import zipfile

import pytest

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.bundle.export_plan import plan_export, preview_lines
from portfolio_builder.core.errors import BadInput, PortfolioFileError
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.evidence.evidence_service import delete_evidence
from portfolio_builder.core.storage import evidence_store, storage_limits
from portfolio_builder.core.storage.backups import make_backup
from portfolio_builder.core.storage.evidence_store import (
    copy_stored_file,
    iter_stored_chunks,
    store_file,
)
from portfolio_builder.core.storage.integrity import check_portfolio
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.large_recordings import PLACE, write_recording


def _rows(portfolio, table: str) -> int:
    with portfolio.raw_connection() as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _stored(portfolio, sha256: str) -> bytes:
    with portfolio.raw_connection() as conn:
        return b"".join(iter_stored_chunks(conn, sha256))


@pytest.fixture
def small_parts(monkeypatch):
    """Rows of 1000 bytes: every test file spans many of them."""
    monkeypatch.setattr(evidence_store, "PART_BYTES", 1000)
    return 1000


@pytest.mark.parametrize("size", [999, 1000, 1001, 5000, 12_345])
def test_a_file_over_several_rows_comes_back_identical(fpa_portfolio, tmp_path, small_parts, size):
    """Sizes around a row's boundary are split into whole rows and read back with the same bytes and SHA-256."""
    data = "".join(f"Family Forum minutes, line {n}\n" for n in range(size // 20 + 1)).encode()[
        :size
    ]
    source = tmp_path / "notes.txt"
    source.write_bytes(data)
    [item] = import_evidence(fpa_portfolio, [source], workers=1).added
    sha256 = hashlib.sha256(data).hexdigest()
    assert _stored(fpa_portfolio, sha256) == data
    assert _rows(fpa_portfolio, "stored_file_part") == -(-size // small_parts) - 1
    with fpa_portfolio.raw_connection() as conn, open(tmp_path / "out.txt", "wb") as out:
        assert copy_stored_file(conn, sha256, out) == size
    assert (tmp_path / "out.txt").read_bytes() == data and check_portfolio(fpa_portfolio) == []
    delete_evidence(fpa_portfolio, item)
    assert _rows(fpa_portfolio, "stored_file") == _rows(fpa_portfolio, "stored_file_part") == 0


@pytest.mark.parametrize("part_bytes", [7, 100, 4096])
def test_the_recording_place_is_blanked_across_row_boundaries(
    fpa_portfolio, tmp_path, monkeypatch, part_bytes
):
    """A recording's index split between rows still leaves without its place, every other byte unchanged."""
    monkeypatch.setattr(evidence_store, "PART_BYTES", part_bytes)
    recording = write_recording(tmp_path / "IMG_0420.MOV", 20_000, random_media=True)
    [item] = import_evidence(fpa_portfolio, [recording.path], consent="obtained", workers=1).added
    tag_evidence(fpa_portfolio, item, "1a", cross_reference=True)
    result = export_bundle(fpa_portfolio, tmp_path, draft=True)
    with zipfile.ZipFile(result.path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".mov"))
        data = archive.read(name)
    assert PLACE not in data and len(data) == recording.size
    assert hashlib.sha256(data).hexdigest() == recording.bundle_sha256
    assert verify_bundle(result.path).valid


def test_the_same_large_file_twice_is_stored_once(fpa_portfolio, tmp_path, small_parts):
    """Importing the same recording again adds no item and no rows: it is reported as already there."""
    recording = write_recording(tmp_path / "a.MOV", 10_000)
    (tmp_path / "copy.MOV").write_bytes(recording.path.read_bytes())
    report = import_evidence(fpa_portfolio, [recording.path, tmp_path / "copy.MOV"], workers=1)
    assert len(report.added) == 1 and report.duplicates == [
        (str(tmp_path / "copy.MOV"), report.added[0])
    ]
    assert (
        _rows(fpa_portfolio, "stored_file") == 1 and _rows(fpa_portfolio, "stored_file_part") == 9
    )


def test_a_file_that_changes_while_stored_is_refused_whole(fpa_portfolio, tmp_path, small_parts):
    """Bytes that no longer match the hash taken when the file was checked leave no row behind."""
    source = tmp_path / "a.txt"
    source.write_bytes(b"x" * 5000)
    wrong = hashlib.sha256(b"y" * 5000).hexdigest()
    with fpa_portfolio.raw_connection() as conn:
        conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(OSError, match="changed while it was being imported"):
            store_file(conn, source, wrong, 5000)
        conn.rollback()
    assert _rows(fpa_portfolio, "stored_file") == _rows(fpa_portfolio, "stored_file_part") == 0


def test_cancelling_mid_file_keeps_the_files_before_it(fpa_portfolio, tmp_path, monkeypatch):
    """Cancel while a large file streams in: that file is rolled back, the one before it stays."""
    monkeypatch.setattr(evidence_store, "PIECE_BYTES", 1000)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(b"a" * 3000)
    second.write_bytes(b"b" * 50_000)
    asked = []

    def cancel():  # asked before each file and before each piece: give up 10 pieces into the second file
        asked.append(1)
        return len(asked) > 16

    report = import_evidence(fpa_portfolio, [first, second], cancel=cancel, workers=1)
    assert report.cancelled and len(report.added) == 1
    assert _rows(fpa_portfolio, "evidence_item") == _rows(fpa_portfolio, "stored_file") == 1


def test_check_portfolio_rehashes_every_row_of_a_file(fpa_portfolio, tmp_path, small_parts):
    """A changed byte in a later row, or a lost row, is reported as damage to the item using the file."""
    source = tmp_path / "long.txt"
    source.write_bytes(b"minutes " * 1000)
    [item] = import_evidence(fpa_portfolio, [source], workers=1).added
    assert check_portfolio(fpa_portfolio) == []
    with fpa_portfolio.raw_connection() as conn, conn:
        conn.execute("UPDATE stored_file_part SET data = X'00' || substr(data, 2) WHERE part = 5")
    [problem] = check_portfolio(fpa_portfolio)
    assert "damaged" in problem and f"item {item}" in problem
    with fpa_portfolio.raw_connection() as conn, conn:
        conn.execute("DELETE FROM stored_file_part WHERE part = 3")
    [problem] = check_portfolio(fpa_portfolio)
    assert "damaged" in problem and f"item {item}" in problem


def test_a_file_with_a_lost_row_is_not_exported(fpa_portfolio, tmp_path, small_parts):
    """Export stops with a message naming the item, and leaves no bundle, when a row of its file is gone."""
    source = tmp_path / "long.txt"
    source.write_bytes(b"minutes " * 1000)
    [item] = import_evidence(fpa_portfolio, [source], workers=1).added
    tag_evidence(fpa_portfolio, item, "1a")
    with fpa_portfolio.raw_connection() as conn, conn:
        conn.execute("DELETE FROM stored_file_part WHERE part = 7")
    with pytest.raises(BadInput, match=f"evidence {item} .* missing from the portfolio"):
        export_bundle(fpa_portfolio, tmp_path, draft=True)
    assert not list(tmp_path.glob("*.zip*"))


def test_a_backup_keeps_every_row(fpa_portfolio, tmp_path, small_parts):
    """The online backup copies the later rows too: the backup reads back the same bytes."""
    source = tmp_path / "long.txt"
    source.write_bytes("".join(f"line {n}\n" for n in range(2000)).encode())
    import_evidence(fpa_portfolio, [source], workers=1)
    backup = make_backup(fpa_portfolio.path, "manual")
    with Portfolio.open(backup, read_only=True) as copy:
        assert check_portfolio(copy) == []
        assert _stored(copy, hashlib.sha256(source.read_bytes()).hexdigest()) == source.read_bytes()


def test_files_past_the_limits_are_refused_naming_the_sizes(fpa_portfolio, tmp_path, monkeypatch):
    """A recording over the limit, and a document over the in-memory limit, are refused with both sizes."""
    recording = write_recording(tmp_path / "IMG_0001.MOV", 3 * 1024 * 1024)
    report = import_evidence(
        fpa_portfolio, [recording.path], max_file_bytes=2 * 1024 * 1024, workers=1
    )
    [(_source, message)] = report.skipped
    assert "IMG_0001.MOV is 3.0 MB, over the 2.0 MB limit for one evidence file" in message
    assert "web link" not in message
    monkeypatch.setattr(storage_limits, "MAX_CLEANED_BYTES", 1024)
    pdf = tmp_path / "policy.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b" " * 4000 + b"\n%%EOF\n")
    [(_source, message)] = import_evidence(fpa_portfolio, [pdf], workers=1).skipped
    assert message.startswith("policy.pdf is 4 KB: photos and documents can be up to 1 KB")
    assert _rows(fpa_portfolio, "stored_file") == 0


def test_the_default_limit_takes_an_hour_of_phone_video():
    """The limit is at least 4 GB, so the longest recordings staff make are stored, not refused."""
    assert storage_limits.MAX_FILE_BYTES >= 4 * 1024**3
    assert storage_limits.size_refusal("a.mov", 4 * 1024**3, cleaned_in_memory=False) == ""


def test_a_file_bigger_than_the_free_space_is_refused_before_writing(
    fpa_portfolio, tmp_path, monkeypatch
):
    """With too little room the import stops before writing that file, naming its size and the space free."""
    small, big = (
        tmp_path / "a.txt",
        write_recording(tmp_path / "IMG_0002.MOV", 3 * 1024 * 1024).path,
    )
    small.write_bytes(b"kept\n")
    monkeypatch.setattr(storage_limits, "free_bytes", lambda folder: 5 * 1024 * 1024)
    report = import_evidence(fpa_portfolio, [small, big], workers=1)
    assert len(report.added) == 1 and report.not_tried == []
    assert re.match(
        r"The disk is full for IMG_0002\.MOV: it is 3\.0 MB and storing it needs [6-9]\.\d MB free .*, but "
        r"the portfolio's drive has 5\.0 MB free\.",
        report.stopped,
    )
    assert "1 new item(s) were stored and are safe" in report.stopped
    assert _rows(fpa_portfolio, "stored_file") == 1


def test_export_states_its_size_and_refuses_a_drive_too_small(fpa_portfolio, tmp_path, monkeypatch):
    """The preview says how big the bundle will be; a drive with less room is refused before a byte is written."""
    from portfolio_builder.core.bundle import bundle_export

    recording = write_recording(tmp_path / "IMG_0003.MOV", 3 * 1024 * 1024 + 300 * 1024)
    [item] = import_evidence(fpa_portfolio, [recording.path], consent="obtained", workers=1).added
    tag_evidence(fpa_portfolio, item, "1a")
    lines = preview_lines(plan_export(fpa_portfolio, draft=True))
    assert "Size: about 3.3 MB of evidence files, plus the documents." in lines
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(bundle_export, "free_bytes", lambda folder: 1024 * 1024)
    with pytest.raises(
        PortfolioFileError,
        match="its evidence files alone come to 3.3 MB and the drive has 1.0 MB free",
    ):
        export_bundle(fpa_portfolio, out, draft=True)
    assert list(out.iterdir()) == []


def _sparse_zip(path, name: bytes, size: int) -> None:
    """A zip holding one stored entry of size bytes, written sparse (the reader's limits look at sizes only)."""
    import struct

    local = (
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, 0, size, size, len(name), 0)
        + name
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            0,
            0,
            0x21,
            0,
            size,
            size,
            len(name),
            0,
            0,
            0,
            0,
            0o100644 << 16,
            0,
        )
        + name
    )
    with open(path, "wb") as out:
        out.write(local)
        out.seek(size, 1)
        out.write(central)
        out.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + size, 0)
        )


def test_a_bundle_with_a_3_gb_recording_opens_for_the_assessor(tmp_path):
    """The assessor's reader takes an evidence file as large as a portfolio stores (it refused past 2 GB)."""
    from portfolio_builder.core.bundle.bundle_reader import BundleLimits, BundleReader
    from portfolio_builder.core.errors import UnsafeBundle

    bundle = tmp_path / "bundle.zip"
    _sparse_zip(bundle, b"Oak-FPA-2026-01-01/data/evidence/1/1a-1-Forum.mov", 3 * 1024**3)
    with BundleReader(bundle) as reader:
        assert reader.entries["data/evidence/1/1a-1-Forum.mov"].size == 3 * 1024**3
    with pytest.raises(
        UnsafeBundle, match="over the limit for one file"
    ):  # a limit is still a limit
        BundleReader(bundle, BundleLimits(max_entry_bytes=2 * 1024**3))
    bundle.unlink()
