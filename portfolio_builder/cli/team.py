"""Team copies and contribution packs from the command line: send a copy, contribute, merge, see who contributed."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.errors import BadInput
from .arguments import EXIT_OK, add_command, open_portfolio, printable


def cmd_team_copy(args) -> int:
    """`team-copy`: a copy of the portfolio for one team member."""
    from ..core.team.team_copy import make_team_copy

    with open_portfolio(args.path) as portfolio:
        copy = make_team_copy(portfolio, Path(args.out), args.for_name, args.theme)
    scope = f" (evidence of theme {', '.join(copy.themes)} only)" if copy.themes else ""
    print(
        f"Team copy for {copy.for_name} written to {printable(copy.path)}: {copy.evidence_items} evidence "
        f"items{scope}. They send back a pack with 'portfolio-builder contribute'."
    )
    return EXIT_OK


def cmd_contribute(args) -> int:
    """`contribute`: what was added or changed in a team copy, as a pack for the lead."""
    from ..core.team.pack_writer import make_contribution_pack

    pack = make_contribution_pack(Path(args.path), Path(args.out))
    print(
        f"Contribution pack written to {printable(pack.path)}: {pack.changes} change(s), {pack.files} file(s), "
        f"{pack.size} bytes. Give it to the lead to merge."
    )
    return EXIT_OK


def _decisions(args, plan) -> dict[str, str]:
    if args.take:
        return {c.id: args.take for c in plan.conflicts}
    if not args.decisions:
        return {}
    try:
        value = json.loads(Path(args.decisions).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadInput(
            f"Cannot read the decisions in {args.decisions}: {exc}; nothing was merged."
        ) from None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise BadInput(
            f'{args.decisions} must be a JSON object of conflict id to "mine" or "theirs"; '
            "nothing was merged."
        )
    return value


def _print_plan(plan) -> None:
    head = plan.head
    print(
        f"Pack from {head.get('contributor')} made {str(head.get('made_at'))[:16]} "
        f"({len(plan.changes)} change(s)):"
    )
    for planned in plan.changes:
        print(
            f"  {planned.verdict:16} {planned.id}  {printable(planned.change.get('summary', ''))}"
            + (
                f" ({printable(planned.reason)})"
                if planned.reason and planned.verdict != "conflict"
                else ""
            )
        )
        if planned.verdict == "conflict":
            print(
                f"      conflict: {planned.reason}\n      mine:   {printable(planned.mine)}"
                f"\n      theirs: {printable(planned.theirs)}"
            )


def cmd_merge(args) -> int:
    """`merge`: bring a contribution pack into the lead's portfolio (backup first, one transaction)."""
    from ..core.team.merge_apply import apply_merge
    from ..core.team.merge_plan import plan_merge
    from ..core.team.pack_reader import open_pack

    with (
        open_portfolio(args.path, read_only=args.dry_run) as portfolio,
        open_pack(Path(args.pack)) as pack,
    ):
        plan = plan_merge(portfolio, pack)
        if args.dry_run:
            if plan.merged_before_at:
                print(
                    f"This pack was merged on {plan.merged_before_at[:16]}; merging it again changes nothing."
                )
            else:
                _print_plan(plan)
            return EXIT_OK
        decisions = _decisions(args, plan)
        undecided = [c.id for c in plan.conflicts if c.id not in decisions]
        if undecided and not plan.merged_before_at:
            raise BadInput(
                f"{len(undecided)} conflict(s) need your decision ({', '.join(undecided[:8])}); see them "
                "with --dry-run, then use --take mine|theirs or --decisions FILE. Nothing was merged."
            )
        result = apply_merge(portfolio, pack, decisions)
    print(result.sentence())
    return EXIT_OK


def cmd_contributions(args) -> int:
    """`contributions`: who contributed what, and when."""
    from ..core.team.merge_log import contributions

    with open_portfolio(args.path, read_only=True) as portfolio, portfolio.raw_connection() as conn:
        merged = contributions(conn)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "contributor": c.contributor,
                        "merged_at": c.merged_at,
                        "pack_id": c.pack_id,
                        "applied": c.applied,
                        "declined": c.declined,
                        "refused": c.refused,
                    }
                    for c in merged
                ],
                indent=2,
            )
        )
        return EXIT_OK
    if not merged:
        print("No contribution has been merged yet.")
    for c in merged:
        print(
            f"{c.merged_at[:16]}  {printable(c.contributor)}: {c.words()}"
            + (f"; {c.declined} declined" if c.declined else "")
        )
    return EXIT_OK


def register(sub) -> None:
    """Add team-copy, contribute, merge and contributions to the parser."""
    p = add_command(
        sub,
        "team-copy",
        "send a copy of the portfolio to a team member (for their laptop)",
        [
            "team-copy oak.portfolio ben.portfolio --for 'Ben Jones'",
            "team-copy oak.portfolio ben.portfolio --for 'Ben Jones' --theme 2 --theme 3",
        ],
        "The copy has the portfolio's identity and remembers what it held when made, so their "
        "additions and changes can come back as a contribution pack. With --theme it holds only the "
        "evidence of those themes.",
    )
    p.add_argument("path")
    p.add_argument("out")
    p.add_argument(
        "--for", dest="for_name", required=True, metavar="NAME", help="whom the copy is for"
    )
    p.add_argument(
        "--theme", action="append", default=[], metavar="THEME", help="only this theme's evidence"
    )
    p.set_defaults(func=cmd_team_copy)

    p = add_command(
        sub,
        "contribute",
        "pack what was added or changed in a team copy, for the lead to merge",
        ["contribute ben.portfolio ben-contribution.zip"],
    )
    p.add_argument("path")
    p.add_argument("out")
    p.set_defaults(func=cmd_contribute)

    p = add_command(
        sub,
        "merge",
        "merge a contribution pack into the lead's portfolio",
        [
            "merge oak.portfolio ben-contribution.zip --dry-run",
            "merge oak.portfolio ben-contribution.zip --take theirs",
            "merge oak.portfolio ben-contribution.zip --decisions choices.json",
        ],
        "The pack is checked first (every file against its SHA-256 manifest, and that it belongs to "
        "this portfolio). A backup is made, then every change goes in, or none. Conflicts need a "
        "decision: --take mine (keep the portfolio's) or theirs (take the copy's) for all, or a JSON "
        "file of conflict id to mine or theirs. Declined changes are kept in the merge log.",
    )
    p.add_argument("path")
    p.add_argument("pack")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would come in and the conflicts; change nothing",
    )
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--take", choices=["mine", "theirs"], help="settle every conflict this way")
    choice.add_argument("--decisions", metavar="FILE", help="JSON: conflict id -> mine or theirs")
    p.set_defaults(func=cmd_merge)

    p = add_command(
        sub,
        "contributions",
        "who contributed what, and when (merged packs)",
        ["contributions oak.portfolio", "contributions oak.portfolio --json"],
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_contributions)
