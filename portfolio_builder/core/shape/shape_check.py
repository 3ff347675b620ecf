"""portfolio.json checked against the portfolio shape with pydantic-core alone: `verify`'s check, without pydantic.

The schema is derived from the pydantic models (shape_schema_build.py) and stored in resources/shapes;
the models' validators run as the same core.scheme.scheme_rules functions, so this accepts and refuses
exactly what PortfolioShape does (tests/core/test_shape_check.py), with the same words, in a fraction
of the time it takes to import pydantic and build the models. A well-formed file does not even load
pydantic-core: shape_fast.py accepts it (and can only ever accept).
"""

from __future__ import annotations

import functools
import json

from ..resources import resource_path
from ..scheme import scheme_rules
from .shape_fast import FastShape, Fields

FORMAT = "portfolio-builder/portfolio"
FORMAT_VERSION = 2
SCHEMA_PATH = ("shapes", "portfolio-shape.core.json")


def shape_problem_of(exc) -> str:
    """Where and how a portfolio.json departs from the shape, in words (from a pydantic ValidationError).

    An object where JSON holds something else reads the same from the models and from the light check
    ('a valid dictionary', never the name of one of our classes)."""
    first = exc.errors()[0]
    where = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]
    ).lstrip(".")
    how = (
        "input should be a valid dictionary"
        if first["type"] == "model_type"
        else first["msg"].lower()
    )
    return f"{where or 'the top level'}: {how} ({exc.error_count()} problem(s) in all)"


def _rule_of(marker: dict):
    rule = getattr(scheme_rules, marker["rule"])
    if marker["given"] == "value":
        return rule

    def check_model(values: dict) -> dict:
        rule(Fields(values))
        return values

    return check_model


def _bind(schema):
    """The stored schema with each validator's name replaced by its function."""
    if isinstance(schema, list):
        return [_bind(v) for v in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "function-after":
        return {
            **schema,
            "schema": _bind(schema["schema"]),
            "function": {"type": "no-info", "function": _rule_of(schema["function"])},
        }
    return {k: (v if k == "default" else _bind(v)) for k, v in schema.items()}


@functools.cache
def _stored_schema() -> dict:
    return json.loads(resource_path(*SCHEMA_PATH).read_text(encoding="utf-8"))


@functools.cache
def _fast() -> FastShape:
    return FastShape(_stored_schema())


@functools.cache
def _validator():
    from pydantic_core import SchemaValidator

    return SchemaValidator(_bind(_stored_schema()))


def check_shape(value: dict) -> dict:
    """A parsed format-2 portfolio.json, defaults filled in, if it has the portfolio shape; ValueError says where not.

    The pure-Python pass (shape_fast) accepts the usual well-formed file without loading pydantic-core;
    anything it does not certainly accept is decided, and worded, by pydantic-core."""
    accepted = _fast().accepted(value)
    if accepted is not None:
        return accepted
    from pydantic_core import ValidationError

    try:
        return _validator().validate_python(value)
    except ValidationError as exc:
        raise ValueError(shape_problem_of(exc)) from None
