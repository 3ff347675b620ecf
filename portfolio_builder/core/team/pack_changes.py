"""What a team member added or changed since their copy was made: the baseline and the copy now, compared.

Each change is a plain dict (it goes into the pack's changes.json): its kind, what it is about
(target), the value at the baseline (base) and in the copy (after), who made it and when, and a
summary a person can read. Its id is a hash of what it changes, so the same change has the same id
in every pack from the same copy (a change declined once is recognised when it comes again).
"""

from __future__ import annotations

import hashlib
import json

from .team_state import EDITABLE, NEW_ROW_DEFAULTS, links_of

NEW_ROWS = (
    "evidence",
    "actions",
    "diary",
)  # tables whose new rows come in (others are the scheme's structure)
TABLE_WORDS = {
    "texts": "the text",
    "themes": "theme",
    "priorities": "priority",
    "cover_sheets": "cover sheet",
    "evidence": "evidence",
    "actions": "action",
    "diary": "diary entry",
}


def change_id(change: dict) -> str:
    """A short stable id for a change, from what it changes (not from who or when)."""
    content = {k: change.get(k) for k in ("kind", "target", "base", "after")}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[
        :12
    ]


def _change(kind: str, target: dict, base, after, by: str, at: str, summary: str) -> dict:
    change = {
        "kind": kind,
        "target": target,
        "base": base,
        "after": after,
        "by": by,
        "at": str(at or ""),
        "summary": summary,
    }
    change["id"] = change_id(change)
    return change


def _title(state: dict, ref: str) -> str:
    item = state["evidence"].get(ref)
    return f"'{item['title']}'" if item else f"item {ref}"


def _edits(base: dict, now: dict, by: str, at: str) -> list[dict]:
    changes = []
    for table, fields in EDITABLE.items():
        for key, row in now[table].items():
            old = base[table].get(key)
            if old is None and table in NEW_ROWS:
                continue  # a new row comes in whole
            old = old if old is not None else NEW_ROW_DEFAULTS.get(table)
            if old is None:
                continue
            for field in fields:
                if row.get(field) != old.get(field):
                    name = (
                        _title(now, key) if table == "evidence" else f"{TABLE_WORDS[table]} {key}"
                    )
                    words = (
                        f"{name}: {field.replace('_', ' ')} changed"
                        if table != "texts"
                        else f"Text '{key.replace('-', ' ')}' rewritten"
                    )
                    changes.append(
                        _change(
                            "edit",
                            {"table": table, "key": key, "field": field},
                            old.get(field),
                            row.get(field),
                            by,
                            at,
                            words[:1].upper() + words[1:],
                        )
                    )
        if table in NEW_ROWS:
            for key, old in base[table].items():
                if key not in now[table]:
                    extra = links_of(base, key) if table == "evidence" else None
                    name = (
                        _title(base, key) if table == "evidence" else f"{TABLE_WORDS[table]} {key}"
                    )
                    changes.append(
                        _change(
                            "delete",
                            {"table": table, "key": key, "links": extra},
                            old,
                            None,
                            by,
                            at,
                            f"{name} deleted",
                        )
                    )
    return changes


