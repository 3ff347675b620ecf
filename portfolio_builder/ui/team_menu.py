"""The File menu's team entries (send a copy, merge a contribution, send my contribution) and their state."""

from __future__ import annotations

from pathlib import Path


def add_team_actions(window, file_menu) -> list:
    """Add the three entries to the File menu (as window.team_copy_action ...); returns them."""
    window.team_copy_action = window._action(
        file_menu, "Send a &team copy…", lambda: run(window, "send_team_copy")
    )
    window.merge_action = window._action(
        file_menu, "&Merge a contribution…", lambda: run(window, "merge")
    )
    window.contribute_action = window._action(
        file_menu, "Send &my contribution…", lambda: run(window, "contribute")
    )
    window.contribute_action.setVisible(False)
    return [window.team_copy_action, window.merge_action, window.contribute_action]


def run(window, what: str, *args) -> None:
    """Start one of ui/team_jobs.py's flows on the open portfolio, keeping its worker."""
    if window.context is None:
        return
    from . import team_jobs

    job = getattr(team_jobs, f"{what}_interactively")(window, window.context, *args)
    if job is not None:
        window._jobs.append(job)


def update_team_actions(window) -> str:
    """Enable what fits the open file: a lead's writable portfolio sends copies and merges; a team copy sends its
    contribution back. Returns whom the open file is a team copy for ('' otherwise)."""
    window.contribute_action.setVisible(False)
    if window.context is None:
        return ""
    from ..core.team.team_copy import copy_owner

    owner = copy_owner(window.context.portfolio)
    writable = not window.context.read_only
    window.team_copy_action.setEnabled(writable and not owner)
    window.merge_action.setEnabled(writable and not owner)
    window.contribute_action.setEnabled(bool(owner))
    window.contribute_action.setVisible(bool(owner))
    return owner


def merge_if_pack(window, path: Path) -> bool:
    """A contribution pack given to the lead's open portfolio (dropped, opened) goes to Merge; False otherwise."""
    from ..core.team.pack_reader import looks_like_pack

    if (
        window.context is None
        or not window.merge_action.isEnabled()
        or not looks_like_pack(Path(path))
    ):
        return False
    run(window, "merge", str(path))
    return True
