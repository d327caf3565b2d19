"""Styles and the blocks the four documents share.

The first page carries the letterhead (company name in red, document number,
red rule); text helpers, paragraph styles, sections, tables and the signature
block follow. The page itself (A4 margins, running header, page-number footer,
:func:`build_pdf`) is :mod:`ipguard.documents.page`; its names are re-exported
here so the documents import everything from this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from ipguard.documents.cjkwrap import ACTIVE_FONT, CJKParagraph
from ipguard.documents.fonts import FontChoice
from ipguard.documents.models import Letterhead

# The page is re-exported: the documents import everything from this module.
from ipguard.documents.page import MARGIN_BOTTOM as MARGIN_BOTTOM
from ipguard.documents.page import MARGIN_LEFT as MARGIN_LEFT
from ipguard.documents.page import MARGIN_RIGHT as MARGIN_RIGHT
from ipguard.documents.page import MARGIN_TOP as MARGIN_TOP
from ipguard.documents.page import PAGE_HEIGHT as PAGE_HEIGHT
from ipguard.documents.page import PAGE_WIDTH as PAGE_WIDTH
from ipguard.documents.page import RULE_GREY as RULE_GREY
from ipguard.documents.page import TEXT_HEIGHT as TEXT_HEIGHT
from ipguard.documents.page import TEXT_WIDTH as TEXT_WIDTH
from ipguard.documents.page import build_pdf as build_pdf
from ipguard.documents.page import draw_text, text_width

SEAL_RED = colors.HexColor("#C8161D")
HEADER_FILL = colors.HexColor("#EDEDED")

BODY_SIZE = 12  # 小四
BODY_LEADING = 18  # 1.5 lines: a letter with four pledged assets fits one page
# GB/T 9704-2012 for letters and notices: 3号 body, 28 characters × 22 lines in the 156 × 225 mm type area.
# 三号 is nominally 16 pt; 28 characters of 16 pt are 448 pt, 6 pt wider than 156 mm, so the body is set at
# 15.75 pt (28 × 15.75 = 441 pt), as word processors do for 28 characters a line.
OFFICIAL_SIZE = 15.75
OFFICIAL_LEADING = TEXT_HEIGHT / 22
OFFICIAL_TITLE_SIZE = 22  # 2号
CELL_SIZE = 10.5  # 五号
CELL_LEADING = 13.5


# ---------------------------------------------------------------- text helpers


def esc(text: object) -> str:
    """User text made safe for reportlab's paragraph markup."""
    return escape(str(text))


def date_text(value: dt.date | None, *, blank: str = "　　　　年　　月　　日") -> str:
    """2026年11月22日; a blank to fill in by hand when there is no date."""
    if value is None:
        return blank
    return f"{value.year}年{value.month}月{value.day}日"


def clause(text: str, last: bool) -> str:
    """A listed item ends with ；, the last one with 。 (unless the text already ends with punctuation)."""
    text = text.strip()
    if not text or text[-1] in "。；;.!！?？":
        return text
    return text + ("。" if last else "；")


def term_text(months: int) -> str:
    return f"{months}个月"


# ---------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    company: ParagraphStyle
    doc_no: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    addressee: ParagraphStyle
    body: ParagraphStyle
    plain: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    sign: ParagraphStyle
    note: ParagraphStyle


