"""A final export is refused, naming what is missing, while anything the scheme requires is empty; a DRAFT
still exports and says on its pages what is missing."""

import io
import shutil
import sqlite3
import zipfile

import pypdf
import pytest

from .cli_runner import run_in_process


@pytest.fixture(scope="module")
def complete(shared_builds):
    """A complete FPA and a complete IiF portfolio, built once per run with the command line (the journeys of
    test_cli_journeys). Shared: each test changes a copy."""
    return {
        scheme: shared_builds.journey(scheme)
        for scheme in ("family-partnership-award", "investors-in-families-secure")
    }


# (scheme, SQL that empties one required thing, words the refusal must say)
MISSING = [
    (
        "family-partnership-award",
        "UPDATE theme SET lead_staff_id = NULL WHERE code = '3'",
        "Theme 3: 'Name of lead person collecting evidence' is not filled in.",
    ),
    (
        "family-partnership-award",
        "UPDATE theme SET gathering_started = NULL WHERE code = '4'",
        "Theme 4: 'Date evidence gathering commenced' is not filled in.",
    ),
    (
        "family-partnership-award",
        "UPDATE theme SET gathering_ended = NULL WHERE code = '4'",
        "Theme 4: 'Date evidence collection was completed' is not filled in.",
    ),
    (
        "family-partnership-award",
        "UPDATE theme SET summative_comment = '' WHERE code = '5'",
        "Theme 5: 'Summative comment on the overall process' is not filled in.",
    ),
    (
        "family-partnership-award",
        "DELETE FROM theme_judgement WHERE theme_id = (SELECT id FROM theme WHERE code = '6')",
        "Theme 6 has no overall best fit judgement yet.",
    ),
    (
        "family-partnership-award",
        "UPDATE portfolio_text SET body = '' WHERE key = 'case-study'",
        "Good practice case study is not written yet.",
    ),
    (
        "family-partnership-award",
        "DELETE FROM audit_rating WHERE descriptor_id = (SELECT id FROM descriptor WHERE code = '1c')",
        "Evidence descriptor 1c has not been rated.",
    ),
    (
        "family-partnership-award",
        "DELETE FROM descriptor_link WHERE descriptor_id = (SELECT id FROM descriptor WHERE code = '2a') "
        "AND slot = 2",
        "Evidence descriptor 2a has 1 of 2 key evidence items.",
    ),
    (
        "investors-in-families-secure",
        "UPDATE setting_profile SET context = ''",
        "The setting's context is not written yet (Setting and team).",
    ),
    (
        "investors-in-families-secure",
        "UPDATE setting_profile SET contact_email = '', phone = ''",
        "The setting's contact email or phone is not filled in (Setting and team).",
    ),
    (
        "investors-in-families-secure",
        "DELETE FROM diary_entry WHERE cover_sheet_id = (SELECT c.id FROM cover_sheet c "
        "JOIN priority p ON p.id = c.priority_id ORDER BY p.position LIMIT 1 OFFSET 2)",
        "The Priority Action Cover Sheet of priority 3 has no diary entry yet.",
    ),
    (
        "investors-in-families-secure",
        "UPDATE theme SET title = 'Element 4', placeholder = 1 WHERE code = 'E4'",
        "Element E4 is still called 'Element 4': rename it as your i-HOP toolkit names it.",
    ),
    (
        "investors-in-families-secure",
        "DELETE FROM priority WHERE position = (SELECT max(position) FROM priority)",
        "4 of 5 key priorities chosen; the scheme asks for exactly 5.",
    ),
    (
        "investors-in-families-secure",
        "UPDATE portfolio_text SET body = '' WHERE key = 'outline-plan'",
        "Outline action plan for the next three years is not written yet.",
    ),
]


@pytest.mark.parametrize("scheme, change, message", MISSING, ids=[m[2][:48] for m in MISSING])
def test_final_export_is_refused_naming_what_is_missing(
    complete, tmp_path, scheme, change, message
):
    """Emptying one thing the scheme requires makes `export` (final) exit 1 naming it, and write no bundle;
    `status` lists the same line."""
    path = tmp_path / "p.portfolio"
    shutil.copy(complete[scheme], path)
    with sqlite3.connect(path) as conn:
        conn.execute(change)
    conn.close()
    code, _out, err = run_in_process(["export", str(path), str(tmp_path / "final.zip")])
    assert code == 1 and message in err, err
    assert not list(tmp_path.glob("*.zip")) and not list(tmp_path.glob("*.part"))
    code, out, _err = run_in_process(["status", str(path)])
    assert message in out


def test_a_draft_still_exports_and_says_what_is_missing(complete, tmp_path):
    """With the case study empty, a DRAFT exports; its PDF lists the missing item after the contents and
    says DRAFT on every page."""
    path = tmp_path / "p.portfolio"
    shutil.copy(complete["family-partnership-award"], path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE portfolio_text SET body = '' WHERE key = 'case-study'")
    conn.close()
    code, _out, err = run_in_process(
        ["export", str(path), str(tmp_path / "interim.zip"), "--draft"]
    )
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "interim.zip") as archive:
        pdf = archive.read(next(n for n in archive.namelist() if n.endswith("data/portfolio.pdf")))
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert all("DRAFT" in page for page in pages)
    assert any("Good practice case study is not written yet." in page for page in pages[:4])
