"""Stream a BagIt bag into a zip, hashing as it writes, so a half-written bundle never has the final name."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import Cancelled
from ..storage.durable_files import fsync_folder
from .bundle_layout import is_stored_entry

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


@dataclass(frozen=True)
class WrittenFile:
    """One payload file as written: its path under data/, SHA-256 and size."""

    path: str
    sha256: str
    size: int


def human_size(octets: int) -> str:
    """Bag-Size as people read it, e.g. '1.2 GB'."""
    value = float(octets)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{octets} bytes"


def _tag_value(value: str) -> str:
    return " ".join(str(value).split())


def _manifest_path(path: str) -> str:
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class BundleWriter:
    """Writes <final>.part as one zip holding one bag folder; finish() makes it the final file.

    Use as a context manager: leaving it through an exception (including Cancelled) deletes the
    .part, so nothing is left behind. progress(done, total, name) is called per chunk.
    """

    def __init__(
        self,
        final_path: Path,
        bag_folder: str,
        total_bytes: int = 0,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ):
        self.final_path = Path(final_path)
        self.part_path = self.final_path.with_name(self.final_path.name + ".part")
        self.bag_folder = bag_folder
        self.total_bytes = total_bytes
        self.done_bytes = 0
        self.files: list[WrittenFile] = []
        self._progress = progress
        self._cancel = cancel
        self._handle = open(self.part_path, "wb")
        self._zip = zipfile.ZipFile(self._handle, "w", allowZip64=True)
        self._finished = False

    def __enter__(self) -> BundleWriter:
        return self

    def __exit__(self, exc_type, _exc, _tb) -> None:
        if exc_type is not None or not self._finished:
            self.abort()

    def _check_cancel(self) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled("Export cancelled: no bundle was written.")

    def _write_member(
        self, arcname: str, chunks: Iterable[bytes], size: int | None, stored: bool
    ) -> tuple[str, int]:
        self._check_cancel()
        info = zipfile.ZipInfo(
            f"{self.bag_folder}/{arcname}", date_time=date.today().timetuple()[:6]
        )
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16
        if size is not None:
            info.file_size = size
        digest = hashlib.sha256()
        written = 0
        try:
            with self._zip.open(info, "w", force_zip64=size is None) as target:
                for chunk in chunks:
                    digest.update(chunk)
                    target.write(chunk)
                    written += len(chunk)
                    self.done_bytes += len(chunk)
                    if self._progress is not None:
                        self._progress(
                            self.done_bytes, max(self.total_bytes, self.done_bytes), arcname
                        )
                    self._check_cancel()
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:  # a blob reader: release it while its connection is still open
                close()
        if size is not None and written != size:
            raise OSError(f"{arcname}: expected {size} bytes, read {written}")
        return digest.hexdigest(), written

    def add_payload(
        self, path: str, chunks: Iterable[bytes], size: int | None = None, mime_type: str = ""
    ) -> WrittenFile:
        """Stream one payload file to data/<path>; stored or deflated by its type."""
        sha256, written = self._write_member(
            f"data/{path}", chunks, size, is_stored_entry(path, mime_type)
        )
        record = WrittenFile(path, sha256, written)
        self.files.append(record)
        return record

    def add_payload_bytes(self, path: str, data: bytes, mime_type: str = "") -> WrittenFile:
        """Write an in-memory payload file (documents, JSON)."""
        return self.add_payload(path, [data] if data else [], len(data), mime_type)

    def _add_tag_file(self, name: str, data: bytes, stored: bool = False) -> str:
        sha256, _ = self._write_member(name, [data], len(data), stored)
        return sha256

    def finish(self, bag_info: dict[str, str], top_files: dict[str, bytes] | None = None) -> int:
        """Write bagit.txt, bag-info.txt, the manifests and top files (START-HERE.html), then fsync
        and rename to the final name; returns the bundle's size in bytes."""
        octets = sum(f.size for f in self.files)
        info = dict(bag_info)
        info.setdefault("Bagging-Date", date.today().isoformat())
        info["Bag-Size"] = human_size(octets)
        info["Payload-Oxum"] = f"{octets}.{len(self.files)}"
        tag_hashes = {"bagit.txt": self._add_tag_file("bagit.txt", BAGIT_TXT)}
        info_text = "".join(f"{_tag_value(k)}: {_tag_value(v)}\n" for k, v in info.items())
        tag_hashes["bag-info.txt"] = self._add_tag_file("bag-info.txt", info_text.encode("utf-8"))
        manifest = "".join(
            f"{f.sha256}  data/{_manifest_path(f.path)}\n"
            for f in sorted(self.files, key=lambda f: f.path)
        )
        tag_hashes["manifest-sha256.txt"] = self._add_tag_file(
            "manifest-sha256.txt", manifest.encode("utf-8")
        )
        for name, data in (top_files or {}).items():
            tag_hashes[name] = self._add_tag_file(name, data)
        tagmanifest = "".join(f"{h}  {_manifest_path(n)}\n" for n, h in sorted(tag_hashes.items()))
        self._add_tag_file("tagmanifest-sha256.txt", tagmanifest.encode("utf-8"))
        self._check_cancel()
        self._zip.close()
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self.part_path, self.final_path)
        fsync_folder(self.final_path.parent)
        self._finished = True
        return self.final_path.stat().st_size

    def abort(self) -> None:
        """Close and delete the .part file; safe to call more than once."""
        if self._finished:
            return
        try:
            self._zip.close()
        except Exception:  # noqa: BLE001 - a half-written member; the file is deleted anyway
            pass
        try:
            self._handle.close()
        finally:
            self.part_path.unlink(missing_ok=True)
            self._finished = True
