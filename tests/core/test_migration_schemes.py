"""Portfolios saved before schemes were data (file format 1) open, are backed up, upgraded and keep everything."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.framework.portfolio_setup import create_portfolio
from portfolio_builder.core.planning.portfolio_texts import read_texts
from portfolio_builder.core.scheme.framework_catalog import shipped_framework
from portfolio_builder.core.scheme.store import scheme_of
from portfolio_builder.core.shape.snapshot import build_snapshot
from portfolio_builder.core.storage.backups import list_backups
from portfolio_builder.core.storage.portfolio_file import Portfolio

FIXTURES = Path(__file__).parent.parent / "fixtures" / "format-1"


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "evidence_item",
                "stored_file",
                "audit_rating",
                "descriptor",
                "descriptor_link",
                "priority",
                "diary_entry",
                "action_item",
                "staff",
                "theme",
            )
        }


def _schema(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            t: sorted(
                (c[1], c[2].upper(), c[3], c[5]) for c in conn.execute(f"PRAGMA table_info({t})")
            )
            for t in tables
        }


@pytest.fixture(params=["riverside-sample", "iif-v1"])
def old_file(request, tmp_path):
    """A copy of a portfolio saved in file format 1 (made by the version before this one)."""
    path = tmp_path / f"{request.param}.portfolio"
    shutil.copy(FIXTURES / path.name, path)
    return path


def test_an_old_portfolio_is_backed_up_upgraded_and_keeps_everything(old_file):
    """Every row a setting made is still there after the upgrade, and the file as it was is kept as a backup."""
    before = _counts(old_file)
    with sqlite3.connect(old_file) as conn:
        case_study, plan = conn.execute(
            "SELECT case_study, three_year_plan FROM setting_profile"
        ).fetchone()
    with Portfolio.open(old_file) as portfolio:
        texts = read_texts(portfolio)
        scheme = scheme_of(portfolio)
        shape = build_snapshot(portfolio)
    assert _counts(old_file) == before
    assert texts.get("case-study", "") == case_study and texts.get("outline-plan", "") == plan
    assert [b for b in list_backups(old_file) if "before-format-2" in b.name]
    assert scheme.id in ("family-partnership-award", "investors-in-families-secure")
    assert all(
        t.description == "" for t in shape.themes[1:]
    )  # set-up hints moved out of what is printed


def test_an_upgraded_file_has_the_same_tables_as_a_new_one(old_file, tmp_path):
    """The upgrade's tables and columns are exactly those a new portfolio gets."""
    with Portfolio.open(old_file):
        pass
    fresh = tmp_path / "fresh.portfolio"
    create_portfolio(fresh, shipped_framework("blank"), "New").close()
    assert _schema(old_file) == _schema(fresh)


def test_each_scheme_takes_its_own_rules_on_upgrade(tmp_path):
    """An old FPA portfolio becomes the FPA scheme (no priorities, best fit; its own summaries marked ours),
    an old IiF one the IiF scheme (five priorities; elements still named 'Element 1' marked as placeholders)."""
    for name in ("riverside-sample", "iif-v1"):
        shutil.copy(FIXTURES / f"{name}.portfolio", tmp_path / f"{name}.portfolio")
    with Portfolio.open(tmp_path / "riverside-sample.portfolio") as fpa:
        shape = build_snapshot(fpa)
        assert not shape.scheme.priorities.used and shape.scheme.best_fit is not None
        assert all(d.ours for d in shape.themes[0].descriptors)
        assert len(shape.priorities) == 5  # kept: the earlier version asked an FPA setting for five
    with Portfolio.open(tmp_path / "iif-v1.portfolio") as iif:
        shape = build_snapshot(iif)
        assert (
            shape.scheme.priorities.count == 5
            and shape.scheme.words.descriptor == "Quality statement"
        )
        assert [t.placeholder for t in shape.themes[:2]] == [True, True]
        assert shape.themes[0].descriptors[0].rating_history[0].gap == "No visit welcome pack"


def test_an_upgraded_portfolio_exports_a_bundle_that_verifies(old_file, tmp_path):
    """After the upgrade a draft bundle exports and verifies."""
    with Portfolio.open(old_file) as portfolio:
        result = export_bundle(portfolio, tmp_path / "out.zip", draft=True)
    assert verify_bundle(result.path).valid
