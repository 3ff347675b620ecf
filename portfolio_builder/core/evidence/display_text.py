"""Titles and names shown to people and used for file names: no control characters, terminal escapes or bidi tricks.

A right-to-left override makes 'Photo\u202egpj.exe' read as 'Photoexe.jpg'; an ANSI escape in a title
can rewrite a terminal; a NUL or a line break breaks a one-line list. These are removed (not
escaped) wherever a title is made or leaves the setting.
"""

from __future__ import annotations

import re
import unicodedata

ANSI_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
BIDI_AND_INVISIBLE = {
    "\u061c",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u2060",
    "\ufeff",
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
}


def clean_display_text(value, max_chars: int = 500) -> str:
    """One line of plain text: ANSI escapes, control characters, bidi overrides and invisible marks removed,
    runs of whitespace made one space; a name that is not UTF-8 is read as Windows-1252."""
    text = "" if value is None else str(value)
    raw = text.encode("utf-8", "surrogateescape")
    try:
        text = raw.decode("utf-8")
    except (
        UnicodeDecodeError
    ):  # a file name from an older system: its bytes are most likely Windows-1252
        text = raw.decode("cp1252", "replace")
    text = ANSI_ESCAPE.sub("", text)
    text = "".join(
        " " if ch in "\t\r\n" else ch
        for ch in text
        if ch in "\t\r\n"
        or not (ch in BIDI_AND_INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs"))
    )
    return " ".join(text.split())[:max_chars]
