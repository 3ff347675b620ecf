"""Export the Assessor's Report (DOCX or PDF) from a bundle's portfolio.json and the assessor's judgements."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ...errors import BadInput, PortfolioFileError
from ..assessment_model import Assessment
from .report_content import ReportContent, build_report_content

FORMATS = (".docx", ".pdf")
__all__ = ["FORMATS", "ReportContent", "build_report_content", "export_assessor_report"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def export_assessor_report(
    snapshot,
    assessment: Assessment,
    out_path: Path,
    *,
    damaged_paths=(),
    protect: tuple[Path, ...] = (),
) -> Path:
    """Write the report as .docx or .pdf (by suffix) atomically (temp + fsync + rename); never over a protected file."""
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in FORMATS:
        raise BadInput("Save the report as a .docx (Word) or .pdf file.")
    if any(_same_file(out_path, Path(p)) for p in protect):
        raise BadInput("The report cannot be saved over the bundle; choose another name.")
    content = build_report_content(snapshot, assessment, damaged_paths)
    folder = out_path.parent
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{out_path.name}.", suffix=".part", dir=folder
        )
    except OSError as exc:
        raise PortfolioFileError(f"Cannot write in {folder}: {exc.strerror or exc}.") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            if suffix == ".pdf":
                from .report_pdf import render_assessor_report_pdf

                render_assessor_report_pdf(content, out)
            else:
                from .report_docx import assessor_report_docx

                assessor_report_docx(content).save(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, out_path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise PortfolioFileError(
            f"Could not save the report to {out_path}: {exc.strerror or exc}."
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return out_path
