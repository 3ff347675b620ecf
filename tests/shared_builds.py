"""What many tests only read, built once per run (once per worker under xdist): the sample portfolio of each
scheme, its DRAFT bundle, the portfolio each scheme's command-line journey builds, and the hostile bundle corpus.

The paths handed out are shared: a test that opens a portfolio or changes a byte takes a copy first
(`sample_copy`, `journey_copy`, `copy_portfolio`); bundles are only ever read (the assessor never writes one).
"""

from __future__ import annotations

import shutil
from pathlib import Path


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


class SharedBuilds:
    """Builds on first use and remembers: sample portfolios, their draft bundles, journey portfolios."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._samples: dict[str, Path] = {}
        self._drafts: dict[str, Path] = {}
        self._journeys: dict[str, Path] = {}
        self._hostile: dict[str, Path] = {}

    def sample(self, scheme: str) -> Path:
        """The closed sample portfolio of scheme (build_demo), built once. Shared: never open it, take
        sample_copy."""
        if scheme not in self._samples:
            from portfolio_builder.core.demo.demo import build_demo

            self._samples[scheme] = build_demo(self.folder / "samples" / scheme, scheme=scheme)
        return self._samples[scheme]

    def sample_copy(self, scheme: str, folder: Path) -> Path:
        """A private copy of the sample of scheme in folder (same file name), to open and change."""
        return copy_portfolio(self.sample(scheme), folder)

    def sample_draft(self, scheme: str) -> Path:
        """The DRAFT bundle exported once from the sample of scheme. Shared and read only: copy it before
        changing a byte."""
        if scheme not in self._drafts:
            from portfolio_builder.core.bundle.bundle_export import export_bundle
            from portfolio_builder.core.storage.portfolio_file import Portfolio

            folder = self.folder / "drafts" / scheme
            portfolio = Portfolio.open(self.sample_copy(scheme, folder))
            try:
                result = export_bundle(portfolio, folder / "bundle.zip", draft=True)
            finally:
                portfolio.close()
            self._drafts[scheme] = Path(result.path)
        return self._drafts[scheme]

    def journey(self, scheme: str) -> Path:
        """The closed portfolio that scheme's journey of command lines (tests/core/cli_journeys.py) builds from
        an empty one, run in-process once; every line must exit 0. Shared: take journey_copy."""
        if scheme not in self._journeys:
            from tests.core.cli_journeys import JOURNEYS, PHOTO
            from tests.core.cli_runner import run_lines, write_files

            folder = self.folder / "journeys" / scheme
            lines, files = JOURNEYS[scheme]
            values = {
                "portfolio": folder / "journey.portfolio",
                "files": folder / "files",
                "out": folder / "out",
            }
            write_files(values["files"], files, PHOTO)
            values["out"].mkdir()
            run_lines(lines, values)
            self._journeys[scheme] = values["portfolio"]
        return self._journeys[scheme]

    def journey_copy(self, scheme: str, folder: Path, name: str | None = None) -> Path:
        """A private copy of the journey portfolio of scheme in folder, to open and change."""
        return copy_portfolio(self.journey(scheme), folder, name)

    def hostile_zip(self, case) -> Path:
        """The bad bundle of a HostileCase (tests/core/hostile_zips.py), built once. Shared and read only: a
        test that watches its folder or changes a byte takes a copy."""
        if case.name not in self._hostile:
            folder = self.folder / "hostile"
            folder.mkdir(parents=True, exist_ok=True)
            self._hostile[case.name] = case.build(folder / f"{case.name}.zip")
        return self._hostile[case.name]
