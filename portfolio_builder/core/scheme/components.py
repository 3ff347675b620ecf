"""Which portfolio component an evidence item belongs to, by the scheme's own list of components."""

from __future__ import annotations

from ..errors import BadInput
from .model import Scheme


def check_component(scheme: Scheme, component: str | None) -> str:
    """The component key to store: one of the scheme's ('' when it has none); None means its first."""
    if not scheme.components:
        if component:
            raise BadInput(f"{scheme.name} has no portfolio components: leave the component out.")
        return ""
    keys = [c.key for c in scheme.components]
    if component is None or component == "":
        return keys[0]
    if component in keys:
        return component
    raise BadInput(
        f"'{component}' is not a component of {scheme.name}; use one of: {', '.join(keys)}."
    )
