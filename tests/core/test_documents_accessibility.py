"""The bundle's HTML pages pass an automated accessibility check (axe-core in headless Chromium, offline)."""

import pytest

from portfolio_builder.core.documents import render_preview_html, render_start_here_html

from .html_accessibility import axe_violations, chromium, missing_reason
from .snapshot_factory import fpa_snapshot, iif_snapshot, tiny_jpeg

pytestmark = pytest.mark.skipif(bool(missing_reason()), reason=missing_reason() or "ok")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module's pages (starting one takes seconds); each check loads its page
    afresh in it."""
    with chromium() as driver:
        yield driver


@pytest.mark.parametrize("make", [fpa_snapshot, iif_snapshot], ids=["fpa", "iif"])
def test_contents_index_has_no_serious_or_critical_findings(make, tmp_path, browser):
    """Headings, table headers and captions, alt text on every thumbnail, a language and a skip link: axe-core
    finds nothing serious or critical in the contents index or START-HERE."""
    shape = make()
    (tmp_path / "index.html").write_text(
        render_preview_html(shape, thumbnail=lambda _id: tiny_jpeg()), encoding="utf-8"
    )
    (tmp_path / "start.html").write_text(
        render_start_here_html(shape, "Oak-FPA-2026"), encoding="utf-8"
    )
    for page in ("index.html", "start.html"):
        found = [
            v
            for v in axe_violations(tmp_path / page, browser)
            if v["impact"] in ("serious", "critical")
        ]
        assert found == [], (page, found)


def test_the_checker_finds_what_it_should(tmp_path, browser):
    """The check is real: a page with an image without alt text and an empty link fails it."""
    page = tmp_path / "bad.html"
    page.write_text('<html><body><img src="x.png"><a href="#"></a></body></html>', encoding="utf-8")
    assert {"image-alt", "link-name"} <= {v["id"] for v in axe_violations(page, browser)}
