"""The open portfolio as the GUI sees it: one object every page shares, with change signals and undo."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.errors import PortfolioError
from ..core.storage.portfolio_file import Portfolio
from ..core.scheme.model import Scheme
from ..core.scheme.store import scheme_of

# What changed, so pages refresh only what they show.
FRAMEWORK, EVIDENCE, RATINGS, PLANNING, SETTING = "framework", "evidence", "ratings", "planning", "setting"


class ServiceCommand(QUndoCommand):
    """An undoable edit made of two core-service calls: one to do it, one to undo it."""

    def __init__(self, context: "PortfolioContext", text: str, do: Callable[[], None],
                 undo: Callable[[], None], area: str):
        super().__init__(text)
        self.context, self._do, self._undo, self.area = context, do, undo, area

    def redo(self) -> None:
        self.context.call(self._do, self.area)

    def undo(self) -> None:
        self.context.call(self._undo, self.area)


class PortfolioContext(QObject):
    """Holds the open Portfolio; pages call services through it and listen to `changed`."""

    changed = Signal(str)  # one of the area names above
    error = Signal(str)  # a user-facing message from a refused edit

    def __init__(self, portfolio: Portfolio, parent: QObject | None = None):
        super().__init__(parent)
        self.portfolio = portfolio
        self.undo_stack = QUndoStack(self)

    @property
    def read_only(self) -> bool:
        return self.portfolio.read_only

    @property
    def scheme(self) -> Scheme:
        """The portfolio's scheme (its words, scale, rules and parts); pages ask it, never which scheme it is."""
        return scheme_of(self.portfolio)

    def call(self, fn: Callable[[], object], area: str) -> object:
        """Run a core service call (committed at once) and announce the change; errors go to `error`."""
        try:
            result = fn()
        except PortfolioError as exc:
            self.error.emit(exc.message)
            raise
        self.changed.emit(area)
        return result

    def try_call(self, fn: Callable[[], object], area: str) -> tuple[bool, object]:
        """Like call, but returns (ok, result) instead of raising a refusal (already shown via `error`)."""
        try:
            return True, self.call(fn, area)
        except PortfolioError:
            return False, None

    def push(self, text: str, do: Callable[[], None], undo: Callable[[], None], area: str) -> bool:
        """Do an undoable edit; a refused edit shows its message and is not put on the undo stack."""
        try:
            do()
        except PortfolioError as exc:
            self.error.emit(exc.message)
            return False
        self.changed.emit(area)
        command = ServiceCommand(self, text, do, undo, area)
        command.setObsolete(False)
        self._skip_first_redo(command)
        return True

    def _skip_first_redo(self, command: ServiceCommand) -> None:
        """QUndoStack.push calls redo(); the edit is already done, so the first redo is skipped."""
        real_redo = command._do
        first = {"pending": True}

        def redo_once():
            if first["pending"]:
                first["pending"] = False
                return None
            return real_redo()

        command._do = redo_once
        self.undo_stack.push(command)
        command._do = real_redo

    def close(self) -> None:
        """Close the portfolio file."""
        self.undo_stack.clear()
        self.portfolio.close()
