"""The frameworks shipped with the application, found in resources/frameworks."""

from __future__ import annotations

from ..errors import BadInput
from ..resources import resource_path
from .framework_file import load_framework
from .framework_model import Framework


def shipped_frameworks() -> list[Framework]:
    """Every framework file shipped with the app, sorted by name."""
    folder = resource_path("frameworks")
    return sorted((load_framework(p) for p in folder.glob("*.toml")), key=lambda f: f.name)


def shipped_framework(framework_id: str) -> Framework:
    """A shipped framework by id; BadInput listing the known ids otherwise."""
    frameworks = shipped_frameworks()
    for framework in frameworks:
        if framework.id == framework_id:
            return framework
    known = ", ".join(f.id for f in frameworks)
    raise BadInput(f"No framework called '{framework_id}'. Known frameworks: {known}.")
