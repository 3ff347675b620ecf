"""Exporting the bundle: a valid BagIt bag and RO-Crate, the readiness gate, drafts, consent, links, escaping."""

import hashlib
import json
import zipfile

import bagit
import pytest

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.errors import BadInput, Cancelled
from tests.core.portfolio_factory import (
    HOSTILE_TITLE,
    add_file_evidence,
    extract_all,
    photo_with_gps,
)
from tests.shared_builds import copy_portfolio

pytestmark = pytest.mark.timeout(120)


def _file_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ready_bundle_passes_bagit_full_validation(shared_ready_bundle, tmp_path):
    """Our bundle, extracted, is a valid BagIt 1.0 bag by the independent `bagit` package (checksums included)."""
    result, _ = shared_ready_bundle
    assert result.path.exists() and not result.path.with_name(result.path.name + ".part").exists()
    bag = bagit.Bag(str(extract_all(result.path, tmp_path / "x")))
    bag.validate()  # full: every checksum
    assert bag.info["External-Identifier"] == result.uuid
    assert bag.info["Source-Organization"] == "Oak Primary School"
    assert bag.info["Scheme"] == "Family Partnership Award"
    assert "Portfolio-Builder-Version" in bag.info and "Payload-Oxum" in bag.info
    assert verify_bundle(result.path).valid


def test_ready_bundle_is_an_ro_crate_describing_every_file(shared_ready_bundle, tmp_path):
    """data/ loads as an RO-Crate; every File entity exists with size, type and hash, evidence carries codes."""
    from rocrate.rocrate import ROCrate

    result, _ = shared_ready_bundle
    data = extract_all(result.path, tmp_path / "x") / "data"
    crate = ROCrate(str(data))
    metadata = json.loads((data / "ro-crate-metadata.json").read_text())
    files = [e for e in metadata["@graph"] if e.get("@type") == "File"]
    assert files and len(crate.data_entities) >= len(files)
    for entity in files:
        path = data / entity["@id"]
        assert path.is_file(), entity["@id"]
        assert int(entity["contentSize"]) == path.stat().st_size
        assert entity["sha256"] == _file_hash(path) and entity["encodingFormat"]
    photo = next(e for e in files if e["@id"].endswith(".jpg"))
    assert photo["keywords"] == ["1a"] and photo["about"] == [{"@id": "#descriptor-1a"}]
    links = [e for e in metadata["@graph"] if e.get("@type") == "WebPage"]
    assert [link["url"] for link in links] == ["https://example.org/families"]


def test_layout_names_and_compression(shared_ready_bundle):
    """Key evidence sits at evidence/<theme>/<code>-<n>-<name>; media is stored, text deflated; one top folder."""
    result, _ = shared_ready_bundle
    with zipfile.ZipFile(result.path) as archive:
        infos = {i.filename.split("/", 1)[1]: i for i in archive.infolist()}
        tops = {i.filename.split("/")[0] for i in archive.infolist()}
    assert tops == {result.path.stem} and result.path.stem.startswith(
        "Oak-Primary-School-Family-Partnership-Award-"
    )
    assert "data/evidence/1/1a-1-Welcome-breakfast-for-new-families.jpg" in infos
    assert "data/evidence/other/Strategic-plan.txt" in infos  # a cross-reference only
    assert any(n.startswith("data/evidence/1/1a-2-") for n in infos)
    assert {
        "START-HERE.html",
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "data/portfolio.json",
        "data/portfolio.pdf",
        "data/ro-crate-metadata.json",
        "data/ro-crate-preview.html",
    } <= set(infos)
    for name, info in infos.items():
        media = name.endswith((".jpg", ".pdf", ".docx"))
        assert info.compress_type == (zipfile.ZIP_STORED if media else zipfile.ZIP_DEFLATED), name
    assert not any("CON." in n.split("/")[-1].upper()[:4] for n in infos)


def test_portfolio_json_records_paths_and_links(shared_ready_bundle):
    """portfolio.json gives each file its bundle path and hash; a link has no file and no path."""
    result, evidence = shared_ready_bundle
    with zipfile.ZipFile(result.path) as archive:
        snapshot = json.loads(archive.read(f"{result.path.stem}/data/portfolio.json"))
        names = set(archive.namelist())
    assert snapshot["draft"] is False
    by_id = {e["id"]: e for e in snapshot["evidence"]}
    link = by_id[evidence["link"][0]]
    assert (
        link["path"] is None and link["included"] and link["url"] == "https://example.org/families"
    )
    for item in snapshot["evidence"]:
        if item["path"]:
            member = f"{result.path.stem}/data/{item['path']}"
            assert member in names
            with zipfile.ZipFile(result.path) as archive:
                assert hashlib.sha256(archive.read(member)).hexdigest() == item["sha256"]


def test_not_ready_export_refuses_and_lists_why(fpa_portfolio, tmp_path):
    """A non-draft export of an unready portfolio is refused with the reasons, and leaves no file at all."""
    with pytest.raises(BadInput) as refused:
        export_bundle(fpa_portfolio, tmp_path / "out.zip")
    message = str(refused.value)
    assert (
        "not ready" in message and "Evidence descriptor 1a has 0 of 2 key evidence items" in message
    )
    assert "draft" in message
    assert not list(tmp_path.glob("out.zip*"))


