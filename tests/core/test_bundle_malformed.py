"""Bundles that are mangled, or well-formed zips carrying a malformed portfolio.json with matching checksums,
are refused with a message; whatever gets past the checks can be browsed and reported on without a crash."""

import io
import json
import random
import zipfile

import pytest

from portfolio_builder.core.assessor.assessment_model import Assessment
from portfolio_builder.core.assessor.bundle_contents import build_contents
from portfolio_builder.core.assessor.bundle_pages import page_for
from portfolio_builder.core.assessor.bundle_session import BundleSession
from portfolio_builder.core.assessor.report.report_content import build_report_content
from portfolio_builder.core.assessor.report.report_pdf import render_assessor_report_pdf
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.bundle.portfolio_json_check import check_portfolio_json
from portfolio_builder.core.documents import render_portfolio_pdf
from portfolio_builder.core.errors import PortfolioError, UnsafeBundle
from portfolio_builder.core.shape.portfolio_shape import read_shape
from tests.core.hostile_zips import bag_members, write_zip
from tests.core.snapshot_factory import fpa_snapshot_dict
from tests.core.snapshot_mutations import deep_copy, paths_in, put

ODD_VALUES = [
    None,
    0,
    -1,
    10**12,
    1.5,
    True,
    "",
    "x" * 3000,
    [],
    {},
    [1, "a", None],
    {"a": 1},
    "<script>",
    "2026-99-99",
    "../../etc",
    "\x00\x01",
]


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


def test_a_wrong_type_deep_inside_is_refused_naming_where():
    """A number where a descriptor's key-evidence list belongs is named in the refusal."""
    snapshot = fpa_snapshot_dict()
    snapshot["themes"][0]["descriptors"][2]["key_evidence"] = 7
    with pytest.raises(UnsafeBundle, match=r"themes\[0\]\.descriptors\[2\]\.key_evidence"):
        check_portfolio_json(snapshot)


def test_malformed_json_with_matching_checksums_is_refused_at_open(tmp_path):
    """Checksums cannot catch a bundle made malformed by whoever made it: the shape check refuses it at open."""
    snapshot = fpa_snapshot_dict()
    snapshot["evidence"][0]["cover_sheets"] = "priority one"
    bundle = write_zip(
        tmp_path / "made.zip", bag_members({"portfolio.json": json.dumps(snapshot).encode()})
    )
    report = verify_bundle(bundle)
    assert not report.valid and any("cover_sheets" in p for p in report.problems)
    with pytest.raises(UnsafeBundle, match="malformed"):
        BundleSession.open(bundle)


@pytest.mark.slow
def test_whatever_passes_the_shape_check_browses_and_reports_without_a_crash():
    """Hundreds of seeded mutations of a real snapshot: each is refused, or every page and the report render."""
    base = fpa_snapshot_dict()
    places = list(paths_in(base))[1:]
    rng = random.Random(20261123)
    accepted, reported = 0, set()
    for number in range(400):
        snapshot = deep_copy(base)
        for _ in range(rng.randint(1, 3)):
            put(snapshot, rng.choice(places), deep_copy(rng.choice(ODD_VALUES)))
        try:
            snapshot = check_portfolio_json(snapshot)
        except PortfolioError:
            continue
        accepted += 1
        for node in _walk(build_contents(snapshot, set(), ["portfolio.pdf"])):
            page_for(node, snapshot)
        content = build_report_content(snapshot, Assessment(uuid="u"))
        if repr(content) not in reported:  # the same content renders the same PDF: once is enough
            reported.add(repr(content))
            render_assessor_report_pdf(content, io.BytesIO())
        if number % 10 == 0:
            render_portfolio_pdf(snapshot, io.BytesIO(), lambda _id: None)
    assert (
        accepted > 50
    )  # the mutations that keep the types (odd text, dates, numbers) were really tried
    assert len(reported) > 5  # and reached the report in several different forms


def test_mangled_bundle_bytes_are_refused_never_raised(shared_ready_bundle, tmp_path):
    """Random byte flips, cuts and insertions in a real bundle: verify and open give a verdict or a refusal."""
    result, _ = shared_ready_bundle
    original = result.path.read_bytes()
    rng = random.Random(7)
    target = tmp_path / "mangled.zip"
    for _ in range(150):
        data = bytearray(original)
        choice = rng.random()
        if choice < 0.4:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif choice < 0.7:  # the central directory, where zip readers are most fragile
            for _ in range(rng.randint(1, 4)):
                data[len(data) - rng.randrange(1, min(6000, len(data)))] = rng.randrange(256)
        elif choice < 0.85:
            data = data[: rng.randrange(len(data))]
        else:
            at = rng.randrange(len(data))
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
        target.write_bytes(bytes(data))
        verify_bundle(target)
        try:
            BundleSession.open(target).close()
        except PortfolioError:
            pass


def test_a_very_long_theme_title_still_prints(tmp_path):
    """A heading longer than a page can hold is shortened rather than breaking the printable portfolio."""
    snapshot = fpa_snapshot_dict()
    snapshot["themes"][1]["title"] = "Leadership " * 400
    out = io.BytesIO()
    render_portfolio_pdf(read_shape(snapshot), out, lambda _id: None)
    assert out.getvalue().startswith(b"%PDF")


def _central_entry_offset(data: bytes) -> int:
    return data.index(b"PK\x01\x02")


def test_a_zip_asking_for_a_newer_zip_version_is_refused(tmp_path):
    """A central directory claiming a zip version the reader does not know is a refusal, not a crash."""
    bundle = write_zip(tmp_path / "b.zip", bag_members())
    data = bytearray(bundle.read_bytes())
    at = _central_entry_offset(data) + 6  # 'version needed to extract'
    data[at : at + 2] = (78).to_bytes(2, "little")
    bundle.write_bytes(bytes(data))
    assert not verify_bundle(bundle).valid
    with pytest.raises(UnsafeBundle, match="not a bundle"):
        BundleSession.open(bundle)


def test_a_deflated_member_that_will_not_inflate_is_named_as_damaged(tmp_path):
    """Compressed bytes that zlib rejects outright make that file damaged, reported by name."""
    import zlib

    text = "".join(
        f"Minutes of meeting {n}: families spoke about the Forum.\n" for n in range(400)
    ).encode()
    bundle = write_zip(
        tmp_path / "b.zip",
        bag_members(
            {
                "portfolio.json": json.dumps(fpa_snapshot_dict()).encode(),
                "evidence/1/minutes.txt": text,
            }
        ),
    )
    original = bundle.read_bytes()
    with zipfile.ZipFile(bundle) as archive:
        info = next(i for i in archive.infolist() if i.filename.endswith("minutes.txt"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    rng = random.Random(3)
    for _ in range(500):  # find a corruption that zlib itself refuses (not merely a CRC mismatch)
        data = bytearray(original)
        for _ in range(3):
            data[start + rng.randrange(8, info.compress_size)] = rng.randrange(256)
        try:
            zlib.decompressobj(-15).decompress(bytes(data[start : start + info.compress_size]))
        except zlib.error:
            break
    else:
        pytest.fail("no corruption that zlib refuses was found")
    bundle.write_bytes(bytes(data))
    report = verify_bundle(bundle)
    assert not report.valid and any("minutes.txt" in p and "damaged" in p for p in report.problems)
