"""Empty the metadata of Word, Excel, PowerPoint and OpenDocument files: properties, comment authors, printers.

These formats are zips of XML parts. The property parts (docProps/core.xml, app.xml, custom.xml;
meta.xml) are replaced by empty ones of the same type; in comment, people and revision parts every
author, initials and person attribute is emptied. Every other part is copied unchanged. XML is read
with lxml with entities, DTDs and the network switched off.
"""

from __future__ import annotations

import io
import re
import zipfile

from .document_errors import CannotClean
from .photo_privacy import clean_photo_report

MAX_PARTS = 10_000
MAX_XML_BYTES = 64 * 1024 * 1024
EMPTY_PARTS = {
    "docProps/core.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp='
        b'"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'
    ),
    "docProps/app.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
    ),
    "docProps/custom.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
    ),
    "meta.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="urn:oasis:names:tc:'
        b'opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/></office:document-meta>'
    ),
    "settings.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-settings xmlns:office="urn:oasis:'
        b'names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>'
    ),
}
PART_WORDS = {
    "docProps/core.xml": "author, title, subject, keywords and dates",
    "docProps/app.xml": "company, manager and program",
    "docProps/custom.xml": "custom properties",
    "meta.xml": "author, title, subject, keywords and dates",
    "settings.xml": "printer and view settings",
}
# attributes and elements naming people, in any namespace (w:author, dc:creator, authors/author ...)
PERSON_ATTRIBUTES = {"author", "initials", "userId", "providerId", "displayName", "name"}
PERSON_ELEMENTS = {"author", "creator", "initial-creator", "printed-by"}
PEOPLE_PARTS = re.compile(
    r"(^|/)(comments[^/]*|commentsExtended|commentsIds|people|commentAuthors|authors"
    r"|threadedComment[^/]*|person[^/]*|document|content|styles|sheet\d+|slide\d+)\.xml$",
    re.IGNORECASE,
)
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png")
MACRO_PARTS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|Basic/|Scripts/)", re.IGNORECASE)


def _parser():
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def _any_local_name(names: set[str]) -> str:
    return " or ".join(f"local-name()='{name}'" for name in sorted(names))


def _name_pattern(names: set[str], before: bytes, after: bytes) -> re.Pattern[bytes]:
    alternatives = b"|".join(re.escape(name.encode()) for name in sorted(names))
    return re.compile(before + rb"(?:" + alternatives + rb")" + after)


# Names can hold no entity or character reference, so a part whose bytes spell none of these names has
# nothing to empty and is not parsed: the styles of one Word file are 350 KB of XML.
ATTRIBUTE_IN_BYTES = {
    comment_part: _name_pattern(
        PERSON_ATTRIBUTES if comment_part else PERSON_ATTRIBUTES - {"name"},
        rb"[\s:]",
        rb"\s*=",
    )
    for comment_part in (True, False)
}
ELEMENT_IN_BYTES = _name_pattern(PERSON_ELEMENTS, rb"<(?:[^\s<>/:]+:)?", rb"[\s/>]")
PERSON_ATTRIBUTE_PATH = f"//@*[{_any_local_name(PERSON_ATTRIBUTES)}]"
PERSON_ELEMENT_PATH = f"//*[{_any_local_name(PERSON_ELEMENTS)}]"


def _clean_people(xml: bytes, part: str) -> tuple[bytes, bool]:
    """The part with every person attribute and element emptied, and whether anything was there."""
    from lxml import etree

    comment_part = (
        not part.endswith(("document.xml", "content.xml", "styles.xml"))
        and "sheet" not in part
        and "slide" not in part.rsplit("/", 1)[-1]
    )
    try:
        root = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        raise CannotClean(f"its part {part} is not well-formed XML") from exc
    if not ATTRIBUTE_IN_BYTES[comment_part].search(xml) and not ELEMENT_IN_BYTES.search(xml):
        return xml, False
    changed = False
    for value in root.xpath(PERSON_ATTRIBUTE_PATH):
        name = value.attrname
        if value and (comment_part or name.rsplit("}", 1)[-1] != "name"):
            value.getparent().set(name, "")
            changed = True
    for element in root.xpath(PERSON_ELEMENT_PATH):
        if (element.text or "").strip():
            element.text = ""
            changed = True
    if not changed:
        return xml, False
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), True


def clean_office(data: bytes, kind: str) -> tuple[bytes, list[str]]:
    """An OOXML or OpenDocument file with its metadata emptied, and words for what was there; CannotClean if not."""
    removed: list[str] = []
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CannotClean("it is not a readable Office or OpenDocument file") from exc
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        infos = source.infolist()
        if len(infos) > MAX_PARTS:
            raise CannotClean(f"it has more than {MAX_PARTS} parts")
        for info in infos:
            if info.flag_bits & 0x1:
                raise CannotClean(
                    "it is protected with a password, so its author fields cannot be emptied"
                )
            if MACRO_PARTS.search(info.filename):
                raise CannotClean(
                    "it contains macros (programs that run when it is opened); save it without "
                    "macros and add it again"
                )
            if info.file_size > MAX_XML_BYTES and info.filename.endswith(".xml"):
                raise CannotClean(f"its part {info.filename} is too large to check")
            body = _read(source, info)
            if info.filename in EMPTY_PARTS and (kind == "odf") == (
                info.filename in ("meta.xml", "settings.xml")
            ):
                if body.strip() != EMPTY_PARTS[info.filename] and _has_content(body):
                    removed.append(PART_WORDS[info.filename])
                body = EMPTY_PARTS[info.filename]
            elif info.filename.lower().endswith(PICTURE_SUFFIXES):
                cleaned = clean_photo_report(body)
                if (
                    cleaned.removed
                    and "photo metadata (places, cameras) in its pictures" not in removed
                ):
                    removed.append("photo metadata (places, cameras) in its pictures")
                body = cleaned.data
            elif info.filename.endswith(".xml") and PEOPLE_PARTS.search(info.filename):
                body, changed = _clean_people(body, info.filename)
                if changed and "comment and revision authors" not in removed:
                    removed.append("comment and revision authors")
            copy = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            copy.compress_type = info.compress_type
            copy.external_attr = 0o100644 << 16
            target.writestr(copy, body)
    return out.getvalue(), removed


def _read(source: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with source.open(info) as member:
            body = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise CannotClean(f"its part {info.filename} cannot be read") from exc
    if len(body) > info.file_size:
        raise CannotClean(f"its part {info.filename} holds more than its header says")
    return body


def _has_content(xml: bytes) -> bool:
    """Whether a property part holds any value (text between tags), not just empty elements."""
    return bool(re.search(rb">\s*[^<\s]", xml))
