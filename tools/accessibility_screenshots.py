"""Screenshots for the accessibility check: the main pages at 200 % scaling and in a high-contrast palette.

Usage: python tools/accessibility_screenshots.py [OUT_FOLDER] [--scale 2] [--contrast high|normal] [--scheme ID]

The offscreen screen is 2732x1536 physical pixels (a 1366x768 laptop at 200 %: Qt sees 1366x768 logical
pixels at --scale 2). --contrast high applies a black-background, white-text, yellow-highlight palette to the
Fusion style, as a platform high-contrast theme does. Each PNG is named <page>-<scale>x-<contrast>.png.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGES = ["dashboard", "framework", "evidence", "audit", "planning", "export", "setting"]


def _options(args: list[str]) -> tuple[Path, str, str, str]:
    def take(name: str, default: str) -> str:
        if name in args:
            at = args.index(name)
            value = args[at + 1]
            del args[at : at + 2]
            return value
        return default

    scale, contrast = take("--scale", "2"), take("--contrast", "high")
    scheme = take("--scheme", "family-partnership-award")
    return Path(args[0] if args else "docs/screenshots/accessibility"), scale, contrast, scheme


def main() -> None:
    out, scale, contrast, scheme = _options(list(sys.argv[1:]))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="pb-a11y-shots-"))
    factor = float(scale)
    config = work / "offscreen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "Laptop",
                        "x": 0,
                        "y": 0,
                        "width": int(1366 * factor),
                        "height": int(768 * factor),
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = scale
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "settings"))
    app = QApplication(sys.argv[:1])
    if contrast == "high":
        from portfolio_builder.ui.contrast import high_contrast_palette

        app.setStyle("Fusion")
        app.setPalette(high_contrast_palette())
    from portfolio_builder.app import build_main_window
    from portfolio_builder.core.demo.demo import build_demo

    path = build_demo(work / "sample", scheme=scheme)
    window = build_main_window(str(path), reopen_last=False)
    window.resize(app.primaryScreen().availableGeometry().size())
    window.show()
    for _ in range(30):
        app.processEvents()
    suffix = f"{scale.rstrip('0').rstrip('.')}x-{contrast}"
    for number, name in enumerate(PAGES):
        window.show_page(number)
        for _ in range(30):
            app.processEvents()
        window.grab().save(str(out / f"{name}-{suffix}.png"))
        print(out / f"{name}-{suffix}.png")
    if window.view is not None:
        window.show_page(0)
        page = window.view.page("Dashboard")
        page.as_text_button.setChecked(True)
        page.chips.setFocus()
        for _ in range(30):
            app.processEvents()
        from PySide6.QtWidgets import QScrollArea

        page.findChild(QScrollArea).ensureWidgetVisible(page.as_text)
        for _ in range(30):
            app.processEvents()
        window.grab().save(str(out / f"dashboard-as-text-{suffix}.png"))
    window.close()
    os._exit(0)  # the sample's worker pools need no orderly goodbye


if __name__ == "__main__":
    main()
