"""Grab the team screens on the FPA sample: sending a copy, merging a pack, resolving conflicts, who contributed.

Usage: python tools/team_screenshots.py [OUT_FOLDER] [--scale 1.25]   (default docs/screenshots/team)
Two team members work on copies of the sample; both rate the same descriptor and rewrite the case
study; Ben's pack is merged first, so Dev's meets two conflicts.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import Shooter, _configure_screen, _option, sample_portfolio  # noqa: E402


def _packs(lead_path: Path, folder: Path) -> tuple[Path, Path]:
    from PIL import Image

    from portfolio_builder.core.evidence.evidence_import import import_evidence
    from portfolio_builder.core.evidence.evidence_links import tag_evidence
    from portfolio_builder.core.planning.audit_service import rate_descriptor
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.core.team.pack_writer import make_contribution_pack
    from portfolio_builder.core.team.team_copy import make_team_copy

    packs = []
    with Portfolio.open(lead_path) as lead:
        copies = [
            make_team_copy(lead, folder / f"{n}.portfolio", who)
            for n, who in (("ben", "Ben Jones"), ("dev", "Dev Shah"))
        ]
    for copy, level, words in zip(copies, ("embedded", "developing"), ("Ben's", "Dev's")):
        with Portfolio.open(copy.path) as member:
            photo = folder / f"{copy.for_name.split()[0].lower()}-dads-breakfast.jpg"
            Image.new(
                "RGB", (640, 480), (80, 130, 170) if level == "embedded" else (170, 120, 60)
            ).save(photo)
            added = import_evidence(
                member, [photo], consent="obtained", title=f"Dads' breakfast ({words} photo)"
            )
            tag_evidence(member, added.added[0], "1c", cross_reference=True)
            rate_descriptor(
                member,
                "1c",
                level,
                date.today(),
                f"Seen at the dads' breakfast ({copy.for_name}).",
                rated_by=copy.for_name,
            )
            with member.raw_connection() as conn:
                conn.execute(
                    "INSERT INTO portfolio_text (key, body) VALUES ('case-study', ?) ON CONFLICT(key) DO "
                    "UPDATE SET body = excluded.body",
                    (f"The Ahmed family's journey, in {words} words.",),
                )
                conn.commit()
        packs.append(
            make_contribution_pack(
                copy.path, folder / f"{copy.for_name.split()[0].lower()}.zip"
            ).path
        )
    return packs[0], packs[1]


def main() -> int:
    args = list(sys.argv[1:])
    scale = _option(args, "--scale", None)
    out = Path(args[0] if args else "docs/screenshots/team")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pb-team-shots-") as tmp:
        _configure_screen(Path(tmp), scale)
        from PySide6.QtCore import QSettings, Qt

        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        from portfolio_builder.app import build_main_window, make_application
        from portfolio_builder.core.team.merge_apply import apply_merge
        from portfolio_builder.core.team.merge_plan import plan_merge
        from portfolio_builder.core.team.team_copy import copy_choices
        from portfolio_builder.ui.merge_dialog import MergeDialog
        from portfolio_builder.ui.team_copy_dialog import TeamCopyDialog

        app = make_application()
        shot = Shooter(app, out)
        path = sample_portfolio(Path(tmp) / "Documents" / "Portfolio Builder")
        ben, dev = _packs(path, Path(tmp))
        window = build_main_window(str(path))
        shot.fit(window)
        portfolio = window.context.portfolio

        staff, themes = copy_choices(portfolio)
        send = TeamCopyDialog(
            portfolio.path, staff, themes, window.context.scheme.words.theme, window
        )
        send.person.setCurrentText("Dev Shah")
        send.theme_model.item(1).setCheckState(Qt.CheckState.Checked)
        send.show()
        shot.save(send, "send-team-copy")
        send.close()

        first = MergeDialog(plan_merge(portfolio, ben), window)
        first.show()
        shot.save(first, "merge-what-comes-in")
        first.close()
        apply_merge(portfolio, ben, {})
        merge = MergeDialog(plan_merge(portfolio, dev), window)
        merge.show()
        shot.save(merge, "merge-conflicts")
        merge.choices[0].theirs.setChecked(True)
        merge.choices[1].mine.setChecked(True)
        shot.save(merge, "merge-conflicts-resolved")
        decisions = merge.decisions()
        merge.close()
        apply_merge(portfolio, dev, decisions)
        window.context.changed.emit("evidence")
        window.view.show_page(0)
        dashboard = window.view.page("Dashboard")
        shot.settle()
        dashboard.team_box.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(
            dashboard.team_box
        )
        shot.save(window, "dashboard-contributions")
        window.close_portfolio()
        window.close()
    print(f"screenshots written to {out}")
    for line in shot.too_big:
        print("TOO BIG", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
