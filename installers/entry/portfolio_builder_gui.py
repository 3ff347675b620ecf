"""Frozen entry point of the windowed application `Portfolio Builder` (PyInstaller script).

It opens the desktop application, on the portfolio or bundle given as the first argument (a
double-clicked `.portfolio` file arrives here). Setting PORTFOLIO_BUILDER_SMOKE_TEST=SECONDS makes
it report the first window it paints on stdout ("smoke: window shown ...") and quit after that many
seconds; the freeze tests use it to measure the time to a visible window.
"""

import multiprocessing
import os
import sys
import time

_STARTED = time.perf_counter()


def _install_smoke_test(hold_seconds: float) -> None:
    """Report the first painted top-level window, then quit after hold_seconds."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        shown = False

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if (
                not self.shown
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.isWindow()
                and watched.isVisible()
            ):
                self.shown = True
                print(
                    f"smoke: window shown title={watched.windowTitle()!r} "
                    f"after={time.perf_counter() - _STARTED:.3f}s",
                    flush=True,
                )
                from portfolio_builder.ui.assessor import pdf_pane

                print(f"smoke: in-app PDF viewer available={pdf_pane.available}", flush=True)
                # exit(), not quit(): leave the loop without asking the windows to close.
                QTimer.singleShot(int(hold_seconds * 1000), lambda: QApplication.instance().exit(0))
            return False

    original_exec = QApplication.exec  # a static method: QApplication.exec() or app.exec()

    def exec_with_probe(*_args):
        app = QApplication.instance()
        probe = FirstPaint(app)
        app.installEventFilter(probe)
        return original_exec()

    QApplication.exec = exec_with_probe


def main() -> int:
    hold = os.environ.get("PORTFOLIO_BUILDER_SMOKE_TEST")
    if hold:
        _install_smoke_test(float(hold))
    # macOS Finder may pass a process serial number; a document arrives as a path.
    paths = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]
    from portfolio_builder.app import run_gui

    return run_gui(paths[0] if paths else None) or 0


if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of a frozen app re-enter here
    sys.exit(main())
