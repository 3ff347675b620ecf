"""The region editor driven with the mouse and keys: draw, move, resize, remove, choose per region, undo, Find faces."""

from __future__ import annotations

import threading

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from portfolio_builder.core.evidence.region_service import item_regions, set_regions
from portfolio_builder.core.privacy.redaction import Region
from portfolio_builder.ui.redaction.region_canvas import STORED, SUGGESTED
from portfolio_builder.ui.redaction.region_editor import RegionEditor
from tests.core.face_photos import FACE_BOXES, jpeg_bytes, photo

from .evidence_fixtures import context  # noqa: F401 - fixture

FACE = Region(0.3, 0.05, 0.3, 0.35, "blur", "ellipse")


def _import(portfolio, tmp_path, name: str, data: bytes, consent: str = "blurred") -> int:
    from portfolio_builder.core.evidence.evidence_import import import_evidence

    path = tmp_path / f"{name}.jpg"
    path.write_bytes(data)
    return import_evidence(portfolio, [path], title=name, consent=consent, workers=1).added[0]


@pytest.fixture
def astronaut(fpa_portfolio, tmp_path):
    """A real photo of a face in the portfolio, consent for a blurred version; returns its id."""
    return _import(fpa_portfolio, tmp_path, "astronaut", jpeg_bytes(photo("astronaut")))


def _editor(qtbot, context, evidence_id) -> RegionEditor:
    editor = RegionEditor(context, evidence_id)
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitUntil(lambda: editor.canvas.picture is not None, timeout=10_000)
    return editor


def _send(widget, kind, point: QPointF, button, buttons) -> None:
    event = QMouseEvent(
        kind, point, widget.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def drag(canvas, start: tuple[float, float], end: tuple[float, float], steps: int = 5) -> None:
    """Press at start, move in steps with the button held, release at end (points as fractions of the photo)."""
    left = Qt.MouseButton.LeftButton
    a, b = canvas.to_widget(*start), canvas.to_widget(*end)
    _send(canvas, QEvent.Type.MouseButtonPress, a, left, left)
    for step in range(1, steps + 1):
        _send(
            canvas,
            QEvent.Type.MouseMove,
            a + (b - a) * (step / steps),
            Qt.MouseButton.NoButton,
            left,
        )
    _send(canvas, QEvent.Type.MouseButtonRelease, b, left, Qt.MouseButton.NoButton)


def _close(region: Region, x: float, y: float, w: float, h: float, slack: float = 0.01) -> bool:
    return all(
        abs(a - b) <= slack for a, b in zip((region.x, region.y, region.w, region.h), (x, y, w, h))
    )


def test_drawing_a_region_stores_it_at_once_and_undo_takes_it_away(qtbot, context, astronaut):
    """Dragging on the photo marks a part (blur, rectangle by default), saved as drawn; Undo and Redo work."""
    editor = _editor(qtbot, context, astronaut)
    drag(editor.canvas, (0.1, 0.1), (0.3, 0.4))
    [region] = item_regions(context.portfolio, astronaut)
    assert _close(region, 0.1, 0.1, 0.2, 0.3) and (region.mode, region.shape) == (
        "blur",
        "rectangle",
    )
    assert "1 part blurred" in editor.status.text()
    editor.undo_action.trigger()
    assert item_regions(context.portfolio, astronaut) == () and editor.canvas.regions == ()
    editor.redo_action.trigger()
    assert item_regions(context.portfolio, astronaut) == (region,)


def test_a_click_without_dragging_marks_nothing(qtbot, context, astronaut):
    """A click (no drag) on the photo does not make a tiny region."""
    editor = _editor(qtbot, context, astronaut)
    drag(editor.canvas, (0.5, 0.5), (0.5005, 0.5), steps=1)
    assert item_regions(context.portfolio, astronaut) == ()


def test_a_region_is_moved_and_resized_with_the_mouse_each_one_undo_step(qtbot, context, astronaut):
    """Dragging a region moves it; dragging its corner handle resizes it; two undos put it back where it was."""
    set_regions(context.portfolio, astronaut, [Region(0.2, 0.2, 0.2, 0.2)])
    editor = _editor(qtbot, context, astronaut)
    drag(editor.canvas, (0.3, 0.3), (0.4, 0.35))  # from its middle
    [moved] = item_regions(context.portfolio, astronaut)
    assert _close(moved, 0.3, 0.25, 0.2, 0.2)
    drag(
        editor.canvas, (0.5, 0.45), (0.6, 0.6)
    )  # its bottom-right handle (it is selected after the move)
    [resized] = item_regions(context.portfolio, astronaut)
    assert _close(resized, 0.3, 0.25, 0.3, 0.35)
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert item_regions(context.portfolio, astronaut) == (Region(0.2, 0.2, 0.2, 0.2),)


def test_a_region_cannot_be_dragged_off_the_photo(qtbot, context, astronaut):
    """Moving a region past the edge stops it at the edge: it stays whole inside the photo."""
    set_regions(context.portfolio, astronaut, [Region(0.7, 0.7, 0.2, 0.2)])
    editor = _editor(qtbot, context, astronaut)
    drag(editor.canvas, (0.8, 0.8), (1.3, 1.2))
    [region] = item_regions(context.portfolio, astronaut)
    assert _close(region, 0.8, 0.8, 0.2, 0.2)


def test_removing_a_region_with_delete_or_the_button_is_undoable(qtbot, context, astronaut):
    """Delete removes the selected region, so does Remove; Undo brings each back."""
    set_regions(context.portfolio, astronaut, [FACE, Region(0.05, 0.6, 0.2, 0.1, "block")])
    editor = _editor(qtbot, context, astronaut)
    editor.canvas.select(STORED, 1)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Delete)
    assert item_regions(context.portfolio, astronaut) == (FACE,)
    editor.canvas.select(STORED, 0)
    editor.remove_button.click()
    assert item_regions(context.portfolio, astronaut) == ()
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert len(item_regions(context.portfolio, astronaut)) == 2


