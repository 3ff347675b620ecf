"""Bundles for the assessor tests: exported from a real portfolio when the exporter exists, else hand-bagged."""

from __future__ import annotations

import hashlib
import json
import zipfile
from io import BytesIO
from pathlib import Path

from tests.core.snapshot_factory import fpa_snapshot_dict, tiny_jpeg

BUNDLE_UUID = "urn:uuid:7d1c2a4e-2b7f-4a0c-9a51-0c6f2f1e9b10"


def tiny_pdf(title: str) -> bytes:
    """A one-page PDF naming the evidence item."""
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, title)
    page.save()
    return buffer.getvalue()


def hand_bagged_bundle(out: Path, snapshot: dict | None = None) -> Path:
    """A bundle written with the project's BundleWriter from a snapshot: evidence, sheets, portfolio.pdf."""
    from portfolio_builder.core.bundle.bundle_writer import BundleWriter

    snapshot = snapshot or fpa_snapshot_dict()
    with BundleWriter(out, "Oak-Academy-Family-Partnership-Award-2026-05-01") as writer:
        for item in snapshot["evidence"]:
            path = item.get("path")
            if not path or not item.get("included"):
                continue
            data = tiny_jpeg() if path.endswith(".jpg") else tiny_pdf(item["title"])
            item["sha256"], item["size"] = hashlib.sha256(data).hexdigest(), len(data)
            writer.add_payload_bytes(path, data)
        writer.add_payload_bytes("portfolio.pdf", tiny_pdf("Portfolio"))
        writer.add_payload_bytes("sheets/action-plan.docx", _tiny_docx("Action plan"))
        writer.add_payload_bytes("portfolio.json", json.dumps(snapshot).encode("utf-8"))
        writer.finish(
            {
                "External-Identifier": BUNDLE_UUID,
                "Source-Organization": snapshot["setting"]["name"],
                "Scheme": snapshot["scheme"]["name"],
            }
        )
    return out


def _tiny_docx(title: str) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def exported_bundle(folder: Path) -> Path:
    """A bundle exported by export_bundle from a real portfolio: the sample one if it builds, else the test factory's."""
    from portfolio_builder.core.bundle.bundle_export import export_bundle
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    folder.mkdir(parents=True, exist_ok=True)
    try:
        from portfolio_builder.core.demo.demo import build_demo

        path = build_demo(folder / "demo")
    except ImportError:  # the sample builder's own modules have not all landed yet
        path = _factory_portfolio(folder / "oak.portfolio")
    portfolio = Portfolio.open(path)
    try:
        result = export_bundle(portfolio, folder / "bundle.zip", draft=True)
    finally:
        portfolio.close()
    return Path(result.path)


def _factory_portfolio(path: Path) -> Path:
    """A ready FPA portfolio from the bundle engineer's factory, plus a PDF and a video link."""
    from portfolio_builder.core.evidence.evidence_links import tag_evidence
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework
    from tests.core.portfolio_factory import add_file_evidence, add_link_evidence, make_ready

    portfolio = create_portfolio(
        path,
        shipped_framework("family-partnership-award"),
        "Oak Primary School",
        lead=("Ann Patel", "Family Partnership Manager"),
    )
    try:
        make_ready(portfolio)
        pdf = add_file_evidence(
            portfolio,
            tiny_pdf("Family survey summary"),
            "Family survey summary",
            mime_type="application/pdf",
            original_name="survey.pdf",
        )
        tag_evidence(portfolio, pdf, "1b", cross_reference=True)
        video = add_link_evidence(
            portfolio, "https://video.example.org/oak/forum", "Video diary: the Forum", kind="video"
        )
        tag_evidence(portfolio, video, "1a", cross_reference=True)
    finally:
        portfolio.close()
    return path


def tamper(bundle: Path, out: Path, member_suffix: str, new_bytes: bytes) -> Path:
    """A copy of bundle with one member's bytes replaced (same name), so its checksum no longer matches."""
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(member_suffix):
                data = new_bytes
            dst.writestr(info, data)
    return out


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
