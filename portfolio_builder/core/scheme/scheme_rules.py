"""A scheme's own consistency rules as plain functions, so verify can apply them without building the models.

The pydantic models in model.py and evidence_rule.py call these from their validators, and the light
portfolio.json check (core/shape/shape_check.py) calls the same functions on the parsed JSON, read
through attributes; each raises ValueError with the message a person reads.
"""

from __future__ import annotations

import re

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def walk_parts(parts):
    """Every document part, components' inner parts included, in order."""
    for part in parts:
        yield part
        yield from walk_parts(part.parts)


def check_colour(value: str) -> str:
    """A level's colour, which must look like #RRGGBB."""
    if not COLOUR.match(value):
        raise ValueError("colour must look like #RRGGBB")
    return value


def check_scale(scale):
    """A scale's level keys are distinct and its older scaling names only its levels."""
    keys = [level.key for level in scale.levels]
    if len(set(keys)) != len(keys):
        raise ValueError("two scale levels share a key")
    for band in scale.older.bands if scale.older else []:
        if band.level not in keys:
            raise ValueError(f"older scaling names level '{band.level}', which is not on the scale")
    return scale


def check_deadline(deadline):
    """A deadline counts either days or working days, never both or neither."""
    if (deadline.days is None) == (deadline.working_days is None):
        raise ValueError("a deadline has either days or working_days")
    return deadline


def check_evidence_rule(rule):
    """The key evidence minimum is not above the maximum."""
    if rule.max_key is not None and rule.min_key > rule.max_key:
        raise ValueError("min_key cannot be more than max_key")
    return rule


def check_references(scheme):
    """Components, texts and levels named by the documents and deadlines exist, each key once."""
    components = {c.key for c in scheme.components}
    texts = {t.key for t in scheme.texts}
    if len(components) != len(scheme.components) or len(texts) != len(scheme.texts):
        raise ValueError("two components or two texts share a key")
    for part in walk_parts(scheme.documents):
        if (
            part.part in ("component", "evidence")
            and part.component
            and part.component not in components
        ):
            raise ValueError(
                f"documents name component '{part.component}', which [[components]] does not list"
            )
        if part.part == "component" and not part.component:
            raise ValueError("a component part names its component")
        if part.part == "text" and part.text not in texts:
            raise ValueError(f"documents name text '{part.text}', which [[texts]] does not list")
    levels = {lv.key for lv in scheme.scale.levels}
    for deadline in scheme.deadlines:
        if deadline.level and deadline.level not in levels:
            raise ValueError(
                f"a deadline names level '{deadline.level}', which is not on the scale"
            )
    return scheme
