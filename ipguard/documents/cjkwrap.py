"""Chinese line breaking for reportlab paragraphs.

reportlab's ``wordWrap='CJK'`` breaks anywhere and only knows part of the
characters that may not start a line (it lacks ，；：！？》”’), and when it
does know one it lets that character hang into the right margin. Here the
rules of Chinese typesetting (避头尾) are applied by pushing out instead:
when the next line would begin with a closing mark, or this line would end
with an opening mark, the break moves back one character at a time, so no
glyph passes the margin. Runs of Latin letters and digits (numbers, amounts,
patent numbers) are kept whole when they fit on a line.

Use :class:`CJKParagraph` in place of ``Paragraph`` with a style whose
``wordWrap`` is ``'CJK'``.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from reportlab.platypus.paragraph import Paragraph, ParaLines, _handleBulletWidth, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from ipguard.documents.fonts import FontChoice

# May not start a line: closing punctuation, full and half width.
NO_LINE_START = frozenset(
    "，。；：！？、）》」』”’〕】］｝〉〗〙〛…‥．·%‰℃°′″"
    "!),.:;?]}"
    "\u3005\u30fc\uff05"
)
# May not end a line: opening punctuation and currency prefixes.
NO_LINE_END = frozenset("（《「『“‘〔【［｛〈〖〘〚([{¥￥$")

# The fonts of the document being built (a FontChoice): each character is set in the first face that has it.
ACTIVE_FONT: ContextVar[FontChoice | None] = ContextVar("ipguard_documents_font", default=None)


def fallback_frags(frags: list[Any], font: FontChoice) -> list[Any]:
    """Split each fragment into runs, every character in the first face of ``font`` that has its glyph."""
    from ipguard.documents.fonts import runs

    out: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        if not isinstance(text, str) or not text:
            out.append(frag)
            continue
        parts = runs(text, font, frag.fontName)
        if len(parts) == 1 and parts[0][0] == frag.fontName:
            out.append(frag)
        else:
            out.extend(frag.clone(text=part, fontName=face) for face, part in parts)
    return out


def _is_word_char(ch: str) -> bool:
    """Part of a Latin word or a number (no break inside, when avoidable)."""
    return bool(ch) and ord(ch) < 0x2000 and not ch.isspace()


def _is_line_break(u: cjkU) -> bool:
    return hasattr(u.frag, "lineBreak")


def _adjust_break(units: Sequence[cjkU], start: int, end: int, width_of: Sequence[float], max_width: float) -> int:
    """Move a break (units[end] begins the next line) back to a legal position.

    Always returns a position greater than ``start`` so that every line makes
    progress; a line made only of unbreakable characters is split where it
    overflows.
    """
    j = end
    while True:
        before = j
        # Keep a Latin word or number whole by starting it on the next line, when it fits on one line.
        if _is_word_char(units[j]) and _is_word_char(units[j - 1]):
            k = j
            while k > start and _is_word_char(units[k - 1]):
                k -= 1
            m = j
            while m < len(units) and _is_word_char(units[m]):
                m += 1
            if k > start and width_of[m] - width_of[k] <= max_width + _FUZZ:
                j = k
        # 避头尾: no closing mark at the start of the next line, no opening mark at the end of this one.
        while j > start + 1 and (units[j] in NO_LINE_START or units[j - 1] in NO_LINE_END):
            j -= 1
        if j == before:
            return j


def split_cjk_units(units: Sequence[cjkU], max_widths: Sequence[float]) -> list[tuple[int, int, float, bool]]:
    """Break glyph units into lines: (start, end, width, hard_break) per line.

    ``width`` excludes trailing spaces, which stay at the end of their line
    instead of indenting the next one.
    """
    n = len(units)
    # width_of[k] = width of units[:k]
    width_of = [0.0] * (n + 1)
    for k, u in enumerate(units):
        width_of[k + 1] = width_of[k] + u.width
    lines: list[tuple[int, int, float, bool]] = []
    start = 0
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        j = start
        hard = False
        while j < n:
            if _is_line_break(units[j]):
                j += 1
                hard = True
                break
            if j > start and width_of[j + 1] - width_of[start] > max_width + _FUZZ:
                break
            j += 1
        if not hard and j < n and not _is_line_break(units[j]):
            j = _adjust_break(units, start, j, width_of, max_width)
            while j < n and units[j] == " ":
                j += 1  # trailing spaces stay on this line
        end_visible = j
        while end_visible > start and (units[end_visible - 1] == " " or _is_line_break(units[end_visible - 1])):
            end_visible -= 1
        lines.append((start, j, width_of[end_visible] - width_of[start], hard))
        start = j
    return lines


def cjk_frag_split(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """Drop-in replacement for reportlab's ``cjkFragSplit`` with the rules above."""
    units: list[cjkU] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if text:
            units.extend(cjkU(t, f, "utf8") for t in text)
        else:
            units.append(cjkU(text, f, "utf8"))
    lines: list[Any] = []
    for index, (start, end, width, hard) in enumerate(split_cjk_units(units, max_widths)):
        max_width = max_widths[min(index, len(max_widths) - 1)]
        lines.append(makeCJKParaLine(units[start:end], max_width, width, max_width - width, hard, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class CJKParagraph(Paragraph):
    """A Paragraph that breaks Chinese text by :func:`cjk_frag_split` (style.wordWrap must be 'CJK').

    While a document is built (:data:`ACTIVE_FONT` set) each character is set in
    the first configured face that has its glyph.
    """

    def __init__(self, text: str, style: ParagraphStyle | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        font = ACTIVE_FONT.get()
        if font is not None:
            self.frags = fallback_frags(self.frags, font)

    def breakLinesCJK(self, maxWidths: float | Sequence[float]) -> ParaLines:  # reportlab's name
        widths: Sequence[float] = [maxWidths] if isinstance(maxWidths, (int, float)) else maxWidths
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            para: ParaLines = self.blPara
            return para
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, widths)
        if not self.frags:
            return ParaLines(
                kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize,
            )  # fmt: skip
        font = ACTIVE_FONT.get()
        if font is not None:
            self.frags = fallback_frags(self.frags, font)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return cjk_frag_split(self.frags, widths, auto_leading not in ("", "off"))

    def _get_split_blParaFunc(self) -> Any:  # reportlab's hook for splitting over pages
        # reportlab's own function joins the lines of each part with a space
        # (right for Western text) which would put stray spaces into Chinese.
        if getattr(self.blPara, "kind", 0) == 1:
            return _join_cjk_lines
        return super()._get_split_blParaFunc()


def _join_cjk_lines(bl_para: Any, start: int, stop: int) -> list[Any]:
    """The frags of lines ``start:stop`` of a broken paragraph, joined as they were (no added spaces)."""
    return [word for line in bl_para.lines[start:stop] for word in line.words]


def line_texts(paragraph: Paragraph) -> list[str]:
    """The text of each wrapped line of a paragraph (after ``wrap``), for checks and tests."""
    result: list[str] = []
    for line in paragraph.blPara.lines:
        words = getattr(line, "words", None)
        if words is None:  # kind 0: (space, [words])
            result.append(" ".join(line[1]))
        else:
            result.append("".join(getattr(w, "text", "") for w in words))
    return result
