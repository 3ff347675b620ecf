"""Bad evidence input: each case gives a clear message and leaves the portfolio exactly as it was."""

import os

import pytest

from portfolio_builder.core.errors import BadInput, ReadOnlyPortfolio, RuleViolation
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.evidence_fixtures import make_jpeg, make_pdf, make_png, make_png_bomb, make_text


def counts(portfolio):
    with portfolio.raw_connection() as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("evidence_item", "stored_file", "descriptor_link", "thumbnail")
        )


@pytest.fixture
def seeded(fpa_portfolio, tmp_path):
    """A portfolio already holding one document, so 'nothing changed' is checked against real content."""
    import_evidence(fpa_portfolio, [make_pdf(tmp_path / "existing.pdf", extra=b"seed")], workers=1)
    return fpa_portfolio


def refused(portfolio, source, **options):
    """Import one source; assert it was skipped, nothing changed, and return the message."""
    before = counts(portfolio)
    report = import_evidence(portfolio, [source], workers=1, **options)
    assert report.added == [] and len(report.skipped) == 1
    assert counts(portfolio) == before
    return report.skipped[0][1]


def test_missing_path(seeded, tmp_path):
    """A path that does not exist is refused, naming it."""
    assert "There is no file or folder at" in refused(seeded, tmp_path / "gone.pdf")


def test_empty_folder(seeded, tmp_path):
    """A folder with no (visible) files is refused."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_bytes(b"x")
    assert "has no files to import" in refused(seeded, tmp_path / "empty")


def test_empty_file(seeded, tmp_path):
    """A 0-byte file is refused as empty."""
    (tmp_path / "blank.txt").write_bytes(b"")
    assert "is empty" in refused(seeded, tmp_path / "blank.txt")


def test_unsupported_type(seeded, tmp_path):
    """A file of no evidence type is refused as unsupported."""
    (tmp_path / "setup.exe").write_bytes(b"MZ\x90\x00" + bytes(range(256)) * 4)
    assert "unsupported type" in refused(seeded, tmp_path / "setup.exe")


def test_png_named_pdf_is_mislabelled(seeded, tmp_path):
    """A PNG named .pdf is refused as mislabelled, naming both types."""
    message = refused(seeded, make_png(tmp_path / "report.pdf"))
    assert "mislabelled" in message and "PDF" in message and "PNG" in message


def test_text_named_jpg_is_mislabelled(seeded, tmp_path):
    """A text file named .jpg is refused as mislabelled."""
    message = refused(seeded, make_text(tmp_path / "photo.jpg"))
    assert "mislabelled" in message and "JPEG" in message and "plain text" in message


def test_truncated_jpeg(seeded, tmp_path):
    """A JPEG cut short is refused as damaged."""
    data = make_jpeg(tmp_path / "whole.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    assert "damaged" in refused(seeded, tmp_path / "cut.jpg")


def test_garbled_jpeg(seeded, tmp_path):
    """A JPEG whose data is overwritten with garbage is refused as damaged."""
    data = bytearray(make_jpeg(tmp_path / "whole.jpg").read_bytes())
    for i in range(600, len(data) - 2, 50):
        data[i] = 0xFF if i % 100 else 0x00
    (tmp_path / "garbled.jpg").write_bytes(bytes(data))
    assert "damaged" in refused(seeded, tmp_path / "garbled.jpg")


def test_decompression_bomb_png(seeded, tmp_path):
    """A small PNG claiming 30000x30000 pixels is refused as too large, without decoding it."""
    assert "image too large" in refused(seeded, make_png_bomb(tmp_path / "bomb.png"))


def test_file_over_the_size_cap(seeded, tmp_path):
    """A file over the size cap is refused, suggesting a link for big video."""
    message = refused(
        seeded, make_pdf(tmp_path / "big.pdf", extra=b" " * 5000), max_file_bytes=4096
    )
    assert "over the" in message and "limit" in message


@pytest.mark.parametrize(
    "link", ["javascript:alert(document.cookie)", "file:///C:/Users/ann/secret.docx"]
)
def test_non_web_links(seeded, link):
    """javascript: and file: links are refused; only http(s) is accepted."""
    assert "Only web links" in refused(seeded, link)


def test_unknown_descriptor_code_imports_nothing(seeded, tmp_path):
    """An unknown descriptor code refuses the whole import before any file is stored."""
    before = counts(seeded)
    with pytest.raises(BadInput, match="no descriptor '9z'"):
        import_evidence(
            seeded,
            [make_text(tmp_path / "a.txt"), make_pdf(tmp_path / "b.pdf")],
            descriptor_codes=["9z"],
        )
    assert counts(seeded) == before


def test_third_key_item_names_the_two_and_stores_nothing(seeded, tmp_path):
    """A third key item for a descriptor is refused naming the two already there; its file is not stored."""
    first, second = import_evidence(
        seeded,
        [make_text(tmp_path / "one.txt", "1"), make_text(tmp_path / "two.txt", "2")],
        workers=1,
    ).added
    tag_evidence(seeded, first, "1a")
    tag_evidence(seeded, second, "1a")
    before = counts(seeded)
    with pytest.raises(RuleViolation) as caught:
        import_evidence(seeded, [make_text(tmp_path / "three.txt", "3")], descriptor_codes=["1a"])
    assert "'One'" in caught.value.message and "'Two'" in caught.value.message
    assert counts(seeded) == before


def test_bad_component_or_consent(seeded, tmp_path):
    """An unknown component or consent state is refused before anything is stored."""
    before = counts(seeded)
    with pytest.raises(BadInput, match="component"):
        import_evidence(seeded, [make_text(tmp_path / "a.txt")], component="misc")
    with pytest.raises(BadInput, match="consent"):
        import_evidence(seeded, [make_text(tmp_path / "a.txt")], consent="maybe")
    assert counts(seeded) == before


def test_read_only_portfolio(seeded, tmp_path):
    """A portfolio opened read-only refuses an import with ReadOnlyPortfolio."""
    path = seeded.path
    seeded.close()
    with Portfolio.open(path, read_only=True) as read_only:
        with pytest.raises(ReadOnlyPortfolio):
            import_evidence(read_only, [make_text(tmp_path / "a.txt")])
        assert counts(read_only)[:2] == (1, 1)


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True,
    reason="root ignores folder permissions, so chmod cannot make the location read-only",
)
def test_read_only_location(seeded, tmp_path):
    """A portfolio in a read-only folder opens read-only and refuses an import."""
    path, note = seeded.path, make_text(tmp_path / "a.txt")
    seeded.close()
    os.chmod(path.parent, 0o555)
    try:
        with Portfolio.open(path) as portfolio:
            with pytest.raises(ReadOnlyPortfolio):
                import_evidence(portfolio, [note])
    finally:
        os.chmod(path.parent, 0o755)


def test_no_sources(seeded):
    """An empty list of sources is refused with a clear message."""
    with pytest.raises(BadInput, match="Nothing to import"):
        import_evidence(seeded, [])
