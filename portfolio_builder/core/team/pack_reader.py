"""Open a contribution pack: safe names and sizes, every SHA-256 checked, then its format and whose it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..bundle.bundle_reader import BundleReader
from ..bundle.bundle_verify import VerifyReport, _Verifier  # the very checks a bundle gets
from ..errors import BadInput, UnsafeBundle
from ..vocabularies import CONSENT_STATES
from .pack_writer import PACK_FORMAT, PACK_FORMAT_VERSION
from .team_state import EDITABLE

CHANGE_KINDS = {
    "evidence-new",
    "edit",
    "delete",
    "keys",
    "cross-add",
    "cross-remove",
    "cover_links-add",
    "cover_links-remove",
    "rating",
    "judgement",
    "diary-new",
    "action-new",
    "staff-new",
}


class BadPack(BadInput):
    """A contribution pack that is damaged, changed, from a newer version, or for another portfolio."""


@dataclass
class ContributionPack:
    """A verified pack: its head (pack.json), its changes and the evidence they name, and the open zip."""

    path: Path
    head: dict
    changes: list[dict]
    evidence: dict[str, dict]
    reader: BundleReader = field(repr=False)

    @property
    def pack_id(self) -> str:
        return self.head["pack_id"]

    @property
    def contributor(self) -> str:
        return self.head.get("contributor", "")

    def close(self) -> None:
        self.reader.close()

    def __enter__(self) -> ContributionPack:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _as_pack(message: str) -> str:
    """The safe reader's words for a bundle, said of a pack."""
    return message.replace("a bundle", "a pack").replace("the bundle", "the pack")


def _verify(reader: BundleReader, name: str) -> None:
    report = VerifyReport()
    verifier = _Verifier(reader, report, None, None)
    verifier.check_bagit_txt()
    manifest = verifier.check_payload()
    verifier.check_tags(manifest)
    for needed in ("data/pack.json", "data/changes.json"):
        if needed not in manifest:
            report.problems.append(f"{needed} is missing or not covered by the manifest")
    if report.problems:
        raise BadPack(
            f"{name} is damaged or has been changed since it was made "
            f"({_as_pack(report.problems[0]).rstrip('.')}); nothing was merged."
        )


def _check_head(head, name: str) -> dict:
    if not isinstance(head, dict) or head.get("format") != PACK_FORMAT:
        raise BadPack(
            f"{name} is not a contribution pack (it has no pack.json of ours); nothing was merged."
        )
    version = head.get("pack_format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadPack(f"{name} has no valid pack format version; nothing was merged.")
    if version > PACK_FORMAT_VERSION:
        raise BadPack(
            f"{name} was made by a newer Portfolio Builder (pack format {version}); "
            "update Portfolio Builder to merge it. Nothing was merged."
        )
    for key in ("pack_id", "portfolio_id", "copy_id", "contributor"):
        if not isinstance(head.get(key), str) or not head.get(key) and key != "contributor":
            raise BadPack(f"{name} is malformed: pack.json has no {key}; nothing was merged.")
    return head


def _check_body(body, name: str, entries) -> tuple[list[dict], dict[str, dict]]:
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("changes"), list)
        or not isinstance(body.get("evidence"), dict)
    ):
        raise BadPack(
            f"{name} is malformed: changes.json lacks its changes or evidence; nothing was merged."
        )
    for change in body["changes"]:
        if (
            not isinstance(change, dict)
            or change.get("kind") not in CHANGE_KINDS
            or not isinstance(change.get("target"), dict)
            or not isinstance(change.get("id"), str)
        ):
            raise BadPack(f"{name} is malformed: a change of an unknown kind; nothing was merged.")
    problem = next((p for p in map(_change_problem, body["changes"]) if p), "") or next(
        (p for p in (_evidence_problem(info, entries) for info in body["evidence"].values()) if p),
        "",
    )
    if problem:
        raise BadPack(f"{name} is malformed: {problem}; nothing was merged.")
    return body["changes"], body["evidence"]


SHA256 = re.compile(r"^[0-9a-f]{64}$")
EVIDENCE_KINDS = ("document", "photo", "audio", "video", "link")


def _change_problem(change: dict) -> str:
    """Why a change cannot be trusted to name only what a merge may write ('' when it can)."""
    target = change["target"]
    if change["kind"] == "edit":
        if (
            target.get("table") not in EDITABLE
            or target.get("field") not in EDITABLE[target["table"]]
        ):
            return "a change names a field that a team member cannot change"
        if target["field"] == "consent" and change.get("after") not in CONSENT_STATES:
            return "a change sets an unknown consent state"
        if target["field"] == "regions" and _regions_problem(change.get("after")):
            return _regions_problem(change.get("after"))
    if change["kind"] == "delete" and target.get("table") not in ("evidence", "actions", "diary"):
        return "a change deletes something a team member cannot delete"
    return ""


def _regions_problem(regions) -> str:
    if not isinstance(regions, list) or not all(
        isinstance(r, list)
        and len(r) == 7
        and all(isinstance(v, (int, float)) for v in r[:5])
        and r[5] in ("blur", "block")
        and r[6] in ("rectangle", "ellipse")
        for r in regions
    ):
        return "a photo's regions to blur are not regions"
    return ""


def _evidence_problem(info, entries) -> str:
    row = info.get("row") if isinstance(info, dict) else None
    if not isinstance(row, dict):
        return "an evidence entry has no row"
    sha256 = row.get("sha256")
    if (
        row.get("kind") not in EVIDENCE_KINDS
        or row.get("consent") not in CONSENT_STATES
        or sha256 is not None
        and (not isinstance(sha256, str) or not SHA256.match(sha256))
        or not isinstance(row.get("size"), int)
        or row["size"] < 0
    ):
        return "an evidence entry has an unknown kind, consent state, checksum or size"
    if _regions_problem(row.get("regions", [])):
        return _regions_problem(row.get("regions"))
    if info.get("file") is not None and (
        info["file"] != f"files/{sha256}" or f"data/{info['file']}" not in entries
    ):
        return "an evidence entry names a file the pack does not hold"
    thumb = info.get("thumbnail")
    if thumb is not None and (
        not isinstance(thumb, dict)
        or thumb.get("path") != f"thumbnails/{sha256}.jpg"
        or f"data/{thumb['path']}" not in entries
        or not all(isinstance(thumb.get(k), int) for k in ("width", "height"))
    ):
        return "an evidence entry names a preview the pack does not hold"
    return ""


def open_pack(path: Path) -> ContributionPack:
    """The pack at path, every file checked against the manifest before any is read; BadPack when refused."""
    path = Path(path)
    try:
        reader = BundleReader(path)
    except UnsafeBundle as exc:
        raise BadPack(f"Not a contribution pack: {_as_pack(exc.message)}") from None
    try:
        _verify(reader, path.name)
        head = _check_head(reader.read_json("data/pack.json"), path.name)
        changes, evidence = _check_body(
            reader.read_json("data/changes.json"), path.name, reader.entries
        )
    except UnsafeBundle as exc:
        reader.close()
        raise BadPack(f"{path.name} cannot be read: {_as_pack(exc.message)}") from None
    except BaseException:
        reader.close()
        raise
    return ContributionPack(path, head, changes, evidence, reader)


def looks_like_pack(path: Path) -> bool:
    """Whether a zip given to the app is a contribution pack (so it is merged, not opened as a bundle)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return any(
                name.count("/") == 2 and name.endswith("/data/pack.json")
                for name in archive.namelist()[:10]
            )
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return False
