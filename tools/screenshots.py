"""Grab every screen and dialog staff meet, on the sample portfolios, as a 1366x768 laptop shows them at a scale.

Usage: python tools/screenshots.py [OUT_FOLDER] [--scale 1.25] [--scheme ID|all|none]

Every screen of the Family Partnership Award sample goes in OUT_FOLDER; the pages that differ per scheme
(dashboard, framework, audit, planning, evidence, export, setting, assessor) of each scheme's sample go in
OUT_FOLDER/<scheme-id>/ (--scheme all, the default; --scheme ID for one; --scheme none for neither).
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
from pathlib import Path

SCREEN = (1366, 768)  # physical pixels


# Per scheme sample: the descriptor and the theme each page is shown on.
SCHEME_TARGETS = {
    "family-partnership-award": ("1c", "2"),
    "investors-in-families-secure": ("E1a", "E4"),
    "la-practice-quality": ("R3", "R"),
    "signs-of-safety-accreditation": ("Ca", "C"),
}


def _option(args: list[str], name: str, default: str | None) -> str | None:
    if name not in args:
        return default
    at = args.index(name)
    value = args[at + 1]
    del args[at : at + 2]
    return value


def _args() -> tuple[Path, str | None, list[str], set[str]]:
    args = list(sys.argv[1:])
    scale = _option(args, "--scale", None)
    scheme = _option(args, "--scheme", "all")
    only = set((_option(args, "--only", "") or "").split(",")) - {""}
    schemes = list(SCHEME_TARGETS) if scheme == "all" else [] if scheme == "none" else [scheme]
    unknown = [s for s in schemes if s not in SCHEME_TARGETS]
    if unknown:
        sys.exit(
            f"No sample for {', '.join(unknown)}; choose one of {', '.join(SCHEME_TARGETS)}, all or none."
        )
    return Path(args[0] if args else "docs/screenshots"), scale, schemes, only


def _configure_screen(folder: Path, scale: str | None) -> None:
    """An offscreen screen of SCREEN physical pixels at 96 dpi, scaled by QT_SCALE_FACTOR."""
    config = folder / "offscreen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "Laptop",
                        "x": 0,
                        "y": 0,
                        "width": SCREEN[0],
                        "height": SCREEN[1],
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if scale:
        os.environ["QT_SCALE_FACTOR"] = scale


def sample_portfolio(folder: Path, scheme: str = "family-partnership-award") -> Path:
    """The scheme's sample as shipped (themes 2-6 of the FPA sample stay empty: their descriptors are the award
    pack's, which we do not have)."""
    from portfolio_builder.core.demo.demo import build_demo

    return build_demo(folder, scheme=scheme)


def sample_bundle(portfolio_path: Path, folder: Path) -> Path:
    """A draft bundle of a sample, for the assessor's window."""
    from portfolio_builder.core.bundle.bundle_export import export_bundle
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    with Portfolio.open(portfolio_path) as portfolio:
        return export_bundle(portfolio, folder / f"{portfolio_path.stem}.zip", draft=True).path


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
            self.too_big.append(
                f"{name}: {size.width()}x{size.height()} on a "
                f"{self.screen.width()}x{self.screen.height()} screen"
            )

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


def _slug(text: str) -> str:
    return "-".join(
        "".join(c if c.isalnum() else " " for c in text.replace("&", "").lower()).split()
    )


