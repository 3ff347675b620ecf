"""Export a portfolio as the bundle an assessor receives: a zipped BagIt bag whose payload is an RO-Crate."""

from __future__ import annotations

import copy
import errno
import io
import json
import threading
import uuid as uuid_module
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import BadInput, PortfolioFileError
from ..planning.readiness import check_readiness
from ..privacy.document_errors import CannotClean
from ..privacy.document_privacy import clean_document, needs_cleaning
from ..privacy.photo_privacy import clean_photo, clean_photo_report, heic_as_clean_jpeg
from ..privacy.video_privacy import strip_recording_location
from ..shape.portfolio_shape import PortfolioShape
from ..storage.evidence_store import iter_stored_chunks, read_stored_bytes, stored_size
from ..storage.portfolio_file import Portfolio
from ..storage.storage_limits import free_bytes, size_words
from .bundle_writer import BundleWriter, WrittenFile
from .export_plan import (
    HEIC_TYPES,
    REDACTED_WORDS,
    ExportPlan,
    check_documents,
    item_regions,
    plan_export,
    public_snapshot,
)
from .ro_crate import ro_crate_metadata

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
PHOTO_TYPES = ("image/jpeg", "image/png")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class ExportResult:
    """What was written: the bundle's path and UUID, its payload file count and size, and what was left out."""

    path: Path
    uuid: str
    file_count: int
    bytes_written: int
    left_out: list[tuple[int, str, str]] = field(
        default_factory=list
    )  # (evidence id, title, reason)
    removed: dict[int, list[str]] = field(
        default_factory=dict
    )  # evidence id -> metadata removed, in words


def _documents_module():
    """The document renderers (imported when a bundle is written, so `verify` never loads them)."""
    from .. import documents

    return documents


def _json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


def _target_path(out_path: Path, bag_folder: str) -> Path:
    out_path = Path(out_path)
    if out_path.is_dir():
        out_path = out_path / f"{bag_folder}.zip"
    if not out_path.parent.is_dir():
        raise BadInput(
            f"The folder {out_path.parent} does not exist; choose where to save the bundle."
        )
    if out_path.suffix.lower() != ".zip":
        out_path = out_path.with_name(out_path.name + ".zip")
    return out_path


