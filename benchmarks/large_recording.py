"""Benchmark: import and export of one long phone recording against `cp` and `zip -0` of the same file (goal: 0.7).

    .venv/bin/python benchmarks/large_recording.py [--size-gb 2] [--folder /tmp]

Every timing starts with the recording in the page cache. Import (hash, store in parts, fold the journal
into the portfolio, fsync) is compared with `cp`; export (stream out of the portfolio, blank the place in
the recording's metadata, hash, zip, fsync, plus the PDF and Word documents) with `zip -0`. Both baselines
are also shown followed by `sync` of their output, since the portfolio and the bundle are fsynced.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio_builder.core.bundle.bundle_export import export_bundle  # noqa: E402
from portfolio_builder.core.evidence.evidence_import import import_evidence  # noqa: E402
from portfolio_builder.core.evidence.evidence_links import tag_evidence  # noqa: E402
from portfolio_builder.core.framework.portfolio_setup import create_portfolio  # noqa: E402
from portfolio_builder.core.scheme.framework_catalog import shipped_framework  # noqa: E402
from tests.core.large_recordings import write_recording  # noqa: E402


def timed(command: list[str]) -> float:
    """Seconds one shell command takes."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def warm(path: Path) -> None:
    """Read a file once so every run starts from the page cache."""
    with open(path, "rb", buffering=0) as handle:
        while handle.read(8 * 1024 * 1024):
            pass


def main() -> None:
    """Time the baselines and Portfolio Builder in one run and print the speed ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gb", type=float, default=2.0)
    parser.add_argument("--folder", default=None, help="where to work (needs about 5 times the size free)")
    args = parser.parse_args()
    if not shutil.which("zip"):
        sys.exit("zip is not installed (apt install zip).")
    with tempfile.TemporaryDirectory(dir=args.folder) as work:
        work = Path(work)
        recording = write_recording(work / "IMG_0420.MOV", int(args.size_gb * 1024**3), random_media=True)
        source, size = recording.path, recording.size
        warm(source)
        copy, archive = work / "copy.MOV", work / "copy.zip"
        cp = timed(["cp", str(source), str(copy)])
        cp_sync = cp + timed(["sync", str(copy)])
        copy.unlink()
        warm(source)
        zip0 = timed(["zip", "-0", "-q", str(archive), str(source)])
        zip_sync = zip0 + timed(["sync", str(archive)])
        archive.unlink()

        portfolio = create_portfolio(work / "bench.portfolio", shipped_framework("family-partnership-award"),
                                     "Benchmark School", lead=("Ann Patel", "Lead"))
        warm(source)
        start = time.perf_counter()
        report = import_evidence(portfolio, [source], consent="obtained")
        imported = time.perf_counter() - start
        assert len(report.added) == 1, report
        tag_evidence(portfolio, report.added[0], "1a", cross_reference=True)
        out = work / "out"
        out.mkdir()
        start = time.perf_counter()
        result = export_bundle(portfolio, out, draft=True)
        exported = time.perf_counter() - start
        portfolio.close()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    gb = size / 1024**3
    print(f"recording: {gb:.2f} GB ({size:,} bytes); bundle {result.bytes_written / 1024**3:.2f} GB")
    print(f"cp          {cp:6.2f} s  {gb / cp:5.2f} GB/s   cp + sync     {cp_sync:6.2f} s")
    print(f"zip -0      {zip0:6.2f} s  {gb / zip0:5.2f} GB/s   zip -0 + sync {zip_sync:6.2f} s")
    print(f"import      {imported:6.2f} s  {gb / imported:5.2f} GB/s")
    print(f"export      {exported:6.2f} s  {gb / exported:5.2f} GB/s")
    print(f"import speed / cp:          {cp / imported:.2f}  (/ cp + sync: {cp_sync / imported:.2f})  goal 0.7")
    print(f"export speed / zip -0:      {zip0 / exported:.2f}  (/ zip -0 + sync: {zip_sync / exported:.2f})  goal 0.7")
    print(f"export speed / cp:          {cp / exported:.2f}  (/ cp + sync: {cp_sync / exported:.2f})")
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