def _wait_for(shot: Shooter, predicate, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        shot.app.processEvents()
        time.sleep(0.01)


def _paste_dialog(framework) -> None:
    """The paste dialog with a list typed in (test text, not an award pack's wording), as a person would paste."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def fill():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and hasattr(dialog, "text"):
            dialog.text.setPlainText(
                "a. First item as pasted from your own copy of the award pack.\n"
                "b) Second item, which runs on\n   to a second line.\n2c Third item."
            )
            dialog.read()

    QTimer.singleShot(20, fill)
    framework.paste_descriptors()


def shoot_portfolio(
    shot: Shooter, window, scheme: str = "family-partnership-award", full: bool = True
) -> None:
    """Every page of an open sample in its scheme's words; with full, the dialogs each page opens too."""
    view = window.view
    descriptor, theme = SCHEME_TARGETS[scheme]
    shot.fit(window)
    view.show_page(0)
    shot.save(window, "dashboard")
    view.show_page(1)
    framework = view.page("Framework")
    framework.select_descriptor(descriptor)
    shot.save(window, "framework")
    if full:
        shot.modal("framework-descriptor-dialog", framework.edit_descriptor)
    framework.select_theme(theme)
    shot.save(window, "framework-theme")
    if full:
        shot.modal("framework-paste-dialog", lambda: _paste_dialog(framework))

    view.show_page(2)
    evidence = view.page("Evidence")
    evidence.table.selectRow(0)
    shot.wait(2.0)
    shot.save(window, "evidence-list")
    if full:
        evidence.filters.grid_button.click()
        shot.save(window, "evidence-grid")
        evidence.filters.list_button.click()
        shot.modal("evidence-add-link-dialog", evidence.add_link)
        evidence.select_ids(
            [evidence.model.row_at(row).id for row in range(min(4, evidence.model.rowCount()))]
        )
        shot.save(
            window, "evidence-bulk-edit"
        )  # several items: what they share, set for all in one step

    view.show_page(3)
    view.page("Audit").select_code(descriptor)
    shot.save(window, "audit")

    view.show_page(4)
    planning = view.page("Planning")
    for tab in range(planning.tabs.count()):
        planning.tabs.setCurrentIndex(tab)
        if (
            planning.tabs.currentWidget() is planning.priorities
            and planning.priorities.model.rowCount()
        ):
            planning.priorities.list.setCurrentIndex(planning.priorities.model.index(0))
        shot.save(window, f"planning-{_slug(planning.tabs.tabText(tab))}")
    if planning.tabs.indexOf(planning.priorities) >= 0 and planning.priorities.model.rowCount():
        planning.tabs.setCurrentWidget(planning.priorities)
        shot.modal("planning-priority-dialog", planning.priorities.edit_current)
    if planning.tabs.indexOf(planning.cover_sheets) >= 0:
        planning.tabs.setCurrentWidget(planning.cover_sheets)
        diary = planning.cover_sheets.diary
        if diary.model().rowCount():
            diary.setCurrentIndex(diary.model().index(0, 0))
        shot.modal(
            "planning-diary-dialog",
            planning.cover_sheets.edit_entry
            if diary.model().rowCount()
            else planning.cover_sheets.add_entry,
        )

    view.show_page(5)
    export = view.page("Export")
    _wait_for(shot, lambda: export.plan is not None)
    shot.save(window, "export")
    view.show_page(6)
    shot.save(window, "setting")
    if full:
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
        print(
            "scikit-image is not installed ([test] extra): no redaction screenshots",
            file=sys.stderr,
        )
        return
    from PIL import Image

    from portfolio_builder.core.evidence.evidence_import import import_evidence
    from portfolio_builder.core.evidence.region_service import set_regions
    from portfolio_builder.core.privacy.redaction import Region
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.ui.pages.evidence_page import EvidencePage
    from portfolio_builder.ui.portfolio_context import PortfolioContext
    from portfolio_builder.ui.redaction.region_editor import RegionEditor

    with tempfile.TemporaryDirectory() as folder, Portfolio.open(portfolio_path) as portfolio:
        path = Path(folder) / "Open morning - our visitor.jpg"
        Image.fromarray(data.astronaut()).save(path, quality=92)
        evidence_id = import_evidence(portfolio, [path], consent="blurred", workers=1).added[0]
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
    for name, role in (
        ("Dawn Okafor", "Registered Manager"),
        ("Sam Wright", "Family Liaison Worker"),
        ("Priya Shah", "Independent Visitor"),
    ):
        wizard.team_page.team.add_member(name, role)
    shot.save(wizard, "wizard-3-team")
    wizard.next()
    shot.save(wizard, "wizard-4-location")
    wizard.close()


def _first_descriptor(model, parent=None):
    """The index of the first descriptor in the assessor's contents tree (depth first), or None."""
    from PySide6.QtCore import QModelIndex

    from portfolio_builder.core.assessor.bundle_contents import DESCRIPTOR
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
    out, scale, schemes, only = _args()
    out.mkdir(parents=True, exist_ok=True)
    full_tour = len(schemes) != 1
    with tempfile.TemporaryDirectory(prefix="pb-shots-") as tmp:
        _configure_screen(Path(tmp), scale)
        from PySide6.QtCore import QSettings

        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        from screenshots_work import shoot_work_states

        from portfolio_builder.app import build_main_window, make_application
        from portfolio_builder.ui.app_settings import remember_portfolio

        app = make_application()
        shot = Shooter(app, out, only)
        documents = Path(tmp) / "Documents" / "Portfolio Builder"
        path = sample_portfolio(documents)
        remember_portfolio(path)
        window = build_main_window(str(path))
        if full_tour:
            bundle = sample_bundle(path, Path(tmp))
            shoot_portfolio(shot, window)
            shoot_work_states(shot, window)
            window.close_portfolio()
            shot.save(window, "start-screen")
            shoot_wizard(shot, window)
            shoot_assessor(shot, bundle, Path(tmp) / "assessments")
            shoot_redaction(shot, path)
        for scheme in schemes:
            shot.out = out / scheme
            shot.out.mkdir(parents=True, exist_ok=True)
            path = sample_portfolio(documents / scheme, scheme)
            window.open_portfolio(path)
            shoot_portfolio(shot, window, scheme, full=False)
            window.close_portfolio()
            shoot_assessor(shot, sample_bundle(path, Path(tmp)), Path(tmp) / "assessments")
        window.close()
    print(f"screenshots written to {out}")
    for line in shot.too_big:
        print("TOO BIG", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
