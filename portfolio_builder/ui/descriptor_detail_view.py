"""The right-hand panel of the framework page: one descriptor's text, examples, ratings and evidence slots."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core.descriptor_detail import DescriptorDetail, ThemeLine
from .models.audit_table_model import text_colour_on


def _chip(colour: str, label: str) -> str:
    return (f'<span style="background-color:{escape(colour)}; color:{text_colour_on(colour)};">'
            f'&nbsp;{escape(label)}&nbsp;</span>')


def descriptor_html(d: DescriptorDetail) -> str:
    """The panel's content for a descriptor; every stored text escaped."""
    parts = [f"<h2>{escape(d.code)}</h2><p>{escape(d.text)}</p>",
             f"<p style='color:gray'>Theme {escape(d.theme_code)}: {escape(d.theme_title)}</p>",
             f"<h3>Key evidence ({len(d.key_evidence)} of {d.max_key})</h3><ol>"]
    by_slot = {e.slot: e for e in d.key_evidence}
    for slot in range(1, d.max_key + 1):
        item = by_slot.get(slot)
        parts.append(f"<li>{escape(item.title)} <span style='color:gray'>({escape(item.kind)}, item {item.id})</span></li>"
                     if item else "<li style='color:#B3261E'>Empty: drop an evidence item on this descriptor.</li>")
    parts.append("</ol><h3>Cross-references</h3>")
    if d.cross_references:
        parts.append("<ul>" + "".join(f"<li>{escape(e.title)} <span style='color:gray'>(item {e.id})</span></li>"
                                       for e in d.cross_references) + "</ul>")
    else:
        parts.append("<p style='color:gray'>None.</p>")
    parts.append("<h3>Rating history</h3>")
    if d.history:
        parts.append("<table cellpadding='3'>")
        for r in reversed(d.history):
            by = f" ({escape(r.rated_by)})" if r.rated_by else ""
            parts.append(f"<tr><td>{r.rated_on:%d %b %Y}</td><td>{_chip(r.colour, r.label)}</td>"
                         f"<td>{escape(r.comment)}{by}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p style='color:gray'>Not rated yet: rate it on the Audit page.</p>")
    parts.append("<h3>Examples of evidence</h3>")
    parts.append("<ul>" + "".join(f"<li>{escape(e)}</li>" for e in d.examples) + "</ul>"
                 if d.examples else "<p style='color:gray'>None listed.</p>")
    return "".join(parts)


def theme_html(theme: ThemeLine, max_key: int) -> str:
    """The panel's content for a theme: its description and a summary of its descriptors."""
    complete = sum(1 for d in theme.descriptors if d.key_count >= max_key)
    rated = sum(1 for d in theme.descriptors if d.rating_label)
    body = escape(theme.description) if theme.description else ""
    if not theme.descriptors:
        summary = "No descriptors yet: add them from your award pack (Add descriptor) or import a framework file."
    else:
        summary = (f"{len(theme.descriptors)} descriptors; {complete} have all their key evidence; "
                   f"{rated} are rated.")
    return f"<h2>Theme {escape(theme.code)}: {escape(theme.title)}</h2><p>{body}</p><p>{escape(summary)}</p>"


class DescriptorDetailView(QTextBrowser):
    """Read-only rich text; links are not followed (nothing here leaves the app)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName("Descriptor details")
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml("<p style='color:gray'>Select a theme or descriptor to see its details.</p>")

    def show_descriptor(self, detail: DescriptorDetail) -> None:
        self.setHtml(descriptor_html(detail))

    def show_theme(self, theme: ThemeLine, max_key: int) -> None:
        self.setHtml(theme_html(theme, max_key))
