"""Who contributed what and when: the merge log read back for the dashboard, the command line and reviews."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field


@dataclass
class Contribution:
    """One merged pack: who sent it, when it was merged, and how many of its changes of each kind came in."""

    contributor: str
    merged_at: str
    pack_id: str
    applied: dict[str, int] = field(default_factory=dict)  # change kind -> count applied
    declined: int = 0
    refused: int = 0

    def words(self) -> str:
        """'3 new evidence, 1 rating, 2 diary entries' for the dashboard."""
        names = {
            "evidence-new": "new evidence",
            "rating": "rating(s)",
            "judgement": "best-fit judgement(s)",
            "diary-new": "diary entr(ies)",
            "action-new": "action(s)",
            "edit": "edit(s)",
            "keys": "key evidence",
            "delete": "deletion(s)",
            "staff-new": "team member(s)",
        }
        parts, tags = [], 0
        for kind, count in sorted(self.applied.items()):
            if kind in names:
                parts.append(f"{count} {names[kind]}")
            else:
                tags += count
        if tags:
            parts.append(f"{tags} tag(s)")
        return ", ".join(parts) or "nothing new"


def contributions(conn: sqlite3.Connection) -> list[Contribution]:
    """Every merged pack, oldest first."""
    packs: dict[str, Contribution] = {}
    for pack_id, contributor, merged_at, kind, outcome in conn.execute(
        "SELECT pack_id, contributor, merged_at, kind, outcome FROM merge_log ORDER BY merged_at, id"
    ):
        entry = packs.setdefault(pack_id, Contribution(contributor, str(merged_at), pack_id))
        if outcome == "applied":
            entry.applied[kind] = entry.applied.get(kind, 0) + 1
        elif outcome == "declined":
            entry.declined += 1
        elif outcome == "refused":
            entry.refused += 1
    return list(packs.values())


def declined_changes(conn: sqlite3.Connection) -> list[dict]:
    """Every change the lead declined (or that could not be applied), whole, as the pack held it."""
    return [
        {**json.loads(change), "outcome": outcome, "contributor": contributor}
        for change, outcome, contributor in conn.execute(
            "SELECT change, outcome, contributor FROM merge_log WHERE outcome IN ('declined', 'refused') "
            "ORDER BY id"
        )
    ]


def contributions_of(portfolio) -> list[Contribution]:
    """contributions() of an open Portfolio."""
    with portfolio.raw_connection() as conn:
        return contributions(conn)
