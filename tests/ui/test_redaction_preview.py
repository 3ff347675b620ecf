"""The evidence preview shows a photo upright with what will be blurred, opens the editor, and the consent choice
offers 'For a blurred version' for photos only."""

from __future__ import annotations

from PySide6.QtGui import QColor

from portfolio_builder.core.evidence.evidence_service import get_evidence
from portfolio_builder.core.evidence.region_service import set_regions
from portfolio_builder.core.privacy.redaction import Region
from portfolio_builder.core.privacy.redaction.region_painting import BLOCK_GREY
from portfolio_builder.ui.pages.evidence_page import EvidencePage
from portfolio_builder.ui.redaction.region_editor import RegionEditor
from tests.core.face_photos import jpeg_bytes, photo

from .evidence_fixtures import context, make_text  # noqa: F401 - fixtures


def _page(qtbot, context) -> EvidencePage:
    page = EvidencePage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _items(portfolio, tmp_path) -> tuple[int, int]:
    from portfolio_builder.core.evidence.evidence_import import import_evidence

    (tmp_path / "astronaut.jpg").write_bytes(jpeg_bytes(photo("astronaut")))
    report = import_evidence(
        portfolio,
        [tmp_path / "astronaut.jpg", make_text(tmp_path / "minutes.txt")],
        consent="obtained",
        workers=1,
    )
    return tuple(report.added)


def test_the_preview_draws_the_regions_and_says_what_leaves(qtbot, context, tmp_path):
    """A photo's preview shows a blocked-out part in the block grey and says what leaves; the photo kept is not
    touched."""
    photo_id, _doc = _items(context.portfolio, tmp_path)
    set_regions(
        context.portfolio,
        photo_id,
        [Region(0.0, 0.0, 0.5, 0.5, "block"), Region(0.5, 0.5, 0.3, 0.3)],
    )
    page = _page(qtbot, context)
    page.select_ids([photo_id])
    preview = page.preview
    assert preview.redaction.text().startswith("When it leaves: 1 part blurred, 1 blocked out")
    assert preview.redact_button.isVisible() and preview.redact_button.isEnabled()

    def blocked() -> bool:
        image = preview._pixmap.toImage() if preview._pixmap is not None else None
        return (
            image is not None
            and image.width() > 400
            and QColor(image.pixel(image.width() // 5, image.height() // 5)).red() == BLOCK_GREY
        )

    qtbot.waitUntil(blocked, timeout=10_000)  # the full preview, upright, with its regions painted


def test_the_preview_opens_the_editor_on_the_photo(qtbot, context, tmp_path, monkeypatch):
    """Blur or block out… opens the region editor for the selected photo; a document has no such button."""
    photo_id, doc_id = _items(context.portfolio, tmp_path)
    opened = []
    monkeypatch.setattr(
        RegionEditor,
        "open_for",
        classmethod(lambda cls, ctx, evidence_id, parent=None: opened.append(evidence_id)),
    )
    page = _page(qtbot, context)
    page.select_ids([photo_id])
    page.preview.redact_button.click()
    assert opened == [photo_id]
    page.select_ids([doc_id])
    assert not page.preview.redact_button.isVisible()


def test_the_consent_choice_offers_a_blurred_version_for_photos_only(qtbot, context, tmp_path):
    """Choosing 'For a blurred version' on a photo records it (undoably) and the preview warns until parts are
    marked; for a document the choice is there but cannot be picked."""
    photo_id, doc_id = _items(context.portfolio, tmp_path)
    page = _page(qtbot, context)
    page.select_ids([photo_id])
    consent = page.editor.consent
    labels = [consent.itemText(i) for i in range(consent.count())]
    assert labels == ["Obtained", "For a blurred version", "Not needed", "Missing"]
    row = consent.findData("blurred")
    assert consent.model().item(row).isEnabled()
    consent.setCurrentIndex(row)
    consent.activated.emit(row)
    assert get_evidence(context.portfolio, photo_id).consent == "blurred"
    assert (
        "stays out of the bundle" in page.preview.redaction.text()
        and page.preview.redaction.isVisible()
    )
    context.undo_stack.undo()
    assert get_evidence(context.portfolio, photo_id).consent == "obtained"
    page.select_ids([doc_id])
    assert not consent.model().item(row).isEnabled()
