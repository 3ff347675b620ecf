"""Benchmark: bundle export throughput against `zip -0 -r` over the same files (goal: at least 70%)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio_builder.core.bundle.bundle_export import export_bundle  # noqa: E402
from portfolio_builder.core.framework.portfolio_setup import create_portfolio  # noqa: E402
from portfolio_builder.core.scheme.framework_catalog import shipped_framework  # noqa: E402
from portfolio_builder.core.storage.portfolio_file import Portfolio  # noqa: E402
from tests.core.portfolio_factory import add_file_evidence, make_ready  # noqa: E402

PHOTO_BYTES = 4 * 1024 * 1024
DOC_BYTES = 8 * 1024 * 1024


def fake_photo(seed: int, size: int) -> bytes:
    """A JPEG-shaped file of about size bytes: SOI, EXIF with GPS, a scan header, random scan data (0xFF bytes
    stuffed as in a real JPEG, so the privacy cleaner walks it as it walks a camera's photo) and EOI."""
    exif = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00"
    app1 = b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif
    scan = os.urandom(size - 40).replace(b"\xff", b"\xff\x00")
    return b"\xff\xd8" + app1 + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + scan + b"\xff\xd9"


def fake_pdf(size: int) -> bytes:
    """A well-formed one-page PDF of about size bytes (one large stream), with an author to remove."""
    body = os.urandom(size)
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>",
        b"<</Length %d>>stream\n" % len(body) + body + b"\nendstream",
        b"<</Author(Ann Patel)>>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R/Info 5 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def build(folder: Path, size_mb: int) -> tuple[Path, Path]:
    """A ready portfolio holding ~size_mb of photos and PDFs, and the same files in a plain folder."""
    portfolio = create_portfolio(
        folder / "bench.portfolio",
        shipped_framework("family-partnership-award"),
        "Benchmark School",
        lead=("Ann Patel", "Lead"),
    )
    make_ready(portfolio)
    plain = folder / "plain"
    plain.mkdir()
    total, n = 0, 0
    while total < size_mb * 1024 * 1024:
        if n % 3 == 2:
            data, kind, mime, name = fake_pdf(DOC_BYTES), "document", "application/pdf", f"d{n}.pdf"
        else:
            data, kind, mime, name = fake_photo(n, PHOTO_BYTES), "photo", "image/jpeg", f"p{n}.jpg"
        add_file_evidence(
            portfolio,
            data,
            f"Item {n}",
            kind=kind,
            mime_type=mime,
            original_name=name,
            consent="obtained",
            component="generic",
        )
        (plain / name).write_bytes(data)
        total += len(data)
        n += 1
    portfolio.close()
    return folder / "bench.portfolio", plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        portfolio_path, plain = build(folder, args.size_mb)
        payload = sum(p.stat().st_size for p in plain.iterdir())
        subprocess.run(["sync"], check=False)
        start = time.perf_counter()
        subprocess.run(
            ["zip", "-0", "-q", "-r", str(folder / "plain.zip"), "plain"], cwd=folder, check=True
        )
        os.sync()
        zip_seconds = time.perf_counter() - start
        with Portfolio.open(portfolio_path, read_only=True) as portfolio:
            start = time.perf_counter()
            result = export_bundle(portfolio, folder / "bundle.zip")
            export_seconds = time.perf_counter() - start
        mb = payload / 1e6
        print(f"payload: {mb:.0f} MB in {len(list(plain.iterdir()))} files")
        print(f"zip -0 -r (+sync):   {zip_seconds:6.2f} s  {mb / zip_seconds:7.0f} MB/s")
        print(
            f"export_bundle:       {export_seconds:6.2f} s  {mb / export_seconds:7.0f} MB/s "
            f"(includes PDF, Word sheets, hashing, fsync; bundle {result.bytes_written / 1e6:.0f} MB)"
        )
        print(
            f"export / zip -0 throughput: {100 * zip_seconds / export_seconds:.0f}% (goal >= 70%)"
        )
        shutil.rmtree(plain)


if __name__ == "__main__":
    main()
