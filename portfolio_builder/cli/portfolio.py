"""Commands about a portfolio as a whole: create it, list frameworks, readiness, integrity, the sample, the app."""

from __future__ import annotations

import json
from pathlib import Path

from .arguments import EXIT_OK, EXIT_REFUSED, add_command, open_portfolio


def cmd_new(args) -> int:
    """`new`: a portfolio from a shipped or a .toml framework."""
    from ..core.framework.portfolio_setup import create_portfolio
    from ..core.scheme.framework_catalog import shipped_framework
    from ..core.scheme.framework_file import load_framework

    framework = (
        load_framework(Path(args.framework))
        if args.framework.endswith(".toml")
        else shipped_framework(args.framework)
    )
    lead = (args.lead, args.lead_role) if args.lead else None
    with create_portfolio(Path(args.path), framework, args.setting, lead=lead):
        pass
    print(f"Created {args.path} ({framework.name}, {framework.descriptor_count()} descriptors).")
    return EXIT_OK


def cmd_frameworks(args) -> int:
    """`frameworks`: the shipped frameworks, one a line."""
    from ..core.scheme.framework_catalog import shipped_frameworks

    for framework in shipped_frameworks():
        print(
            f"{framework.id}\t{framework.name}\t{len(framework.themes)} themes, "
            f"{framework.descriptor_count()} descriptors, scale: {framework.scale_name}"
        )
    return EXIT_OK


def cmd_status(args) -> int:
    """`status`: readiness as text or JSON."""
    from ..core.planning.readiness import check_readiness

    with open_portfolio(args.path, read_only=True) as portfolio:
        readiness = check_readiness(portfolio)
    if args.json:
        print(
            json.dumps(
                {
                    "ready": readiness.ready,
                    "problems": readiness.problems,
                    "warnings": readiness.warnings,
                    "issues": [vars(i) for i in readiness.issues],
                    "priorities": {
                        "chosen": readiness.priority_count,
                        "required": readiness.priorities_required,
                    },
                    "themes": [
                        {
                            "code": t.code,
                            "title": t.title,
                            "descriptors": len(t.descriptors),
                            "rated": t.rated,
                            "evidenced": t.evidenced,
                            "key_evidence": {d.code: d.key_count for d in t.descriptors},
                        }
                        for t in readiness.themes
                    ],
                },
                indent=2,
            )
        )
    else:
        evidence = (
            "with their evidence" if readiness.rule.per_descriptor else "(evidence not counted)"
        )
        for theme in readiness.themes:
            print(
                f"{theme.code} {theme.title}: {theme.rated}/{len(theme.descriptors)} rated, "
                f"{theme.evidenced}/{len(theme.descriptors)} {evidence}"
            )
        print("Ready for a final export." if readiness.ready else "Not ready for a final export:")
        for problem in readiness.problems:
            print(f"  - {problem}")
        if readiness.warnings:
            print("Worth a look (these do not stop a final export):")
            for warning in readiness.warnings:
                print(f"  - {warning}")
    return EXIT_OK


def cmd_check(args) -> int:
    """`check`: the file's integrity and stored hashes (exit 1 with problems)."""
    import sys

    from ..core.storage.integrity import check_portfolio

    with open_portfolio(args.path, read_only=True) as portfolio:
        problems = check_portfolio(portfolio)
    for problem in problems:
        print(problem, file=sys.stderr)
    print("The portfolio is healthy." if not problems else f"{len(problems)} problem(s) found.")
    return EXIT_OK if not problems else EXIT_REFUSED


def cmd_demo(args) -> int:
    """`demo`: build the sample portfolio of a scheme (the Family Partnership Award unless --scheme says)."""
    from ..core.demo.demo import build_demo

    path = build_demo(Path(args.dir), scheme=args.scheme)
    print(path)
    return EXIT_OK


def cmd_sample(args) -> int:
    """`sample`: the sample built, exported, verified and opened."""
    from ..sample_run import run_sample

    return run_sample(Path(args.dir), gui=not args.no_gui)


def cmd_open(args) -> int:
    """`open`: a portfolio or bundle in the desktop application."""
    from ..app import run_gui

    return run_gui(args.path)


def register(sub) -> None:
    """Add new, frameworks, status, check, demo, sample and open to the parser."""
    p = add_command(
        sub,
        "new",
        "create a portfolio from a framework",
        [
            "new oak.portfolio --framework family-partnership-award --setting 'Oak Primary School' "
            "--lead 'Ann Patel'",
            "new hmyoi.portfolio --framework investors-in-families-secure "
            "--setting 'HMYOI Northfield'",
            "new ours.portfolio --framework our-scheme.toml --setting Oak",
        ],
        "FRAMEWORK is a shipped framework id (see 'frameworks') or a .toml framework file.",
    )
    p.add_argument("path")
    p.add_argument(
        "--framework", required=True, help="a shipped framework id, or a .toml framework file"
    )
    p.add_argument("--setting", required=True, help="the setting's name")
    p.add_argument("--lead", help="the lead's name")
    p.add_argument("--lead-role", default="Family Partnership Manager")
    p.set_defaults(func=cmd_new)

    p = add_command(sub, "frameworks", "list the shipped frameworks", ["frameworks"])
    p.set_defaults(func=cmd_frameworks)

    p = add_command(
        sub,
        "status",
        "readiness of a portfolio: what is still to do before the final export",
        ["status oak.portfolio", "status oak.portfolio --json"],
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = add_command(
        sub,
        "check",
        "check a portfolio file's integrity (and every stored file's hash)",
        ["check oak.portfolio"],
    )
    p.add_argument("path")
    p.set_defaults(func=cmd_check)

    p = add_command(
        sub,
        "demo",
        "build a sample portfolio in DIR: a fictional setting part-way through a scheme",
        ["demo sample-output", "demo sample-output --scheme investors-in-families-secure"],
        "SCHEME is a shipped framework id other than blank (default: family-partnership-award).",
    )
    p.add_argument("dir")
    p.add_argument(
        "--scheme",
        default="family-partnership-award",
        help="family-partnership-award, investors-in-families-secure, la-practice-quality or "
        "signs-of-safety-accreditation",
    )
    p.set_defaults(func=cmd_demo)

    p = add_command(
        sub,
        "sample",
        "build the sample portfolio, export and verify it, and open it",
        ["sample", "sample --dir /tmp/sample --no-gui"],
    )
    p.add_argument("--dir", default="sample-output")
    p.add_argument("--no-gui", action="store_true")
    p.set_defaults(func=cmd_sample)

    p = add_command(
        sub,
        "open",
        "open a portfolio or a bundle in the desktop application",
        ["open oak.portfolio", "open Oak-FPA-2026-06-30.zip"],
    )
    p.add_argument("path")
    p.set_defaults(func=cmd_open)
