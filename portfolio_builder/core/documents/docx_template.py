"""The blank Word document every sheet starts from: python-docx's own with the house styles, made once.

python-docx's blank document defines some 160 styles in 438 KB of XML, stored twice (styles.xml and
Word 2010's stylesWithEffects.xml), and every sheet parsed and compressed them again: about 26 ms of
the 60 a sheet took. The sheets use a handful (Normal, Title, Heading 1-3, Table Grid, Header, Footer,
the list styles numbering names and the styles those are based on), so the template keeps those, the
defaults and the latent-style list (which tells
Word how to offer its built-in styles); Word and LibreOffice supply any other built-in style the moment
someone applies it, as they do in any document made elsewhere. A sheet's file is a third the size.
"""

from __future__ import annotations

import functools
from io import BytesIO

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

ACCENT = RGBColor(0x1F, 0x5E, 0x7A)

# The PDF embeds DejaVu Sans; a Word file cannot, and Windows and macOS lack DejaVu, so the editable sheets
# name Arial: on every Windows and Mac, and metric-compatible Liberation Sans stands in for it on Linux.
FONT = "Arial"
_HEADING_SIZES = {"Title": 20, "Heading 1": 15, "Heading 2": 12, "Heading 3": 10.5}


def _house_font(r_pr) -> None:
    """Name the house font outright: Word's theme fonts (asciiTheme ...) would otherwise win over it."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _house_styles(doc) -> None:
    """Body and headings in the PDF's house style: one sans-serif font, headings in the accent colour."""
    default_run = doc.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"
    )
    if default_run is not None:
        _house_font(default_run)
        _language(default_run)
    normal = doc.styles["Normal"]
    _house_font(normal.element.get_or_add_rPr())
    normal.font.size = Pt(9.5)
    for name, size in _HEADING_SIZES.items():
        style = doc.styles[name]
        _house_font(style.element.get_or_add_rPr())
        style.font.size, style.font.color.rgb = Pt(size), ACCENT


def _language(r_pr, tag: str = "en-GB") -> None:
    """The document's language, so a screen reader reads it with the right voice and spelling."""
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)


# Title is add_heading(level=0); a header or footer part python-docx adds names Header or Footer
USED_STYLES = {"Normal", "Table Grid", "Header", "Footer", *_HEADING_SIZES}
_FOLLOWED = ("w:basedOn", "w:link", "w:next")  # a kept style's relatives are kept too


def _keep_used_styles(doc) -> None:
    """Remove every style definition the sheets never use and no used style names; keep the defaults."""
    styles = doc.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    numbered = doc.part.numbering_part.element.xpath(".//w:pStyle/@w:val")  # the list styles
    wanted = [doc.styles[name].element for name in USED_STYLES] + [
        style
        for style_id, style in by_id.items()
        if style.get(qn("w:default")) == "1" or style_id in numbered
    ]
    kept: set[str] = set()
    while wanted:
        style = wanted.pop()
        style_id = style.get(qn("w:styleId"))
        if style_id in kept:
            continue
        kept.add(style_id)
        for tag in _FOLLOWED:
            relative = style.find(qn(tag))
            if relative is not None and relative.get(qn("w:val")) in by_id:
                wanted.append(by_id[relative.get(qn("w:val"))])
    for style_id, style in by_id.items():
        if style_id not in kept:
            styles.remove(style)


def _drop_styles_with_effects(doc) -> None:
    """Word 2010's second copy of the styles: later Word, LibreOffice and the sheets never read it."""
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel_id)


@functools.cache
def house_template() -> bytes:
    """The template as .docx bytes (each sheet opens its own Document from them)."""
    doc = Document()
    _house_styles(doc)
    _keep_used_styles(doc)
    _drop_styles_with_effects(doc)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
