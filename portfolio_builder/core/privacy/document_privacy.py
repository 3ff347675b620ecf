"""Which documents leave with their metadata emptied, and how: one entry point for the export and its preview.

PDF through pypdf, Word/Excel/PowerPoint and OpenDocument by rewriting their property parts, RTF by
removing its information group and comment authors. Formats whose fields cannot be emptied safely
(older binary Office files) are refused with a reason, so they are reported rather than sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document_errors import CannotClean

OOXML_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
PDF_TYPE, RTF_TYPE, OLE_TYPE = "application/pdf", "application/rtf", "application/x-ole-storage"
RTF_GROUPS = re.compile(
    rb"\{\\(info|\*\\atnauthor|\*\\atnid|\*\\company|\*\\operator|\*\\userprops)\b"
)


@dataclass
class CleanedDocument:
    """A document's bytes as they leave, and what was emptied, in words for the export preview."""

    data: bytes
    removed: list[str] = field(default_factory=list)


def needs_cleaning(mime_type: str) -> bool:
    """Whether a document type carries metadata fields that must be emptied (or refused) before it leaves."""
    return (
        mime_type in OOXML_TYPES
        or mime_type in ODF_TYPES
        or mime_type in (PDF_TYPE, RTF_TYPE, OLE_TYPE)
    )


def refusal_before_reading(mime_type: str) -> str | None:
    """Why a type can never be cleaned (known without reading the file), or None."""
    if mime_type == OLE_TYPE:
        return (
            "it is an older Office file (.doc, .xls, .ppt) whose author fields cannot be emptied safely; "
            "save it as .docx, .xlsx, .pptx or PDF and add it again"
        )
    return None


def clean_document(data: bytes, mime_type: str) -> CleanedDocument:
    """The document with its metadata emptied; CannotClean (with the reason in words) when that is not safe."""
    refusal = refusal_before_reading(mime_type)
    if refusal:
        raise CannotClean(refusal)
    if mime_type == PDF_TYPE:
        from .pdf_privacy import clean_pdf

        return CleanedDocument(*clean_pdf(data))
    if mime_type in OOXML_TYPES or mime_type in ODF_TYPES:
        from .office_privacy import clean_office

        return CleanedDocument(*clean_office(data, "odf" if mime_type in ODF_TYPES else "ooxml"))
    if mime_type == RTF_TYPE:
        return _clean_rtf(data)
    return CleanedDocument(data, [])


def _group_end(data: bytes, start: int) -> int:
    """The offset just after the RTF group opening at start (escaped braces skipped)."""
    depth, pos = 0, start
    while pos < len(data):
        byte = data[pos]
        if byte == 0x5C:  # backslash: skip the escaped character
            pos += 2
            continue
        if byte == 0x7B:
            depth += 1
        elif byte == 0x7D:
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    raise CannotClean("its RTF groups are not closed")


def _clean_rtf(data: bytes) -> CleanedDocument:
    """RTF without its {\\info} group (author, company, title ...) and without comment authors."""
    removed, out, pos = [], bytearray(), 0
    for match in RTF_GROUPS.finditer(data):
        if match.start() < pos:
            continue
        out += data[pos : match.start()]
        pos = _group_end(data, match.start())
        word = (
            "author, title, company and dates" if match.group(1) == b"info" else "comment authors"
        )
        if word not in removed:
            removed.append(word)
    out += data[pos:]
    return CleanedDocument(bytes(out), removed)
