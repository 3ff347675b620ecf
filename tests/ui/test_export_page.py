"""The export page: readiness first, export and verify on a worker, draft for interim review, show in folder."""

from pathlib import Path

from portfolio_builder.ui import page_dialogs
from portfolio_builder.ui.pages.export_page import ExportPage, suggested_name

from .evidence_fixtures import context  # noqa: F401 - fixture


def _page(qtbot, context):
    page = ExportPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_new_portfolio_lists_what_is_missing_and_only_allows_a_draft(qtbot, context):
    """A new portfolio is not ready: its problems are listed and Export waits for 'Draft'."""
    page = _page(qtbot, context)
    assert page.readiness_label.text().startswith("Not ready yet")
    assert any("has not been rated" in p for p in page.issues.messages())
    assert any(
        "shows our summary" in p for p in page.issues.messages(blocking=False)
    )  # a warning, listed apart
    assert not page.export_button.isEnabled()
    page.draft.setChecked(True)
    assert page.export_button.isEnabled()


def test_unconsented_option_shows_a_warning(qtbot, context):
    """Ticking 'Include … without recorded consent' shows the warning."""
    page = _page(qtbot, context)
    page.unconsented.setChecked(True)
    assert page.warning.isVisible()


def test_draft_export_runs_on_a_worker_then_verifies(qtbot, context, tmp_path, monkeypatch):
    """Exporting a draft writes the zip on a worker, verifies it, and offers Show in folder (a local URL)."""
    opened = []
    target = tmp_path / suggested_name(context.portfolio)
    monkeypatch.setattr(page_dialogs, "choose_bundle_path", lambda parent, suggested: str(target))
    monkeypatch.setattr(
        page_dialogs, "show_in_folder", lambda path: opened.append(Path(path)) or True
    )
    page = _page(qtbot, context)
    page.draft.setChecked(True)
    with qtbot.waitSignal(page.progress.bar.valueChanged, timeout=60_000, raising=False):
        worker = page.export()
    qtbot.waitUntil(lambda: page.worker is None, timeout=120_000)
    assert worker is not None and target.exists()
    assert "the bundle is complete and undamaged" in page.result_label.text()
    assert target.name.startswith("Oak-Primary-School-Family-Partnership-Award-")
    assert page.show_button.isVisible() and page.show_in_folder()
    assert opened == [target]


def test_page_lists_what_will_leave_before_export(qtbot, context):
    """Before anything is written the page lists each title with its bundle file, the metadata removed, and each
    item left out with why (here: a photo without consent and a note tagged to nothing)."""
    from portfolio_builder.core.evidence.evidence_links import tag_evidence
    from tests.core.hostile_photos import hostile_jpeg, plain_jpeg
    from tests.core.portfolio_factory import add_file_evidence

    portfolio = context.portfolio
    shown = add_file_evidence(
        portfolio,
        hostile_jpeg(),
        "Reading corner",
        kind="photo",
        mime_type="image/jpeg",
        consent="obtained",
    )
    tag_evidence(portfolio, shown, "1a")
    hidden = add_file_evidence(
        portfolio,
        plain_jpeg(),
        "Park trip",
        kind="photo",
        mime_type="image/jpeg",
        consent="missing",
    )
    tag_evidence(portfolio, hidden, "1b")
    add_file_evidence(portfolio, b"a note\n", "Loose note")
    page = _page(qtbot, context)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=60_000)
    text = "\n".join(page.preview_model.stringList())
    assert "Reading corner  ->  data/evidence/1/1a-1-Reading-corner.jpg" in text
    assert "GPS position" in text and "comment" in text
    assert f"Park trip (item {hidden}): consent is not recorded" in text
    assert "Loose note" in text and "tagged to nothing" in text
    page.untagged.setChecked(True)
    qtbot.waitUntil(lambda: page.plan is not None and page.plan_options[2], timeout=60_000)
    assert any(
        "Loose note  ->  data/evidence/other/" in line for line in page.preview_model.stringList()
    )


def test_page_states_the_bundle_size_before_export(qtbot, context):
    """The list of what will leave starts with how big the bundle will be, before anything is written."""
    from portfolio_builder.core.evidence.evidence_links import tag_evidence
    from tests.core.portfolio_factory import add_file_evidence

    item = add_file_evidence(context.portfolio, b"minutes\n" * 400_000, "Forum minutes")  # 3.1 MB
    tag_evidence(context.portfolio, item, "1a")
    page = _page(qtbot, context)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=60_000)
    assert (
        page.preview_model.stringList()[2]
        == "Size: about 3.1 MB of evidence files, plus the documents."
    )
