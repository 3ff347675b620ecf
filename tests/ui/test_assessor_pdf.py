"""PDFs in the assessor's viewer: shown in the app from memory when QtPdf is there, never as fine when damaged."""

import io
import os
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from portfolio_builder.core.assessor.bundle_contents import DOCUMENT, EVIDENCE
from portfolio_builder.core.assessor.bundle_session import BundleSession
from portfolio_builder.core.bundle.bundle_reader import BundleReader
from portfolio_builder.ui.assessor import pdf_pane
from portfolio_builder.ui.assessor.item_view import ItemView
from tests.ui import assessor_fixtures
from tests.ui.assessor_fixtures import hand_bagged_bundle, sha256_of, tamper, tiny_pdf
from tests.ui.test_assessor_window import _open, _select, _walk

CORRUPT_TITLE = "Three-year plan draft"


@pytest.fixture
def disk_writes(monkeypatch):
    """Every extraction from the bundle (the only way the viewer writes a file), recorded."""
    written = []
    real = BundleReader.extract_member_to
    monkeypatch.setattr(
        BundleReader,
        "extract_member_to",
        lambda self, name, folder: written.append(name) or real(self, name, folder),
    )
    return written


@pytest.fixture
def reads(monkeypatch):
    """Every read of a payload file through the session: (path, cap)."""
    seen = []
    real = BundleSession.read_bytes
    monkeypatch.setattr(
        BundleSession,
        "read_bytes",
        lambda self, path, max_bytes=None: (
            seen.append((path, max_bytes)) or real(self, path, max_bytes)
        ),
    )
    return seen


def _is_pdf_evidence(node) -> bool:
    return node.kind == EVIDENCE and node.mime_type == "application/pdf" and bool(node.path)


def _member_pages(bundle: Path, suffix: str) -> int:
    """The page count of one PDF in the bundle, read independently with pypdf."""
    with zipfile.ZipFile(bundle) as z:
        name = next(n for n in z.namelist() if n.endswith(suffix))
        return len(PdfReader(io.BytesIO(z.read(name))).pages)


def test_pdf_evidence_is_shown_in_the_app_from_memory(
    qtbot, bundle, tmp_path, errors, disk_writes, reads
):
    """A PDF evidence item opens in the PDF pane, read (capped) through the session; nothing lands on disk."""
    before, mtime = sha256_of(bundle), os.stat(bundle).st_mtime_ns
    window = _open(qtbot, bundle, tmp_path / "assessments")
    node = _select(window, _is_pdf_evidence)
    pane = window.item_view.pdf
    assert pane.isVisibleTo(window) and pane.showing_pdf, pane.notice.text()
    assert pane.page_count() == _member_pages(bundle, node.path) > 0
    assert pane.pages.text() in ("1 page", f"Page 1 of {pane.page_count()}")
    assert reads == [(node.path, pdf_pane.MAX_PDF_BYTES)]
    assert window.item_view.open_button.isVisibleTo(window)  # the system viewer is still offered
    assert disk_writes == [] and window.session.private_dir_if_made is None
    window.close()
    assert sha256_of(bundle) == before and os.stat(bundle).st_mtime_ns == mtime
    assert errors == []


def test_printable_portfolio_pdf_shows_every_page(qtbot, bundle, tmp_path, errors, disk_writes):
    """data/portfolio.pdf under “Printable portfolio and sheets” is shown with all its pages, page 1 first."""
    before = sha256_of(bundle)
    window = _open(qtbot, bundle, tmp_path / "assessments")
    _select(window, lambda n: n.kind == DOCUMENT and n.path == "portfolio.pdf")
    pane = window.item_view.pdf
    expected = _member_pages(bundle, "/data/portfolio.pdf")
    assert expected > 1 and pane.showing_pdf and pane.page_count() == expected
    assert pane.pages.text() == f"Page 1 of {expected}"
    _select(window, lambda n: n.kind == DOCUMENT and n.path.endswith(".docx"))
    assert (
        not pane.isVisibleTo(window) and pane.page_count() == 0
    )  # a Word sheet is not a PDF: details only
    assert disk_writes == [] and window.session.private_dir_if_made is None
    window.close()
    assert sha256_of(bundle) == before


def test_zoom_controls_leave_and_return_to_fit_width(qtbot, bundle, tmp_path, errors):
    """Zoom in enlarges from what is on screen; “Fit width” goes back; there is no button that saves or prints."""
    window = _open(qtbot, bundle, tmp_path / "assessments")
    _select(window, lambda n: n.kind == DOCUMENT and n.path == "portfolio.pdf")
    pane = window.item_view.pdf
    fitted = pane.effective_zoom()
    assert not pane.fit_width.isEnabled()
    pane.zoom_in.click()
    assert pane.view.zoomMode() == pane.view.ZoomMode.Custom
    assert pane.view.zoomFactor() == pytest.approx(fitted * pdf_pane.ZOOM_STEP)
    pane.fit_width.click()
    assert pane.view.zoomMode() == pane.view.ZoomMode.FitToWidth and not pane.fit_width.isEnabled()
    labels = {b.text() for b in pane.findChildren(type(pane.zoom_in))}
    assert labels == {"−", "+", "Fit width"}
    window.close()


