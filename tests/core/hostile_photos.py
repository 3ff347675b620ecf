"""Photos and documents carrying planted names, places and device identifiers, made by hand for privacy tests."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from PIL import Image

NAME = "Amelia Smith"
PLACE = "12 Elm Road Leeds"
DEVICE = "SN-4242-PHONE"
SOFTWARE = "Snapper 9 on Jo's iPhone"
PLANTED = (NAME, PLACE, DEVICE, SOFTWARE, "Amelia", "Elm Road")
TAKEN = "2025:10:01 10:00:00"


def _xp(text: str) -> bytes:
    return text.encode("utf-16-le") + b"\x00\x00"


def planted_exif(with_gps: bool = True) -> Image.Exif:
    """EXIF with text in IFD0 (description, document name, software, host, artist, XP tags, a serial), a date,
    an orientation, an image unique id and GPS."""
    exif = Image.Exif()
    exif[0x010E] = f"{NAME} reading at {PLACE}"  # ImageDescription
    exif[0x010D] = f"{NAME}.jpg"  # DocumentName
    exif[0x0131] = SOFTWARE  # Software
    exif[0x013C] = f"{NAME}-laptop"  # HostComputer
    exif[0x013B] = NAME  # Artist
    exif[0x010F], exif[0x0110] = "PhoneCo", f"Model {DEVICE}"
    exif[0xA431] = DEVICE  # a body serial number in IFD0, where it does not belong
    exif[0x9C9B] = _xp(f"{NAME} title")  # XPTitle
    exif[0x9C9C] = _xp(f"Comment about {NAME}")  # XPComment
    exif[0x9C9E] = _xp(f"{NAME};{PLACE}")  # XPKeywords
    exif[0x0112] = 6
    exif[0x0132] = TAKEN
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = TAKEN
    sub[0xA420] = f"UID-{DEVICE}"  # ImageUniqueID
    sub[0xA431] = DEVICE
    sub[0x9286] = b"ASCII\x00\x00\x00" + f"{NAME} at {PLACE}".encode()  # UserComment
    if with_gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (53.0, 48.0, 1.0), 3: "W", 4: (1.0, 32.0, 2.0)})
    return exif


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def plain_jpeg(size=(64, 48), colour=(200, 120, 40), exif: Image.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(
        buffer, "JPEG", quality=90, exif=exif.tobytes() if exif else b""
    )
    return buffer.getvalue()


def hostile_jpeg() -> bytes:
    """A JPEG with every planted tag, a COM comment, XMP, IPTC, an MPF marker and a second JPEG (with its own GPS
    and Artist) after the end-of-image marker, as phones write for multi-picture and motion photos."""
    base = plain_jpeg(exif=planted_exif())
    xmp = (
        b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><rdf:Description dc:creator='"
        + NAME.encode()
        + b"' photoshop:City='"
        + PLACE.encode()
        + b"'/></x:xmpmeta>"
    )
    iptc = (
        b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x14\x1c\x02\x5a\x00\x11"
        + PLACE.encode()
    )
    mpf = b"MPF\x00" + DEVICE.encode()
    extra = (
        _segment(0xFE, f"Taken by {NAME} at {PLACE}".encode())
        + _segment(0xE1, xmp)
        + _segment(0xED, iptc)
        + _segment(0xE2, mpf)
    )
    trailer = plain_jpeg((32, 24), (10, 10, 10), planted_exif())
    return base[:2] + extra + base[2:] + trailer


def hostile_png() -> bytes:
    """A PNG with an eXIf chunk (ImageDescription, GPS), tEXt, zTXt and iTXt chunks and bytes after IEND."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 160, 90)).save(buffer, "PNG")
    data = buffer.getvalue()
    iend = data.rindex(b"IEND") - 4

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    exif = planted_exif().tobytes()
    exif = exif[6:] if exif.startswith(b"Exif\x00\x00") else exif
    chunks = (
        chunk(b"eXIf", exif)
        + chunk(b"tEXt", b"Author\x00" + NAME.encode())
        + chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(PLACE.encode()))
        + chunk(b"iTXt", b"Description\x00\x00\x00\x00\x00" + DEVICE.encode())
    )
    return data[:iend] + chunks + data[iend:] + SOFTWARE.encode()


