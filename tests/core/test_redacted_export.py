"""Everything that leaves carries the redacted pixels: the bundle's photo, its thumbnails in the PDF and the HTML index,
and the assessor's view; the faces are unrecognisable, the rest unchanged, and no metadata goes with them."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from portfolio_builder.core.assessor.bundle_contents import EVIDENCE, ContentNode
from portfolio_builder.core.assessor.bundle_pages import page_for
from portfolio_builder.core.assessor.bundle_session import BundleSession
from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.export_plan import (
    NO_REGIONS,
    check_photos,
    plan_export,
    preview_lines,
)
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.region_service import set_regions
from portfolio_builder.core.planning.readiness import check_readiness
from portfolio_builder.core.privacy.redaction import Region

from .face_photos import jpeg_bytes, photo
from .redacted_bundle import (
    build_redacted_bundle,
    crop,
    detail,
    grey,
    html_pictures,
    outside_regions,
    pattern,
    pdf_pictures,
    the_same_picture,
    upright,
)

SECRETS = (b"Canon", b"EOS-SECRET", b"SERIAL-4711", b"Jane Smith", b"Acacia Road")
FACES = ("astronaut", "hopper-sideways", "camera", "astronaut-heic")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The exported bundle of real face photos (built once for this module: Find faces takes ~0.5 s a photo)."""
    return build_redacted_bundle(tmp_path_factory.mktemp("redacted"))


@pytest.mark.parametrize("name", FACES)
def test_the_bundle_photo_has_its_face_unrecognisable_and_the_rest_unchanged(bundle, name):
    """Shown upright, the face keeps under a tenth of its detail and its coarse pattern no longer matches the
    original's, where an ordinary blur would; away from the regions the photo is the original within JPEG rounding."""
    from PIL import ImageFilter

    item = bundle.items[name]
    before, after = grey(upright(item.original)), grey(upright(bundle.evidence(item)))
    assert after.shape == before.shape
    face, blurred = crop(before, item.face), crop(after, item.face)
    assert detail(blurred) < 0.1 * detail(face)
    x, y, w, h = item.face
    softened = grey(
        upright(item.original).crop((x, y, x + w, y + h)).filter(ImageFilter.GaussianBlur(4))
    )
    for size in (8, 16):
        assert (
            pattern(face, size) @ pattern(blurred, size) < 0.85
        )  # an 8 x 8 likeness of the face does not match
        assert (
            pattern(face, size) @ pattern(softened, size) > 0.95
        )  # the same comparison sees through a soft blur
    difference = np.abs(after - before)[outside_regions(before.shape, item.regions)]
    tolerance = (
        (2.0, 8) if name.endswith("heic") else (0.5, 3)
    )  # HEIC is encoded as JPEG for the first time
    assert difference.mean() < tolerance[0] and np.percentile(difference, 99) <= tolerance[1]


def test_a_photo_without_regions_leaves_cleaned_but_not_blurred(bundle):
    """A photo with no regions still leaves as before: its pixels copied, not re-encoded."""
    item = bundle.items["coffee"]
    assert np.array_equal(grey(upright(bundle.evidence(item))), grey(upright(item.original)))


def test_a_heic_photo_with_regions_leaves_as_a_jpeg(bundle):
    """The HEIC item is a .jpg in the bundle, and portfolio.json says so."""
    assert any(p.endswith("astronaut-heic.jpg") for p in bundle.files)
    entry = next(
        e
        for e in json.loads(bundle.files["portfolio.json"])["evidence"]
        if e["title"] == "astronaut-heic"
    )
    assert entry["mime_type"] == "image/jpeg" and entry["path"].endswith(".jpg")


