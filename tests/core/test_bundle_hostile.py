"""Hostile bundles: each is refused or reported with a clear message, quickly, and nothing is written anywhere."""

import os
import shutil
import struct
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from portfolio_builder.core.bundle.bundle_reader import BundleLimits, BundleReader
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.errors import UnsafeBundle
from tests.core.hostile_zips import HOSTILE_CASES, TOP, bag_members, write_zip


def _listing(folder):
    return sorted(
        os.path.relpath(os.path.join(root, name), folder)
        for root, dirs, files in os.walk(folder)
        for name in dirs + files
    )


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", HOSTILE_CASES, ids=[c.name for c in HOSTILE_CASES])
def test_hostile_bundle_is_refused_with_a_clear_message(case, tmp_path, shared_builds):
    """verify_bundle rejects the bundle, says why in words, marks it unsafe when it is, and writes nothing.
    The bundle is a copy, in this test's folder, of the corpus built once per run."""
    bundle = Path(shutil.copyfile(shared_builds.hostile_zip(case), tmp_path / f"{case.name}.zip"))
    before = _listing(tmp_path)
    report = verify_bundle(bundle)
    assert not report.valid
    assert report.safe is (not case.unsafe), report.problems
    text = " ".join(report.problems)
    for word in case.words:
        assert word in text, report.problems
    assert _listing(tmp_path) == before
    assert not os.path.exists("/tmp/evil.txt") and not (tmp_path.parent / "evil.txt").exists()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "case", [c for c in HOSTILE_CASES if c.unsafe], ids=[c.name for c in HOSTILE_CASES if c.unsafe]
)
def test_reader_refuses_unsafe_bundles_on_opening(case, shared_builds):
    """BundleReader raises UnsafeBundle before any member is read (the corpus built once per run, only read)."""
    bundle = shared_builds.hostile_zip(case)
    with pytest.raises(UnsafeBundle):
        BundleReader(bundle)


def test_reader_caps_total_size(tmp_path):
    """A bundle that would unpack past the total-size cap is refused."""
    members = bag_members()
    members[f"{TOP}/data/evidence/big.bin"] = os.urandom(300_000)
    bundle = write_zip(tmp_path / "big.zip", members)
    with pytest.raises(UnsafeBundle, match="unpack to more than"):
        BundleReader(bundle, BundleLimits(max_total_bytes=200_000))


def test_damaged_member_is_named_when_read(tmp_path):
    """A member whose bytes no longer match its CRC raises UnsafeBundle naming it while it is read."""
    bundle = next(c for c in HOSTILE_CASES if c.name == "bad-crc").build(tmp_path / "crc.zip")
    with BundleReader(bundle) as reader:
        with pytest.raises(UnsafeBundle, match="1a-1-policy.txt"):
            reader.read_bytes("data/evidence/1/1a-1-policy.txt", 1000)


def test_extract_member_only_into_the_given_folder(tmp_path):
    """extract_member_to writes inside the private folder only, and refuses a missing folder."""
    bundle = write_zip(tmp_path / "ok.zip", bag_members())
    private = tmp_path / "private"
    private.mkdir()
    with BundleReader(bundle) as reader:
        target = reader.extract_member_to("data/evidence/1/1a-1-policy.txt", private)
        assert target.read_bytes() == b"Our policy.\n" and target.is_relative_to(private.resolve())
        with pytest.raises(UnsafeBundle):
            reader.extract_member_to("data/evidence/1/1a-1-policy.txt", tmp_path / "absent")
        with pytest.raises((UnsafeBundle, KeyError)):
            reader.extract_member_to("../../evil.txt", private)
    assert not (tmp_path / "evil.txt").exists()


def test_minimal_bag_from_the_corpus_is_valid(tmp_path):
    """The corpus's starting bag is itself valid, so each hostile case fails for its own reason."""
    report = verify_bundle(write_zip(tmp_path / "ok.zip", bag_members()))
    assert report.valid and report.safe, report.problems
    assert report.uuid == "4d7f7a61-0000-4000-8000-000000000001" and report.setting == "Oak Primary"


def test_reader_exposes_entries_and_portfolio(tmp_path):
    """The reader lists bag-relative entries, reads bag-info and the checked portfolio.json."""
    bundle = write_zip(tmp_path / "ok.zip", bag_members(), zipfile.ZIP_STORED)
    with BundleReader(bundle) as reader:
        assert reader.top_folder == TOP
        assert "data/portfolio.json" in reader.entries and "bagit.txt" in reader.entries
        assert reader.bag_info()["Source-Organization"] == "Oak Primary"
        assert reader.portfolio_json().evidence[0].path == "evidence/1/1a-1-policy.txt"
        with reader.open_member("data/evidence/1/1a-1-policy.txt") as member:
            assert member.read() == b"Our policy.\n"


def _zip64_declaring(path: Path, entries: int | None) -> Path:
    """A small real bundle written with a ZIP64 end record, its entry count then made to say entries."""
    with mock.patch.object(zipfile, "ZIP_FILECOUNT_LIMIT", 0):  # zipfile writes the ZIP64 record
        write_zip(path, bag_members())
    if entries is not None:
        raw = bytearray(path.read_bytes())
        record = raw.rfind(b"PK\x06\x06")
        raw[record + 24 : record + 40] = struct.pack("<QQ", entries, entries)
        path.write_bytes(bytes(raw))
    return path


def test_a_zip_declaring_millions_of_entries_is_refused_from_its_end_record(tmp_path, monkeypatch):
    """Five million entries declared: refused in words from the few bytes of the end record, before zipfile
    reads (and builds an object for) a single entry; a ZIP64 bundle declaring its true count still opens."""
    honest = _zip64_declaring(tmp_path / "honest.zip", None)
    BundleReader(honest).close()
    hostile = _zip64_declaring(tmp_path / "millions.zip", 5_000_000)
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: pytest.fail("zipfile read the entries"))
    with pytest.raises(UnsafeBundle, match="5000000 entries, more than the 50000 allowed"):
        BundleReader(hostile)
    report = verify_bundle(hostile)
    assert not report.safe and "5000000 entries" in " ".join(report.problems)