def hostile_heic() -> bytes | None:
    """A HEIC photo with ImageDescription, Software and XPTitle (None where HEIC cannot be written here)."""
    # made once by this module with pillow_heif's encoder (the app ships a decoder only): a 64x48 photo
    # carrying planted_exif(); kept as a file so the test needs no HEIC encoder
    return (Path(__file__).parent / "data" / "hostile.heic").read_bytes()


def zip_of(parts: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first), parts[first], compress_type=zipfile.ZIP_STORED)
        for name, body in parts.items():
            if name != first:
                archive.writestr(name, body)
    return buffer.getvalue()


def hostile_docx() -> bytes:
    """A Word document whose core, app and custom properties and a comment name the child, the place and a PC."""
    from docx import Document

    document = Document()
    document.add_paragraph("Family forum minutes: twelve families came.")
    props = document.core_properties
    props.author, props.last_modified_by, props.title = NAME, NAME, f"{NAME} review"
    props.subject, props.keywords, props.comments = PLACE, DEVICE, f"About {NAME}"
    props.category = PLACE
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
        b"</Properties>",
        f"<Company>{PLACE}</Company><Manager>{NAME}</Manager></Properties>".encode(),
    )
    parts["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Device">'
        f"<vt:lpwstr>{DEVICE}</vt:lpwstr></property></Properties>"
    ).encode()
    parts["word/comments.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats'
        f'.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="{NAME}" w:initials="AS" w:date='
        '"2025-10-01T10:00:00Z"><w:p><w:r><w:t>Check this</w:t></w:r></w:p></w:comment></w:comments>'
    ).encode()
    return zip_of(parts)


def hostile_odt() -> bytes:
    """An OpenDocument text whose meta.xml names the author and place, with an annotation by the child's name."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    parts = {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument'
            b':xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-'
            b'type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
            b'manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type='
            b'"text/xml"/></manifest:manifest>'
        ),
        "meta.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ns} office:version="1.2">'
            f"<office:meta><meta:initial-creator>{NAME}</meta:initial-creator><dc:creator>{NAME}</dc:creator>"
            f"<dc:title>{PLACE}</dc:title><meta:generator>{SOFTWARE}</meta:generator>"
            f'<meta:user-defined meta:name="Device">{DEVICE}</meta:user-defined></office:meta>'
            "</office:document-meta>"
        ).encode(),
        "content.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
            "<office:body><office:text><text:p>Family forum minutes.<office:annotation>"
            f"<dc:creator>{NAME}</dc:creator><text:p>Check</text:p></office:annotation></text:p>"
            "</office:text></office:body></office:document-content>"
        ).encode(),
    }
    return zip_of(parts, first="mimetype")


def hostile_pdf() -> bytes:
    """A PDF made with ReportLab whose Info dictionary and XMP name the child, the place and the device."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Family forum minutes: twelve families came.")
    page.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.add_metadata(
        {
            "/Author": NAME,
            "/Title": f"{NAME} review",
            "/Subject": PLACE,
            "/Keywords": DEVICE,
            "/Creator": SOFTWARE,
            "/Producer": SOFTWARE,
        }
    )
    xmp = (
        f'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        f'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/'
        f'elements/1.1/" dc:creator="{NAME}" dc:description="{PLACE} {DEVICE}"/></rdf:RDF></x:xmpmeta>'
        '<?xpacket end="w"?>'
    ).encode()
    writer.xmp_metadata = None
    from pypdf.generic import DecodedStreamObject, NameObject

    stream = DecodedStreamObject()
    stream.set_data(xmp)
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
