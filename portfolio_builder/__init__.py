"""Portfolio Builder: build and assess family-partnership quality-mark portfolios offline."""

__version__ = "0.1.0"
APP_NAME = "Portfolio Builder"
