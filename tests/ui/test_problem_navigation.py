"""Problem lists say where: double-clicking a line of the export page or the dashboard's 'Still to do', or a red
descriptor chip, opens the page, the item and the field that fixes it (issue 13, point 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from portfolio_builder.ui.models.readiness_issue_model import ISSUE_ROLE
from tests.ui.conftest import add_evidence


def _page(window, title: str):
    return window.view.page(title)


def _double_click_line(qtbot, view, predicate) -> None:
    """Double-click the first line of a list view whose issue matches predicate."""
    model = view.model()
    row = next(r for r in range(model.rowCount()) if predicate(model.index(r, 0).data(ISSUE_ROLE)))
    index = model.index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _shown_title(window) -> str:
    return window.view.pages[window.view.current_page()][0]


def test_export_line_takes_the_user_to_the_descriptor_to_rate(qtbot, main_window):
    """'Evidence descriptor 1c has not been rated' on the export page opens the Audit page on 1c, level chosen next."""
    main_window.view.show_page(5)
    export = _page(main_window, "Export")
    export.refresh()
    _double_click_line(
        qtbot, export.issues.blocking, lambda i: i.kind == "unrated" and i.subject == "1c"
    )
    assert _shown_title(main_window) == "Audit"
    audit = _page(main_window, "Audit")
    assert audit.current_code() == "1c"
    qtbot.waitUntil(lambda: audit.level.hasFocus(), timeout=3000)


def test_still_to_do_line_takes_the_user_to_the_item_without_consent(qtbot, main_window):
    """A photo without consent, on the dashboard: double-click selects it on the Evidence page, consent field next."""
    portfolio = main_window.context.portfolio
    item = add_evidence(portfolio, "Family Forum photo", kind="photo", consent="missing")
    main_window.context.changed.emit("evidence")
    main_window.view.show_page(0)
    dashboard = _page(main_window, "Dashboard")
    dashboard.refresh()
    _double_click_line(qtbot, dashboard.issue_view, lambda i: i.kind == "consent-missing")
    assert _shown_title(main_window) == "Evidence"
    evidence = _page(main_window, "Evidence")
    assert evidence.selected_ids() == [item]
    qtbot.waitUntil(lambda: evidence.editor.consent.hasFocus(), timeout=3000)


def test_a_red_chip_takes_the_user_to_tagging_for_that_descriptor(qtbot, main_window):
    """A red chip (no key evidence) opens the Evidence page with that descriptor ready in the tag list."""
    main_window.view.show_page(0)
    dashboard = _page(main_window, "Dashboard")
    dashboard.refresh()
    chips = dashboard.chips
    chips.heightForWidth(chips.width())
    rect = next(r for r, code in chips._chips if code == "1d")
    qtbot.mouseDClick(chips, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert _shown_title(main_window) == "Evidence"
    evidence = _page(main_window, "Evidence")
    assert evidence.editor.chosen_code() == "1d"
    assert "1d" in evidence.status.text()


def test_a_theme_sheet_line_opens_the_theme_with_its_field(qtbot, main_window):
    """'Theme 3: lead not filled in' opens the Framework page on theme 3 with the cursor in its lead field."""
    from portfolio_builder.core.planning.readiness import THEME_SHEET, ReadinessIssue
    from portfolio_builder.ui.navigation import go_to_issue

    issue = ReadinessIssue("theme-lead", "3", "Theme 3: lead", page=THEME_SHEET)
    assert go_to_issue(_page(main_window, "Dashboard"), issue)
    framework = _page(main_window, "Framework")
    assert _shown_title(main_window) == "Framework"
    assert (
        framework.model.theme_at(framework.proxy.mapToSource(framework.tree.currentIndex())).code
        == "3"
    )
    qtbot.waitUntil(lambda: framework.sheet_form.lead.hasFocus(), timeout=3000)


def test_a_missing_context_opens_the_setting_page_at_the_context(qtbot, main_window):
    """The setting's context line opens the Setting page with the cursor in the context box."""
    from portfolio_builder.core.planning.readiness import SETTING, ReadinessIssue
    from portfolio_builder.ui.navigation import go_to_issue

    assert go_to_issue(
        _page(main_window, "Export"), ReadinessIssue("setting-context", "", "", page=SETTING)
    )
    setting = _page(main_window, "Setting and team")
    assert _shown_title(main_window) == "Setting and team"
    qtbot.waitUntil(lambda: setting.texts["context"].hasFocus(), timeout=3000)


def test_a_final_export_is_refused_while_anything_blocks(qtbot, main_window, monkeypatch):
    """With 'Draft' unticked and items still missing, Export explains and writes nothing."""
    from portfolio_builder.ui import page_dialogs

    shown, asked = [], []
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    monkeypatch.setattr(
        page_dialogs, "choose_bundle_path", lambda parent, suggested: asked.append(suggested) or ""
    )
    main_window.view.show_page(5)
    export = _page(main_window, "Export")
    assert not export.export_button.isEnabled()
    assert export.export() is None
    assert shown and "A final export needs" in shown[0] and asked == []
    export.draft.setChecked(True)
    export.export()
    assert asked and asked[0].endswith("-DRAFT.zip")
