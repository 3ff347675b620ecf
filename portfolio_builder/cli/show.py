"""The whole portfolio as JSON, in the shape of the bundle's portfolio.json, for scripts and checks."""

from __future__ import annotations

import json

from .arguments import EXIT_OK, add_command, open_portfolio


def cmd_show(args) -> int:
    """`show`: the whole portfolio as portfolio.json's shape, or a short outline."""
    from ..core.shape.snapshot import build_snapshot

    with open_portfolio(args.path, read_only=True) as portfolio:
        shape = build_snapshot(portfolio)
    if args.json:
        print(json.dumps(shape.to_json_dict(), indent=2, ensure_ascii=False))
        return EXIT_OK
    words = shape.scheme.words
    print(f"{shape.setting.name}: {shape.scheme.name} ({shape.scheme.scale.name})")
    for theme in shape.themes:
        rated = sum(1 for d in theme.descriptors if d.rating)
        print(
            f"  {words.theme.lower()} {theme.code} {theme.title}: {len(theme.descriptors)} "
            f"{words.descriptors.lower()}, {rated} rated"
        )
    print(
        f"  {len(shape.priorities)} {words.priorities.lower()}, {len(shape.action_plan)} actions, "
        f"{len(shape.evidence)} evidence items"
    )
    return EXIT_OK


def register(sub) -> None:
    """Add show to the parser."""
    p = add_command(
        sub,
        "show",
        "the whole portfolio (with --json: in the shape of the bundle's portfolio.json)",
        ["show oak.portfolio", "show oak.portfolio --json > oak.json"],
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
