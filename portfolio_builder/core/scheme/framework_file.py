"""Read and write framework files (TOML): a scheme's definition and its themes, naming the line of any error."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import tomli_w

from ..errors import BadInput
from .file_tables import FileProblem, check_finite, scheme_from_tables, scheme_tables
from .framework_model import Descriptor, Framework, Theme

MAX_FRAMEWORK_BYTES = 2 * 1024 * 1024
MAX_NESTING = 24  # a framework file needs four levels; thousands would crash the TOML reader
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,15}$")
THEME_KEYS = {"code", "title", "description", "hint", "placeholder", "descriptors"}
DESCRIPTOR_KEYS = {"code", "text", "examples", "ours"}


class _LineFinder:
    """Finds the line of a table or key in the TOML text, for error messages."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def header_line(self, header: str, index: int = 0) -> int | None:
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
            if re.match(r"^\s*" + re.escape(str(key)) + r"\s*=", line):
                return number + 1
        return start

    def inline_line(self, index: int, start: int | None) -> int | None:
        """Line of the index-th inline table `{ ... }` after start (scale levels, bands)."""
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

    def path_line(self, path: tuple) -> int | None:
        """The line a scheme table path points at, as near as the text allows."""
        if not path:
            return None
        table = str(path[0])
        if len(path) == 1:
            return self.header_line(table) or self.key_line(table, 1)
        index = path[1] if isinstance(path[1], int) else 0
        start = self.header_line(table, index) or self.key_line(table, 1)
        rest = path[2:] if isinstance(path[1], int) else path[1:]
        if rest and rest[0] in ("levels", "bands") and len(rest) > 1 and isinstance(rest[1], int):
            return self.inline_line(rest[1], self.key_line(rest[0], start))
        if rest and isinstance(rest[0], str):
            return self.key_line(rest[0], start)
        return start


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


def _nesting_problem(text: str) -> int | None:
    """The line where brackets nest deeper than any framework file needs (strings and comments skipped)."""
    depth, line, quote, i = 0, 1, "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line += 1
        if quote:
            if text.startswith(quote, i) and (
                quote == "'" or quote == "'''" or text[i - 1] != "\\"
            ):
                i += len(quote)
                quote = ""
                continue
        elif ch == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote)
            continue
        elif ch in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None


def parse_framework(text: str, source: str = "framework file") -> Framework:
    """Parse and validate framework TOML text; BadInput names the line of the first error."""
    finder = _LineFinder(text)
    deep = _nesting_problem(text)
    if deep is not None:
        raise _fail(source, deep, f"brackets nest more than {MAX_NESTING} deep")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise _fail(
            source, int(match.group(1)) if match else None, str(exc).split(" (at")[0]
        ) from exc
    except RecursionError:
        raise _fail(source, None, "brackets nest too deep") from None
    try:
        check_finite(data)
        scheme = scheme_from_tables(data)
    except FileProblem as problem:
        raise _fail(source, finder.path_line(problem.path), str(problem)) from problem
    framework = Framework(scheme=scheme)
    _read_themes(data, framework, finder, source)
    theme_codes = {t.code for t in framework.themes}
    for part in scheme.document_parts():
        if part.inside_theme and part.inside_theme not in theme_codes:
            raise _fail(
                source,
                finder.header_line("documents"),
                f"a document part goes inside theme '{part.inside_theme}', which [[themes]] does not list",
            )
    return framework


