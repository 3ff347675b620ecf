"""Benchmark: `portfolio-builder verify` against `python -m bagit --validate`, as whole processes (goal: as fast).

What a user waits for is the whole command, interpreter start and imports included, so both run as
fresh processes on the same bundle, alternately, --runs times each, and the medians are compared.
They do not do the same work, and the figures say so:

- `portfolio-builder verify BUNDLE.zip` reads the zip as it is (nothing extracted): bagit.txt, every
  sha256 in the payload and tag manifests, the Payload-Oxum, names safe on every system, no file
  outside the manifest, and data/portfolio.json checked against the portfolio shape.
- `python -m bagit --validate DIR` checks the same BagIt rules (declaration, manifests of every
  algorithm, tag manifests, Oxum, no stray files) on a bag already extracted to a folder (bagit
  validates folders only), so the extraction is not counted against it.

Both commands run with their bytecode cached, as an installed program has it (pip writes it on install, a
frozen build ships it): when the environment sets PYTHONDONTWRITEBYTECODE (as some sandboxes do), our modules
would otherwise be compiled from source on every run while bagit's come precompiled from site-packages, so the
runs get a private PYTHONPYCACHEPREFIX instead (nothing is written into the tree); --no-bytecode-cache measures
the environment as it is.

By default the bundle is the sample portfolio's (what `portfolio-builder sample` exports, about 1 MB);
--size-mb N builds a ready portfolio of about N MB of photos and PDFs instead (benchmarks/export_bundle.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sample_bundle(folder: Path) -> Path:
    """The sample portfolio's bundle (a DRAFT, as `portfolio-builder sample` makes it)."""
    from portfolio_builder.core.bundle.bundle_export import export_bundle
    from portfolio_builder.core.demo.demo import build_demo
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    with Portfolio.open(build_demo(folder / "sample"), read_only=True) as portfolio:
        return export_bundle(portfolio, folder / "sample-bundle.zip", draft=True).path


def large_bundle(folder: Path, size_mb: int) -> Path:
    """A ready portfolio's bundle holding about size_mb of evidence."""
    from benchmarks.export_bundle import build
    from portfolio_builder.core.bundle.bundle_export import export_bundle
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    portfolio_path, _plain = build(folder, size_mb)
    with Portfolio.open(portfolio_path, read_only=True) as portfolio:
        return export_bundle(
            portfolio, folder / "bundle.zip", include_untagged=True
        ).path  # its items are untagged


def run(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds one whole process takes; it must succeed (exit 0)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[:500]}"
        )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=10, help="processes of each command (default 10)"
    )
    parser.add_argument(
        "--size-mb", type=int, default=0, help="a built bundle of about N MB instead of the sample"
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="keep the environment's PYTHONDONTWRITEBYTECODE (our modules compiled on every run)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        bundle = large_bundle(folder, args.size_mb) if args.size_mb else sample_bundle(folder)
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(folder / "extracted")
            top = archive.namelist()[0].split("/")[0]
        ours_command = [sys.executable, "-m", "portfolio_builder.cli", "verify", str(bundle)]
        bagit_command = [
            sys.executable,
            "-m",
            "bagit",
            "--validate",
            str(folder / "extracted" / top),
        ]
        env = dict(os.environ)
        if not args.no_bytecode_cache and env.pop("PYTHONDONTWRITEBYTECODE", None):
            env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        (
            run(ours_command, env),
            run(bagit_command, env),
        )  # warm the file cache and the bytecode of both
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(run(ours_command, env))
            theirs.append(run(bagit_command, env))
        ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
        print(
            f"bundle: {bundle.stat().st_size / 1e6:.1f} MB, {len(zipfile.ZipFile(bundle).namelist())} files; "
            f"{args.runs} runs of each, alternately; medians (min-max); bytecode "
            f"{'cached (a private PYTHONPYCACHEPREFIX)' if 'PYTHONPYCACHEPREFIX' in env else 'as the environment has it'}"
        )
        print(
            f"portfolio-builder verify (zip, unextracted): {ours_s:6.3f} s ({min(ours):.3f}-{max(ours):.3f})"
        )
        print(
            f"python -m bagit --validate (extracted):      {theirs_s:6.3f} s "
            f"({min(theirs):.3f}-{max(theirs):.3f})"
        )
        print(f"verify / bagit: {ours_s / theirs_s:.2f} (goal <= 1.00)")


if __name__ == "__main__":
    main()