@lru_cache(maxsize=8)
def make_styles(font_name: str, heading_name: str) -> Styles:
    """Paragraph styles for a registered font (cached per font)."""

    def style(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", font_name)
        kw.setdefault("fontSize", BODY_SIZE)
        kw.setdefault("leading", BODY_LEADING)
        return ParagraphStyle(name, wordWrap="CJK", **kw)

    cell = dict(fontSize=CELL_SIZE, leading=CELL_LEADING)
    return Styles(
        company=style("company", fontName=heading_name, fontSize=22, leading=26, alignment=TA_CENTER, textColor=SEAL_RED),
        doc_no=style("doc_no", alignment=TA_CENTER, spaceBefore=2),
        title=style("title", fontName=heading_name, fontSize=20, leading=28, alignment=TA_CENTER, spaceBefore=4, spaceAfter=6),
        subtitle=style("subtitle", alignment=TA_CENTER, spaceAfter=10),
        addressee=style("addressee", spaceAfter=2),
        body=style("body", firstLineIndent=2 * BODY_SIZE, alignment=TA_LEFT),
        plain=style("plain"),
        heading=style("heading", fontName=heading_name, fontSize=13, leading=22, spaceBefore=8, spaceAfter=4),
        cell=style("cell", **cell),
        cell_center=style("cell_center", alignment=TA_CENTER, **cell),
        cell_right=style("cell_right", alignment=TA_RIGHT, **cell),
        cell_head=style("cell_head", fontName=heading_name, alignment=TA_CENTER, **cell),
        sign=style("sign", alignment=TA_CENTER),
        note=style("note", fontSize=9, leading=13, textColor=colors.HexColor("#404040")),
    )


@lru_cache(maxsize=8)
def make_official_styles(font_name: str, heading_name: str, body_name: str) -> Styles:
    """GB/T 9704 styles: body 3号 in the 仿宋 (else 宋) face, justified, 22 lines a page; title 2号."""
    base = make_styles(font_name, heading_name)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", body_name)
        kw.setdefault("fontSize", OFFICIAL_SIZE)
        kw.setdefault("leading", OFFICIAL_LEADING)
        return ParagraphStyle(name, wordWrap="CJK", **kw)

    return Styles(
        company=style("o_company", fontName=heading_name, fontSize=26, leading=34, alignment=TA_CENTER, textColor=SEAL_RED),
        doc_no=style("o_doc_no", alignment=TA_CENTER, spaceBefore=OFFICIAL_LEADING),
        title=style("o_title", fontName=heading_name, fontSize=OFFICIAL_TITLE_SIZE, leading=OFFICIAL_LEADING * 1.2,
                    alignment=TA_CENTER, spaceBefore=OFFICIAL_LEADING * 0.6, spaceAfter=OFFICIAL_LEADING * 0.4),
        subtitle=style("o_subtitle", alignment=TA_CENTER),
        addressee=style("o_addressee"),
        body=style("o_body", firstLineIndent=2 * OFFICIAL_SIZE, alignment=TA_JUSTIFY),
        plain=style("o_plain"),
        heading=style("o_heading", fontName=heading_name),
        cell=base.cell,
        cell_center=base.cell_center,
        cell_right=base.cell_right,
        cell_head=base.cell_head,
        sign=style("o_sign", alignment=TA_CENTER),
        note=style("o_note", fontSize=12, leading=18, firstLineIndent=24),
    )  # fmt: skip


def styles_for(font: FontChoice) -> Styles:
    return make_styles(font.name, font.heading_name)


def official_styles_for(font: FontChoice) -> Styles:
    return make_official_styles(font.name, font.heading_name, font.body_name)


class FitLine(Flowable):
    """One line of text that never wraps: shrunk until it fits the width (long names in headers)."""

    def __init__(self, text: str, font_name: str, size: float, leading: float, *, align: str = "center",
                 color: Color = colors.black, space_before: float = 0, space_after: float = 0) -> None:  # fmt: skip
        super().__init__()
        self.text, self.font_name, self.size, self.leading = text, font_name, size, leading
        self.align, self.color = align, color
        self.spaceBefore, self.spaceAfter = space_before, space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # reportlab's names
        self.width = availWidth
        return availWidth, self.leading

    def draw(self) -> None:
        font = ACTIVE_FONT.get()
        x = {"center": self.width / 2, "right": self.width, "left": 0}[self.align]
        self.canv.setFillColor(self.color)
        if font is None:  # outside a document build (tests measuring a block)
            self.canv.setFont(self.font_name, self.size)
            self.canv.drawString(0, self.leading * 0.25, self.text)
            return
        draw_text(self.canv, font, self.font_name, self.size, x, (self.leading - self.size) / 2 + self.size * 0.12,
                  self.text, self.align, self.width)  # fmt: skip


class OfficialSignature(Flowable):
    """发文机关署名 and 成文日期 as GB/T 9704 7.3.5.1 places them, with room for the seal.

    The date stands 4 characters in from the right edge; the issuer is centred
    on the date (shrunk when it would not fit); above them two blank lines so
    the seal (印章), pressed centred over issuer and date, reaches to within a
    line of the text above. ``after`` lines follow under the date, flush left.
    """

    def __init__(self, issuer: str, date: str, font_name: str, *, size: float = OFFICIAL_SIZE,
                 leading: float = OFFICIAL_LEADING, signatory: str = "") -> None:  # fmt: skip
        super().__init__()
        self.issuer, self.date, self.signatory = issuer, date, signatory
        self.font_name, self.size, self.leading = font_name, size, leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # reportlab's names
        self.width = availWidth
        lines = 3.5 + (1 if self.signatory else 0)
        self.height = lines * self.leading
        return availWidth, self.height

    def draw(self) -> None:
        font = ACTIVE_FONT.get()
        if font is None:
            return
        size, lead = self.size, self.leading
        date_right = self.width - 4 * size
        date_w = text_width(font, self.font_name, self.date, size)
        centre = date_right - date_w / 2
        issuer_w = text_width(font, self.font_name, self.issuer, size)
        room = 2 * min(centre, self.width - centre)
        base = (lead - size) / 2 + size * 0.12
        y_date = (1 if self.signatory else 0) * lead + lead + base
        draw_text(self.canv, font, self.font_name, size, date_right, y_date, self.date, "right")
        draw_text(self.canv, font, self.font_name, size, centre if issuer_w <= room else self.width, y_date + lead,
                  self.issuer, "center" if issuer_w <= room else "right", self.width)  # fmt: skip
        if self.signatory:
            draw_text(self.canv, font, self.font_name, size, date_right, base, self.signatory, "right", date_right)


class AtPageFoot(Flowable):
    """Content pushed to the foot of the page (版记 on the last page); to a new page when it does not fit."""

    def __init__(self, content: Sequence[Flowable]) -> None:
        super().__init__()
        self.content = list(content)

    def _content_height(self, width: float) -> float:
        return sum(f.wrap(width, 100_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self.content)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # reportlab's names
        self.width = availWidth
        self.inner = self._content_height(availWidth)
        self.height = max(self.inner, availHeight - 1)
        return availWidth, self.height

    def draw(self) -> None:
        y = self.inner
        for f in self.content:
            y -= f.getSpaceBefore()
            _w, h = f.wrap(self.width, 100_000)
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()


def official_note(letterhead: Letterhead, contact_name: str, contact_phone: str) -> str:
    """附注 under the date: handling officer and telephone, the company's address and switchboard (escaped)."""
    parts = []
    if contact_name:
        parts.append(f"经办人：{esc(contact_name)}")
    parts.append(f"联系电话：{esc(contact_phone or letterhead.telephone)}")
    address = f"地址：{esc(letterhead.address)}"
    if letterhead.postcode:
        address += f"（邮编：{esc(letterhead.postcode)}）"
    tail = [address, f"总机：{esc(letterhead.telephone)}"]
    if letterhead.fax:
        tail.append(f"传真：{esc(letterhead.fax)}")
    return f"（{'，'.join(parts)}；{'，'.join(tail)}）"


def colophon(cc: Sequence[str], issuer: str, printed: str, font: FontChoice) -> Flowable:
    """版记: 抄送 and 印发机关/印发日期 between rules, at the foot of the last page (GB/T 9704 7.4)."""
    size, lead = 14, OFFICIAL_LEADING * 0.9  # 4号
    lines: list[Flowable] = [HRFlowable(width="100%", thickness=1.0, color=colors.black, spaceAfter=0, spaceBefore=0)]
    if cc:
        style = ParagraphStyle("cc", fontName=font.body_name, fontSize=size, leading=lead, wordWrap="CJK",
                               leftIndent=size, firstLineIndent=0)  # fmt: skip
        lines.append(para(f"抄送：{esc('，'.join(cc))}。", style))
        lines.append(HRFlowable(width="100%", thickness=0.7, color=colors.black, spaceAfter=0, spaceBefore=2))
    row = DocTable(
        [[para(esc(issuer), ParagraphStyle("pi", fontName=font.body_name, fontSize=size, leading=lead, wordWrap="CJK")),
          para(esc(printed), ParagraphStyle("pd", fontName=font.body_name, fontSize=size, leading=lead, wordWrap="CJK",
                                            alignment=TA_RIGHT))]],
        colWidths=[TEXT_WIDTH * 0.62, TEXT_WIDTH * 0.38],
        style=[("LEFTPADDING", (0, 0), (0, 0), size), ("RIGHTPADDING", (-1, 0), (-1, 0), size),
               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")],
    )  # fmt: skip
    lines += [row, HRFlowable(width="100%", thickness=1.0, color=colors.black, spaceAfter=0, spaceBefore=2)]
    return AtPageFoot(lines)


def para(text: str, style: ParagraphStyle) -> CJKParagraph:
    """A paragraph of already-escaped markup."""
    return CJKParagraph(text, style)


# ---------------------------------------------------------------- blocks


def letterhead_block(letterhead: Letterhead, doc_no: str, st: Styles) -> list[Flowable]:
    """Company name in red, the document number, then the red rule (版头)."""
    return [
        FitLine(letterhead.company_name, st.company.fontName, st.company.fontSize, st.company.leading, color=SEAL_RED),
        para(esc(doc_no), st.doc_no),
        HRFlowable(width="100%", thickness=1.6, color=SEAL_RED, spaceBefore=2, spaceAfter=1),
        HRFlowable(width="100%", thickness=0.5, color=SEAL_RED, spaceBefore=0, spaceAfter=6),
    ]


def title(text: str, st: Styles) -> CJKParagraph:
    return para(esc(text), st.title)


class RoomFor(CondPageBreak):
    """A page break unless the rest of the page holds ``flowables``' start (a heading never ends a page alone).

    The start of a table is its header plus :attr:`GridTable.MIN_ROWS` rows; of
    anything else its full height, capped at three body lines.
    """

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__(0)
        self.flowables = list(flowables)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # reportlab's names
        self.height = sum(_start_height(f, availWidth) for f in self.flowables) + 2
        return super().wrap(availWidth, availHeight)


def _start_height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, DocTable):
        head = flowable.repeatRows if isinstance(flowable.repeatRows, int) else len(flowable.repeatRows)
        return flowable.first_rows(head + GridTable.MIN_ROWS).wrap(width, 100_000)[1]
    _w, height = flowable.wrap(width, 100_000)
    height += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return height if isinstance(flowable, Spacer) else min(height, 3 * BODY_LEADING)


def section(text: str, st: Styles, following: Sequence[Flowable] = ()) -> list[Flowable]:
    """A section heading that never ends a page alone.

    It moves to the next page unless the start of ``following`` fits under it:
    everything up to and including the first table (that table's header and
    first rows), else about three lines. Without ``following``, ~6 lines must be left.
    """
    heading = para(esc(text), st.heading)
    if not following:
        return [CondPageBreak(6 * BODY_LEADING + 20), heading]
    start: list[Flowable] = []
    for flowable in following:
        start.append(flowable)
        if isinstance(flowable, Table):
            break
    return [RoomFor([heading, *start]), heading]


def owners_column_needed(owners: Sequence[str], holder: str) -> bool:
    """An owner column is only worth its width when some asset is not the borrower's."""
    return any(owner.strip() != holder.strip() for owner in owners)


class DocTable(Table):
    """A Table whose cells default to the document's font (never reportlab's unused Helvetica)."""

    def __init__(self, data: Sequence[Sequence[object]], *, style: Sequence[tuple[Any, ...]] | None = None, **kwargs: Any) -> None:
        font = ACTIVE_FONT.get()
        commands = [("FONT", (0, 0), (-1, -1), font.name)] if font is not None else []
        self.rows = [list(row) for row in data]  # reportlab keeps its copy privately; splits count these
        self.built_with = (style, kwargs)
        super().__init__(self.rows, style=[*commands, *(style or [])], **kwargs)

    def first_rows(self, count: int) -> DocTable:
        """The same table cut to its first ``count`` rows (to measure how tall its start is)."""
        style, kwargs = self.built_with
        if count >= len(self.rows):
            return self
        kwargs = dict(kwargs)
        if isinstance(kwargs.get("rowHeights"), (list, tuple)):
            kwargs["rowHeights"] = kwargs["rowHeights"][:count]
        kept = [c for c in (style or []) if not _beyond(c, count)]
        return DocTable(self.rows[:count], style=kept, **kwargs)


def _beyond(command: tuple[Any, ...], rows: int) -> bool:
    """Whether a table style command reaches past the first ``rows`` rows (a span or a cell there)."""
    if len(command) < 3 or not isinstance(command[1], tuple):
        return False
    starts = [command[1][1], command[2][1]]
    return any(r >= rows for r in starts if isinstance(r, int) and r >= 0)


class GridTable(DocTable):
    """A table that, when split over pages, leaves at least two body rows on each side (no widows)."""

    MIN_ROWS = 2

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # reportlab's names
        height = availHeight
        for _ in range(12):
            parts = super().split(availWidth, height)
            if len(parts) != 2:
                return parts
            head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
            # reportlab builds each part with this class, so each part has its own rows.
            first, second = (len(p.rows) - head if isinstance(p, DocTable) else self.MIN_ROWS for p in parts)
            if first < self.MIN_ROWS:
                return []  # not enough room: the whole table moves to the next page
            if second >= self.MIN_ROWS:
                return parts
            height -= 12  # leave more rows for the next page
        if availHeight >= TEXT_HEIGHT * 0.9:  # a whole page and still no clean split (very tall rows): split anyway
            return super().split(availWidth, availHeight)
        return []


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    st: Styles,
    *,
    align: str = "",
    total_row: bool = False,
) -> Table:
    """A ruled table; ``widths`` are shares of the text width, ``align`` one letter per column (l/c/r).

    Cells may be strings (escaped here) or ready flowables.
    """
    scale = TEXT_WIDTH / sum(widths)
    col_widths = [w * scale for w in widths]
    align = align.ljust(len(widths), "l")
    cell_styles = {"l": st.cell, "c": st.cell_center, "r": st.cell_right}
    data: list[list[object]] = [[para(esc(h), st.cell_head) for h in header]]
    for row in rows:
        data.append(
            [c if isinstance(c, Flowable) else para(esc(c), cell_styles[align[i]]) for i, c in enumerate(row)]
        )
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL))
    return GridTable(data, colWidths=col_widths, repeatRows=1, style=commands, hAlign="CENTER")


