"""iPhone photos (HEIC), phone videos and recordings leave for the assessor without the place they were made."""

import io
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.privacy.video_privacy import strip_recording_location
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.portfolio_factory import SERIAL, add_file_evidence
from tests.shared_builds import copy_portfolio

PLACE = b"+51.5074-000.1278+011.000/"  # where the family lives, as an iPhone writes it
ISO6709_KEY = b"com.apple.quicktime.location.ISO6709"


def heic_with_gps() -> bytes:
    """A small HEIC photo with a date, a GPS position and a camera serial number in its EXIF.

    Made once with pillow-heif's encoder (the app ships pi-heif, which only decodes): data/heic_with_gps.heic.
    """
    pytest.importorskip("pi_heif").register_heif_opener()
    return (Path(__file__).parent / "data" / "heic_with_gps.heic").read_bytes()


def box(kind: bytes, body: bytes = b"", large: bool = False) -> bytes:
    """One ISO base media box (with a 64-bit size when large)."""
    if large:
        return struct.pack(">I4sQ", 1, kind, 16 + len(body)) + body
    return struct.pack(">I4s", 8 + len(body), kind) + body


def phone_video(brand: bytes = b"qt  ", large_mdat: bool = False) -> bytes:
    """A MOV laid out as an iPhone writes it: ftyp, the media data, then moov with the place three times."""
    keys = box(
        b"keys",
        struct.pack(">II", 0, 1) + struct.pack(">I4s", 8 + len(ISO6709_KEY), b"mdta") + ISO6709_KEY,
    )
    ilst = box(b"ilst", box(b"\x00\x00\x00\x01", box(b"data", struct.pack(">II", 1, 0) + PLACE)))
    meta = box(b"meta", box(b"hdlr", b"\x00" * 8 + b"mdta" + b"\x00" * 12) + keys + ilst)
    udta = box(
        b"udta",
        box(b"\xa9xyz", struct.pack(">HH", len(PLACE), 0x15C7) + PLACE) + box(b"\xa9mak", b"Apple"),
    )
    trak = box(
        b"trak",
        box(b"tkhd", b"\x00" * 84)
        + box(b"udta", box(b"\xa9xyz", PLACE))
        + box(b"mdia", b"\x00" * 40),
    )
    moov = box(b"moov", box(b"mvhd", b"\x00" * 100) + trak + udta + meta)
    media = bytes(range(256)) * 40
    return (
        box(b"ftyp", brand + b"\x00\x00\x00\x00" + brand)
        + box(b"mdat", media, large=large_mdat)
        + moov
    )


def box_types(
    data: bytes, start: int = 0, end: int | None = None, containers=(b"moov", b"trak")
) -> list:
    """The box tree's types, descending into moov and trak: a file that still parses gives the same shape."""
    end = len(data) if end is None else end
    found, pos = [], start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[pos + 8 : pos + 16])[0], 16
        assert size >= header and pos + size <= end, "the file no longer parses"
        found.append(
            (kind, box_types(data, pos + header, pos + size) if kind in containers else None)
        )
        pos += size
    assert pos == end
    return found


def _bundle_file(result, suffix: str) -> tuple[str, bytes]:
    with zipfile.ZipFile(result.path) as archive:
        name = next(n for n in archive.namelist() if "/evidence/" in n and n.endswith(suffix))
        return name, archive.read(name)


def test_heic_photo_arrives_as_a_clean_upright_jpeg(own_ready, tmp_path):
    """A HEIC photo becomes a JPEG in the bundle (every laptop opens it) with its date but no GPS or serial."""
    photo = heic_with_gps()
    assert (
        Image.open(io.BytesIO(photo)).getexif().get_ifd(0x8825)
    )  # the test photo really has a position
    item = add_file_evidence(
        own_ready,
        photo,
        "Stay and play",
        kind="photo",
        mime_type="image/heic",
        original_name="IMG_4012.HEIC",
        consent="obtained",
    )
    tag_evidence(own_ready, item, "1a", cross_reference=True)
    result = export_bundle(own_ready, tmp_path)
    name, data = _bundle_file(result, "Stay-and-play.jpg")
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert image.format == "JPEG" and image.size == (320, 200)
    assert not exif.get_ifd(0x8825) and 0x010F not in exif and SERIAL.encode() not in data
    assert exif.get_ifd(0x8769).get(0x9003) == "2025:10:01 10:00:00"
    assert verify_bundle(result.path).valid
    with zipfile.ZipFile(result.path) as archive:
        snapshot = archive.read(name.split("/evidence/")[0] + "/portfolio.json").decode()
    assert '"converted_from": "image/heic"' in snapshot and ".heic" not in name.lower()


