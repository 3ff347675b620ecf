"""The command line over core: the contract other tools and our acceptance checks use.

Exit codes: 0 success, 1 a rule or bad input refused the request (one line on stderr,
nothing changed), 2 usage errors. With no arguments it opens the desktop application.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .core.errors import PortfolioError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _open(path: str, read_only: bool = False):
    from .core.portfolio_file import Portfolio

    return Portfolio.open(Path(path), read_only=read_only)


def cmd_new(args) -> int:
    from .core.framework_catalog import shipped_framework
    from .core.framework_file import load_framework
    from .core.portfolio_setup import create_portfolio

    framework = load_framework(Path(args.framework)) if args.framework.endswith(".toml") \
        else shipped_framework(args.framework)
    lead = (args.lead, args.lead_role) if args.lead else None
    with create_portfolio(Path(args.path), framework, args.setting, lead=lead):
        pass
    print(f"Created {args.path} ({framework.name}, {framework.descriptor_count()} descriptors).")
    return EXIT_OK


def cmd_frameworks(args) -> int:
    from .core.framework_catalog import shipped_frameworks

    for framework in shipped_frameworks():
        print(f"{framework.id}\t{framework.name}\t{len(framework.themes)} themes, "
              f"{framework.descriptor_count()} descriptors, scale: {framework.scale_name}")
    return EXIT_OK


def cmd_add(args) -> int:
    from .core.evidence_import import import_evidence

    def progress(done, total, name):
        if args.verbose:
            print(f"[{done}/{total}] {name}", file=sys.stderr)

    with _open(args.path) as portfolio:
        report = import_evidence(portfolio, args.sources, title=args.title,
                                 descriptor_codes=tuple(args.descriptor or ()), cover_sheet_id=args.cover_sheet,
                                 component=args.component, consent=args.consent, progress=progress)
    for evidence_id in report.added:
        print(evidence_id)
    for source, message in getattr(report, "duplicates_info", []) or []:
        print(f"already in the portfolio: {source} ({message})", file=sys.stderr)
    for source, message in report.skipped:
        print(f"skipped {_printable(source)}: {message}", file=sys.stderr)
    if report.stopped:  # the disk filled up: the ids above were stored, the rest were not
        print(f"portfolio-builder: {report.stopped}", file=sys.stderr)
        return EXIT_REFUSED
    if report.skipped and not report.added and not report.duplicates:
        return EXIT_REFUSED
    return EXIT_OK


def _printable(text: str) -> str:
    """A path or name as one safe terminal line: undecodable bytes and control characters shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text).encode("utf-8", "surrogateescape")
                   .decode("utf-8", "backslashreplace"))


def cmd_tag(args) -> int:
    from .core.evidence_links import tag_evidence

    with _open(args.path) as portfolio:
        slot = tag_evidence(portfolio, args.evidence_id, args.code, cross_reference=args.cross_reference)
    what = "a cross-reference" if not slot else f"key evidence {slot}"
    print(f"Item {args.evidence_id} is {what} for {args.code}.")
    return EXIT_OK


def cmd_status(args) -> int:
    from .core.readiness import check_readiness

    with _open(args.path, read_only=True) as portfolio:
        readiness = check_readiness(portfolio)
    if args.json:
        print(json.dumps({
            "ready": readiness.ready, "problems": readiness.problems,
            "issues": [vars(i) for i in readiness.issues],
            "priorities": {"chosen": readiness.priority_count, "required": readiness.priorities_required},
            "themes": [{"code": t.code, "title": t.title, "descriptors": len(t.descriptors), "rated": t.rated,
                        "evidenced": t.evidenced(readiness.min_key),
                        "key_evidence": {d.code: d.key_count for d in t.descriptors}} for t in readiness.themes],
        }, indent=2))
    else:
        for theme in readiness.themes:
            print(f"Theme {theme.code} {theme.title}: {theme.rated}/{len(theme.descriptors)} rated, "
                  f"{theme.evidenced(readiness.min_key)}/{len(theme.descriptors)} with full key evidence")
        print("Ready to export." if readiness.ready else "Not ready:")
        for problem in readiness.problems:
            print(f"  - {problem}")
    return EXIT_OK


