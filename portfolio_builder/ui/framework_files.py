"""Framework files from the Framework page: import the new codes of a file (undoable), or export the edited framework."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import PortfolioError
from ..core.framework.framework_merge import apply_merge, plan_merge
from ..core.framework.framework_reads import framework_copy
from ..core.scheme.framework_file import load_framework, save_framework
from . import messages
from .portfolio_context import FRAMEWORK
from .scheme_words import in_sentence


def import_framework_file(page) -> bool:
    """Ask for a file, show what is new in it and, on Yes, add it as one undoable edit (existing codes stay)."""
    path = messages.ask_open_path(page, "Import a framework file", messages.FRAMEWORK_FILTER)
    if not path:
        return False
    try:
        framework = load_framework(Path(path))
    except PortfolioError as exc:
        messages.show_error(page, exc.message)
        return False
    p = page.context.portfolio
    plan = plan_merge(p, framework)
    w = page.context.scheme.words
    if plan.empty:
        messages.show_info(
            page,
            f"{framework.name} has no {in_sentence(w.themes)} or {in_sentence(w.descriptors)} with new "
            "codes: nothing to add.",
        )
        return False
    themes, descriptors = plan.codes()
    question = (
        f"Add {len(themes)} new {in_sentence(w.theme)}(s) and {len(descriptors)} new {in_sentence(w.descriptor)}(s) "
        f"from {framework.name}? Codes already in this portfolio are left as they are."
    )
    if not messages.confirm(page, question, "Import framework", "\n".join(plan.summary_lines())):
        return False
    return page.context.push(
        f"Import framework {framework.name}", lambda: apply_merge(p, plan), FRAMEWORK
    )


def export_framework_file(page) -> bool:
    """Save the portfolio's framework, as the setting edited it, as a file another setting can import."""
    framework = framework_copy(page.context.portfolio)
    path = messages.ask_save_path(
        page, "Export the framework", messages.FRAMEWORK_FILTER, f"{framework.id}.toml"
    )
    if not path:
        return False
    try:
        save_framework(framework, Path(path))
    except PortfolioError as exc:
        messages.show_error(page, exc.message)
        return False
    except OSError as exc:
        messages.show_error(page, f"Could not save {Path(path).name}: {exc.strerror or exc}.")
        return False
    return True
