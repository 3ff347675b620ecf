"""The assessor's own file beside (never inside) a bundle: one small SQLite file per bundle UUID, saved as typed."""

# Raw SQL on purpose: the assessor's own small file, whose tables are defined here, not in schema.py.

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
from datetime import UTC, datetime
from pathlib import Path

from ..errors import PortfolioFileError
from .assessment_model import (
    NOT_SEEN,
    TEXT_FIELDS,
    Assessment,
    Judgement,
    check_field,
    check_judgement,
)

APPLICATION_ID = 0x50424141  # "PBAA": Portfolio Builder assessor's assessment
SCHEMA_VERSION = 1
SUFFIX = ".assessment"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS judgement (
    scope TEXT NOT NULL, code TEXT NOT NULL, judgement TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL, PRIMARY KEY (scope, code));
"""


def default_assessments_folder() -> Path:
    """user_data_dir/Portfolio Builder/assessments (created on first save, not here)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Portfolio Builder", appauthor=False)) / "assessments"


def file_stem_for(uuid: str) -> str:
    """A file name stem for a bundle UUID; a UUID taken from a bundle is untrusted, so odd ones are hashed."""
    raw = str(uuid or "").strip()
    plain = raw[9:] if raw.lower().startswith("urn:uuid:") else raw
    if _SAFE_ID.fullmatch(plain) and ".." not in plain:
        return plain.lower()
    return "bundle-" + hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()[:32]


def assessment_path(uuid: str, folder: Path | None = None) -> Path:
    """Where the assessment of the bundle with this UUID lives: same UUID, same file."""
    return Path(folder or default_assessments_folder()) / f"{file_stem_for(uuid)}{SUFFIX}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_existing(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise PortfolioFileError(
            f"Cannot read the assessment file {path}: {exc.strerror or exc}."
        ) from exc
    if not header:
        return  # an empty file left by a crash before the first write: start it afresh
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise PortfolioFileError(
            f"{path.name} is not an assessment file. Move it aside and open the bundle again."
        )
    if struct.unpack(">I", header[68:72])[0] not in (0, APPLICATION_ID):
        raise PortfolioFileError(
            f"{path.name} belongs to another program, not Portfolio Builder's assessments."
        )


class AssessmentFile:
    """An open assessment; every setter commits at once (synchronous=FULL), so what was typed survives a crash."""

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path = Path(path)
        self._db: sqlite3.Connection | None = connection  # None once closed

    # --- opening --------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        uuid: str,
        folder: Path | None = None,
        *,
        setting: str = "",
        scheme: str = "",
        bundle_name: str = "",
    ) -> AssessmentFile:
        """Open (or create) the assessment of the bundle with this UUID in folder (default: user data)."""
        if not str(uuid or "").strip():
            raise PortfolioFileError(
                "This bundle has no identifier (External-Identifier), so its assessment "
                "cannot be kept."
            )
        path = assessment_path(uuid, folder)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PortfolioFileError(
                f"Cannot create the folder for assessments, {path.parent}: {exc.strerror or exc}."
            ) from exc
        if path.exists():
            _check_existing(path)
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=5)
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA journal_mode=DELETE")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                connection.close()
                raise PortfolioFileError(
                    f"{path.name} was written by a newer Portfolio Builder; update the app "
                    "to open it."
                )
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            raise PortfolioFileError(f"Cannot open the assessment file {path}: {exc}.") from exc
        file = cls(path, connection)
        file._set_meta_default("uuid", str(uuid))
        file._set_meta_default("created_at", _now())
        for key, value in (("setting", setting), ("scheme", scheme), ("bundle_name", bundle_name)):
            if value:
                file._write(
                    "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, value),
                )
        stored = file._meta("uuid")
        if file_stem_for(stored) != file_stem_for(uuid):
            file.close()
            raise PortfolioFileError(
                f"{path.name} holds the assessment of another bundle ({stored})."
            )
        return file

    def close(self) -> None:
        """Close the file; everything was already saved."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> AssessmentFile:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # --- low level ----------------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise PortfolioFileError("The assessment is closed.")
        return self._db

    def _write(self, sql: str, params: tuple) -> None:
        try:
            self._connection().execute(sql, params)
        except sqlite3.Error as exc:
            raise PortfolioFileError(
                f"Could not save the assessment to {self.path}: {exc}. What you typed last "
                "is not saved; check the disk and try again."
            ) from exc

    def _meta(self, key: str) -> str:
        row = self._connection().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else ""

    def _set_meta_default(self, key: str, value: str) -> None:
        self._write("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # --- judgements ---------------------------------------------------------------------------
    def set_judgement(
        self, scope: str, code: str, judgement: str | None = None, comment: str | None = None
    ) -> None:
        """Record a judgement and/or a comment for a descriptor or theme; the other part is kept."""
        check_judgement(scope, code, judgement)
        if comment is not None:
            check_field("visit_notes", comment)  # same length rule as any typed text
        current = self.judgement(scope, code)
        self._write(
            "INSERT INTO judgement(scope, code, judgement, comment, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(scope, code) DO UPDATE SET judgement=excluded.judgement, "
            "comment=excluded.comment, updated_at=excluded.updated_at",
            (
                scope,
                code,
                judgement if judgement is not None else current.judgement,
                comment if comment is not None else current.comment,
                _now(),
            ),
        )

    def judgement(self, scope: str, code: str) -> Judgement:
        """The judgement recorded for a descriptor or theme ('not seen' when none)."""
        row = (
            self._connection()
            .execute(
                "SELECT judgement, comment, updated_at FROM judgement WHERE scope=? AND code=?",
                (scope, code),
            )
            .fetchone()
        )
        if not row:
            return Judgement(scope, code, NOT_SEEN, "", "")
        return Judgement(scope, code, *row)

    # --- report fields ------------------------------------------------------------------------
    def set_field(self, name: str, value: str) -> None:
        """Save one of the report's text fields (name in TEXT_FIELDS)."""
        check_field(name, value)
        self._write(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            ("field:" + name, value),
        )
        self._write(
            "INSERT INTO meta(key, value) VALUES ('updated_at', ?) ON CONFLICT(key) DO UPDATE "
            "SET value=excluded.value",
            (_now(),),
        )

    def field(self, name: str) -> str:
        return self._meta("field:" + name)

    # --- whole --------------------------------------------------------------------------------
    def read(self) -> Assessment:
        """Everything recorded, as plain data for the report."""
        db = self._connection()
        fields = {name: self.field(name) for name in TEXT_FIELDS}
        judgements = {
            (s, c): Judgement(s, c, j, m, u)
            for s, c, j, m, u in db.execute(
                "SELECT scope, code, judgement, comment, updated_at FROM judgement"
            )
        }
        return Assessment(
            uuid=self._meta("uuid"),
            setting=self._meta("setting"),
            scheme=self._meta("scheme"),
            bundle_name=self._meta("bundle_name"),
            fields=fields,
            judgements=judgements,
        )
