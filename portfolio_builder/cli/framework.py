"""Commands for the portfolio's copy of its framework: themes, descriptors (typed or pasted), framework files."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.errors import BadInput
from .arguments import EXIT_OK, add_command, add_group, date_or_none, open_portfolio, text_or_file


def theme_changes(args, session) -> dict:
    """The theme fields the options ask for, every name and date checked (nothing written yet)."""
    from ..core.framework.lookups import staff_by_name

    fields: dict = {}
    if args.title is not None:
        if not args.title.strip():  # core's update_theme does not check this yet
            raise BadInput("A theme needs a title.")
        fields["title"] = args.title.strip()
    if args.lead is not None:
        fields["lead_staff_id"] = staff_by_name(session, args.lead).id
    if args.started is not None:
        fields["gathering_started"] = date_or_none(args.started, "start date")
    if args.ended is not None:
        fields["gathering_ended"] = date_or_none(args.ended, "end date")
    if args.summary is not None:
        fields["summative_comment"] = text_or_file(args.summary).strip()
    return fields


def cmd_theme(args) -> int:
    """`theme`: change a theme's title and evidence summary sheet, or show it."""
    from ..core.framework.framework_service import update_theme
    from ..core.framework.lookups import theme_by_reference
    from ..core.storage.schema import stored_id

    with open_portfolio(args.path) as portfolio:
        with portfolio.session() as session:
            theme = theme_by_reference(session, args.theme)
            fields = theme_changes(args, session)
        if args.on is not None and args.best_fit is None:
            raise BadInput("--on dates a best-fit judgement: give --best-fit LEVEL with it.")
        if not fields and args.best_fit is None:
            return _print_theme(portfolio, theme)
        update_theme(portfolio, stored_id(theme), best_fit=_best_fit(args), **fields)
        if args.best_fit is not None:
            fields["best_fit"] = args.best_fit
    print(f"Updated theme {theme.code}: {', '.join(f.replace('_', ' ') for f in fields)}.")
    return EXIT_OK


def _best_fit(args):
    """(level, date, comment) of a best-fit judgement given on the command line, or None."""
    if args.best_fit is None:
        return None
    return args.best_fit, date_or_none(args.on, "judgement date"), args.comment or ""


def _print_theme(portfolio, theme) -> int:
    from ..core.shape.snapshot import build_snapshot

    shape = build_snapshot(portfolio)
    shown = next(t for t in shape.themes if t.code == theme.code)
    print(f"{shape.scheme.words.theme} {shown.code}: {shown.title}")
    print(
        f"  lead: {shown.lead.name if shown.lead else '-'}; gathering: {shown.gathering_started or '-'} "
        f"to {shown.gathering_ended or '-'}"
    )
    if shape.scheme.best_fit is not None:
        best = shown.best_fit
        print(
            f"  {shape.scheme.best_fit.label.lower()}: {f'{best.label} ({best.on})' if best else '-'}"
        )
    print(f"  summative comment: {' '.join(shown.summative_comment.split()) or '-'}")
    for d in shown.descriptors:
        print(
            f"  {d.code:6} {d.rating.label if d.rating else 'unrated':10} {len(d.key_evidence)} key  {d.text}"
        )
    return EXIT_OK


def cmd_descriptor_add(args) -> int:
    """`descriptor add`: one descriptor typed in from the award pack; prints its code."""
    from ..core.framework.framework_service import add_descriptor
    from ..core.framework.lookups import theme_by_reference

    with open_portfolio(args.path) as portfolio:
        with portfolio.session() as session:
            theme = theme_by_reference(session, args.theme)
        add_descriptor(portfolio, theme.code, args.code, args.text, args.example or [])
    print(args.code.strip())
    return EXIT_OK


def cmd_descriptor_edit(args) -> int:
    """`descriptor edit`: correct a descriptor's text, code or examples."""
    from ..core.framework.framework_service import descriptor_by_code, update_descriptor
    from ..core.storage.schema import stored_id

    with open_portfolio(args.path) as portfolio:
        with portfolio.session() as session:
            row = descriptor_by_code(session, args.code)
        if args.text is None and args.new_code is None and args.example is None:
            raise BadInput("Nothing to change: give --text, --new-code or --example.")
        update_descriptor(
            portfolio, stored_id(row), code=args.new_code, text=args.text, examples=args.example
        )
    print(f"Updated descriptor {args.new_code or row.code}.")
    return EXIT_OK


def cmd_descriptor_paste(args) -> int:
    """`descriptor paste`: a pasted list added all or none; prints each code and text."""
    from ..core.framework.descriptor_paste import apply_paste, preview_paste

    text = _read_pasted(args.file)
    with open_portfolio(args.path, read_only=args.dry_run) as portfolio:
        if args.dry_run:
            preview = preview_paste(portfolio, args.theme, text)
            if preview.problems:
                raise BadInput(
                    f"Theme {preview.theme_code} cannot take this list: {'; '.join(preview.problems)}."
                )
            items = preview.items
        else:
            items = apply_paste(portfolio, args.theme, text)
    for item in items:
        print(f"{item.code}\t{item.text}")
    if args.dry_run:
        print(
            f"Dry run: these {len(items)} descriptors would be added; nothing was changed.",
            file=sys.stderr,
        )
    return EXIT_OK


