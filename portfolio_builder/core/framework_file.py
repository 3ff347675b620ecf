"""Read and write framework files (TOML), naming the line of any error found."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import tomli_w

from .errors import BadInput
from .framework_model import Descriptor, EvidenceRule, Framework, ScaleLevel, Theme

MAX_FRAMEWORK_BYTES = 2 * 1024 * 1024
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,15}$")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


class _LineFinder:
    """Finds the line of a table or key in the TOML text, for error messages."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def header_line(self, header: str, index: int) -> int | None:
        """Line (1-based) of the index-th occurrence of [[header]] or [header]."""
        seen = -1
        pattern = re.compile(r"^\s*\[\[?\s*" + re.escape(header) + r"\s*\]\]?\s*(#.*)?$")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                seen += 1
                if seen == index:
                    return number
        return None

    def key_line(self, key: str, start: int | None) -> int | None:
        """Line of `key =` at or after start, before the next table header."""
        begin = (start or 1) - 1
        for number in range(begin, len(self.lines)):
            line = self.lines[number]
            if number > begin and line.lstrip().startswith("["):
                break
            if re.match(r"^\s*" + re.escape(key) + r"\s*=", line):
                return number + 1
        return start

    def level_line(self, index: int, start: int | None) -> int | None:
        """Line of the index-th inline table in the scale's levels array."""
        seen = -1
        for number in range((start or 1) - 1, len(self.lines)):
            if self.lines[number].lstrip().startswith("{"):
                seen += 1
                if seen == index:
                    return number + 1
        return start

    def descriptor_line(self, theme_index: int, descriptor_index: int) -> int | None:
        """Line of the descriptor_index-th [[themes.descriptors]] inside theme theme_index."""
        theme_start = self.header_line("themes", theme_index) or 1
        theme_end = self.header_line("themes", theme_index + 1) or len(self.lines) + 1
        seen = -1
        for number in range(theme_start, theme_end):
            if re.match(r"^\s*\[\[\s*themes\.descriptors\s*\]\]", self.lines[number - 1]):
                seen += 1
                if seen == descriptor_index:
                    return number
        return theme_start


def _fail(source: str, line: int | None, message: str) -> BadInput:
    where = f"{source}, line {line}" if line else source
    return BadInput(f"The framework file is not valid ({where}): {message}")


def _text(value, what: str, required: bool = True, limit: int = 4000) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"{what} must be non-empty text")
    if len(value) > limit:
        raise ValueError(f"{what} is longer than {limit} characters")
    return value.strip()