def test_draft_export_of_unready_portfolio_says_draft(fpa_portfolio, tmp_path):
    """A draft export works on an unready portfolio and is marked DRAFT in portfolio.json and START-HERE."""
    result = export_bundle(fpa_portfolio, tmp_path / "draft.zip", draft=True)
    assert result.path == tmp_path / "draft.zip"
    with zipfile.ZipFile(result.path) as archive:
        top = archive.namelist()[0].split("/")[0]
        snapshot = json.loads(archive.read(f"{top}/data/portfolio.json"))
        start = archive.read(f"{top}/START-HERE.html").decode()
        info = archive.read(f"{top}/bag-info.txt").decode()
    assert snapshot["draft"] is True and "DRAFT" in start and "DRAFT" in info
    assert verify_bundle(result.path).valid


def test_unconsented_photo_left_out_unless_asked(fpa_portfolio, tmp_path):
    """A photo without recorded consent is left out (reported, and only counted in the bundle) unless
    include_unconsented is set."""
    photo = add_file_evidence(
        fpa_portfolio,
        photo_with_gps(),
        "Sports day",
        kind="photo",
        mime_type="image/jpeg",
        original_name="sports.jpg",
        consent="missing",
    )
    result = export_bundle(fpa_portfolio, tmp_path / "a.zip", draft=True)
    assert result.left_out == [(photo, "Sports day", "consent is not recorded")]
    with zipfile.ZipFile(result.path) as archive:
        assert not any(n.endswith(".jpg") for n in archive.namelist())
        member = next(n for n in archive.namelist() if n.endswith("data/portfolio.json"))
        snapshot = json.loads(archive.read(member))
    assert photo not in [e["id"] for e in snapshot["evidence"]]
    assert snapshot["left_out"] == [{"reason": "consent is not recorded", "count": 1}]
    included = export_bundle(
        fpa_portfolio, tmp_path / "b.zip", draft=True, include_unconsented=True
    )
    assert included.left_out == []
    with zipfile.ZipFile(included.path) as archive:
        assert any(
            n.endswith("sports.jpg") or n.endswith("Sports-day.jpg") for n in archive.namelist()
        )


def test_titles_with_script_are_escaped_in_html(shared_ready_bundle):
    """An evidence title holding <script> and quotes appears escaped, never as markup, in the bundle's HTML."""
    pytest.importorskip("portfolio_builder.core.documents")
    result, _ = shared_ready_bundle
    with zipfile.ZipFile(result.path) as archive:
        pages = {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".html")}
    preview = next(text for name, text in pages.items() if name.endswith("ro-crate-preview.html"))
    assert "&lt;script&gt;" in preview
    for name, text in pages.items():
        assert "<script" not in text.lower(), name
        assert HOSTILE_TITLE not in text


def test_contents_index_shows_photo_thumbnails_inline(shared_ready_bundle):
    """The double-click contents index pictures each included photo from inside the page (no file, no network)."""
    pytest.importorskip("portfolio_builder.core.documents")
    result, _ = shared_ready_bundle
    with zipfile.ZipFile(result.path) as archive:
        preview = next(
            archive.read(n).decode()
            for n in archive.namelist()
            if n.endswith("ro-crate-preview.html")
        )
    assert '<img class="thumb" src="data:image/jpeg;base64,' in preview
    assert 'alt="Welcome breakfast for new families"' in preview


def test_cancel_midway_leaves_no_file(shared_ready, tmp_path):
    """Cancelling during the export raises Cancelled and leaves neither the bundle nor a .part file."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    ready = copy_portfolio(shared_ready.portfolio, tmp_path / "own")  # a ready portfolio of our own
    seen = []
    with Portfolio.open(ready) as portfolio, pytest.raises(Cancelled):
        export_bundle(
            portfolio,
            tmp_path / "c.zip",
            progress=lambda d, t, n: seen.append(n),
            cancel=lambda: len(seen) >= 5,
        )
    assert list(tmp_path.glob("c.zip*")) == []


def test_export_does_not_modify_the_portfolio(shared_ready, tmp_path):
    """Exporting only reads: the portfolio file is byte-identical afterwards."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    ready = copy_portfolio(shared_ready.portfolio, tmp_path / "own")  # a ready portfolio of our own
    before = _file_hash(ready)
    with Portfolio.open(ready, read_only=True) as portfolio:
        export_bundle(portfolio, tmp_path / "r.zip")
    assert _file_hash(ready) == before


def test_progress_reports_bytes_and_names(shared_ready):
    """Progress arrives as (done, total, name) with done never going backwards (as the shared ready export
    reported it)."""
    calls = shared_ready.progress
    assert calls and all(d <= t for d, t, _ in calls)
    assert [d for d, _, _ in calls] == sorted(d for d, _, _ in calls)
    assert any("evidence/" in n for _, _, n in calls)
