"""Export with redaction: the same portfolio of camera photos exported as they are, then with regions on every photo.

Run: .venv/bin/python benchmarks/export_redacted.py [--photos 4] [--size 48]
Photos are the redaction benchmark's real portrait at 12 or 48 MP (made once, cached). Each export runs
in a fresh process that reports its time and peak resident memory growth; the growth is shown as a
multiple of one decoded photo (width x height x 4 bytes, as Pillow holds RGB). Goals: the redacted
export holds at most about one decoded photo more than the plain one (photos are painted one at a time,
never together), and its extra time is that of decoding and re-encoding each photo once.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from redaction_speed import CACHE, SIZES, _peak_rss_mb, make_photo  # noqa: E402

REGIONS = [("0.3,0.04,0.12,0.32", "blur", "ellipse"), ("0.6,0.7,0.2,0.1", "block", "rectangle")]


def build(folder: Path, photo: Path, count: int) -> Path:
    """A portfolio holding the photo count times (each a little different, so each is stored), all presented."""
    from portfolio_builder.core.evidence.evidence_import import import_evidence
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework

    path = folder / "bench.portfolio"
    with create_portfolio(
        path, shipped_framework("family-partnership-award"), "Benchmark School"
    ) as portfolio:
        data = photo.read_bytes()
        files = []
        for n in range(count):
            copy = folder / f"photo-{n}.jpg"
            copy.write_bytes(
                data[:-2] + bytes([n]) * 2 + data[-2:]
            )  # a different file, the same picture
            files.append(copy)
        codes = [f"1{letter}" for letter in "abcdefghij"]
        for n, file in enumerate(files):
            import_evidence(
                portfolio, [file], descriptor_codes=[codes[n // 2]], consent="obtained", workers=1
            )
    return path


def child(path: str, redacted: bool) -> None:
    """Runs in a fresh process: one draft export, its time and peak memory growth (printed as JSON)."""
    from portfolio_builder.core.bundle.bundle_export import export_bundle
    from portfolio_builder.core.evidence.region_service import set_regions
    from portfolio_builder.core.privacy.redaction import Region
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    with Portfolio.open(Path(path)) as portfolio:
        with portfolio.raw_connection() as conn:
            ids = [row[0] for row in conn.execute("SELECT id FROM evidence_item")]
        regions = [Region.parse(",".join(parts)) for parts in REGIONS] if redacted else []
        for evidence_id in ids:
            set_regions(portfolio, evidence_id, regions)
        settled = _peak_rss_mb()
        started = time.perf_counter()
        result = export_bundle(
            portfolio, Path(path).with_name(f"bundle-{redacted}.zip"), draft=True
        )
        seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "settled_mb": settled,
                "peak_mb": _peak_rss_mb(),
                "mb": result.bytes_written / 1e6,
            }
        )
    )


def run_child(path: Path, redacted: bool) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), str(int(redacted))],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=4)
    parser.add_argument(
        "--size", type=int, choices=(12, 48), default=48, help="megapixels per photo"
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1] == "1")
        return
    width, height = SIZES[f"{args.size} MP"]
    CACHE.mkdir(exist_ok=True)
    photo = CACHE / f"portrait_{width}x{height}.jpg"
    make_photo(photo, width, height)
    decoded_mb = width * height * 4 / 2**20
    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp), photo, args.photos)
        plain, redacted = run_child(path, False), run_child(path, True)
    print(
        f"{args.photos} photos of {args.size} MP ({photo.stat().st_size / 1e6:.1f} MB each; one decoded photo = "
        f"{decoded_mb:.0f} MB), draft export in a fresh process each"
    )
    base_growth = plain["peak_mb"] - plain["settled_mb"]
    for label, result in (("as they are (baseline)", plain), ("with 2 regions each", redacted)):
        growth = result["peak_mb"] - result["settled_mb"]
        print(
            f"  {label:24s} {result['seconds']:6.2f} s  {result['seconds'] / plain['seconds']:5.2f}x baseline  "
            f"{(result['seconds'] - plain['seconds']) / args.photos:5.2f} s more a photo  "
            f"peak +{growth:4.0f} MB (+{growth - base_growth:4.0f} MB over the baseline = "
            f"{(growth - base_growth) / decoded_mb:.2f} decoded photos)  bundle {result['mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
