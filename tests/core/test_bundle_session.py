"""Viewing a bundle: verified first, never written, private read-only copies removed on close."""

import os
import stat

import pytest

from portfolio_builder.core.assessor.bundle_session import BundleSession
from portfolio_builder.core.errors import Cancelled, PortfolioError, UnsafeBundle
from tests.ui.assessor_fixtures import (
    BUNDLE_UUID,
    hand_bagged_bundle,
    sha256_of,
    tamper,
)


def _first_file_item(session, suffix):
    return next(
        e
        for e in session.snapshot.evidence
        if (e.path or "").lower().endswith(suffix) and e.included
    )


def test_opening_verifies_with_progress_and_loads_portfolio_json(bundle):
    """The bundle is checked (progress reported) before its portfolio is shown; a good one is valid."""
    calls = []
    with BundleSession.open(bundle, progress=lambda *args: calls.append(args)) as session:
        assert session.valid, session.problems
        assert session.uuid and session.snapshot.setting.name
        assert session.damaged == set()
        assert "portfolio.pdf" in session.documents()
    assert calls and calls[-1][0] == calls[-1][1]


def test_viewer_copy_is_private_read_only_and_removed_on_close(bundle):
    """A document opened for the viewer is a 0400 copy in a 0700 temp folder that disappears on close."""
    session = BundleSession.open(bundle)
    item = _first_file_item(session, ".pdf")
    copy = session.viewer_copy(item.path)
    folder = session.private_dir_if_made
    assert copy.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o400
    assert folder in copy.parents
    session.close()
    assert not folder.exists()
    with pytest.raises(PortfolioError, match="closed"):
        session.read_bytes(item.path)


def test_bundle_bytes_and_mtime_unchanged_by_a_session(bundle):
    """Reading, copying out and closing leave the bundle byte-for-byte identical, mtime included."""
    before, mtime = sha256_of(bundle), os.stat(bundle).st_mtime_ns
    with BundleSession.open(bundle) as session:
        photo = _first_file_item(session, ".jpg")
        assert session.read_bytes(photo.path)[:2] == b"\xff\xd8"
        session.viewer_copy(_first_file_item(session, ".pdf").path)
    assert sha256_of(bundle) == before and os.stat(bundle).st_mtime_ns == mtime


def test_damaged_bundle_still_opens_with_the_damaged_item_marked(bundle, tmp_path):
    """An altered evidence file makes the bundle invalid, but it still opens and that item is marked."""
    with BundleSession.open(bundle) as session:
        target = _first_file_item(session, ".pdf").path
    damaged = tamper(bundle, tmp_path / "damaged.zip", target, b"%PDF-1.4 altered by someone")
    with BundleSession.open(damaged) as session:
        assert not session.valid
        assert session.is_damaged(target)
        assert any("changed or damaged" in p for p in session.problems)
        assert len(session.damaged) == 1


def test_unsafe_zip_is_refused_with_the_readers_message(tmp_path):
    """A file that is not a zip (or is hostile) is refused outright with a sentence, not a traceback."""
    bad = tmp_path / "not-a-bundle.zip"
    bad.write_bytes(b"hello" * 100)
    with pytest.raises(UnsafeBundle, match="not a zip file"):
        BundleSession.open(bad)


def test_cancel_stops_verification(bundle):
    """Cancelling while the bundle is checked stops the open with Cancelled."""
    with pytest.raises(Cancelled):
        BundleSession.open(bundle, cancel=lambda: True)


def test_hand_bagged_fixture_has_the_uuid(tmp_path):
    """The hand-bagged bundle carries its External-Identifier, which keys the assessment file."""
    with BundleSession.open(hand_bagged_bundle(tmp_path / "b.zip")) as session:
        assert session.uuid == BUNDLE_UUID and session.valid, session.problems


def test_assessor_pages_use_words_not_codes():
    """The assessor reads 'Not needed', 'Photo' and 'In progress', never the codes stored in portfolio.json."""
    from portfolio_builder.core.assessor.bundle_contents import EVIDENCE, ContentNode
    from portfolio_builder.core.assessor.bundle_pages import page_for
    from tests.core.snapshot_factory import fpa_snapshot

    snapshot = fpa_snapshot()
    item = snapshot.evidence[0].model_copy(update={"kind": "photo", "consent": "not-needed"})
    page = page_for(ContentNode(EVIDENCE, item.title, item), snapshot)
    assert "Not needed" in page and "not-needed" not in page and ">Photo<" in page
