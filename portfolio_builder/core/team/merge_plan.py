"""Plan a merge: for every change of a contribution pack, whether it comes in, is already there, or conflicts.

A change is compared three ways: its value when the copy was made (base), in the copy (after), and
in the lead's portfolio now. The lead's value still at base: it comes in; already at after: nothing
to do; anything else: the lead decides (mine keeps the portfolio as it is, theirs takes the copy's).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInput
from ..storage.portfolio_file import Portfolio
from .identity import read_identity
from .pack_reader import ContributionPack, open_pack
from .team_state import EDITABLE, NEW_ROW_DEFAULTS, links_of, snapshot

NEW, ALREADY, CONFLICT, REFUSED, DECLINED_BEFORE = (
    "new",
    "already-there",
    "conflict",
    "refused",
    "declined-before",
)
CONFLICT_WORDS = {
    "key-slots": "key evidence filled differently on both sides",
    "both-changed": "changed on both sides",
    "both-rated": "rated differently on both sides",
    "deleted-and-tagged": "deleted on one side, tagged on the other",
    "deleted-and-changed": "deleted on one side, changed on the other",
}


@dataclass
class PlannedChange:
    """One change of the pack and what the merge would do with it."""

    change: dict
    verdict: str
    reason: str = ""
    conflict: str = ""  # a key of CONFLICT_WORDS when verdict is CONFLICT
    mine: str = ""  # what the lead's portfolio holds (for a conflict)
    theirs: str = ""  # what the copy holds

    @property
    def id(self) -> str:
        return self.change["id"]


@dataclass
class MergePlan:
    """What merging a pack would do: its head, each change's verdict, and whether it was merged before."""

    head: dict
    changes: list[PlannedChange] = field(default_factory=list)
    merged_before_at: str = ""

    def having(self, verdict: str) -> list[PlannedChange]:
        return [c for c in self.changes if c.verdict == verdict]

    @property
    def conflicts(self) -> list[PlannedChange]:
        return self.having(CONFLICT)

    @property
    def incoming(self) -> list[PlannedChange]:
        return self.having(NEW)


class Resolver:
    """Finds the lead's item for an evidence reference of the pack: same id if it existed when the copy was
    made and still holds the same file or link, else by SHA-256 (or web address): never imported twice."""

    def __init__(self, lead: dict, evidence: dict[str, dict]):
        self.lead, self.evidence = lead, evidence
        self.created: dict[str, str] = {}
        self.by_sha: dict[str, str] = {}
        self.by_url: dict[str, str] = {}
        for key, row in sorted(lead["evidence"].items(), key=lambda kv: int(kv[0]), reverse=True):
            if row["sha256"]:
                self.by_sha[row["sha256"]] = key
            elif row["url"]:
                self.by_url[row["url"]] = key

    def resolve(self, ref: str) -> str | None:
        if ref in self.created:
            return self.created[ref]
        row = self.evidence[ref]["row"]
        if self.evidence[ref]["baseline"]:
            mine = self.lead["evidence"].get(ref)
            if mine and mine["sha256"] == row["sha256"] and mine["url"] == row["url"]:
                return ref
        return (
            self.by_sha.get(row["sha256"])
            if row.get("sha256")
            else self.by_url.get(row.get("url") or "")
        )

    def deleted_here(self, ref: str) -> bool:
        """Whether the item existed when the copy was made but the lead's portfolio no longer has it."""
        return self.evidence[ref]["baseline"] and self.resolve(ref) is None

    def title(self, ref: str) -> str:
        return f"'{self.evidence[ref]['row']['title']}'"


def _same_rows(a: dict, b: dict, columns) -> bool:
    return all(str(a.get(c)) == str(b.get(c)) for c in columns)


