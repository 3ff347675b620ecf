"""A pure-Python reading of the stored portfolio.json schema that can only ever say yes, for a fast `verify`.

A well-formed bundle is the common case, and importing pydantic-core costs more than all of verify's
other work. This walks the same stored schema (derived from the models) accepting only values whose
type is exactly what the schema names, so whatever it accepts pydantic-core accepts too, giving the
same JSON (tests/core/test_shape_check.py asserts both on a fuzz corpus). Anything else, an odd or a
merely unusual value alike, returns None and pydantic-core decides, with its message.
"""

from __future__ import annotations

import copy
import re

from ..scheme import scheme_rules

_IMMUTABLE = (str, int, float, bool, type(None))


class _No(Exception):
    """Not accepted here: let pydantic-core decide."""


class FastShape:
    """The stored core schema, read once; accepted(value) is the validated JSON, or None."""

    def __init__(self, schema: dict):
        self.refs: dict[str, dict] = {}
        self._collect(schema)
        self.schema = schema
        self.patterns: dict[str, re.Pattern] = {}
        self._length_bounds: dict[int, dict] = {}  # per schema node: its min/max_length, found once

    def _lengths(self, schema: dict) -> dict:
        found = self._length_bounds.get(id(schema))
        if found is None:
            found = {k: v for k, v in schema.items() if k.endswith("_length")}
            self._length_bounds[id(schema)] = found
        return found

    def _collect(self, node) -> None:
        if isinstance(node, dict):
            if "ref" in node and "type" in node:
                self.refs[node["ref"]] = node
            for key, value in node.items():
                if key != "default":
                    self._collect(value)
        elif isinstance(node, list):
            for value in node:
                self._collect(value)

    def accepted(self, value) -> dict | None:
        """The value as pydantic-core would return it, when it certainly passes; None otherwise."""
        try:
            return self._check(self.schema, value)
        except (_No, ValueError, AttributeError, TypeError, KeyError, OverflowError):
            return None

    def _bounded(self, schema: dict, value, size=None):
        size = value if size is None else size
        if (
            ("ge" in schema and size < schema["ge"])
            or ("le" in schema and size > schema["le"])
            or ("gt" in schema and size <= schema["gt"])
            or ("lt" in schema and size >= schema["lt"])
            or ("min_length" in schema and size < schema["min_length"])
            or ("max_length" in schema and size > schema["max_length"])
        ):
            raise _No
        return value

    def _check(self, schema: dict, value):
        kind = schema["type"]
        if kind == "str":
            if type(value) is not str:
                raise _No
            if "pattern" in schema:
                pattern = self.patterns.get(schema["pattern"]) or re.compile(schema["pattern"])
                self.patterns[schema["pattern"]] = pattern
                if (
                    "\n" in value or "\r" in value or not pattern.search(value)
                ):  # '$' differs before a newline
                    raise _No
            lengths = self._lengths(schema)
            return self._bounded(lengths, value, len(value)) if lengths else value
        if kind == "int":
            if type(value) is not int:
                raise _No
            return self._bounded(schema, value)
        if kind == "float":
            if type(value) is float or (type(value) is int and not schema.get("strict")):
                return self._bounded(schema, float(value))
            raise _No
        if kind == "bool":
            if type(value) is not bool:
                raise _No
            return value
        if kind == "literal":
            if type(value) is not str or value not in schema["expected"]:
                raise _No
            return value
        if kind == "nullable":
            return None if value is None else self._check(schema["schema"], value)
        if kind == "default":
            return self._check(schema["schema"], value)
        if (
            kind == "union"
        ):  # only when exactly one choice takes it, so smart-mode's choice is not in doubt
            results = []
            for choice in schema["choices"]:
                try:
                    results.append(self._check(choice, value))
                except _No:
                    pass
            if len(results) != 1:
                raise _No
            return results[0]
        if kind == "list":
            if type(value) is not list:
                raise _No
            self._bounded(self._lengths(schema), value, len(value))
            return [self._check(schema["items_schema"], item) for item in value]
        if kind == "dict":
            if type(value) is not dict:
                raise _No
            return {
                self._check(schema["keys_schema"], k): self._check(schema["values_schema"], v)
                for k, v in value.items()
            }
        if kind == "typed-dict":
            return self._fields(schema, value)
        if kind == "function-after":
            checked = self._check(schema["schema"], value)
            marker = schema["function"]
            rule = getattr(scheme_rules, marker["rule"])
            if marker["given"] == "value":
                return rule(checked)
            rule(Fields(checked))  # a ValueError here: pydantic-core words the refusal
            return checked
        if kind == "definition-ref":
            return self._check(self.refs[schema["schema_ref"]], value)
        if kind == "definitions":
            return self._check(schema["schema"], value)
        raise _No

    def _fields(self, schema: dict, value) -> dict:
        if type(value) is not dict:
            raise _No
        fields = schema["fields"]
        if schema.get("extra_behavior") == "forbid" and not set(value) <= set(fields):
            raise _No
        out = {}
        for name, field in fields.items():
            if name in value:
                out[name] = self._check(field["schema"], value[name])
            elif field["required"]:
                raise _No
            else:
                default = field["schema"]["default"]
                out[name] = default if type(default) in _IMMUTABLE else copy.deepcopy(default)
        return out


class Fields:
    """A checked dict read through attributes, as the scheme rules read a model."""

    __slots__ = ("_values",)

    def __init__(self, values: dict):
        self._values = values

    def __getattr__(self, name: str):
        try:
            return _view(self._values[name])
        except KeyError:
            raise AttributeError(name) from None


def _view(value):
    if isinstance(value, dict):
        return Fields(value)
    if isinstance(value, list):
        return [_view(v) for v in value]
    return value
