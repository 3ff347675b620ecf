"""Safe HTML pieces for the static indexes: escaping, vetted links and images, the page shell with its CSP."""

from __future__ import annotations

import base64
import html
import re

from .link_safety import safe_relative_href, safe_web_url

CSP = "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'"
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$")

CSS = """
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#1F2933;margin:0 auto;max-width:1100px;
padding:1em 1.5em;line-height:1.45;font-size:15px}
h1{color:#1F5E7A;margin:.2em 0}h2{color:#1F5E7A;border-bottom:2px solid #9FB3C0;margin-top:1.6em}
h3{color:#1F5E7A;margin-bottom:.3em}
.draft{background:#FBE9E7;border:2px solid #B03A2E;color:#B03A2E;font-weight:bold;padding:.5em 1em;
margin:.5em 0}
.meta{color:#5B6770}.muted{color:#5B6770;font-style:italic}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}
th,td{border:1px solid #9FB3C0;padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:break-word}
td a{overflow-wrap:anywhere}
th{background:#E4EEF3}th.code{white-space:nowrap;width:3em}
.rating{display:inline-block;padding:0 .5em;border-radius:3px;border-left:10px solid #888}
ul.evidence{list-style:none;padding:0;margin:0}ul.evidence li{margin:.2em 0}
img.thumb{max-width:96px;max-height:96px;vertical-align:middle;margin-right:.4em;border:1px solid #ccc}
nav ol{column-width:22em}
a{color:#1F5E7A}
.skip{position:absolute;left:-999px}.skip:focus{left:1em;top:1em;background:#fff;padding:.3em}
caption{text-align:left;font-weight:bold;color:#1F5E7A;padding:.2em 0}
table.fields th{width:30%}
@media print{body{max-width:none;font-size:11pt}nav{display:none}h2{page-break-before:always}
a{color:inherit;text-decoration:none}tr{page-break-inside:avoid}}
"""


def esc(value) -> str:
    """Any user value as escaped HTML text (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def esc_lines(value) -> str:
    """Escaped text keeping line breaks."""
    return esc(value).replace("\r\n", "\n").replace("\n", "<br>")


def safe_colour(value) -> str:
    """A #rgb/#rrggbb colour, or neutral grey for anything else (never raw user text in a style)."""
    return value if isinstance(value, str) and _HEX_COLOUR.match(value) else "#888888"


def web_link(url, label) -> str:
    """A link for http(s) URLs that opens without referrer; anything else is shown as plain text."""
    safe = safe_web_url(url)
    if safe is None:
        return esc(label if label else url)
    return f'<a href="{esc(safe)}" rel="noopener noreferrer">{esc(label or safe)}</a>'


def file_link(path, label) -> str:
    """A relative link to a file in the bundle, or plain text if the path is not a safe relative path."""
    href = safe_relative_href(path)
    if href is None:
        return esc(label)
    return f'<a href="{esc(href)}">{esc(label)}</a>'


def data_image(data: bytes | None, alt) -> str:
    """An inline thumbnail from JPEG/PNG bytes as a data: URI; '' for anything else."""
    if not data or not isinstance(data, (bytes, bytearray)):
        return ""
    if data[:3] == b"\xff\xd8\xff":
        mime = "image/jpeg"
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        mime = "image/png"
    else:
        return ""
    encoded = base64.b64encode(bytes(data)).decode("ascii")
    return f'<img class="thumb" src="data:{mime};base64,{encoded}" alt="{esc(alt)}">'


def page(title: str, body: str) -> str:
    """A whole static page: UTF-8, strict CSP, inline CSS, no script, nothing fetched from elsewhere."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