def kv_table(pairs: Sequence[tuple[str, str]], st: Styles, *, columns: int = 2, wide: Sequence[str] = ()) -> Table:
    """Label/value grid, ``columns`` pairs per row; labels in ``wide`` take a full row.

    Each label column is as wide as its longest label (so 统一社会信用代码 stays on one
    line); the value columns share the rest.
    """
    pad = 6.0  # reportlab's default cell padding, each side
    label_texts: list[list[str]] = [[] for _ in range(columns)]
    slot = 0
    for label, _value in pairs:
        if label in wide:
            label_texts[0].append(label)
        else:
            label_texts[slot].append(label)
            slot = (slot + 1) % columns
    label_widths = [
        max([stringWidth(t, st.cell_head.fontName, st.cell_head.fontSize) for t in texts] + [0.12 * TEXT_WIDTH]) + 2 * pad + 1
        for texts in label_texts
    ]
    value_width = (TEXT_WIDTH - sum(label_widths)) / columns
    col_widths = [w for lw in label_widths for w in (lw, value_width)]
    data: list[list[object]] = []
    spans: list[tuple[Any, ...]] = []
    row: list[object] = []

    def flush() -> None:
        nonlocal row
        if row:
            row.extend([""] * (2 * columns - len(row)))
            data.append(row)
            row = []

    for label, value in pairs:
        cells = [para(esc(label), st.cell_head), para(esc(value), st.cell)]
        if label in wide:
            flush()
            data.append(cells + [""] * (2 * columns - 2))
            spans.append(("SPAN", (1, len(data) - 1), (-1, len(data) - 1)))
            # The spanned value is white across the later label columns too.
            spans.append(("BACKGROUND", (1, len(data) - 1), (-1, len(data) - 1), colors.white))
        else:
            row.extend(cells)
            if len(row) == 2 * columns:
                flush()
    flush()
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *[("BACKGROUND", (c, 0), (c, -1), HEADER_FILL) for c in range(0, 2 * columns, 2)],
        *spans,
    ]
    return DocTable(data, colWidths=col_widths, style=commands, hAlign="CENTER")


