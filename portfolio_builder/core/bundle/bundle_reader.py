"""Open a bundle zip without extracting it, refusing anything hostile before a single byte is used."""

from __future__ import annotations

import json
import stat
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import UnsafeBundle
from ..storage.storage_limits import MAX_FILE_BYTES
from .bundle_layout import unsafe_name_reason
from .portfolio_json_check import check_portfolio_dict, check_portfolio_json
from .zip_end_record import declared_entry_count

if TYPE_CHECKING:  # built only when read: verify checks the shape without importing pydantic
    from ..shape.portfolio_shape import PortfolioShape


@dataclass(frozen=True)
class BundleLimits:
    """Caps that keep a zip bomb or a giant JSON from exhausting memory or disk."""

    max_entries: int = 50_000
    max_total_bytes: int = 64 * 1024**3  # several long recordings
    max_entry_bytes: int = MAX_FILE_BYTES  # the largest evidence file a portfolio stores
    max_ratio: int = 200  # uncompressed / compressed, for entries above ratio_floor
    ratio_floor: int = 1024 * 1024
    max_json_bytes: int = 64 * 1024**2
    max_json_depth: int = 40
    max_name_chars: int = 400


@dataclass(frozen=True)
class BundleEntry:
    """One file of the bag: its path inside the bag folder and its declared sizes."""

    name: str
    size: int
    compressed_size: int
    crc: int


DEFAULT_LIMITS = BundleLimits()
TAG_FILE_MAX = 16 * 1024**2


def _check_json_shape(value, depth_limit: int) -> None:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > depth_limit:
            raise UnsafeBundle(
                f"A JSON file in the bundle is nested more than {depth_limit} levels deep."
            )
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def _refuse_constant(token: str):
    raise ValueError(f"{token} is not allowed")


def looks_like_bundle(path: Path) -> bool:
    """Whether a path given to the app is a bundle (a zip by name or by content) rather than a portfolio."""
    path = Path(path)
    if path.suffix.lower() == ".zip":
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


class CountedReader:
    """A member opened for reading that refuses more bytes than its header declared."""

    def __init__(self, raw: IO[bytes], entry: BundleEntry):
        self._raw = raw
        self.entry = entry
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self._raw.read(size)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
            raise UnsafeBundle(f"{self.entry.name} in the bundle is damaged ({exc}).") from exc
        self.count += len(chunk)
        if self.count > self.entry.size:
            raise UnsafeBundle(
                f"{self.entry.name} in the bundle holds more data than its header says (zip bomb?)."
            )
        return chunk

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> CountedReader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


