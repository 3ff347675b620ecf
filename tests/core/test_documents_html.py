"""The static HTML indexes: escaped user text, only safe links, no script, no remote resources, DRAFT banner."""

import re

from portfolio_builder.core.documents import render_preview_html, render_start_here_html
from portfolio_builder.core.shape.portfolio_shape import read_shape

from .snapshot_factory import (
    empty_snapshot,
    fpa_snapshot,
    iif_snapshot,
    iif_snapshot_dict,
    tiny_jpeg,
)


def _hrefs(html):
    return re.findall(r'href="([^"]*)"', html)


def test_hostile_title_is_escaped_and_no_script_anywhere():
    """A title holding <script> and quotes shows as text; the page contains no <script at all."""
    html = render_preview_html(fpa_snapshot(), thumbnail=lambda _id: tiny_jpeg())
    assert "<script" not in html.lower()
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; &#x27;too&#x27;"
        in html
    )


def test_only_http_and_relative_evidence_links():
    """javascript: urls stay text; web links get rel=noopener noreferrer; evidence links are relative paths."""
    snap = fpa_snapshot()
    html = render_preview_html(snap)
    hrefs = _hrefs(html)
    assert not any(h.lower().startswith("javascript") for h in hrefs)
    assert "Dodgy link" in html
    assert all(
        h.startswith(("#", "https://", "http://", "evidence/", "sheets/", "portfolio.pdf"))
        for h in hrefs
    )
    assert (
        '<a href="https://video.example.org/forum?a=1&amp;b=2" rel="noopener noreferrer">' in html
    )
    key = snap.themes[0].descriptors[0].key_evidence[0]
    path = next(e.path for e in snap.evidence if e.id == key)
    assert f'href="{path}"' in html


def test_excluded_items_are_not_linked_or_pictured():
    """An item left out of the bundle (no consent) is named but neither linked nor shown as a thumbnail."""
    html = render_preview_html(iif_snapshot(), thumbnail=lambda _id: tiny_jpeg())
    assert "Photo without consent" in html and "not included in this bundle" in html
    assert 'alt="Photo without consent"' not in html


def test_page_is_self_contained_with_strict_csp():
    """The index works offline: CSP meta tag, inline thumbnails as data: URIs, nothing fetched from elsewhere."""
    html = render_preview_html(fpa_snapshot(), thumbnail=lambda _id: tiny_jpeg())
    assert (
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data: 'self'; "
        "style-src 'unsafe-inline'\">"
    ) in html
    assert 'src="data:image/jpeg;base64,' in html
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(css|js|woff2?|png|jpg)', html)
    assert "<link" not in html


def test_index_lists_every_theme_descriptor_rating_and_cover_sheet():
    """FPA: every entered theme and descriptor, its rating and the action plan; IiF: its cover sheets."""
    snap = fpa_snapshot()
    html = render_preview_html(snap)
    assert "Theme 1: Ethos, vision and policy" in html and "Theme 2: Leadership" in html
    for d in snap.themes[0].descriptors:
        assert f"<strong>{d.code}</strong>" in html
    assert (
        "Embedded" in html
        and "Action for theme 6" in html
        and "Priority Action Cover Sheet" not in html
    )
    iif = render_preview_html(iif_snapshot())
    assert "Priority 5: Priority 5" in iif and "Priority Action Cover Sheet" in iif


def test_draft_banner_and_start_here_link():
    """A draft index says DRAFT; START-HERE links to data/ro-crate-preview.html and escapes the folder name."""
    assert "DRAFT" in render_preview_html(fpa_snapshot(draft=True))
    assert "DRAFT" not in render_preview_html(fpa_snapshot())
    start = render_start_here_html(fpa_snapshot(draft=True), "oak<b>-fpa")
    assert (
        'href="data/ro-crate-preview.html"' in start
        and "oak&lt;b&gt;-fpa" in start
        and "DRAFT" in start
    )
    assert "<script" not in start.lower()


def test_empty_and_component_portfolios_render():
    """A new portfolio with missing fields and an Investors in Families one both produce an index."""
    assert "No actions have been planned yet." in render_preview_html(empty_snapshot())
    assert "Generic evidence" in render_preview_html(iif_snapshot())


def test_codes_are_shown_as_words():
    """Consent and action status print as words ('not needed', 'In progress'), never as stored codes."""
    snap = iif_snapshot_dict()
    snap["action_plan"][0]["status"] = "in-progress"
    html = render_preview_html(read_shape(snap))
    text = re.sub(r"<[^>]+>", " ", html.split("</style>", 1)[1])
    assert "not-needed" not in text and "in-progress" not in text
    assert "consent: not needed" in text and "In progress" in text and "consent: missing" in text


def test_audit_findings_show_the_journey_from_baseline():
    """The index's audit findings match the PDF's: levels at baseline and now, the best fit, and each baseline
    gap with what became of it (kept in the rating history even after re-rating)."""
    html = render_preview_html(fpa_snapshot())
    findings = html.split("Report on findings from the initial audit</h3>", 1)[1].split(
        "</table>", 1
    )[0]
    assert '<th scope="col">At baseline</th>' in findings and '<th scope="col">Now</th>' in findings
    assert "Emergent 10" in findings and "Developing 5, Embedded 5" in findings
    assert "1b (Emergent \u2192 Developing): Needs a policy" in findings
    assert "Developing (20 Sep 2025) \u2192 Embedded (12 Mar 2026)" in findings


def test_table_cells_break_words_only_when_they_must():
    """Cells wrap at spaces ('In progress', 'Descriptor 1c' stay whole); only links may break anywhere."""
    from portfolio_builder.core.documents.html_markup import CSS

    cells = next(rule for rule in CSS.split("}") if rule.strip().startswith("th,td{"))
    assert "overflow-wrap:break-word" in cells and "anywhere" not in cells
    assert "td a{overflow-wrap:anywhere" in CSS


def test_no_text_reads_none():
    """An empty cross-reference cell shows a dash; the word 'None' never appears where a value would be."""
    text = re.sub(r"<[^>]+>", " ", render_preview_html(fpa_snapshot()).split("</style>", 1)[1])
    assert not re.search(r"\bNone\b", text)
