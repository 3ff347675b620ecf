"""Grab every screen and dialog staff meet, on the sample portfolio, as a 1366x768 laptop shows them at a scale.

Usage: python tools/screenshots.py [OUT_FOLDER] [--scale 1.25] [--only NAME,NAME]

--only writes just the named screenshots (e.g. --only evidence-redaction), leaving the others as they are.

The offscreen screen is 1366x768 physical pixels; at --scale 1.5 Qt sees a 911x512 logical screen, as on a
laptop set to 150%, so a window that does not fit is caught here (each PNG is in physical pixels). Anything
larger than the logical screen is listed at the end as "TOO BIG".
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SCREEN = (1366, 768)  # physical pixels


def _args() -> tuple[Path, str | None, set[str]]:
    args, scale, only = list(sys.argv[1:]), None, set()
    if "--scale" in args:
        at = args.index("--scale")
        scale = args[at + 1]
        del args[at:at + 2]
    if "--only" in args:
        at = args.index("--only")
        only = set(args[at + 1].split(","))
        del args[at:at + 2]
    return Path(args[0] if args else "docs/screenshots"), scale, only


def _configure_screen(folder: Path, scale: str | None) -> None:
    """An offscreen screen of SCREEN physical pixels at 96 dpi, scaled by QT_SCALE_FACTOR."""
    config = folder / "offscreen.json"
    config.write_text(json.dumps({"screens": [{"name": "Laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if scale:
        os.environ["QT_SCALE_FACTOR"] = scale


def sample_portfolio(folder: Path) -> Path:
    """The shipped sample, plus theme 2 descriptors typed in from the award pack (one rated, one evidenced)."""
    from portfolio_builder.core import audit_service, framework_service
    from portfolio_builder.core.demo import build_demo
    from portfolio_builder.core.portfolio_file import Portfolio

    path = build_demo(folder)
    with Portfolio.open(path) as portfolio:
        for code, text in (("2a", "Leaders and governors champion partnership with families."),
                           ("2b", "A named lead coordinates family partnership work across the setting."),
                           ("2c", "Staff are trained to work in partnership with families.")):
            framework_service.add_descriptor(portfolio, "2", code, text)
        audit_service.rate_descriptor(portfolio, "2a", "emergent", date(2025, 9, 26), "Baseline audit.")
        audit_service.rate_descriptor(portfolio, "2a", "developing", date(2026, 6, 12), "Governor link named.")
        audit_service.rate_descriptor(portfolio, "2b", "developing", date(2025, 9, 26), "Baseline audit.")
    return path


def sample_bundle(portfolio_path: Path, folder: Path) -> Path:
    """A draft bundle of the sample, for the assessor's window."""
    from portfolio_builder.core.bundle_export import export_bundle
    from portfolio_builder.core.portfolio_file import Portfolio

    with Portfolio.open(portfolio_path) as portfolio:
        return export_bundle(portfolio, folder / "riverside-sample.zip", draft=True).path


class Shooter:
    """Saves grabs of windows and of the modal dialog a call opens, noting any that outgrow the screen."""

    def __init__(self, app, out: Path, only: set[str] | None = None):
        self.app, self.out, self.too_big, self.only = app, out, [], only or set()
        self.screen = app.primaryScreen().availableGeometry().size()

    def settle(self, rounds: int = 30) -> None:
        for _ in range(rounds):
            self.app.processEvents()

    def wait(self, seconds: float) -> None:
        """Keep the event loop running, e.g. while thumbnails arrive from their worker."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)

    def fit(self, window) -> None:
        """Give a top-level window the whole (logical) screen, as a maximised window has."""
        window.resize(self.screen)
        window.show()
        self.settle()

    def save(self, widget, name: str) -> None:
        self.settle()
        if self.only and name not in self.only:
            return
        widget.grab().save(str(self.out / f"{name}.png"))
        size = widget.window().size()
        if size.width() > self.screen.width() or size.height() > self.screen.height():
            self.too_big.append(f"{name}: {size.width()}x{size.height()} on a "
                                f"{self.screen.width()}x{self.screen.height()} screen")

    def modal(self, name: str, trigger, timeout: float = 20.0) -> None:
        """Run trigger (which opens a modal dialog, now or from a worker), grab the dialog, then cancel it."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialog

        done = []

        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is None or done:
                return
            done.append(dialog)
            self.save(dialog, name)
            dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

        timer = QTimer(interval=50, timeout=poll)
        timer.start()
        trigger()
        deadline = time.monotonic() + timeout
        while not done and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
        timer.stop()
        if not done:
            print(f"no dialog for {name}", file=sys.stderr)


