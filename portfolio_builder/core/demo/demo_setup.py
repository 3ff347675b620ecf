"""Shared steps of the scheme samples: a fresh portfolio file, generated evidence imported and dated, ids by code."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..evidence.evidence_import import import_evidence
from ..evidence.evidence_service import update_evidence
from ..framework.portfolio_setup import create_portfolio
from ..scheme.framework_catalog import shipped_framework
from ..storage.portfolio_file import Portfolio
from .demo_files import sample_file


def import_samples(
    portfolio: Portfolio, setting: str, items: list[tuple], start: int = 1, **options
) -> list[int]:
    """Generate and import (kind, title, when, consent, component) files; returns their ids, in order."""
    with tempfile.TemporaryDirectory(prefix="pb-demo-") as tmp:
        files: list[str | Path] = [
            sample_file(Path(tmp), start + n, kind, title, when, setting)
            for n, (kind, title, when, *_rest) in enumerate(items)
        ]
        report = import_evidence(portfolio, files, consent="obtained", **options)
    if report.skipped:
        raise RuntimeError(f"demo import failed: {report.skipped}")
    for item_id, (_kind, title, when, consent, component) in zip(report.added, items):
        fields = {"title": title, "evidence_date": when.date(), "consent": consent}
        if component:
            fields["component"] = component
        update_evidence(portfolio, item_id, **fields)
    return list(report.added)


def new_sample_portfolio(
    folder: Path,
    name: str,
    scheme_id: str,
    setting: str,
    lead: tuple[str, str],
    team: list[tuple[str, str]],
) -> tuple[Path, Portfolio]:
    """A new portfolio of a shipped scheme at folder/name, replacing an earlier sample there."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        old.unlink(missing_ok=True)
    return path, create_portfolio(path, shipped_framework(scheme_id), setting, lead=lead, team=team)


def staff_ids(portfolio: Portfolio) -> list[tuple[int, str]]:
    """(id, name) of every staff member."""
    with portfolio.raw_connection() as conn:
        return [tuple(r) for r in conn.execute("SELECT id, name FROM staff").fetchall()]


def theme_id(portfolio: Portfolio, code: str) -> int:
    """A theme's id from its code."""
    with portfolio.raw_connection() as conn:
        return conn.execute("SELECT id FROM theme WHERE code = ?", (code,)).fetchone()[0]


def descriptor_id(portfolio: Portfolio, code: str) -> int:
    """A descriptor's id from its code (for update_descriptor)."""
    with portfolio.raw_connection() as conn:
        return conn.execute("SELECT id FROM descriptor WHERE code = ?", (code,)).fetchone()[0]
