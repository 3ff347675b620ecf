"""Tell what an evidence file or link really is (by content, with its size, hash and photo facts); runs in workers."""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import filetype

from ..errors import BadInput, PortfolioError
from ..privacy.document_privacy import needs_cleaning
from ..storage.evidence_store import sha256_of_file
from ..storage.storage_limits import MAX_FILE_BYTES, size_refusal
from .display_text import clean_display_text
from .photo_processing import PhotoFacts, examine_photo

HEAD_BYTES = 8192
MAX_URL_LENGTH = 2000


@dataclass(frozen=True)
class Format:
    """One accepted file format: its evidence kind, MIME type, a name for messages and its usual extensions."""

    kind: str
    mime: str
    label: str
    extensions: tuple[str, ...]


FORMATS = {
    "pdf": Format("document", "application/pdf", "a PDF document", ("pdf",)),
    "docx": Format(
        "document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "a Word document",
        ("docx", "docm", "dotx"),
    ),
    "xlsx": Format(
        "document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "an Excel spreadsheet",
        ("xlsx", "xlsm", "xltx"),
    ),
    "pptx": Format(
        "document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "a PowerPoint presentation",
        ("pptx", "pptm", "ppsx"),
    ),
    "odt": Format(
        "document", "application/vnd.oasis.opendocument.text", "an OpenDocument text", ("odt",)
    ),
    "ods": Format(
        "document",
        "application/vnd.oasis.opendocument.spreadsheet",
        "an OpenDocument spreadsheet",
        ("ods",),
    ),
    "odp": Format(
        "document",
        "application/vnd.oasis.opendocument.presentation",
        "an OpenDocument presentation",
        ("odp",),
    ),
    "ole": Format(
        "document",
        "application/x-ole-storage",
        "an older Microsoft Office document",
        ("doc", "xls", "ppt", "dot", "xlt", "pps"),
    ),
    "rtf": Format("document", "application/rtf", "a rich-text (RTF) document", ("rtf",)),
    "text": Format(
        "document",
        "text/plain",
        "plain text",
        ("txt", "text", "csv", "tsv", "md", "markdown", "log"),
    ),
    "jpeg": Format("photo", "image/jpeg", "a JPEG photo", ("jpg", "jpeg", "jpe", "jfif")),
    "png": Format("photo", "image/png", "a PNG image", ("png",)),
    "heic": Format("photo", "image/heic", "a HEIC photo", ("heic", "heif", "hif")),
}
AUDIO_EXTENSIONS = (
    "mp3",
    "m4a",
    "aac",
    "wav",
    "ogg",
    "oga",
    "opus",
    "flac",
    "amr",
    "aif",
    "aiff",
    "wma",
)
VIDEO_EXTENSIONS = (
    "mp4",
    "m4v",
    "mov",
    "qt",
    "webm",
    "mkv",
    "avi",
    "3gp",
    "3g2",
    "wmv",
    "mpg",
    "mpeg",
    "ogv",
    "flv",
)
TEXT_MIME_BY_EXTENSION = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "md": "text/markdown",
    "markdown": "text/markdown",
}
VIDEO_HOSTS = (
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "vimeo.com",
    "dailymotion.com",
    "dai.ly",
    "wistia.com",
    "loom.com",
    "stream.microsoft.com",
)
OPENDOCUMENT = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


@dataclass(frozen=True)
class Detected:
    """What a file turned out to be."""

    kind: str
    mime: str
    label: str


def _claimed_label(extension: str) -> str | None:
    """What a file's extension says it is, or None for an extension we do not know."""
    for fmt in FORMATS.values():
        if extension in fmt.extensions:
            return fmt.label
    if extension in AUDIO_EXTENSIONS:
        return "an audio recording"
    if extension in VIDEO_EXTENSIONS:
        return "a video"
    return None


