"""The submission bundle from the command line: export it (final or DRAFT) and verify one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .arguments import EXIT_OK, EXIT_REFUSED, add_command, open_portfolio, printable


def cmd_export(args) -> int:
    """`export`: the final bundle (or a DRAFT), with what was left out on stderr; --dry-run writes nothing."""
    from ..core.bundle.bundle_export import export_bundle
    from ..core.bundle.export_plan import check_documents, check_photos, plan_export, preview_lines

    def progress(done, total, name=""):
        if args.verbose and total:
            print(f"{100 * done // total:3d}% {printable(name)}", file=sys.stderr)

    untagged = True if args.include_untagged else None
    with open_portfolio(args.path, read_only=True) as portfolio:
        plan = plan_export(
            portfolio,
            draft=args.draft,
            include_unconsented=args.include_unconsented,
            include_untagged=untagged,
        )
        if (
            args.dry_run
        ):  # what would leave, and what would be removed or left out; nothing is written
            check_documents(portfolio, plan)
            check_photos(portfolio, plan)
            for line in preview_lines(plan):
                print(printable(line))
            return EXIT_OK
        result = export_bundle(
            portfolio, Path(args.out), draft=args.draft, plan=plan, progress=progress
        )
    for evidence_id, title, reason in result.left_out:
        print(f"left out item {evidence_id} '{printable(title)}': {reason}", file=sys.stderr)
    print(
        f"Wrote {result.path} ({result.file_count} files, {result.bytes_written / 1e6:.1f} MB, "
        f"bundle {result.uuid})."
    )
    return EXIT_OK


def cmd_verify(args) -> int:
    """`verify`: is a bundle complete and untampered (exit 1 when not)."""
    from ..core.bundle.bundle_verify import verify_bundle

    report = verify_bundle(Path(args.bundle))
    if args.json:
        print(
            json.dumps(
                {
                    "valid": report.valid,
                    "safe": report.safe,
                    "ours": report.ours,
                    "headline": report.headline,
                    "problems": report.problems,
                    "uuid": report.uuid,
                    "setting": report.setting,
                    "scheme": report.scheme,
                },
                indent=2,
            )
        )
    elif report.valid:
        print(report.headline)
    else:
        print(
            printable(report.headline), file=sys.stderr
        )  # first: is it a Portfolio Builder bundle at all
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
    return EXIT_OK if report.valid else EXIT_REFUSED


def register(sub) -> None:
    """Add export and verify to the parser."""
    p = add_command(
        sub,
        "export",
        "write the submission bundle",
        ["export oak.portfolio out/", "export oak.portfolio out/oak-interim.zip --draft"],
        "A final export is refused until 'status' says ready; --draft exports anyway, marked DRAFT "
        "(for an interim review). Photos and recordings without recorded consent stay out unless "
        "--include-unconsented.",
    )
    p.add_argument("path")
    p.add_argument("out")
    p.add_argument("--draft", action="store_true", help="export an unready portfolio, marked DRAFT")
    p.add_argument(
        "--include-unconsented",
        action="store_true",
        help="include photos whose consent is not recorded",
    )
    p.add_argument(
        "--include-untagged",
        action="store_true",
        help="include evidence presented for no descriptor or cover sheet (a draft includes it anyway)",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="list what would leave (titles, file names, metadata removed, items left out); write nothing",
    )
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_export)

    p = add_command(
        sub,
        "verify",
        "check a bundle is complete and untampered",
        ["verify out/Oak-Family-Partnership-Award-2026-06-30.zip", "verify bundle.zip --json"],
    )
    p.add_argument("bundle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)
