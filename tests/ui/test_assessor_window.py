"""Assessor mode end to end: open (verified, with progress) → browse read-only → judge → export the report."""

import os
import sqlite3
import stat
import zipfile
from pathlib import Path

from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton

from portfolio_builder.core.assessor.bundle_contents import (
    DESCRIPTOR,
    EVIDENCE,
    THEME,
    evidence_action,
)
from portfolio_builder.ui.assessor import AssessorWindow, open_bundle_window
from portfolio_builder.ui.assessor.contents_model import NodeRole
from portfolio_builder.ui.assessor.item_view import ItemView
from tests.ui.assessor_fixtures import sha256_of, tamper


def _open(qtbot, path, folder) -> AssessorWindow:
    window = AssessorWindow(folder)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.bundle_opened, timeout=20000):
        job = window.open_path(path)
        assert job.dialog.isVisible()  # progress is up before any work is done
    return window


def _walk(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _walk(model, index)


def _select(window, predicate):
    model = window.tree.model()
    index = next(i for i in _walk(model) if predicate(i.data(NodeRole)))
    window.tree.setCurrentIndex(index)
    return index.data(NodeRole)


def test_open_browse_judge_report_and_close(
    qtbot, bundle, tmp_path, monkeypatch, errors, qtmodeltester
):
    """The whole visit: verify, browse, judge as typed, export DOCX and PDF; the bundle never changes."""
    before, mtime = sha256_of(bundle), os.stat(bundle).st_mtime_ns
    window = _open(qtbot, bundle, tmp_path / "assessments")
    assert "valid" in window.banner.text()
    qtmodeltester.check(window.tree.model())

    theme = _select(window, lambda n: n.kind == THEME)
    window.panel.radios["met"].click()
    descriptor = _select(window, lambda n: n.kind == DESCRIPTOR)
    code = descriptor.code
    assert window.panel.target_label.text().startswith(
        "<b>Evidence descriptor</b>"
    )  # the bundle scheme's word
    assert "Family Partnership Award" in window.windowTitle()
    window.panel.radios["not-yet-met"].click()
    window.panel.comment.setPlainText("Only the policy was seen.")
    window.panel.fields["strengths"].setPlainText("Families shape the vision.")
    window.panel.assessor_name.setText("Zoë Łukasz")
    window.panel.recommendation.setCurrentIndex(
        window.panel.recommendation.findData("further-work")
    )
    db = sqlite3.connect(
        window.assessment.path
    )  # saved as typed: visible to another reader at once
    assert db.execute(
        "SELECT judgement, comment FROM judgement WHERE scope='descriptor' AND code=?", (code,)
    ).fetchone() == ("not-yet-met", "Only the policy was seen.")
    db.close()

    photo = _select(window, lambda n: n.kind == EVIDENCE and evidence_action(n.data) == "photo")
    assert not window.item_view.photo.pixmap().isNull(), photo.title

    opened = []
    monkeypatch.setattr(
        ItemView, "open_local_file", staticmethod(lambda path: opened.append(Path(path)) or True)
    )
    _select(window, lambda n: n.kind == EVIDENCE and evidence_action(n.data) == "file")
    assert window.item_view.open_button.isVisibleTo(window)
    window.item_view.open_button.click()
    private = window.session.private_dir_if_made
    assert (
        opened
        and private in opened[0].parents
        and stat.S_IMODE(os.stat(opened[0]).st_mode) == 0o400
    )

    for suffix in (".docx", ".pdf"):
        target = tmp_path / f"report{suffix}"
        monkeypatch.setattr(
            AssessorWindow, "ask_report_path", classmethod(lambda cls, p, s, t=target: str(t))
        )
        with qtbot.waitSignal(window.report_exported):
            window.export_report()
    docx_text = "\n".join(
        c.text
        for t in Document(str(tmp_path / "report.docx")).tables
        for r in t.rows
        for c in r.cells
    )
    assert "Only the policy was seen." in docx_text and "Zoë Łukasz" in docx_text
    pdf_text = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "report.pdf")).pages)
    assert "Further work needed" in pdf_text and "Families shape the vision." in pdf_text
    assert theme.title.split(":")[0] in pdf_text

    window.close()
    assert not private.exists()
    assert sha256_of(bundle) == before and os.stat(bundle).st_mtime_ns == mtime
    assert errors == []


def test_reopening_the_bundle_brings_back_the_judgements(qtbot, bundle, tmp_path, errors):
    """Same bundle (same UUID) later: the judgement and comment typed before are shown again."""
    folder = tmp_path / "assessments"
    window = _open(qtbot, bundle, folder)
    code = _select(window, lambda n: n.kind == DESCRIPTOR).code
    window.panel.radios["met"].click()
    window.panel.comment.setPlainText("Seen at the visit.")
    window.close()
    again = _open(qtbot, bundle, folder)
    _select(again, lambda n: n.kind == DESCRIPTOR and n.code == code)
    assert again.panel.radios["met"].isChecked()
    assert again.panel.comment.toPlainText() == "Seen at the visit."
    again.close()


def test_web_links_open_only_after_confirmation(qtbot, bundle, tmp_path, monkeypatch, errors):
    """A video or web link opens in a browser only on a click and after the assessor says yes."""
    window = _open(qtbot, bundle, tmp_path)
    browsed, answers = [], [False, True]
    monkeypatch.setattr(
        ItemView, "open_web_link", staticmethod(lambda url: browsed.append(url) or True)
    )
    monkeypatch.setattr(
        ItemView, "confirm_link", classmethod(lambda cls, parent, url: answers.pop(0))
    )
    node = _select(window, lambda n: n.kind == EVIDENCE and evidence_action(n.data) == "link")
    assert browsed == []
    window.item_view.link_button.click()
    assert browsed == []
    window.item_view.link_button.click()
    assert browsed == [node.url]
    window.close()


