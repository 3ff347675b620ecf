"""The documents an assessor receives, built from a portfolio snapshot: PDF, Word sheets, HTML indexes."""

from .docx_sheets import render_sheets_docx
from .html_preview import render_preview_html
from .html_start_here import render_start_here_html
from .pdf_portfolio import render_portfolio_pdf

__all__ = ["render_portfolio_pdf", "render_sheets_docx", "render_preview_html", "render_start_here_html"]