def _zip_format(path: Path) -> str | None:
    """'docx'/'xlsx'/'pptx'/'odt'/'ods'/'odp' for Office zips, 'zip' for other zips, None if unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mimetype in OPENDOCUMENT:
                    return OPENDOCUMENT[mimetype]
            if "[Content_Types].xml" in names:
                content_types = archive.read("[Content_Types].xml")[:200_000]
                for part, fmt in (
                    (b"wordprocessingml", "docx"),
                    (b"spreadsheetml", "xlsx"),
                    (b"presentationml", "pptx"),
                ):
                    if part in content_types:
                        return fmt
            return "zip"
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, KeyError):
        return None


def _looks_like_text(head: bytes) -> bool:
    """No NUL bytes, and valid UTF-8 (allowing a cut multi-byte character at the end) or mostly printable."""
    if not head or b"\x00" in head:
        return False
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) < 0.01  # a legacy 8-bit encoding such as Windows-1252


def _content_format(path: Path, head: bytes) -> tuple[str, Format] | None:
    """The format key and Format of a file's content, or None when it is not an evidence type."""
    if head.startswith(b"%PDF-"):
        return "pdf", FORMATS["pdf"]
    if head.startswith(b"{\\rtf"):
        return "rtf", FORMATS["rtf"]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole", FORMATS["ole"]
    if head.startswith(b"PK\x03\x04"):
        key = _zip_format(path)
        return (key, FORMATS[key]) if key in FORMATS else None
    guess = filetype.guess(head)
    if guess is not None:
        if guess.mime == "image/jpeg":
            return "jpeg", FORMATS["jpeg"]
        if guess.mime == "image/png":
            return "png", FORMATS["png"]
        if guess.mime in ("image/heic", "image/heif"):
            return "heic", FORMATS["heic"]
        if guess.mime.startswith("audio/"):
            return guess.extension, Format(
                "audio", guess.mime, "an audio recording", AUDIO_EXTENSIONS
            )
        if guess.mime.startswith("video/"):
            return guess.extension, Format("video", guess.mime, "a video", VIDEO_EXTENSIONS)
        return None
    if _looks_like_text(head):
        return "text", FORMATS["text"]
    return None


def _describe_unknown(head: bytes) -> str:
    guess = filetype.guess(head) if head else None
    if guess is not None:
        return f"{guess.mime} (.{guess.extension})"
    if head.startswith(b"PK\x03\x04"):
        return "a zip archive (add the files inside it instead)"
    return "not a kind of file Portfolio Builder knows"


def detect_file(path: Path) -> Detected:
    """What a file is, judged by its content; BadInput if unsupported or its extension claims something else."""
    path = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    extension = path.suffix.lower().lstrip(".")
    found = _content_format(path, head)
    claimed = _claimed_label(extension)
    if found is None:
        if claimed:
            raise BadInput(
                f"{path.name}: unsupported type. Its name says {claimed} (.{extension}), "
                f"but its content is {_describe_unknown(head)}."
            )
        raise BadInput(
            f"{path.name}: unsupported type ({_describe_unknown(head)}). Add documents (PDF, Word, "
            "Excel, PowerPoint, OpenDocument, text), photos (JPEG, PNG, HEIC), audio or video."
        )
    _key, fmt = found
    if claimed and extension not in fmt.extensions:
        raise BadInput(
            f"{path.name} is mislabelled: its name says {claimed} (.{extension}) but its content is "
            f"{fmt.label}. Check it is the file you meant, then rename it."
        )
    mime = TEXT_MIME_BY_EXTENSION.get(extension, fmt.mime) if fmt.mime == "text/plain" else fmt.mime
    return Detected(fmt.kind, mime, fmt.label)


def is_link(source: str) -> bool:
    """Whether a source string is a link (has a URL scheme) rather than a file path (C:\\ is a path)."""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", source)) and not re.match(
        r"^[A-Za-z]:[\\/]", source
    )


