"""What many tests only read, built once per run: the ready portfolio and its bundle, the sample portfolio of
each scheme and its DRAFT bundle, the portfolio each scheme's command-line journey builds, the hostile bundles.

Under pytest-xdist the first worker to ask builds into the run's common folder while holding a lock, and the
other workers load what it saved (so a bundle is exported once per run, not once per worker). The paths handed
out are shared: a test that opens a portfolio or changes a byte takes a copy first (`sample_copy`,
`journey_copy`, `copy_portfolio`); bundles are only ever read (the assessor never writes one).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no flock; each worker then builds its own
    fcntl = None  # type: ignore[assignment]


def copy_portfolio(source: Path, folder: Path, name: str | None = None) -> Path:
    """A private copy of a closed portfolio file (and its -wal/-shm if any) in folder; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or source.name)
    shutil.copyfile(source, target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{source}{suffix}")
        if side.exists():
            shutil.copyfile(side, Path(f"{target}{suffix}"))
    return target


def common_folder(tmp_path_factory) -> Path:
    """Where this run's shared builds go: the folder above the workers' own under xdist (made afresh by each
    run), else a folder of this session's."""
    if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None:
        folder = tmp_path_factory.getbasetemp().parent / "shared-builds"
        folder.mkdir(exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("shared-builds")


@contextlib.contextmanager
def _locked(lock: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class SharedBuilds:
    """Builds each thing on first use, once per run, and remembers it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made: dict[str, Any] = {}

    def once(self, key: str, build: Callable[[Path], Any]) -> Any:
        """build(an empty folder of its own) run once per run; its result (picklable, paths inside that
        folder) is saved beside it for the other workers."""
        if key not in self._made:
            folder, saved = self.folder / key, self.folder / f"{key}.pickle"
            with _locked(self.folder / f"{key}.lock"):
                if saved.exists():
                    self._made[key] = pickle.loads(saved.read_bytes())
                else:
                    shutil.rmtree(folder, ignore_errors=True)  # a build that failed half-way
                    folder.mkdir()
                    self._made[key] = build(folder)
                    saved.write_bytes(pickle.dumps(self._made[key]))
        return self._made[key]

    def sample(self, scheme: str) -> Path:
        """The closed sample portfolio of scheme (build_demo). Shared: never open it, take sample_copy."""
        from portfolio_builder.core.demo.demo import build_demo

        return self.once(f"sample-{scheme}", lambda folder: build_demo(folder, scheme=scheme))

    def sample_copy(self, scheme: str, folder: Path) -> Path:
        """A private copy of the sample of scheme in folder (same file name), to open and change."""
        return copy_portfolio(self.sample(scheme), folder)

    def sample_draft(self, scheme: str) -> Path:
        """The DRAFT bundle exported from the sample of scheme. Shared and read only: copy it before changing a
        byte."""

        def export(folder: Path) -> Path:
            from portfolio_builder.core.bundle.bundle_export import export_bundle
            from portfolio_builder.core.storage.portfolio_file import Portfolio

            with Portfolio.open(self.sample_copy(scheme, folder)) as portfolio:
                return Path(export_bundle(portfolio, folder / "bundle.zip", draft=True).path)

        return self.once(f"draft-{scheme}", export)

    def journey(self, scheme: str) -> Path:
        """The closed portfolio that scheme's journey of command lines (tests/core/cli_journeys.py) builds from
        an empty one, run in-process; every line must exit 0. Shared: take journey_copy."""

        def run(folder: Path) -> Path:
            from tests.core.cli_journeys import JOURNEYS, PHOTO
            from tests.core.cli_runner import run_lines, write_files

            lines, files = JOURNEYS[scheme]
            values = {
                "portfolio": folder / "journey.portfolio",
                "files": folder / "files",
                "out": folder / "out",
            }
            write_files(values["files"], files, PHOTO)
            values["out"].mkdir()
            run_lines(lines, values)
            return values["portfolio"]

        return self.once(f"journey-{scheme}", run)

    def journey_copy(self, scheme: str, folder: Path, name: str | None = None) -> Path:
        """A private copy of the journey portfolio of scheme in folder, to open and change."""
        return copy_portfolio(self.journey(scheme), folder, name)

    def hostile_zip(self, case) -> Path:
        """The bad bundle of a HostileCase (tests/core/hostile_zips.py). Shared and read only: a test that
        watches its folder or changes a byte takes a copy."""
        return self.once(
            f"hostile-{case.name}", lambda folder: case.build(folder / f"{case.name}.zip")
        )

    def ready(self) -> Any:
        """A ready Family Partnership Award portfolio exported as a final bundle, as a SimpleNamespace: result
        (ExportResult), evidence (ids per descriptor), progress (every (done, total, name) the export
        reported) and portfolio (the closed file). Shared and read only."""

        def build(folder: Path) -> Any:
            from types import SimpleNamespace

            from tests.core.portfolio_factory import new_oak_portfolio, ready_bundle

            progress: list[tuple[int, int, str]] = []
            portfolio = new_oak_portfolio(folder / "oak.portfolio")
            try:
                result, evidence = ready_bundle(
                    portfolio, folder, progress=lambda d, t, n: progress.append((d, t, n))
                )
            finally:
                portfolio.close()
            return SimpleNamespace(
                result=result, evidence=evidence, progress=progress, portfolio=portfolio.path
            )

        return self.once("ready", build)