def _read_themes(data: dict, framework: Framework, finder: _LineFinder, source: str) -> None:
    themes = data.get("themes", [])
    line = finder.header_line("themes")
    try:
        if not isinstance(themes, list):
            raise ValueError("themes must be written as [[themes]] tables")
        codes: set[str] = set()
        for t_index, theme in enumerate(themes):
            line = finder.header_line("themes", t_index)
            if not isinstance(theme, dict):
                raise ValueError("each theme must be a table")
            unknown = set(theme) - THEME_KEYS
            if unknown:
                raise ValueError(f"a theme has no key '{sorted(unknown)[0]}'")
            line = finder.key_line("code", line)
            code = _text(str(theme.get("code", "")), "theme code", limit=16)
            if code.lower() in codes:
                raise ValueError(f"theme code '{code}' appears twice")
            codes.add(code.lower())
            line = finder.key_line("title", finder.header_line("themes", t_index))
            new_theme = Theme(
                code=code,
                title=_text(theme.get("title"), f"title of theme {code}", limit=200),
                description=_text(theme.get("description"), "theme description", required=False),
                hint=_text(theme.get("hint"), "theme hint", required=False),
                placeholder=theme.get("placeholder", False) is True,
            )
            descriptors = theme.get("descriptors", [])
            if not isinstance(descriptors, list):
                raise ValueError(
                    f"descriptors of theme {code} must be [[themes.descriptors]] tables"
                )
            for d_index, item in enumerate(descriptors):
                line = finder.descriptor_line(t_index, d_index)
                new_theme.descriptors.append(_descriptor(item, codes, finder, t_index, d_index))
            framework.themes.append(new_theme)
    except _AtLine as exc:
        raise _fail(source, exc.line, exc.message) from exc
    except ValueError as exc:
        raise _fail(source, line, str(exc)) from exc
    except (TypeError, AttributeError) as exc:
        raise _fail(source, line, f"unexpected value ({exc})") from exc


class _AtLine(Exception):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message, self.line = message, line


def _descriptor(
    item, codes: set[str], finder: _LineFinder, t_index: int, d_index: int
) -> Descriptor:
    start = finder.descriptor_line(t_index, d_index)

    def at(key: str):
        return finder.key_line(key, start)

    if not isinstance(item, dict):
        raise _AtLine("each descriptor must be a table with code and text", start)
    unknown = set(item) - DESCRIPTOR_KEYS
    if unknown:
        raise _AtLine(f"a descriptor has no key '{sorted(unknown)[0]}'", start)
    try:
        d_code = _text(item.get("code"), "descriptor code", limit=16)
    except ValueError as exc:
        raise _AtLine(str(exc), at("code")) from exc
    if not CODE_RE.match(d_code):
        raise _AtLine(
            f"descriptor code '{d_code}' may hold only letters, digits, '.' and '-'", at("code")
        )
    if d_code.lower() in codes:
        raise _AtLine(
            f"code '{d_code}' appears twice (codes are the same whatever their case)", at("code")
        )
    codes.add(d_code.lower())
    examples = item.get("examples", [])
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise _AtLine(f"examples of descriptor {d_code} must be a list of text", at("examples"))
    try:
        text = _text(item.get("text"), f"text of descriptor {d_code}")
    except ValueError as exc:
        raise _AtLine(str(exc), at("text")) from exc
    return Descriptor(
        code=d_code,
        text=text,
        examples=[e.strip() for e in examples if e.strip()],
        ours=item.get("ours", False) is True,
    )


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
        raise BadInput(f"{path.name} is not a text (UTF-8 TOML) framework file.") from None
    return parse_framework(text, source=path.name)


def framework_to_toml(framework: Framework) -> str:
    """Serialise a framework to format-2 TOML text that parse_framework reads back unchanged."""
    data = scheme_tables(framework.scheme)
    themes = []
    for t in framework.themes:
        theme: dict = {"code": t.code, "title": t.title}
        if t.description:
            theme["description"] = t.description
        if t.hint:
            theme["hint"] = t.hint
        if t.placeholder:
            theme["placeholder"] = True
        theme["descriptors"] = [
            {
                "code": d.code,
                "text": d.text,
                "examples": d.examples,
                **({"ours": True} if d.ours else {}),
            }
            for d in t.descriptors
        ]
        themes.append(theme)
    data["themes"] = themes
    return tomli_w.dumps(data)


def save_framework(framework: Framework, path: Path) -> None:
    """Write a framework file atomically (temp file then rename)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(framework_to_toml(framework), encoding="utf-8")
    tmp.replace(path)
