"""Viewing a received bundle: verify it first, never write it, and hand out read-only private copies on request."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import BadInput, PortfolioError
from ..privacy.active_content import REFUSAL as ACTIVE_REFUSAL
from ..privacy.active_content import is_active_name
from ..shape.portfolio_shape import PortfolioShape

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # (done, total), as verify_bundle reports it
CancelCheck = Callable[[], bool]
MAX_VIEW_BYTES = (
    64 * 1024 * 1024
)  # a photo shown inside the app is read into memory; larger ones are opened outside


def payload_key(path: str | None) -> str:
    """A payload path as portfolio.json writes it ('evidence/...'), whether or not it starts with 'data/'."""
    text = str(path or "").replace("\\", "/")
    return text[5:] if text.startswith("data/") else text


class BundleSession:
    """One open bundle: the verification result, its portfolio.json, and a private folder for viewer copies.

    The bundle file is only ever opened for reading. close() removes the private folder.
    """

    def __init__(self, path: Path, reader, report, snapshot: PortfolioShape):
        self.path = Path(path)
        self.reader = reader
        self.report = report
        self.snapshot = snapshot
        self.damaged: set[str] = {payload_key(p) for p in (getattr(report, "damaged", None) or ())}
        self._private_dir: Path | None = None
        self._copies: dict[str, Path] = {}
        self.closed = False

    # --- opening ------------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path, progress: Progress | None = None, cancel: CancelCheck | None = None
    ) -> BundleSession:
        """Verify the bundle (progress reported), refuse it if unsafe, then load its portfolio.json."""
        from ..bundle.bundle_reader import BundleReader
        from ..bundle.bundle_verify import verify_bundle
        from ..errors import UnsafeBundle

        path = Path(path)
        if not path.is_file():
            raise BadInput(f"There is no bundle at {path}.")
        report = verify_bundle(path, progress=progress, cancel=cancel)
        if not getattr(report, "safe", True):
            problems = list(getattr(report, "problems", None) or [])
            raise UnsafeBundle(problems[-1] if problems else f"{path.name} is not safe to open.")
        reader = BundleReader(path)
        try:
            snapshot = reader.portfolio_json()
        except PortfolioError:
            _close_quietly(reader)
            raise
        except (ValueError, UnicodeDecodeError):
            _close_quietly(reader)
            raise BadInput(
                f"The portfolio.json in {path.name} is damaged and cannot be read."
            ) from None
        return cls(path, reader, report, snapshot)

    # --- facts --------------------------------------------------------------------------------
    @property
    def uuid(self) -> str:
        return str(getattr(self.report, "uuid", "") or "")

    @property
    def valid(self) -> bool:
        return bool(getattr(self.report, "valid", False))

    @property
    def problems(self) -> list[str]:
        return list(getattr(self.report, "problems", None) or [])

    def documents(self) -> list[str]:
        """The printable portfolio and the Word sheets in the bundle ('portfolio.pdf', 'sheets/...')."""
        names = getattr(self.reader, "entries", {}) or {}
        return sorted(
            (
                payload_key(n)
                for n in names
                if n == "data/portfolio.pdf" or n.startswith("data/sheets/")
            ),
            key=lambda n: (n != "portfolio.pdf", n),
        )

    def is_damaged(self, payload_path: str | None) -> bool:
        """Whether the file at this payload path failed its checksum or is missing."""
        return bool(payload_path) and payload_key(payload_path) in self.damaged

    # --- reading ------------------------------------------------------------------------------
    def read_bytes(self, payload_path: str, max_bytes: int = MAX_VIEW_BYTES) -> bytes:
        """The bytes of one payload file, read through the reader (never extracted), at most max_bytes."""
        self._check_open()
        try:
            return self.reader.read_bytes(self._member(payload_path), max_bytes)
        except KeyError:
            raise BadInput(f"{payload_key(payload_path)} is missing from the bundle.") from None

    def viewer_copy(self, payload_path: str) -> Path:
        """A read-only (0400) copy of one payload file in the private folder, for the system viewer."""
        self._check_open()
        key = payload_key(payload_path)
        if is_active_name(
            key
        ):  # a browser or shell would run it: active content never leaves the app
            raise BadInput(ACTIVE_REFUSAL.format(name=key.rsplit("/", 1)[-1]))
        if key in self._copies and self._copies[key].exists():
            return self._copies[key]
        folder = self.private_dir()
        try:
            extracted = Path(self.reader.extract_member_to(self._member(key), folder))
        except KeyError:
            raise BadInput(f"{key} is missing from the bundle.") from None
        resolved = extracted.resolve()
        if folder.resolve() not in resolved.parents:
            raise BadInput(f"{key} cannot be opened: it would land outside the private folder.")
        os.chmod(resolved, stat.S_IRUSR)
        self._copies[key] = resolved
        return resolved

    def private_dir(self) -> Path:
        """The private temporary folder (mode 0700), made on first use."""
        if self._private_dir is None:
            self._private_dir = Path(tempfile.mkdtemp(prefix="pb-bundle-view-"))
            os.chmod(self._private_dir, stat.S_IRWXU)
        return self._private_dir

    @property
    def private_dir_if_made(self) -> Path | None:
        return self._private_dir

    # --- closing ------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the reader and delete every viewer copy with the private folder."""
        if self.closed:
            return
        self.closed = True
        _close_quietly(self.reader)
        if self._private_dir is not None:
            _remove_tree(self._private_dir)
        self._copies.clear()

    def __enter__(self) -> BundleSession:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _check_open(self) -> None:
        if self.closed:
            raise PortfolioError("This bundle has been closed; open it again to view its files.")

    @staticmethod
    def _member(payload_path: str) -> str:
        return "data/" + payload_key(payload_path)


def _close_quietly(reader) -> None:
    close = getattr(reader, "close", None)
    if close:
        try:
            close()
        except Exception:  # noqa: BLE001 - closing a read-only zip cannot lose work
            log.debug("closing the bundle reader failed", exc_info=True)


def _remove_tree(folder: Path) -> None:
    """Delete the private folder even though its files are read-only."""

    def make_writable_and_retry(function, path, _exc):
        try:
            os.chmod(path, stat.S_IRWXU)
            os.chmod(os.path.dirname(path), stat.S_IRWXU)
            function(path)
        except OSError:
            log.warning("Could not remove %s", path)

    for root, dirs, _files in os.walk(folder):
        for name in dirs:
            try:
                os.chmod(os.path.join(root, name), stat.S_IRWXU)
            except OSError:
                pass
    shutil.rmtree(folder, onerror=make_writable_and_retry)
