"""Opening (verifying) a large bundle: progress within the first second, and within 1.5x of `sha256sum` on its files.

Run: .venv/bin/python benchmarks/open_bundle_speed.py [--size-mb 1024] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio_builder.core.assessor.bundle_session import BundleSession  # noqa: E402
from portfolio_builder.core.bundle.bundle_writer import BundleWriter  # noqa: E402
from tests.core.snapshot_factory import _evidence, empty_snapshot_dict  # noqa: E402

FILE_MB = 8  # photo/video-sized evidence files of incompressible bytes


def _snapshot(items: list[dict]) -> dict:
    """A new FPA portfolio.json (the tests' own) carrying the benchmark's evidence items."""
    snapshot = empty_snapshot_dict()
    snapshot["evidence"], snapshot["staff"] = items, []
    return snapshot


def build_bundle(folder: Path, size_mb: int) -> Path:
    """A valid bag of size_mb of stored media written with the project's own BundleWriter."""
    count = max(1, size_mb // FILE_MB)
    chunk = os.urandom(1024 * 1024)
    items = []
    out = folder / "big-bundle.zip"
    with BundleWriter(
        out, "Benchmark-School-FPA-2026-01-01", count * FILE_MB * 1024 * 1024
    ) as writer:
        for n in range(count):
            path = f"evidence/1/1a-{n + 1}-clip-{n:04d}.mp4"
            data = (chunk[n % 997 :] + chunk[: n % 997] for _ in range(FILE_MB))
            written = writer.add_payload(path, data, FILE_MB * 1024 * 1024, "video/mp4")
            items.append(
                _evidence(
                    n + 1,
                    f"Clip {n}",
                    kind="video",
                    path=path,
                    sha256=written.sha256,
                    size=written.size,
                    mime_type="video/mp4",
                    original_name="",
                )
            )
        writer.add_payload_bytes("portfolio.json", json.dumps(_snapshot(items)).encode())
        writer.finish({"External-Identifier": "urn:uuid:00000000-0000-4000-8000-00000000bench"})
    return out


def extract_payload(bundle: Path, folder: Path) -> list[Path]:
    """The payload files as plain files, for the sha256sum baseline (done once, untimed)."""
    paths = []
    with zipfile.ZipFile(bundle) as z:
        for info in z.infolist():
            if "/data/" in info.filename and not info.is_dir():
                target = folder / info.filename.split("/data/", 1)[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                with z.open(info) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
                paths.append(target)
    return paths


def time_sha256sum(paths: list[Path]) -> float:
    start = time.perf_counter()
    subprocess.run(["sha256sum", *map(str, paths)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_open(bundle: Path) -> tuple[float, float, int, bool]:
    """(seconds to the first progress callback, total seconds, callbacks, valid) for BundleSession.open."""
    calls = []
    start = time.perf_counter()
    session = BundleSession.open(
        bundle, progress=lambda done, total, *_: calls.append(time.perf_counter())
    )
    total = time.perf_counter() - start
    valid = session.valid
    session.close()
    return (calls[0] - start) if calls else float("inf"), total, len(calls), valid


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="pb-open-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        bundle = build_bundle(work, args.size_mb)
        size = bundle.stat().st_size
        print(f"bundle: {size / 1e6:.0f} MB written in {time.perf_counter() - t0:.1f} s ({bundle})")
        paths = extract_payload(bundle, work / "payload")
        time_sha256sum(paths)  # warm the page cache for both sides alike
        time_open(bundle)
        baseline = min(time_sha256sum(paths) for _ in range(2))
        runs = [time_open(bundle) for _ in range(2)]
        first, total, callbacks, valid = min(runs, key=lambda r: r[1])
        ratio = total / baseline
        print(
            f"sha256sum over the {len(paths)} extracted payload files: {baseline:.2f} s "
            f"({size / 1e6 / baseline:.0f} MB/s)"
        )
        print(
            f"open + verify (BundleSession.open): {total:.2f} s ({size / 1e6 / total:.0f} MB/s), valid={valid}"
        )
        print(f"first progress callback after {first * 1000:.1f} ms; {callbacks} callbacks")
        print(
            f"ratio to sha256sum: {ratio:.2f}x (limit 1.5x) -> {'PASS' if ratio <= 1.5 else 'FAIL'}; "
            f"first progress within 1 s -> {'PASS' if first < 1 else 'FAIL'}"
        )
        return 0 if ratio <= 1.5 and first < 1 and valid else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
