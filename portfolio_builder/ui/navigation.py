"""From a problem to its fix: a readiness line, a red chip or a missing item takes the user to the page and field."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..core.planning.readiness import (
    AUDIT,
    EVIDENCE,
    FRAMEWORK,
    PLANNING,
    SETTING,
    THEME_SHEET,
    ReadinessIssue,
)

# Where each kind of fix lives, by sidebar title (ui/pages PAGES); the theme's sheet is edited on the Framework page.
PAGE_TITLES = {
    SETTING: "Setting and team",
    FRAMEWORK: "Framework",
    THEME_SHEET: "Framework",
    AUDIT: "Audit",
    EVIDENCE: "Evidence",
    PLANNING: "Planning",
}


def workspace_of(widget: QWidget | None):
    """The PortfolioView a widget sits in (the sidebar and its pages), or None."""
    from .portfolio_view import PortfolioView

    while widget is not None and not isinstance(widget, PortfolioView):
        widget = widget.parentWidget()
    return widget


def go_to_issue(widget: QWidget | None, issue: ReadinessIssue | None) -> bool:
    """Show the page that fixes issue and let it select the item or field (its show_issue); False if nowhere."""
    view = workspace_of(widget)
    title = PAGE_TITLES.get(issue.page) if issue is not None else None
    if view is None or title is None:
        return False
    titles = [name for name, _page in view.pages]
    if title not in titles:
        return False
    view.show_page(titles.index(title))
    page = view.page(title)
    show = getattr(page, "show_issue", None)
    if show is not None:
        show(issue)
    return True


def descriptor_issue(issues: list[ReadinessIssue], code: str) -> ReadinessIssue:
    """What to fix first for one descriptor (its evidence, then its rating, then its wording), else its page."""
    for kind in ("evidence-short", "unrated", "our-wording"):
        found = next((i for i in issues if i.kind == kind and i.subject == code), None)
        if found is not None:
            return found
    return ReadinessIssue("descriptor", code, "", blocks=False, page=FRAMEWORK)
