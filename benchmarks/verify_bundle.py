"""Benchmark: verify_bundle on the zip against `bagit` full validation of the extracted bag (goal: as fast)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import bagit  # noqa: E402

from benchmarks.export_bundle import build  # noqa: E402
from portfolio_builder.core.bundle.bundle_export import export_bundle  # noqa: E402
from portfolio_builder.core.bundle.bundle_verify import verify_bundle  # noqa: E402
from portfolio_builder.core.storage.portfolio_file import Portfolio  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        portfolio_path, _plain = build(folder, args.size_mb)
        with Portfolio.open(portfolio_path, read_only=True) as portfolio:
            bundle = export_bundle(portfolio, folder / "bundle.zip").path
        start = time.perf_counter()
        report = verify_bundle(bundle)
        ours = time.perf_counter() - start
        assert report.valid, report.problems
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(folder / "x")
            top = archive.namelist()[0].split("/")[0]
        start = time.perf_counter()
        bagit.Bag(str(folder / "x" / top)).validate(processes=1)
        theirs = time.perf_counter() - start
        start = time.perf_counter()
        bagit.Bag(str(folder / "x" / top)).validate(processes=os.cpu_count() or 1)
        theirs_parallel = time.perf_counter() - start
        mb = bundle.stat().st_size / 1e6
        print(f"bundle: {mb:.0f} MB")
        print(f"verify_bundle (zip, unextracted): {ours:6.2f} s  {mb / ours:7.0f} MB/s")
        print(f"bagit validate (extracted, 1 process): {theirs:6.2f} s  {mb / theirs:7.0f} MB/s")
        print(f"bagit validate (extracted, {os.cpu_count()} processes): {theirs_parallel:6.2f} s  "
              f"{mb / theirs_parallel:7.0f} MB/s")
        print(f"verify_bundle / bagit time: {ours / theirs:.2f} (goal <= 1.0); "
              f"against bagit on every core: {ours / theirs_parallel:.2f}")


if __name__ == "__main__":
    main()