def cmd_export(args) -> int:
    from .core.bundle_export import export_bundle
    from .core.export_plan import check_documents, check_photos, plan_export, preview_lines

    def progress(done, total, name=""):
        if args.verbose and total:
            print(f"{100 * done // total:3d}% {_printable(name)}", file=sys.stderr)

    untagged = True if args.include_untagged else None
    with _open(args.path, read_only=True) as portfolio:
        plan = plan_export(portfolio, draft=args.draft, include_unconsented=args.include_unconsented,
                           include_untagged=untagged)
        if args.dry_run:  # what would leave, and what would be removed or left out; nothing is written
            check_documents(portfolio, plan)
            check_photos(portfolio, plan)
            for line in preview_lines(plan):
                print(_printable(line))
            return EXIT_OK
        result = export_bundle(portfolio, Path(args.out), draft=args.draft, plan=plan, progress=progress)
    for evidence_id, title, reason in result.left_out:
        print(f"left out item {evidence_id} '{_printable(title)}': {reason}", file=sys.stderr)
    print(f"Wrote {result.path} ({result.file_count} files, {result.bytes_written / 1e6:.1f} MB, "
          f"bundle {result.uuid}).")
    return EXIT_OK


def cmd_verify(args) -> int:
    from .core.bundle_verify import verify_bundle

    report = verify_bundle(Path(args.bundle))
    if args.json:
        print(json.dumps({"valid": report.valid, "safe": report.safe, "ours": report.ours,
                          "headline": report.headline, "problems": report.problems,
                          "uuid": report.uuid, "setting": report.setting, "scheme": report.scheme}, indent=2))
    elif report.valid:
        print(report.headline)
    else:
        print(_printable(report.headline), file=sys.stderr)  # first: is it a Portfolio Builder bundle at all
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
    return EXIT_OK if report.valid else EXIT_REFUSED


def cmd_check(args) -> int:
    from .core.integrity import check_portfolio

    with _open(args.path, read_only=True) as portfolio:
        problems = check_portfolio(portfolio)
    for problem in problems:
        print(problem, file=sys.stderr)
    print("The portfolio is healthy." if not problems else f"{len(problems)} problem(s) found.")
    return EXIT_OK if not problems else EXIT_REFUSED


def cmd_backup(args) -> int:
    from .core.backups import make_backup

    with _open(args.path, read_only=True):  # refuses what is not a portfolio before anything is written
        pass
    print(f"Backed up to {make_backup(Path(args.path), 'manual')}.")
    return EXIT_OK


def cmd_backups(args) -> int:
    from .core.backup_catalog import describe_backups

    backups = describe_backups(Path(args.path))
    if args.json:
        print(json.dumps([{"number": n, "path": str(b.path), "made_at": b.made_at.isoformat(timespec="seconds"),
                           "kind": b.label, "size": b.size, "evidence_items": b.evidence_items,
                           "descriptors_rated": b.descriptors_rated, "problem": b.problem}
                          for n, b in enumerate(backups, start=1)], indent=2))
        return EXIT_OK
    if not backups:
        print("No backups yet.")
    for number, b in enumerate(backups, start=1):
        state = f"DAMAGED: {b.problem}" if b.problem else (f"{b.evidence_items} evidence items, "
                                                           f"{b.descriptors_rated} of {b.descriptors} rated")
        print(f"{number:3d}  {b.made_at:%Y-%m-%d %H:%M}  {b.label or '-':15}  {state}  {b.path.name}")
    return EXIT_OK


def cmd_restore(args) -> int:
    from .core.backup_catalog import describe_backups
    from .core.backup_restore import restore_backup

    choice = args.backup
    if choice.isdigit():  # a number from `portfolio-builder backups`
        backups = describe_backups(Path(args.path))
        if not 1 <= int(choice) <= len(backups):
            print(f"portfolio-builder: there is no backup number {choice}; see 'portfolio-builder backups "
                  f"{args.path}'.", file=sys.stderr)
            return EXIT_REFUSED
        choice = str(backups[int(choice) - 1].path)
    result = restore_backup(Path(args.path), Path(choice))
    print(f"Restored the copy from {result.restored.made_at:%Y-%m-%d %H:%M} "
          f"({result.restored.evidence_items} evidence items). The state before was saved as "
          f"{result.before_restore}.")
    return EXIT_OK


