"""Run in a subprocess by test_closing_while_working: the real app quits while an import runs (window closed,
stop confirmed), so anything a worker thread raises on the way out reaches stderr."""

from __future__ import annotations

import sys
import threading
import time


def main(portfolio: str, folder: str, settings: str) -> int:
    from PySide6.QtCore import QSettings, QTimer

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, settings)
    from portfolio_builder.app import build_main_window, make_application
    from portfolio_builder.core.errors import Cancelled
    from portfolio_builder.core.evidence import evidence_import
    from portfolio_builder.ui import messages, page_dialogs

    real = evidence_import._import_entry

    def held(conn, options, entry, analyses, title, report, cancel=None):
        if len(report.added) >= 12:
            while not cancel():
                time.sleep(0.01)
            raise Cancelled("stopped")
        return real(conn, options, entry, analyses, title, report, cancel)

    evidence_import._import_entry = held
    messages.confirm = lambda *args, **kwargs: True
    messages.show_info = lambda *args, **kwargs: None
    page_dialogs.choose_evidence_folder = lambda parent: folder
    app = make_application()
    window = build_main_window(portfolio, reopen_last=False)
    window.show()
    window.show_page(2)
    page = window.view.page("Evidence")
    page.add_folder_button.click()
    worker = page.importer.worker

    def close_when_held():
        if worker.last_progress[0] == 12:
            window.close()
        else:
            QTimer.singleShot(20, close_when_held)

    QTimer.singleShot(20, close_when_held)
    app.exec()
    print(f"outcome={worker.outcome} threads={threading.active_count()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