def shoot_portfolio(shot: Shooter, window) -> None:
    """Every page of the open sample portfolio and the dialogs each page opens."""
    view = window.view
    shot.fit(window)
    shot.save(window, "dashboard")
    view.show_page(1)
    framework = view.page("Framework")
    framework.select_descriptor("1c")
    shot.save(window, "framework")
    shot.modal("framework-descriptor-dialog", framework.edit_descriptor)

    view.show_page(2)
    evidence = view.page("Evidence")
    evidence.table.selectRow(0)
    shot.wait(2.0)
    shot.save(window, "evidence-list")
    evidence.grid_button.click()
    shot.save(window, "evidence-grid")
    evidence.list_button.click()
    shot.modal("evidence-add-link-dialog", evidence.add_link)

    view.show_page(3)
    view.page("Audit").select_code("1c")
    shot.save(window, "audit")

    view.show_page(4)
    planning = view.page("Planning")
    planning.priorities.list.setCurrentIndex(planning.priorities.model.index(0))
    shot.save(window, "planning-priorities")
    shot.modal("planning-priority-dialog", planning.priorities.edit_current)
    for tab, name in ((1, "planning-action-plan"), (2, "planning-cover-sheet"), (3, "planning-case-study")):
        planning.tabs.setCurrentIndex(tab)
        shot.save(window, name)
    planning.tabs.setCurrentIndex(2)
    diary = planning.cover_sheets.diary
    if diary.model().rowCount():
        diary.setCurrentIndex(diary.model().index(0, 0))
    shot.modal("planning-diary-dialog", planning.cover_sheets.edit_entry if diary.model().rowCount()
               else planning.cover_sheets.add_entry)

    view.show_page(5)
    shot.save(window, "export")
    view.show_page(6)
    shot.save(window, "setting")
    shot.modal("check-portfolio", window.check_portfolio)
    shot.modal("restore-from-backup", window.restore_from_backup)
    shot.modal("about", window.show_about)
    view.show_page(0)


