"""Benchmark: import and export of one long phone recording against `cp` and `zip -0` of the same file (goal: 0.7).

    .venv/bin/python benchmarks/large_recording.py [--size-gb 2] [--runs 3] [--folder /tmp]

Every timing starts with the recording in the page cache and no other file's writes still pending (a
`sync` first, not timed), so no measurement pays for the one before it. Import (hash, store in parts,
fold the journal into the portfolio, fsync) is compared with `cp`; export (stream out of the
portfolio, blank the place in the recording's metadata, hash, zip, fsync, plus the PDF and Word
documents) with `zip -0`. `cp` and `zip -0` alone leave their output in memory, while the portfolio
and the bundle are on the disk when Portfolio Builder says done, so both baselines are also shown
followed by `sync` of their output: both ratios are printed. `sha256` is the hashing alone, which a
content-addressed import cannot skip. Each run uses a new portfolio; the medians are the result.

The portfolio keeps write-ahead logging (WAL: a crash or full disk at any moment leaves it intact, and
the window can read while an import writes), so every byte reaches the disk twice, in the -wal and
then in the portfolio. `sha256 + 2 x (cp + sync)` estimates the least such an import can take; the
last ratio says how close to it the import comes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
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


def settle(warm_file: Path) -> None:
    """Write out every pending byte (untimed), then read the source once so the run starts from the page cache."""
    os.sync()
    with open(warm_file, "rb", buffering=0) as handle:
        while handle.read(8 * 1024 * 1024):
            pass


def timed(command: list[str]) -> float:
    """Seconds one shell command takes."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def hash_seconds(path: Path) -> float:
    """Seconds to SHA-256 the file alone, read as the import reads it."""
    start = time.perf_counter()
    digest, buffer = hashlib.sha256(), bytearray(1024 * 1024)
    with open(path, "rb", buffering=0) as handle:
        while count := handle.readinto(buffer):
            digest.update(memoryview(buffer)[:count])
    return time.perf_counter() - start


def one_run(work: Path, source: Path, number: int) -> dict[str, float]:
    """Every timing once, in one order, each from a settled page cache; the outputs are removed after."""
    times: dict[str, float] = {}
    copy, archive = work / "copy.MOV", work / "copy.zip"
    settle(source)
    times["cp"] = timed(["cp", str(source), str(copy)])
    times["cp + sync"] = times["cp"] + timed(["sync", str(copy)])
    copy.unlink()
    settle(source)
    times["zip -0"] = timed(["zip", "-0", "-q", str(archive), str(source)])
    times["zip -0 + sync"] = times["zip -0"] + timed(["sync", str(archive)])
    archive.unlink()
    settle(source)
    times["sha256"] = hash_seconds(source)

    path = work / f"bench-{number}.portfolio"
    portfolio = create_portfolio(
        path,
        shipped_framework("family-partnership-award"),
        "Benchmark School",
        lead=("Ann Patel", "Lead"),
    )
    settle(source)
    start = time.perf_counter()
    report = import_evidence(portfolio, [source], consent="obtained")
    times["import"] = time.perf_counter() - start
    assert len(report.added) == 1, report
    tag_evidence(portfolio, report.added[0], "1a", cross_reference=True)
    out = work / f"out-{number}"
    out.mkdir()
    settle(source)
    start = time.perf_counter()
    export_bundle(portfolio, out, draft=True)
    times["export"] = time.perf_counter() - start
    with portfolio.raw_connection() as conn:
        times["page size"] = conn.execute("PRAGMA page_size").fetchone()[0]
    portfolio.close()
    shutil.rmtree(out)
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    return times


def main() -> None:
    """Time the baselines and Portfolio Builder in one run and print the speed ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gb", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--folder", default=None, help="where to work (needs about 5 times the size free)"
    )
    args = parser.parse_args()
    if not shutil.which("zip"):
        sys.exit("zip is not installed (apt install zip).")
    print(
        f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory(dir=args.folder) as work:
        work = Path(work)
        recording = write_recording(
            work / "IMG_0420.MOV", int(args.size_gb * 1024**3), random_media=True
        )
        runs = [one_run(work, recording.path, number) for number in range(1, args.runs + 1)]
    gb = recording.size / 1024**3
    names = ["cp", "cp + sync", "zip -0", "zip -0 + sync", "sha256", "import", "export"]
    print(
        f"recording: {gb:.2f} GB ({recording.size:,} bytes); portfolio page size {runs[0]['page size']:.0f} bytes"
    )
    print(
        f"{'seconds':14}"
        + "".join(f"{'run ' + str(n):>8}" for n in range(1, len(runs) + 1))
        + "  median   GB/s"
    )
    median = {name: statistics.median(run[name] for run in runs) for name in names}
    for name in names:
        print(
            f"{name:14}"
            + "".join(f"{run[name]:8.2f}" for run in runs)
            + f"{median[name]:8.2f} {gb / median[name]:6.2f}"
        )
    print("speed ratios of the medians (goal: at least 0.7):")
    print(
        f"  import / cp:     {median['cp'] / median['import']:.2f}   import / (cp + sync):     "
        f"{median['cp + sync'] / median['import']:.2f}"
    )
    print(
        f"  export / zip -0: {median['zip -0'] / median['export']:.2f}   export / (zip -0 + sync): "
        f"{median['zip -0 + sync'] / median['export']:.2f}"
    )
    floor = median["sha256"] + 2 * median["cp + sync"]
    print(
        f"  import / (sha256 + 2 x (cp + sync)) = import / {floor:.2f} s, the least a WAL import can take: "
        f"{floor / median['import']:.2f}"
    )
    print(
        f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
