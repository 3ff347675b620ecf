"""Bundles for the assessor tests made by hand (the real exported one is the `bundle` fixture of tests/conftest.py)."""

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