def _read_pasted(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return text_or_file(f"@{name}")


def cmd_framework_export(args) -> int:
    """`framework-export`: the portfolio's framework as a .toml file to share."""
    from ..core.framework.framework_service import read_framework
    from ..core.scheme.framework_file import save_framework

    with open_portfolio(args.path, read_only=True) as portfolio, portfolio.session() as session:
        save_framework(read_framework(session), Path(args.out))
    print(f"Wrote {args.out}.")
    return EXIT_OK


def register(sub) -> None:
    """Add theme, descriptor (add, edit, paste) and framework-export to the parser."""
    p = add_command(
        sub,
        "theme",
        "show or change a theme and its evidence summary sheet",
        [
            "theme oak.portfolio 2",
            "theme oak.portfolio 2 --lead 'Ben Jones' --started 2025-09-08 "
            "--ended 2026-06-19 --summary @theme2-summary.txt",
            "theme hmyoi.portfolio E1 --title 'Leadership and management'",
            "theme oak.portfolio 1 --best-fit developing --on 2025-09-30",
        ],
        "THEME is its code or its number (1 = first). --lead names someone on the staff list; "
        "dates are YYYY-MM-DD; TEXT_OR_@FILE is the text or @FILE to read a UTF-8 text file.",
    )
    p.add_argument("path")
    p.add_argument("theme")
    p.add_argument("--title", metavar="T")
    p.add_argument("--lead", metavar="NAME", help="who leads gathering this theme's evidence")
    p.add_argument("--started", metavar="DATE", help="when gathering began")
    p.add_argument("--ended", metavar="DATE", help="when gathering ended")
    p.add_argument("--summary", metavar="TEXT_OR_@FILE", help="the theme's summative comment")
    p.add_argument(
        "--best-fit",
        metavar="LEVEL",
        help="the theme's overall best-fit judgement (a level of the "
        "scale), where the scheme has one; kept with its history",
    )
    p.add_argument(
        "--on", metavar="DATE", help="the date of the best-fit judgement (default today)"
    )
    p.add_argument("--comment", metavar="T", help="a comment on the best-fit judgement")
    p.set_defaults(func=cmd_theme)

    descriptor = add_group(
        sub, "descriptor", "the descriptors of a theme (each scheme has its own word for them)"
    )
    p = add_command(
        descriptor,
        "add",
        "add a descriptor at the end of a theme; prints its code",
        [
            "descriptor add oak.portfolio 2 2a 'Leaders promote partnership with families.' "
            "--example 'Governors minutes' --example 'Staff handbook'"
        ],
        "THEME is its code or number; CODE is new (letters, digits, '.' and '-').",
    )
    p.add_argument("path")
    p.add_argument("theme")
    p.add_argument("code")
    p.add_argument("text")
    p.add_argument(
        "--example", action="append", metavar="T", help="an example of evidence (repeatable)"
    )
    p.set_defaults(func=cmd_descriptor_add)

    p = add_command(
        descriptor,
        "edit",
        "change a descriptor's text, code or examples",
        [
            "descriptor edit oak.portfolio 2a --text 'Leaders actively promote partnership.'",
            "descriptor edit oak.portfolio 2a --new-code 2A --example 'Newsletter'",
        ],
        "--example replaces all the examples (repeat it for several).",
    )
    p.add_argument("path")
    p.add_argument("code")
    p.add_argument("--text", metavar="T")
    p.add_argument("--new-code", metavar="CODE")
    p.add_argument("--example", action="append", metavar="T")
    p.set_defaults(func=cmd_descriptor_edit)

    p = add_command(
        descriptor,
        "paste",
        "add a list pasted from the scheme's own documents; prints each new code and text",
        [
            "descriptor paste oak.portfolio 2 theme2.txt",
            "descriptor paste oak.portfolio 3 - < list.txt",
            "descriptor paste hmyoi.portfolio E1 element1.txt --dry-run",
        ],
        "FILE (UTF-8; '-' reads standard input) holds one descriptor per line: 'a. text', "
        "'a) text', '1a text' or '2b) text'; a line that starts no item continues the one before; "
        "blank lines are ignored. Codes are the theme's code and the letter (2 + b = 2b). "
        "Duplicates and unreadable lines refuse the whole list; nothing is added.",
    )
    p.add_argument("path")
    p.add_argument("theme")
    p.add_argument("file")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be added, change nothing"
    )
    p.set_defaults(func=cmd_descriptor_paste)

    p = add_command(
        sub,
        "framework-export",
        "write the portfolio's framework to a .toml file",
        ["framework-export oak.portfolio our-fpa.toml"],
    )
    p.add_argument("path")
    p.add_argument("out")
    p.set_defaults(func=cmd_framework_export)
