"""The command line over core: the contract other tools and our acceptance checks use.

Exit codes: 0 success, 1 a rule or bad input refused the request (one line on stderr,
nothing changed), 2 usage errors. With no arguments it opens the desktop application.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from .. import __version__
from ..core.errors import PortfolioError
from .arguments import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, name_positionals

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE"]

# each module of commands, in the order --help lists them, with the commands it registers: a command
# line imports only its own command's module (`verify` loads neither the portfolio file nor Qt)
GROUP_COMMANDS = {
    "portfolio": ("new", "frameworks", "status", "check", "demo", "sample", "open"),
    "setting": ("setting", "staff"),
    "framework": ("theme", "descriptor", "framework-export"),
    "audit": ("rate",),
    "planning": ("priority", "action", "diary", "impact", "write"),
    "evidence": ("add", "tag", "untag", "evidence", "remove"),
    "redaction": ("redact",),
    "show": ("show",),
    "bundle": ("export", "verify"),
    "backups": ("backup", "backups", "restore"),
    "team": ("team-copy", "contribute", "merge", "contributions"),
}

JOURNEY = """a portfolio from start to finish:
  portfolio-builder new oak.portfolio --framework family-partnership-award --setting 'Oak Primary'
  portfolio-builder setting oak.portfolio --contact-email office@oak.example --context @context.txt
  portfolio-builder staff add oak.portfolio 'Ben Jones' --role Governor
  portfolio-builder descriptor paste oak.portfolio 2 theme2.txt
  portfolio-builder rate oak.portfolio 1a embedded --on 2026-03-14 --comment 'Part of everyday practice.'
  portfolio-builder add oak.portfolio minutes.pdf policy.docx --descriptor 1a
  portfolio-builder status oak.portfolio
  portfolio-builder export oak.portfolio out/ && portfolio-builder verify out/*.zip

'portfolio-builder COMMAND --help' explains a command, with examples."""


def command_group(name: str):
    """The module holding a group of commands (portfolio, bundle, ...), imported when first needed."""
    return importlib.import_module(f"{__name__}.{name}")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser (exit code 2 on usage errors, as argparse does); given a known command, only
    that command's group is registered, so nothing else is imported."""
    parser = argparse.ArgumentParser(
        prog="portfolio-builder",
        description=__doc__.splitlines()[0],
        epilog=JOURNEY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups = [name for name, commands in GROUP_COMMANDS.items() if command in commands] or list(
        GROUP_COMMANDS
    )
    for name in groups:
        command_group(name).register(sub)
    name_positionals(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `portfolio-builder`."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from ..app import run_gui

        return run_gui(None)
    args = build_parser(argv[0]).parse_args(argv)
    if not getattr(args, "func", None):
        build_parser().print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except PortfolioError as exc:
        print(f"portfolio-builder: {one_line(exc.message)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("portfolio-builder: interrupted; nothing was half-written.", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(
            f"portfolio-builder: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}".rstrip(
                ": "
            ),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - a bug of ours: one line for the user, the trace on request
        if os.environ.get("PORTFOLIO_BUILDER_DEBUG"):
            raise
        print(
            f"portfolio-builder: unexpected error ({type(exc).__name__}: {exc}); nothing was half-written. "
            "Run again with PORTFOLIO_BUILDER_DEBUG=1 for the details.",
            file=sys.stderr,
        )
        return EXIT_REFUSED


def one_line(message: str) -> str:
    """A refusal as the single line the command line promises (a list becomes '; '-separated)."""
    lines = [
        line.strip().lstrip("-\u2022 ").strip() for line in message.splitlines() if line.strip()
    ]
    if len(lines) <= 1:
        return lines[0] if lines else message
    return f"{lines[0]} " + "; ".join(lines[1:-1] + [lines[-1]])
