"""Bundles made before schemes were data (portfolio.json format 1) still open: their JSON is read into format 2."""

from __future__ import annotations

from pydantic import ValidationError

from ..scheme.file_tables import FileProblem, _legacy_scheme
from ..scheme.model import Scheme


def _rating(value) -> dict | None:
    if not isinstance(value, dict):
        return value
    renamed = {"rated_on": "on", "rated_by": "by"}
    return {renamed.get(k, k): v for k, v in value.items()}


def _scheme(framework: object) -> dict:
    """The Scheme a format-1 bundle's framework block meant."""
    if not isinstance(framework, dict):
        raise ValueError("framework: it is missing or not a table")
    rule = framework.get("rule")
    if not isinstance(rule, dict):
        rule = {}
    head = {
        "priorities_required": framework.get("priorities_required") or 0,
        "uses_components": framework.get("uses_components") is True,
        "action_plan_theme": framework.get("action_plan_theme") or "",
    }
    levels = [lv for lv in framework.get("levels") or [] if isinstance(lv, dict)]
    values = {
        "id": framework.get("id") or "unknown",
        "name": framework.get("name") or "Quality mark",
        "awarding_body": framework.get("awarding_body") or "",
        "version": str(framework.get("version") or "1"),
        "description": framework.get("description") or "",
        "scale": {
            "name": framework.get("scale_name") or "",
            "levels": [
                {
                    k: v
                    for k, v in lv.items()
                    if k in ("key", "label", "description", "colour", "score") and v is not None
                }
                for lv in levels
            ]
            or [{"key": "rated", "label": "Rated"}],
        },
    }
    try:
        values.update(
            _legacy_scheme(
                head,
                {
                    "evidence_rule": {
                        "min_key": rule.get("min_key", 2),
                        "max_key": rule.get("max_key", 2),
                    }
                },
            )
        )
        return Scheme.model_validate(values).model_dump(mode="json")
    except (FileProblem, ValidationError) as exc:
        raise ValueError(f"framework: {exc}") from None


def upgrade_v1(value: dict) -> dict:
    """A format-2 dict from a format-1 portfolio.json (fields the new shape does not know are dropped)."""
    out = dict(value)
    out["format_version"] = 2
    out["scheme"] = _scheme(value.get("framework"))
    themes = []
    for theme in value.get("themes") or []:
        if not isinstance(theme, dict):
            themes.append(theme)
            continue
        theme = dict(theme)
        descriptors = []
        for d in theme.get("descriptors") or []:
            if isinstance(d, dict):
                d = dict(d)
                d["rating"] = _rating(d.get("rating"))
                d["rating_history"] = [_rating(r) for r in d.get("rating_history") or []]
            descriptors.append(d)
        theme["descriptors"] = descriptors
        themes.append(theme)
    out["themes"] = themes
    texts = {}
    for old, key in (("case_study", "case-study"), ("three_year_plan", "outline-plan")):
        if isinstance(value.get(old), str) and value.get(old):
            texts[key] = value[old]
    out["texts"] = texts
    return out
