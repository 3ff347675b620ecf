"""Where each file goes inside a bundle, under names that are safe on every operating system."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import PurePosixPath

MAX_NAME_CHARS = 80
WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
    "COM\u00b9",
    "COM\u00b2",
    "COM\u00b3",
    "LPT\u00b9",
    "LPT\u00b2",
    "LPT\u00b3",
}
WINDOWS_FORBIDDEN = '<>:"|?*'
_NOT_IN_FILE_NAMES = re.compile("[\x00-\x1f" + re.escape(WINDOWS_FORBIDDEN) + "]")  # and controls
STORED_SUFFIXES = {  # already compressed: deflating them costs time and saves nothing
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".heic",
    ".heif",
    ".mp4",
    ".m4v",
    ".mov",
    ".m4a",
    ".mp3",
    ".aac",
    ".ogg",
    ".oga",
    ".webm",
    ".pdf",
    ".docx",
    ".xlsx",
    ".pptx",
    ".odt",
    ".ods",
    ".odp",
    ".zip",
    ".epub",
    ".gz",
    ".7z",
}
STORED_MIME_PREFIXES = ("image/", "video/", "audio/")
# The detected type alone decides a bundle file's extension (never the name it came with), so a PDF/HTML polyglot
# is a .pdf and nothing arrives with an extension that runs in a browser or a shell; unknown types are .bin.
EXTENSION_FOR_MIME = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "application/pdf": ".pdf",
    "application/rtf": ".rtf",
    "text/plain": ".txt",
    "text/csv": ".csv",
    "text/tab-separated-values": ".tsv",
    "text/markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    "application/x-ole-storage": ".bin",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/x-m4v": ".m4v",
    "video/webm": ".webm",
    "video/x-matroska": ".mkv",
    "video/x-msvideo": ".avi",
    "video/3gpp": ".3gp",
    "video/3gpp2": ".3g2",
    "video/x-ms-wmv": ".wmv",
    "video/mpeg": ".mpg",
    "video/x-flv": ".flv",
    "video/ogg": ".ogv",
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/x-m4a": ".m4a",
    "audio/aac": ".aac",
    "audio/x-aac": ".aac",
    "audio/x-wav": ".wav",
    "audio/wav": ".wav",
    "audio/ogg": ".ogg",
    "audio/opus": ".opus",
    "audio/x-flac": ".flac",
    "audio/flac": ".flac",
    "audio/amr": ".amr",
    "audio/x-aiff": ".aif",
    "audio/aiff": ".aif",
    "audio/x-ms-wma": ".wma",
}


def ascii_slug(text: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """Plain ASCII letters, digits, '.', '_' and '-' only; accents folded, the rest become '-'."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", folded)
    slug = re.sub(r"-{2,}", "-", slug).strip("-._ ")
    return slug[:max_chars].rstrip("-._ ")


def is_reserved_windows_name(part: str) -> bool:
    """True for names Windows cannot create (CON, nul.txt, COM1 ...), whatever follows the first dot."""
    stem = part.split(".", 1)[0].rstrip(" ").upper()
    return stem in WINDOWS_RESERVED


def unsafe_name_reason(name: str, max_chars: int = 400) -> str | None:
    """Why a path inside a zip is unsafe to unpack anywhere ('..', absolute, reserved ...), or None."""
    if len(name) > max_chars:
        return "is too long"
    if "\\" in name:
        return "contains a backslash"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "is an absolute path (drive, UNC or /)"
    if _NOT_IN_FILE_NAMES.search(name):
        return "contains characters not allowed in file names"
    for part in name.rstrip("/").split("/"):
        if part in ("", ".", ".."):
            return "climbs out of its folder ('..', '.' or an empty part)"
        if part != part.rstrip(" ."):
            return "has a part ending in a dot or space"
        if is_reserved_windows_name(part):
            return f"uses the reserved Windows name '{part}'"
    return None


