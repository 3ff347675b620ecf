"""Turn a framework file's scheme tables into a Scheme, naming the table and key of any mistake.

Format 2 files spell the scheme out ([words], [scale], [evidence_rule], [priorities], [[texts]],
[[documents]] ...). Format 1 files (written before schemes were data) carry only a few flags in
[framework]; they are read into the equivalent Scheme so an old file still imports.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ValidationError

from .evidence_rule import EvidenceRule
from .model import (
    ActionPlan,
    Award,
    BestFit,
    Component,
    Deadline,
    DocumentPart,
    Final,
    Priorities,
    Scheme,
    TextPart,
    Words,
)
from .scale import Scale

FORMAT = 2
HEAD_KEYS = {"id", "name", "awarding_body", "version", "description", "source"}
LEGACY_HEAD_KEYS = {"priorities_required", "uses_components", "action_plan_theme"}
SINGLE_TABLES: dict[str, type[BaseModel]] = {
    "words": Words,
    "scale": Scale,
    "best_fit": BestFit,
    "evidence_rule": EvidenceRule,
    "priorities": Priorities,
    "award": Award,
    "action_plan": ActionPlan,
    "final": Final,
}
ARRAY_TABLES: dict[str, type[BaseModel]] = {
    "components": Component,
    "texts": TextPart,
    "deadlines": Deadline,
    "documents": DocumentPart,
}
TOP_KEYS = {"format", "framework", "themes"} | set(SINGLE_TABLES) | set(ARRAY_TABLES)


class FileProblem(ValueError):
    """A mistake in the file, with the path of the table and key it concerns (for the line number)."""

    def __init__(self, message: str, path: tuple = ()):
        super().__init__(message)
        self.path = path


def _where(path: tuple) -> str:
    shown = ".".join(str(p) for p in path if not isinstance(p, int))
    return f"[{shown}] " if shown else ""


def check_finite(value, path: tuple = ()) -> None:
    """Refuse inf and nan anywhere (TOML reads 1e400 as inf): no scale or count is infinite."""
    if isinstance(value, float) and not math.isfinite(value):
        raise FileProblem(
            f"{_where(path[:-1])}{path[-1] if path else 'a value'} must be a finite number", path
        )
    if isinstance(value, dict):
        for key, item in value.items():
            check_finite(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_finite(item, path + (index,))


def _unknown_keys(value, model: type[BaseModel], path: tuple) -> None:
    """A misspelt key must not be silently ignored: name it."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            _unknown_keys(item, model, path + (index,))
        return
    if not isinstance(value, dict):
        return
    fields = model.model_fields
    for key, item in value.items():
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise FileProblem(
                f"{_where(path)}has no key '{key}' (known keys: {known})", path + (key,)
            )
        annotation = fields[key].annotation
        inner = _model_in(annotation)
        if inner is not None:
            _unknown_keys(item, inner, path + (key,))


