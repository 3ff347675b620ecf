"""How well Find faces does on every real photo shipped in installed packages: faces found, regions not on a face.

Run: .venv/bin/python benchmarks/face_finding_accuracy.py
Photos: scikit-image's astronaut, camera and lfw_subset (100 Labeled Faces in the Wild crops and
100 non-face crops, laid out as sheets at three face sizes), matplotlib's grace_hopper.jpg, and
scikit-image's photos with no person in them. A face counts as found when a suggested region is
centred on it, and as covered when a region also covers at least 90% of its box (for the LFW
crops: the whole square crop, ears and background included); a region on no face counts as
"not a face".
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NO_PEOPLE = [
    "chelsea",
    "coffee",
    "rocket",
    "hubble_deep_field",
    "coins",
    "page",
    "text",
    "brick",
    "grass",
    "gravel",
    "retina",
    "cell",
    "moon",
    "horse",
    "logo",
    "immunohistochemistry",
    "clock",
]


def _centred(region, box, size) -> bool:
    x, y, w, h = box
    cx, cy = (region.x + region.w / 2) * size[0], (region.y + region.h / 2) * size[1]
    return x <= cx <= x + w and y <= cy <= y + h


def score(regions, boxes, size) -> tuple[int, int, int]:
    """(faces found, faces covered, regions on no face)."""
    from tests.core.face_photos import covered_share

    found = sum(any(_centred(r, box, size) for r in regions) for box in boxes)
    covered = sum(
        any(_centred(r, box, size) and covered_share(r, box, *size) >= 0.9 for r in regions)
        for box in boxes
    )
    strays = sum(not any(_centred(r, box, size) for box in boxes) for r in regions)
    return found, covered, strays


def main() -> None:
    from PIL import Image

    from portfolio_builder.core.privacy.redaction import find_faces
    from tests.core.face_photos import (
        FACE_BOXES,
        jpeg_bytes,
        lfw_faces,
        mosaic,
        photo,
        skimage_data,
    )

    rows, times = [], []

    def run(label: str, image: Image.Image, boxes: list) -> None:
        started = time.perf_counter()
        regions = find_faces(jpeg_bytes(image, quality=92))
        times.append(time.perf_counter() - started)
        found, covered, strays = score(regions, boxes, image.size)
        rows.append((label, found, len(boxes), strays, covered))
        print(
            f"  {label:34s} faces found {found:3d} / {len(boxes):3d} (covered {covered:3d})   "
            f"regions that were not faces {strays}"
        )

    find_faces(jpeg_bytes(photo("astronaut")))  # load the networks before timing
    print("Portraits")
    for name, box in FACE_BOXES.items():
        run(name, photo(name), [box])
    faces, non_faces = lfw_faces()
    print("Labeled Faces in the Wild (scikit-image lfw_subset), 10 x 10 sheets")
    for face in (40, 64, 100):
        sheet, boxes = mosaic(faces, face=face, tile=2 * face)
        run(f"100 faces at {face} px", sheet, boxes)
        run(f"100 non-face crops at {face} px", mosaic(non_faces, face=face, tile=2 * face)[0], [])
    print("Photos with no person in them (scikit-image)")
    for name in NO_PEOPLE:
        run(name, Image.fromarray(getattr(skimage_data, name)()).convert("RGB"), [])
    found = sum(r[1] for r in rows)
    present = sum(r[2] for r in rows)
    strays = sum(r[3] for r in rows)
    covered = sum(r[4] for r in rows)
    print(
        f"\nIn all: {found} of {present} faces found ({found / present:.1%}; {covered} fully covered); "
        f"{strays} regions that were not faces "
        f"over {len(rows)} photos; {sum(times) / len(times) * 1000:.0f} ms a photo on average"
    )


if __name__ == "__main__":
    main()