def test_shape_and_effect_are_chosen_per_region(qtbot, context, astronaut):
    """The choices change the selected region only; a new region is drawn with the current choices."""
    set_regions(
        context.portfolio, astronaut, [Region(0.1, 0.1, 0.2, 0.2), Region(0.6, 0.6, 0.2, 0.2)]
    )
    editor = _editor(qtbot, context, astronaut)
    editor.canvas.select(STORED, 0)
    for choice, value in ((editor.shape_choice, "ellipse"), (editor.mode_choice, "block")):
        choice.setCurrentIndex(choice.findData(value))
        choice.activated.emit(choice.currentIndex())
    first, second = item_regions(context.portfolio, astronaut)
    assert (first.shape, first.mode) == ("ellipse", "block") and (second.shape, second.mode) == (
        "rectangle",
        "blur",
    )
    editor.canvas.select(None)
    drag(editor.canvas, (0.4, 0.05), (0.55, 0.2))
    assert item_regions(context.portfolio, astronaut)[-1].mode == "block"
    editor.canvas.select(STORED, 1)
    assert editor.mode_choice.currentData() == "blur"  # the choices show the selected region's own


def test_the_photo_is_shown_upright_and_regions_are_drawn_upright(
    qtbot, context, fpa_portfolio, tmp_path
):
    """A photo stored sideways (EXIF orientation 6) is shown as a portrait, and a region drawn on the face there
    blurs the face in the copy that leaves."""
    import io

    import numpy as np
    from PIL import ImageOps

    from portfolio_builder.core.evidence.evidence_details import stored_bytes
    from portfolio_builder.core.privacy.redaction import redact_photo

    upright = photo("grace_hopper")
    exif = Image.Exif()
    exif[0x0112] = 6
    evidence_id = _import(
        fpa_portfolio,
        tmp_path,
        "hopper",
        jpeg_bytes(upright.transpose(Image.Transpose.ROTATE_90), exif=exif.tobytes()),
    )
    editor = _editor(qtbot, context, evidence_id)
    picture = editor.canvas.picture
    assert picture.width() / picture.height() == pytest.approx(
        upright.width / upright.height, abs=0.01
    )
    x, y, w, h = FACE_BOXES["grace_hopper"]
    width, height = upright.size
    drag(editor.canvas, (x / width, y / height), ((x + w) / width, (y + h) / height))
    out = redact_photo(
        stored_bytes(context.portfolio, evidence_id), item_regions(context.portfolio, evidence_id)
    )
    shown = np.asarray(
        ImageOps.exif_transpose(Image.open(io.BytesIO(out.data))).convert("L"), float
    )
    original = np.asarray(upright.convert("L"), float)
    face = (slice(y + 5, y + h - 5), slice(x + 5, x + w - 5))
    assert (
        np.abs(np.diff(shown[face], axis=1)).mean()
        < 0.2 * np.abs(np.diff(original[face], axis=1)).mean()
    )


