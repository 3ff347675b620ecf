"""Derive the stored portfolio.json check (resources/shapes) from the pydantic models, its one source of truth.

`verify` checks portfolio.json with pydantic-core alone, against this schema, so it need not import
pydantic nor build the models (most of its time). The schema is the models' own core schema with
each model read as a dict of its fields (same types, strictness, constraints, defaults and extra
rule) and each validator named by its function in core.scheme.scheme_rules. tests/core/
test_shape_check.py fails when the stored copy differs; regenerate it with
`python -m portfolio_builder.core.shape.shape_schema_build`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..resources import resource_path
from .portfolio_shape import PortfolioShape

SCHEMA_PATH = ("shapes", "portfolio-shape.core.json")
# each validator of the models -> (what it is given, the scheme_rules function that does its work)
VALIDATORS = {
    "Level._colour": ("value", "check_colour"),
    "Scale._consistent": ("model", "check_scale"),
    "Deadline._one_length": ("model", "check_deadline"),
    "EvidenceRule._ordered": ("model", "check_evidence_rule"),
    "Scheme._references": ("model", "check_references"),
}
CONFIG_KEYS = {
    "title",
    "extra_fields_behavior",
}  # anything else in a model's config changes validation: refuse
PLAIN_KEYS = {  # the validation keys kept for each kind of schema ('type' always)
    "str": {"strict", "pattern", "min_length", "max_length"},
    "int": {"strict", "ge", "le", "gt", "lt"},
    "float": {"strict", "ge", "le", "gt", "lt"},
    "bool": {"strict"},
    "literal": {"expected"},
    "definition-ref": {"schema_ref"},
}


def _ref(ref: str) -> str:
    """A definition's name without the id() pydantic appends ('...model.Scale:1234' -> 'Scale'), so runs agree."""
    return ref.rsplit(":", 1)[0].rsplit(".", 1)[-1]


def plain(value):
    """A default value as JSON (a model becomes the dict of its fields)."""
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _function(schema: dict, ref: str | None) -> dict:
    function = schema["function"]
    if function.get("type") != "no-info":
        raise ValueError(f"unsupported validator kind {function.get('type')}")
    target = getattr(function["function"], "__func__", function["function"])
    if target.__qualname__ not in VALIDATORS:
        raise ValueError(
            f"validator {target.__qualname__} has no entry in VALIDATORS (scheme_rules)"
        )
    given, rule = VALIDATORS[target.__qualname__]
    out = {
        "type": "function-after",
        "function": {"rule": rule, "given": given},
        "schema": convert(schema["schema"]),
    }
    return out | ({"ref": _ref(ref)} if ref else {})


def _model(schema: dict) -> dict:
    config = schema.get("config") or {}
    if set(config) - CONFIG_KEYS or schema.get("custom_init") or schema.get("root_model"):
        raise ValueError(
            f"model {config.get('title')} has settings the light check does not know: {config}"
        )
    inner = schema["schema"]
    if inner["type"] != "model-fields" or inner.get("computed_fields"):
        raise ValueError(f"unsupported model schema {inner['type']}")
    fields = {
        name: {
            "type": "typed-dict-field",
            "schema": convert(field["schema"]),
            "required": field["schema"]["type"] != "default",
        }
        for name, field in inner["fields"].items()
    }
    out = {
        "type": "typed-dict",
        "fields": fields,
        "extra_behavior": config.get("extra_fields_behavior", "ignore"),
    }
    return out | ({"ref": _ref(schema["ref"])} if schema.get("ref") else {})


def convert(schema: dict) -> dict:
    """One core schema as plain JSON; anything this does not know is refused rather than dropped."""
    kind = schema["type"]
    if kind in PLAIN_KEYS:
        unknown = set(schema) - PLAIN_KEYS[kind] - {"type", "metadata", "ref"}
        if unknown:
            raise ValueError(f"unsupported keys {unknown} in a {kind} schema")
        out = {k: v for k, v in schema.items() if k in PLAIN_KEYS[kind] or k == "type"}
        if "schema_ref" in out:
            out["schema_ref"] = _ref(out["schema_ref"])
        return out | ({"ref": _ref(schema["ref"])} if schema.get("ref") else {})
    if kind == "model":
        return _model(schema)
    if kind == "function-after":
        return _function(schema, schema.get("ref"))
    if kind == "default":
        if schema.get("default_factory_takes_data") or schema.get("validate_default"):
            raise ValueError("unsupported default")
        default = schema["default_factory"]() if "default_factory" in schema else schema["default"]
        return {"type": "default", "schema": convert(schema["schema"]), "default": plain(default)}
    if kind == "list":
        return {"type": "list", "items_schema": convert(schema["items_schema"])} | {
            k: schema[k] for k in ("min_length", "max_length") if k in schema
        }
    if kind == "dict":
        return {
            "type": "dict",
            "keys_schema": convert(schema["keys_schema"]),
            "values_schema": convert(schema["values_schema"]),
        }
    if kind == "nullable":
        return {"type": "nullable", "schema": convert(schema["schema"])}
    if kind == "union":
        if set(schema) - {"type", "choices", "metadata"}:
            raise ValueError(f"unsupported union settings {set(schema)}")
        return {"type": "union", "choices": [convert(c) for c in schema["choices"]]}
    if kind == "definitions":
        return {
            "type": "definitions",
            "schema": convert(schema["schema"]),
            "definitions": sorted(
                (convert(d) for d in schema["definitions"]), key=lambda d: d["ref"]
            ),
        }
    raise ValueError(f"unsupported schema type {kind}")


def build_schema() -> dict:
    """The plain core schema of PortfolioShape, as stored in resources/shapes."""
    return convert(dict(PortfolioShape.__pydantic_core_schema__))


def schema_text() -> str:
    """The stored file's exact text."""
    return (
        json.dumps(build_schema(), indent=1) + "\n"
    )  # fields keep their order: errors are found in it


def main() -> None:
    path = Path(resource_path(*SCHEMA_PATH))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
