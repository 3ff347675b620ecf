"""Keep only what a phone video or recording needs to play as it streams into a bundle: an allow-list of boxes.

MP4, MOV, 3GP and M4A files keep the recording place and camera identity in `udta`, `meta` and XMP
`uuid` boxes (the iPhone writes `©xyz` and `com.apple.quicktime.location.ISO6709`), and makers add
boxes of their own. So only the boxes playback needs are kept: at the top, the file type, movie,
media data, fragments and padding; in the movie, its header, tracks and extends; in a track, its
header, edits, references and media. Every other box becomes a zero-filled `free` box (a box every
player skips), so no byte moves and the file keeps its size. Only `moov` is held in memory.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator

from ..errors import BadInput

FTYP_AND_OLD_QUICKTIME = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
PADDING = {b"free", b"skip", b"wide"}
KEPT_AT_TOP = {b"ftyp", b"moov", b"mdat", b"moof", b"mfra", b"styp", b"sidx"} | PADDING
KEPT_INSIDE = {  # container -> the children playback needs (a child not listed becomes `free`)
    b"moov": {b"mvhd", b"trak", b"mvex", b"iods"} | PADDING,
    b"trak": {b"tkhd", b"edts", b"tref", b"mdia"} | PADDING,
}
MAX_MOOV_BYTES = 256 * 1024 * 1024


def is_iso_media(head: bytes) -> bool:
    """Whether bytes start like an ISO base media file (MP4, MOV, 3GP, M4A)."""
    return len(head) >= 8 and head[4:8] in FTYP_AND_OLD_QUICKTIME


def _box_header(data: bytes | bytearray, pos: int, end: int) -> tuple[int, int, bytes] | None:
    """(box size, header size, type) at pos, or None when no well-formed box starts there."""
    if pos + 8 > end:
        return None
    size, kind = struct.unpack(">I4s", data[pos : pos + 8])
    header = 8
    if size == 1:
        if pos + 16 > end:
            return None
        size, header = struct.unpack(">Q", data[pos + 8 : pos + 16])[0], 16
    elif size == 0:
        size = end - pos
    if size < header or pos + size > end:
        return None
    return size, header, kind


def _neutralise_children(moov: bytearray, start: int, end: int, parent: bytes = b"moov") -> None:
    """Blank every child of a moov or trak box that playback does not need, descending into trak."""
    kept = KEPT_INSIDE[parent]
    pos = start
    while (found := _box_header(moov, pos, end)) is not None:
        size, header, kind = found
        if kind not in kept:
            moov[pos + 4 : pos + 8] = b"free"
            moov[pos + header : pos + size] = bytes(size - header)
        elif kind in KEPT_INSIDE:
            _neutralise_children(moov, pos + header, pos + size, kind)
        pos += size
    if pos < end:  # trailing bytes that are not a box: nothing a player reads, so nothing is kept
        moov[pos:end] = bytes(end - pos)


class _Stream:
    """Bytes from an iterator of chunks: small exact reads for box headers, large spans passed through as chunks."""

    def __init__(self, chunks: Iterable[bytes]):
        self._chunks = iter(chunks)
        self._buffer = b""

    def read(self, count: int) -> bytes:
        """Exactly count bytes (fewer only at the end of the file)."""
        return b"".join(self.take(count))

    def take(self, count: int) -> Iterator[bytes]:
        """The next count bytes as they come, without joining them."""
        while count > 0:
            if not self._buffer:
                self._buffer = next(self._chunks, b"")
                if not self._buffer:
                    return
            piece, self._buffer = self._buffer[:count], self._buffer[count:]
            count -= len(piece)
            yield piece

    def rest(self) -> Iterator[bytes]:
        if self._buffer:
            yield self._buffer
            self._buffer = b""
        yield from self._chunks


def strip_recording_location(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The same file, chunk by chunk, with every box playback does not need blanked as `free`."""
    stream = _Stream(chunks)
    head = stream.read(8)
    if not is_iso_media(head):
        yield head
        yield from stream.rest()
        return
    while len(head) == 8:
        size, kind = struct.unpack(">I4s", head)
        header = head
        if size == 1:
            extra = stream.read(8)
            header += extra
            size = struct.unpack(">Q", extra)[0] if len(extra) == 8 else 0
        if size == 0 and kind == b"moov":  # a last box that runs to the end of the file
            rest = stream.read(MAX_MOOV_BYTES + 1)
            size = len(header) + len(rest)
            stream = _Stream([rest])
        elif size == 0 or size < len(
            header
        ):  # media data to the end of the file, or not a box: unchanged
            yield header
            yield from stream.rest()
            return
        remaining = size - len(header)
        if kind == b"moov":
            if size > MAX_MOOV_BYTES:
                raise BadInput(
                    "A video's index is too large to check for the place it was recorded; "
                    "add that video as a link instead."
                )
            box = bytearray(header + stream.read(remaining))
            _neutralise_children(box, len(header), len(box))
            yield bytes(box)
        elif kind not in KEPT_AT_TOP:
            yield header[:4] + b"free" + header[8:]
            for piece in stream.take(remaining):
                yield bytes(len(piece))
        else:
            yield header
            yield from stream.take(remaining)
        head = stream.read(8)
    if head:
        yield head