def shoot_redaction(shot: Shooter, portfolio_path: Path) -> None:
    """A real face photo (scikit-image's astronaut) in the region editor after Find faces (its suggestion dashed
    beside a drawn block over the name badge), then on the evidence page with its regions in the preview."""
    try:
        from skimage import data
    except ImportError:
        print("scikit-image is not installed ([test] extra): no redaction screenshots", file=sys.stderr)
        return
    from PIL import Image

    from portfolio_builder.core.evidence_import import import_evidence
    from portfolio_builder.core.portfolio_file import Portfolio
    from portfolio_builder.core.redaction import Region
    from portfolio_builder.core.region_service import set_regions
    from portfolio_builder.ui.pages.evidence_page import EvidencePage
    from portfolio_builder.ui.portfolio_context import PortfolioContext
    from portfolio_builder.ui.redaction.region_editor import RegionEditor

    with tempfile.TemporaryDirectory() as folder, Portfolio.open(portfolio_path) as portfolio:
        path = Path(folder) / "Open morning - our visitor.jpg"
        Image.fromarray(data.astronaut()).save(path, quality=92)
        evidence_id = import_evidence(portfolio, [path], consent="blurred",
                                      workers=1).added[0]
        context = PortfolioContext(portfolio)
        editor = RegionEditor(context, evidence_id)
        editor.resize(shot.screen.width() * 9 // 10, shot.screen.height() * 9 // 10)
        editor.show()
        shot.wait(2.0)
        editor._commit((Region(0.555, 0.7, 0.1, 0.05, "block"),), "Draw a region")  # the name badge
        editor.find_faces()
        deadline = time.monotonic() + 60
        while not editor.canvas.suggestions and time.monotonic() < deadline:
            shot.wait(0.1)
        shot.save(editor, "evidence-redaction")
        editor.accept_suggestions()
        editor.close()
        page = EvidencePage(context)
        page.resize(shot.screen.width(), shot.screen.height() - 60)
        page.show()
        page.select_ids([evidence_id])
        shot.wait(2.0)
        shot.save(page, "evidence-redaction-preview")
        page.close()
        set_regions(portfolio, evidence_id, ())
        context.undo_stack.clear()


def shoot_wizard(shot: Shooter, window) -> None:
    """The four pages of New portfolio…, filled in as a member of staff would."""
    from portfolio_builder.ui.new_portfolio_wizard import NewPortfolioWizard

    wizard = NewPortfolioWizard(window)
    wizard.show()
    shot.save(wizard, "wizard-1-framework")
    wizard.setting_page.name.setText("Oak Lodge Secure Children's Home")
    wizard.next()
    wizard.setting_page.kind.setCurrentText("Secure children's home")
    wizard.setting_page.address.setPlainText("Oak Lane\nAnytown AN1 2BC")
    wizard.setting_page.reference.setText("SC123456")
    shot.save(wizard, "wizard-2-setting")
    wizard.next()
    wizard.team_page.lead_name.setText("Ann Patel")
    for name, role in (("Dawn Okafor", "Registered Manager"), ("Sam Wright", "Family Liaison Worker"),
                       ("Priya Shah", "Independent Visitor")):
        wizard.team_page.team.add_member(name, role)
    shot.save(wizard, "wizard-3-team")
    wizard.next()
    shot.save(wizard, "wizard-4-location")
    wizard.close()


def _first_descriptor(model, parent=None):
    """The index of the first descriptor in the assessor's contents tree (depth first), or None."""
    from PySide6.QtCore import QModelIndex

    from portfolio_builder.core.bundle_contents import DESCRIPTOR
    from portfolio_builder.ui.assessor.contents_model import NodeRole

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent) if model is not None else 0):
        index = model.index(row, 0, parent)
        if index.data(NodeRole).kind == DESCRIPTOR:
            return index
        found = _first_descriptor(model, index)
        if found is not None:
            return found
    return None


def shoot_assessor(shot: Shooter, bundle: Path, folder: Path) -> None:
    """The assessor's window on a draft bundle of the sample, on a descriptor."""
    from portfolio_builder.ui.assessor.assessor_window import open_bundle_window

    window = open_bundle_window(bundle, assessments_folder=folder)
    opened = []
    window.bundle_opened.connect(opened.append)
    deadline = time.monotonic() + 60
    while not opened and time.monotonic() < deadline:
        shot.app.processEvents()
        time.sleep(0.01)
    shot.fit(window)
    target = _first_descriptor(window.tree.model())
    if target is not None:
        window.tree.setCurrentIndex(target)
        window.tree.scrollTo(target)
    shot.save(window, "assessor")
    window.close()


def main() -> int:
    out, scale, only = _args()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pb-shots-") as tmp:
        _configure_screen(Path(tmp), scale)
        from PySide6.QtCore import QSettings

        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        from portfolio_builder.app import build_main_window, make_application
        from portfolio_builder.ui.app_settings import remember_portfolio

        app = make_application()
        shot = Shooter(app, out, only)
        path = sample_portfolio(Path(tmp) / "Documents" / "Portfolio Builder")
        bundle = sample_bundle(path, Path(tmp))
        shoot_redaction(shot, path)
        remember_portfolio(path)
        window = build_main_window(str(path))
        shoot_portfolio(shot, window)
        window.close_portfolio()
        shot.save(window, "start-screen")
        shoot_wizard(shot, window)
        shoot_assessor(shot, bundle, Path(tmp) / "assessments")
        window.close()
    print(f"screenshots written to {out}")
    for line in shot.too_big:
        print("TOO BIG", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
