"""A portfolio of real face photos with regions (one stored sideways, one HEIC), exported, and ways to look inside it."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.evidence import photo_processing  # noqa: F401 - registers the HEIC opener for the checks
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_service import thumbnail_bytes
from portfolio_builder.core.evidence.region_service import set_regions, suggest_face_regions
from portfolio_builder.core.framework.portfolio_setup import create_portfolio
from portfolio_builder.core.scheme.framework_catalog import shipped_framework

from .face_photos import FACE_BOXES, jpeg_bytes, photo, skimage_data
from .test_redaction_metadata import identifying_exif, srgb_profile

HEIC_ASTRONAUT = Path(__file__).parent / "data" / "astronaut.heic"


@dataclass
class RedactedItem:
    """One photo of the portfolio: what was imported, its face in upright pixels, its regions and stored thumbnail."""

    id: int
    name: str
    original: bytes
    face: tuple[int, int, int, int]  # (left, top, width, height) on the upright photo
    regions: tuple = ()
    thumbnail: bytes = b""


@dataclass
class RedactedBundle:
    """The exported zip, read into memory: every payload file by its path inside data/, and the items."""

    path: Path
    files: dict[str, bytes] = field(default_factory=dict)
    items: dict[str, RedactedItem] = field(default_factory=dict)

    def evidence(self, item: RedactedItem) -> bytes:
        """The bytes the bundle carries for an item."""
        name = next(p for p in self.files if p.startswith("evidence/") and f"-{item.name}." in p)
        return self.files[name]


def upright(data: bytes) -> Image.Image:
    """A photo's bytes decoded and turned as a viewer shows it."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return ImageOps.exif_transpose(image).convert("RGB")


def grey(image: Image.Image) -> np.ndarray:
    """Luminance as floats."""
    return np.asarray(image.convert("L"), dtype=float)


def detail(pixels: np.ndarray) -> float:
    """High-frequency content: mean absolute difference between neighbouring pixels, both ways."""
    return float(np.abs(np.diff(pixels, axis=0)).mean() + np.abs(np.diff(pixels, axis=1)).mean())


def pattern(pixels: np.ndarray, size: int) -> np.ndarray:
    """The pixels averaged down to size x size, as a unit vector around their mean (a coarse likeness)."""
    small = np.asarray(
        Image.fromarray(pixels.astype(np.uint8)).resize((size, size), Image.Resampling.BOX), float
    )
    vector = small.ravel() - small.mean()
    return vector / (np.linalg.norm(vector) + 1e-9)


def crop(pixels: np.ndarray, box: tuple[int, int, int, int], scale: float = 1.0) -> np.ndarray:
    """The part of the pixels under a (left, top, width, height) box, the box scaled first."""
    x, y, w, h = (round(v * scale) for v in box)
    return pixels[y : y + h, x : x + w]


def outside_regions(shape: tuple[int, int], regions, band: int = 12) -> np.ndarray:
    """A mask of the pixels more than band pixels from every region (an upright photo of that shape)."""
    height, width = shape
    mask = np.ones(shape, dtype=bool)
    for r in regions:
        left, top = round(r.x * width) - band, round(r.y * height) - band
        right, bottom = round((r.x + r.w) * width) + band, round((r.y + r.h) * height) + band
        mask[max(0, top) : bottom, max(0, left) : right] = False
    return mask


def pdf_pictures(data: bytes) -> list[Image.Image]:
    """Every picture embedded in a PDF, decoded."""
    from pypdf import PdfReader

    return [
        picture.image.convert("RGB")
        for page in PdfReader(io.BytesIO(data)).pages
        for picture in page.images
    ]


def html_pictures(text: str) -> list[Image.Image]:
    """Every inline (data: URI) picture of an HTML page, decoded."""
    found = re.findall(r"data:image/(?:jpeg|png);base64,([A-Za-z0-9+/=]+)", text)
    return [Image.open(io.BytesIO(base64.b64decode(value))).convert("RGB") for value in found]


def the_same_picture(pictures: list[Image.Image], item: RedactedItem) -> Image.Image:
    """The picture showing the item's photo: the one closest to its stored thumbnail away from its regions."""
    reference = grey(upright(item.thumbnail))
    mask = outside_regions(reference.shape, item.regions)
    sized = [p for p in pictures if p.size == (reference.shape[1], reference.shape[0])]
    return min(sized, key=lambda p: np.abs(grey(p) - reference)[mask].mean())


def _stored_sideways(image: Image.Image) -> bytes:
    """The photo as a phone stores it when held upright: turned, with EXIF orientation 6 and identifying tags."""
    return jpeg_bytes(
        image.transpose(Image.Transpose.ROTATE_90),
        quality=92,
        exif=identifying_exif(orientation=6).tobytes(),
        icc_profile=srgb_profile(),
    )


def build_redacted_bundle(folder: Path) -> RedactedBundle:
    """Four real photos with regions (two with consent for a blurred version, one of them stored sideways, one HEIC)
    and one without, found by Find faces or drawn, in a new portfolio exported as a draft."""
    sources = {
        "astronaut": (
            jpeg_bytes(
                photo("astronaut"),
                quality=92,
                exif=identifying_exif().tobytes(),
                comment=b"Jane Smith at Flat 3, 12 Acacia Road",
            ),
            "blurred",
            FACE_BOXES["astronaut"],
        ),
        "hopper-sideways": (
            _stored_sideways(photo("grace_hopper")),
            "blurred",
            FACE_BOXES["grace_hopper"],
        ),
        "camera": (jpeg_bytes(photo("camera"), quality=92), "obtained", FACE_BOXES["camera"]),
        "astronaut-heic": (HEIC_ASTRONAUT.read_bytes(), "obtained", FACE_BOXES["astronaut"]),
        "coffee": (jpeg_bytes(Image.fromarray(skimage_data().coffee())), "obtained", None),
    }
    portfolio = create_portfolio(
        folder / "faces.portfolio",
        shipped_framework("family-partnership-award"),
        "Oak Primary School",
    )
    bundle = RedactedBundle(folder / "faces.zip")
    with portfolio:
        for number, (name, (data, consent, face)) in enumerate(sources.items()):
            path = folder / f"{name}.{'heic' if name.endswith('heic') else 'jpg'}"
            path.write_bytes(data)
            evidence_id = import_evidence(
                portfolio,
                [path],
                title=name,
                descriptor_codes=["1" + "abc"[number // 2]],
                consent=consent,
                workers=1,
            ).added[0]
            item = RedactedItem(
                evidence_id, name, data, face, thumbnail=thumbnail_bytes(portfolio, evidence_id)
            )
            if face is not None:
                item.regions = suggest_face_regions(portfolio, evidence_id)
                set_regions(portfolio, evidence_id, item.regions)
            bundle.items[name] = item
        export_bundle(portfolio, bundle.path, draft=True)
    with zipfile.ZipFile(bundle.path) as archive:
        for name in archive.namelist():
            if "/data/" in name and not name.endswith("/"):
                bundle.files[name.split("/data/", 1)[1]] = archive.read(name)
    return bundle
