"""Measure redaction and face finding on 12 MP and 48 MP photos against a plain decode + re-encode of the same photo.

Run: .venv/bin/python benchmarks/redaction_speed.py [--repeat 3] [--photos 8] [--heic]
(--heic adds a 12 MP HEIC, encoded once with pillow_heif and cached: about a minute the first time.)
Each step runs in a fresh process, which reports its time (best of --repeat) and its peak resident
memory; the growth is also shown as a multiple of one decoded photo as Pillow holds it (width x
height x 4 bytes: RGB is stored as 32-bit pixels). Goals: redacting a few regions within 1.5x the
baseline's time, memory growth at most 1.25 decoded photos (one photo, plus small buffers), and
face finding on several photos clearly faster on two processes than on one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CACHE = Path(tempfile.gettempdir()) / "pb-bench-redaction"
SIZES = {"12 MP": (4000, 3000), "48 MP": (8000, 6000)}
STEPS = [
    ("baseline", "decode + re-encode (baseline)"),
    ("redact", "redact: a face blurred, a label blocked"),
    ("redact-whole", "redact: the whole photo blurred (ellipse)"),
    ("find", "find faces"),
]


def make_photo(path: Path, width: int, height: int) -> None:
    """A camera-sized JPEG built from a real portrait (scikit-image's astronaut) with sensor-like grain."""
    import numpy as np
    from PIL import Image
    from skimage import data

    if path.exists():
        return
    portrait = Image.fromarray(data.astronaut()).resize((height, height), Image.Resampling.BICUBIC)
    canvas = Image.new("RGB", (width, height), (90, 110, 130))
    canvas.paste(portrait, ((width - height) // 2, 0))
    rng = np.random.default_rng(7)
    for top in range(0, height, 1000):  # grain in bands, to keep this script's own memory down
        band = np.asarray(canvas.crop((0, top, width, min(height, top + 1000))), dtype=np.int16)
        band = band + rng.integers(-6, 7, size=band.shape, dtype=np.int16)
        canvas.paste(Image.fromarray(np.clip(band, 0, 255).astype(np.uint8)), (0, top))
    exif = Image.Exif()
    exif[0x0112] = 1
    exif.get_ifd(0x8769)[0x9003] = "2025:06:14 10:30:00"
    canvas.save(path.with_suffix(".part"), "JPEG", quality=92, exif=exif.tobytes())
    os.replace(path.with_suffix(".part"), path)


def make_heic(path: Path, jpeg: Path) -> None:
    """The 12 MP benchmark photo as a HEIC, as an iPhone would send it."""
    import pillow_heif
    from PIL import Image

    if not path.exists():
        with Image.open(jpeg) as image:
            pillow_heif.from_pillow(image.convert("RGB")).save(
                path.with_suffix(".part"), quality=80, format="HEIF"
            )
        os.replace(path.with_suffix(".part"), path)


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss it does not inherit the parent's peak)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


def child(step: str, path: str, repeat: int) -> None:
    """Runs in a fresh process: one step, best time of repeat, peak RSS before and after (printed as JSON)."""
    import io

    from PIL import Image

    import portfolio_builder.core.evidence.photo_processing  # noqa: F401 - the HEIC opener, imported by every step
    from portfolio_builder.core.privacy.redaction import Region, find_faces, redact_photo

    data = Path(path).read_bytes()
    face = Region(0.3, 0.04, 0.12, 0.32, "blur", "ellipse")
    if step == "find":
        find_faces(data[:0] + data)  # loads the networks; not what is timed
    settled = _peak_rss_mb()
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        if (
            step == "baseline"
        ):  # the least a re-encode can cost: decode, save with the photo's own tables
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image.save(io.BytesIO(), "JPEG", quality="keep")
        elif step == "redact":
            redact_photo(data, [face, Region(0.6, 0.7, 0.2, 0.1, "block")])
        elif step == "redact-whole":
            redact_photo(data, [Region(0, 0, 1, 1, "blur", "ellipse")])
        elif step == "find":
            find_faces(data)
        best = min(best, time.perf_counter() - started)
    print(json.dumps({"seconds": best, "settled_mb": settled, "peak_mb": _peak_rss_mb()}))


def run_child(step: str, path: Path, repeat: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", step, str(path), "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def cores_run(paths: list[Path], workers: int) -> tuple[float, float]:
    """(seconds, cores used) to find faces in every photo with this many worker processes (pool start included).

    Cores used is the CPU time of this process and its workers over the wall time: on an idle machine
    it shows whether the work really spread over the cores, whatever else competes for them.
    """
    import multiprocessing
    import resource

    from portfolio_builder.core.privacy.redaction import find_faces_in_photos

    def cpu() -> float:
        usage = [
            resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        ]
        return sum(u.ru_utime + u.ru_stime for u in usage)

    photos = [p.read_bytes() for p in paths]
    cpu_before, started = cpu(), time.perf_counter()
    results = list(find_faces_in_photos(photos, workers=workers))
    seconds = time.perf_counter() - started
    while multiprocessing.active_children():  # reaped workers count in RUSAGE_CHILDREN
        time.sleep(0.05)
    assert all(r.error is None for r in results)
    return seconds, (cpu() - cpu_before) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--photos", type=int, default=8, help="photos for the one-core / two-core comparison"
    )
    parser.add_argument(
        "--heic", action="store_true", help="also redact a 12 MP HEIC (baseline: the same JPEG)"
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.repeat)
        return
    CACHE.mkdir(exist_ok=True)
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; times are the best of {args.repeat}; "
        "memory is the peak RSS of a fresh process, and its growth once imports and the photo's bytes are in"
    )
    for label, (width, height) in SIZES.items():
        path = CACHE / f"portrait_{width}x{height}.jpg"
        make_photo(path, width, height)
        decoded_mb = width * height * 4 / 2**20
        print(
            f"\n{label} ({width}x{height}, {path.stat().st_size / 1e6:.1f} MB JPEG, one decoded photo = "
            f"{decoded_mb:.0f} MB)"
        )
        base = run_child("baseline", path, args.repeat)
        for step, what in STEPS:
            result = base if step == "baseline" else run_child(step, path, args.repeat)
            growth = result["peak_mb"] - result["settled_mb"]
            ratio = result["seconds"] / base["seconds"]
            print(
                f"  {what:44s} {result['seconds'] * 1000:7.0f} ms  {ratio:5.2f}x baseline   peak "
                f"{result['peak_mb']:5.0f} MB (+{growth:4.0f} MB = {growth / decoded_mb:.2f} decoded photos)"
            )
    if args.heic:
        heic = CACHE / "portrait_4000x3000.heic"
        make_heic(heic, CACHE / "portrait_4000x3000.jpg")
        base = run_child("baseline", CACHE / "portrait_4000x3000.jpg", args.repeat)
        result = run_child("redact", heic, args.repeat)
        growth = result["peak_mb"] - result["settled_mb"]
        print(
            f"\n12 MP HEIC ({heic.stat().st_size / 1e6:.1f} MB): redact {result['seconds'] * 1000:.0f} ms "
            f"({result['seconds'] / base['seconds']:.2f}x the JPEG baseline), +{growth:.0f} MB = "
            f"{growth / (4000 * 3000 * 4 / 2**20):.2f} decoded photos (the HEIF decoder's frame, then Pillow's copy)"
        )
    paths = [CACHE / "portrait_4000x3000.jpg"] * args.photos
    (one, one_cores), (two, two_cores) = cores_run(paths, 1), cores_run(paths, 2)
    print(
        f"\nfind faces in {args.photos} photos of 12 MP: in this process {one:.2f} s ({one_cores:.2f} cores used), "
        f"two worker processes {two:.2f} s ({two_cores:.2f} cores used): {one / two:.2f}x faster"
    )


if __name__ == "__main__":
    main()