class _Planner:
    def __init__(self, conn: sqlite3.Connection, pack: ContributionPack):
        self.lead = snapshot(conn)
        self.pack = pack
        self.resolver = Resolver(self.lead, pack.evidence)
        self.descriptors = {r[0] for r in conn.execute("SELECT code FROM descriptor")}

    def three_way(self, current, change: dict, conflict: str = "both-changed") -> tuple:
        if current == change["after"]:
            return ALREADY, "", ""
        if current == change["base"]:
            return NEW, "", ""
        return CONFLICT, conflict, current

    def edit(self, change: dict) -> tuple:
        table, key, name = (change["target"][k] for k in ("table", "key", "field"))
        if table == "evidence":
            if self.resolver.deleted_here(key):
                return CONFLICT, "deleted-and-changed", "deleted"
            found = self.resolver.resolve(key)
            return self.three_way(self.lead["evidence"][found][name] if found else None, change)
        if (
            table == "cover_sheets"
            and key not in self.lead["priorities"]
            or table in ("themes", "priorities")
            and key not in self.lead[table]
        ):
            return REFUSED, "it is no longer in this portfolio", ""
        row = self.lead[table].get(key) or NEW_ROW_DEFAULTS.get(table)
        if row is None:
            return REFUSED, "it was deleted here", ""
        return self.three_way(row.get(name), change)

    def delete(self, change: dict) -> tuple:
        table, key = change["target"]["table"], change["target"]["key"]
        if table == "evidence":
            found = self.resolver.resolve(key)
            if found is None:
                return ALREADY, "", ""
            mine = self.lead["evidence"][found]
            if links_of(self.lead, found) != change["target"]["links"]:
                return CONFLICT, "deleted-and-tagged", "kept and tagged"
            if any(mine[f] != change["base"][f] for f in EDITABLE["evidence"]):
                return CONFLICT, "deleted-and-changed", "kept and changed"
            return NEW, "", ""
        row = self.lead[table].get(key)
        if row is None:
            return ALREADY, "", ""
        return (
            (NEW, "", "")
            if row == change["base"]
            else (CONFLICT, "deleted-and-changed", "kept and changed")
        )

    def link(self, change: dict) -> tuple:
        kind, target = change["kind"], change["target"]
        owner = target.get("descriptor") or target.get("priority_id")
        if ("descriptor" in target and owner not in self.descriptors) or (
            "priority_id" in target and owner not in self.lead["priorities"]
        ):
            return REFUSED, "it is no longer in this portfolio", ""
        if kind == "keys":
            if any(self.resolver.deleted_here(ref) for ref in change["after"]):
                return CONFLICT, "deleted-and-tagged", "deleted"
            after = [self.resolver.resolve(ref) or f"new:{ref}" for ref in change["after"]]
            base = [self.resolver.resolve(ref) or f"gone:{ref}" for ref in change["base"]]
            current = self.lead["keys"].get(owner, [])
            if after == current:
                return ALREADY, "", ""
            return (NEW, "", "") if current == base else (CONFLICT, "key-slots", current)
        ref = target["ref"]
        found = self.resolver.resolve(ref)
        table = "cover_links" if kind.startswith("cover_links") else "cross"
        present = found is not None and (
            found in self.lead[table].get(owner, [])
            or table == "cross"
            and found in self.lead["keys"].get(owner, [])
        )
        if kind.endswith("-remove"):
            return (NEW, "", "") if found in self.lead[table].get(owner, []) else (ALREADY, "", "")
        if self.resolver.deleted_here(ref):
            return CONFLICT, "deleted-and-tagged", "deleted"
        return (ALREADY, "", "") if present else (NEW, "", "")

    def rating(self, change: dict) -> tuple:
        table, owner, date = (
            ("ratings", "descriptor", "rated_on")
            if change["kind"] == "rating"
            else ("judgements", "theme", "judged_on")
        )
        code = change["target"][owner]
        if (
            owner == "descriptor"
            and code not in self.descriptors
            or owner == "theme"
            and code not in self.lead["themes"]
        ):
            return REFUSED, "it is no longer in this portfolio", ""
        mine = [
            r
            for _k, r in sorted(
                ((k, r) for k, r in self.lead[table].items() if r[owner] == code),
                key=lambda kr: (str(kr[1][date]), int(kr[0])),
            )
        ]
        same = (
            ("level_key", "gap", "rated_by", "created_at")
            if table == "ratings"
            else ("level_key", "judged_by", "created_at")
        )
        if all(any(_same_rows(row, m, same) for m in mine) for row in change["after"]):
            return ALREADY, "", ""
        current = mine[-1]["level_key"] if mine else None
        if current in (change["base"], change["after"][-1]["level_key"]):
            return NEW, "", ""
        return CONFLICT, "both-rated", current

    def new_row(self, change: dict) -> tuple:
        row = change["after"]
        if change["kind"] == "evidence-new":
            found = self.resolver.resolve(change["target"]["ref"])
            return (
                (ALREADY, f"the same file is already item {found}", "") if found else (NEW, "", "")
            )
        if change["kind"] == "diary-new":
            if str(row["priority_id"]) not in self.lead["priorities"]:
                return (
                    REFUSED,
                    "its priority is not in this portfolio (made on the copy, or deleted here)",
                    "",
                )
            same = any(
                _same_rows(row, m, ("priority_id", "entry_date", "text", "author"))
                for m in self.lead["diary"].values()
            )
            return (ALREADY, "", "") if same else (NEW, "", "")
        if change["kind"] == "staff-new":
            same = any(
                str(row["name"]).casefold() == m["name"].casefold()
                for m in self.lead["staff"].values()
            )
            return (ALREADY, "", "") if same else (NEW, "", "")
        same = any(
            _same_rows(row, m, ("action", "lead", "starts_on", "ends_on", "priority_id"))
            for m in self.lead["actions"].values()
        )
        return (ALREADY, "", "") if same else (NEW, "", "")

    def plan(self, change: dict) -> PlannedChange:
        kind = change["kind"]
        handler = {
            "edit": self.edit,
            "delete": self.delete,
            "rating": self.rating,
            "judgement": self.rating,
        }.get(
            kind,
            self.link
            if kind == "keys" or kind.startswith(("cross", "cover_links"))
            else self.new_row,
        )
        verdict, detail, mine = handler(change)
        if verdict == CONFLICT:
            return PlannedChange(
                change,
                CONFLICT,
                f"{change['summary']}: {CONFLICT_WORDS[detail]}",
                detail,
                self.mine_words(mine),
                self.theirs_words(change),
            )
        return PlannedChange(change, verdict, detail if verdict == REFUSED or detail else "")

    def mine_words(self, value) -> str:
        """What the lead's portfolio holds, in words (a key-evidence list by its titles)."""
        if isinstance(value, list):
            return (
                ", ".join(
                    self.lead["evidence"][v]["title"] for v in value if v in self.lead["evidence"]
                )
                or "none"
            )
        return "nothing" if value in (None, "") else str(value)[:200]

    def theirs_words(self, change: dict) -> str:
        """What the copy holds, in words (its own items by their titles in the pack)."""
        kind, after = change["kind"], change["after"]
        if kind == "keys":
            return ", ".join(self.pack.evidence[ref]["row"]["title"] for ref in after) or "none"
        if kind in ("rating", "judgement"):
            return str(after[-1]["level_key"])
        if kind == "delete":
            return "deleted"
        if "ref" in change["target"]:
            return f"{self.resolver.title(change['target']['ref'])} {'kept and tagged' if after else 'untagged'}"
        return "nothing" if after in (None, "") else str(after)[:200]


