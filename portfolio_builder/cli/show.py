"""The whole portfolio as JSON, in the shape of the bundle's portfolio.json, for scripts and checks."""

from __future__ import annotations

import json

from .arguments import EXIT_OK, add_command, open_portfolio


def cmd_show(args) -> int:
    """`show`: the whole portfolio as portfolio.json's shape, or a short outline."""
    from ..core.snapshot import build_snapshot

    with open_portfolio(args.path, read_only=True) as portfolio:
        snapshot = build_snapshot(portfolio)
    if args.json:
        print(json.dumps(snapshot, indent=2, ensure_ascii=False))
        return EXIT_OK
    setting, framework = snapshot["setting"], snapshot["framework"]
    print(f"{setting['name']}: {framework['name']} ({framework['scale_name']})")
    for theme in snapshot["themes"]:
        rated = sum(1 for d in theme["descriptors"] if d["rating"])
        print(f"  theme {theme['code']} {theme['title']}: {len(theme['descriptors'])} descriptors, {rated} rated")
    print(f"  {len(snapshot['priorities'])} priorities, {len(snapshot['action_plan'])} actions, "
          f"{len(snapshot['evidence'])} evidence items")
    return EXIT_OK


def register(sub) -> None:
    """Add show to the parser."""
    p = add_command(sub, "show", "the whole portfolio (with --json: in the shape of the bundle's portfolio.json)",
                    ["show oak.portfolio", "show oak.portfolio --json > oak.json"])
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
