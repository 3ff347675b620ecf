"""The self-audit from the command line: a dated rating of a descriptor on the scheme's scale."""

from __future__ import annotations

from .arguments import EXIT_OK, add_command, date_or_none, open_portfolio


def cmd_rate(args) -> int:
    """`rate`: record a dated rating, its level found by key or label."""
    from ..core.framework.lookups import staff_by_name
    from ..core.planning.audit_service import rate_descriptor

    rated_on = date_or_none(args.on, "rating date")
    with open_portfolio(args.path) as portfolio:
        by = ""
        if args.by is not None:
            with portfolio.session() as session:
                by = staff_by_name(session, args.by).name
        rating_id = rate_descriptor(
            portfolio,
            args.code,
            args.level,
            rated_on,
            comment=args.comment or "",
            gap=args.gap or "",
            rated_by=by,
        )
    print(rating_id)
    return EXIT_OK


def register(sub) -> None:
    """Add rate to the parser."""
    p = add_command(
        sub,
        "rate",
        "rate a descriptor on the scheme's scale (kept in its history); prints the rating's id",
        [
            "rate oak.portfolio 1a developing --on 2025-09-26 --comment 'Baseline audit.'",
            "rate oak.portfolio 1a Embedded --on 2026-06-12 --comment 'Part of everyday practice.' "
            "--by 'Ann Patel'",
            "rate hmyoi.portfolio E1a amber --gap 'Visits booked by phone only.'",
        ],
        "LEVEL is a level's key or label in any case (see the scale in 'frameworks'). --on defaults "
        "to today and cannot be in the future. --by names someone on the staff list.",
    )
    p.add_argument("path")
    p.add_argument("code")
    p.add_argument("level")
    p.add_argument(
        "--on", metavar="DATE", help="when the level was reached (YYYY-MM-DD; default today)"
    )
    p.add_argument("--comment", metavar="T", help="evaluative comment on impact and outcomes")
    p.add_argument("--gap", metavar="T", help="what is still missing (feeds the action plan)")
    p.add_argument("--by", metavar="NAME", help="who rated it")
    p.set_defaults(func=cmd_rate)