def meta_row(texts: Sequence[str], st: Styles, *, rule: bool = True) -> Table:
    """One line of plain (unescaped) facts, left / centred / right, that never wraps.

    Each cell is as wide as its text plus an even share of the spare width; when
    the texts together are wider than the frame the font shrinks until they fit.
    """
    font, size = st.cell.fontName, st.cell.fontSize
    gap = 6.0
    natural = [stringWidth(t, font, size) for t in texts]
    spare = TEXT_WIDTH - sum(natural) - gap * (len(texts) - 1)
    if spare < 0:
        size = size * (TEXT_WIDTH - gap * (len(texts) - 1)) / sum(natural) * 0.98
        natural = [stringWidth(t, font, size) for t in texts]
        spare = TEXT_WIDTH - sum(natural) - gap * (len(texts) - 1)
    widths = [w + spare / len(texts) + (gap if i < len(texts) - 1 else 0) for i, w in enumerate(natural)]
    aligns = ["LEFT"] + ["CENTER"] * (len(texts) - 2) + ["RIGHT"] if len(texts) > 1 else ["LEFT"]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, size, st.cell.leading),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        *[("ALIGN", (i, 0), (i, 0), a) for i, a in enumerate(aligns)],
    ]
    if rule:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.8, colors.black))
    return DocTable([list(texts)], colWidths=widths, style=commands, hAlign="CENTER")


