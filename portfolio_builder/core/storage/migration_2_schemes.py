"""File format 1 -> 2: the scheme becomes data (one JSON row), texts get their own table, best-fit judgements arrive.

Nothing is dropped that a setting typed: the case study and three-year plan move to portfolio_text
(under the keys 'case-study' and 'outline-plan'), the scale's levels move into the scheme, and
set-up hints a format-1 file printed as theme descriptions move to the themes' hint column.
"""

# Raw SQL on purpose: an upgrade follows the OLD file format it starts from, not today's schema.py.

from __future__ import annotations

import sqlite3

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from ..scheme.file_tables import _legacy_scheme
from ..scheme.model import Scheme
from ..scheme.scale import Level

# The theme descriptions the format-1 shipped files used as set-up hints (never meant to be printed).
FORMAT_1_HINTS = {
    "Descriptors come from the setting's award pack. The action plan and the audit findings belong in this theme.",
    "Descriptors come from the setting's award pack.",
    "Rename to the first element of your i-HOP toolkit and add its relevant quality statements.",
    "Rename and add quality statements from your toolkit.",
}
LEGACY_COLUMNS = (
    "framework_id",
    "name",
    "awarding_body",
    "version",
    "description",
    "scale_name",
    "min_key",
    "max_key",
    "priorities_required",
    "uses_components",
    "action_plan_theme",
)


def _create(conn: sqlite3.Connection, table_name: str) -> None:
    """Create a new table exactly as SQLModel declares it (so a migrated file equals a new one)."""
    table = SQLModel.metadata.tables[table_name]
    conn.execute(str(CreateTable(table).compile(dialect=sqlite_dialect.dialect())))
    for index in table.indexes:
        conn.execute(str(CreateIndex(index).compile(dialect=sqlite_dialect.dialect())))


def _dumped(level: Level | None) -> dict:
    """A shipped level's fields, for a stored level to override ({} when the shipped scale lacks it)."""
    return level.model_dump() if level else {}


def _old_scheme(conn: sqlite3.Connection):
    """The scheme a format-1 file meant, and the shipped framework it was made from (if any)."""
    from ..scheme.framework_catalog import shipped_frameworks

    conn.row_factory = sqlite3.Row
    info = dict(conn.execute("SELECT * FROM framework_info LIMIT 1").fetchone())
    levels = [
        dict(row)
        for row in conn.execute(
            "SELECT key, label, description, colour, score FROM scale_level ORDER BY position"
        )
    ]
    conn.row_factory = None
    stored_levels = [{k: v for k, v in lv.items() if v is not None} for lv in levels]
    scale = {"name": info["scale_name"] or "", "levels": stored_levels}
    shipped = next((f for f in shipped_frameworks() if f.id == info["framework_id"]), None)
    if shipped is not None:
        values = shipped.scheme.model_dump()
        values["scale"] = {
            **values["scale"],
            **scale,
            "levels": [
                {**_dumped(shipped.scheme.scale.level(lv["key"])), **lv} for lv in stored_levels
            ],
        }
        return Scheme.model_validate(values), shipped
    head = {
        "priorities_required": info["priorities_required"],
        "uses_components": bool(info["uses_components"]),
        "action_plan_theme": info["action_plan_theme"],
    }
    values = {
        "id": info["framework_id"],
        "name": info["name"],
        "awarding_body": info["awarding_body"] or "",
        "version": str(info["version"] or "1"),
        "description": info["description"] or "",
        "scale": scale,
    }
    values.update(
        _legacy_scheme(
            head, {"evidence_rule": {"min_key": info["min_key"], "max_key": info["max_key"]}}
        )
    )
    return Scheme.model_validate(values), None


def migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Upgrade a format-1 portfolio in the caller's transaction."""
    scheme, shipped = _old_scheme(conn)
    conn.execute("ALTER TABLE framework_info ADD COLUMN scheme VARCHAR NOT NULL DEFAULT ''")
    conn.execute("UPDATE framework_info SET scheme = ?", (scheme.model_dump_json(),))
    for column in LEGACY_COLUMNS:
        conn.execute(f"ALTER TABLE framework_info DROP COLUMN {column}")
    conn.execute("DROP TABLE scale_level")

    conn.execute("ALTER TABLE theme ADD COLUMN hint VARCHAR NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE theme ADD COLUMN placeholder BOOLEAN NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE descriptor ADD COLUMN ours BOOLEAN NOT NULL DEFAULT 0")
    shipped_themes = {t.code: t for t in (shipped.themes if shipped else [])}
    for theme_id, code, title, description in conn.execute(
        "SELECT id, code, title, description FROM theme"
    ).fetchall():
        if description in FORMAT_1_HINTS:
            hint = shipped_themes[code].hint if code in shipped_themes else description
            conn.execute(
                "UPDATE theme SET hint = ?, description = '' WHERE id = ?", (hint, theme_id)
            )
        if (
            code in shipped_themes
            and shipped_themes[code].placeholder
            and title == shipped_themes[code].title
        ):
            conn.execute("UPDATE theme SET placeholder = 1 WHERE id = ?", (theme_id,))
    ours = {d.code: d.text for t in shipped_themes.values() for d in t.descriptors if d.ours}
    for code, text in ours.items():
        conn.execute("UPDATE descriptor SET ours = 1 WHERE code = ? AND text = ?", (code, text))

    _create(conn, "portfolio_text")
    _create(conn, "theme_judgement")
    row = conn.execute("SELECT case_study, three_year_plan FROM setting_profile LIMIT 1").fetchone()
    for key, body in zip(("case-study", "outline-plan"), row or ("", "")):
        if body:
            conn.execute("INSERT INTO portfolio_text (key, body) VALUES (?, ?)", (key, body))
    conn.execute("ALTER TABLE setting_profile DROP COLUMN case_study")
    conn.execute("ALTER TABLE setting_profile DROP COLUMN three_year_plan")
    conn.execute("ALTER TABLE setting_profile ADD COLUMN award_level VARCHAR NOT NULL DEFAULT ''")
    conn.execute(
        "ALTER TABLE setting_profile ADD COLUMN licence VARCHAR NOT NULL DEFAULT 'all-rights-reserved'"
    )
    if not scheme.uses_components:
        conn.execute("UPDATE evidence_item SET component = ''")
