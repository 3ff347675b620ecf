"""The quick start's main job: build the sample portfolio, export and verify its bundle, open it."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def display_available() -> bool:
    """Whether a desktop window can be shown (always on Windows and macOS)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_sample(folder: Path, gui: bool = True) -> int:
    """Build, export, verify; then open the app on the sample when a display is available."""
    from .core.bundle.bundle_export import export_bundle
    from .core.bundle.bundle_verify import verify_bundle
    from .core.demo.demo import build_demo
    from .core.planning.readiness import check_readiness
    from .core.storage.portfolio_file import Portfolio

    folder = Path(folder).resolve()
    print(f"Building the sample portfolio in {folder} ...")
    path = build_demo(folder)
    with Portfolio.open(path, read_only=True) as portfolio:
        readiness = check_readiness(portfolio)
        draft = not readiness.ready
        if draft:
            print(
                "The sample is part-way through the award, so its bundle is a DRAFT for an interim review:"
            )
            for problem in readiness.problems[:8]:
                print(f"  - {problem}")
            if len(readiness.problems) > 8:
                print(f"  ... and {len(readiness.problems) - 8} more")
        bundle = folder / "riverside-sample-bundle.zip"
        result = export_bundle(portfolio, bundle, draft=draft)
    report = verify_bundle(result.path)
    print(f"Portfolio: {path}")
    print(
        f"Bundle:    {result.path} ({result.file_count} files, {result.bytes_written / 1e6:.1f} MB)"
    )
    print(f"Verified:  {'valid' if report.valid else 'NOT valid: ' + '; '.join(report.problems)}")
    print(f"Contents index: open {result.path.name} and double-click START-HERE.html inside it.")
    if not report.valid:
        return 1
    if gui and display_available():
        from .app import run_gui

        return run_gui(str(path))
    if gui:
        print("No display here, so the desktop window was not opened. On a desktop, run:")
        print(f"  portfolio-builder open {path}")
    return 0
