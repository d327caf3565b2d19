"""The A4 page: margins, running header, page numbers, audit footer and the PDF build.

A4 with the type area of Chinese official documents (GB/T 9704-2012: top
37 mm, left 28 mm, type area 156 × 225 mm). Letters and notices
(``official=True``) carry the standard's page number ``— N —`` in 4号 type
7 mm below the type area, on the outer side (odd pages right, even pages
left, one character in); the internal documents (report, resolution) carry a
centred "第 N 页 共 M 页" when they run to more than one page. Pages after the
first carry a small running header. Every page carries, in small grey type at
the foot, the head of the audit chain when the document was issued; the same
head is in the PDF's /Keywords (``ipguard-audit:COUNT:HASH``, see
:mod:`ipguard.anchors`).

Output is deterministic (``invariant=1``) and the creation date is the
document's own date, so a reprint of the same data is byte-identical. The
document language is ``zh-CN``; the canvas starts in the document's font, so
no unused standard font is listed.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ipguard.documents.cjkwrap import ACTIVE_FONT
from ipguard.documents.fonts import FontChoice, runs

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MARGIN_BOTTOM = 35 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

RULE_GREY = colors.HexColor("#808080")
PAGE_NUMBER_SIZE = 14  # 4号
AUDIT_SIZE = 6.5


def text_width(font: FontChoice, preferred: str, text: str, size: float) -> float:
    """Width of ``text`` set with per-character fallback."""
    return sum(stringWidth(part, face, size) for face, part in runs(text, font, preferred))


def draw_text(canvas: Canvas, font: FontChoice, preferred: str, size: float, x: float, y: float, text: str,
              align: str = "left", max_width: float | None = None) -> None:  # fmt: skip
    """Draw one line with per-character fallback; shrunk to ``max_width`` when wider."""
    width = text_width(font, preferred, text, size)
    if max_width and width > max_width:
        size = size * max_width / width
        width = max_width
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    for face, part in runs(text, font, preferred):
        canvas.setFont(face, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, face, size)


def _numbered_canvas_class(font: FontChoice, running_header: str, official: bool, audit_text: str, pdf_date: str) -> type[Canvas]:
    """A canvas that defers pages so the footer can say how many there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []
            self.setDateFormatter(lambda *_ignored: pdf_date)

        def showPage(self) -> None:  # reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            # reportlab's own "page X of Y" recipe: begin the next page without emitting this one yet.
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            self.setFillColor(colors.black)
            if official:
                y = MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8
                text = f"— {page} —"
                if page % 2:
                    draw_text(self, font, font.body_name, PAGE_NUMBER_SIZE, PAGE_WIDTH - MARGIN_RIGHT - PAGE_NUMBER_SIZE, y,
                              text, "right")  # fmt: skip
                else:
                    draw_text(self, font, font.body_name, PAGE_NUMBER_SIZE, MARGIN_LEFT + PAGE_NUMBER_SIZE, y, text)
            elif total > 1:
                draw_text(self, font, font.name, 10.5, PAGE_WIDTH / 2, MARGIN_BOTTOM - 14 * mm, f"第 {page} 页 共 {total} 页",
                          "center")  # fmt: skip
            if audit_text:
                self.setFillColor(RULE_GREY)
                draw_text(self, font, font.name, AUDIT_SIZE, PAGE_WIDTH / 2, 10 * mm, audit_text, "center", TEXT_WIDTH)
            if page > 1 and running_header:
                y = PAGE_HEIGHT - MARGIN_TOP + 8 * mm
                self.setFillColor(RULE_GREY)
                draw_text(self, font, font.name, 9, PAGE_WIDTH - MARGIN_RIGHT, y + 2, running_header, "right", TEXT_WIDTH)
                self.setStrokeColor(RULE_GREY)
                self.setLineWidth(0.4)
                self.line(MARGIN_LEFT, y, PAGE_WIDTH - MARGIN_RIGHT, y)
            self.restoreState()

    return NumberedCanvas


def audit_footer(mark: str) -> str:
    """The footer line for an audit mark ``ipguard-audit:COUNT:HASH``."""
    parts = mark.split(":")
    if len(parts) != 3:
        return ""
    return f"出具时审计链：{parts[1]}条，链头 {parts[2]}"


def build_pdf(
    story: list[Flowable],
    font: FontChoice,
    *,
    title_text: str,
    author: str,
    running_header: str = "",
    subject: str = "",
    doc_date: dt.date | None = None,
    official: bool = False,
    audit_mark: str = "",
) -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF bytes (deterministic).

    ``doc_date`` is the creation date written into the PDF (the document's own
    date); ``audit_mark`` (``ipguard-audit:COUNT:HASH``) goes into /Keywords and
    the footer.
    """
    buffer = io.BytesIO()
    day = doc_date or dt.date(2000, 1, 1)
    pdf_date = f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+08'00'"
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
        subject=subject or title_text,
        keywords=[audit_mark],
        lang="zh-CN",
        initialFontName=font.name,
        invariant=1,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, TEXT_HEIGHT, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    token = ACTIVE_FONT.set(font)
    try:
        doc.build(story, canvasmaker=_numbered_canvas_class(font, running_header, official, audit_footer(audit_mark), pdf_date))
    finally:
        ACTIVE_FONT.reset(token)
    return buffer.getvalue()