def _model_in(annotation) -> type[BaseModel] | None:
    """The pydantic model inside a field's annotation (Optional[X], list[X], X), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _validation_problem(exc: ValidationError, prefix: tuple = ()) -> FileProblem:
    first = exc.errors()[0]
    path = prefix + tuple(first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if not path:  # a check across tables: point at the table the message names
        path = next(
            (
                (table,)
                for table in ("documents", "deadlines", "texts", "components", "scale")
                if table in message or table.rstrip("s") in message
            ),
            (),
        )
    field = path[-1] if path and not isinstance(path[-1], int) else ""
    named = f"{field}: " if field and field not in ("__root__",) else ""
    return FileProblem(f"{_where(path[:-1] if field else path)}{named}{message}", path)


def scheme_from_tables(data: dict) -> Scheme:
    """The Scheme a parsed framework file describes (format 1 or 2)."""
    unknown_top = set(data) - TOP_KEYS
    if unknown_top:
        key = sorted(unknown_top)[0]
        raise FileProblem(f"the file has an unknown table or key '{key}'", (key,))
    head = data.get("framework")
    if not isinstance(head, dict):
        raise FileProblem("a [framework] table with id and name is required", ("framework",))
    file_format = data.get("format", 1)
    if file_format not in (1, FORMAT) or isinstance(file_format, bool):
        raise FileProblem(
            f"format must be 1 or {FORMAT}; this file may come from a newer version", ("format",)
        )
    allowed = HEAD_KEYS | (LEGACY_HEAD_KEYS if file_format == 1 else set())
    for key in head:
        if key not in allowed:
            raise FileProblem(f"[framework] has no key '{key}'", ("framework", key))
    values = {k: head[k] for k in HEAD_KEYS if k in head}
    if "version" in values:
        values["version"] = str(values["version"])
    for name, model in {**SINGLE_TABLES, **ARRAY_TABLES}.items():
        if name in data:
            if name in ARRAY_TABLES and not isinstance(data[name], list):
                raise FileProblem(f"{name} must be written as [[{name}]] tables", (name,))
            if name in SINGLE_TABLES and not isinstance(data[name], dict):
                raise FileProblem(f"[{name}] must be a table", (name,))
            _unknown_keys(data[name], model, (name,))
            values[name] = data[name]
    if file_format == 1:
        values.update(_legacy_scheme(head, data))
    if "scale" not in values:
        raise FileProblem("a [scale] table with at least one level is required", ("scale",))
    try:
        return Scheme.model_validate(values)
    except ValidationError as exc:
        raise _validation_problem(exc) from None


def _legacy_scheme(head: dict, data: dict) -> dict:
    """What a format-1 file's flags meant, as format-2 tables (only tables the file did not spell out)."""
    rule = data.get("evidence_rule") or {}
    if not isinstance(rule, dict):
        raise FileProblem("[evidence_rule] must be a table", ("evidence_rule",))
    values: dict = {
        "evidence_rule": {"min_key": rule.get("min_key", 2), "max_key": rule.get("max_key", 2)}
    }
    count = head.get("priorities_required", 0)
    if not isinstance(count, int) or isinstance(count, bool):
        raise FileProblem(
            "[framework] priorities_required must be a whole number",
            ("framework", "priorities_required"),
        )
    values["priorities"] = {"count": count, "cover_sheets": count > 0}
    components = bool(head.get("uses_components", False))
    texts = [
        {"key": "case-study", "title": "Case study"},
        {"key": "outline-plan", "title": "Outline plan"},
    ]
    values["texts"] = texts
    if components:
        values["components"] = [
            {"key": "activity", "title": "Activity evidence"},
            {"key": "generic", "title": "Generic evidence"},
            {"key": "plan", "title": "Outline plan evidence"},
        ]
        values["words"] = {"theme": "Element", "themes": "Elements"}
    plan_theme = str(head.get("action_plan_theme", "") or "")
    if plan_theme:
        values["documents"] = (
            [
                {"part": "contents"},
                {
                    "part": "themes",
                    "sheets": ["audit_sheet", "evidence_summary_sheet", "evidence_list"],
                },
                {"part": "audit_findings", "title": "Audit findings", "inside_theme": plan_theme},
                {"part": "action_plan", "title": "Action plan", "inside_theme": plan_theme},
            ]
            + (
                [
                    {"part": "priorities", "title": "Priorities"},
                    {"part": "cover_sheets", "title": "Cover sheets"},
                ]
                if count
                else []
            )
            + [{"part": "text", "text": t["key"], "title": t["title"]} for t in texts]
        )
    return values


def scheme_tables(scheme: Scheme) -> dict:
    """The scheme as format-2 tables for a framework file (defaults left out, so files stay short)."""
    dumped = scheme.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    head = {k: dumped.pop(k) for k in list(dumped) if k in HEAD_KEYS}
    head.setdefault("id", scheme.id)
    head.setdefault("name", scheme.name)
    dumped["scale"] = scheme.scale.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    dumped["scale"]["levels"] = [
        lv.model_dump(mode="json", exclude_none=True) for lv in scheme.scale.levels
    ]
    if scheme.best_fit is not None:
        dumped["best_fit"] = scheme.best_fit.model_dump(mode="json")
    return {"format": FORMAT, "framework": head, **dumped}