def closing(last: Sequence[Flowable], signature: Sequence[Flowable], footer: Sequence[Flowable] = ()) -> Flowable:
    """The last paragraphs, the signature and the footer kept on one page, so the seal never stands alone."""
    return KeepTogether([*last, *signature, *footer])


def signature_block(
    letterhead: Letterhead, when: dt.date | None, st: Styles, *, with_signatory: bool = True, issuer: str | None = None
) -> list[Flowable]:
    """Issuer (the company, or ``issuer`` markup) with the seal note, signatory line and date, set to the right (落款).

    Room above for the seal comes first; keep the lines together with what precedes them (:func:`closing`)."""
    lines = [f"{issuer if issuer is not None else esc(letterhead.company_name)}{esc(letterhead.seal_text)}"]
    if with_signatory:
        lines.append(f"{esc(letterhead.signatory_title)}（签字）：{esc(letterhead.signatory)}")
    lines.append(date_text(when))
    longest = max(stringWidth(text, st.sign.fontName, st.sign.fontSize) for text in lines)
    block_width = min(TEXT_WIDTH, max(TEXT_WIDTH * 0.5, longest + 24))
    table = DocTable(
        [[para(text, st.sign)] for text in lines],
        colWidths=[block_width],
        hAlign="RIGHT",
        style=[("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)],
    )
    return [Spacer(1, 12), table]


def contact_footer(letterhead: Letterhead, st: Styles, *, contact_name: str = "", contact_phone: str = "") -> list[Flowable]:
    """A thin rule and the company address / telephone / contact person under the letter."""
    first = f"地址：{esc(letterhead.address)}"
    if letterhead.postcode:
        first += f"（邮编：{esc(letterhead.postcode)}）"
    second = [f"电话：{letterhead.telephone}"]
    if letterhead.fax:
        second.append(f"传真：{letterhead.fax}")
    if contact_name or contact_phone:
        second.append(f"经办人：{contact_name} {contact_phone}".strip())
    widths = [stringWidth(text, st.note.fontName, st.note.fontSize) + 24 for text in second]
    return [
        Spacer(1, 10),
        HRFlowable(width="100%", thickness=0.5, color=RULE_GREY, spaceAfter=3),
        para(first, st.note),
        DocTable([[para(esc(text), st.note) for text in second]], colWidths=widths, hAlign="LEFT",
              style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                     ("TOPPADDING", (0, 0), (-1, -1), 0)]),
    ]  # fmt: skip
