"""Exact money: amounts are integer fen (1 yuan = 100 fen) everywhere.

Input arrives as decimal strings in yuan ("3500000.00", "1,200,000"), Decimal
or int yuan; floats are refused because they are not exact.

This module is the one home of money *wording* too: plain decimal strings
(:func:`yuan_str`), grouped figures (:func:`format_yuan`), figures with their
unit in the reader's language (:func:`yuan_text`, :func:`wan_text`,
:func:`reading_text`) and Chinese uppercase amounts (:func:`uppercase_rmb`,
:func:`yuan_and_uppercase`). Where the unit word differs by language the
function takes ``lang``: Chinese readers think in 万元, English has no word
for 万, so an English reader gets whole yuan.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from ipguard import messages
from ipguard.errors import ValidationError

FEN_PER_YUAN = 100
# 10^13 yuan: far above any loan, far below SQLite's int64 limit in fen.
MAX_YUAN = Decimal(10) ** 13

messages.register(
    {
        "money_not_number": ("“{value}”不是有效金额，请输入数字，如 1000000.00", "“{value}” is not an amount; enter a number such as 1000000.00"),
        "money_float": ("金额必须以字符串或整数给出（浮点数不精确）", "amounts must be given as strings or integers (floats are inexact)"),
        "money_negative": ("金额不能为负数", "must not be negative"),
        "money_too_many_places": ("金额最多两位小数（分）", "at most two decimal places (fen)"),
        "money_too_large": ("金额过大", "amount is too large"),
    }
)


def parse_yuan(value: object, field: str, *, allow_negative: bool = False) -> int:
    """Parse an amount in yuan (or 万元 with a 万 suffix: ``500万``) into integer fen, or raise ValidationError(field)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(field, "required")
    if isinstance(value, bool):
        raise ValidationError(field, "money_not_number", value=value)
    if isinstance(value, float):
        raise ValidationError(field, "money_float")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        text = text.removesuffix("元").strip()
        # "500万" / "500万元" / "1.5 万": the unit underwriters speak in (万元 = 10,000 yuan).
        scale = Decimal(1)
        if text.endswith("万"):
            text, scale = text.removesuffix("万").strip(), Decimal(10000)
        try:
            amount = Decimal(text) * scale
        except InvalidOperation:
            raise ValidationError(field, "money_not_number", value=value[:40]) from None
    else:
        raise ValidationError(field, "money_not_number", value=str(value)[:40])
    if not amount.is_finite():
        raise ValidationError(field, "money_not_number", value=str(value)[:40])
    if amount < 0 and not allow_negative:
        raise ValidationError(field, "money_negative")
    if abs(amount) >= MAX_YUAN:
        raise ValidationError(field, "money_too_large")
    fen = amount * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise ValidationError(field, "money_too_many_places")
    return int(fen)


def to_decimal(fen: int) -> Decimal:
    """Fen as a Decimal number of yuan with two places."""
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def yuan_str(fen: int) -> str:
    """Plain decimal string in yuan: 123456 -> '1234.56'."""
    return f"{to_decimal(fen):.2f}"


def format_yuan(fen: int) -> str:
    """Grouped figure in yuan: 300000000 -> '3,000,000.00'."""
    return f"{to_decimal(fen):,.2f}"


def format_wan(fen: int) -> str:
    """In ten-thousands of yuan, as Chinese readers often want: '300.00万元'."""
    return f"{(Decimal(fen) / 1_000_000).quantize(Decimal('0.01')):,.2f}万元"


def format_yuan_or_dash(fen: int | None) -> str:
    """A grouped figure, or "—" when there is none (a table cell)."""
    return "—" if fen is None else format_yuan(fen)


def yuan_text(fen: int, lang: str = "zh") -> str:
    """A figure with its unit: '3,000,000.00元' in Chinese, '3,000,000.00 yuan' in English."""
    return f"{format_yuan(fen)} yuan" if lang == "en" else f"{format_yuan(fen)}元"


def wan_figure(fen: int, lang: str = "zh") -> str:
    """The figure of :func:`wan_text` without its unit (a column header carries it): '300.00' / '3,000,000.00'."""
    return format_yuan(fen) if lang == "en" else format_wan(fen).removesuffix("万元")


def wan_text(fen: int, lang: str = "zh") -> str:
    """An amount read at a glance: '300.00万元' in Chinese, '3,000,000.00 yuan' in English."""
    return yuan_text(fen, lang) if lang == "en" else format_wan(fen)


_WAN_FROM_FEN = 1_000_000  # from 10,000 yuan up, a Chinese reader reads amounts in 万元


def reading_text(fen: int, lang: str = "zh") -> str:
    """An amount in the unit a reader expects: 万元 from 10,000 yuan up, else 元 ('1,234.56元')."""
    return wan_text(fen, lang) if abs(fen) >= _WAN_FROM_FEN else yuan_text(fen, lang)


def yuan_and_uppercase(fen: int) -> str:
    """Figures and uppercase, as a Chinese document writes an amount: 3,000,000.00元（人民币叁佰万元整）."""
    return f"{yuan_text(fen)}（{uppercase_rmb(fen)}）"


def uppercase_rmb(fen: int) -> str:
    """Chinese uppercase amount: 300000000 -> '人民币叁佰万元整'."""
    import cn2an  # imported lazily: it is only needed for documents

    if fen == 0:
        return "人民币零元整"
    sign = "负" if fen < 0 else ""
    text = cn2an.an2cn(yuan_str(abs(fen)), "rmb")
    return f"人民币{sign}{text}"


def amount_in_words(fen: int, lang: str = "zh") -> str:
    """The amount in words for a reader: the uppercase form in Chinese (人民币叁佰万元整), English words in English.

    The uppercase amount (大写) is a Chinese legal form; documents keep it (:func:`yuan_and_uppercase`).
    An English reader gets the same check in English: 300000000 -> 'RMB three million yuan',
    123456 -> 'RMB one thousand two hundred thirty-four yuan and 56 fen'.
    """
    if lang != "en":
        return uppercase_rmb(fen)
    yuan, cents = divmod(abs(fen), 100)
    words = f"RMB {'minus ' if fen < 0 else ''}{_english_number(yuan)} yuan"
    return f"{words} and {cents} fen" if cents else words


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
         "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _english_number(n: int) -> str:
    """A whole number in English words (short scale): 1234 -> 'one thousand two hundred thirty-four'."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {_english_number(rest)}" if rest else "")
    for scale, name in _SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            return f"{_english_number(high)} {name}" + (f" {_english_number(rest)}" if rest else "")
    raise AssertionError("unreachable")  # pragma: no cover


def round_down(fen: int, unit_fen: int) -> int:
    """Round an amount down to a multiple of ``unit_fen`` (e.g. 10,000 yuan)."""
    if unit_fen <= 0:
        return fen
    return (fen // unit_fen) * unit_fen


def mul_ratio(fen: int, ratio: Decimal, *, rounding: str = ROUND_HALF_UP) -> int:
    """Multiply an amount by an exact ratio and round to whole fen."""
    return int((Decimal(fen) * ratio).quantize(Decimal(1), rounding=rounding))


def mul_ratio_down(fen: int, ratio: Decimal) -> int:
    """Like :func:`mul_ratio` but never rounds up (for limits)."""
    return mul_ratio(fen, ratio, rounding=ROUND_DOWN)
