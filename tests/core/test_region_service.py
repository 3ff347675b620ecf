"""Regions are stored with their item, replaced in one step that can be undone, and refused for what is not a photo."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from portfolio_builder.core.errors import BadInput, Cancelled, ReadOnlyPortfolio
from portfolio_builder.core.evidence.evidence_details import evidence_details
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_service import (
    delete_evidence,
    get_evidence,
    update_evidence,
)
from portfolio_builder.core.evidence.region_service import (
    clear_regions,
    item_regions,
    set_regions,
    suggest_face_regions,
)
from portfolio_builder.core.privacy.redaction import Region
from portfolio_builder.core.shape.snapshot import build_snapshot
from portfolio_builder.core.storage import schema
from portfolio_builder.core.storage.backups import list_backups
from portfolio_builder.core.storage.evidence_store import read_stored_bytes
from portfolio_builder.core.storage.portfolio_file import Portfolio

from .evidence_fixtures import make_text
from .face_photos import jpeg_bytes, photo

FORMAT_2 = Path(__file__).parent.parent / "fixtures" / "format-2" / "open-morning.portfolio"
FACE = Region(0.3, 0.05, 0.3, 0.35, "blur", "ellipse")
LABEL = Region(0.05, 0.6, 0.2, 0.1, "block")


@pytest.fixture
def astronaut_item(fpa_portfolio, tmp_path):
    """A real photo of a face imported into a new portfolio; returns its id."""
    path = tmp_path / "astronaut.jpg"
    path.write_bytes(jpeg_bytes(photo("astronaut")))
    return import_evidence(
        fpa_portfolio, [path], descriptor_codes=["1a"], consent="obtained", workers=1
    ).added[0]


def _stored(portfolio, evidence_id) -> bytes:
    with portfolio.raw_connection() as conn:
        return read_stored_bytes(conn, get_evidence(portfolio, evidence_id).sha256)


def test_regions_are_kept_with_the_item_and_the_photo_is_untouched(fpa_portfolio, astronaut_item):
    """Setting regions stores them in order, the details pane and show --json see them, and the photo's bytes
    stay exactly as imported."""
    before = _stored(fpa_portfolio, astronaut_item)
    change = set_regions(fpa_portfolio, astronaut_item, [FACE, LABEL])
    assert (change.before, change.after) == ((), (FACE, LABEL))
    assert item_regions(fpa_portfolio, astronaut_item) == (FACE, LABEL)
    assert evidence_details(fpa_portfolio, astronaut_item).regions == (FACE, LABEL)
    shown = build_snapshot(fpa_portfolio).evidence[0].regions
    assert [(r.x, r.y, r.w, r.h, r.mode, r.shape) for r in shown] == [
        (0.3, 0.05, 0.3, 0.35, "blur", "ellipse"),
        (0.05, 0.6, 0.2, 0.1, "block", "rectangle"),
    ]
    assert _stored(fpa_portfolio, astronaut_item) == before


def test_replacing_returns_what_undo_needs_to_put_the_old_regions_back(
    fpa_portfolio, astronaut_item
):
    """Each write says what was there before; setting that again restores the item exactly (the desktop's undo)."""
    set_regions(fpa_portfolio, astronaut_item, [FACE])
    change = set_regions(fpa_portfolio, astronaut_item, [LABEL])
    assert change.before == (FACE,) and change.after == (LABEL,)
    set_regions(fpa_portfolio, astronaut_item, change.before)
    assert item_regions(fpa_portfolio, astronaut_item) == (FACE,)
    cleared = clear_regions(fpa_portfolio, astronaut_item)
    assert cleared.before == (FACE,) and item_regions(fpa_portfolio, astronaut_item) == ()


def test_regions_are_refused_for_what_is_not_a_photo_and_nothing_changes(
    fpa_portfolio, astronaut_item, tmp_path
):
    """A document, an unknown item or something that is not a Region is refused in one line; nothing is written."""
    doc = import_evidence(fpa_portfolio, [make_text(tmp_path / "minutes.txt")], workers=1).added[0]
    set_regions(fpa_portfolio, astronaut_item, [FACE])
    for evidence_id, regions, words in (
        (doc, [FACE], "not a photo"),
        (999, [FACE], "no evidence item 999"),
        (astronaut_item, [FACE, "0,0,1,1"], "Region"),
    ):
        with pytest.raises(BadInput, match=words) as refused:
            set_regions(fpa_portfolio, evidence_id, regions)
        assert "\n" not in refused.value.message
    assert item_regions(fpa_portfolio, astronaut_item) == (FACE,)
    assert item_regions(fpa_portfolio, doc) == ()


def test_a_read_only_portfolio_refuses_region_edits(fpa_portfolio, astronaut_item):
    """A portfolio opened read-only (the assessor, a newer file) keeps its regions as they are."""
    set_regions(fpa_portfolio, astronaut_item, [FACE])
    path = fpa_portfolio.path
    fpa_portfolio.close()
    with Portfolio.open(path, read_only=True) as read_only:
        with pytest.raises(ReadOnlyPortfolio):
            clear_regions(read_only, astronaut_item)
        assert item_regions(read_only, astronaut_item) == (FACE,)


def test_deleting_an_item_deletes_its_regions(fpa_portfolio, astronaut_item):
    """Regions go with their item; none is left behind pointing at nothing."""
    set_regions(fpa_portfolio, astronaut_item, [FACE, LABEL])
    delete_evidence(fpa_portfolio, astronaut_item)
    with fpa_portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM redaction_region").fetchone()[0] == 0


def test_find_faces_suggests_without_storing_and_can_be_cancelled(fpa_portfolio, astronaut_item):
    """Suggestions cover the real face but are not stored until accepted; a cancelled search says so."""
    suggested = suggest_face_regions(fpa_portfolio, astronaut_item)
    assert len(suggested) == 1 and suggested[0].shape == "ellipse"
    assert item_regions(fpa_portfolio, astronaut_item) == ()
    with pytest.raises(Cancelled):
        suggest_face_regions(fpa_portfolio, astronaut_item, cancel=lambda: True)


def test_consent_for_a_blurred_version_is_only_for_photos(fpa_portfolio, astronaut_item, tmp_path):
    """The fourth consent state can be given to a photo, is refused for a document, and an import of a
    document with it skips that file saying why."""
    update_evidence(fpa_portfolio, astronaut_item, consent="blurred")
    assert get_evidence(fpa_portfolio, astronaut_item).consent == "blurred"
    doc = import_evidence(fpa_portfolio, [make_text(tmp_path / "minutes.txt")], workers=1).added[0]
    with pytest.raises(BadInput, match="only for photos"):
        update_evidence(fpa_portfolio, doc, consent="blurred")
    assert (
        get_evidence(fpa_portfolio, doc).consent == "not-needed"
    )  # unchanged: a document needs none
    report = import_evidence(
        fpa_portfolio,
        [make_text(tmp_path / "letter.txt", "A letter")],
        consent="blurred",
        workers=1,
    )
    assert report.added == [] and "not a photo" in report.skipped[0][1]


def test_the_consent_words_have_one_home():
    """The tables, the documents and the desktop's list all read the same consent vocabulary."""
    from portfolio_builder.core import vocabularies as consent
    from portfolio_builder.core.documents import portfolio_view

    assert schema.CONSENT_STATES is consent.CONSENT_STATES
    assert all(
        portfolio_view.consent_words(key) == label for key, label in consent.CONSENT_LABELS.items()
    )
    assert portfolio_view.consent_words("blurred") == "For a blurred version"
    assert consent.CONSENT_STATES == ("obtained", "blurred", "not-needed", "missing")


def test_a_format_2_file_is_upgraded_to_hold_regions_keeping_everything(tmp_path):
    """A portfolio saved by the previous version opens, is backed up, gains the regions table and keeps its items."""
    path = tmp_path / "open-morning.portfolio"
    shutil.copy(FORMAT_2, path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    with Portfolio.open(path) as portfolio:
        titles = [item.title for item in build_snapshot(portfolio).evidence]
        set_regions(portfolio, 1, [FACE])
        assert item_regions(portfolio, 1) == (FACE,)
    assert titles == ["Open morning", "Letter"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert [
        b for b in list_backups(path) if "before-format-3" in b.name
    ]  # one backup before upgrading
