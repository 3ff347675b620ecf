"""File names whose type runs code when opened (web pages, SVG, scripts, programs): never handed to another program.

The bundles we write never hold such names (the detected type decides every extension), but a
hand-made or older bundle can; the assessor's window shows them as not openable instead.
"""

from __future__ import annotations

from pathlib import PurePosixPath

ACTIVE_EXTENSIONS = {
    ".html",
    ".htm",
    ".xhtml",
    ".xht",
    ".shtml",
    ".mht",
    ".mhtml",
    ".svg",
    ".svgz",
    ".xml",
    ".xsl",
    ".xslt",
    ".js",
    ".mjs",
    ".jse",
    ".vbs",
    ".vbe",
    ".wsf",
    ".wsh",
    ".hta",
    ".ps1",
    ".psm1",
    ".bat",
    ".cmd",
    ".com",
    ".exe",
    ".msi",
    ".scr",
    ".pif",
    ".cpl",
    ".dll",
    ".jar",
    ".lnk",
    ".url",
    ".webloc",
    ".desktop",
    ".sh",
    ".command",
    ".app",
    ".py",
    ".pyw",
    ".pl",
    ".rb",
    ".php",
    ".swf",
    ".reg",
    ".inf",
    ".scf",
    ".chm",
    ".appref-ms",
    ".docm",
    ".dotm",
    ".xlsm",
    ".xltm",
    ".xlam",
    ".pptm",
    ".potm",
    ".ppsm",
    ".sldm",
}


def is_active_name(name) -> bool:
    """Whether opening a file of this name in its usual program could run code (a browser, a shell, macros)."""
    suffix = PurePosixPath(str(name or "").replace("\\", "/")).suffix.lower().rstrip(". ")
    return suffix in ACTIVE_EXTENSIONS


REFUSAL = (
    "{name} is a kind of file that can run code when opened (a web page, SVG, script or program), so it is "
    "not opened outside Portfolio Builder. Ask the setting for a PDF or a picture of it instead."
)
