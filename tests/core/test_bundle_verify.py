"""Verifying our own bundle: valid as written, and any changed byte is caught and the file named."""

import zipfile

import pytest

from portfolio_builder.core.bundle.bundle_layout import NameBook, bag_folder_name, safe_file_name
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from tests.core.portfolio_factory import rewrite_member

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def bundle(shared_ready_bundle):
    """A ready portfolio's bundle."""
    result, _ = shared_ready_bundle
    return result


def _flip_middle(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


def test_our_bundle_verifies_with_progress(bundle):
    """A fresh bundle is valid and safe, names its setting, scheme and UUID, and reports byte progress."""
    calls = []
    report = verify_bundle(bundle.path, progress=lambda done, total: calls.append((done, total)))
    assert report.valid and report.safe and report.problems == [] and report.damaged == set()
    assert (report.uuid, report.setting, report.scheme) == (
        bundle.uuid,
        "Oak Primary School",
        "Family Partnership Award",
    )
    assert calls and calls[-1][0] == calls[-1][1]


@pytest.mark.parametrize(
    "member",
    [
        "1a-1-Welcome-breakfast-for-new-families.jpg",
        "data/portfolio.pdf",
        "data/portfolio.json",
        "action-plan.docx",
        "data/ro-crate-metadata.json",
    ],
)
def test_one_flipped_byte_fails_and_names_the_file(bundle, tmp_path, member):
    """Flipping one byte of one payload file makes the bundle invalid and names exactly that file."""
    tampered = tmp_path / "tampered.zip"
    rewrite_member(bundle.path, tampered, member, _flip_middle)
    report = verify_bundle(tampered)
    assert not report.valid and report.safe
    assert len(report.damaged) == 1 and next(iter(report.damaged)).endswith(member.split("/")[-1])
    assert any(member.split("/")[-1] in p and "checksum" in p for p in report.problems)


def test_changed_tag_file_is_caught(bundle, tmp_path):
    """Editing bag-info.txt after export is caught by the tag manifest."""
    tampered = tmp_path / "tampered.zip"
    rewrite_member(
        bundle.path, tampered, "bag-info.txt", lambda d: d.replace(b"Oak Primary", b"Elm Primary")
    )
    report = verify_bundle(tampered)
    assert not report.valid and any("bag-info.txt" in p for p in report.problems)


def test_removed_evidence_file_is_missing(bundle, tmp_path):
    """A payload file removed from the zip is reported missing and listed as damaged."""
    stripped = tmp_path / "stripped.zip"
    with zipfile.ZipFile(bundle.path) as source, zipfile.ZipFile(stripped, "w") as out:
        for info in source.infolist():
            if not info.filename.endswith("1a-2-Policy-for-1a.txt"):
                out.writestr(info, source.read(info))
    report = verify_bundle(stripped)
    assert not report.valid
    assert any(p.endswith("1a-2-Policy-for-1a.txt") for p in report.damaged)
    assert any("missing" in p for p in report.problems)


def test_cancel_stops_verification(bundle):
    """Cancelling a verification raises Cancelled."""
    from portfolio_builder.core.errors import Cancelled

    with pytest.raises(Cancelled):
        verify_bundle(bundle.path, cancel=lambda: True)


def test_safe_names():
    """File names are ASCII, never reserved on Windows, without trailing dots, capped, and unique ignoring case."""
    assert safe_file_name("Zoë's café: plan?.docx") == "Zoe-s-cafe-plan.docx"
    assert safe_file_name("CON.txt") == "CON_.txt" and safe_file_name("lpt1") == "lpt1_"
    assert safe_file_name("notes. . .") == "notes"
    assert len(safe_file_name("x" * 500 + ".pdf")) <= 80
    assert safe_file_name("../../etc/passwd") == "passwd"
    book = NameBook()
    assert book.claim("evidence/1", "a.txt") == "evidence/1/a.txt"
    assert book.claim("evidence/1", "A.TXT") == "evidence/1/A-2.TXT"
    from datetime import date

    assert (
        bag_folder_name("St Mary's C of E", "Family Partnership Award", date(2026, 1, 2))
        == "St-Mary-s-C-of-E-Family-Partnership-Award-2026-01-02"
    )
