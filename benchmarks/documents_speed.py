"""How long the portfolio PDF and the Word sheets take for a 60-descriptor portfolio (goal: < 5 s together).

The PDF is timed three times in the same run: as shipped (paragraphs break their lines once per width,
core/documents/pdf_paragraph.py, and the first pass lays out without drawing, pdf_contents.py), with
ReportLab's own Paragraph.wrap, and with ReportLab's own multiBuild drawing every pass; the PDFs must
be the same but for their dates. The Word sheets are timed as shipped (from the trimmed house
template, core/documents/docx_template.py) and from python-docx's whole blank document with the same house
styles as the baseline. Run: PYTHONPATH=. .venv/bin/python benchmarks/documents_speed.py
"""

from __future__ import annotations

import functools
import re
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx import Document  # noqa: E402
from PIL import Image  # noqa: E402
from reportlab.platypus import BaseDocTemplate, paragraph  # noqa: E402

from portfolio_builder.core.documents import (  # noqa: E402
    docx_common,
    docx_template,
    render_portfolio_pdf,
    render_sheets_docx,
)
from portfolio_builder.core.documents.pdf_contents import PortfolioDocTemplate  # noqa: E402
from portfolio_builder.core.documents.pdf_paragraph import Paragraph  # noqa: E402
from tests.core.snapshot_factory import fpa_snapshot  # noqa: E402

ROUNDS = 5


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


def _undated(pdf: bytes) -> bytes:
    return re.sub(rb"/ID\s*\[[^\]]*\]", b"", re.sub(rb"\(D:\d{14}[^)]*\)", b"", pdf))


def _timed(render) -> tuple[float, object]:
    start = time.perf_counter()
    result = render()
    return time.perf_counter() - start, result


def _pdf(snapshot, thumbnail) -> bytes:
    out = BytesIO()
    render_portfolio_pdf(snapshot, out, thumbnail)
    return out.getvalue()


def _own_wrap_pdf(snapshot, thumbnail) -> bytes:
    """The baseline where every wrap breaks the lines again."""
    with mock.patch.object(Paragraph, "wrap", paragraph.Paragraph.wrap):
        return _pdf(snapshot, thumbnail)


def _every_pass_drawn_pdf(snapshot, thumbnail) -> bytes:
    """The baseline where ReportLab draws every pass, the first one too."""
    with mock.patch.object(PortfolioDocTemplate, "multiBuild", BaseDocTemplate.multiBuild):
        return _pdf(snapshot, thumbnail)


def _untrimmed_docx(snapshot) -> dict[str, bytes]:
    """The baseline where every sheet starts from python-docx's whole blank document."""
    with mock.patch.object(docx_common, "house_template", _untrimmed_template):
        return render_sheets_docx(snapshot)


@functools.cache
def _untrimmed_template() -> bytes:
    """The baseline: python-docx's blank document with the house styles, nothing removed."""
    doc = Document()
    docx_template._house_styles(doc)
    return docx_common.to_bytes(doc)


def main() -> None:
    snapshot = fpa_snapshot(descriptors_per_theme=(10, 10, 10, 10, 10, 10))
    key_items = sum(len(d.key_evidence) for t in snapshot.themes for d in t.descriptors)
    photos = {e.id for e in snapshot.evidence if e.kind == "photo"}
    jpegs = thumbnails(max(e.id for e in snapshot.evidence) + 1)
    print(
        f"60 descriptors, {key_items} key items ({len(photos)} photos), {len(snapshot.evidence)} items in all"
    )
    thumbnail = lambda eid: jpegs[eid] if eid in photos else None  # noqa: E731
    variants = {  # each rendered in turn, ROUNDS times: the medians are compared
        "pdf": lambda: _pdf(snapshot, thumbnail),
        "own wrap": lambda: _own_wrap_pdf(snapshot, thumbnail),
        "every pass drawn": lambda: _every_pass_drawn_pdf(snapshot, thumbnail),
        "docx": lambda: render_sheets_docx(snapshot),
        "untrimmed docx": lambda: _untrimmed_docx(snapshot),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    results: dict = {}
    for _ in range(ROUNDS):
        for name, render in variants.items():
            took, results[name] = _timed(render)
            times[name].append(took)
    pdf_s, base_s, drawn_s, docx_s, base_docx_s = (statistics.median(times[n]) for n in variants)
    pdf, sheets, base_sheets = results["pdf"], results["docx"], results["untrimmed docx"]
    for baseline in ("own wrap", "every pass drawn"):
        assert _undated(pdf) == _undated(results[baseline]), f"the PDFs differ ({baseline})"
    print(
        f"PDF  {pdf_s:.2f} s  ({len(pdf) // 1024} KiB), median of {ROUNDS}, in turn with the baselines"
    )
    print(
        f"     {base_s:.2f} s with ReportLab's own wrap: {pdf_s / base_s:.2f} of the baseline, same PDF"
    )
    print(
        f"     {drawn_s:.2f} s with every pass drawn: {pdf_s / drawn_s:.2f} of the baseline, same PDF"
    )
    print(
        f"DOCX {docx_s:.2f} s  ({len(sheets)} sheets, {sum(map(len, sheets.values())) // 1024} KiB)"
    )
    print(
        f"     {base_docx_s:.2f} s from python-docx's whole template "
        f"({sum(map(len, base_sheets.values())) // 1024} KiB): {docx_s / base_docx_s:.2f} of the baseline"
    )
    print(f"together {pdf_s + docx_s:.2f} s (goal < 5 s)")


if __name__ == "__main__":
    main()
