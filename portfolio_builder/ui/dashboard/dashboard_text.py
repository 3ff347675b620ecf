"""The dashboard's charts and chips as sentences: the same facts, for screen readers and anyone who prefers text."""

from __future__ import annotations

from html import escape


def dashboard_sections(
    headline: str, tiles, chips, ratings, timeline, chips_title: str
) -> list[tuple[str, list[str]]]:
    """(heading, lines) for each part of the dashboard, read from the widgets' own text equivalents."""
    figures = [
        t.accessibleName()
        for t in (tiles.rated, tiles.evidenced, tiles.priorities, tiles.consent)
        if not t.isHidden() and t.accessibleName()
    ]
    ratings_text = ratings.accessibleDescription()
    timeline_text = timeline.accessibleDescription()
    return [
        ("Where the portfolio stands", [headline, *figures]),
        (chips_title, chips.fact_lines()),
        (
            ratings.accessibleName(),
            [p for p in ratings_text.split("; ") if p] or ["Nothing rated yet."],
        ),
        (
            timeline.accessibleName(),
            [p for p in timeline_text.split("; ") if p] or ["No dated actions yet."],
        ),
    ]


def dashboard_html(sections: list[tuple[str, list[str]]]) -> str:
    """The sections as headings and lists, which a screen reader can move through one by one."""
    parts = []
    for heading, lines in sections:
        parts.append(
            f"<h3>{escape(heading)}</h3><ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in lines)
            + "</ul>"
        )
    return "".join(parts)
