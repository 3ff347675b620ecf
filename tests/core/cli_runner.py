"""Runs command lines written as data (tests/core/cli_journeys.py) in-process or as the real program."""

from __future__ import annotations

import io
import re
import shlex
import string
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from portfolio_builder.cli import main

CAPTURE = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s*=\s*(?P<line>.+)$")


def write_files(folder: Path, files: dict, photo_marker) -> None:
    """Write a journey's files: text as UTF-8, and a small JPEG wherever the value is the photo marker."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if content is photo_marker:
            Image.new("RGB", (64, 48), (200, 120, 60)).save(folder / name, "JPEG")
        else:
            (folder / name).write_text(content, encoding="utf-8")


def argv_of(line: str, values: dict) -> list[str]:
    """The words of a command line, $names replaced by (quoted) values."""
    quoted = {key: shlex.quote(str(value)) for key, value in values.items()}
    return shlex.split(string.Template(line).substitute(quoted))


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of cli.main(argv)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def run_program(argv: list[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of the real program in its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "portfolio_builder.cli", *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr


def run_lines(lines: list[str], values: dict, run=run_in_process) -> list[tuple[str, str]]:
    """Run each line, stopping with the line and its message at the first that does not exit 0; "name = ..."
    keeps the first line printed as $name. Returns (line, stdout) of every line."""
    outputs = []
    for line in lines:
        match = CAPTURE.match(line)
        name, command = (match["name"], match["line"]) if match else (None, line)
        code, out, err = run(argv_of(command, values))
        assert code == 0, f"'{command}' exited {code}: {err.strip()}"
        if name:
            values[name] = out.strip().splitlines()[0]
        outputs.append((line, out))
    return outputs