def export_bundle(
    portfolio: Portfolio,
    out_path: Path,
    *,
    draft: bool = False,
    include_unconsented: bool = False,
    include_untagged: bool | None = None,
    plan: ExportPlan | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> ExportResult:
    """Write the bundle (refused unless ready, or draft=True); nothing is left behind if it fails or is cancelled.

    plan: the ExportPlan the person previewed (made with the same options); made here when not given.
    """
    readiness = check_readiness(portfolio)
    if not readiness.ready and not draft:
        listed = "\n".join(f"- {p}" for p in readiness.problems[:30])
        more = (
            f"\n... and {len(readiness.problems) - 30} more" if len(readiness.problems) > 30 else ""
        )
        raise BadInput(
            f"The portfolio is not ready to submit:\n{listed}{more}\n"
            "Finish these, or export a draft for an interim review."
        )
    if plan is None:
        plan = plan_export(
            portfolio,
            draft=draft,
            include_unconsented=include_unconsented,
            include_untagged=include_untagged,
        )
    if not plan.documents_checked:
        check_documents(portfolio, plan, cancel=cancel)
    target = _target_path(out_path, plan.bag_folder)
    _check_space(target, plan)
    try:
        return _write_bundle(portfolio, plan, target, progress, cancel)
    except OSError as exc:  # the writer has already removed its .part file
        raise write_failure(exc, target) from exc


def _check_space(target: Path, plan: ExportPlan) -> None:
    """Refuse, before writing, a bundle whose evidence alone is bigger than the free space where it goes."""
    needed, free = plan.total_bytes(), free_bytes(target.parent)
    if needed > free:
        raise PortfolioFileError(
            f"There is not enough space on the disk for {target.name}: its evidence files alone "
            f"come to {size_words(needed)} and the drive has {size_words(free)} free. No bundle "
            "was written, and the portfolio is unchanged. Free some space or choose another drive."
        )


def write_failure(exc: OSError, target: Path) -> PortfolioFileError:
    """A message a user can act on when the bundle cannot be written (full disk, read-only folder, ...)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return PortfolioFileError(
            f"There is not enough space on the disk for {target.name}: no bundle was written, "
            "and the portfolio is unchanged. Free some space or choose another drive."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return PortfolioFileError(
            f"{target.parent} cannot be written to, so no bundle was written. "
            "Choose another folder."
        )
    return PortfolioFileError(
        f"The bundle could not be written ({exc.strerror or exc}); no bundle was written, "
        "and the portfolio is unchanged."
    )


def _write_bundle(
    portfolio: Portfolio,
    plan: ExportPlan,
    target: Path,
    progress: Progress | None,
    cancel: CancelCheck | None,
) -> ExportResult:
    """Stream the cleaned evidence and the rendered documents into the bag, then seal and rename it."""
    snapshot = public_snapshot(plan)  # what leaves: no left-out item, no original file name
    setting, scheme, draft = (
        snapshot["setting"]["name"],
        snapshot["scheme"]["name"],
        snapshot["draft"],
    )
    total = sum(item["size"] or 0 for item in plan.files)
    bundle_uuid = str(uuid_module.uuid4())
    documents = _documents_module()
    written: dict[str, WrittenFile] = {}
    removed = dict(plan.removed)
    with (
        portfolio.raw_connection() as conn,
        ThreadPoolExecutor(1) as pool,
        BundleWriter(target, plan.bag_folder, total, progress=progress, cancel=cancel) as writer,
    ):
        thumbnails = _thumbnails(
            conn,
            snapshot,
            {item["id"]: item_regions(item) for item in plan.files if item.get("redacted")},
        )
        # documents are rendered (CPU) while evidence is streamed (I/O and hashing, outside the GIL)
        given_up = threading.Event()  # the evidence failed or was cancelled: stop rendering too
        rendering = pool.submit(
            _render_documents,
            documents,
            copy.deepcopy(snapshot),
            thumbnails.get,
            plan.bag_folder,
            given_up.is_set,
        )
        try:
            for item in plan.files:
                written[item["path"]] = _write_evidence(writer, conn, item, plan, removed)
        except BaseException:
            given_up.set()  # the pool is left at once, not after the documents finish rendering
            rendering.cancel()
            raise
        for item in snapshot[
            "evidence"
        ]:  # the bundle's bytes (cleaned), so portfolio.json matches the manifest
            if item.get("path") in written:
                item["sha256"], item["size"] = (
                    written[item["path"]].sha256,
                    written[item["path"]].size,
                )
        written["portfolio.json"] = writer.add_payload_bytes(
            "portfolio.json", _json_bytes(snapshot)
        )
        payload_documents, top_files = rendering.result()
        for path, data in payload_documents.items():
            record = writer.add_payload_bytes(
                path, data, DOCX_TYPE if path.endswith(".docx") else ""
            )
            if path != "ro-crate-preview.html":
                written[path] = record
        crate = ro_crate_metadata(snapshot, written, bundle_uuid, plan.licence)
        writer.add_payload_bytes("ro-crate-metadata.json", _json_bytes(crate))
        bag_info = {
            "Source-Organization": setting,
            "External-Description": f"Portfolio of evidence for the {scheme} from {setting}"
            + (" (DRAFT for interim review)" if draft else ""),
            "Bagging-Date": date.today().isoformat(),
            "External-Identifier": bundle_uuid,
            "Scheme": scheme,
            "Portfolio-Builder-Version": snapshot["app_version"],
        }
        if plan.left_out:
            bag_info["Items-Left-Out"] = "; ".join(
                f"{c['count']} ({c['reason']})" for c in snapshot["left_out"]
            )
        size = writer.finish(bag_info, top_files)
        file_count = len(writer.files)
    return ExportResult(target, bundle_uuid, file_count, size, list(plan.left_out), removed)


def _thumbnails(conn, snapshot: dict, regions: dict[int, tuple]) -> dict[int, bytes]:
    """Every stored thumbnail by evidence id, read up front so the renderer never shares the connection; a redacted
    item's thumbnail has its regions painted in as its file has (thumbnails are upright, so they land alike)."""
    from ..privacy.redaction import redact_photo

    found = {}
    for item in snapshot["evidence"]:
        if item.get("sha256") and item["kind"] == "photo":
            row = conn.execute(
                "SELECT jpeg FROM thumbnail WHERE sha256 = ?", (item["sha256"],)
            ).fetchone()
            if row and item["id"] in regions:
                try:
                    found[item["id"]] = redact_photo(row[0], regions[item["id"]]).data
                except BadInput:
                    continue  # a damaged preview: the item is listed without one, never with the unblurred one
            elif row:  # made without metadata at import, but cleaned again: they are embedded in the PDF and HTML
                found[item["id"]] = clean_photo(row[0])
    return found


def _render_documents(
    documents, snapshot: dict, thumbnail, bag_folder: str, stop
) -> tuple[dict[str, bytes], dict]:
    """The PDF, Word sheets and HTML pages as bytes: (payload files by path, top-level files by name).

    Cancelled as soon as stop() turns true (the export failed or was given up while they rendered)."""
    if documents is None:
        return {}, {}
    shape = PortfolioShape.model_validate(snapshot)  # the typed shape the renderers read
    pdf = io.BytesIO()
    documents.render_portfolio_pdf(shape, pdf, thumbnail, stop)
    payload = {"portfolio.pdf": pdf.getvalue()}
    for name, data in sorted(documents.render_sheets_docx(shape, stop).items()):
        payload[f"sheets/{name}"] = data
    payload["ro-crate-preview.html"] = documents.render_preview_html(shape, thumbnail).encode(
        "utf-8"
    )
    return payload, {
        "START-HERE.html": documents.render_start_here_html(shape, bag_folder).encode("utf-8")
    }


def _write_evidence(
    writer: BundleWriter, conn, item: dict, plan: ExportPlan, removed: dict
) -> WrittenFile:
    """One evidence file, streamed from the portfolio; photos and documents first lose their metadata."""
    try:
        if item.get(
            "redacted"
        ):  # its regions painted in, re-encoded with nothing but the allow-listed metadata
            from ..privacy.redaction import redact_photo

            try:
                redacted = redact_photo(read_stored_bytes(conn, item["sha256"]), item_regions(item))
            except (
                BadInput
            ) as exc:  # it cannot be decoded to paint its regions: it must not leave unblurred
                raise BadInput(
                    f"'{item['title']}' (item {item['id']}) could not be blurred: {exc.message} "
                    "No bundle was written."
                ) from None
            removed[item["id"]] = [REDACTED_WORDS]
            return writer.add_payload_bytes(item["path"], redacted.data, redacted.media_type)
        if item.get("converted_from") in HEIC_TYPES:
            jpeg = heic_as_clean_jpeg(read_stored_bytes(conn, item["sha256"]))
            removed.setdefault(
                item["id"],
                ["converted from HEIC to JPEG; everything but the pixels, date and colour profile"],
            )
            return writer.add_payload_bytes(item["path"], jpeg, item["mime_type"])
        if item["kind"] == "photo" or item.get("mime_type") in PHOTO_TYPES:
            cleaned = clean_photo_report(read_stored_bytes(conn, item["sha256"]))
            if cleaned.removed:
                removed[item["id"]] = cleaned.removed
            return writer.add_payload_bytes(item["path"], cleaned.data, item.get("mime_type", ""))
        if needs_cleaning(item.get("mime_type") or ""):
            data = plan.cleaned.get(item["id"])
            if (
                data is None
            ):  # not kept in memory by the plan: cleaned again (the plan already proved it can be)
                data = clean_document(
                    read_stored_bytes(conn, item["sha256"]), item["mime_type"]
                ).data
            return writer.add_payload_bytes(item["path"], data, item.get("mime_type", ""))
        size = stored_size(conn, item["sha256"])
        chunks: Iterable[bytes] = iter_stored_chunks(
            conn, item["sha256"]
        )  # across the file's parts, a piece at a time
        if item["kind"] in ("video", "audio"):  # same size: metadata boxes are renamed, not removed
            chunks = _CleanedChunks(strip_recording_location(chunks), chunks)
        return writer.add_payload(item["path"], chunks, size, item.get("mime_type", ""))
    except KeyError:
        raise BadInput(
            f"The file of evidence {item['id']} ('{item['title']}') is missing from the portfolio; "
            "run Check portfolio."
        ) from None
    except CannotClean as exc:
        raise BadInput(
            f"'{item['title']}' (item {item['id']}) changed since the export was planned and its "
            f"metadata cannot be removed safely: {exc.message} No bundle was written."
        ) from None


class _CleanedChunks:
    """An iterator over cleaned chunks that still closes the blob reader underneath, as the writer expects."""

    def __init__(self, cleaned, source):
        self._cleaned, self._source = cleaned, source

    def __iter__(self) -> Iterator[bytes]:
        return self._cleaned

    def close(self) -> None:
        close = getattr(self._source, "close", None)
        if close is not None:
            close()