RECORDINGS = [
    ("video", "video/quicktime", "IMG_0420.MOV", b"qt  "),
    ("video", "video/mp4", "VID_20251001.mp4", b"isom"),
    ("audio", "audio/mp4", "Family voices.m4a", b"M4A "),
]


@pytest.fixture(scope="module")
def recordings_bundle(shared_ready, tmp_path_factory):
    """A ready portfolio (a copy of the run's shared one) with each of RECORDINGS added, exported once; the
    tests only read their own recording's file from the bundle."""
    folder = tmp_path_factory.mktemp("recordings")
    with Portfolio.open(copy_portfolio(shared_ready.portfolio, folder)) as portfolio:
        for kind, mime, name, brand in RECORDINGS:
            item = add_file_evidence(
                portfolio,
                phone_video(brand),
                "Forum video diary",
                kind=kind,
                mime_type=mime,
                original_name=name,
                consent="obtained",
            )
            tag_evidence(portfolio, item, "1a", cross_reference=True)
        return export_bundle(portfolio, folder / "bundle.zip")


@pytest.mark.parametrize("kind, mime, name, brand", RECORDINGS)
def test_recording_leaves_without_its_place_and_still_plays(
    recordings_bundle, kind, mime, name, brand
):
    """Video and audio keep their size and box layout, but the recording place is gone from the bundle."""
    original = phone_video(brand)
    result = recordings_bundle
    _name, data = _bundle_file(result, name.rsplit(".", 1)[1].lower())
    assert PLACE in original and PLACE not in data and ISO6709_KEY not in data
    assert len(data) == len(original)
    renamed = [(k if k not in (b"udta", b"meta") else b"free", c) for k, c in box_types(original)]
    assert [k for k, _ in box_types(data)] == [k for k, _ in renamed]
    assert (
        data[: 8 + 16] == original[: 8 + 16] and bytes(range(256)) * 40 in data
    )  # header and media untouched
    assert verify_bundle(result.path).valid


@pytest.mark.parametrize("chunk", [1, 3, 7, 64, 1 << 20])
def test_stripping_streams_in_any_chunk_size(chunk):
    """However the stored file is chunked, the result is the same, including 64-bit box sizes."""
    original = phone_video(large_mdat=True)
    whole = b"".join(strip_recording_location([original]))
    pieces = [original[i : i + chunk] for i in range(0, len(original), chunk)]
    assert b"".join(strip_recording_location(pieces)) == whole
    assert PLACE not in whole and len(whole) == len(original)


def test_other_recordings_pass_through_unchanged():
    """Files that are not ISO media (WebM, WAV, damaged) come back byte for byte."""
    for data in (
        b"\x1aE\xdf\xa3" + b"webm" * 100,
        b"RIFF\x00\x00\x00\x00WAVEfmt " + b"\x00" * 50,
        b"",
        box(b"ftyp", b"isom") + b"\x00\x00\x00\x03junk",
    ):
        assert b"".join(strip_recording_location([data])) == data


def test_only_the_boxes_playback_needs_are_kept():
    """An allow-list, not a list of known bad boxes: a maker's own box at the top, in the movie and in a track
    (holding a name) is blanked too, while the movie header, tracks and media data are kept; the size stays."""
    maker = box(b"Xcam", b"Owner: Amelia Smith")
    trak = box(
        b"trak",
        box(b"tkhd", b"\x00" * 84) + box(b"Xtrk", b"Amelia Smith") + box(b"mdia", b"\x00" * 40),
    )
    video = (
        box(b"ftyp", b"isom\x00\x00\x00\x00isom")
        + maker
        + box(b"mdat", bytes(range(256)) * 8)
        + box(b"moov", box(b"mvhd", b"\x00" * 100) + trak + box(b"Xmov", b"Amelia Smith"))
    )
    cleaned = b"".join(
        strip_recording_location(video[n : n + 100] for n in range(0, len(video), 100))
    )
    assert len(cleaned) == len(video) and b"Amelia" not in cleaned
    kinds = box_types(cleaned)
    assert [k for k, _ in kinds] == [b"ftyp", b"free", b"mdat", b"moov"]
    moov = dict(kinds)[b"moov"]
    assert [k for k, _ in moov] == [b"mvhd", b"trak", b"free"]
    assert [k for k, _ in dict(moov)[b"trak"]] == [b"tkhd", b"free", b"mdia"]
