"""Small generated evidence files and a GUI context over a real temporary portfolio, for the page tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image


def make_jpeg(path: Path, colour=(90, 140, 200), size=(320, 240)) -> Path:
    """A small real JPEG photo."""
    Image.new("RGB", size, colour).save(path, "JPEG", quality=80)
    return path


def make_text(path: Path, text: str = "Minutes of the Family Forum.\n") -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def context(qtbot, fpa_portfolio):
    """A PortfolioContext over the Family Partnership Award portfolio in a temp dir."""
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    ctx = PortfolioContext(fpa_portfolio)
    yield ctx
    ctx.undo_stack.clear()


@pytest.fixture
def three_items(tmp_path, fpa_portfolio):
    """Two photos and a text document imported into the portfolio; returns their ids."""
    from portfolio_builder.core.evidence.evidence_import import import_evidence

    files = [
        make_jpeg(tmp_path / "forum.jpg"),
        make_jpeg(tmp_path / "garden.jpg", (200, 90, 70)),
        make_text(tmp_path / "minutes.txt"),
    ]
    report = import_evidence(fpa_portfolio, files, consent="obtained", workers=1)
    assert len(report.added) == 3
    return report.added
