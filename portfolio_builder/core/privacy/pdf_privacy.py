"""Empty a PDF's metadata (Info dictionary, XMP, comment authors, photo EXIF) and drop its scripts, pages kept as they are.

pypdf (maintained, pure Python) rewrites the whole file from the cleaned objects it can reach,
so earlier revisions an incremental save left behind, with their old metadata, are gone too.
The cleaning is done on the parsed objects before they are copied, so nothing removed is written.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .document_errors import CannotClean

if TYPE_CHECKING:
    from pypdf.generic import DictionaryObject

INFO_WORDS = {
    "/Author": "author",
    "/Title": "title",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/Creator": "creating program",
    "/Producer": "producing program",
    "/CreationDate": "dates",
    "/ModDate": "dates",
}
ROOT_DROPPED = {"/OpenAction": "scripts", "/AA": "scripts", "/SpiderInfo": "web capture data"}
NAMES_DROPPED = {"/JavaScript": "scripts", "/EmbeddedFiles": "attached files"}
OBJECT_DROPPED = {"/Metadata": "XMP metadata", "/PieceInfo": "application data", "/AA": "scripts"}
MAX_OBJECTS = 2_000_000


def clean_pdf(data: bytes) -> tuple[bytes, list[str]]:
    """The PDF with every metadata field emptied, and the words for what was there; CannotClean if it cannot be."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    removed: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise CannotClean(
                "it is protected with a password, so its author and title fields cannot be emptied"
            )
        info: Mapping[str, Any] = reader.metadata or {}
        for key, word in INFO_WORDS.items():
            if str(info.get(key) or "").strip():
                _note(removed, word)
        if "/Info" in reader.trailer:
            del reader.trailer["/Info"]
        root = _dictionary(reader.trailer["/Root"])
        for key, word in ROOT_DROPPED.items():
            if key in root:
                del root[key]
                _note(removed, word)
        names = root.get("/Names")
        if names is not None:
            names = _dictionary(names)
            for key, word in NAMES_DROPPED.items():
                if key in names:
                    del names[key]
                    _note(removed, word)
        _clean_reachable(root, removed)
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except CannotClean:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
    ) as exc:
        raise CannotClean(
            f"it is not a PDF that can be read safely ({type(exc).__name__})"
        ) from exc
    return out.getvalue(), removed


def _dictionary(obj: Any) -> DictionaryObject:
    """The dictionary an object is or refers to; TypeError (an unreadable PDF) if it is something else."""
    from pypdf.generic import DictionaryObject

    found = obj.get_object()
    if not isinstance(found, DictionaryObject):
        raise TypeError(f"a dictionary was expected, not {type(found).__name__}")
    return found


def _note(removed: list[str], word: str) -> None:
    if word not in removed:
        removed.append(word)


def _clean_reachable(root, removed: list[str]) -> None:
    """Walk every object reachable from the catalog once, cleaning each dictionary in place."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    todo = [root]
    while todo:
        obj = todo.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_OBJECTS:
                raise CannotClean("it has too many objects to check")
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            _clean_dictionary(obj, removed)
            todo.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            todo.extend(obj)


def _clean_dictionary(obj, removed: list[str]) -> None:
    """One object: its XMP, application data and triggers; a comment's author; a JPEG picture's EXIF."""
    from pypdf.generic import NameObject, StreamObject, TextStringObject

    for key, word in OBJECT_DROPPED.items():
        if key in obj:
            del obj[key]
            _note(removed, word)
    if obj.get("/Subtype") in (
        "/Text",
        "/FreeText",
        "/Popup",
        "/Highlight",
        "/Underline",
        "/StrikeOut",
        "/Squiggly",
        "/Ink",
        "/Stamp",
        "/Square",
        "/Circle",
        "/Line",
        "/Polygon",
        "/PolyLine",
        "/Caret",
        "/FileAttachment",
        "/Sound",
        "/Redact",
    ):
        if str(obj.get("/T") or "").strip():
            obj[NameObject("/T")] = TextStringObject("")
            _note(removed, "comment authors")
    action = obj.get("/A")
    if action is not None and action.get_object().get("/S") in ("/JavaScript", "/Launch"):
        del obj["/A"]
        _note(removed, "scripts")
    if (
        isinstance(obj, StreamObject)
        and obj.get("/Subtype") == "/Image"
        and obj.get("/Filter") == "/DCTDecode"
    ):
        from .photo_privacy import clean_photo_report

        cleaned = clean_photo_report(obj._data)
        if cleaned.removed:
            obj._data = cleaned.data
            _note(removed, "photo metadata (places, cameras) in its pictures")
