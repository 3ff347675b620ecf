"""How many entries a zip file says it holds, read from its end record alone, before anything else is read.

zipfile builds an object for every entry of the central directory before a count can be checked, so a
hostile zip declaring millions of entries would cost gigabytes of memory and minutes before it is
refused. The end-of-central-directory record (and its ZIP64 form) states the count in a few bytes at
the end of the file (APPNOTE.TXT 4.3.14-4.3.16). A record that cannot be found or read gives None:
zipfile then decides, and words the refusal, as before.
"""

from __future__ import annotations

import struct
from pathlib import Path

END_SIGNATURE = b"PK\x05\x06"
END_SIZE = 22
MAX_COMMENT = 0xFFFF
ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
ZIP64_LOCATOR_SIZE = 20
ZIP64_END_SIGNATURE = b"PK\x06\x06"
ZIP64_END_SIZE = 56


def declared_entry_count(path: Path) -> int | None:
    """The total number of entries the zip's end record declares, or None when it has no readable one."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, 2)
            tail_start = max(0, size - END_SIZE - MAX_COMMENT - ZIP64_LOCATOR_SIZE)
            handle.seek(tail_start)
            tail = handle.read()
            at = tail.rfind(END_SIGNATURE)
            if at < 0 or len(tail) - at < END_SIZE:
                return None
            locator = at - ZIP64_LOCATOR_SIZE
            if locator < 0 or tail[locator : locator + 4] != ZIP64_LOCATOR_SIGNATURE:
                (entries,) = struct.unpack_from("<H", tail, at + 10)
                return None if entries == 0xFFFF else entries
            # a ZIP64 locator: its record's count is the one zipfile goes by, whatever the short one says
            (record_at,) = struct.unpack_from("<Q", tail, locator + 8)
            handle.seek(record_at)
            record = handle.read(ZIP64_END_SIZE)
    except (OSError, ValueError, OverflowError, struct.error):
        return None
    if len(record) < ZIP64_END_SIZE or not record.startswith(ZIP64_END_SIGNATURE):
        return None
    return struct.unpack_from("<Q", record, 32)[0]
