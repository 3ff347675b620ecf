"""Kill tests' child processes without a fresh interpreter each: one process imports once, each trial is a fork.

`ForkingChild` starts `python -m tests.core.kill_child`, which imports the heavy modules (SQLModel, pydantic,
the PDF and Word writers) and then waits, single-threaded. Each trial is a command line as Python would take
it (`["-c", SCRIPT, *args]` or `["-m", "portfolio_builder.cli", ...]`): the waiting process forks, and the
fork, in a session of its own, runs it as that interpreter would have. It is a real, separate process that
the test SIGKILLs, with its process group (pool workers, resource tracker) when `group` is true.

The trial's stdout is this module's pipe unless sent to a file: the fork first writes MARK + "forked <pid>",
then whatever it prints; the waiting process writes MARK + "exited <code>" once it has reaped it.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARK = "\x1e"  # a record separator: never in what the tests' children print
PRELOAD = (
    "sqlmodel",
    "portfolio_builder.core.storage.portfolio_file",
    "portfolio_builder.core.storage.backup_restore",
    "portfolio_builder.core.evidence.evidence_import",
    "portfolio_builder.core.team.merge_apply",
    "portfolio_builder.core.bundle.bundle_export",
    "portfolio_builder.cli",
    "portfolio_builder.cli.evidence",
    "portfolio_builder.cli.portfolio",
)


@dataclass(frozen=True)
class Finished:
    """A trial that ran to its end: its exit code (negative: the signal that ended it) and what it printed."""

    returncode: int
    stdout: str
    stderr: str


class Trial:
    """One forked run: read what it prints line by line, then kill it or wait for its end."""

    def __init__(self, owner: ForkingChild, stderr: Path, forward_stderr: bool) -> None:
        self._owner, self._stderr, self._forward_stderr = owner, stderr, forward_stderr
        self.returncode: int | None = None
        line = owner._read_line(timeout=30)
        if not line.startswith(MARK + "forked "):
            raise RuntimeError(f"the forking child did not start a trial: {line!r}")
        self.pid = int(line.split()[-1])

    def readline(self, timeout: float = 120) -> str:
        """The next line the trial printed, or "" once it has ended."""
        if self.returncode is not None:
            return ""
        line = self._owner._read_line(timeout)
        if MARK not in line:
            return line
        printed, end = line.split(MARK, 1)
        self.returncode = int(end.split()[-1])
        if self._forward_stderr:  # a traceback shows in the test's output, as a child's would
            sys.stderr.write(_read_and_remove(self._stderr))
        return printed  # a line cut short by the kill, or ""

    def rest(self, timeout: float = 300) -> str:
        """Everything the trial prints until it ends."""
        out = []
        while line := self.readline(timeout):
            out.append(line)
        return "".join(out)

    def kill(self, group: bool = True) -> str:
        """SIGKILL the trial (and its process group); what it had printed and not yet been read."""
        if self.returncode is None:
            try:
                (os.killpg if group else os.kill)(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return self.rest(timeout=30)


class ForkingChild:
    """A Python process that has done its imports, ready to fork one trial at a time."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="kill_child-")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.core.kill_child", *PRELOAD],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self._buffer = b""
        self._trial: Trial | None = None
        self._count = 0
        if self._read_line(timeout=120) != MARK + "ready\n":
            raise RuntimeError("the forking child did not start")

    def start(
        self,
        argv: list[str],
        stdout: Path | None = None,
        stderr: Path | None = None,
        file_limit: int | None = None,
    ) -> Trial:
        """Fork a run of argv (python's arguments); file_limit caps each file it writes (RLIMIT_FSIZE).

        stdout: a file for what it prints (else Trial.readline reads it); stderr: a file (else it is
        copied to this process's stderr when the trial ends)."""
        if self._trial is not None and self._trial.returncode is None:
            self._trial.kill()  # one a failed test left running
        self._count += 1
        errors = Path(stderr or Path(self._folder.name, f"stderr-{self._count}"))
        command = {"argv": [str(a) for a in argv], "file_limit": file_limit}
        command |= {"stdout": str(stdout or ""), "stderr": str(errors)}
        self._process.stdin.write(json.dumps(command).encode() + b"\n")
        self._process.stdin.flush()
        self._trial = Trial(self, errors, forward_stderr=stderr is None)
        return self._trial

    def run(self, argv: list[str], file_limit: int | None = None, timeout: float = 300) -> Finished:
        """Fork a run of argv and wait for it, as subprocess.run(capture_output=True) would."""
        out, err = (Path(self._folder.name, f"{name}-{self._count + 1}") for name in ("out", "err"))
        trial = self.start(argv, stdout=out, stderr=err, file_limit=file_limit)
        try:
            trial.rest(timeout)
        finally:
            trial.kill()  # only if it outlived the timeout
        return Finished(trial.returncode, _read_and_remove(out), _read_and_remove(err))

    def _read_line(self, timeout: float) -> str:
        fd = self._process.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError(f"no line from the forking child within {timeout} s")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError("the forking child ended")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode() + "\n"

    def close(self) -> None:
        if self._trial is not None and self._trial.returncode is None:
            self._trial.kill()
        self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()
        self._folder.cleanup()

    def __enter__(self) -> ForkingChild:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _read_and_remove(path: Path) -> str:
    """What a trial wrote to a file ("" if it was killed before it opened it); the file removed."""
    try:
        return path.read_text(errors="replace")
    except FileNotFoundError:
        return ""
    finally:
        path.unlink(missing_ok=True)


def _run_trial(command: dict) -> int:
    """In the fork: become the process the command line would have started and run it; its exit code."""
    import resource
    import runpy
    import traceback
    import types

    os.setsid()
    os.write(1, f"{MARK}forked {os.getpid()}\n".encode())
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    for fd, path in ((1, command["stdout"]), (2, command["stderr"])):
        if path:
            os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), fd)
    if command["file_limit"] is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails (EFBIG)
        limit = command["file_limit"]
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    flag, target, *args = command["argv"]
    code = 0
    try:
        if flag == "-c":
            sys.argv = ["-c", *args]
            main = types.ModuleType("__main__")  # as `python -c` has it: no file to re-import
            sys.modules["__main__"] = main
            exec(compile(target, "<string>", "exec"), main.__dict__)
        else:
            sys.argv = [target, *args]
            runpy.run_module(target, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException:  # noqa: BLE001 - reported as python would, then the exit code 1
        traceback.print_exc()
        code = 1
    return code


def _serve() -> None:
    """Import what argv names, then fork one trial per command line read from stdin."""
    import gc
    import importlib
    import threading

    for name in sys.argv[1:]:
        importlib.import_module(name)
    assert threading.active_count() == 1, "forking needs a process with no other threads"
    # A fork's collector then leaves the imported objects alone, so their pages stay shared and a
    # fork's exit takes 0.1 s, not 0.5 s.
    gc.freeze()
    os.write(1, f"{MARK}ready\n".encode())
    for line in sys.stdin:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # then the interpreter's own exit: atexit, thread joins, flushes
            sys.exit(_run_trial(json.loads(line)))
        _, status = os.waitpid(pid, 0)
        os.write(1, f"{MARK}exited {os.waitstatus_to_exitcode(status)}\n".encode())


if __name__ == "__main__":
    _serve()