def plan_in_connection(
    conn: sqlite3.Connection, pack: ContributionPack
) -> tuple[MergePlan, Resolver]:
    """The plan for a verified pack against the portfolio on conn (refusing another portfolio's pack)."""
    identity = read_identity(conn)
    if identity is None or identity.portfolio_id != pack.head["portfolio_id"]:
        raise BadInput(
            f"{pack.path.name} belongs to another portfolio (it was made from a team copy of "
            f"'{pack.head.get('setting', '?')}'s portfolio); nothing was merged."
        )
    if identity.is_copy:
        raise BadInput(
            f"This file is a team copy (for {identity.copy_for}); merge packs into the lead's "
            "portfolio. Nothing was merged."
        )
    merged = conn.execute(
        "SELECT min(merged_at) FROM merge_log WHERE pack_id = ?", (pack.pack_id,)
    ).fetchone()[0]
    plan = MergePlan(pack.head, merged_before_at=str(merged or ""))
    earlier = dict(
        conn.execute(
            "SELECT change_id, outcome FROM merge_log WHERE copy_id = ? AND outcome IN "
            "('applied', 'declined') ORDER BY id",
            (pack.head["copy_id"],),
        ).fetchall()
    )
    planner = _Planner(conn, pack)
    try:
        for change in pack.changes:
            planned = planner.plan(change)
            if earlier.get(planned.id) == "applied" and planned.verdict in (NEW, CONFLICT):
                # merged from an earlier pack of this copy: what the lead did with it since is the lead's
                planned = PlannedChange(change, ALREADY, "merged from an earlier pack")
            elif earlier.get(planned.id) == "declined" and planned.verdict == CONFLICT:
                planned.verdict, planned.reason = DECLINED_BEFORE, "declined at an earlier merge"
            plan.changes.append(planned)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise BadInput(
            f"{pack.path.name} is malformed ({type(exc).__name__} in its changes); "
            "nothing was merged."
        ) from None
    return plan, planner.resolver


def plan_merge(portfolio: Portfolio, pack: Path | ContributionPack) -> MergePlan:
    """What merging the pack at path (or an opened pack) into the portfolio would do; nothing is written."""
    opened = pack if isinstance(pack, ContributionPack) else open_pack(Path(pack))
    try:
        with portfolio.raw_connection() as conn:
            return plan_in_connection(conn, opened)[0]
    finally:
        if opened is not pack:
            opened.close()
