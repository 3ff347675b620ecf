"""What an assessor can browse in a bundle, as a plain tree: themes, descriptors, audit, plans, sheets, evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from .documents.link_safety import safe_web_url
from .documents.portfolio_view import PortfolioView, text

# Node kinds the viewer knows how to show.
CHECK, SETTING, GROUP, THEME, DESCRIPTOR, EVIDENCE, AUDIT, ACTION_PLAN, PRIORITY, DOCUMENT, TEXT = (
    "check", "setting", "group", "theme", "descriptor", "evidence", "audit", "action_plan", "priority",
    "document", "text")
PHOTO_KINDS = {"photo", "image"}
LINK_KINDS = {"video", "link", "audio-link", "web"}


@dataclass
class ContentNode:
    """One row of the browser: kind says how to show it; data is the snapshot dict it stands for."""

    kind: str
    title: str
    data: dict = field(default_factory=dict)
    children: list["ContentNode"] = field(default_factory=list)
    damaged: bool = False
    parent: "ContentNode | None" = field(default=None, repr=False, compare=False)

    def add(self, child: "ContentNode") -> "ContentNode":
        child.parent = self
        self.children.append(child)
        return child


def evidence_action(item: dict) -> str:
    """How an item is viewed: 'photo' in the app, 'file' in the system viewer, 'link' after asking, or 'none'."""
    if item.get("included") is False or (not item.get("path") and not item.get("url")):
        return "link" if safe_web_url(item.get("url")) else "none"
    if item.get("path"):
        mime = text(item.get("mime_type"))
        if text(item.get("kind")) in PHOTO_KINDS or mime in ("image/jpeg", "image/png", "image/gif", "image/webp"):
            return "photo"
        return "file"
    return "link" if safe_web_url(item.get("url")) else "none"


def _evidence_title(item: dict, role: str = "") -> str:
    title = text(item.get("title")) or text(item.get("original_name")) or f"Item {text(item.get('id'))}"
    return f"{role}{title}"


def build_contents(snapshot: dict, damaged: set[str] = frozenset(), documents: list[str] | None = None,
                   valid: bool = True) -> ContentNode:
    """The browse tree of a bundle; damaged holds payload paths ('evidence/...') whose files failed checks."""
    view = PortfolioView(snapshot)
    root = ContentNode(GROUP, view.setting_name)

    def evidence_node(parent: ContentNode, item: dict, role: str = "") -> None:
        path = text(item.get("path"))
        parent.add(ContentNode(EVIDENCE, _evidence_title(item, role), item, damaged=bool(path) and path in damaged))

    root.add(ContentNode(CHECK, "Bundle check: " + ("valid" if valid else "PROBLEMS FOUND")))
    root.add(ContentNode(SETTING, "Setting details and context", view.setting))
    themes = root.add(ContentNode(GROUP, f"{view.theme_word}s and descriptors"))
    for theme in view.themes:
        t_node = themes.add(ContentNode(THEME, view.theme_heading(theme), theme))
        for d in theme.get("descriptors") or []:
            if not isinstance(d, dict):
                continue
            d_node = t_node.add(ContentNode(DESCRIPTOR, f"{text(d.get('code'))}  {text(d.get('text'))}", d))
            for item in view.items(d.get("key_evidence")):
                evidence_node(d_node, item)
            for item in view.items(d.get("cross_references")):
                evidence_node(d_node, item, "Cross-reference: ")
        t_node.damaged = any(c.damaged for d in t_node.children for c in d.children)
    root.add(ContentNode(AUDIT, "Audit", {}))
    root.add(ContentNode(ACTION_PLAN, "Action plan", {}))
    if view.priorities:
        sheets = root.add(ContentNode(GROUP, "Priority Action Cover Sheets"))
        for priority in view.priorities:
            p_node = sheets.add(ContentNode(PRIORITY, f"Priority {text(priority.get('number'))}: "
                                            f"{text(priority.get('title'))}", priority))
            for item in view.cover_sheet_evidence(priority):
                evidence_node(p_node, item)
    root.add(ContentNode(TEXT, "Three-year outline action plan", {"body": snapshot.get("three_year_plan")}))
    root.add(ContentNode(TEXT, "Good-practice case study", {"body": snapshot.get("case_study")}))
    if documents:
        docs = root.add(ContentNode(GROUP, "Printable portfolio and sheets"))
        for name in documents:
            docs.add(ContentNode(DOCUMENT, name, {"path": name}, damaged=name in damaged))
    every = root.add(ContentNode(GROUP, f"Every evidence item ({len(view.evidence)})"))
    for item in view.evidence:
        evidence_node(every, item)
    return root
