"""The evidence page driven as a user would: import, edit with undo, tag (with the two-evidence rule), links."""

from portfolio_builder.core.evidence.evidence_details import evidence_details
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.evidence.evidence_service import get_evidence, query_evidence
from portfolio_builder.ui import page_dialogs
from portfolio_builder.ui.pages.evidence_page import EvidencePage

from .evidence_fixtures import context, make_jpeg, make_text, three_items  # noqa: F401 - fixtures


def _page(qtbot, context):
    page = EvidencePage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_import_runs_on_a_worker_with_progress(qtbot, context, tmp_path):
    """Importing files shows progress from a worker and lists the new items when it finishes."""
    files = [make_jpeg(tmp_path / "breakfast.jpg"), make_text(tmp_path / "letter.txt")]
    page = _page(qtbot, context)
    progress = []
    with qtbot.waitSignal(page.importer.finished, timeout=60_000) as finished:
        worker = page.importer.import_sources(files, workers=1)
        assert page.progress.isVisible()
        worker.signals.progress.connect(lambda done, total, name: progress.append((done, total)))
    assert len(finished.args[0].added) == 2
    assert progress and progress[-1] == (2, 2)
    assert page.model.rowCount() == 2
    # the strip hears the worker's finish through its own queued call, after the page's
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=5_000)


def test_dropping_a_folder_imports_its_files(qtbot, context, tmp_path):
    """A folder dropped on the page is imported (its files become items)."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    folder = tmp_path / "autumn"
    folder.mkdir()
    make_text(folder / "a.txt", "first")
    make_text(folder / "b.txt", "second")
    page = _page(qtbot, context)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.importer.finished, timeout=60_000):
        page.dropEvent(event)
    assert page.model.rowCount() == 2


def test_editing_a_title_is_saved_and_undoable(qtbot, context, fpa_portfolio, three_items):
    """A changed title is saved at once; Undo puts the old title back."""
    page = _page(qtbot, context)
    page.select_ids([three_items[0]])
    page.editor.title.setText("Welcome breakfast")
    page.editor.title.editingFinished.emit()
    assert get_evidence(fpa_portfolio, three_items[0]).title == "Welcome breakfast"
    assert page.model.row_at(page.model.row_of(three_items[0])).title == "Welcome breakfast"
    context.undo_stack.undo()
    assert get_evidence(fpa_portfolio, three_items[0]).title == "Forum"
    assert page.editor.title.text() == "Forum"


def test_consent_change_is_undoable(qtbot, context, fpa_portfolio, three_items):
    """Choosing 'Missing' consent is saved; Undo restores 'Obtained'."""
    page = _page(qtbot, context)
    page.select_ids([three_items[1]])
    page.editor.consent.setCurrentIndex(page.editor.consent.findData("missing"))
    page.editor.consent.activated.emit(page.editor.consent.currentIndex())
    assert get_evidence(fpa_portfolio, three_items[1]).consent == "missing"
    context.undo_stack.undo()
    assert get_evidence(fpa_portfolio, three_items[1]).consent == "obtained"


def test_third_key_evidence_item_is_refused_with_the_rule_message(
    qtbot, context, fpa_portfolio, three_items, monkeypatch
):
    """Tagging a third key item to a descriptor shows the core's message naming the two, and changes nothing."""
    tag_evidence(fpa_portfolio, three_items[0], "1a")
    tag_evidence(fpa_portfolio, three_items[1], "1a")
    shown = []
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    page = _page(qtbot, context)
    page.select_ids([three_items[2]])
    before = query_evidence(fpa_portfolio)
    assert page.editor.tag_selected("1a", cross=False) is False
    assert len(shown) == 1
    assert "1a already has its 2 key evidence items" in shown[0] and "'Forum'" in shown[0]
    assert query_evidence(fpa_portfolio) == before
    assert context.undo_stack.count() == 0


def test_tagging_several_items_is_one_undoable_step(qtbot, context, fpa_portfolio, three_items):
    """Two selected items tagged together become key evidence 1 and 2; one Undo removes both tags."""
    page = _page(qtbot, context)
    page.select_ids(three_items[:2])
    assert page.editor.tag_selected("1b", cross=False)
    assert [t.code for t in evidence_details(fpa_portfolio, three_items[1]).tags] == ["1b"]
    context.undo_stack.undo()
    assert evidence_details(fpa_portfolio, three_items[0]).tags == []


def test_a_javascript_link_is_refused_with_the_core_message(qtbot, context, monkeypatch):
    """'Add link…' with a javascript: address shows the core's refusal and adds nothing."""
    shown = []
    monkeypatch.setattr(page_dialogs, "ask_link", lambda parent: ("javascript:alert(1)", ""))
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    page = _page(qtbot, context)
    page.add_link()
    assert shown and "javascript" in shown[0].lower()
    assert page.model.rowCount() == 0


def test_a_web_link_is_added_and_selected(qtbot, context, monkeypatch):
    """'Add link…' with an https address adds a link item and selects it."""
    monkeypatch.setattr(
        page_dialogs, "ask_link", lambda parent: ("https://video.example.org/forum", "Forum diary")
    )
    page = _page(qtbot, context)
    page.add_link()
    assert page.model.rowCount() == 1
    assert page.editor.title.text() == "Forum diary"


def test_filters_and_grid_share_one_model(qtbot, context, three_items):
    """The search box filters both the list and the grid; 'Untagged' hides tagged items."""
    page = _page(qtbot, context)
    qtbot.keyClicks(page.search, "garden")
    assert page.table.model().rowCount() == 1
    assert page.filters.count_label.text() == "1 of 3 items"
    page.search.clear()
    page.filters.grid_button.click()
    assert page.views.currentWidget() is page.grid and page.grid.model() is page.table.model()
    assert page.grid.selectionModel() is page.table.selectionModel()
    page.filters.untagged_filter.setChecked(True)
    assert page.proxy.rowCount() == 3


def test_photo_preview_loads_on_a_worker(qtbot, context, three_items):
    """Selecting a photo shows its facts at once and its picture once the worker has read it."""
    page = _page(qtbot, context)
    page.select_ids([three_items[0]])
    assert "Type: Photo" in page.preview.facts.text()
    qtbot.waitUntil(
        lambda: (
            page.preview.image.pixmap() is not None and not page.preview.image.pixmap().isNull()
        ),
        timeout=10_000,
    )
