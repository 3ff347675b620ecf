"""One window per portfolio file: a lock file beside it, taken over when its owner has died."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from ..core.errors import PortfolioFileError

ALREADY_OPEN = (
    "This portfolio is already open in another window (or another copy of Portfolio Builder)."
)


def lock_path(portfolio_path: Path) -> Path:
    """The lock file's name: '<file>.lock'."""
    return Path(f"{portfolio_path}.lock")


class PortfolioLock:
    """Holds '<file>.lock' while a portfolio is open; a lock left by a crashed copy is removed."""

    def __init__(self, portfolio_path: Path):
        self.path = lock_path(Path(portfolio_path))
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # never stale by age: only when its process is gone

    def acquire(self) -> bool:
        """Take the lock; PortfolioFileError when another live window holds it.

        Returns False (no lock held) where the folder is read-only: the file opens read-only then.
        """
        if self._lock.tryLock(0):
            return True
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:  # tryLock already took over a stale lock
            raise PortfolioFileError(ALREADY_OPEN)
        return False

    def release(self) -> None:
        """Let another window open the portfolio."""
        if self._lock.isLocked():
            self._lock.unlock()
