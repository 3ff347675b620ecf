"""The assessor's own file: keyed by bundle UUID, saved as typed, reopened later, never inside the bundle."""

import sqlite3

import pytest

from portfolio_builder.core.assessor.assessment_file import (
    AssessmentFile,
    assessment_path,
    default_assessments_folder,
    file_stem_for,
)
from portfolio_builder.core.assessor.assessment_model import AWARD_MET, MET, NOT_SEEN, NOT_YET_MET
from portfolio_builder.core.errors import BadInput, PortfolioFileError

UUID = "urn:uuid:0b6c1f0e-5a43-4b43-9d2e-1f7f0e2a9c11"


def test_every_change_is_on_disk_before_the_next_line_runs(tmp_path):
    """A judgement typed by the assessor is readable by another connection at once (no save button)."""
    file = AssessmentFile.open(UUID, tmp_path, setting="Oak", scheme="FPA")
    file.set_judgement("descriptor", "1a", MET, "Seen the policy and the minutes.")
    file.set_field("strengths", "Families shape the vision.")
    other = sqlite3.connect(file.path)
    assert other.execute("SELECT judgement, comment FROM judgement WHERE code='1a'").fetchone() == (
        "met",
        "Seen the policy and the minutes.",
    )
    assert other.execute("SELECT value FROM meta WHERE key='field:strengths'").fetchone()[0] == (
        "Families shape the vision."
    )
    other.close()
    file.close()


def test_same_uuid_reopens_the_same_assessment(tmp_path):
    """Opening the bundle again later finds everything the assessor recorded before."""
    with AssessmentFile.open(UUID, tmp_path) as file:
        file.set_judgement("theme", "1", NOT_YET_MET, "Policy not reviewed with families.")
        file.set_field("recommendation", AWARD_MET)
        file.set_field("assessor_name", "Zoë Łukasz")
        first_path = file.path
    with AssessmentFile.open(UUID, tmp_path) as again:
        assert again.path == first_path
        data = again.read()
    assert data.judgement("theme", "1").judgement == NOT_YET_MET
    assert data.judgement("theme", "1").comment == "Policy not reviewed with families."
    assert data.recommendation_label == "Award met"
    assert data.text("assessor_name") == "Zoë Łukasz"
    assert data.judgement("descriptor", "9z").judgement == NOT_SEEN


def test_comment_alone_keeps_the_judgement(tmp_path):
    """Typing a comment does not reset a judgement already chosen, and vice versa."""
    with AssessmentFile.open(UUID, tmp_path) as file:
        file.set_judgement("descriptor", "1b", MET)
        file.set_judgement("descriptor", "1b", comment="Seen at the visit.")
        file.set_judgement("descriptor", "1b", NOT_YET_MET)
        j = file.judgement("descriptor", "1b")
    assert (j.judgement, j.comment) == (NOT_YET_MET, "Seen at the visit.")


def test_default_location_is_user_data_assessments_named_by_uuid():
    """With no folder given, the file lives in the user's data folder under assessments/<uuid>.assessment."""
    path = assessment_path(UUID)
    assert path.parent == default_assessments_folder()
    assert path.parent.name == "assessments" and "Portfolio Builder" in str(path)
    assert path.name == "0b6c1f0e-5a43-4b43-9d2e-1f7f0e2a9c11.assessment"


def test_hostile_uuid_cannot_escape_the_assessments_folder(tmp_path):
    """A bundle whose identifier holds ../ or slashes still gets a plain file name inside the folder."""
    for bad in ("../../etc/passwd", "a/b", "..", "C:\\x", "\x00", "x" * 500):
        path = assessment_path(bad, tmp_path)
        assert (
            path.parent == tmp_path
            and "/" not in file_stem_for(bad)
            and "\\" not in file_stem_for(bad)
        )
    assert assessment_path("../../x", tmp_path) != assessment_path("../../y", tmp_path)


def test_invalid_values_are_refused_with_a_message(tmp_path):
    """Unknown judgements, fields and recommendations are refused with a sentence, nothing saved."""
    with AssessmentFile.open(UUID, tmp_path) as file:
        with pytest.raises(BadInput, match="not a judgement"):
            file.set_judgement("descriptor", "1a", "excellent")
        with pytest.raises(BadInput, match="recommendation"):
            file.set_field("recommendation", "maybe")
        with pytest.raises(BadInput, match="Unknown field"):
            file.set_field("colour", "red")
        assert file.read().judgements == {}


def test_a_foreign_file_under_the_name_is_refused(tmp_path):
    """A non-SQLite or another bundle's file at the path is refused, not overwritten."""
    path = assessment_path(UUID, tmp_path)
    path.write_bytes(b"hello, not a database" * 10)
    with pytest.raises(PortfolioFileError, match="not an assessment file"):
        AssessmentFile.open(UUID, tmp_path)
    assert path.read_bytes().startswith(b"hello")


def test_bundle_without_identifier_is_refused(tmp_path):
    """A bundle with no UUID cannot get an assessment file; the message says why."""
    with pytest.raises(PortfolioFileError, match="no identifier"):
        AssessmentFile.open("  ", tmp_path)
