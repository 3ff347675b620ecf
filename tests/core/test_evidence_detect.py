"""Evidence types are judged by content: the right kind for each format, refusals for unknown or mislabelled files."""

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.evidence.evidence_detect import detect_file, detect_link, is_link
from tests.core.evidence_fixtures import make_docx, make_jpeg, make_pdf, make_png, make_text


@pytest.mark.parametrize(
    "maker, name, kind, mime",
    [
        (make_pdf, "a.pdf", "document", "application/pdf"),
        (
            make_docx,
            "a.docx",
            "document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (make_text, "a.txt", "document", "text/plain"),
        (make_text, "a.csv", "document", "text/csv"),
        (make_jpeg, "a.jpg", "photo", "image/jpeg"),
        (make_png, "a.png", "photo", "image/png"),
    ],
)
def test_known_formats_are_detected(tmp_path, maker, name, kind, mime):
    """Each supported format is recognised with the right kind and MIME type."""
    detected = detect_file(maker(tmp_path / name))
    assert (detected.kind, detected.mime) == (kind, mime)


def test_content_wins_over_a_missing_extension(tmp_path):
    """A photo saved without an extension is still recognised as a photo."""
    assert detect_file(make_jpeg(tmp_path / "photo")).kind == "photo"


def test_opendocument_and_rtf_are_documents(tmp_path):
    """OpenDocument text (a zip with a mimetype entry) and RTF are documents."""
    import zipfile

    odt = tmp_path / "a.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    (tmp_path / "a.rtf").write_bytes(b"{\\rtf1\\ansi Hello}")
    assert detect_file(odt).mime == "application/vnd.oasis.opendocument.text"
    assert detect_file(tmp_path / "a.rtf").kind == "document"


def test_audio_and_video_by_content(tmp_path):
    """A WAV recording is audio; an MP4 header is video."""
    import wave

    with wave.open(str(tmp_path / "voice.wav"), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000), w.writeframes(b"\x00\x00" * 800)
    (tmp_path / "clip.mp4").write_bytes(
        b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64
    )
    assert detect_file(tmp_path / "voice.wav").kind == "audio"
    assert detect_file(tmp_path / "clip.mp4").kind == "video"


def test_png_named_pdf_is_mislabelled_naming_both(tmp_path):
    """A PNG named .pdf is refused as mislabelled, naming both what the name and the content say."""
    with pytest.raises(BadInput) as caught:
        detect_file(make_png(tmp_path / "report.pdf"))
    assert (
        "mislabelled" in caught.value.message
        and "PDF" in caught.value.message
        and "PNG" in caught.value.message
    )


def test_text_named_jpg_is_mislabelled(tmp_path):
    """A text file named .jpg is refused as mislabelled."""
    with pytest.raises(BadInput, match="mislabelled.*JPEG.*plain text"):
        detect_file(make_text(tmp_path / "photo.jpg"))


def test_unknown_binary_is_unsupported(tmp_path):
    """Binary content of no known evidence type is refused as an unsupported type."""
    (tmp_path / "tool.bin").write_bytes(bytes(range(256)) * 8)
    with pytest.raises(BadInput, match="unsupported type"):
        detect_file(tmp_path / "tool.bin")


def test_plain_zip_is_unsupported(tmp_path):
    """A zip archive that is not an Office file is refused, suggesting its files be added instead."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "pack.zip", "w") as archive:
        archive.writestr("a.txt", "hello")
    with pytest.raises(BadInput, match="unsupported type.*zip"):
        detect_file(tmp_path / "pack.zip")


@pytest.mark.parametrize(
    "url, kind",
    [
        ("https://www.youtube.com/watch?v=abc", "video"),
        ("https://youtu.be/abc", "video"),
        ("https://vimeo.com/123", "video"),
        ("https://example.org/clip.mp4", "video"),
        ("https://example.org/newsletter", "link"),
        ("http://school.example.org/", "link"),
    ],
)
def test_links_are_video_or_link(url, kind):
    """Video hosts and video file addresses are videos; other web pages are links."""
    assert detect_link(url) == kind


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "ftp://x.org/a"]
)
def test_non_web_links_are_refused(url):
    """Only http and https links are accepted."""
    with pytest.raises(BadInput, match="Only web links"):
        detect_link(url)


def test_paths_are_not_links():
    """A Windows drive path is a file path, not a link with a scheme."""
    assert not is_link("C:\\photos\\a.jpg") and is_link("https://x.org") and is_link("javascript:x")