def detect_link(url: str) -> str:
    """'video' or 'link' for an http(s) web address; BadInput for any other scheme or a malformed address."""
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise BadInput(f"That link is longer than {MAX_URL_LENGTH} characters; shorten it first.")
    if any(ord(ch) < 33 or ord(ch) == 127 for ch in url):
        raise BadInput("A link cannot contain spaces or control characters.")
    if any(ch in url for ch in "\"'<>`\\{}|^"):
        raise BadInput(
            "A link cannot contain quotes, angle brackets, backslashes or braces; copy the address "
            "again from the browser's address bar."
        )
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if "@" in parts.netloc:
        raise BadInput(
            "A link cannot carry a user name or password (user:password@...); remove them first."
        )
    if scheme not in ("http", "https"):
        raise BadInput(
            f"Only web links (http:// or https://) can be added; '{scheme}:' links are refused."
        )
    host = (parts.hostname or "").lower()
    try:
        ascii_host = host.encode("idna").decode("ascii") if host else ""
    except UnicodeError:
        ascii_host = ""
    if not re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)*$|^[0-9a-f:.]+$", ascii_host):
        raise BadInput(f"'{url}' is not a complete web address (it has no host name).")
    is_video_host = any(
        host == h or host.endswith("." + h) for h in VIDEO_HOSTS
    ) or host.startswith("video.")
    extension = (
        parts.path.rsplit(".", 1)[-1].lower() if "." in parts.path.rsplit("/", 1)[-1] else ""
    )
    return "video" if is_video_host or extension in VIDEO_EXTENSIONS else "link"


@dataclass(frozen=True)
class FileAnalysis:
    """The result of checking one file in a worker: its key, kind and preview, or why it was refused."""

    path: str
    sha256: str = ""
    size: int = 0
    kind: str = ""
    mime: str = ""
    photo: PhotoFacts | None = None
    error: str = ""


def analyse_file(path: str, max_bytes: int = MAX_FILE_BYTES) -> FileAnalysis:
    """Size-check, detect, hash and (for photos) preview one file; never raises, so one bad file spoils nothing."""
    name = Path(path).name
    try:
        size = os.stat(path).st_size
        if size == 0:
            return FileAnalysis(
                path, error=f"{name} is empty (0 bytes): there is nothing to import."
            )
        if refusal := size_refusal(name, size, cleaned_in_memory=False, max_bytes=max_bytes):
            return FileAnalysis(path, error=refusal)
        detected = detect_file(Path(path))
        cleaned_in_memory = detected.kind == "photo" or needs_cleaning(detected.mime)
        if refusal := size_refusal(name, size, cleaned_in_memory, max_bytes=max_bytes):
            return FileAnalysis(path, error=refusal)
        photo = examine_photo(path) if detected.kind == "photo" else None
        sha256, size = sha256_of_file(Path(path))
        return FileAnalysis(path, sha256, size, detected.kind, detected.mime, photo)
    except PortfolioError as exc:
        return FileAnalysis(path, error=exc.message)
    except OSError as exc:
        return FileAnalysis(path, error=f"Cannot read {name}: {exc.strerror or exc}.")
    except Exception as exc:  # noqa: BLE001 - a library choking on a strange file must not stop the batch
        return FileAnalysis(path, error=f"{name} could not be read ({type(exc).__name__}: {exc}).")


def tidy_title(name: str) -> str:
    """A readable title from a file name: no extension, separators as spaces, first letter capital."""
    name = clean_display_text(
        name
    )  # a file name may hold bytes that are not UTF-8, escapes or a bidi override
    stem = Path(name).stem if "." in name.strip(".") else name
    text = re.sub(r"(?<!\d)-|-(?!\d)", " ", stem.replace("_", " ").replace("+", " "))
    text = re.sub(r"\s+", " ", text).strip(" .")
    if text and text == text.lower():
        text = text[0].upper() + text[1:]
    return text[:200] or "Untitled"


def link_title(url: str) -> str:
    """A readable title for a web link: its last path part, or its host when that part says nothing."""
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path.strip("/") else ""
    if not re.search(r"[^\W\d_]", last) or last.lower() in (
        "watch",
        "view",
        "index.html",
        "index.php",
        "embed",
    ):
        return parts.hostname or url
    return tidy_title(last)
