"""Child process of test_large_recording: a long recording imported and exported through the real pages.

    python -m tests.ui.large_recording_run <recording> <work folder>

Prints one JSON object: the process's peak resident memory, the SHA-256 of the stored file and of the
bundle's copy, the export preview's lines, the export page's result text and Check portfolio's findings.
"""

from __future__ import annotations

import json
import os
import sys
import time
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_rss_mb() -> float:
    """This process's peak resident set size (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def wait_until(app, condition, timeout: float) -> None:
    """Run the event loop until condition() holds (workers report through queued signals)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not finish in time")
        app.processEvents()
        time.sleep(0.02)


def main(recording: Path, work: Path) -> dict:
    """Import through the evidence page, export a draft through the export page, then measure."""
    from PySide6.QtWidgets import QApplication

    from portfolio_builder.core.evidence.evidence_links import tag_evidence
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework
    from portfolio_builder.core.storage.integrity import check_portfolio
    from portfolio_builder.ui.pages.evidence_page import EvidencePage
    from portfolio_builder.ui.pages.export_page import ExportPage
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    app = QApplication([])
    portfolio = create_portfolio(
        work / "Oak.portfolio", shipped_framework("family-partnership-award"), "Oak Primary"
    )
    context = PortfolioContext(portfolio)
    evidence_page = EvidencePage(context)
    evidence_page.show()
    reports = []
    evidence_page.importer.finished.connect(reports.append)
    started = time.monotonic()
    evidence_page.importer.import_sources([str(recording)], consent="obtained")
    wait_until(app, lambda: reports, 600)
    imported_s = time.monotonic() - started
    [item_id] = reports[0].added
    tag_evidence(portfolio, item_id, "1a", cross_reference=True)

    export_page = ExportPage(context)
    export_page.show()
    export_page.draft.setChecked(True)
    wait_until(
        app,
        lambda: export_page.plan is not None and export_page.plan_options == export_page._options(),
        600,
    )
    preview = export_page.preview_model.stringList()
    target = work / "bundle.zip"
    started = time.monotonic()
    export_page.start_export(target)
    wait_until(app, lambda: export_page.worker is None, 600)
    exported_s = time.monotonic() - started
    peak = peak_rss_mb()  # import and export are done: what follows only checks their results

    with portfolio.raw_connection() as conn:
        sha256 = conn.execute(
            "SELECT sha256 FROM evidence_item WHERE id = ?", (item_id,)
        ).fetchone()[0]
        parts = conn.execute("SELECT count(*) FROM stored_file_part").fetchone()[0] + 1
    with zipfile.ZipFile(
        target
    ) as archive:  # the export page verified every file against this manifest
        manifest_name = next(n for n in archive.namelist() if n.endswith("/manifest-sha256.txt"))
        manifest = archive.read(manifest_name).decode("utf-8").splitlines()
        bundle_sha256 = next(line.split()[0] for line in manifest if "/evidence/" in line)
    problems = check_portfolio(portfolio)  # re-hashes the stored bytes against their key (sha256)
    portfolio.close()
    return {
        "peak_rss_mb": peak,
        "key": sha256,
        "rows": parts,
        "bundle_sha256": bundle_sha256,
        "preview": preview,
        "result": export_page.result_label.text(),
        "check": problems,
        "import_s": round(imported_s, 1),
        "export_s": round(exported_s, 1),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
