"""Nothing hostile gets in: links cannot break out of the PDF's markup, folders do not leak through links, odd file
names do not stop an add, titles and bundle names carry no control or bidi tricks, active content stays inert."""

import io
import os
import subprocess
import sys
import zipfile

import pytest

from portfolio_builder.core.assessor.bundle_session import BundleSession
from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.export_plan import plan_export
from portfolio_builder.core.documents.link_safety import safe_web_url
from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.evidence_fixtures import MINIMAL_PDF, make_jpeg
from tests.core.portfolio_factory import add_link_evidence

BREAKOUT = 'https://example.org/"href="javascript:alert(1)'
ANGLE = 'https://example.org/a">b'


def _pdf_uris(bundle) -> list[str]:
    from pypdf import PdfReader

    with zipfile.ZipFile(bundle) as archive:
        data = archive.read(next(n for n in archive.namelist() if n.endswith("data/portfolio.pdf")))
    uris = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def test_links_that_break_out_of_markup_never_become_pdf_links(fpa_portfolio, tmp_path):
    """Links already stored with quotes or '">' export fine, as plain text: no javascript: annotation, and every
    link annotation in portfolio.pdf is a plain http(s) address."""
    for n, url in enumerate((BREAKOUT, ANGLE, "https://example.org/fine")):
        tag_evidence(
            fpa_portfolio,
            add_link_evidence(fpa_portfolio, url, f"Link {n}"),
            "1a",
            cross_reference=True,
        )
    first = export_bundle(fpa_portfolio, tmp_path / "a.zip", draft=True)
    second = export_bundle(
        fpa_portfolio, tmp_path / "b.zip", draft=True
    )  # later exports keep working
    for bundle in (first.path, second.path):
        uris = _pdf_uris(bundle)
        assert "https://example.org/fine" in uris
        assert all(safe_web_url(u) == u and "javascript" not in u.lower() for u in uris)


@pytest.mark.parametrize(
    "url", [BREAKOUT, ANGLE, "https://user:pw@example.org/", "https://example.org/<b>"]
)
def test_adding_a_link_with_quotes_brackets_or_credentials_is_refused(fpa_portfolio, url):
    """Such links are refused at the door with a one-line reason, and nothing is stored."""
    report = import_evidence(fpa_portfolio, [url])
    assert report.added == [] and len(report.skipped) == 1 and safe_web_url(url) is None


def test_add_folder_does_not_follow_links_out_of_it(fpa_portfolio, tmp_path):
    """A link to a file outside the folder (and a folder link leaving it) is reported as skipped, never stored;
    a link to a file inside the folder is fine."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:$6$hash:19000:0:99999:7:::\n")
    outside_dir = tmp_path / "elsewhere"
    outside_dir.mkdir()
    (outside_dir / "letter.txt").write_text("private letter\n")
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "minutes.txt").write_text("Forum minutes\n")
    os.symlink(secret, folder / "shadow.txt")
    os.symlink(outside_dir, folder / "more")
    os.symlink(folder / "minutes.txt", folder / "same-minutes.txt")
    report = import_evidence(fpa_portfolio, [folder], workers=1)
    assert len(report.added) == 1 and len(report.duplicates) == 1
    skipped = dict(report.skipped)
    assert "outside the folder" in skipped[str(folder / "shadow.txt")]
    assert "outside the folder" in skipped[str(folder / "more")]
    with fpa_portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM stored_file").fetchone()[0] == 1


def test_non_utf8_and_tricky_file_names_do_not_stop_an_add(fpa_portfolio, tmp_path):
    """`add FOLDER` with a file whose name is not UTF-8, one with an ANSI escape and one with a right-to-left
    override stores all three; titles and bundle names have no control, escape or bidi characters, and the
    bundle name's extension is the detected type's ('Photo\u202egpj.exe' holding a JPEG is a .jpg)."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9 menu.txt"), "wb") as handle:
        handle.write(b"Menu for the family cafe\n")
    (folder / "red\x1b[31mnote.txt").write_text("A note\n")
    make_jpeg(folder / "Photo\u202egpj.exe")
    path = fpa_portfolio.path
    fpa_portfolio.close()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "portfolio_builder.cli",
            "add",
            str(path),
            str(folder),
            "--consent",
            "obtained",
        ],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with Portfolio.open(path) as portfolio:
        with portfolio.raw_connection() as conn:
            titles = [r[0] for r in conn.execute("SELECT title FROM evidence_item ORDER BY id")]
        plan = plan_export(portfolio, draft=True)
    assert len(titles) == 3
    for text in titles + [item["path"] for item in plan.files]:
        assert not any(
            ord(c) < 32 or c in "\u202e\u202d\u2066\u2067\u2068\u2069\ufffd\x7f" for c in text
        ), text
    names = [item["path"].rsplit("/", 1)[-1] for item in plan.files]
    assert "Photogpj" in titles and any(n.endswith("Photogpj.jpg") for n in names), names


def test_active_content_never_keeps_an_active_extension(fpa_portfolio, tmp_path):
    """HTML and SVG evidence arrive as .txt (their script inert), and a PDF that is also an HTML page arrives as
    .pdf: the detected type decides the extension, never the name it came with."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "invite.html").write_text("<html><script>alert(document.cookie)</script>Come!</html>")
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    )
    (folder / "report.html").write_bytes(MINIMAL_PDF + b"<html><script>alert(2)</script></html>")
    report = import_evidence(
        fpa_portfolio, [folder], descriptor_codes=["1a"], consent="obtained", workers=1
    )
    assert (
        len(report.added) == 2
    )  # the third would be a third key item: added as a cross-reference below
    report = import_evidence(fpa_portfolio, [folder / "report.html"], consent="obtained")
    tag_evidence(fpa_portfolio, report.added[0], "1b")
    names = sorted(
        item["path"].rsplit("/", 1)[-1] for item in plan_export(fpa_portfolio, draft=True).files
    )
    assert names == ["1a-1-Invite.txt", "1a-2-Logo.txt", "1b-1-Report.pdf"]


def test_assessor_never_hands_active_content_to_another_program(tmp_path):
    """Opening a web page, SVG or script from a (hand-made) bundle is refused before anything is extracted."""
    session = BundleSession(tmp_path / "b.zip", reader=None, report=None, snapshot={})
    for name in (
        "evidence/1/invite.html",
        "evidence/1/logo.SVG",
        "evidence/other/run.bat",
        "evidence/x.docm",
    ):
        with pytest.raises(BadInput, match="can run code when opened"):
            session.viewer_copy(name)
    assert session.private_dir_if_made is None