def safe_file_name(name: str, fallback: str = "file", max_chars: int = MAX_NAME_CHARS) -> str:
    """A file name safe on Windows, macOS and Linux: ASCII, no reserved name, no trailing dot or space."""
    path = PurePosixPath((name or "").replace("\\", "/").split("/")[-1])
    suffix = ascii_slug(path.suffix.lstrip("."), 10).lower()
    stem = (
        ascii_slug(path.stem if suffix else path.name, max_chars)
        or ascii_slug(fallback, max_chars)
        or "file"
    )
    if suffix:
        stem = stem[: max(1, max_chars - len(suffix) - 1)].rstrip("-._ ") or "file"
    if is_reserved_windows_name(stem):
        stem = f"{stem}_"
    return f"{stem}.{suffix}" if suffix else stem


def bag_folder_name(setting: str, scheme: str, on: date) -> str:
    """The bundle's single top folder: <setting>-<scheme>-<date>."""
    setting_part = ascii_slug(setting, 40) or "setting"
    scheme_part = ascii_slug(scheme, 40) or "portfolio"
    return f"{setting_part}-{scheme_part}-{on.isoformat()}"


class NameBook:
    """Hands out payload paths, unique even where the file system ignores case."""

    def __init__(self):
        self._taken: set[str] = set()

    def claim(self, folder: str, name: str) -> str:
        """folder/name, with -2, -3 ... before the extension if that path (any case) is taken."""
        stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
        candidate, n = f"{folder}/{name}", 1
        while candidate.lower() in self._taken:
            n += 1
            candidate = f"{folder}/{stem}-{n}{dot}{suffix}"
        self._taken.add(candidate.lower())
        return candidate


def extension_for(mime_type: str) -> str:
    """The extension a bundle file of this detected type gets ('.bin' for a type not on the list)."""
    return EXTENSION_FOR_MIME.get((mime_type or "").lower(), ".bin")


def _display_name(item: dict) -> str:
    """A file name for an evidence item: its title (or 'item-<id>'), with the extension of its detected type.

    The original file name is never used: it often names a child, and its extension may lie.
    """
    from ..evidence.display_text import clean_display_text

    title = clean_display_text(item.get("title") or "").replace("/", "-").replace("\\", "-")
    return safe_file_name(
        (title or f"item-{item.get('id')}") + extension_for(item.get("mime_type") or ""),
        fallback=f"item-{item.get('id')}",
        max_chars=60,
    )


def evidence_folder_and_prefix(item: dict, snapshot: dict) -> tuple[str, str]:
    """Which evidence/ folder an item goes in, and the '<code>-<n>-' prefix for key evidence."""
    codes = item.get("key_for") or []
    if codes:
        for theme in snapshot.get("themes", []):
            for descriptor in theme.get("descriptors", []):
                if descriptor.get("code") == codes[0]:
                    slot = (
                        descriptor.get("key_evidence", []).index(item["id"]) + 1
                        if item["id"] in descriptor.get("key_evidence", [])
                        else 1
                    )
                    return (
                        f"evidence/{ascii_slug(theme['code'], 20) or 'theme'}",
                        f"{ascii_slug(descriptor['code'], 20)}-{slot}-",
                    )
    if item.get("cover_sheets"):
        return f"evidence/cover-sheets/priority-{int(item['cover_sheets'][0])}", ""
    component = ascii_slug(item.get("component") or "", 20)
    if component:
        return f"evidence/{component}", ""
    return "evidence/other", ""


def evidence_path(item: dict, snapshot: dict, names: NameBook) -> str:
    """The payload path (relative to data/) of one evidence file, unique in this bundle."""
    folder, prefix = evidence_folder_and_prefix(item, snapshot)
    return names.claim(
        folder, safe_file_name(prefix + _display_name(item), max_chars=MAX_NAME_CHARS)
    )


def is_stored_entry(name: str, mime_type: str = "") -> bool:
    """Whether an entry is written as-is (already-compressed media, PDF, Office zip formats) or deflated."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in STORED_SUFFIXES:
        return True
    return (
        bool(mime_type)
        and mime_type.startswith(STORED_MIME_PREFIXES)
        and not mime_type.startswith("image/svg")
    )
