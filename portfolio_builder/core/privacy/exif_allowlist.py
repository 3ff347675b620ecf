"""The few EXIF facts a photo keeps in a bundle (orientation, capture date, colour space), and words for the rest.

An allow-list, not a deny-list: a name typed into ImageDescription, a serial number written into
IFD0 instead of the Exif IFD, or a tag no list foresaw never survives, because only these tags are
copied into a new, empty EXIF block.
"""

from __future__ import annotations

import re

EXIF_HEADER = b"Exif\x00\x00"
EXIF_IFD, GPS_IFD, INTEROP_IFD = 0x8769, 0x8825, 0xA005
ORIENTATION, DATETIME = 0x0112, 0x0132
DATETIME_ORIGINAL, DATETIME_DIGITIZED = 0x9003, 0x9004
OFFSET_TIME, OFFSET_TIME_ORIGINAL, OFFSET_TIME_DIGITIZED = 0x9010, 0x9011, 0x9012
COLOR_SPACE = 0xA001
_DATE = re.compile(r"^\d{4}:\d\d:\d\d \d\d:\d\d:\d\d$")
_OFFSET = re.compile(r"^[+-]\d\d:\d\d$")
KEPT_IFD0 = {ORIENTATION: "orientation", DATETIME: "date"}
KEPT_EXIF = {
    DATETIME_ORIGINAL: "date",
    DATETIME_DIGITIZED: "date",
    OFFSET_TIME: "offset",
    OFFSET_TIME_ORIGINAL: "offset",
    OFFSET_TIME_DIGITIZED: "offset",
    COLOR_SPACE: "colour space",
}
CAMERA_TAGS = {
    0x010F,
    0x0110,
    0xA430,
    0xA431,
    0xA432,
    0xA433,
    0xA434,
    0xA435,
    0xC62F,
    0x927C,
    0xA420,
}
TEXT_TAGS = {
    0x010D,
    0x010E,
    0x0131,
    0x013B,
    0x013C,
    0x8298,
    0x9286,
    0x9C9B,
    0x9C9C,
    0x9C9D,
    0x9C9E,
    0x9C9F,
}


def _kept_value(kind: str, value):
    """The value if it is what an allowed tag should hold (a date, an offset, a small number), else None."""
    if kind in ("date", "offset"):
        if isinstance(value, bytes):
            value = value.decode("ascii", "replace")
        if not isinstance(value, str):
            return None
        value = value.strip().rstrip("\x00")
        return value if (_DATE if kind == "date" else _OFFSET).match(value) else None
    if isinstance(value, int) and not isinstance(value, bool):
        if kind == "orientation":
            return value if 1 <= value <= 8 else None
        return value if value in (1, 2, 0xFFFF) else None  # sRGB, Adobe RGB, uncalibrated
    return None


def _sub_ifd(exif, tag: int) -> dict:
    try:
        return dict(exif.get_ifd(tag)) if tag in exif else {}
    except Exception:  # noqa: BLE001 - a broken pointer in a hostile file: nothing in it is kept anyway
        return {}


def removed_words(exif) -> list[str]:
    """What a photo's EXIF holds beyond the allow-list, in words for the export preview."""
    ifd0 = {tag for tag in exif if tag not in (EXIF_IFD, GPS_IFD, INTEROP_IFD)}
    sub = set(_sub_ifd(exif, EXIF_IFD))
    words = []
    if _sub_ifd(exif, GPS_IFD) or GPS_IFD in exif:
        words.append("GPS position")
    if (ifd0 | sub) & CAMERA_TAGS:
        words.append("camera make, model or serial number")
    if (ifd0 | sub) & TEXT_TAGS:
        words.append("text tags (description, software, author, comments)")
    others = (ifd0 - set(KEPT_IFD0) - CAMERA_TAGS - TEXT_TAGS) | (
        sub - set(KEPT_EXIF) - CAMERA_TAGS - TEXT_TAGS
    )
    if others:
        words.append("other camera settings")
    return words


def allowed_exif(exif) -> bytes | None:
    """A fresh TIFF-format EXIF block holding only orientation, capture dates and colour space; None if none."""
    from PIL import Image

    fresh = Image.Exif()
    for tag, kind in KEPT_IFD0.items():
        value = _kept_value(kind, exif.get(tag))
        if value is not None:
            fresh[tag] = value
    sub = _sub_ifd(exif, EXIF_IFD)
    kept_sub = {tag: _kept_value(kind, sub.get(tag)) for tag, kind in KEPT_EXIF.items()}
    kept_sub = {tag: value for tag, value in kept_sub.items() if value is not None}
    if kept_sub:
        fresh[EXIF_IFD] = kept_sub
    if not len(fresh):
        return None
    return fresh.tobytes()


def load_exif(payload: bytes):
    """An Image.Exif read from a TIFF-format block (with or without the 'Exif' header); None if unreadable."""
    from PIL import Image

    exif = Image.Exif()
    try:
        exif.load(payload if payload.startswith(EXIF_HEADER) else EXIF_HEADER + payload)
        list(exif.items())
    except Exception:  # noqa: BLE001 - unreadable EXIF is dropped whole, which is the safe choice
        return None
    return exif


def clean_exif_block(payload: bytes, removed: list[str]) -> bytes | None:
    """The allowed EXIF of a block (header kept as given); what else it held is appended to removed."""
    exif = load_exif(payload)
    if exif is None:
        removed.append("unreadable EXIF data")
        return None
    removed.extend(word for word in removed_words(exif) if word not in removed)
    kept = allowed_exif(exif)
    if kept is None:
        return None
    kept = kept[len(EXIF_HEADER) :] if kept.startswith(EXIF_HEADER) else kept
    return EXIF_HEADER + kept if payload.startswith(EXIF_HEADER) else kept
