"""What a portfolio holds that team members may add to or change, as plain JSON-ready values (no file bytes).

A team copy keeps this state as it was when made (its baseline); the difference between the baseline
and the copy now is the contribution. Rows that existed when the copy was made keep their ids in the
copy and in the lead's portfolio (the copy is a byte-for-byte backup), so those ids name them across both.
"""

from __future__ import annotations

import sqlite3

from ..evidence.evidence_service import EDITABLE_FIELDS

EVIDENCE_COLUMNS = (
    "kind",
    "title",
    "description",
    "source",
    "evidence_date",
    "component",
    "consent",
    "consent_note",
    "sha256",
    "url",
    "original_name",
    "mime_type",
    "size",
    "taken_at",
    "has_location",
    "collected_by",
    "added_at",
)
# what a member may change on an item: what staff may edit anywhere, and its blur regions
EVIDENCE_EDITABLE = (*EDITABLE_FIELDS, "regions")
REGION_COLUMNS = ("position", "x", "y", "w", "h", "mode", "shape")
ACTION_COLUMNS = (
    "position",
    "theme",
    "descriptor",
    "priority_id",
    "action",
    "lead",
    "resources",
    "starts_on",
    "ends_on",
    "monitoring",
    "success_criteria",
    "status",
)
RATING_COLUMNS = ("level_key", "rated_on", "comment", "gap", "rated_by", "created_at")
JUDGEMENT_COLUMNS = ("level_key", "judged_on", "comment", "judged_by", "created_at")
THEME_EDITABLE = ("summative_comment", "gathering_started", "gathering_ended")
COVER_SHEET_EDITABLE = ("lead", "started_on", "impact_summary")
DIARY_COLUMNS = ("priority_id", "entry_date", "text", "author")
STAFF_COLUMNS = ("name", "role", "email", "in_core_team")
# record tables whose fields are compared one by one (table -> editable fields)
EDITABLE = {
    "texts": ("body",),
    "themes": THEME_EDITABLE,
    "priorities": ("title", "description"),
    "cover_sheets": COVER_SHEET_EDITABLE,
    "evidence": EVIDENCE_EDITABLE,
    "actions": tuple(c for c in ACTION_COLUMNS if c != "position"),
    "diary": ("entry_date", "text", "author"),
}
NEW_ROW_DEFAULTS: dict[str, dict[str, object]] = {
    "texts": {"body": ""},
    "cover_sheets": {"lead": "", "started_on": None, "impact_summary": ""},
}


def _rows(conn: sqlite3.Connection, sql: str, args=()) -> list[tuple]:
    return conn.execute(sql, args).fetchall()


def _evidence(conn: sqlite3.Connection) -> dict[str, dict]:
    regions: dict[int, list] = {}
    for row in _rows(
        conn,
        f"SELECT evidence_id, {', '.join(REGION_COLUMNS)} FROM redaction_region "
        "ORDER BY evidence_id, position, id",
    ):
        regions.setdefault(row[0], []).append(list(row[1:]))
    items = {}
    for row in _rows(
        conn, f"SELECT id, {', '.join(EVIDENCE_COLUMNS)} FROM evidence_item ORDER BY id"
    ):
        item = dict(zip(EVIDENCE_COLUMNS, row[1:]))
        item["regions"] = regions.get(row[0], [])
        items[str(row[0])] = item
    return items


def _links(conn: sqlite3.Connection) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    keys: dict[str, list[str]] = {}
    cross: dict[str, list[str]] = {}
    for code, evidence_id, role in _rows(
        conn,
        "SELECT d.code, l.evidence_id, l.role FROM descriptor_link l "
        "JOIN descriptor d ON d.id = l.descriptor_id "
        "ORDER BY d.code, l.role, l.slot, l.evidence_id",
    ):
        (keys if role == "key" else cross).setdefault(code, []).append(str(evidence_id))
    return keys, cross


def snapshot(conn: sqlite3.Connection) -> dict:
    """The contributable state of the portfolio on conn (see the module docstring); ids as strings."""
    keys, cross = _links(conn)
    cover_links: dict[str, list[str]] = {}
    for priority_id, evidence_id in _rows(
        conn,
        "SELECT c.priority_id, l.evidence_id FROM cover_sheet_link l "
        "JOIN cover_sheet c ON c.id = l.cover_sheet_id "
        "ORDER BY c.priority_id, l.evidence_id",
    ):
        cover_links.setdefault(str(priority_id), []).append(str(evidence_id))
    return {
        "texts": {
            key: {"body": body} for key, body in _rows(conn, "SELECT key, body FROM portfolio_text")
        },
        "themes": {
            row[0]: dict(zip(THEME_EDITABLE, row[1:]))
            for row in _rows(conn, f"SELECT code, {', '.join(THEME_EDITABLE)} FROM theme")
        },
        "priorities": {
            str(row[0]): {"title": row[1], "description": row[2]}
            for row in _rows(conn, "SELECT id, title, description FROM priority")
        },
        "cover_sheets": {
            str(row[0]): dict(zip(COVER_SHEET_EDITABLE, row[1:]))
            for row in _rows(
                conn, f"SELECT priority_id, {', '.join(COVER_SHEET_EDITABLE)} FROM cover_sheet"
            )
        },
        "evidence": _evidence(conn),
        "keys": keys,
        "cross": cross,
        "cover_links": cover_links,
        "ratings": {
            str(row[0]): {"descriptor": row[1], **dict(zip(RATING_COLUMNS, row[2:]))}
            for row in _rows(
                conn,
                f"SELECT r.id, d.code, {', '.join('r.' + c for c in RATING_COLUMNS)} FROM audit_rating r "
                "JOIN descriptor d ON d.id = r.descriptor_id",
            )
        },
        "judgements": {
            str(row[0]): {"theme": row[1], **dict(zip(JUDGEMENT_COLUMNS, row[2:]))}
            for row in _rows(
                conn,
                f"SELECT j.id, t.code, {', '.join('j.' + c for c in JUDGEMENT_COLUMNS)} FROM theme_judgement j "
                "JOIN theme t ON t.id = j.theme_id",
            )
        },
        "actions": {
            str(row[0]): dict(zip(ACTION_COLUMNS, row[1:]))
            for row in _rows(
                conn,
                "SELECT a.id, a.position, t.code, d.code, a.priority_id, a.action, a.lead, a.resources, "
                "a.starts_on, a.ends_on, a.monitoring, a.success_criteria, a.status FROM action_item a "
                "LEFT JOIN theme t ON t.id = a.theme_id LEFT JOIN descriptor d ON d.id = a.descriptor_id",
            )
        },
        "staff": {
            str(row[0]): dict(zip(STAFF_COLUMNS, row[1:]))
            for row in _rows(conn, f"SELECT id, {', '.join(STAFF_COLUMNS)} FROM staff")
        },
        "diary": {
            str(row[0]): dict(zip(DIARY_COLUMNS, row[1:]))
            for row in _rows(
                conn,
                "SELECT e.id, c.priority_id, e.entry_date, e.text, e.author FROM diary_entry e "
                "JOIN cover_sheet c ON c.id = e.cover_sheet_id",
            )
        },
    }


def links_of(state: dict, evidence_id: str) -> dict[str, list[str]]:
    """Where one item is presented in a state: key and cross descriptor codes, cover sheets (by priority)."""
    return {
        name: sorted(owner for owner, ids in state[name].items() if evidence_id in ids)
        for name in ("keys", "cross", "cover_links")
    }
