"""The right-hand panel of the framework page: one descriptor's text, examples, ratings and evidence, or a theme."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core.framework.descriptor_detail import DescriptorDetail, ThemeLine
from ..core.scheme.model import Scheme, Words
from .models.audit_table_model import text_colour_on
from .scheme_words import in_sentence

MUTED, WARN = "color:#595959", "color:#B3261E"  # 4.5:1 or more on a light page
OURS_STYLE = "background-color:#FFF3CD; color:#5C4400;"


def _chip(colour: str, label: str) -> str:
    return (
        f'<span style="background-color:{escape(colour)}; color:{text_colour_on(colour)};">'
        f"&nbsp;{escape(label)}&nbsp;</span>"
    )


def ours_note(words: Words) -> str:
    """The words shown beside text the project wrote, until the setting types in its own."""
    return f"Our summary: replace with your {words.guidance_possessive} wording."


def _key_evidence(d: DescriptorDetail, words: Words) -> list[str]:
    rule = d.rule
    if not rule.per_descriptor:
        items = "".join(
            f"<li>{escape(e.title)} <span style='{MUTED}'>({escape(e.kind)}, item {e.id})</span></li>"
            for e in d.key_evidence
        )
        return [
            f"<h3>{escape(words.key_evidence)}</h3>",
            f"<ul>{items}</ul>" if items else f"<p style='{MUTED}'>None.</p>",
        ]
    parts = [
        f"<h3>{escape(words.key_evidence)} ({len(d.key_evidence)}; {escape(rule.describe())})</h3><ol>"
    ]
    for item in d.key_evidence:
        parts.append(
            f"<li>{escape(item.title)} <span style='{MUTED}'>({escape(item.kind)}, item {item.id})</span></li>"
        )
    for _missing in range(max(0, rule.min_key - len(d.key_evidence))):
        parts.append(
            f"<li style='{WARN}'>Empty: drop an evidence item on this {escape(in_sentence(words.descriptor))}.</li>"
        )
    parts.append("</ol>")
    return parts


def descriptor_html(d: DescriptorDetail, scheme: Scheme) -> str:
    """The panel's content for a descriptor in the scheme's words; every stored text escaped."""
    words = scheme.words
    parts = [f"<h2>{escape(words.descriptor)} {escape(d.code)}</h2><p>{escape(d.text)}</p>"]
    if d.ours:
        parts.append(
            f"<p style='{OURS_STYLE}'>&nbsp;{escape(ours_note(words))} (Edit {escape(in_sentence(words.descriptor))}"
            "…)&nbsp;</p>"
        )
    parts.append(
        f"<p style='{MUTED}'>{escape(words.theme)} {escape(d.theme_code)}: {escape(d.theme_title)}</p>"
    )
    parts += _key_evidence(d, words)
    parts.append(f"<h3>{escape(words.cross_reference)}</h3>")
    if d.cross_references:
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(e.title)} <span style='{MUTED}'>(item {e.id})</span></li>"
                for e in d.cross_references
            )
            + "</ul>"
        )
    else:
        parts.append(f"<p style='{MUTED}'>None.</p>")
    parts.append(f"<h3>{escape(words.rating)}: history</h3>")
    if d.history:
        parts.append("<table cellpadding='3'>")
        for r in reversed(d.history):
            by = f" ({escape(r.rated_by)})" if r.rated_by else ""
            parts.append(
                f"<tr><td>{r.rated_on:%d %b %Y}</td><td>{_chip(r.colour, r.label)}</td>"
                f"<td>{escape(r.comment)}{by}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p style='{MUTED}'>Not rated yet: rate it on the Audit page.</p>")
    parts.append(f"<h3>{escape(words.examples)}</h3>")
    parts.append(
        "<ul>" + "".join(f"<li>{escape(e)}</li>" for e in d.examples) + "</ul>"
        if d.examples
        else f"<p style='{MUTED}'>None listed.</p>"
    )
    return "".join(parts)


def theme_html(theme: ThemeLine, scheme: Scheme) -> str:
    """The panel's content for a theme: its set-up advice (never printed), its description and a summary."""
    words, rule = scheme.words, scheme.evidence_rule
    title = f"{escape(words.theme)} {escape(theme.code)}: {escape(theme.title)}"
    parts = [f"<h2>{title}</h2>"]
    if theme.placeholder:
        parts.append(
            f"<p style='{WARN}'><b>Rename this {escape(in_sentence(words.theme))}</b>: '{escape(theme.title)}' is "
            f"the scheme's placeholder. Give it the name your {escape(words.guidance)} uses (Edit "
            f"{escape(in_sentence(words.theme))}…); until then it is not printed under this name.</p>"
        )
    if theme.hint:
        parts.append(
            f"<p style='{OURS_STYLE}'>&nbsp;Setting up (for you only, never printed): {escape(theme.hint)}"
            "&nbsp;</p>"
        )
    if theme.description:
        parts.append(f"<p>{escape(theme.description)}</p>")
    count = len(theme.descriptors)
    if not count:
        summary = (
            f"No {in_sentence(words.descriptors)} yet: add them from your {words.guidance} (Add "
            f"{in_sentence(words.descriptor)}) or import a framework file."
        )
    else:
        rated = sum(1 for d in theme.descriptors if d.rating_label)
        summary = f"{count} {in_sentence(words.descriptors) if count != 1 else in_sentence(words.descriptor)}; {rated} rated"
        if rule.per_descriptor:
            evidenced = sum(1 for d in theme.descriptors if d.evidenced)
            summary += (
                f"; {evidenced} have their {in_sentence(words.key_evidence)} ({rule.describe()})"
            )
        ours = sum(1 for d in theme.descriptors if d.ours)
        summary += "." + (
            f" {ours} still show our summary instead of your {words.guidance_possessive} wording."
            if ours
            else ""
        )
    parts.append(f"<p>{escape(summary)}</p>")
    return "".join(parts)


class DescriptorDetailView(QTextBrowser):
    """Read-only rich text; links are not followed (nothing here leaves the app)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName("Details")
        self.show_nothing()

    def show_nothing(self, words: Words | None = None) -> None:
        words = words or Words()
        self.setHtml(
            f"<p style='{MUTED}'>Select a {escape(in_sentence(words.theme))} or "
            f"{escape(in_sentence(words.descriptor))} to see its details.</p>"
        )

    def show_descriptor(self, detail: DescriptorDetail, scheme: Scheme) -> None:
        self.setHtml(descriptor_html(detail, scheme))

    def show_theme(self, theme: ThemeLine, scheme: Scheme) -> None:
        self.setHtml(theme_html(theme, scheme))