def _new_rows(base: dict, now: dict, by: str, at: str) -> list[dict]:
    changes = []
    for key, item in now["evidence"].items():
        if key not in base["evidence"]:
            changes.append(
                _change(
                    "evidence-new",
                    {"ref": key, "sha256": item["sha256"], "url": item["url"]},
                    None,
                    item,
                    by,
                    item["added_at"],
                    f"New {item['kind']} '{item['title']}'",
                )
            )
    for key, row in now["actions"].items():
        if key not in base["actions"]:
            changes.append(
                _change(
                    "action-new", {"key": key}, None, row, by, at, f"New action '{row['action']}'"
                )
            )
    for key, row in now["diary"].items():
        if key not in base["diary"]:
            changes.append(
                _change(
                    "diary-new",
                    {"priority_id": row["priority_id"]},
                    None,
                    row,
                    by,
                    row["entry_date"],
                    f"Diary entry of {row['entry_date']} for priority {row['priority_id']}: {row['text'][:60]}",
                )
            )
    known = {row["name"].casefold() for row in base.get("staff", {}).values()}
    for key, row in now.get("staff", {}).items():
        if key not in base.get("staff", {}) and row["name"].casefold() not in known:
            changes.append(
                _change(
                    "staff-new",
                    {"name": row["name"]},
                    None,
                    row,
                    by,
                    at,
                    f"New team member '{row['name']}'",
                )
            )
    for table, owner, kind in (
        ("ratings", "descriptor", "rating"),
        ("judgements", "theme", "judgement"),
    ):
        grouped: dict[str, list[dict]] = {}
        for key, row in now[table].items():
            if key not in base[table]:
                grouped.setdefault(row[owner], []).append(row)
        for code, rows in sorted(grouped.items()):
            base_rows = sorted(
                (r for r in base[table].values() if r[owner] == code),
                key=lambda r: str(r.get("rated_on") or r.get("judged_on")),
            )
            rows.sort(
                key=lambda r: (str(r.get("rated_on") or r.get("judged_on")), str(r["created_at"]))
            )
            changes.append(
                _change(
                    kind,
                    {owner: code},
                    base_rows[-1]["level_key"] if base_rows else None,
                    rows,
                    by,
                    rows[-1]["created_at"],
                    f"{kind.title()} of {code}: {rows[-1]['level_key']}",
                )
            )
    return changes


def _links(base: dict, now: dict, by: str, at: str) -> list[dict]:
    changes = []
    for code in sorted(set(base["keys"]) | set(now["keys"])):
        old, new = base["keys"].get(code, []), now["keys"].get(code, [])
        if old != new:
            titles = ", ".join(_title(now, ref) for ref in new) or "none"
            changes.append(
                _change(
                    "keys",
                    {"descriptor": code},
                    old,
                    new,
                    by,
                    at,
                    f"Key evidence of {code}: {titles}",
                )
            )
    for name, owner, word in (
        ("cross", "descriptor", "cross-reference"),
        ("cover_links", "priority_id", "cover sheet of priority"),
    ):
        for key in sorted(set(base[name]) | set(now[name])):
            old, new = set(base[name].get(key, [])), set(now[name].get(key, []))
            for ref in sorted(new - old):
                changes.append(
                    _change(
                        f"{name}-add",
                        {owner: key, "ref": ref},
                        None,
                        ref,
                        by,
                        at,
                        f"{_title(now, ref)} added as {word} {key}",
                    )
                )
            for ref in sorted(old - new):
                changes.append(
                    _change(
                        f"{name}-remove",
                        {owner: key, "ref": ref},
                        ref,
                        None,
                        by,
                        at,
                        f"{_title(base, ref)} no longer {word} {key}",
                    )
                )
    return changes


def contribution(base: dict, now: dict, by: str, at: str) -> list[dict]:
    """Every change from base (the copy's baseline) to now (the copy as it is), in the order a merge applies them."""
    return _new_rows(base, now, by, at) + _edits(base, now, by, at) + _links(base, now, by, at)


def referenced_evidence(base: dict, now: dict, changes: list[dict]) -> dict[str, dict]:
    """The evidence the changes name (by the copy's id), each with whether it existed when the copy was made."""
    refs: set[str] = set()
    for change in changes:
        target = change["target"]
        if change["kind"] == "evidence-new" or "ref" in target:
            refs.add(target["ref"])
        elif change["kind"] in ("edit", "delete") and target["table"] == "evidence":
            refs.add(target["key"])
        elif change["kind"] == "keys":
            refs.update(change["base"] + change["after"])
    items = {}
    for ref in sorted(refs, key=int):
        row = now["evidence"].get(ref) or base["evidence"].get(ref)
        items[ref] = {
            "baseline": ref in base["evidence"],
            "present": ref in now["evidence"],
            "row": row,
        }
    return items
