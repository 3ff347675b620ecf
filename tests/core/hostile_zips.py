"""The hostile bundle corpus: one builder per bad bundle in DESIGN.md section 4, written into a temp dir."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TOP = "Oak-Primary-FPA-2026-01-01"
SNAPSHOT = {
    "format": "portfolio-builder/portfolio",
    "format_version": 1,
    "app_version": "0.1.0",
    "created_at": "2026-01-01T00:00:00+00:00",
    "draft": False,
    "setting": {"name": "Oak Primary"},
    "staff": [],
    "framework": {"name": "Family Partnership Award"},
    "themes": [],
    "priorities": [],
    "action_plan": [],
    "case_study": "",
    "three_year_plan": "",
    "evidence": [
        {
            "id": 1,
            "kind": "document",
            "title": "Policy",
            "path": "evidence/1/1a-1-policy.txt",
            "included": True,
        }
    ],
}


def bag_members(payload: dict[str, bytes] | None = None, top: str = TOP) -> dict[str, bytes]:
    """A small valid bag (full zip names -> bytes); payload paths are relative to data/."""
    payload = (
        payload
        if payload is not None
        else {
            "portfolio.json": json.dumps(SNAPSHOT).encode(),
            "evidence/1/1a-1-policy.txt": b"Our policy.\n",
        }
    )
    members = {f"{top}/data/{p}": data for p, data in payload.items()}
    members[f"{top}/bagit.txt"] = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    size = sum(len(d) for d in payload.values())
    members[f"{top}/bag-info.txt"] = (
        f"Source-Organization: Oak Primary\nPayload-Oxum: {size}.{len(payload)}\n"
        "External-Identifier: 4d7f7a61-0000-4000-8000-000000000001\n"
    ).encode()
    members[f"{top}/manifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(d).hexdigest()}  data/{p}\n" for p, d in sorted(payload.items())
    ).encode()
    members[f"{top}/tagmanifest-sha256.txt"] = (
        "".join(  # our bundles always carry one; verify requires it
            f"{hashlib.sha256(members[f'{top}/{n}']).hexdigest()}  {n}\n"
            for n in ("bag-info.txt", "bagit.txt", "manifest-sha256.txt")
        ).encode()
    )
    return members


def write_zip(path: Path, members, compression=zipfile.ZIP_DEFLATED) -> Path:
    """Write (name or ZipInfo, bytes) pairs as they are, duplicates and all."""
    items = members.items() if isinstance(members, dict) else members
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return path


def _with(path: Path, extra: dict[str, bytes], drop: tuple[str, ...] = ()) -> Path:
    members = {k: v for k, v in bag_members().items() if k not in drop}
    members.update(extra)
    return write_zip(path, members)


def _patched(path: Path, edit: Callable[[bytearray], None]) -> Path:
    write_zip(path, bag_members(), zipfile.ZIP_STORED)
    raw = bytearray(path.read_bytes())
    edit(raw)
    path.write_bytes(bytes(raw))
    return path


def _set_encrypted(raw: bytearray) -> None:
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        while at != -1:
            raw[at + flag_at] |= 0x01
            at = raw.find(signature, at + 4)


def _flip_payload_byte(raw: bytearray) -> None:
    at = raw.find(b"Our policy.")
    raw[at] ^= 0x20


def _symlink(path: Path) -> Path:
    info = zipfile.ZipInfo(f"{TOP}/data/evidence/link.txt")
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return write_zip(path, [*bag_members().items(), (info, b"/etc/passwd")])


def _lying_header(path: Path) -> Path:
    """An entry that declares 11 bytes but inflates to 20 MB: the reader must stop at the declared size."""
    members = bag_members()
    name = f"{TOP}/data/evidence/1/1a-1-policy.txt"
    bomb = b"\0" * (20 * 1024 * 1024)
    members[name] = bomb
    write_zip(path, members)
    raw = bytearray(path.read_bytes())
    declared = (11).to_bytes(4, "little")
    real = len(bomb).to_bytes(4, "little")
    at = raw.find(real)
    while at != -1:
        raw[at : at + 4] = declared
        at = raw.find(real, at + 4)
    path.write_bytes(bytes(raw))
    return path


def _many_entries(path: Path) -> Path:
    members = bag_members()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for number in range(50_001):
            archive.writestr(f"{TOP}/data/n/{number}", b"")
    return path


def _manifest_outside(path: Path) -> Path:
    members = bag_members()
    members[f"{TOP}/manifest-sha256.txt"] += (
        f"{hashlib.sha256(b'x').hexdigest()}  ../../evil.txt\n".encode()
    )
    return write_zip(path, members)


def _manifest_lists_tag_file(path: Path) -> Path:
    members = bag_members()
    members[f"{TOP}/manifest-sha256.txt"] += (
        f"{hashlib.sha256(members[f'{TOP}/bagit.txt']).hexdigest()}  bagit.txt\n"
    ).encode()
    return write_zip(path, members)


def _manifest_mismatch(path: Path) -> Path:
    members = bag_members()
    members[f"{TOP}/data/evidence/1/1a-1-policy.txt"] = b"Our policy, quietly edited.\n"
    return write_zip(path, members)


def _portfolio_json(
    text: bytes | Callable[[], bytes], compression=zipfile.ZIP_DEFLATED
) -> Callable[[Path], Path]:
    """A builder of a bundle with this portfolio.json (a callable: made only when the case is built)."""

    def build(path: Path) -> Path:
        body = text() if callable(text) else text
        payload = {"portfolio.json": body, "evidence/1/1a-1-policy.txt": b"Our policy.\n"}
        return write_zip(path, bag_members(payload), compression)

    return build


@dataclass(frozen=True)
class HostileCase:
    """One bad bundle: how to build it, whether it is refused before reading (unsafe), words its message has."""

    name: str
    build: Callable[[Path], Path]
    unsafe: bool
    words: tuple[str, ...]


P = f"{TOP}/data/evidence"
HOSTILE_CASES = [
    HostileCase(
        "not-a-zip",
        lambda p: (p.write_bytes(b"%PDF-1.4 not a zip at all" * 40), p)[1],
        True,
        ("not a zip",),
    ),
    HostileCase("empty-file", lambda p: (p.write_bytes(b""), p)[1], True, ("not a zip",)),
    HostileCase(
        "truncated",
        lambda p: (p.write_bytes(write_zip(p, bag_members()).read_bytes()[:300]), p)[1],
        True,
        ("truncated",),
    ),
    HostileCase("bad-crc", lambda p: _patched(p, _flip_payload_byte), False, ("1a-1-policy.txt",)),
    HostileCase("encrypted", lambda p: _patched(p, _set_encrypted), True, ("encrypted",)),
    HostileCase(
        "dot-dot", lambda p: _with(p, {f"{TOP}/data/../../evil.txt": b"x"}), True, ("climbs out",)
    ),
    HostileCase("absolute", lambda p: _with(p, {"/tmp/evil.txt": b"x"}), True, ("absolute",)),
    HostileCase("drive-letter", lambda p: _with(p, {"C:/evil.txt": b"x"}), True, ("absolute",)),
    HostileCase("unc", lambda p: _with(p, {"//server/share/evil.txt": b"x"}), True, ("absolute",)),
    HostileCase(
        "backslash", lambda p: _with(p, {f"{TOP}\\..\\evil.txt": b"x"}), True, ("backslash",)
    ),
    HostileCase("symlink", _symlink, True, ("symbolic link",)),
    HostileCase(
        "duplicate",
        lambda p: write_zip(p, [*bag_members().items(), (f"{P}/1/1a-1-policy.txt", b"y")]),
        True,
        ("twice",),
    ),
    HostileCase(
        "case-collision", lambda p: _with(p, {f"{P}/1/1A-1-POLICY.TXT": b"y"}), True, ("case",)
    ),
    HostileCase("reserved-name", lambda p: _with(p, {f"{P}/CON.txt": b"y"}), True, ("reserved",)),
    HostileCase(
        "trailing-dot", lambda p: _with(p, {f"{P}/notes.txt.": b"y"}), True, ("dot or space",)
    ),
    HostileCase(
        "two-top-folders", lambda p: _with(p, {"other/readme.txt": b"y"}), True, ("one top folder",)
    ),
    HostileCase(
        "file-at-top", lambda p: write_zip(p, {"readme.txt": b"y"}), True, ("outside the bag",)
    ),
    HostileCase(
        "zip-bomb-ratio",
        lambda p: _with(p, {f"{P}/zeros.txt": b"\0" * (64 * 1024 * 1024)}),
        True,
        ("zip bomb",),
    ),
    HostileCase("zip-bomb-lying-header", _lying_header, False, ("1a-1-policy.txt",)),
    HostileCase("too-many-entries", _many_entries, True, ("entries",)),
    HostileCase(
        "fetch-txt",
        lambda p: _with(p, {f"{TOP}/fetch.txt": b"http://x/a 10 data/a\n"}),
        True,
        ("fetch.txt",),
    ),
    HostileCase(
        "manifest-missing",
        lambda p: _with(p, {}, drop=(f"{TOP}/manifest-sha256.txt",)),
        False,
        ("manifest-sha256.txt is missing",),
    ),
    HostileCase(
        "manifest-extra",
        lambda p: _with(p, {f"{P}/smuggled.exe": b"MZ"}),
        False,
        ("not in manifest-sha256.txt",),
    ),
    HostileCase(
        "manifest-file-missing",
        lambda p: _with(p, {}, drop=(f"{P}/1/1a-1-policy.txt",)),
        False,
        ("missing",),
    ),
    HostileCase("manifest-mismatch", _manifest_mismatch, False, ("1a-1-policy.txt", "checksum")),
    HostileCase("manifest-outside-data", _manifest_outside, False, ("climbs out",)),
    HostileCase("manifest-lists-tag-file", _manifest_lists_tag_file, False, ("outside data/",)),
    HostileCase(
        "bagit-txt-wrong",
        lambda p: _with(p, {f"{TOP}/bagit.txt": b"BagIt-Version: 0.93\n"}),
        False,
        ("BagIt-Version",),
    ),
    HostileCase(
        "json-malformed",
        _portfolio_json(b'{"format": "portfolio-builder/portf'),
        False,
        ("not valid JSON",),
    ),
    HostileCase(
        "json-too-deep",
        _portfolio_json(lambda: b"[" * 100_000 + b"]" * 100_000),
        False,
        ("nested",),
    ),
    HostileCase(
        "json-huge",
        _portfolio_json(
            lambda: b'{"pad": "' + b"a" * (65 * 1024 * 1024) + b'"}', zipfile.ZIP_STORED
        ),
        False,
        ("too large",),
    ),
    HostileCase(
        "json-wrong-shape",
        _portfolio_json(json.dumps({**SNAPSHOT, "evidence": "lots"}).encode()),
        False,
        ("malformed",),
    ),
    HostileCase(
        "json-unsafe-path",
        _portfolio_json(
            json.dumps(
                {
                    **SNAPSHOT,
                    "evidence": [
                        {
                            "id": 1,
                            "kind": "document",
                            "title": "x",
                            "path": "../../../etc/passwd",
                            "included": True,
                        }
                    ],
                }
            ).encode()
        ),
        False,
        ("unsafe path",),
    ),
    HostileCase(
        "json-newer-format",
        _portfolio_json(json.dumps({**SNAPSHOT, "format_version": 99}).encode()),
        False,
        ("newer",),
    ),
]
