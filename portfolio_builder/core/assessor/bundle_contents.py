"""What an assessor can browse in a bundle, as a plain tree in the scheme's own words and parts."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..documents.link_safety import safe_web_url
from ..documents.portfolio_view import PortfolioView
from ..scheme.scheme_rules import walk_parts
from ..shape.portfolio_shape import EvidenceShape, PortfolioShape

# Node kinds the viewer knows how to show.
CHECK, SETTING, GROUP, THEME, DESCRIPTOR, EVIDENCE, AUDIT, ACTION_PLAN, PRIORITY, DOCUMENT, TEXT = (
    "check",
    "setting",
    "group",
    "theme",
    "descriptor",
    "evidence",
    "audit",
    "action_plan",
    "priority",
    "document",
    "text",
)
PHOTO_KINDS = {"photo", "image"}
PHOTO_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")


@dataclass
class ContentNode:
    """One row of the browser: kind says how to show it; data is the typed part of the portfolio it stands for."""

    kind: str
    title: str
    data: Any = None
    children: list[ContentNode] = field(default_factory=list)
    damaged: bool = False
    parent: ContentNode | None = field(default=None, repr=False, compare=False)
    path: str = (
        ""  # a payload path (evidence/..., sheets/..., portfolio.pdf) when the node is a file
    )

    def add(self, child: ContentNode) -> ContentNode:
        child.parent = self
        self.children.append(child)
        return child

    @property
    def code(self) -> str:
        """The theme or descriptor code the node stands for ('' otherwise)."""
        return getattr(self.data, "code", "") if self.kind in (THEME, DESCRIPTOR) else ""

    @property
    def url(self) -> str:
        return getattr(self.data, "url", "") if self.kind == EVIDENCE else ""

    @property
    def mime_type(self) -> str:
        return getattr(self.data, "mime_type", "") if self.kind == EVIDENCE else ""


def evidence_action(item: EvidenceShape) -> str:
    """How an item is viewed: 'photo' in the app, 'file' in the system viewer, 'link' after asking, or 'none'."""
    if item.included and item.path:
        if item.kind in PHOTO_KINDS or item.mime_type in PHOTO_TYPES:
            return "photo"
        return "file"
    return "link" if safe_web_url(item.url) else "none"


def _evidence_title(item: EvidenceShape, role: str = "") -> str:
    return f"{role}{item.title or f'Item {item.id}'}"


def build_contents(
    shape: PortfolioShape,
    damaged: Collection[str] = frozenset(),
    documents: list[str] | None = None,
    valid: bool = True,
) -> ContentNode:
    """The browse tree of a bundle; damaged holds payload paths ('evidence/...') whose files failed checks."""
    view = PortfolioView(shape)
    words, scheme = view.words, view.scheme
    root = ContentNode(GROUP, view.setting_name)

    def evidence_node(parent: ContentNode, item: EvidenceShape, role: str = "") -> None:
        path = item.path or ""
        parent.add(
            ContentNode(
                EVIDENCE,
                _evidence_title(item, role),
                item,
                damaged=bool(path) and path in damaged,
                path=path,
            )
        )

    root.add(ContentNode(CHECK, "Bundle check: " + ("valid" if valid else "PROBLEMS FOUND")))
    root.add(ContentNode(SETTING, "Setting details and context", shape.setting))
    themes = root.add(ContentNode(GROUP, f"{words.themes} and {words.descriptors.lower()}"))
    for theme in view.themes:
        t_node = themes.add(ContentNode(THEME, view.theme_heading(theme), theme))
        for d in theme.descriptors:
            d_node = t_node.add(ContentNode(DESCRIPTOR, f"{d.code}  {d.text}", d))
            for item in view.items(d.key_evidence):
                evidence_node(d_node, item)
            for item in view.items(d.cross_references):
                evidence_node(d_node, item, f"{words.cross_reference}: ")
        t_node.damaged = any(c.damaged for d in t_node.children for c in d.children)
    root.add(ContentNode(AUDIT, words.audit))
    root.add(ContentNode(ACTION_PLAN, words.action_plan))
    if view.priorities:
        heading = words.cover_sheets if scheme.priorities.cover_sheets else words.priorities
        sheets = root.add(ContentNode(GROUP, heading))
        for priority in view.priorities:
            p_node = sheets.add(
                ContentNode(
                    PRIORITY, f"{words.priority} {priority.number}: {priority.title}", priority
                )
            )
            for item in view.cover_sheet_evidence(priority):
                evidence_node(p_node, item)
    listed = {
        part.component for part in walk_parts(scheme.document_parts()) if part.part == "evidence"
    }
    for component in scheme.components:
        items = view.component_evidence(component.key)
        if items and component.key in listed:
            group = root.add(ContentNode(GROUP, component.title))
            for item in items:
                evidence_node(group, item)
    for text_part in scheme.texts:
        root.add(ContentNode(TEXT, text_part.title, text_part))
    if documents:
        docs = root.add(ContentNode(GROUP, "Printable portfolio and sheets"))
        for name in documents:
            docs.add(ContentNode(DOCUMENT, name, name, damaged=name in damaged, path=name))
    every = root.add(ContentNode(GROUP, f"Every evidence item ({len(view.evidence)})"))
    for item in view.evidence:
        evidence_node(every, item)
    return root
