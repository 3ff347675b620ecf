"""GUI fixtures: settings kept in a temp folder, dialogs recorded instead of shown, real temporary portfolios."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """Every test gets its own QSettings store, so recent files and window state never leak."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("settings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    yield folder


@pytest.fixture(autouse=True)
def gc_on_gui_thread(request, qapp):
    """As the app runs (run_gui): garbage is collected on the GUI thread only, by a timer, never on a worker
    thread. A test may ask for Python's automatic collection instead (parametrize indirect with False)."""
    from portfolio_builder.ui.main_thread_gc import collect_on_gui_thread

    if not getattr(request, "param", True):
        yield None
        return
    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()
    collector.setParent(None)


@pytest.fixture
def dialogs(monkeypatch):
    """Record every message the shell would show; confirmations answer `dialogs.answer` (yes by default)."""
    from portfolio_builder.ui import messages

    class Recorder:
        def __init__(self):
            self.errors, self.infos, self.questions = [], [], []
            self.answer = True
            self.open_path = self.save_path = ""

    rec = Recorder()
    monkeypatch.setattr(
        messages, "show_error", lambda parent, message, title="": rec.errors.append(message)
    )
    monkeypatch.setattr(
        messages,
        "show_info",
        lambda parent, message, title="", details="": rec.infos.append((message, details)),
    )

    def confirm(parent, message, title="", details=""):
        rec.questions.append((message, details))
        return rec.answer

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "ask_open_path", lambda *a, **k: rec.open_path)
    monkeypatch.setattr(messages, "ask_save_path", lambda *a, **k: rec.save_path)
    return rec


def add_evidence(portfolio, title: str, kind: str = "document", consent: str = "not-needed") -> int:
    """A small stored evidence item (bytes + row), as the import would make; returns its id."""
    from portfolio_builder.core.storage.evidence_store import store_bytes
    from portfolio_builder.core.storage.schema import EvidenceItem

    with portfolio.raw_connection() as conn:
        sha = store_bytes(conn, f"evidence: {title}".encode())
        conn.commit()
    with portfolio.writing() as session:
        item = EvidenceItem(
            kind=kind,
            title=title,
            sha256=sha,
            size=len(title) + 10,
            consent=consent,
            original_name=f"{title}.txt",
            mime_type="text/plain",
            evidence_date=date(2026, 1, 5),
        )
        session.add(item)
        session.flush()
        return item.id


@pytest.fixture
def context(qtbot, fpa_portfolio):
    """A PortfolioContext on a fresh Family Partnership Award portfolio."""
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    ctx = PortfolioContext(fpa_portfolio)
    yield ctx
    ctx.undo_stack.clear()


@pytest.fixture
def iif_context(qtbot, iif_portfolio):
    """A PortfolioContext on a fresh Investors in Families (secure estate) portfolio."""
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    ctx = PortfolioContext(iif_portfolio)
    yield ctx
    ctx.undo_stack.clear()


@pytest.fixture
def scheme_context(qtbot, tmp_path):
    """Call with a shipped scheme's id: a PortfolioContext on a fresh portfolio of that scheme."""
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    made = []

    def make(scheme_id: str, setting: str = "Exshire Children's Services"):
        portfolio = create_portfolio(
            tmp_path / f"{scheme_id}.portfolio",
            shipped_framework(scheme_id),
            setting,
            lead=("Pat Moss", "Lead"),
        )
        made.append(PortfolioContext(portfolio))
        return made[-1]

    yield make
    for ctx in made:
        ctx.undo_stack.clear()
        ctx.portfolio.close()


@pytest.fixture
def older_fpa_context(qtbot, tmp_path):
    """A PortfolioContext on an FPA portfolio saved by the previous version (five priorities, an outline plan)."""
    import shutil

    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    path = tmp_path / "riverside-sample.portfolio"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "format-1" / path.name, path)
    ctx = PortfolioContext(Portfolio.open(path))
    yield ctx
    ctx.undo_stack.clear()
    ctx.portfolio.close()


@pytest.fixture
def portfolio_path(tmp_path, new_portfolio_file) -> Path:
    """A fresh portfolio file on disk (closed), for opening in a window."""
    from tests.conftest import OAK

    return new_portfolio_file(tmp_path / "Oak Primary School.portfolio", OAK)


@pytest.fixture
def main_window(qtbot, dialogs, portfolio_path):
    """The main window with the fresh portfolio open."""
    from portfolio_builder.app import build_main_window

    window = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if window.backups is not None:  # let the backup made on open finish before the test edits
        qtbot.waitUntil(lambda: window.backups.worker is None, timeout=10000)
    yield window
    window.close()


@pytest.fixture
def errors(monkeypatch):
    """Messages the assessor window would show in an error box, recorded instead."""
    from portfolio_builder.ui.assessor import AssessorWindow

    shown = []
    monkeypatch.setattr(
        AssessorWindow, "show_error", classmethod(lambda cls, parent, title, msg: shown.append(msg))
    )
    return shown
