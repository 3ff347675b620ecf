"""The refusal raised when a document's metadata cannot be removed safely, so it is reported instead of sent."""

from __future__ import annotations

from ..errors import PortfolioError


class CannotClean(PortfolioError):
    """A document whose personal fields cannot be emptied safely; the message says why, in words."""