def parse_framework(text: str, source: str = "framework file") -> Framework:
    """Parse and validate framework TOML text; BadInput names the line of the first error."""
    finder = _LineFinder(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise _fail(source, int(match.group(1)) if match else None, str(exc).split(" (at")[0])
    line = None
    try:
        head = data.get("framework")
        line = finder.header_line("framework", 0)
        if not isinstance(head, dict):
            raise ValueError("a [framework] table with id and name is required")
        line = finder.key_line("id", line)
        fid = _text(head.get("id"), "framework id", limit=64)
        if not re.match(r"^[a-z0-9][a-z0-9_\-]*$", fid):
            raise ValueError("framework id may hold only lower-case letters, digits, - and _")
        line = finder.key_line("name", finder.header_line("framework", 0))
        framework = Framework(
            id=fid,
            name=_text(head.get("name"), "framework name", limit=200),
            awarding_body=_text(head.get("awarding_body"), "awarding_body", required=False),
            version=str(head.get("version", "1")),
            description=_text(head.get("description"), "description", required=False),
            priorities_required=int(head.get("priorities_required", 0)),
            uses_components=bool(head.get("uses_components", False)),
            action_plan_theme=str(head.get("action_plan_theme", "")),
        )
        if not 0 <= framework.priorities_required <= 20:
            raise ValueError("priorities_required must be between 0 and 20")

        scale = data.get("scale")
        line = finder.header_line("scale", 0)
        if not isinstance(scale, dict) or not isinstance(scale.get("levels"), list) or not scale["levels"]:
            raise ValueError("a [scale] table with at least one level is required")
        framework.scale_name = _text(scale.get("name"), "scale name", required=False)
        keys = set()
        for l_index, level in enumerate(scale["levels"]):
            line = finder.level_line(l_index, finder.key_line("levels", finder.header_line("scale", 0)))
            if not isinstance(level, dict):
                raise ValueError("each scale level must be a table with key and label")
            key = _text(level.get("key"), "level key", limit=32)
            if key in keys:
                raise ValueError(f"scale level '{key}' appears twice")
            keys.add(key)
            colour = level.get("colour", "#888888")
            if not isinstance(colour, str) or not _COLOUR_RE.match(colour):
                raise ValueError(f"colour of level '{key}' must look like #RRGGBB")
            score = level.get("score")
            if score is not None and not isinstance(score, (int, float)):
                raise ValueError(f"score of level '{key}' must be a number")
            framework.levels.append(ScaleLevel(
                key=key, label=_text(level.get("label"), f"label of level '{key}'", limit=60),
                description=_text(level.get("description"), "level description", required=False),
                colour=colour, score=score))

        rule = data.get("evidence_rule", {})
        line = finder.header_line("evidence_rule", 0)
        if not isinstance(rule, dict):
            raise ValueError("[evidence_rule] must be a table")
        min_key, max_key = rule.get("min_key", 2), rule.get("max_key", 2)
        line = finder.key_line("max_key", line) if "max_key" in rule else finder.key_line("min_key", line)
        if not (isinstance(min_key, int) and isinstance(max_key, int) and 0 <= min_key <= max_key <= 10):
            raise ValueError("evidence_rule needs whole numbers with 0 <= min_key <= max_key <= 10")
        framework.rule = EvidenceRule(min_key=min_key, max_key=max_key)

        themes = data.get("themes", [])
        if not isinstance(themes, list):
            raise ValueError("themes must be written as [[themes]] tables")
        codes = set()
        for t_index, theme in enumerate(themes):
            line = finder.header_line("themes", t_index)
            if not isinstance(theme, dict):
                raise ValueError("each theme must be a table")
            line = finder.key_line("code", line)
            code = _text(str(theme.get("code", "")), "theme code", limit=16)
            if code in codes:
                raise ValueError(f"theme code '{code}' appears twice")
            codes.add(code)
            line = finder.key_line("title", finder.header_line("themes", t_index))
            new_theme = Theme(code=code, title=_text(theme.get("title"), f"title of theme {code}", limit=200),
                              description=_text(theme.get("description"), "theme description", required=False))
            descriptors = theme.get("descriptors", [])
            if not isinstance(descriptors, list):
                raise ValueError(f"descriptors of theme {code} must be [[themes.descriptors]] tables")
            for d_index, item in enumerate(descriptors):
                line = finder.descriptor_line(t_index, d_index)
                if not isinstance(item, dict):
                    raise ValueError("each descriptor must be a table with code and text")
                line = finder.key_line("code", line)
                d_code = _text(item.get("code"), "descriptor code", limit=16)
                if not _CODE_RE.match(d_code):
                    raise ValueError(f"descriptor code '{d_code}' may hold only letters, digits, '.' and '-'")
                if d_code in codes:
                    raise ValueError(f"code '{d_code}' appears twice")
                codes.add(d_code)
                line = finder.key_line("examples", finder.descriptor_line(t_index, d_index))
                examples = item.get("examples", [])
                if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
                    raise ValueError(f"examples of descriptor {d_code} must be a list of text")
                line = finder.key_line("text", finder.descriptor_line(t_index, d_index))
                new_theme.descriptors.append(Descriptor(
                    code=d_code, text=_text(item.get("text"), f"text of descriptor {d_code}"),
                    examples=[e.strip() for e in examples if e.strip()]))
            framework.themes.append(new_theme)
    except ValueError as exc:
        raise _fail(source, line, str(exc))
    except (TypeError, AttributeError) as exc:
        raise _fail(source, line, f"unexpected value ({exc})")
    return framework


def load_framework(path: Path) -> Framework:
    """Read a framework file from disk, refusing missing, huge or non-text files."""
    path = Path(path)
    if not path.is_file():
        raise BadInput(f"No framework file at {path}.")
    if path.stat().st_size > MAX_FRAMEWORK_BYTES:
        raise BadInput(f"{path.name} is too large to be a framework file.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"{path.name} is not a text (UTF-8 TOML) framework file.")
    return parse_framework(text, source=path.name)


def framework_to_toml(framework: Framework) -> str:
    """Serialise a framework to TOML text that parse_framework reads back unchanged."""
    data = {
        "framework": {
            "id": framework.id, "name": framework.name, "awarding_body": framework.awarding_body,
            "version": framework.version, "description": framework.description,
            "priorities_required": framework.priorities_required,
            "uses_components": framework.uses_components,
            "action_plan_theme": framework.action_plan_theme,
        },
        "scale": {
            "name": framework.scale_name,
            "levels": [
                {k: v for k, v in dict(key=l.key, label=l.label, description=l.description,
                                       colour=l.colour, score=l.score).items() if v is not None}
                for l in framework.levels],
        },
        "evidence_rule": {"min_key": framework.rule.min_key, "max_key": framework.rule.max_key},
        "themes": [
            {"code": t.code, "title": t.title, "description": t.description,
             "descriptors": [{"code": d.code, "text": d.text, "examples": d.examples} for d in t.descriptors]}
            for t in framework.themes],
    }
    return tomli_w.dumps(data)


def save_framework(framework: Framework, path: Path) -> None:
    """Write a framework file atomically (temp file then rename)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(framework_to_toml(framework), encoding="utf-8")
    tmp.replace(path)
