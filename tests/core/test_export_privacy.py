"""Nothing personal leaves by accident: a bundle read back with an independent reader holds no planted name, place
or device identifier, left-out items leave only a count, and the export plan says what will leave before it does."""

import base64
import io
import json
import re
import shutil
import subprocess
import zipfile

import pytest

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.bundle.export_plan import plan_export, preview_lines
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.evidence.presentation import is_presented
from tests.core.hostile_photos import (
    NAME,
    PLANTED,
    hostile_docx,
    hostile_heic,
    hostile_jpeg,
    hostile_odt,
    hostile_pdf,
    hostile_png,
    plain_jpeg,
    zip_of,
)
from tests.core.portfolio_factory import add_file_evidence, make_ready, new_oak_portfolio
from tests.shared_builds import copy_portfolio

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
LEFT_OUT_TITLE = "Zebedee at the adventure playground"  # the title of an item that must not leave
UNTAGGED_TITLE = "Quentin's unused draft"


def _hostile_portfolio(portfolio) -> dict[str, int]:
    """A ready portfolio plus one hostile item of each kind (consented, cross-referenced), an unconsented photo
    and an untagged document; every original file name names the child."""
    make_ready(portfolio)
    items = {}
    made = [
        ("photo", hostile_jpeg(), "image/jpeg", "Reading corner"),
        ("photo", hostile_png(), "image/png", "Painting table"),
        ("document", hostile_pdf(), "application/pdf", "Forum minutes"),
        ("document", hostile_docx(), DOCX, "Forum notes"),
        ("document", hostile_odt(), ODT, "Forum agenda"),
    ]
    heic = hostile_heic()
    if heic is not None:
        made.append(("photo", heic, "image/heic", "Stay and play"))
    for kind, data, mime, title in made:
        items[title] = add_file_evidence(
            portfolio,
            data,
            title,
            kind=kind,
            mime_type=mime,
            consent="obtained",
            original_name=f"{NAME} reading.{mime.rsplit('/', 1)[-1][:4]}",
            thumbnail=data if mime == "image/jpeg" else None,
        )
        tag_evidence(portfolio, items[title], "1a", cross_reference=True)
    items["left out"] = add_file_evidence(
        portfolio,
        plain_jpeg(colour=(1, 2, 3)),
        LEFT_OUT_TITLE,
        kind="photo",
        mime_type="image/jpeg",
        consent="missing",
        original_name="zebedee.jpg",
    )
    tag_evidence(portfolio, items["left out"], "1b", cross_reference=True)
    items["untagged"] = add_file_evidence(
        portfolio, b"A draft nobody tagged.\n", UNTAGGED_TITLE, original_name="quentin.txt"
    )
    return items


def _members(bundle) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {
            name.split("/", 1)[1]: archive.read(name)
            for name in archive.namelist()
            if not name.endswith("/")
        }


def _texts_inside(name: str, data: bytes) -> list[bytes]:
    """The bytes to search: the file, the parts of an Office zip, and every picture embedded as base64."""
    found = [data]
    if name.endswith((".docx", ".odt", ".xlsx", ".pptx")):
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            found += [inner.read(part) for part in inner.namelist()]
    found += [base64.b64decode(m.group(1)) for m in re.finditer(rb"base64,([A-Za-z0-9+/=]+)", data)]
    return found


