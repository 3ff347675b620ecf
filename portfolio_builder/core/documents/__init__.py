"""The documents an assessor receives, built from the typed portfolio: PDF, Word sheets, HTML indexes.

Each sheet's content is built once as data (sheets_theme, sheets_plan) in the scheme's own order
(document_plan), then rendered three ways (render_pdf, render_docx, html_preview).
May import: core base modules, core.scheme and core.shape (the typed portfolio it prints).
"""

from .html_preview import render_preview_html
from .html_start_here import render_start_here_html
from .render_docx import render_sheets_docx
from .render_pdf import render_portfolio_pdf

__all__ = [
    "render_portfolio_pdf",
    "render_sheets_docx",
    "render_preview_html",
    "render_start_here_html",
]