def test_no_editing_controls_exist(qtbot, bundle, tmp_path, errors):
    """The assessor window has no control that changes the portfolio: only opening, judging and the report."""
    window = _open(qtbot, bundle, tmp_path)
    actions = {
        a.text().replace("&", "")
        for a in window.menuBar().actions()[0].menu().actions()
        if a.text()
    }
    assert actions == {"Open bundle…", "Export Assessor's Report…", "Close bundle", "Close window"}
    buttons = {b.text() for b in window.findChildren(QPushButton) if b.window() is window}
    assert buttons <= {"Open in viewer", "Open link in browser…", "Export Assessor's Report…"}
    editors = window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit)
    assert all(
        window.panel.isAncestorOf(e) or e.isReadOnly() or not e.isVisibleTo(window) for e in editors
    )
    assert window.item_view.page.isReadOnly()
    window.close()


def test_damaged_bundle_opens_with_problems_listed_and_items_marked(
    qtbot, bundle, tmp_path, errors
):
    """An altered file: the banner says so, the check page lists it, and its tree row is marked damaged."""
    with zipfile.ZipFile(bundle) as z:
        target = next(n for n in z.namelist() if "/data/evidence/" in n and n.endswith(".pdf"))
    damaged = tamper(bundle, tmp_path / "damaged.zip", target, b"%PDF-1.4 altered")
    window = _open(qtbot, damaged, tmp_path / "a")
    assert "problem" in window.banner.text()
    rows = [i.data(Qt.ItemDataRole.DisplayRole) for i in _walk(window.tree.model())]
    assert any("(damaged)" in r for r in rows)
    _select(window, lambda n: n.kind == "check")
    assert "changed or damaged" in window.item_view.page.toPlainText()
    window.close()


HOSTILE = {
    "not-a-zip": lambda z: None,
    "path-traversal": lambda z: z.writestr("../evil.txt", "x"),
    "absolute-name": lambda z: z.writestr("/etc/evil", "x"),
    "fetch-txt": lambda z: (
        z.writestr("bag/fetch.txt", "http://x 1 data/a"),
        z.writestr("bag/bagit.txt", ""),
    ),
    "two-top-folders": lambda z: (z.writestr("a/bagit.txt", ""), z.writestr("b/bagit.txt", "")),
    "symlink": lambda z: z.writestr(_symlink_info(), "/etc/passwd"),
}


def _symlink_info():
    info = zipfile.ZipInfo("bag/data/link")
    info.external_attr = 0o120777 << 16
    return info


def _hostile_corpus(folder: Path) -> list[Path]:
    """Name attacks built here (traversal, absolute, symlink, two top folders); the shared corpus is tested below."""
    paths = []
    for name, build in HOSTILE.items():
        path = folder / f"{name}.zip"
        if name == "not-a-zip":
            path.write_bytes(b"this is not a zip file" * 20)
        else:
            with zipfile.ZipFile(path, "w") as z:
                build(z)
        paths.append(path)
    return paths


def test_every_hostile_zip_is_refused_with_a_clear_message(qtbot, tmp_path, errors):
    """Each hostile zip is refused at open with a sentence from the reader; nothing is shown or extracted."""
    window = AssessorWindow(tmp_path / "assessments")
    qtbot.addWidget(window)
    corpus = _hostile_corpus(tmp_path)
    for path in corpus:
        with qtbot.waitSignal(window.open_failed, timeout=10000) as blocker:
            window.open_path(path)
        message = blocker.args[0]
        assert message and "Traceback" not in message and len(message) < 400, path.name
        assert window.session is None
    assert len(errors) == len(corpus)
    assert not (tmp_path / "assessments").exists() or not any((tmp_path / "assessments").iterdir())


def test_dropping_a_zip_opens_it_and_open_bundle_window_starts_verifying(
    qtbot, bundle, tmp_path, errors
):
    """Dropping a .zip on the window opens it; open_bundle_window(path) shows a window already verifying."""
    window = open_bundle_window(bundle, assessments_folder=tmp_path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.bundle_opened, timeout=20000):
        pass
    window.close_bundle()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(bundle))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.bundle_opened, timeout=20000):
        window.dropEvent(event)
    assert window.session is not None
    window.close()


def test_bundle_engineers_hostile_corpus(qtbot, tmp_path, errors, shared_builds):
    """Every case of the shared corpus: unsafe ones refused with the reader's words; the rest refused or shown as invalid.
    The corpus is built once per run (shared_builds.hostile_zip); the assessor's window only reads it."""
    from tests.core.hostile_zips import HOSTILE_CASES

    window = AssessorWindow(tmp_path / "assessments")
    qtbot.addWidget(window)
    for case in HOSTILE_CASES:
        path = shared_builds.hostile_zip(case)
        outcome = []
        window.open_failed.connect(outcome.append)
        window.bundle_opened.connect(outcome.append)
        window.open_path(path)
        qtbot.waitUntil(lambda outcome=outcome: bool(outcome), timeout=30000)
        window.open_failed.disconnect(outcome.append)
        window.bundle_opened.disconnect(outcome.append)
        result = outcome[0]
        if isinstance(result, str):
            text = result
            assert "Traceback" not in text, case.name
        else:
            assert not case.unsafe, f"{case.name} was opened"
            assert not result.valid and "problem" in window.banner.text(), case.name
            text = " ".join(result.problems)
            window.close_bundle()
        assert all(word in text for word in case.words), (case.name, text)
    window.close()
