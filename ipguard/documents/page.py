"""The A4 page: margins, running header, page-number footer and the PDF build.

A4 with the margins of Chinese official documents (GB/T 9704: top 37 mm,
left 28 mm, right 26 mm, bottom 35 mm). Pages after the first carry a small
running header; every page of a multi-page document the footer
"第 1 页 共 N 页". Output is deterministic (``invariant=1``) so a reprint of
the same data is byte-identical. The blocks placed on the page are in
:mod:`ipguard.documents.layout`, which re-exports these names.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ipguard.documents.fonts import FontChoice

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MARGIN_BOTTOM = 35 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

RULE_GREY = colors.HexColor("#808080")


def _numbered_canvas_class(font: FontChoice, running_header: str):
    """A canvas that defers pages so the footer can say how many there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            if total > 1:
                self.setFont(font.name, 10.5)
                self.setFillColor(colors.black)
                self.drawCentredString(PAGE_WIDTH / 2, MARGIN_BOTTOM - 14 * mm, f"第 {page} 页 共 {total} 页")
            if page > 1 and running_header:
                y = PAGE_HEIGHT - MARGIN_TOP + 8 * mm
                self.setFont(font.name, 9)
                self.setFillColor(RULE_GREY)
                self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y + 2, running_header)
                self.setStrokeColor(RULE_GREY)
                self.setLineWidth(0.4)
                self.line(MARGIN_LEFT, y, PAGE_WIDTH - MARGIN_RIGHT, y)
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list[Flowable], font: FontChoice, *, title_text: str, author: str, running_header: str = "") -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF bytes (deterministic)."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title_text,
        author=author,
        creator="ipguard",
        producer="ipguard",
        subject=title_text,
        invariant=1,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas_class(font, running_header))
    return buffer.getvalue()
