"""Planning from the command line: priorities, the action plan, cover-sheet diaries and impact, the written parts."""

from __future__ import annotations

from ..core.vocabularies import ACTION_STATUSES
from .arguments import EXIT_OK, add_command, add_group, date_or_none, open_portfolio, text_or_file


def cmd_priority_add(args) -> int:
    """`priority add`: a priority with its cover sheet; prints its number."""
    from ..core.framework.lookups import staff_by_name
    from ..core.planning.planning_service import add_priority, list_priorities

    with open_portfolio(args.path) as portfolio:
        lead_id = None
        if args.lead is not None:
            with portfolio.session() as session:
                lead_id = staff_by_name(session, args.lead).id
        priority_id = add_priority(
            portfolio,
            args.title,
            description=args.description or "",
            lead_staff_id=lead_id,
            descriptor_codes=args.statement or (),
        )
        number = 1 + [p.id for p in list_priorities(portfolio)].index(priority_id)
    print(number)
    return EXIT_OK


def cmd_action_add(args) -> int:
    """`action add`: an action-plan row, names and numbers checked first; prints its id."""
    from ..core.framework.lookups import priority_by_number, staff_by_name, theme_by_reference
    from ..core.planning.planning_service import add_action

    fields = {
        "starts_on": date_or_none(args.start, "start date"),
        "ends_on": date_or_none(args.end, "end date"),
        "resources": args.resources or "",
        "monitoring": args.monitoring or "",
        "success_criteria": args.success or "",
        "status": args.status,
    }
    with open_portfolio(args.path) as portfolio:
        with portfolio.session() as session:
            theme = theme_by_reference(session, args.theme)
            if args.lead is not None:
                fields["lead"] = staff_by_name(session, args.lead).name
            if args.priority is not None:
                fields["priority_id"] = priority_by_number(session, args.priority).id
        action_id = add_action(
            portfolio,
            args.action,
            theme_code=theme.code,
            descriptor_code=args.descriptor,
            **{k: v for k, v in fields.items() if v is not None},
        )
    print(action_id)
    return EXIT_OK


def cmd_diary_add(args) -> int:
    """`diary add`: a dated cover-sheet diary entry with its evidence; prints its id."""
    from ..core.framework.lookups import iso_date, priority_by_number, staff_by_name
    from ..core.planning.planning_service import add_diary_entry, cover_sheet_for
    from ..core.storage.schema import stored_id

    entry_date = iso_date(args.date, "diary date")  # a positional argument: always given
    with open_portfolio(args.path) as portfolio:
        with portfolio.session() as session:
            priority = priority_by_number(session, args.priority)
            author = staff_by_name(session, args.by).name if args.by is not None else ""
        sheet = cover_sheet_for(portfolio, stored_id(priority))
        entry_id = add_diary_entry(
            portfolio,
            sheet.id,
            entry_date,
            args.text,
            author=author,
            evidence_ids=args.evidence or (),
        )
    print(entry_id)
    return EXIT_OK


def cmd_impact(args) -> int:
    """`impact`: the impact summary of a priority's cover sheet."""
    from ..core.framework.lookups import priority_by_number
    from ..core.planning.planning_service import cover_sheet_for, update_cover_sheet
    from ..core.storage.schema import stored_id

    text = text_or_file(args.text).strip()
    with open_portfolio(args.path) as portfolio:
        with portfolio.session() as session:
            priority = priority_by_number(session, args.priority)
        update_cover_sheet(
            portfolio, cover_sheet_for(portfolio, stored_id(priority)).id, impact_summary=text
        )
    print(f"Wrote the impact summary of priority {args.priority} ({len(text)} characters).")
    return EXIT_OK


def cmd_write(args) -> int:
    """`write`: one of the texts the scheme asks for (its key: case-study, outline-plan ...)."""
    from ..core.planning.portfolio_texts import write_text

    text = text_or_file(args.text).strip()
    with open_portfolio(args.path) as portfolio:
        write_text(portfolio, args.part, text)
    print(f"Wrote the {args.part.replace('-', ' ')} ({len(text)} characters).")
    return EXIT_OK