def _independent_metadata(folder, names: list[str]) -> dict[str, str]:
    """What exiftool reads from each file (every group, unknown and embedded tags; one exiftool run for them
    all, each file's own JSON object); Pillow/pypdf without it."""
    paths = {str(folder / name.replace("/", "_")): name for name in names}
    if not shutil.which("exiftool"):
        return {name: _metadata_without_exiftool(folder, name) for name in names}
    printed = subprocess.run(
        ["exiftool", "-a", "-u", "-ee", "-G1", "-j", *paths],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    read = {paths[entry["SourceFile"]]: json.dumps(entry) for entry in json.loads(printed)}
    assert set(read) == set(names), "exiftool read every file"
    return read


def _metadata_without_exiftool(folder, name: str) -> str:
    path = folder / name.replace("/", "_")
    if name.endswith(".pdf"):
        from pypdf import PdfReader

        reader = PdfReader(path)
        return f"{reader.metadata} {reader.xmp_metadata}"
    if name.endswith((".jpg", ".png")):
        from PIL import Image

        image = Image.open(path)
        return f"{dict(image.getexif())} {image.info}"
    return ""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(closed portfolio file, item ids) of _hostile_portfolio, built once for the module. Shared: tests open
    or change a copy (_own_copy), never this file."""

    folder = tmp_path_factory.mktemp("hostile")
    portfolio = new_oak_portfolio(folder / "oak.portfolio")
    try:
        items = _hostile_portfolio(portfolio)
    finally:
        portfolio.close()
    return portfolio.path, items


@pytest.fixture(scope="module")
def hostile_draft(hostile, tmp_path_factory):
    """The DRAFT export (untagged items left out) of the hostile portfolio, made once from a copy and read by
    the tests that check what left; read only."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    folder = tmp_path_factory.mktemp("hostile-draft")
    with Portfolio.open(copy_portfolio(hostile[0], folder)) as portfolio:
        return export_bundle(portfolio, folder / "bundle.zip", draft=True, include_untagged=False)


@pytest.fixture
def own_hostile(hostile, tmp_path):
    """(open Portfolio, item ids): this test's own copy of the hostile portfolio, to read or change."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    portfolio = Portfolio.open(copy_portfolio(hostile[0], tmp_path / "own"))
    yield portfolio, hostile[1]
    portfolio.close()


@pytest.mark.slow
def test_bundle_read_back_holds_no_planted_name_place_or_device(hostile_draft, tmp_path):
    """Every file of the bundle, the parts of its Office files, its embedded thumbnails and what exiftool reads
    from each evidence file are free of every planted name, place and device identifier."""
    result = hostile_draft
    assert verify_bundle(result.path).valid
    members = _members(result.path)
    out = tmp_path / "files"
    out.mkdir()
    read_back = []
    for name, data in members.items():
        for blob in _texts_inside(name, data):
            for planted in PLANTED:
                assert planted.encode() not in blob, f"{planted!r} leaked in {name}"
                assert planted.encode("utf-16-le") not in blob, (
                    f"{planted!r} (UTF-16) leaked in {name}"
                )
        if name.startswith("data/evidence/") or name == "data/portfolio.pdf":
            (out / name.replace("/", "_")).write_bytes(data)
            read_back.append(name)
    assert "data/portfolio.pdf" in read_back and len(read_back) > 1
    for name, metadata in _independent_metadata(out, read_back).items():
        for planted in PLANTED:
            assert planted not in metadata, f"{planted!r} read back from {name}"
    photo = next(data for name, data in members.items() if name.endswith("Reading-corner.jpg"))
    assert (
        b"\xff\xfe" not in photo and photo.count(b"\xff\xd8") == 1 and photo.endswith(b"\xff\xd9")
    )


def test_left_out_and_untagged_items_leave_no_trace_but_a_count(hostile, hostile_draft):
    """An unconsented photo and an untagged note are not in any file of the bundle (no title, no hash);
    portfolio.json counts them with their reasons and no item carries its original file name."""
    _path, items = hostile
    result = hostile_draft
    assert {i for i, _t, _r in result.left_out} == {items["left out"], items["untagged"]}
    members = _members(result.path)
    snapshot = json.loads(members["data/portfolio.json"])
    for name, data in members.items():
        for blob in _texts_inside(name, data):
            for secret in (
                LEFT_OUT_TITLE,
                UNTAGGED_TITLE,
                "Zebedee",
                "zebedee.jpg",
                "quentin",
                NAME,
            ):
                assert (
                    secret.encode() not in blob and secret.encode("unicode_escape") not in blob
                ), (secret, name)
    assert all(
        "original_name" not in item and "has_location" not in item for item in snapshot["evidence"]
    )
    assert sorted((c["reason"], c["count"]) for c in snapshot["left_out"]) == [
        ("consent is not recorded", 1),
        ("it is not presented for any descriptor or cover sheet (tagged to nothing)", 1),
    ]


def test_untagged_items_go_in_only_when_asked_and_are_then_listed(own_hostile, tmp_path):
    """A final bundle leaves the untagged note out; with include_untagged it is in the bundle, in portfolio.json
    and in the export preview."""
    fpa_portfolio, items = own_hostile
    from portfolio_builder.core.evidence.evidence_service import update_evidence

    update_evidence(fpa_portfolio, items["left out"], consent="obtained")
    final = export_bundle(fpa_portfolio, tmp_path / "final.zip")
    assert [i for i, _t, _r in final.left_out] == [items["untagged"]]
    plan = plan_export(fpa_portfolio, include_untagged=True)
    result = export_bundle(fpa_portfolio, tmp_path / "bundle.zip", plan=plan)
    snapshot = json.loads(_members(result.path)["data/portfolio.json"])
    item = next(e for e in snapshot["evidence"] if e["id"] == items["untagged"])
    assert item["path"].startswith("evidence/other/") and not is_presented(item)
    assert any(UNTAGGED_TITLE in line and item["path"] in line for line in preview_lines(plan))


def test_export_plan_preview_lists_titles_files_removals_and_reasons(own_hostile):
    """The preview names every title with its bundle file, what metadata each loses, and each left-out item
    with why, before anything is written."""
    fpa_portfolio, items = own_hostile
    from portfolio_builder.core.bundle.export_plan import check_documents, check_photos

    plan = plan_export(fpa_portfolio)
    check_documents(fpa_portfolio, plan)
    check_photos(fpa_portfolio, plan)
    text = "\n".join(preview_lines(plan))
    assert "Reading corner  ->  data/evidence/" in text and "Reading-corner.jpg" in text
    assert (
        "GPS position" in text and "comment" in text and "data after the end of the picture" in text
    )
    assert "author, title, subject, keywords" in text and "XMP metadata" in text
    assert f"{LEFT_OUT_TITLE} (item {items['left out']}): consent is not recorded" in text
    assert f"{UNTAGGED_TITLE} (item {items['untagged']}): it is not presented" in text


def test_document_that_cannot_be_cleaned_is_reported_not_sent(own_ready, tmp_path):
    """An encrypted PDF and an old binary Word file are left out with the reason in words, not sent as they are."""
    from pypdf import PdfReader, PdfWriter

    fpa_portfolio = own_ready  # ready, as make_ready leaves it
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(hostile_pdf())))
    writer.encrypt("secret")
    locked = io.BytesIO()
    writer.write(locked)
    pdf = add_file_evidence(
        fpa_portfolio, locked.getvalue(), "Locked minutes", mime_type="application/pdf"
    )
    ole = add_file_evidence(
        fpa_portfolio,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "Old letter",
        mime_type="application/x-ole-storage",
    )
    for item in (pdf, ole):
        tag_evidence(fpa_portfolio, item, "1a", cross_reference=True)
    result = export_bundle(fpa_portfolio, tmp_path / "bundle.zip")
    reasons = {item_id: reason for item_id, _t, reason in result.left_out}
    assert "protected with a password" in reasons[pdf] and "older Office file" in reasons[ole]
    assert not any("Locked" in name or "Old-letter" in name for name in _members(result.path))


def test_export_dry_run_on_the_command_line_lists_and_writes_nothing(hostile, tmp_path, capsys):
    """`export --dry-run` prints the titles, bundle names, removals and left-out reasons, and writes no file."""
    from portfolio_builder.cli import main

    path = copy_portfolio(hostile[0], tmp_path / "own")  # closed, as the command line finds it
    items = hostile[1]
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(path), str(out / "b.zip"), "--draft", "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "Forum minutes  ->  data/evidence/" in printed and "XMP metadata" in printed
    assert f"{LEFT_OUT_TITLE} (item {items['left out']}): consent is not recorded" in printed
    assert (
        f"{UNTAGGED_TITLE}  ->  data/evidence/other/" in printed
    )  # a draft includes untagged items, listed
    assert list(out.iterdir()) == []


def test_rtf_loses_its_information_group_and_macro_documents_are_refused():
    """RTF keeps its text without {\\info} (author, company) or comment authors; a Word file with macros is
    refused with the reason rather than sent."""
    from portfolio_builder.core.privacy.document_errors import CannotClean
    from portfolio_builder.core.privacy.document_privacy import clean_document

    rtf = (
        b"{\\rtf1\\ansi{\\info{\\author "
        + NAME.encode()
        + b"}{\\*\\company Elm Road}}Minutes \\{kept\\}."
        b"{\\*\\atnauthor " + NAME.encode() + b"}}"
    )
    cleaned = clean_document(rtf, "application/rtf")
    assert NAME.encode() not in cleaned.data and b"Elm Road" not in cleaned.data
    assert b"Minutes \\{kept\\}." in cleaned.data and cleaned.removed
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/vbaProject.bin", b"macro")
    with pytest.raises(CannotClean, match="macros"):
        clean_document(buffer.getvalue(), DOCX)


AUTHOR_LAYOUTS = {  # part: XML naming the child however a program lays its attributes and elements out
    "word/comments.xml": f'<w:comments xmlns:w="urn:w"><w:comment w:author = "{NAME}"/></w:comments>',
    "word/commentsExtended.xml": "<w:c xmlns:w='urn:w'><w:comment w:id='1'\n w:initials='AS'/></w:c>",
    "word/people.xml": f'<w15:people xmlns:w15="urn:w15"><w15:person w15:author="{NAME}"><w15:presenceInfo '
    'w15:providerId="AD" w15:userId="ann@oak.example"/></w15:person></w15:people>',
    "xl/comments1.xml": f'<comments xmlns="urn:x"><authors><author\n>{NAME}</author></authors></comments>',
    "word/document.xml": f'<w:document xmlns:w="urn:w"><w:ins w:author="{NAME}"/><w:t>Minutes</w:t>'
    "</w:document>",
}


def test_people_are_emptied_however_the_xml_is_laid_out_and_other_parts_are_kept_byte_for_byte():
    """A revision or comment author with spaces around '=', a line break or another prefix is still emptied;
    a styles part naming nobody (its w:name values are style names) leaves exactly as it came."""
    from portfolio_builder.core.privacy.office_privacy import clean_office

    styles = b'<w:styles xmlns:w="urn:w"><w:style w:name="Normal"/><w:t>author = x</w:t></w:styles>'
    for (
        name,
        xml,
    ) in AUTHOR_LAYOUTS.items():  # one part per document: each layout must be found alone
        cleaned, removed = clean_office(
            zip_of({name: xml.encode(), "word/styles.xml": styles}), "ooxml"
        )
        with zipfile.ZipFile(io.BytesIO(cleaned)) as archive:
            body = archive.read(name)
            assert archive.read("word/styles.xml") == styles
        assert NAME.encode() not in body and b"AS" not in body and b"ann@oak" not in body, name
        assert removed == ["comment and revision authors"], name
    assert b"Minutes" in body  # the document's text stays