def test_no_metadata_leaves_with_a_redacted_photo(bundle):
    """Camera maker, serial, owner, GPS and comment are gone; only the orientation and capture date are kept."""
    from PIL import Image

    for name in FACES:
        data = bundle.evidence(bundle.items[name])
        assert not [s for s in SECRETS if s in data], name
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            assert set(exif) <= {0x0112, 0x8769}, name
            assert exif.get_ifd(0x8825) == {} and "comment" not in image.info
    assert (
        Image.open(io.BytesIO(bundle.evidence(bundle.items["hopper-sideways"]))).getexif()[0x0112]
        == 6
    )


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_exiftool_finds_only_the_allowed_tags_in_the_bundle_photo(bundle, tmp_path):
    """exiftool, reading every tag it knows, finds only file structure, orientation, date and colour profile."""
    path = tmp_path / "sideways.jpg"
    path.write_bytes(bundle.evidence(bundle.items["hopper-sideways"]))
    report = json.loads(
        subprocess.run(
            ["exiftool", "-j", "-G1", "-a", "-u", str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )[0]
    exif_tags = {
        key for key in report if key.split(":")[0] in ("IFD0", "ExifIFD", "GPS", "XMP-x", "IPTC")
    }
    assert exif_tags <= {
        "IFD0:Orientation",
        "ExifIFD:DateTimeOriginal",
        "ExifIFD:OffsetTimeOriginal",
    }, exif_tags


@pytest.mark.parametrize("document", ["portfolio.pdf", "ro-crate-preview.html"])
def test_the_thumbnails_in_the_pdf_and_the_contents_index_are_redacted(bundle, document):
    """Each redacted photo's picture in portfolio.pdf and the HTML index has its face blurred (the sideways one
    upright); no picture shows a face as the original thumbnail does."""
    data = bundle.files[document]
    pictures = (
        pdf_pictures(data) if document.endswith(".pdf") else html_pictures(data.decode("utf-8"))
    )
    assert len(pictures) == len(bundle.items)
    for name in FACES:
        item = bundle.items[name]
        thumbnail = grey(upright(item.thumbnail))
        scale = thumbnail.shape[1] / grey(upright(item.original)).shape[1]
        shown = grey(the_same_picture(pictures, item))
        assert detail(crop(shown, item.face, scale)) < 0.15 * detail(
            crop(thumbnail, item.face, scale)
        ), name
        assert (
            np.abs(shown - thumbnail)[outside_regions(thumbnail.shape, item.regions)].mean() < 1.5
        ), name


def test_the_sideways_photo_is_redacted_where_the_face_is_upright(bundle):
    """The photo stored with EXIF orientation 6 has the upright face blurred, not some other corner: its jacket
    below the face keeps its detail, in the bundle's file and in its thumbnail."""
    item = bundle.items["hopper-sideways"]
    before, after = grey(upright(item.original)), grey(upright(bundle.evidence(item)))
    jacket = (100, 440, 300, 150)  # below the face on the upright photo
    assert detail(crop(after, jacket)) > 0.9 * detail(crop(before, jacket)) > 5
    assert detail(crop(after, item.face)) < 0.1 * detail(crop(before, item.face))
    shown = grey(the_same_picture(pdf_pictures(bundle.files["portfolio.pdf"]), item))
    scale = shown.shape[1] / before.shape[1]
    assert shown.shape[0] > shown.shape[1]  # upright: taller than wide, as the portrait is
    assert detail(crop(shown, jacket, scale)) > 5 * detail(crop(shown, item.face, scale))


def test_portfolio_json_marks_redacted_items_and_carries_no_regions(bundle):
    """The assessor learns which photos were blurred; where the faces were does not leave."""
    evidence = {e["title"]: e for e in json.loads(bundle.files["portfolio.json"])["evidence"]}
    assert {t for t, e in evidence.items() if e["redacted"]} == set(FACES)
    assert not [e for e in evidence.values() if "regions" in e]
    assert evidence["astronaut"]["consent"] == "blurred"


def test_the_assessor_sees_the_redacted_photo_and_is_told_so(bundle):
    """The assessor's window reads the blurred bytes from the bundle, and the item's page says it was blurred."""
    with BundleSession.open(bundle.path) as session:
        assert session.valid, session.problems
        item = next(e for e in session.snapshot.evidence if e.title == "astronaut")
        assert session.read_bytes(item.path) == bundle.evidence(bundle.items["astronaut"])
        page = page_for(ContentNode(EVIDENCE, item.title, item), session.snapshot)
    assert "Blurred" in page and "For a blurred version" in page


def test_a_photo_with_consent_for_a_blurred_version_waits_for_its_regions(fpa_portfolio, tmp_path):
    """Readiness flags it, the export plan leaves it out saying why (whatever the options), and once a region is
    marked the preview says it leaves redacted."""
    path = tmp_path / "open-morning.jpg"
    path.write_bytes(jpeg_bytes(photo("grace_hopper")))
    evidence_id = import_evidence(
        fpa_portfolio, [path], descriptor_codes=["1a"], consent="blurred", workers=1
    ).added[0]
    issues = [i for i in check_readiness(fpa_portfolio).issues if i.kind == "blur-missing"]
    assert [(i.subject, i.blocks, i.page) for i in issues] == [
        (str(evidence_id), False, "evidence")
    ]
    plan = plan_export(fpa_portfolio, draft=True, include_unconsented=True, include_untagged=True)
    assert [(i, reason) for i, _title, reason in plan.left_out] == [(evidence_id, NO_REGIONS)]
    assert any(NO_REGIONS in line for line in preview_lines(plan))
    result = export_bundle(fpa_portfolio, tmp_path / "out.zip", draft=True)
    assert result.left_out and result.left_out[0][0] == evidence_id

    set_regions(
        fpa_portfolio,
        evidence_id,
        [Region(0.3, 0.15, 0.4, 0.4, "blur", "ellipse"), Region(0.0, 0.9, 0.3, 0.1, "block")],
    )
    assert not [i for i in check_readiness(fpa_portfolio).issues if i.kind == "blur-missing"]
    plan = plan_export(fpa_portfolio, draft=True)
    check_photos(fpa_portfolio, plan)
    lines = preview_lines(plan)
    at = next(
        n
        for n, line in enumerate(lines)
        if "Open morning  ->  data/evidence/1/1a-1-Open-morning.jpg" in line
    )
    assert lines[at + 1].strip() == "redacted: 1 part blurred, 1 blocked out"
    assert "re-encoded after blurring" in lines[at + 2]
    assert plan.left_out == []


def test_a_photo_that_cannot_be_blurred_stops_the_export_and_writes_nothing(
    fpa_portfolio, tmp_path
):
    """A photo whose stored bytes are damaged cannot have its regions painted: no bundle is written, rather than
    one carrying the photo unblurred."""
    path = tmp_path / "portrait.jpg"
    path.write_bytes(jpeg_bytes(photo("astronaut")))
    evidence_id = import_evidence(
        fpa_portfolio, [path], descriptor_codes=["1a"], consent="blurred", workers=1
    ).added[0]
    set_regions(fpa_portfolio, evidence_id, [Region(0.3, 0.05, 0.3, 0.35)])
    with (
        fpa_portfolio.raw_connection() as conn
    ):  # the stored bytes damaged on disk, as a bad sector would
        conn.execute("UPDATE stored_file SET data = substr(data, 1, 4000)")
        conn.commit()
    from portfolio_builder.core.errors import PortfolioError

    with pytest.raises(
        PortfolioError, match="could not be blurred|missing from the portfolio"
    ) as refused:
        export_bundle(fpa_portfolio, tmp_path / "out.zip", draft=True)
    assert "\n" not in refused.value.message
    assert not list(Path(tmp_path).glob("out.zip*"))
