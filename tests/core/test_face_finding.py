"""Find faces: one click suggests a blur region over every face in a real photo, offline, on every core."""

from __future__ import annotations

import pytest
from PIL import Image

from portfolio_builder.core.privacy.redaction import Region, find_faces, find_faces_in_photos

from .face_photos import (
    FACE_BOXES,
    covered_share,
    jpeg_bytes,
    lfw_faces,
    mosaic,
    photo,
    skimage_data,
)


@pytest.mark.parametrize("name", sorted(FACE_BOXES))
def test_each_real_face_gets_one_region_covering_it(name):
    """Find faces on a real portrait suggests exactly one region, and it covers the whole face with a margin."""
    image = photo(name)
    regions = find_faces(jpeg_bytes(image))
    assert len(regions) == 1
    region = regions[0]
    assert covered_share(region, FACE_BOXES[name], *image.size) == pytest.approx(1.0, abs=0.02)
    face_area = FACE_BOXES[name][2] * FACE_BOXES[name][3] / (image.width * image.height)
    assert face_area < region.w * region.h < 4 * face_area  # a margin, not half the photo
    assert (region.mode, region.shape) == ("blur", "ellipse")


def test_most_faces_in_a_crowd_of_a_hundred_are_found_and_nothing_else():
    """On a sheet of 100 real faces (Labeled Faces in the Wild) at least 95 get a region; 100 non-faces get none."""
    faces, non_faces = lfw_faces()
    sheet, boxes = mosaic(faces)
    regions = find_faces(jpeg_bytes(sheet))
    found = sum(any(covered_share(r, box, *sheet.size) > 0.9 for r in regions) for box in boxes)
    assert found >= 95
    assert len(regions) <= 102  # at most a couple of doubles, no scatter over the sheet
    empty_sheet, _ = mosaic(non_faces)
    assert find_faces(jpeg_bytes(empty_sheet)) == ()


@pytest.mark.parametrize(
    "name", ["chelsea", "coffee", "rocket", "hubble_deep_field", "text", "retina"]
)
def test_photos_without_people_get_no_suggestions(name):
    """A real photo with no person in it (a cat, a coffee cup, text, a rocket) gets no face regions."""
    image = Image.fromarray(getattr(skimage_data(), name)()).convert("RGB")
    assert find_faces(jpeg_bytes(image)) == ()


def test_a_sideways_photo_gets_its_region_on_the_upright_face():
    """A photo stored sideways with EXIF orientation 6 gets its region where the face is when shown upright."""
    upright = photo("astronaut")
    stored = upright.transpose(
        Image.Transpose.ROTATE_90
    )  # orientation 6 turns it back a quarter clockwise
    exif = Image.Exif()
    exif[0x0112] = 6
    regions = find_faces(jpeg_bytes(stored, exif=exif.tobytes()))
    assert len(regions) == 1
    assert covered_share(regions[0], FACE_BOXES["astronaut"], *upright.size) == pytest.approx(
        1.0, abs=0.02
    )


def test_many_photos_on_two_processes_keep_their_order_and_report_a_bad_one():
    """Suggestions for several photos come back in order from worker processes; an unreadable one has a message."""
    photos = [
        jpeg_bytes(photo("astronaut")),
        b"not a photo at all",
        jpeg_bytes(photo("grace_hopper")),
        jpeg_bytes(Image.fromarray(skimage_data().coffee())),
    ]
    results = list(find_faces_in_photos(photos, workers=2))
    assert [len(r.regions) for r in results] == [1, 0, 1, 0]
    assert [r.error is None for r in results] == [True, False, True, True]
    assert "could not be read" in results[1].error and "\n" not in results[1].error
    assert results[0].regions == find_faces(photos[0])  # the same answer as in this process


def test_suggestions_are_ordinary_regions_that_round_trip():
    """A suggested region can be stored and read back as plain values, as the portfolio will keep it."""
    region = find_faces(jpeg_bytes(photo("grace_hopper")))[0]
    assert Region.from_dict(region.as_dict()) == region


def test_worker_threads_can_look_for_faces_at_the_same_time():
    """Two worker threads finding faces at once get the same answers as one after the other (nothing shared)."""
    from concurrent.futures import ThreadPoolExecutor

    photos = [jpeg_bytes(photo("astronaut")), jpeg_bytes(photo("grace_hopper"))] * 2
    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(find_faces, photos))
    assert together == [find_faces(data) for data in photos]
    assert [len(regions) for regions in together] == [1, 1, 1, 1]
