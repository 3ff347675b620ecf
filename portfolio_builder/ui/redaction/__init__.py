"""Blur or block out parts of a photo in the desktop: the upright picture, the regions drawn on it, the editor dialog.

Owns: loading a photo upright off the GUI thread, painting how each region will look, the canvas
where regions are drawn, moved, resized and removed, and the editor that commits every change
through the portfolio's undo stack and runs Find faces on a worker. Core does the real painting on export.
"""
