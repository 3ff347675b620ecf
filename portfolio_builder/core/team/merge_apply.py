"""Apply a contribution pack to the lead's portfolio: backup first, then every change in ONE transaction, logged."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from ..errors import BadInput, Cancelled, ReadOnlyPortfolio
from ..storage.backups import make_backup
from ..storage.core_statements import run
from ..storage.portfolio_file import Portfolio, storage_error
from ..storage.schema import MergeLogEntry
from ..storage.storage_limits import space_refusal
from .merge_plan import ALREADY, CONFLICT, DECLINED_BEFORE, NEW, REFUSED, plan_in_connection
from .merge_writes import ChangeWriter, NotApplied
from .pack_reader import ContributionPack, open_pack

MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class MergeResult:
    """What a merge did: counts by outcome, the backup made first, and whether the pack had been merged before."""

    pack_id: str
    contributor: str
    applied: int = 0
    already: int = 0
    declined: int = 0
    refused: int = 0
    backup: Path | None = None
    merged_before_at: str = ""

    def sentence(self) -> str:
        if self.merged_before_at:
            return (
                f"This pack from {self.contributor} was merged on {self.merged_before_at[:16]}; "
                "nothing was changed."
            )
        return (
            f"Merged {self.contributor}'s contribution: {self.applied} change(s) applied, {self.already} already "
            f"there, {self.declined} declined, {self.refused} could not be applied (all kept in the merge log). "
            f"Backup first: {self.backup}."
        )


def _check_decisions(plan, decisions: dict[str, str]) -> None:
    wrong = sorted(set(v for v in decisions.values()) - {MINE, THEIRS})
    if wrong:
        raise BadInput(
            f"A decision must be 'mine' or 'theirs', not '{wrong[0]}'; nothing was merged."
        )
    undecided = [c.id for c in plan.conflicts if c.id not in decisions]
    if undecided:
        raise BadInput(
            f"{len(undecided)} conflict(s) need your decision ({', '.join(undecided[:8])}"
            f"{' ...' if len(undecided) > 8 else ''}): take mine or theirs for each; nothing was merged."
        )


def _outcome(planned, decisions: dict[str, str]) -> str:
    if planned.verdict == CONFLICT:
        return NEW if decisions[planned.id] == THEIRS else "declined"
    return {DECLINED_BEFORE: "declined"}.get(planned.verdict, planned.verdict)


def _log(
    conn: sqlite3.Connection,
    pack: ContributionPack,
    merged_at: datetime,
    planned,
    outcome: str,
    reason: str,
) -> None:
    change = planned.change
    entry = insert(MergeLogEntry).values(
        pack_id=pack.pack_id,
        copy_id=pack.head["copy_id"],
        contributor=pack.contributor,
        merged_at=merged_at,
        change_id=change["id"],
        kind=change["kind"],
        summary=change.get("summary", "") + (f" ({reason})" if reason else ""),
        made_by=change.get("by", ""),
        made_at=change.get("at", ""),
        outcome=outcome,
        change=json.dumps(change, default=str),
    )
    run(conn, entry)


def _new_bytes(pack: ContributionPack, plan) -> int:
    return sum(
        pack.evidence[c.change["target"]["ref"]]["row"].get("size") or 0
        for c in plan.changes
        if c.change["kind"] == "evidence-new" and c.verdict == NEW
    )


def apply_merge(
    portfolio: Portfolio,
    pack: Path | ContributionPack,
    decisions: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> MergeResult:
    """Merge a contribution pack into the lead's portfolio; decisions maps each conflict's id to mine or theirs.

    Refused before anything is written (BadInput) when the pack is damaged, newer, for another
    portfolio, or a conflict has no decision. A pack merged before changes nothing. Otherwise a
    backup is made, then every change goes in (or nothing does) in one transaction with its log;
    cancel() turning true stops it (Cancelled) with nothing merged.
    """
    if portfolio.read_only:
        raise ReadOnlyPortfolio(
            portfolio.read_only_reason or "This portfolio is open read-only; nothing was merged."
        )
    decisions = dict(decisions or {})
    opened = pack if isinstance(pack, ContributionPack) else open_pack(Path(pack))
    try:
        with portfolio.raw_connection() as conn:
            plan, _resolver = plan_in_connection(conn, opened)
            if plan.merged_before_at:
                return MergeResult(
                    opened.pack_id, opened.contributor, merged_before_at=plan.merged_before_at
                )
            _check_decisions(plan, decisions)
            if refusal := space_refusal(conn, opened.path.name, _new_bytes(opened, plan)):
                raise BadInput(f"{refusal} Nothing was merged.")
        backup = make_backup(portfolio.path, label="before-merge")
        with portfolio.raw_connection() as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
                with conn:
                    return _apply(conn, opened, decisions, backup, progress, cancel)
            except sqlite3.Error as exc:
                raise storage_error(exc) from exc
    finally:
        if opened is not pack:
            opened.close()


def _apply(
    conn: sqlite3.Connection,
    pack: ContributionPack,
    decisions: dict[str, str],
    backup: Path,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> MergeResult:
    plan, resolver = plan_in_connection(
        conn, pack
    )  # again, inside the transaction: what is planned is what is there
    if plan.merged_before_at:
        return MergeResult(pack.pack_id, pack.contributor, merged_before_at=plan.merged_before_at)
    _check_decisions(plan, decisions)
    writer = ChangeWriter(conn, pack, resolver, cancel)
    merged_at = datetime.now(UTC)  # the same for every row of the pack
    counts = {NEW: 0, ALREADY: 0, "declined": 0, REFUSED: 0}
    for done, planned in enumerate(plan.changes, start=1):
        if cancel is not None and cancel():
            raise Cancelled("Merge cancelled: nothing was merged.")
        outcome, reason = (
            _outcome(planned, decisions),
            planned.reason if planned.verdict == REFUSED else "",
        )
        if outcome == NEW:
            try:
                writer.apply(planned.change)
            except NotApplied as exc:
                outcome, reason = REFUSED, exc.message
        counts[outcome] += 1
        _log(conn, pack, merged_at, planned, "applied" if outcome == NEW else outcome, reason)
        if progress is not None:
            progress(done, len(plan.changes))
    return MergeResult(
        pack.pack_id,
        pack.contributor,
        counts[NEW],
        counts[ALREADY],
        counts["declined"],
        counts[REFUSED],
        backup,
    )
