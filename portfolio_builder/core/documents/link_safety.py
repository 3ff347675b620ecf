"""Which user-supplied addresses may become links: only http(s) URLs and relative paths inside the bundle."""

from __future__ import annotations

from urllib.parse import quote, urlsplit


def safe_web_url(url) -> str | None:
    """The URL if it is a plain http/https address with a host, else None (javascript:, file:, data: ...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    # quotes, angle brackets and the like would break out of an href attribute (PDF markup, HTML)
    if any(ch in url for ch in "\x00\r\n\t\\ \"'<>`{}|^") or any(
        ord(ch) < 32 or ord(ch) == 127 for ch in url
    ):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return (
            None  # user:password@ in a link is refused: it leaks a secret, and hides the real host
        )
    return url


def safe_relative_href(path) -> str | None:
    """A percent-encoded relative href for a bundle path like 'evidence/1/1a-1-x.pdf', or None if unsafe."""
    if not isinstance(path, str) or not path or len(path) > 1000:
        return None
    if (
        path.startswith(("/", "\\"))
        or "\\" in path
        or ":" in path
        or any(ord(ch) < 32 for ch in path)
    ):
        return None
    segments = path.split("/")
    if any(seg in ("", ".", "..") for seg in segments):
        return None
    return quote(path, safe="/")