def test_damaged_pdf_is_marked_and_not_shown_as_fine(qtbot, bundle, tmp_path, errors, reads):
    """A PDF altered after export (still a valid PDF) is marked damaged and not rendered; the viewer stays offered."""
    with zipfile.ZipFile(bundle) as z:
        target = next(n for n in z.namelist() if "/data/evidence/" in n and n.endswith(".pdf"))
    damaged = tamper(bundle, tmp_path / "damaged.zip", target, tiny_pdf("Altered after export"))
    window = _open(qtbot, damaged, tmp_path / "a")
    suffix = target.split("/data/", 1)[1]
    node = _select(window, lambda n: _is_pdf_evidence(n) and n.path == suffix)
    assert node.damaged
    row = next(i for i in _walk(window.tree.model()) if i.internalPointer() is node)
    assert "(damaged)" in row.data(Qt.ItemDataRole.DisplayRole)
    pane = window.item_view.pdf
    assert pane.isVisibleTo(window) and not pane.showing_pdf and pane.page_count() == 0
    assert "failed the bundle check" in pane.notice.text() and not pane.toolbar.isVisibleTo(window)
    assert "damaged" in window.item_view.page.toPlainText().lower()
    assert reads == []  # its bytes are not even read for showing
    assert window.item_view.open_button.isVisibleTo(window)
    window.close()


@pytest.fixture
def corrupt_bundle(tmp_path, monkeypatch):
    """A valid bundle (checksums match) whose plan PDF is not a readable PDF, as an exporter bug might leave it."""
    real = assessor_fixtures.tiny_pdf
    monkeypatch.setattr(
        assessor_fixtures,
        "tiny_pdf",
        lambda title: (
            b"%PDF-1.7\nthis is not a PDF body\n%%EOF\n" if title == CORRUPT_TITLE else real(title)
        ),
    )
    return hand_bagged_bundle(tmp_path / "corrupt.zip")


def test_corrupt_pdf_shows_a_message_and_open_in_viewer_still_works(
    qtbot, corrupt_bundle, tmp_path, errors, monkeypatch
):
    """A PDF QtPdf cannot load gets a plain message; “Open in viewer” still hands over a read-only copy."""
    window = _open(qtbot, corrupt_bundle, tmp_path / "a")
    assert "valid" in window.banner.text()
    node = _select(window, lambda n: _is_pdf_evidence(n) and n.title.endswith(CORRUPT_TITLE))
    assert not node.damaged
    pane = window.item_view.pdf
    assert pane.isVisibleTo(window) and not pane.showing_pdf
    assert "cannot be shown here" in pane.notice.text() and "Open in viewer" in pane.notice.text()
    opened = []
    monkeypatch.setattr(
        ItemView, "open_local_file", staticmethod(lambda path: opened.append(Path(path)) or True)
    )
    assert window.item_view.open_button.isVisibleTo(window)
    window.item_view.open_button.click()
    assert len(opened) == 1 and opened[0].read_bytes().startswith(b"%PDF-1.7\nthis is not")
    good = _select(window, lambda n: _is_pdf_evidence(n) and not n.title.endswith(CORRUPT_TITLE))
    assert pane.showing_pdf and pane.notice.text() == "", (
        good.title
    )  # the next PDF is shown normally
    window.close()


def test_oversized_pdf_goes_to_the_system_viewer(
    qtbot, bundle, tmp_path, errors, reads, monkeypatch
):
    """A PDF above the in-app cap is not read into memory; the pane says to use “Open in viewer”."""
    monkeypatch.setattr(pdf_pane, "MAX_PDF_BYTES", 1000)
    window = _open(qtbot, bundle, tmp_path / "a")
    _select(window, lambda n: n.kind == DOCUMENT and n.path == "portfolio.pdf")
    pane = window.item_view.pdf
    assert not pane.showing_pdf and "too large to show here" in pane.notice.text()
    assert reads == [] and window.item_view.open_button.isVisibleTo(window)
    window.close()


def test_without_qtpdf_pdfs_open_in_the_system_viewer_as_before(
    qtbot, bundle, tmp_path, errors, monkeypatch, reads
):
    """With no QtPdf the view has no PDF pane: the details page and “Open in viewer” work as they always did."""
    monkeypatch.setattr(pdf_pane, "available", False)
    window = _open(qtbot, bundle, tmp_path / "a")
    assert window.item_view.pdf is None
    node = _select(window, _is_pdf_evidence)
    assert node.title in window.item_view.page.toPlainText()
    assert reads == []
    opened = []
    monkeypatch.setattr(
        ItemView, "open_local_file", staticmethod(lambda path: opened.append(Path(path)) or True)
    )
    window.item_view.open_button.click()
    private = window.session.private_dir_if_made
    assert (
        len(opened) == 1
        and private in opened[0].parents
        and opened[0].read_bytes().startswith(b"%PDF")
    )
    window.close()
    assert not private.exists()
