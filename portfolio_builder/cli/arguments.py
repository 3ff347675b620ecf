"""What every command shares: exit codes, opening the portfolio, ISO dates, TEXT_OR_@FILE values, help with examples."""

from __future__ import annotations

import argparse
import textwrap
from datetime import date
from pathlib import Path
from typing import overload

from ..core.errors import BadInput

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
PROG = "portfolio-builder"


def printable(text) -> str:
    """A path or name as one safe terminal line: undecodable bytes and control characters shown escaped."""
    return "".join(
        c if c.isprintable() else repr(c)[1:-1]
        for c in str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    )


def open_portfolio(path: str, read_only: bool = False):
    """The portfolio at path (a newer-format or unwritable file opens read-only and refuses edits)."""
    from ..core.storage.portfolio_file import Portfolio

    return Portfolio.open(Path(path), read_only=read_only)


@overload
def text_or_file(value: str) -> str: ...
@overload
def text_or_file(value: None) -> None: ...
def text_or_file(value: str | None) -> str | None:
    """The value itself, or for '@FILE' the UTF-8 text of FILE ('@@...' stands for a literal '@...')."""
    if value is None or not value.startswith("@"):
        return value
    if value.startswith("@@"):
        return value[1:]
    path = Path(value[1:])
    if not value[1:]:
        raise BadInput("'@' must be followed by the name of a text file to read.")
    if not path.is_file():
        what = "a folder" if path.is_dir() else "missing"
        raise BadInput(
            f"Cannot read {path}: it is {what} (a value starting with @ names a text file; "
            "write @@ for a value that starts with @)."
        )
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput(
            f"{path} is not UTF-8 text; save it as UTF-8 (plain text) and try again."
        ) from None


def date_or_none(value: str | None, what: str = "date") -> date | None:
    """An ISO date argument (2026-03-14), None when not given; BadInput when it is not a date."""
    if value is None:
        return None
    from ..core.framework.lookups import iso_date

    return iso_date(value, what)


def add_command(
    sub, name: str, summary: str, examples: list[str], details: str = ""
) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it does, then shows examples of its use."""
    lines = "\n".join(f"  {PROG} {example}" for example in examples)
    description = summary + (f"\n\n{textwrap.fill(details, 88)}" if details else "")
    return sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"examples:\n{lines}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_group(sub, name: str, summary: str) -> argparse._SubParsersAction:
    """A command with subcommands of its own (`staff add`, `staff list`); one of them is required."""
    parser = sub.add_parser(name, help=summary, description=summary)
    inner = parser.add_subparsers(dest=f"{name} command")
    inner.required = True
    return inner


def name_positionals(parser: argparse.ArgumentParser) -> None:
    """Show positional arguments in capitals (PATH, THEME) in every usage line, subcommands included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                name_positionals(child)
        elif not action.option_strings and action.metavar is None:
            action.metavar = action.dest.upper()