class BundleReader:
    """A bundle opened read-only: every entry checked on opening; members read with counted bytes.

    Names given to and returned by this class are relative to the bag folder ('data/portfolio.json').
    """

    def __init__(self, path: Path, limits: BundleLimits = DEFAULT_LIMITS):
        self.path = Path(path)
        self.limits = limits
        declared = declared_entry_count(self.path)  # before zipfile builds an object per entry
        if declared is not None and declared > limits.max_entries:
            raise UnsafeBundle(self._too_many(declared))
        try:
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise UnsafeBundle(f"There is no bundle at {self.path}.") from None
        except IsADirectoryError:
            raise UnsafeBundle(f"{self.path.name} is a folder, not a bundle (.zip) file.") from None
        except (
            zipfile.BadZipFile,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            RuntimeError,
            KeyError,
            struct.error,
            OverflowError,
            zlib.error,
        ) as exc:  # whatever a mangled zip makes zipfile raise
            raise UnsafeBundle(
                f"{self.path.name} is not a bundle: it is not a zip file, or it is truncated "
                f"or damaged ({exc})."
            ) from exc
        try:
            self.top_folder, self.entries = self._check_entries()
        except BaseException:
            self._zip.close()
            raise

    def _too_many(self, count: int) -> str:
        return f"{self.path.name} has {count} entries, more than the {self.limits.max_entries} allowed."

    def _check_entries(self) -> tuple[str, dict[str, BundleEntry]]:
        infos = self._zip.infolist()
        limits, name = self.limits, self.path.name
        if not infos:
            raise UnsafeBundle(f"{name} is an empty zip file, not a bundle.")
        if len(infos) > limits.max_entries:
            raise UnsafeBundle(self._too_many(len(infos)))
        file_size = self.path.stat().st_size
        seen: set[str] = set()
        folded: dict[str, str] = {}
        tops: set[str] = set()
        total = 0
        entries: dict[str, BundleEntry] = {}
        for info in infos:
            entry_name = info.filename
            problem = unsafe_name_reason(entry_name, limits.max_name_chars)
            if problem:
                raise UnsafeBundle(f"{name} is unsafe: the entry '{entry_name[:120]}' {problem}.")
            if entry_name in seen:
                raise UnsafeBundle(f"{name} is unsafe: the entry '{entry_name}' appears twice.")
            seen.add(entry_name)
            key = unicodedata.normalize("NFC", entry_name.rstrip("/")).casefold()
            if key in folded and folded[key] != entry_name.rstrip("/"):
                raise UnsafeBundle(
                    f"{name} is unsafe: '{entry_name}' and '{folded[key]}' differ only in case, "
                    "so one would overwrite the other on Windows or macOS."
                )
            folded[key] = entry_name.rstrip("/")
            if info.flag_bits & 0x1:
                raise UnsafeBundle(
                    f"{name} has an encrypted entry ('{entry_name}'); bundles are never encrypted."
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise UnsafeBundle(f"{name} is unsafe: '{entry_name}' is a symbolic link.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise UnsafeBundle(
                    f"{name} uses an unsupported compression method for '{entry_name}'."
                )
            if info.header_offset + info.compress_size > file_size:
                raise UnsafeBundle(
                    f"{name} is truncated: '{entry_name}' runs past the end of the file."
                )
            if info.file_size > limits.max_entry_bytes:
                raise UnsafeBundle(
                    f"{name} is refused: '{entry_name}' would unpack to "
                    f"{info.file_size / 1e9:.1f} GB, over the limit for one file."
                )
            if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise UnsafeBundle(
                    f"{name} is refused as a zip bomb: '{entry_name}' expands more than "
                    f"{limits.max_ratio} times."
                )
            total += info.file_size
            if total > limits.max_total_bytes:
                raise UnsafeBundle(
                    f"{name} is refused: it would unpack to more than "
                    f"{limits.max_total_bytes / 1e9:.0f} GB."
                )
            top, _, rest = entry_name.partition("/")
            tops.add(top)
            if len(tops) > 1:
                raise UnsafeBundle(
                    f"{name} is not a bundle: it must hold exactly one top folder, "
                    f"but has '{sorted(tops)[0]}' and '{sorted(tops)[1]}'."
                )
            if info.is_dir() or not rest:
                if not info.is_dir():
                    raise UnsafeBundle(
                        f"{name} is not a bundle: '{entry_name}' is a file outside the bag folder."
                    )
                continue
            if rest.casefold() == "fetch.txt":
                raise UnsafeBundle(
                    f"{name} is refused: it has a fetch.txt, which asks to download files "
                    "from elsewhere; a bundle must hold all its files itself."
                )
            entries[rest] = BundleEntry(rest, info.file_size, info.compress_size, info.CRC)
        if not entries:
            raise UnsafeBundle(f"{name} holds no files.")
        return tops.pop(), entries

    def _info(self, name: str) -> zipfile.ZipInfo:
        if name not in self.entries:
            raise KeyError(name)
        return self._zip.getinfo(f"{self.top_folder}/{name}")

    def open_member(self, name: str) -> CountedReader:
        """Stream one file of the bag (KeyError if absent); damage raises UnsafeBundle while reading."""
        info = self._info(name)
        try:
            raw = self._zip.open(info)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise UnsafeBundle(f"{name} in the bundle cannot be read ({exc}).") from exc
        return CountedReader(raw, self.entries[name])

    def read_bytes(self, name: str, max_bytes: int) -> bytes:
        """A whole (small) file of the bag, refused if bigger than max_bytes."""
        entry = self.entries.get(name)
        if entry is None:
            raise KeyError(name)
        if entry.size > max_bytes:
            raise UnsafeBundle(
                f"{name} in the bundle is too large ({entry.size} bytes; at most {max_bytes})."
            )
        with self.open_member(name) as member:
            data = member.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise UnsafeBundle(f"{name} in the bundle is larger than its header says.")
        return data

    def read_text(self, name: str, max_bytes: int = TAG_FILE_MAX) -> str:
        """A UTF-8 text file of the bag (a leading BOM is ignored)."""
        try:
            return self.read_bytes(name, max_bytes).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnsafeBundle(f"{name} in the bundle is not UTF-8 text.") from exc

    def bag_info(self) -> dict[str, str]:
        """bag-info.txt as a dict (continuation lines joined; first value kept for repeated labels)."""
        if "bag-info.txt" not in self.entries:
            return {}
        info: dict[str, str] = {}
        last = None
        for line in self.read_text("bag-info.txt").splitlines():
            if line[:1] in (" ", "\t") and last:
                info[last] = f"{info[last]} {line.strip()}"
            elif ":" in line:
                label, _, value = line.partition(":")
                last = label.strip()
                info.setdefault(last, value.strip())
        return info

    def read_json(self, name: str):
        """A JSON file of the bag, with a size cap before parsing and a nesting cap after."""
        raw = self.read_bytes(name, self.limits.max_json_bytes)
        try:
            value = json.loads(raw.decode("utf-8-sig"), parse_constant=_refuse_constant)
        except RecursionError as exc:
            raise UnsafeBundle(f"{name} in the bundle is nested too deeply to read.") from exc
        except (UnicodeDecodeError, ValueError) as exc:
            raise UnsafeBundle(f"{name} in the bundle is not valid JSON ({exc}).") from exc
        _check_json_shape(value, self.limits.max_json_depth)
        return value

    def portfolio_json(self) -> PortfolioShape:
        """data/portfolio.json, checked against the snapshot format before anyone uses it."""
        if "data/portfolio.json" not in self.entries:
            raise UnsafeBundle(
                "The bundle has no data/portfolio.json, so it cannot be opened as a portfolio."
            )
        return check_portfolio_json(self.read_json("data/portfolio.json"))

    def portfolio_dict(self) -> dict:
        """data/portfolio.json given the same checks as portfolio_json(), as plain checked JSON (for verify)."""
        if "data/portfolio.json" not in self.entries:
            raise UnsafeBundle(
                "The bundle has no data/portfolio.json, so it cannot be opened as a portfolio."
            )
        return check_portfolio_dict(self.read_json("data/portfolio.json"))

    def extract_member_to(self, name: str, private_dir: Path) -> Path:
        """Copy one file of the bag into private_dir (same relative path); refuse anything outside it."""
        root = Path(private_dir).resolve()
        if not root.is_dir():
            raise UnsafeBundle(f"{private_dir} is not a folder to extract into.")
        target = (root / name).resolve()
        if not target.is_relative_to(root) or target == root:
            raise UnsafeBundle(f"'{name}' would be written outside {root}; refused.")
        entry = self.entries.get(name)
        if entry is None:
            raise KeyError(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            with self.open_member(name) as member, open(partial, "wb") as out:
                while chunk := member.read(1024 * 1024):
                    out.write(chunk)
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target

    def close(self) -> None:
        """Release the zip file."""
        self._zip.close()

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
