"""How long the portfolio PDF and the Word sheets take for a 60-descriptor, 120-item portfolio (goal: < 5 s)."""

from __future__ import annotations

import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402

from portfolio_builder.core.documents import render_portfolio_pdf, render_sheets_docx  # noqa: E402
from tests.core.snapshot_factory import fpa_snapshot  # noqa: E402


def thumbnails(count: int) -> dict[int, bytes]:
    """Small generated JPEGs, one per evidence id, like the stored 256 px previews."""
    out = {}
    for n in range(count):
        buffer = BytesIO()
        Image.new("RGB", (256, 192), ((n * 37) % 255, (n * 91) % 255, 120)).save(
            buffer, "JPEG", quality=80
        )
        out[n] = buffer.getvalue()
    return out


def main() -> None:
    snapshot = fpa_snapshot(descriptors_per_theme=(10, 10, 10, 10, 10, 10))
    key_items = sum(len(d["key_evidence"]) for t in snapshot["themes"] for d in t["descriptors"])
    photos = {e["id"] for e in snapshot["evidence"] if e["kind"] == "photo"}
    jpegs = thumbnails(max(e["id"] for e in snapshot["evidence"]) + 1)
    print(
        f"60 descriptors, {key_items} key items ({len(photos)} photos), {len(snapshot['evidence'])} items in all"
    )
    start = time.perf_counter()
    pdf = BytesIO()
    render_portfolio_pdf(snapshot, pdf, lambda eid: jpegs[eid] if eid in photos else None)
    pdf_s = time.perf_counter() - start
    start = time.perf_counter()
    sheets = render_sheets_docx(snapshot)
    docx_s = time.perf_counter() - start
    print(f"PDF  {pdf_s:.2f} s  ({len(pdf.getvalue()) // 1024} KiB)")
    print(
        f"DOCX {docx_s:.2f} s  ({len(sheets)} sheets, {sum(map(len, sheets.values())) // 1024} KiB)"
    )
    print(f"together {pdf_s + docx_s:.2f} s (goal < 5 s)")


if __name__ == "__main__":
    main()
