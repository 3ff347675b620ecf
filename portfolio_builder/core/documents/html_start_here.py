"""START-HERE.html at the top of the bag: tells the assessor what this is and opens the contents index."""

from __future__ import annotations

from ..shape.portfolio_shape import PortfolioShape
from .html_markup import esc, file_link, page
from .portfolio_view import PortfolioView, nice_date


def render_start_here_html(shape: PortfolioShape, bag_folder: str) -> str:
    """A one-screen welcome page linking to data/ro-crate-preview.html, the PDF and the sheets."""
    view = PortfolioView(shape)
    draft = (
        '<p class="draft">DRAFT \u2014 work in progress, not the final portfolio</p>'
        if view.draft
        else ""
    )
    body = (
        f"<h1>{esc(view.setting_name)}</h1>"
        f'<p class="meta">{esc(view.scheme_name)} \u00b7 portfolio of evidence \u00b7 produced '
        f"{esc(nice_date(shape.created_at))}</p>{draft}"
        f'<p style="font-size:1.3em"><strong>'
        f"{file_link('data/ro-crate-preview.html', 'Open the portfolio contents')}</strong></p>"
        "<ul>"
        f"<li>{file_link('data/portfolio.pdf', 'The printable portfolio (PDF)')}</li>"
        f"<li>{file_link('data/ro-crate-preview.html', 'Contents index: themes, ratings and evidence')}</li>"
        "<li>Editable sheets (Word) are in the folder <code>data/sheets</code>; evidence files in "
        "<code>data/evidence</code>.</li></ul>"
        f'<p class="meta">Folder: {esc(bag_folder)}. This is a BagIt bag: <code>manifest-sha256.txt</code> '
        "lists a checksum for every file, so you can check nothing was changed or lost in transit.</p>"
    )
    return page(f"Start here \u2014 {view.setting_name}", body)
