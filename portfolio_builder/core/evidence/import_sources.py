"""What the user chose to import, expanded: folders walked (links leaving them refused) and typed web addresses completed."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadInput
from .display_text import clean_display_text
from .evidence_detect import detect_link, is_link

WEB_ADDRESS = re.compile(r"^www\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class ImportSource:
    """One source to import: a file, a web link, or a refusal saying why it cannot be."""

    source: str  # as the user gave it (or the file found inside a folder)
    path: str = ""  # a file to import
    link_kind: str = ""  # 'link' or 'video' for a web address
    error: str = ""  # why this source is refused before any work


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in ("Thumbs.db", "desktop.ini")


def expand_sources(sources: Iterable[str | Path]) -> list[ImportSource]:
    """Files, folder contents (recursed, hidden files skipped) and links, in the order given."""
    entries = []
    for source in sources:
        text = str(source).strip()
        if (
            isinstance(source, str)
            and not is_link(text)
            and WEB_ADDRESS.match(text)
            and not Path(text).exists()
        ):
            text = f"https://{text}"  # typed as people read addresses: www.example.org/page
        if isinstance(source, str) and is_link(text):
            try:
                entries.append(ImportSource(text, link_kind=detect_link(text)))
            except BadInput as exc:
                entries.append(ImportSource(text, error=exc.message))
            continue
        path = Path(source)
        if not text:
            entries.append(ImportSource(text, error="An empty name was given instead of a file."))
        elif not path.exists():
            entries.append(ImportSource(text, error=f"There is no file or folder at {path}."))
        elif path.is_dir():
            found, outside = _folder_files(path)
            entries += [ImportSource(f, path=f) for f in found]
            entries += [
                ImportSource(
                    f,
                    error=f"{shown_name(f)} is a link to something outside the folder; links that leave "
                    "the folder are not followed.",
                )
                for f in outside
            ]
            if not found and not outside:
                entries.append(
                    ImportSource(
                        text,
                        error=f"The folder {path.name or path} has no files to import "
                        "(hidden files are skipped).",
                    )
                )
        elif not path.is_file():
            entries.append(ImportSource(text, error=f"{path.name} is not an ordinary file."))
        else:
            entries.append(ImportSource(text, path=str(path)))
    return entries


def shown_name(path: str) -> str:
    return clean_display_text(Path(path).name) or "(a file)"


def _folder_files(path: Path) -> tuple[list[str], list[str]]:
    """The files in a folder (recursed, hidden ones skipped) and the links in it that point outside it.

    Links to files inside the folder are taken; a link leaving it (to /etc/shadow, another
    person's documents) is never followed, and folder links are never descended into.
    """
    root = os.path.realpath(path)
    found, outside = [], []
    for folder, dirs, files in os.walk(path):
        for d in sorted(d for d in dirs if not _hidden(d)):
            full = os.path.join(folder, d)
            if os.path.islink(full) and not _inside(os.path.realpath(full), root):
                outside.append(full)
        dirs[:] = sorted(
            d for d in dirs if not _hidden(d) and not os.path.islink(os.path.join(folder, d))
        )
        for name in sorted(f for f in files if not _hidden(f)):
            full = os.path.join(folder, name)
            if os.path.islink(full) and not _inside(os.path.realpath(full), root):
                outside.append(full)
            elif os.path.isfile(full):
                found.append(full)
    return found, outside


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)
