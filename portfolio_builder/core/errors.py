"""Errors whose message is fit to show a user as it is."""


class PortfolioError(Exception):
    """A refusal or failure the user can understand; its str() is the message to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadInput(PortfolioError):
    """A file, link or value given by the user that cannot be accepted."""


class RuleViolation(PortfolioError):
    """A request that breaks a rule of the framework, such as a third key evidence item."""


class PortfolioFileError(PortfolioError):
    """The portfolio file itself cannot be opened or written."""


class ReadOnlyPortfolio(PortfolioFileError):
    """A write was attempted on a portfolio opened read-only."""


class Cancelled(PortfolioError):
    """Long work stopped because the user asked it to."""

    def __init__(self, message: str = "Cancelled."):
        super().__init__(message)


class ChangedMeanwhile(PortfolioError):
    """An undo or redo that cannot apply because the rows it would put back were changed since (nothing applied)."""


class UnsafeBundle(PortfolioError):
    """The bundle is damaged or hostile and must not be opened; the message says why."""
