"""Open a contribution pack: safe names and sizes, every SHA-256 checked, then its format and whose it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..bundle.bundle_reader import BundleReader, UnsafeBundle
from ..bundle.bundle_verify import VerifyReport, _Verifier  # the very checks a bundle gets
from ..errors import BadInput
from .pack_writer import PACK_FORMAT, PACK_FORMAT_VERSION

CHANGE_KINDS = {"evidence-new", "edit", "delete", "keys", "cross-add", "cross-remove", "cover_links-add",
                "cover_links-remove", "rating", "judgement", "diary-new", "action-new"}


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

    def __enter__(self) -> "ContributionPack":
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
        raise BadPack(f"{name} is damaged or has been changed since it was made "
                      f"({_as_pack(report.problems[0]).rstrip('.')}); nothing was merged.")


def _check_head(head, name: str) -> dict:
    if not isinstance(head, dict) or head.get("format") != PACK_FORMAT:
        raise BadPack(f"{name} is not a contribution pack (it has no pack.json of ours); nothing was merged.")
    version = head.get("pack_format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadPack(f"{name} has no valid pack format version; nothing was merged.")
    if version > PACK_FORMAT_VERSION:
        raise BadPack(f"{name} was made by a newer Portfolio Builder (pack format {version}); "
                      "update Portfolio Builder to merge it. Nothing was merged.")
    for key in ("pack_id", "portfolio_id", "copy_id", "contributor"):
        if not isinstance(head.get(key), str) or not head.get(key) and key != "contributor":
            raise BadPack(f"{name} is malformed: pack.json has no {key}; nothing was merged.")
    return head


def _check_body(body, name: str) -> tuple[list[dict], dict[str, dict]]:
    if not isinstance(body, dict) or not isinstance(body.get("changes"), list) \
            or not isinstance(body.get("evidence"), dict):
        raise BadPack(f"{name} is malformed: changes.json lacks its changes or evidence; nothing was merged.")
    for change in body["changes"]:
        if not isinstance(change, dict) or change.get("kind") not in CHANGE_KINDS \
                or not isinstance(change.get("target"), dict) or not isinstance(change.get("id"), str):
            raise BadPack(f"{name} is malformed: a change of an unknown kind; nothing was merged.")
    for info in body["evidence"].values():
        if not isinstance(info, dict) or not isinstance(info.get("row"), dict):
            raise BadPack(f"{name} is malformed: an evidence entry has no row; nothing was merged.")
    return body["changes"], body["evidence"]


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
        changes, evidence = _check_body(reader.read_json("data/changes.json"), path.name)
    except UnsafeBundle as exc:
        reader.close()
        raise BadPack(f"{path.name} cannot be read: {_as_pack(exc.message)}") from None
    except BaseException:
        reader.close()
        raise
    return ContributionPack(path, head, changes, evidence, reader)
