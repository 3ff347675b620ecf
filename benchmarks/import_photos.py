"""Measure photo import speed against a bare hash+copy+thumbnail pipeline on the same files and cores.

Run: .venv/bin/python benchmarks/import_photos.py [--count 200]
Prints files/s for (a) the reference pipeline and (b) import_evidence, and their ratio (goal >= 0.70).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CACHE = Path(tempfile.gettempdir()) / "pb-bench-photos-12mp"


def make_photo(path: str) -> str:
    """A 4000x3000 JPEG with camera-like noise and an EXIF date (about 2-4 MB)."""
    from PIL import Image, ImageFilter

    if os.path.exists(path):
        return path
    seed = int(Path(path).stem.split("_")[-1])
    noise = Image.effect_noise((1000, 750), 40 + seed % 20).convert(
        "RGB"
    )  # cheap noise, then scaled up
    base = Image.linear_gradient("L").resize((1000, 750)).convert("RGB")
    picture = (
        Image.blend(base, noise, 0.6)
        .filter(ImageFilter.SMOOTH)
        .resize((4000, 3000), Image.Resampling.BILINEAR)
    )
    grain = Image.effect_noise((4000, 3000), 12).convert("RGB")
    picture = Image.blend(picture, grain, 0.25)
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = f"2025:09:{1 + seed % 28:02d} 10:30:00"
    picture.save(path + ".part", "JPEG", quality=90, exif=exif.tobytes())
    os.replace(path + ".part", path)
    return path


def reference_one(args: tuple[str, str]) -> int:
    """The bare work per file: hash, copy, draft-mode 256 px thumbnail."""
    from PIL import Image

    source, target_dir = args
    digest = hashlib.sha256()
    with (
        open(source, "rb") as src,
        open(os.path.join(target_dir, os.path.basename(source)), "wb") as dst,
    ):
        while chunk := src.read(1024 * 1024):
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    with Image.open(source) as image:
        image.draft("RGB", (256, 256))
        image.thumbnail((256, 256))
        image.save(io.BytesIO(), "JPEG", quality=80)
    return len(digest.hexdigest())


def prepare_photos(count: int) -> tuple[list[str], int]:
    """count 12 MP photos in the cache (made once, on every core); their paths and the core count."""
    cores = os.cpu_count() or 1
    CACHE.mkdir(exist_ok=True)
    paths = [str(CACHE / f"photo_{n:04d}.jpg") for n in range(count)]
    started = time.perf_counter()
    with ProcessPoolExecutor(cores) as pool:
        list(pool.map(make_photo, paths))
    total_mb = sum(os.path.getsize(p) for p in paths) / 1e6
    print(
        f"{count} photos of 12 MP ({total_mb / count:.1f} MB each) ready in "
        f"{time.perf_counter() - started:.1f} s; {cores} cores",
        flush=True,
    )
    return paths, cores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument(
        "--repeat", type=int, default=2, help="alternate (a) and (b) this often; best of each"
    )
    args = parser.parse_args()
    paths, cores = prepare_photos(args.count)
    for p in paths:  # warm the page cache equally for both runs
        Path(p).read_bytes()

    from portfolio_builder.core.evidence.evidence_import import import_evidence
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework

    reference = imported = 0.0
    for round_number in range(1, args.repeat + 1):  # alternate, so background load hits both alike
        with tempfile.TemporaryDirectory() as work:
            started = time.perf_counter()
            with ProcessPoolExecutor(cores) as pool:
                list(pool.map(reference_one, [(p, work) for p in paths], chunksize=1))
            reference = max(reference, args.count / (time.perf_counter() - started))
        with tempfile.TemporaryDirectory() as work:
            portfolio = create_portfolio(
                Path(work) / "bench.portfolio",
                shipped_framework("family-partnership-award"),
                "Bench School",
                lead=("Ann Patel", "Lead"),
            )
            started = time.perf_counter()
            report = import_evidence(portfolio, paths)
            imported = max(imported, args.count / (time.perf_counter() - started))
            portfolio.close()
            assert len(report.added) == args.count, report.skipped[:3]
        print(
            f"round {round_number}: best so far (a) {reference:.1f} files/s, (b) {imported:.1f} files/s",
            flush=True,
        )
    print(f"(a) reference hash+copy+thumbnail: {reference:.1f} files/s")
    print(f"(b) import_evidence:               {imported:.1f} files/s")
    print(f"ratio (b)/(a): {imported / reference:.2f}  (goal >= 0.70)")


if __name__ == "__main__":
    main()
