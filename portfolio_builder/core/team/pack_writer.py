"""Make a contribution pack: what a team member added or changed, as a BagIt zip with a SHA-256 manifest."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ... import __version__
from ..bundle.bundle_writer import BundleWriter
from ..errors import BadInput
from ..storage.evidence_store import iter_stored_chunks
from ..storage.portfolio_file import Portfolio
from .identity import read_baseline, read_identity
from .pack_changes import contribution, referenced_evidence
from .team_state import snapshot

PACK_FORMAT = "portfolio-builder-contribution"
PACK_FORMAT_VERSION = 1


@dataclass(frozen=True)
class PackResult:
    """A pack as written: where, its id, whose, and how many changes and files it carries."""

    path: Path
    pack_id: str
    contributor: str
    changes: int
    files: int
    size: int


def _json(value) -> bytes:
    return json.dumps(value, indent=1, ensure_ascii=False, default=str).encode("utf-8")


def _add_files(writer: BundleWriter, conn, evidence: dict[str, dict]) -> int:
    """Each named item's stored bytes (once per SHA-256) and its preview, into files/ and thumbnails/."""
    written: set[str] = set()
    for info in evidence.values():
        row = info["row"]
        sha256 = row.get("sha256") if info["present"] else None
        if not sha256:
            continue
        info["file"] = f"files/{sha256}"
        thumb = conn.execute(
            "SELECT width, height, jpeg FROM thumbnail WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if thumb:
            info["thumbnail"] = {
                "path": f"thumbnails/{sha256}.jpg",
                "width": thumb[0],
                "height": thumb[1],
            }
        if sha256 in written:
            continue
        written.add(sha256)
        writer.add_payload(
            info["file"], iter_stored_chunks(conn, sha256), row["size"], row.get("mime_type") or ""
        )
        if thumb:
            writer.add_payload_bytes(info["thumbnail"]["path"], thumb[2], "image/jpeg")
    return len(written)


def make_contribution_pack(copy_path: Path, out_zip: Path) -> PackResult:
    """Write what was added or changed in a team copy since it was made to out_zip (refused if it exists).

    The copy is only read. The zip is written as out_zip.part and renamed when whole (BundleWriter).
    """
    copy_path, out_zip = Path(copy_path), Path(out_zip)
    if out_zip.exists():
        raise BadInput(f"{out_zip} already exists; choose another name for the contribution pack.")
    if not out_zip.parent.is_dir():
        raise BadInput(f"The folder {out_zip.parent} does not exist.")
    with Portfolio.open(copy_path, read_only=True) as copy, copy.raw_connection() as conn:
        identity = read_identity(conn)
        if identity is None or not identity.is_copy:
            raise BadInput(
                f"{copy_path.name} is not a team copy, so it has no contribution to send "
                "(the lead merges packs into it instead)."
            )
        base, now = json.loads(read_baseline(conn)), snapshot(conn)
        made_at = datetime.now(UTC).isoformat(timespec="seconds")
        changes = contribution(base, now, identity.copy_for, made_at)
        if not changes:
            raise BadInput(
                f"Nothing to send: {copy_path.name} has no change since the copy was made "
                f"({identity.copy_made_at[:16]})."
            )
        evidence = referenced_evidence(base, now, changes)
        setting = (conn.execute("SELECT name FROM setting_profile LIMIT 1").fetchone() or [""])[0]
        pack_id = str(uuid.uuid4())
        head = {
            "format": PACK_FORMAT,
            "pack_format_version": PACK_FORMAT_VERSION,
            "pack_id": pack_id,
            "portfolio_id": identity.portfolio_id,
            "copy_id": identity.copy_id,
            "contributor": identity.copy_for,
            "copy_made_at": identity.copy_made_at,
            "made_at": made_at,
            "setting": setting,
            "app_version": __version__,
        }
        folder = f"contribution-{uuid.UUID(pack_id).hex[:8]}"
        with BundleWriter(out_zip, folder) as writer:
            files = _add_files(writer, conn, evidence)
            writer.add_payload_bytes("pack.json", _json(head), "application/json")
            writer.add_payload_bytes(
                "changes.json",
                _json({"changes": changes, "evidence": evidence}),
                "application/json",
            )
            size = writer.finish(
                {
                    "Source-Organization": setting,
                    "External-Identifier": pack_id,
                    "Contributor": identity.copy_for,
                    "Portfolio-Builder-Version": __version__,
                    "Pack-Format": f"{PACK_FORMAT} {PACK_FORMAT_VERSION}",
                }
            )
    return PackResult(out_zip, pack_id, identity.copy_for, len(changes), files, size)
