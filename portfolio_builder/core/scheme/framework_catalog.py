"""The frameworks shipped with the application, found in resources/frameworks."""

from __future__ import annotations

import copy
from pathlib import Path

from ..errors import BadInput
from ..resources import resource_path
from .framework_file import load_framework
from .framework_model import Framework

# path -> ((mtime_ns, size), parsed): each shipped file is parsed once per run, not on every call
_parsed: dict[Path, tuple[tuple[int, int], Framework]] = {}


def _parsed_shipped() -> list[Framework]:
    """The shipped frameworks as parsed (not to be edited), each file read again only when it changed."""
    found = []
    for path in resource_path("frameworks").glob("*.toml"):
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = _parsed.get(path)
        if cached is None or cached[0] != stamp:
            cached = _parsed[path] = (stamp, load_framework(path))
        found.append(cached[1])
    return sorted(found, key=lambda f: f.name)


def shipped_frameworks() -> list[Framework]:
    """Every framework file shipped with the app, sorted by name (copies: callers may edit them)."""
    return [copy.deepcopy(f) for f in _parsed_shipped()]


def shipped_framework(framework_id: str) -> Framework:
    """A shipped framework by id (a copy the caller may edit); BadInput listing the known ids otherwise."""
    frameworks = _parsed_shipped()
    for framework in frameworks:
        if framework.id == framework_id:
            return copy.deepcopy(framework)
    known = ", ".join(f.id for f in frameworks)
    raise BadInput(f"No framework called '{framework_id}'. Known frameworks: {known}.")
