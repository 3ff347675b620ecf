"""The writes of a merge, one change at a time, inside the merge's transaction (raw SQL on the lead's file)."""

from __future__ import annotations

import sqlite3

from ..errors import PortfolioError
from ..scheme.store import load_scheme
from ..storage.evidence_store import delete_stored_file, has_stored_file, store_stream
from .merge_plan import Resolver
from .pack_reader import ContributionPack
from .team_state import EVIDENCE_COLUMNS, REGION_COLUMNS

# what makes a rating the same rating in two files (its date and comment may be re-dated when it comes in)
SAME_ROW_COLUMNS = {
    "audit_rating": ("level_key", "gap", "rated_by", "created_at"),
    "theme_judgement": ("level_key", "judged_by", "created_at"),
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

    def one(self, sql: str, args=()):
        row = self.conn.execute(sql, args).fetchone()
        return row[0] if row else None

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
            self.conn.execute(
                "INSERT OR IGNORE INTO thumbnail (sha256, width, height, jpeg) VALUES (?, ?, ?, ?)",
                (row["sha256"], thumb["width"], thumb["height"], jpeg),
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
        item_id = self.conn.execute(
            f"INSERT INTO evidence_item ({', '.join(values)}) VALUES "
            f"({', '.join('?' for _ in values)})",
            tuple(values.values()),
        ).lastrowid
        self._regions(str(item_id), info["row"].get("regions") or [])
        self.resolver.created[ref] = str(item_id)
        return str(item_id)

    def _regions(self, item_id: str, regions: list) -> None:
        self.conn.execute("DELETE FROM redaction_region WHERE evidence_id = ?", (int(item_id),))
        for region in regions:
            self.conn.execute(
                f"INSERT INTO redaction_region (evidence_id, {', '.join(REGION_COLUMNS)}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (int(item_id), *region),
            )

    def _delete_item(self, item_id: str) -> None:
        sha256 = self.one("SELECT sha256 FROM evidence_item WHERE id = ?", (int(item_id),))
        self.conn.execute("DELETE FROM evidence_item WHERE id = ?", (int(item_id),))
        if (
            sha256
            and self.one("SELECT 1 FROM evidence_item WHERE sha256 = ? LIMIT 1", (sha256,)) is None
        ):
            delete_stored_file(self.conn, sha256)

    # lookups ------------------------------------------------------------------------------------------
    def descriptor_id(self, code: str) -> int:
        return self.one("SELECT id FROM descriptor WHERE code = ?", (code,))

    def cover_sheet_id(self, priority_id) -> int:
        found = self.one("SELECT id FROM cover_sheet WHERE priority_id = ?", (int(priority_id),))
        if found is None:
            found = self.conn.execute(
                "INSERT INTO cover_sheet (priority_id, lead, impact_summary) VALUES (?, '', '')",
                (int(priority_id),),
            ).lastrowid
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
                self.conn.execute(
                    f"UPDATE evidence_item SET {name} = ? WHERE id = ?", (value, int(item_id))
                )
        elif table == "texts":
            self.conn.execute(
                "INSERT INTO portfolio_text (key, body) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET body = excluded.body",
                (key, value or ""),
            )
        elif table == "themes":
            self.conn.execute(f"UPDATE theme SET {name} = ? WHERE code = ?", (value, key))
        elif table == "priorities":
            self.conn.execute(f"UPDATE priority SET {name} = ? WHERE id = ?", (value, int(key)))
        elif table == "cover_sheets":
            self.conn.execute(
                f"UPDATE cover_sheet SET {name} = ? WHERE id = ?", (value, self.cover_sheet_id(key))
            )
        elif table == "actions":
            column, value = self._action_value(name, value)
            self.conn.execute(
                f"UPDATE action_item SET {column} = ? WHERE id = ?", (value, int(key))
            )
        elif table == "diary":
            self.conn.execute(f"UPDATE diary_entry SET {name} = ? WHERE id = ?", (value, int(key)))

    def _action_value(self, name: str, value):
        if name == "theme":
            return "theme_id", self.one("SELECT id FROM theme WHERE code = ?", (value,))
        if name == "descriptor":
            return "descriptor_id", self.descriptor_id(value) if value else None
        if name == "priority_id":
            return "priority_id", self.one(
                "SELECT id FROM priority WHERE id = ?", (value,)
            ) if value else None
        return name, value

    def _delete(self, change: dict) -> None:
        table, key = change["target"]["table"], change["target"]["key"]
        if table == "evidence":
            found = self.resolver.resolve(key)
            if found is not None:
                self._delete_item(found)
        else:
            self.conn.execute(
                f"DELETE FROM {'action_item' if table == 'actions' else 'diary_entry'} WHERE id = ?",
                (int(key),),
            )

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
        notes = dict(
            self.conn.execute(
                "SELECT evidence_id, note FROM descriptor_link WHERE descriptor_id = ?",
                (descriptor_id,),
            ).fetchall()
        )
        self.conn.execute(
            "DELETE FROM descriptor_link WHERE descriptor_id = ? AND role = 'key'", (descriptor_id,)
        )
        for slot, item_id in enumerate(after, start=1):
            self.conn.execute(
                "DELETE FROM descriptor_link WHERE descriptor_id = ? AND evidence_id = ?",
                (descriptor_id, int(item_id)),
            )
            self.conn.execute(
                "INSERT INTO descriptor_link (evidence_id, descriptor_id, role, slot, note) "
                "VALUES (?, ?, 'key', ?, ?)",
                (int(item_id), descriptor_id, slot, notes.get(int(item_id), "")),
            )

    def _cross_add(self, change: dict) -> None:
        item_id = self.create_item(change["target"]["ref"])
        self.conn.execute(
            "INSERT OR IGNORE INTO descriptor_link (evidence_id, descriptor_id, role, slot, note) "
            "VALUES (?, ?, 'cross', NULL, '')",
            (_id(item_id), self.descriptor_id(change["target"]["descriptor"])),
        )

    def _cross_remove(self, change: dict) -> None:
        item_id = self.resolver.resolve(change["target"]["ref"])
        self.conn.execute(
            "DELETE FROM descriptor_link WHERE evidence_id = ? AND descriptor_id = ? AND role = 'cross'",
            (_id(item_id), self.descriptor_id(change["target"]["descriptor"])),
        )

    def _cover_links_add(self, change: dict) -> None:
        item_id = self.create_item(change["target"]["ref"])
        self.conn.execute(
            "INSERT OR IGNORE INTO cover_sheet_link (cover_sheet_id, evidence_id) VALUES (?, ?)",
            (self.cover_sheet_id(change["target"]["priority_id"]), _id(item_id)),
        )

    def _cover_links_remove(self, change: dict) -> None:
        item_id = self.resolver.resolve(change["target"]["ref"])
        self.conn.execute(
            "DELETE FROM cover_sheet_link WHERE cover_sheet_id = ? AND evidence_id = ?",
            (self.cover_sheet_id(change["target"]["priority_id"]), _id(item_id)),
        )

    def _rating(self, change: dict) -> None:
        self._history(
            change,
            "audit_rating",
            "descriptor_id",
            self.descriptor_id(change["target"]["descriptor"]),
            ("level_key", "rated_on", "comment", "gap", "rated_by", "created_at"),
        )

    def _judgement(self, change: dict) -> None:
        self._history(
            change,
            "theme_judgement",
            "theme_id",
            self.one("SELECT id FROM theme WHERE code = ?", (change["target"]["theme"],)),
            ("level_key", "judged_on", "comment", "judged_by", "created_at"),
        )

    def _history(
        self, change: dict, table: str, owner: str, owner_id: int, columns: tuple[str, ...]
    ) -> None:
        """The copy's dated rows (skipping any already here); the copy's newest becomes current even if the lead's
        own newer-dated one was there (the lead took theirs): it is then dated that day, its own date in its comment."""
        date, marks = columns[1], ", ".join("?" for _ in range(len(columns) + 1))
        same = SAME_ROW_COLUMNS[table]
        existing = {
            tuple(str(v) for v in r)
            for r in self.conn.execute(
                f"SELECT {', '.join(same)} FROM {table} WHERE {owner} = ?", (owner_id,)
            )
        }
        newest_here = self.one(f"SELECT max({date}) FROM {table} WHERE {owner} = ?", (owner_id,))
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
            self.conn.execute(
                f"INSERT INTO {table} ({owner}, {', '.join(columns)}) VALUES ({marks})",
                (owner_id, *values),
            )

    def _diary_new(self, change: dict) -> None:
        row = change["after"]
        self.conn.execute(
            "INSERT INTO diary_entry (cover_sheet_id, entry_date, text, author) VALUES (?, ?, ?, ?)",
            (
                self.cover_sheet_id(row["priority_id"]),
                row["entry_date"],
                row["text"],
                row["author"],
            ),
        )

    def _action_new(self, change: dict) -> None:
        row = change["after"]
        values = {c: row.get(c) for c in PLAIN_ACTION_COLUMNS}
        for name in ("theme", "descriptor", "priority_id"):
            column, value = self._action_value(name, row.get(name))
            values[column] = value
        values["position"] = (self.one("SELECT max(position) FROM action_item") or 0) + 1
        self.conn.execute(
            f"INSERT INTO action_item ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
            tuple(values.values()),
        )

    def _staff_new(self, change: dict) -> None:
        row = change["after"]
        self.conn.execute(
            "INSERT INTO staff (name, role, email, is_lead, in_core_team) VALUES (?, ?, ?, 0, ?)",
            (
                str(row["name"]),
                str(row.get("role") or ""),
                str(row.get("email") or ""),
                int(bool(row.get("in_core_team", True))),
            ),
        )
