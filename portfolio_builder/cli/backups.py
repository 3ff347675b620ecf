"""Backups from the command line: make one now, list them, put one back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .arguments import EXIT_OK, EXIT_REFUSED, add_command, open_portfolio


def cmd_backup(args) -> int:
    """`backup`: a manual backup beside the portfolio."""
    from ..core.storage.backups import make_backup

    with open_portfolio(
        args.path, read_only=True
    ):  # refuses what is not a portfolio before anything is written
        pass
    print(f"Backed up to {make_backup(Path(args.path), 'manual')}.")
    return EXIT_OK


def cmd_backups(args) -> int:
    """`backups`: the backups, newest first, numbered for `restore`."""
    from ..core.storage.backup_catalog import describe_backups

    backups = describe_backups(Path(args.path))
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "number": n,
                        "path": str(b.path),
                        "made_at": b.made_at.isoformat(timespec="seconds"),
                        "kind": b.label,
                        "size": b.size,
                        "evidence_items": b.evidence_items,
                        "descriptors_rated": b.descriptors_rated,
                        "problem": b.problem,
                    }
                    for n, b in enumerate(backups, start=1)
                ],
                indent=2,
            )
        )
        return EXIT_OK
    if not backups:
        print("No backups yet.")
    for number, b in enumerate(backups, start=1):
        state = (
            f"DAMAGED: {b.problem}"
            if b.problem
            else (
                f"{b.evidence_items} evidence items, {b.descriptors_rated} of {b.descriptors} rated"
            )
        )
        print(
            f"{number:3d}  {b.made_at:%Y-%m-%d %H:%M}  {b.label or '-':15}  {state}  {b.path.name}"
        )
    return EXIT_OK


def cmd_restore(args) -> int:
    """`restore`: put a backup (by number or file) back, the current state saved first."""
    from ..core.storage.backup_catalog import describe_backups
    from ..core.storage.backup_restore import restore_backup

    choice = args.backup
    if choice.isdigit():  # a number from `portfolio-builder backups`
        backups = describe_backups(Path(args.path))
        if not 1 <= int(choice) <= len(backups):
            print(
                f"portfolio-builder: there is no backup number {choice}; see 'portfolio-builder backups "
                f"{args.path}'.",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        choice = str(backups[int(choice) - 1].path)
    result = restore_backup(Path(args.path), Path(choice))
    print(
        f"Restored the copy from {result.restored.made_at:%Y-%m-%d %H:%M} "
        f"({result.restored.evidence_items} evidence items). The state before was saved as "
        f"{result.before_restore}."
    )
    return EXIT_OK


def register(sub) -> None:
    """Add backup, backups and restore to the parser."""
    p = add_command(
        sub,
        "backup",
        "back the portfolio up now (beside it, in '<name>-backups')",
        ["backup oak.portfolio"],
    )
    p.add_argument("path")
    p.set_defaults(func=cmd_backup)

    p = add_command(
        sub,
        "backups",
        "list a portfolio's backups, newest first",
        ["backups oak.portfolio", "backups oak.portfolio --json"],
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)

    p = add_command(
        sub,
        "restore",
        "put a backup back (the current state is backed up first)",
        ["restore oak.portfolio 1", "restore oak.portfolio oak-backups/oak-2026-03-01.portfolio"],
        "Refused while a Portfolio Builder window has the portfolio open.",
    )
    p.add_argument("path")
    p.add_argument("backup", help="a number from 'backups' (1 = newest) or a backup file")
    p.set_defaults(func=cmd_restore)