def test_find_faces_runs_on_a_worker_and_its_suggestions_are_adjusted_then_accepted(
    qtbot, context, astronaut, monkeypatch
):
    """Find faces looks on a worker thread; the suggestion is dashed and not stored; moving it keeps it a
    suggestion; Accept stores it as one undoable step."""
    import portfolio_builder.core.privacy.redaction as redaction

    threads, real = [], redaction.find_faces
    monkeypatch.setattr(
        redaction,
        "find_faces",
        lambda data: threads.append(threading.current_thread()) or real(data),
    )
    editor = _editor(qtbot, context, astronaut)
    editor.find_faces()
    assert editor.progress.isVisible() and not editor.find_button.isEnabled()
    qtbot.waitUntil(lambda: bool(editor.canvas.suggestions), timeout=30_000)
    assert threads and threads[0] is not threading.main_thread()
    [suggested] = editor.canvas.suggestions
    assert editor.canvas.selection == (SUGGESTED, 0) and editor.suggestion_bar.isVisible()
    assert item_regions(context.portfolio, astronaut) == ()
    x, y, w, h = FACE_BOXES["astronaut"]
    assert suggested.x < x / 512 and suggested.x + suggested.w > (x + w) / 512  # over the real face
    centre = (suggested.x + suggested.w / 2, suggested.y + suggested.h / 2)
    drag(editor.canvas, centre, (centre[0] + 0.02, centre[1] + 0.01))
    [adjusted] = editor.canvas.suggestions
    assert adjusted.x == pytest.approx(suggested.x + 0.02, abs=0.005)
    assert item_regions(context.portfolio, astronaut) == ()
    editor.accept_button.click()
    assert item_regions(context.portfolio, astronaut) == (adjusted,)
    assert not editor.suggestion_bar.isVisible()
    editor.undo_action.trigger()
    assert item_regions(context.portfolio, astronaut) == ()


def test_a_suggestion_can_be_removed_before_accepting(qtbot, context, astronaut):
    """Removing the suggestion (Delete) leaves nothing to accept and nothing stored."""
    editor = _editor(qtbot, context, astronaut)
    editor.find_faces()
    qtbot.waitUntil(lambda: bool(editor.canvas.suggestions), timeout=30_000)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Delete)
    assert editor.canvas.suggestions == () and not editor.suggestion_bar.isVisible()
    editor.accept_button.click()
    assert item_regions(context.portfolio, astronaut) == ()


def test_find_faces_can_be_cancelled(qtbot, context, astronaut, monkeypatch):
    """Cancel while faces are being looked for: no suggestion appears and the button is back."""
    import portfolio_builder.core.privacy.redaction as redaction

    release = threading.Event()
    monkeypatch.setattr(redaction, "find_faces", lambda data: release.wait(10) and () or (FACE,))
    editor = _editor(qtbot, context, astronaut)
    editor.find_faces()
    editor.progress.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: editor.find_button.isEnabled(), timeout=10_000)
    assert editor.canvas.suggestions == () and "cancelled" in editor.status.text()


def test_a_read_only_portfolio_shows_regions_but_changes_nothing(qtbot, fpa_portfolio, astronaut):
    """Opened read-only, the editor shows the regions; dragging and Find faces change nothing."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    set_regions(fpa_portfolio, astronaut, [FACE])
    path = fpa_portfolio.path
    fpa_portfolio.close()
    with Portfolio.open(path, read_only=True) as portfolio:
        context = PortfolioContext(portfolio)
        editor = _editor(qtbot, context, astronaut)
        drag(editor.canvas, (0.05, 0.6), (0.3, 0.9))
        assert editor.find_faces() is None and not editor.find_button.isEnabled()
        assert item_regions(portfolio, astronaut) == (FACE,) and editor.canvas.regions == (FACE,)


def test_arrow_keys_nudge_the_selected_region(qtbot, context, astronaut):
    """With a region selected, an arrow key moves it a little (Shift: further), each an undoable step."""
    set_regions(context.portfolio, astronaut, [Region(0.2, 0.2, 0.2, 0.2)])
    editor = _editor(qtbot, context, astronaut)
    editor.canvas.select(STORED, 0)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    [region] = item_regions(context.portfolio, astronaut)
    assert _close(region, 0.205, 0.25, 0.2, 0.2, slack=1e-6)
    editor.undo_action.trigger()
    assert _close(item_regions(context.portfolio, astronaut)[0], 0.205, 0.2, 0.2, 0.2, slack=1e-6)


def test_a_heic_photo_is_shown_in_the_editor(qtbot, context, fpa_portfolio):
    """An iPhone HEIC photo (which Qt cannot decode) is shown for drawing, decoded by the app's HEIC reader."""
    from pathlib import Path

    from portfolio_builder.core.evidence.evidence_import import import_evidence

    heic = Path(__file__).parent.parent / "core" / "data" / "astronaut.heic"
    evidence_id = import_evidence(fpa_portfolio, [heic], consent="blurred", workers=1).added[0]
    editor = _editor(qtbot, context, evidence_id)
    assert (editor.canvas.picture.width(), editor.canvas.picture.height()) == (512, 512)
    drag(editor.canvas, (0.3, 0.05), (0.6, 0.4))
    assert len(item_regions(context.portfolio, evidence_id)) == 1
