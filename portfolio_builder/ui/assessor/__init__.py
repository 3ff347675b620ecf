"""Assessor mode: open a received bundle read-only, judge it, and export the Assessor's Report."""

from .assessor_window import AssessorWindow, open_bundle_window

__all__ = ["AssessorWindow", "open_bundle_window"]
