"""Evidence from the command line: import, tag and untag, edit several items at once, remove."""

from __future__ import annotations

import sys

from ..core.vocabularies import CONSENT_STATES
from .arguments import EXIT_OK, EXIT_REFUSED, add_command, open_portfolio, printable

EDIT_OPTIONS = {
    "title": "title",
    "consent": "consent",
    "component": "component",
    "date": "evidence_date",
    "source": "source",
    "description": "description",
}


def cmd_add(args) -> int:
    """`add`: import files, folders or links; prints each new id."""
    from ..core.evidence.evidence_import import import_evidence

    def progress(done, total, name):
        if args.verbose:
            print(f"[{done}/{total}] {name}", file=sys.stderr)

    with open_portfolio(args.path) as portfolio:
        report = import_evidence(
            portfolio,
            args.sources,
            title=args.title,
            descriptor_codes=tuple(args.descriptor or ()),
            cover_sheet_id=args.cover_sheet,
            component=args.component,
            consent=args.consent,
            progress=progress,
        )
    for evidence_id in report.added:
        print(evidence_id)
    for source, message in getattr(report, "duplicates_info", []) or []:
        print(f"already in the portfolio: {source} ({message})", file=sys.stderr)
    for source, message in report.skipped:
        print(f"skipped {printable(source)}: {message}", file=sys.stderr)
    if report.stopped:  # the disk filled up: the ids above were stored, the rest were not
        print(f"portfolio-builder: {report.stopped}", file=sys.stderr)
        return EXIT_REFUSED
    if report.skipped and not report.added and not report.duplicates:
        return EXIT_REFUSED
    return EXIT_OK


def cmd_tag(args) -> int:
    """`tag`: present an item for a descriptor, key (within the rule) or cross-reference."""
    from ..core.evidence.evidence_links import tag_evidence

    with open_portfolio(args.path) as portfolio:
        slot = tag_evidence(
            portfolio, args.evidence_id, args.code, cross_reference=args.cross_reference
        )
    what = "a cross-reference" if not slot else f"key evidence {slot}"
    print(f"Item {args.evidence_id} is {what} for {args.code}.")
    return EXIT_OK


def cmd_untag(args) -> int:
    """`untag`: stop presenting an item for a descriptor; refused when it was not."""
    from ..core.evidence.evidence_links import untag_evidence

    with open_portfolio(args.path) as portfolio:
        untag_evidence(portfolio, args.evidence_id, args.code, must_be_tagged=True)
    print(f"Item {args.evidence_id} is no longer presented for {args.code}.")
    return EXIT_OK


def cmd_evidence(args) -> int:
    """`evidence`: the same fields changed on several items in one step, or the items listed."""
    from ..core.evidence.evidence_service import update_evidence_many

    fields = {
        field: getattr(args, option)
        for option, field in EDIT_OPTIONS.items()
        if getattr(args, option) is not None
    }
    if not fields:
        return _print_items(args)
    with open_portfolio(args.path) as portfolio:
        count = update_evidence_many(portfolio, args.ids, **fields)
    changed = ", ".join(option for option, field in EDIT_OPTIONS.items() if field in fields)
    print(f"Updated {count} item{'s' if count != 1 else ''}: {changed}.")
    return EXIT_OK


def _print_items(args) -> int:
    from ..core.evidence.evidence_service import get_evidence, query_evidence
    from ..core.framework.lookups import refuse_unknown_evidence

    with open_portfolio(args.path, read_only=True) as portfolio:
        rows = {row.id: row for row in query_evidence(portfolio)}
        refuse_unknown_evidence(rows, args.ids)
        for evidence_id in args.ids:
            row, item = rows[evidence_id], get_evidence(portfolio, evidence_id)
            tags = " ".join([*row.key_codes, *(f"({c})" for c in row.cross_codes)]) or "untagged"
            print(
                f"{row.id:5d}  {row.kind:8} {row.evidence_date or '-'}  consent {row.consent:10} "
                f"{row.component:8} {tags}  {row.title}{'  [' + item.source + ']' if item.source else ''}"
            )
    return EXIT_OK


