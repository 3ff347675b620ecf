"""A lead's ready portfolio with a priority, team copies for several people, and the checks every merge must pass."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.storage.evidence_store import rehash_stored_files
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.evidence_fixtures import make_jpeg
from tests.core.portfolio_factory import make_ready


def ready_lead(portfolio) -> dict:
    """The lead's FPA portfolio made ready (two key items per descriptor, ratings, texts)."""
    return make_ready(portfolio)


def add_photo(portfolio, folder: Path, name: str, seed: int, codes=()) -> int:
    """Import one new photo (consent obtained) as a person would; returns its item id."""
    folder.mkdir(parents=True, exist_ok=True)
    path = make_jpeg(folder / name, seed=seed)
    report = import_evidence(portfolio, [path], consent="obtained", descriptor_codes=list(codes))
    assert report.added or report.duplicates, report.skipped
    return report.added[0] if report.added else report.duplicates[0][1]


def health(path: Path) -> dict:
    """integrity_check, foreign_key_check, every stored file's hash, and counts tests compare."""
    with Portfolio.open(path, read_only=True) as portfolio, portfolio.raw_connection() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert rehash_stored_files(conn) == []
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "evidence_item",
                "stored_file",
                "descriptor_link",
                "audit_rating",
                "diary_entry",
                "action_item",
                "cover_sheet_link",
                "theme_judgement",
            )
        }
        counts["texts"] = dict(conn.execute("SELECT key, body FROM portfolio_text").fetchall())
        counts["duplicate_files"] = conn.execute(
            "SELECT count(*) FROM (SELECT sha256 FROM evidence_item WHERE sha256 IS NOT NULL "
            "GROUP BY sha256 HAVING count(*) > 1)"
        ).fetchone()[0]
        return counts


def exports_and_verifies(portfolio, folder: Path) -> None:
    """A final (not draft) export of the portfolio, verified as an assessor's copy would be."""
    result = export_bundle(portfolio, folder)
    report = verify_bundle(result.path)
    assert report.valid, report.problems


def current_level(portfolio, code: str) -> str:
    with portfolio.raw_connection() as conn:
        return conn.execute(
            "SELECT r.level_key FROM audit_rating r JOIN descriptor d ON d.id = r.descriptor_id "
            "WHERE d.code = ? ORDER BY r.rated_on DESC, r.id DESC LIMIT 1",
            (code,),
        ).fetchone()[0]


def key_titles(portfolio, code: str) -> list[str]:
    with portfolio.raw_connection() as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT e.title FROM descriptor_link l JOIN evidence_item e ON e.id = l.evidence_id JOIN descriptor d "
                "ON d.id = l.descriptor_id WHERE d.code = ? AND l.role = 'key' ORDER BY l.slot",
                (code,),
            )
        ]


def today() -> date:
    return date.today()


def two_packs(lead, folder: Path) -> tuple[Path, Path]:
    """Ben's and Dev's packs from copies of lead: both rewrite the case study and rate 1a differently, Dev adds a
    document; merging Ben's first leaves Dev's with two conflicts (returns the two pack paths)."""
    from portfolio_builder.core.planning.audit_service import rate_descriptor
    from portfolio_builder.core.team.pack_writer import make_contribution_pack
    from portfolio_builder.core.team.team_copy import make_team_copy
    from tests.core.portfolio_factory import add_file_evidence

    packs = []
    for name, level, words in (
        ("Ben Jones", "developing", "Ben's telling"),
        ("Dev Shah", "emergent", "Dev's"),
    ):
        copy = make_team_copy(lead, folder / f"{name.split()[0]}.portfolio", name)
        with Portfolio.open(copy.path) as member:
            rate_descriptor(member, "1a", level, today(), f"Rated by {name}.", rated_by=name)
            with member.raw_connection() as conn:
                conn.execute(
                    "INSERT INTO portfolio_text (key, body) VALUES ('case-study', ?) ON CONFLICT(key) "
                    "DO UPDATE SET body = excluded.body",
                    (f"Our journey, in {words} words.",),
                )
                conn.commit()
            if name == "Dev Shah":
                add_file_evidence(member, b"Minutes of the dads' group.\n", "Dads' group minutes")
        packs.append(make_contribution_pack(copy.path, folder / f"{name.split()[0]}.zip").path)
    return packs[0], packs[1]
