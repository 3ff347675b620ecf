"""The PDF's document template: contents page entries, bookmarks (outline), portrait/landscape pages, page x of y."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus.tableofcontents import TableOfContents

from ..errors import Cancelled
from .pdf_paragraph import DrawnOnlyWhenKept, LayoutCanvas
from .pdf_styles import LANDSCAPE, MARGIN, PORTRAIT, draw_page_frame, para_text, styles

_keys = itertools.count(1)


MAX_HEADING_CHARS = (
    160  # a heading never needs to split across pages (reportlab cannot split this subclass)
)


class SectionHeading(DrawnOnlyWhenKept, Paragraph):
    """A heading that becomes a contents entry and a PDF bookmark at its outline level."""

    def __init__(
        self, title: str, level: int, style_name: str | None = None, in_contents: bool = True
    ):
        title = title if len(title) <= MAX_HEADING_CHARS else title[: MAX_HEADING_CHARS - 1] + "…"
        super().__init__(para_text(title), styles()[style_name or f"h{min(level, 2)}"])
        self.plain_title = title
        self.outline_level = level
        self.in_contents = in_contents
        self.bookmark_key = f"s{next(_keys)}"


class PageTotalMarker(Flowable):
    """Zero-size last flowable: notes the final page so 'page x of y' is right, asking for another pass if not."""

    def __init__(self, doc: PortfolioDocTemplate):
        super().__init__()
        self.doc = doc
        self.seen = 0
        self.satisfied = False

    def isIndexing(self):
        return 1

    def beforeBuild(self):
        self.seen = 0

    def afterBuild(self):
        self.satisfied = self.seen == self.doc.page_total
        self.doc.page_total = self.seen

    def isSatisfied(self):
        return self.satisfied

    def notify(self, kind, stuff):
        """Contents entries are not for this flowable."""

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.seen = self.canv.getPageNumber()


def contents_table() -> TableOfContents:
    """The contents page flowable, filled in by multiBuild from the section headings."""
    toc = TableOfContents(
        dotsMinLevel=0,
        tableStyle=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        ),
    )  # tight rows: six themes and five priorities fit one page
    s = styles()
    toc.levelStyles = [s["toc0"], s["toc1"], s["toc2"]]
    return toc


class HeadingWithNext(KeepTogether):
    """Keeps a heading with the start of what follows, not all of it: a long table after a heading starts
    on the same page once its header and first row fit there (ReportLab's KeepTogether would move it all)."""

    def wrap(self, aW, aH):
        dims: list = []
        width, height = _listWrapOn(self._content, aW, self.canv, dims=dims)
        self._H, self._H0, self._dims, self._wrapInfo = (
            height,
            dims[0][1] if dims else 0,
            dims,
            (aW, aH),
        )
        return width, 0xFFFFFF  # force a split, as KeepTogether does

    def _start_height(self) -> float:
        """Height of every flowable but the last, plus the last one's first rows (or lines)."""
        *lead, last = self._content
        heights = [h for _w, h in self._dims]
        need = (
            sum(heights[:-1])
            + sum(f.getSpaceAfter() + f.getSpaceBefore() for f in lead)
            + last.getSpaceBefore()
        )
        rows = getattr(last, "_rowHeights", None)
        if rows:
            return need + sum(rows[: (last.repeatRows or 0) + 1])
        if isinstance(last, Paragraph):
            return need + min(heights[-1], 3 * last.style.leading)
        return need + heights[-1]

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        fits_start = len(self._dims) == len(self._content) > 1 and self._start_height() <= aH
        if self._H > aH and fits_start:
            return self._content[:]
        return super().split(aW, aH)


class PortfolioDocTemplate(BaseDocTemplate):
    """A4 portrait pages with a landscape template for wide tables; headings feed contents and outline."""

    def __init__(
        self,
        out,
        *,
        setting_name: str,
        scheme_name: str,
        footer_note: str,
        draft: bool,
        title: str,
        stop: Callable[[], bool] | None = None,
    ):
        super().__init__(
            out,
            pagesize=PORTRAIT,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author=setting_name,
            subject=scheme_name,
            creator="Portfolio Builder",
            lang="en-GB",
            displayDocTitle=True,
        )
        # ReportLab writes no structure tree (untagged PDF); language and title are what it can give (README)
        self.setting_name, self.scheme_name, self.footer_note, self.draft = (
            setting_name,
            scheme_name,
            footer_note,
            draft,
        )
        self.page_total = 0
        self.stop = stop  # asked before each flowable is laid out: a cancelled export stops
        self.keepTogetherClass = HeadingWithNext
        self.addPageTemplates(
            [self._template("portrait", PORTRAIT), self._template("landscape", LANDSCAPE)]
        )

    def multiBuild(self, story, maxPasses=10, **build_options):
        """A pass that lays the story out without drawing it, then ReportLab's passes as before.

        ReportLab draws every pass, and never keeps the first: the page total (PageTotalMarker) and the
        contents' page numbers are only known after it. Laying out alone finds them in about half the
        time; the drawn pass that follows is then satisfied and saved, the same PDF as before.
        """
        indexing = self._indexingFlowables = [f for f in story if f.isIndexing()]  # told of entries
        edits: list = []  # what a pass changed on the story's flowables, undone before the next
        self._doSave, self._multiBuildEdits = 0, edits.append
        for flowable in indexing:
            flowable.beforeBuild()
        try:
            self.build(story[:], canvasmaker=LayoutCanvas)
        finally:
            del self._multiBuildEdits
        for flowable in indexing:
            flowable.afterBuild()
        for edit in edits:
            edit[0](*edit[1:])
        return super().multiBuild(story, maxPasses, **build_options)

    def handle_flowable(self, flowables):
        if self.stop is not None and self.stop():
            raise Cancelled("Export cancelled: no bundle was written.")
        super().handle_flowable(flowables)

    @staticmethod
    def _template(name: str, size) -> PageTemplate:
        width, height = size
        frame = Frame(
            MARGIN,
            MARGIN,
            width - 2 * MARGIN,
            height - 2 * MARGIN,
            id=f"{name}-frame",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return PageTemplate(id=name, frames=[frame], onPage=draw_page_frame, pagesize=size)

    def afterFlowable(self, flowable):
        if not isinstance(flowable, SectionHeading):
            return
        key = flowable.bookmark_key
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(
            flowable.plain_title,
            key,
            level=flowable.outline_level,
            closed=flowable.outline_level > 0,
        )
        if flowable.in_contents:
            self.notify(
                "TOCEntry",
                (flowable.outline_level, para_text(flowable.plain_title), self.page, key),
            )

    @staticmethod
    def frame_width(landscape: bool = False) -> float:
        return (LANDSCAPE if landscape else PORTRAIT)[0] - 2 * MARGIN
