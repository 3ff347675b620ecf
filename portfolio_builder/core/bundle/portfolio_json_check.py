"""A bundle's data/portfolio.json checked for the shape read-only mode relies on, then typed; a hostile one refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UnsafeBundle
from ..shape.shape_check import FORMAT, FORMAT_VERSION, check_shape
from .bundle_layout import unsafe_name_reason

if TYPE_CHECKING:  # built only when read: verify checks the shape without importing pydantic
    from ..shape.portfolio_shape import PortfolioShape

REQUIRED_KEYS = {
    "setting": dict,
    "themes": list,
    "priorities": list,
    "action_plan": list,
    "evidence": list,
    "staff": list,
}
EVIDENCE_KEYS = {"id": int, "kind": str, "title": str, "included": bool}


def _check_portfolio_basics(value) -> int:
    """The format, version and keys read-only mode relies on (a clear message for each); the format version."""
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise UnsafeBundle("data/portfolio.json is not a Portfolio Builder portfolio.")
    version = value.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnsafeBundle("data/portfolio.json has no valid format_version.")
    if version > FORMAT_VERSION:
        raise UnsafeBundle(
            f"This bundle was made by a newer Portfolio Builder (portfolio format {version}); "
            "update Portfolio Builder to open it."
        )
    scheme_key = "framework" if version == 1 else "scheme"
    for key, kind in {**REQUIRED_KEYS, scheme_key: dict}.items():
        if not isinstance(value.get(key), kind):
            raise UnsafeBundle(
                f"data/portfolio.json is malformed: '{key}' is missing or of the wrong type."
            )
    if not all(
        isinstance(t, dict)
        and isinstance(t.get("code"), str)
        and isinstance(t.get("descriptors"), list)
        for t in value["themes"]
    ):
        raise UnsafeBundle(
            "data/portfolio.json is malformed: a theme has no code or descriptor list."
        )
    for item in value["evidence"]:
        if not isinstance(item, dict) or any(
            not isinstance(item.get(k), t) for k, t in EVIDENCE_KEYS.items()
        ):
            raise UnsafeBundle(
                "data/portfolio.json is malformed: an evidence item lacks its id, kind, title "
                "or included flag."
            )
        path = item.get("path")
        if path is not None and (
            not isinstance(path, str)
            or not path.startswith("evidence/")
            or unsafe_name_reason(path)
        ):
            raise UnsafeBundle(
                f"data/portfolio.json is malformed: evidence {item['id']} has an unsafe path."
            )
    return version


def check_portfolio_json(value) -> PortfolioShape:
    """The typed portfolio from portfolio.json, if it has the format, version and shape read-only mode relies on."""
    _check_portfolio_basics(value)
    from ..shape.portfolio_shape import read_shape

    try:
        return read_shape(value)
    except ValueError as exc:
        raise UnsafeBundle(f"data/portfolio.json is malformed at {str(exc)[:300]}.") from None


def check_portfolio_dict(value) -> dict:
    """portfolio.json as checked JSON (defaults filled in): the same checks as check_portfolio_json, without
    building the typed objects (what verify uses; a format-1 bundle is read through the models)."""
    if _check_portfolio_basics(value) == 1:
        return check_portfolio_json(value).to_json_dict()
    try:
        return check_shape(value)
    except ValueError as exc:
        raise UnsafeBundle(f"data/portfolio.json is malformed at {str(exc)[:300]}.") from None