def cmd_framework_export(args) -> int:
    from .core.framework_file import save_framework
    from .core.framework_service import read_framework

    with _open(args.path, read_only=True) as portfolio, portfolio.session() as session:
        save_framework(read_framework(session), Path(args.out))
    print(f"Wrote {args.out}.")
    return EXIT_OK


def cmd_demo(args) -> int:
    from .core.demo import build_demo

    path = build_demo(Path(args.dir))
    print(path)
    return EXIT_OK


def cmd_sample(args) -> int:
    from .sample_run import run_sample

    return run_sample(Path(args.dir), gui=not args.no_gui)


def cmd_open(args) -> int:
    from .app import run_gui

    return run_gui(args.path)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exit code 2 on usage errors, as argparse does)."""
    parser = argparse.ArgumentParser(prog="portfolio-builder", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("new", help="create a portfolio from a framework")
    p.add_argument("path")
    p.add_argument("--framework", required=True, help="a shipped framework id, or a .toml framework file")
    p.add_argument("--setting", required=True, help="the setting's name")
    p.add_argument("--lead", help="the lead's name")
    p.add_argument("--lead-role", default="Family Partnership Manager")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("frameworks", help="list the shipped frameworks")
    p.set_defaults(func=cmd_frameworks)

    p = sub.add_parser("add", help="import evidence files, folders or web links")
    p.add_argument("path")
    p.add_argument("sources", nargs="+", metavar="FILE_OR_URL")
    p.add_argument("--title")
    p.add_argument("--descriptor", action="append", metavar="CODE")
    p.add_argument("--cover-sheet", type=int, metavar="N")
    p.add_argument("--component", choices=["activity", "generic", "plan"], default="activity")
    p.add_argument("--consent", choices=["obtained", "not-needed", "missing"], default="missing")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("tag", help="present evidence for a descriptor")
    p.add_argument("path")
    p.add_argument("evidence_id", type=int)
    p.add_argument("code")
    p.add_argument("--cross-reference", action="store_true")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("status", help="readiness of a portfolio")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("export", help="write the submission bundle")
    p.add_argument("path")
    p.add_argument("out")
    p.add_argument("--draft", action="store_true", help="export an unready portfolio, marked DRAFT")
    p.add_argument("--include-unconsented", action="store_true",
                   help="include photos whose consent is not recorded")
    p.add_argument("--include-untagged", action="store_true",
                   help="include evidence presented for no descriptor or cover sheet (a draft includes it anyway)")
    p.add_argument("--dry-run", action="store_true",
                   help="list what would leave (titles, file names, metadata removed, items left out); write nothing")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify", help="check a bundle is complete and untampered")
    p.add_argument("bundle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("check", help="check a portfolio file's integrity")
    p.add_argument("path")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("framework-export", help="write the portfolio's framework to a .toml file")
    p.add_argument("path")
    p.add_argument("out")
    p.set_defaults(func=cmd_framework_export)

    p = sub.add_parser("backup", help="back the portfolio up now (beside it, in '<name>-backups')")
    p.add_argument("path")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list a portfolio's backups, newest first")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="put a backup back (the current state is backed up first)")
    p.add_argument("path")
    p.add_argument("backup", help="a number from 'backups' (1 = newest) or a backup file")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("demo", help="build the sample portfolio in DIR")
    p.add_argument("dir")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("sample", help="build the sample portfolio, export and verify it, and open it")
    p.add_argument("--dir", default="sample-output")
    p.add_argument("--no-gui", action="store_true")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("open", help="open a portfolio or a bundle in the desktop application")
    p.add_argument("path")
    p.set_defaults(func=cmd_open)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `portfolio-builder`."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from .app import run_gui

        return run_gui(None)
    args = build_parser().parse_args(argv)
    if not getattr(args, "func", None):
        build_parser().print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except PortfolioError as exc:
        print(f"portfolio-builder: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("portfolio-builder: interrupted; nothing was half-written.", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(f"portfolio-builder: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}".rstrip(": "),
              file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - a bug of ours: one line for the user, the trace on request
        if os.environ.get("PORTFOLIO_BUILDER_DEBUG"):
            raise
        print(f"portfolio-builder: unexpected error ({type(exc).__name__}: {exc}); nothing was half-written. "
              "Run again with PORTFOLIO_BUILDER_DEBUG=1 for the details.", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
