"""Commands for the setting's details (first page of the assessor's report) and its staff list."""

from __future__ import annotations

import json

from .arguments import EXIT_OK, add_command, add_group, open_portfolio, text_or_file

SETTING_OPTIONS = {  # option -> profile field
    "name": "name",
    "kind": "kind",
    "head": "head",
    "contact_email": "contact_email",
    "contact_phone": "phone",
    "address": "address",
    "reference": "reference",
    "context": "context",
    "award_level": "award_level",
}


def cmd_setting(args) -> int:
    """`setting`: change the setting's details, or print them."""
    from ..core.framework.portfolio_setup import setting_profile, update_profile

    given = [option for option in SETTING_OPTIONS if getattr(args, option) is not None]
    fields = {SETTING_OPTIONS[option]: getattr(args, option).strip() for option in given}
    if "context" in fields:
        fields["context"] = text_or_file(args.context)
    with open_portfolio(args.path, read_only=not fields) as portfolio:
        if fields:
            update_profile(portfolio, **fields)
            print(
                f"Updated the setting's {', '.join(option.replace('_', ' ') for option in given)}."
            )
            return EXIT_OK
        profile = setting_profile(portfolio)
    for option, field in SETTING_OPTIONS.items():
        value = getattr(profile, field)
        shown = (
            value if field != "context" else (value[:70] + "\u2026" if len(value) > 70 else value)
        )
        print(f"{option.replace('_', ' '):14} {' '.join(shown.split()) or '-'}")
    return EXIT_OK


def cmd_staff_add(args) -> int:
    """`staff add`: a new member of staff (names unique); prints their id."""
    from ..core.framework.portfolio_setup import add_staff

    with open_portfolio(args.path) as portfolio:
        staff_id = add_staff(
            portfolio,
            args.name,
            role=(args.role or "").strip(),
            email=(args.email or "").strip(),
            is_lead=args.lead,
            unique_name=True,
        )
    print(staff_id)
    return EXIT_OK


def cmd_staff_list(args) -> int:
    """`staff list`: the staff, lead first, as text or JSON."""
    from ..core.framework.portfolio_setup import list_staff

    with open_portfolio(args.path, read_only=True) as portfolio:
        people = list_staff(portfolio)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": p.id,
                        "name": p.name,
                        "role": p.role,
                        "email": p.email,
                        "is_lead": p.is_lead,
                        "in_core_team": p.in_core_team,
                    }
                    for p in people
                ],
                indent=2,
            )
        )
        return EXIT_OK
    if not people:
        print("Nobody is on the staff list yet.")
    for person in people:
        print(
            f"{person.id:4d}  {person.name}{' (lead)' if person.is_lead else ''}"
            f"{', ' + person.role if person.role else ''}"
        )
    return EXIT_OK


def register(sub) -> None:
    """Add setting and staff (add, list) to the parser."""
    p = add_command(
        sub,
        "setting",
        "show or change the setting's details and context",
        [
            "setting oak.portfolio",
            "setting oak.portfolio --head 'Mrs J. Okafor' --contact-email "
            "office@oak.example --contact-phone '01632 960000' --address '1 Oak Lane, Exton'",
            "setting oak.portfolio --context @context.txt",
        ],
        "With no option it prints the details. TEXT_OR_@FILE is the text itself, or @FILE to read a "
        "UTF-8 text file.",
    )
    p.add_argument("path")
    p.add_argument("--name", metavar="T", help="the setting's name")
    p.add_argument("--kind", metavar="T", help="e.g. primary school, secure children's home")
    p.add_argument("--head", metavar="T", help="the head of the setting")
    p.add_argument("--contact-email", metavar="T")
    p.add_argument("--contact-phone", metavar="T")
    p.add_argument("--address", metavar="T")
    p.add_argument("--reference", metavar="T", help="e.g. the URN or registration number")
    p.add_argument(
        "--context", metavar="TEXT_OR_@FILE", help="the setting's context for the assessor"
    )
    p.add_argument(
        "--award-level",
        metavar="LEVEL",
        help="the award level applied for, where the scheme has "
        "levels (Signs of Safety: Bronze, Silver or Gold)",
    )
    p.set_defaults(func=cmd_setting)

    staff = add_group(
        sub, "staff", "the setting's staff list: leads of themes, priorities and actions"
    )
    p = add_command(
        staff,
        "add",
        "add a member of staff; prints their id",
        [
            "staff add oak.portfolio 'Ben Jones' --role 'Governor'",
            "staff add oak.portfolio 'Ann Patel' --role 'Family Partnership Manager' --lead",
        ],
        "Names must differ (other commands find people by name, in any case). --lead makes them "
        "the lead of the whole portfolio (the only one).",
    )
    p.add_argument("path")
    p.add_argument("name")
    p.add_argument("--role", metavar="T")
    p.add_argument("--email", metavar="T")
    p.add_argument("--lead", action="store_true", help="the portfolio's lead")
    p.set_defaults(func=cmd_staff_add)

    p = add_command(
        staff,
        "list",
        "list the staff, the lead first",
        ["staff list oak.portfolio", "staff list oak.portfolio --json"],
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_staff_list)