def cmd_remove(args) -> int:
    """`remove`: delete several items in one step, or none."""
    from ..core.evidence.evidence_service import delete_evidence_many

    with open_portfolio(args.path) as portfolio:
        delete_evidence_many(portfolio, args.ids)
    print(
        f"Removed item{'s' if len(set(args.ids)) != 1 else ''} {', '.join(map(str, dict.fromkeys(args.ids)))}."
    )
    return EXIT_OK


def register(sub) -> None:
    """Add add, tag, untag, evidence and remove to the parser."""
    p = add_command(
        sub,
        "add",
        "import evidence files, folders or web links; prints each new id",
        [
            "add oak.portfolio minutes.pdf policy.docx --descriptor 1c",
            "add oak.portfolio photos/ --consent obtained",
            "add oak.portfolio https://oak.example/families --title 'Our families page' "
            "--component generic",
        ],
        "--descriptor presents every item as key evidence for CODE (repeatable); --cover-sheet "
        "attaches them to cover sheet N (its id: priority 1's sheet is 1 in a new portfolio).",
    )
    p.add_argument("path")
    p.add_argument("sources", nargs="+", metavar="FILE_OR_URL")
    p.add_argument("--title")
    p.add_argument("--descriptor", action="append", metavar="CODE")
    p.add_argument("--cover-sheet", type=int, metavar="N")
    p.add_argument(
        "--component",
        metavar="KEY",
        help="the scheme's portfolio component (IiF: activity, generic, plan)",
    )
    p.add_argument(
        "--consent",
        choices=CONSENT_STATES,
        help="default: missing for photos, video and audio (record it later); not needed for documents and links",
    )
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_add)

    p = add_command(
        sub,
        "tag",
        "present evidence for a descriptor (at most the scheme's number of key items)",
        ["tag oak.portfolio 12 1a", "tag oak.portfolio 13 1a --cross-reference"],
        "A third key item is refused, naming the two already there: untag one, or add it as a "
        "cross-reference.",
    )
    p.add_argument("path")
    p.add_argument("evidence_id", type=int)
    p.add_argument("code")
    p.add_argument("--cross-reference", action="store_true")
    p.set_defaults(func=cmd_tag)

    p = add_command(
        sub,
        "untag",
        "stop presenting an item for a descriptor (key or cross-reference)",
        ["untag oak.portfolio 12 1a"],
    )
    p.add_argument("path")
    p.add_argument("evidence_id", type=int)
    p.add_argument("code")
    p.set_defaults(func=cmd_untag)

    p = add_command(
        sub,
        "evidence",
        "show items, or change the same fields of several items at once",
        [
            "evidence oak.portfolio 3 4 5",
            "evidence oak.portfolio 3 4 5 --consent obtained",
            "evidence oak.portfolio 7 --title 'Family Forum minutes' --date 2025-11-04 --source 'Clerk' "
            "--component generic",
        ],
        "With no option it lists the items. All the items change in one step, or none (an unknown "
        "id refuses the whole edit).",
    )
    p.add_argument("path")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--title", metavar="T")
    p.add_argument("--consent", choices=CONSENT_STATES)
    p.add_argument("--component", metavar="KEY", help="the scheme's portfolio component")
    p.add_argument("--date", metavar="DATE", help="when the evidence was made (YYYY-MM-DD)")
    p.add_argument("--source", metavar="T", help="where it comes from")
    p.add_argument("--description", metavar="T")
    p.set_defaults(func=cmd_evidence)

    p = add_command(
        sub,
        "remove",
        "delete evidence items with their tags (all of them, or none)",
        ["remove oak.portfolio 14", "remove oak.portfolio 14 15 16"],
    )
    p.add_argument("path")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.set_defaults(func=cmd_remove)
