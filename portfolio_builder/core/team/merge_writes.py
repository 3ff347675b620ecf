"""The writes of a merge, one change at a time, inside the merge's transaction (Core statements on the lead's file)."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlmodel import col

from ..errors import PortfolioError
from ..scheme.store import load_scheme
from ..storage.core_statements import first_value, run
from ..storage.evidence_store import delete_stored_file, has_stored_file, store_stream
from ..storage.schema import (
    ActionItem,
    AuditRating,
    CoverSheet,
    CoverSheetLink,
    DescriptorLink,
    DescriptorRow,
    DiaryEntry,
    EvidenceItem,
    PortfolioText,
    Priority,
    RedactionRegion,
    Staff,
    ThemeJudgement,
    ThemeRow,
    Thumbnail,
)
from .merge_plan import Resolver
from .pack_reader import ContributionPack
from .team_state import EVIDENCE_COLUMNS, REGION_COLUMNS

# what makes a rating the same rating in two files (its date and comment may be re-dated when it comes in)
SAME_ROW_COLUMNS = {
    AuditRating: ("level_key", "gap", "rated_by", "created_at"),
    ThemeJudgement: ("level_key", "judged_by", "created_at"),
}
# the rows a pack's edit names by id (themes are named by code, evidence and cover sheets are looked up)
ROWS_BY_ID: dict[str, type[Priority | ActionItem | DiaryEntry]] = {
    "priorities": Priority,
    "actions": ActionItem,
    "diary": DiaryEntry,
}
PLAIN_ACTION_COLUMNS = (
    "action",
    "lead",
    "resources",
    "starts_on",
    "ends_on",
    "monitoring",
    "success_criteria",
    "status",
)


class NotApplied(PortfolioError):
    """A change that cannot go in after all (its file is not in the pack, the scheme's rule refuses it)."""


def _id(item_id: str | int | None) -> int:
    """An evidence id the resolver found; None means the item is not in this portfolio."""
    if item_id is None:
        raise NotApplied("the evidence item it refers to is not in this portfolio")
    return int(item_id)


class _Readable:
    """A pack member with readinto, as the evidence store reads."""

    def __init__(self, member):
        self.member = member

    def readinto(self, buffer) -> int:
        data = self.member.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class ChangeWriter:
    """Writes each change of a pack into the lead's portfolio; evidence the pack brings is made on first use."""

    def __init__(
        self, conn: sqlite3.Connection, pack: ContributionPack, resolver: Resolver, cancel=None
    ):
        self.conn, self.pack, self.resolver, self.cancel = conn, pack, resolver, cancel
        self.rule = load_scheme(conn).evidence_rule

    def one(self, statement) -> Any:
        return first_value(self.conn, statement)

    # evidence -----------------------------------------------------------------------------------------
    def _store(self, info: dict) -> None:
        row = info["row"]
        if not row.get("sha256") or has_stored_file(self.conn, row["sha256"]):
            return
        if not info.get("file"):
            raise NotApplied(f"the pack does not carry the file of '{row['title']}'")
        with self.pack.reader.open_member(f"data/{info['file']}") as member:
            if not store_stream(
                self.conn, _Readable(member), row["sha256"], row["size"], cancel=self.cancel
            ):
                raise NotApplied(f"the file of '{row['title']}' does not match its checksum")
        thumb = info.get("thumbnail")
        if thumb:
            jpeg = self.pack.reader.read_bytes(f"data/{thumb['path']}", 8 * 1024 * 1024)
            preview = {"width": thumb["width"], "height": thumb["height"], "jpeg": jpeg}
            run(
                self.conn,
                insert(Thumbnail).prefix_with("OR IGNORE").values(sha256=row["sha256"], **preview),
            )

    def create_item(self, ref: str) -> str:
        """The lead's item for ref, made from the pack (bytes, row, regions) when the portfolio lacks it."""
        found = self.resolver.resolve(ref)
        if found is not None:
            return found
        info = self.pack.evidence[ref]
        self._store(info)
        values = {c: info["row"].get(c) for c in EVIDENCE_COLUMNS}
        values["collected_by"] = values["collected_by"] or self.pack.contributor
        item_id = run(self.conn, insert(EvidenceItem).values(**values)).lastrowid
        self._regions(str(item_id), info["row"].get("regions") or [])
        self.resolver.created[ref] = str(item_id)
        return str(item_id)

    def _regions(self, item_id: str, regions: list) -> None:
        run(
            self.conn,
            delete(RedactionRegion).where(col(RedactionRegion.evidence_id) == int(item_id)),
        )
        for region in regions:
            values = dict(zip(REGION_COLUMNS, region, strict=True))
            run(self.conn, insert(RedactionRegion).values(evidence_id=int(item_id), **values))

    def _delete_item(self, item_id: str) -> None:
        the_item = col(EvidenceItem.id) == int(item_id)
        sha256 = self.one(select(col(EvidenceItem.sha256)).where(the_item))
        run(self.conn, delete(EvidenceItem).where(the_item))
        if (
            sha256
            and self.one(select(1).where(col(EvidenceItem.sha256) == sha256).limit(1)) is None
        ):
            delete_stored_file(self.conn, sha256)

    # lookups ------------------------------------------------------------------------------------------
    def descriptor_id(self, code: str) -> int:
        return self.one(select(col(DescriptorRow.id)).where(col(DescriptorRow.code) == code))

    def theme_id(self, code: str) -> int:
        return self.one(select(col(ThemeRow.id)).where(col(ThemeRow.code) == code))

    def cover_sheet_id(self, priority_id) -> int:
        found = self.one(
            select(col(CoverSheet.id)).where(col(CoverSheet.priority_id) == int(priority_id))
        )
        if found is None:
            new_sheet = insert(CoverSheet).values(priority_id=int(priority_id))
            found = run(self.conn, new_sheet).lastrowid
        return found

    # changes ------------------------------------------------------------------------------------------
    def apply(self, change: dict) -> None:
        """Write one change in a savepoint (a NotApplied change leaves nothing behind)."""
        self.conn.execute("SAVEPOINT team_change")
        try:
            getattr(self, "_" + change["kind"].replace("-", "_"))(change)
        except BaseException:
            self.conn.execute("ROLLBACK TO team_change")
            self.conn.execute("RELEASE team_change")
            raise
        self.conn.execute("RELEASE team_change")

    def _evidence_new(self, change: dict) -> None:
        self.create_item(change["target"]["ref"])

    def _edit(self, change: dict) -> None:
        table, key, name = (change["target"][k] for k in ("table", "key", "field"))
        value = change["after"]
        if table == "evidence":
            item_id = self.create_item(
                key
            )  # restores an item deleted here when the lead took theirs
            if name == "regions":
                self._regions(item_id, value or [])
            else:
                self._set(EvidenceItem, int(item_id), name, value)
        elif table == "texts":
            text = upsert(PortfolioText).values(key=key, body=value or "")
            body = text.on_conflict_do_update(
                index_elements=[col(PortfolioText.key)], set_={"body": text.excluded.body}
            )
            run(self.conn, body)
        elif table == "themes":
            edit = update(ThemeRow).where(col(ThemeRow.code) == key).values({name: value})
            run(self.conn, edit)
        elif table == "cover_sheets":
            self._set(CoverSheet, self.cover_sheet_id(key), name, value)
        elif table == "actions":
            self._set(ActionItem, int(key), *self._action_value(name, value))
        elif table in ROWS_BY_ID:
            self._set(ROWS_BY_ID[table], int(key), name, value)

    def _set(self, row_type, row_id: int, name: str, value) -> None:
        """One field of one row named by its id (a name not in the schema is refused, nothing written)."""
        run(self.conn, update(row_type).where(col(row_type.id) == row_id).values({name: value}))

    def _action_value(self, name: str, value):
        if name == "theme":
            return "theme_id", self.theme_id(value)
        if name == "descriptor":
            return "descriptor_id", self.descriptor_id(value) if value else None
        if name == "priority_id":
            found = select(col(Priority.id)).where(col(Priority.id) == value)
            return "priority_id", self.one(found) if value else None
        return name, value

    def _delete(self, change: dict) -> None:
        table, key = change["target"]["table"], change["target"]["key"]
        if table == "evidence":
            found = self.resolver.resolve(key)
            if found is not None:
                self._delete_item(found)
        else:
            row_type = ROWS_BY_ID[table]  # actions and diary entries (the pack was checked)
            run(self.conn, delete(row_type).where(col(row_type.id) == int(key)))

    def _keys(self, change: dict) -> None:
        code = change["target"]["descriptor"]
        after = [self.create_item(ref) for ref in change["after"]]
        if (
            self.rule.per_descriptor
            and self.rule.max_key is not None
            and len(after) > self.rule.max_key
        ):
            raise NotApplied(
                f"{code} would have {len(after)} key evidence items; the scheme allows "
                f"{self.rule.max_key}"
            )
        descriptor_id = self.descriptor_id(code)
        of_descriptor = col(DescriptorLink.descriptor_id) == descriptor_id
        notes = dict(
            run(
                self.conn,
                select(col(DescriptorLink.evidence_id), col(DescriptorLink.note)).where(
                    of_descriptor
                ),
            ).fetchall()
        )
        link = delete(DescriptorLink).where(of_descriptor)
        run(self.conn, link.where(col(DescriptorLink.role) == "key"))
        for slot, item_id in enumerate(after, start=1):
            run(self.conn, link.where(col(DescriptorLink.evidence_id) == int(item_id)))
            key_link = {"role": "key", "slot": slot, "note": notes.get(int(item_id), "")}
            run(
                self.conn,
                insert(DescriptorLink).values(
                    evidence_id=int(item_id), descriptor_id=descriptor_id, **key_link
                ),
            )

    def _cross_add(self, change: dict) -> None:
        item_id = self.create_item(change["target"]["ref"])
        cross = {"role": "cross", "slot": None, "note": ""}
        descriptor_id = self.descriptor_id(change["target"]["descriptor"])
        run(
            self.conn,
            insert(DescriptorLink)
            .prefix_with("OR IGNORE")
            .values(evidence_id=_id(item_id), descriptor_id=descriptor_id, **cross),
        )

    def _cross_remove(self, change: dict) -> None:
        item_id = self.resolver.resolve(change["target"]["ref"])
        descriptor_id = self.descriptor_id(change["target"]["descriptor"])
        run(
            self.conn,
            delete(DescriptorLink).where(
                col(DescriptorLink.evidence_id) == _id(item_id),
                col(DescriptorLink.descriptor_id) == descriptor_id,
                col(DescriptorLink.role) == "cross",
            ),
        )

    def _cover_links_add(self, change: dict) -> None:
        item_id = self.create_item(change["target"]["ref"])
        sheet_id = self.cover_sheet_id(change["target"]["priority_id"])
        run(
            self.conn,
            insert(CoverSheetLink)
            .prefix_with("OR IGNORE")
            .values(cover_sheet_id=sheet_id, evidence_id=_id(item_id)),
        )

    def _cover_links_remove(self, change: dict) -> None:
        item_id = self.resolver.resolve(change["target"]["ref"])
        sheet_id = self.cover_sheet_id(change["target"]["priority_id"])
        run(
            self.conn,
            delete(CoverSheetLink).where(
                col(CoverSheetLink.cover_sheet_id) == sheet_id,
                col(CoverSheetLink.evidence_id) == _id(item_id),
            ),
        )

    def _rating(self, change: dict) -> None:
        self._history(
            change,
            AuditRating,
            "descriptor_id",
            self.descriptor_id(change["target"]["descriptor"]),
            ("level_key", "rated_on", "comment", "gap", "rated_by", "created_at"),
        )

    def _judgement(self, change: dict) -> None:
        self._history(
            change,
            ThemeJudgement,
            "theme_id",
            self.theme_id(change["target"]["theme"]),
            ("level_key", "judged_on", "comment", "judged_by", "created_at"),
        )

    def _history(
        self, change: dict, table, owner: str, owner_id: int, columns: tuple[str, ...]
    ) -> None:
        """The copy's dated rows (skipping any already here); the copy's newest becomes current even if the lead's
        own newer-dated one was there (the lead took theirs): it is then dated that day, its own date in its comment."""
        date, same = getattr(table, columns[1]), SAME_ROW_COLUMNS[table]
        of_owner = getattr(table, owner) == owner_id
        existing = {
            tuple(str(v) for v in r)
            for r in run(self.conn, select(*(getattr(table, c) for c in same)).where(of_owner))
        }
        newest_here = self.one(select(func.max(date)).where(of_owner))
        rows = change["after"]
        for index, row in enumerate(rows):
            values = [row.get(c) for c in columns]
            if tuple(str(row.get(c)) for c in same) in existing:
                continue
            if index == len(rows) - 1 and newest_here and str(newest_here) > str(values[1]):
                values[2] = (
                    f"{values[2]} (given on {values[1]} in {self.pack.contributor}'s team copy)".strip()
                )
                values[1] = newest_here
            row_values = dict(zip(columns, values, strict=True))
            run(self.conn, insert(table).values({owner: owner_id, **row_values}))

    def _diary_new(self, change: dict) -> None:
        row = change["after"]
        entry = {name: row[name] for name in ("entry_date", "text", "author")}
        sheet_id = self.cover_sheet_id(row["priority_id"])
        run(self.conn, insert(DiaryEntry).values(cover_sheet_id=sheet_id, **entry))

    def _action_new(self, change: dict) -> None:
        row = change["after"]
        values = {c: row.get(c) for c in PLAIN_ACTION_COLUMNS}
        for name in ("theme", "descriptor", "priority_id"):
            column, value = self._action_value(name, row.get(name))
            values[column] = value
        values["position"] = (self.one(select(func.max(ActionItem.position))) or 0) + 1
        run(self.conn, insert(ActionItem).values(**values))

    def _staff_new(self, change: dict) -> None:
        row = change["after"]
        member = {
            "name": str(row["name"]),
            "role": str(row.get("role") or ""),
            "email": str(row.get("email") or ""),
            "is_lead": False,
            "in_core_team": bool(row.get("in_core_team", True)),
        }
        run(self.conn, insert(Staff).values(**member))