def register(sub) -> None:
    """Add priority, action, diary, impact and write to the parser."""
    priority = add_group(sub, "priority", "the key priorities chosen after the audit")
    p = add_command(
        priority,
        "add",
        "add a priority (with its cover sheet); prints its number",
        [
            "priority add hmyoi.portfolio 'Family days every term' --statement E1a --statement E4b "
            "--lead 'Kim Reyes'"
        ],
        "--statement names a descriptor the priority addresses (repeatable); --lead names someone "
        "on the staff list.",
    )
    p.add_argument("path")
    p.add_argument("title")
    p.add_argument("--statement", action="append", metavar="CODE")
    p.add_argument("--lead", metavar="NAME")
    p.add_argument("--description", metavar="T")
    p.set_defaults(func=cmd_priority_add)

    action = add_group(sub, "action", "rows of the action plan")
    p = add_command(
        action,
        "add",
        "add a row to the action plan; prints its id",
        [
            "action add oak.portfolio --theme 3 --action 'Termly newsletter written with parents' "
            "--lead 'Ben Jones' --from 2025-10-01 --to 2026-03-31 --resources '2 hours a term' "
            "--monitoring 'Governors, each term' --success 'Half of families read it' --status done",
            "action add hmyoi.portfolio --theme E2 --action 'Book family days' --priority 1",
        ],
        "THEME is a code or number; --priority is a number from the priorities; --lead names someone "
        "on the staff list; dates are YYYY-MM-DD.",
    )
    p.add_argument("path")
    p.add_argument("--theme", required=True)
    p.add_argument("--action", required=True, metavar="T", help="what will be done")
    p.add_argument("--lead", metavar="NAME")
    p.add_argument("--from", dest="start", metavar="DATE")
    p.add_argument("--to", dest="end", metavar="DATE")
    p.add_argument("--priority", metavar="N")
    p.add_argument("--descriptor", metavar="CODE", help="the descriptor whose gap it closes")
    p.add_argument("--resources", metavar="T")
    p.add_argument("--monitoring", metavar="T", help="who monitors it, when and how")
    p.add_argument("--success", metavar="T", help="success criteria (impact and outcomes)")
    p.add_argument("--status", choices=ACTION_STATUSES, default=ACTION_STATUSES[0])
    p.set_defaults(func=cmd_action_add)

    diary = add_group(sub, "diary", "the dated diary kept for each priority")
    p = add_command(
        diary,
        "add",
        "add a dated entry to a priority's cover sheet; prints its id",
        [
            "diary add hmyoi.portfolio 1 2025-11-04 'Letters sent to every family.' --by 'Kim Reyes' "
            "--evidence 12 --evidence 13"
        ],
        "PRIORITY is its number; DATE (YYYY-MM-DD) cannot be in the future; --evidence attaches an "
        "evidence item to the cover sheet (repeatable).",
    )
    p.add_argument("path")
    p.add_argument("priority")
    p.add_argument("date")
    p.add_argument("text")
    p.add_argument("--by", metavar="NAME")
    p.add_argument("--evidence", action="append", type=int, metavar="ID")
    p.set_defaults(func=cmd_diary_add)

    p = add_command(
        sub,
        "impact",
        "write the impact summary of a priority's cover sheet",
        [
            "impact hmyoi.portfolio 1 'Twice as many families visit.'",
            "impact hmyoi.portfolio 2 @impact2.txt",
        ],
        "TEXT_OR_@FILE is the text, or @FILE to read a UTF-8 text file.",
    )
    p.add_argument("path")
    p.add_argument("priority")
    p.add_argument("text", metavar="TEXT_OR_@FILE")
    p.set_defaults(func=cmd_impact)

    p = add_command(
        sub,
        "write",
        "write one of the texts the scheme asks for (FPA: case-study; IiF: outline-plan; "
        "LA: analysis; Signs of Safety: self-benchmarking)",
        [
            "write oak.portfolio case-study @case-study.txt",
            "write hmyoi.portfolio outline-plan 'Year 1: ...'",
        ],
        "TEXT_OR_@FILE is the text, or @FILE to read a UTF-8 text file; it replaces what was there.",
    )
    p.add_argument("path")
    p.add_argument("part", metavar="KEY", help="the text's key in the scheme")
    p.add_argument("text", metavar="TEXT_OR_@FILE")
    p.set_defaults(func=cmd_write)
