"""Grab the shell's screens at 1366x768 on the sample portfolio, for docs/screenshots and for looking at scaling.

Usage: python tools/screenshots.py [OUT_FOLDER] [--scale 1.5]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

SIZE = (1366, 768)


def _args() -> tuple[Path, str | None]:
    args, scale = list(sys.argv[1:]), None
    if "--scale" in args:
        at = args.index("--scale")
        scale = args[at + 1]
        del args[at:at + 2]
    return Path(args[0] if args else "docs/screenshots"), scale


def _settle(app, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


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


def main() -> int:
    out, scale = _args()
    if scale:
        os.environ["QT_SCALE_FACTOR"] = scale
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings

    with tempfile.TemporaryDirectory(prefix="pb-shots-") as tmp:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        from portfolio_builder.app import build_main_window, make_application
        from portfolio_builder.ui.app_settings import remember_portfolio
        from portfolio_builder.ui.new_portfolio_wizard import NewPortfolioWizard

        app = make_application()
        path = sample_portfolio(Path(tmp) / "Documents" / "Portfolio Builder")
        remember_portfolio(path)
        window = build_main_window(str(path))
        window.resize(*SIZE)
        window.show()
        _settle(app)
        window.grab().save(str(out / "dashboard.png"))
        window.view.show_page(1)
        window.view.page("Framework").select_descriptor("1c")
        _settle(app)
        window.grab().save(str(out / "framework.png"))
        window.close_portfolio()
        _settle(app)
        window.grab().save(str(out / "start-screen.png"))

        wizard = NewPortfolioWizard(window)
        wizard.show()
        _settle(app, 5)
        wizard.setting_page.name.setText("Oak Lodge Secure Children's Home")
        wizard.next()
        wizard.setting_page.kind.setCurrentText("Secure children's home")
        wizard.setting_page.address.setPlainText("Oak Lane\nAnytown AN1 2BC")
        wizard.setting_page.reference.setText("SC123456")
        wizard.next()
        wizard.team_page.lead_name.setText("Ann Patel")
        for name, role in (("Dawn Okafor", "Registered Manager"), ("Sam Wright", "Family Liaison Worker"),
                           ("Priya Shah", "Independent Visitor")):
            wizard.team_page.team.add_member(name, role)
        _settle(app)
        wizard.grab().save(str(out / "wizard.png"))
        wizard.close()
        window.close()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
