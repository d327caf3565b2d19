"""Validators for identifiers and values an underwriter types in.

Each ``check_*`` function returns the normalised value or raises
:class:`~ipguard.errors.ValidationError` naming the field. Check digits come
from python-stdnum where it has the scheme (credit codes, resident IDs); CNIPA
patent application numbers are checked here (stdnum has no such module).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError as StdnumError

from ipguard import messages
from ipguard.errors import ValidationError
from ipguard.ip_types import IpType

messages.register(
    {
        "text_bad_character": (
            "含有不允许的字符 {char}（控制字符、非字符或改变文字方向的字符）",
            "contains a character that is not allowed, {char} (a control character, a non-character or a direction override)",
        ),
        "uscc_invalid": (
            "统一社会信用代码“{value}”无效（应为18位，且校验位正确）",
            "unified social credit code “{value}” is invalid (18 characters with a correct check character)",
        ),
        "ric_invalid": (
            "身份证号“{value}”无效（应为18位，出生日期与校验位正确）",
            "resident ID “{value}” is invalid (18 characters, valid birth date and check digit)",
        ),
        "patent_format": (
            "专利号“{value}”格式不对，应如 ZL202110123456.7 或 ZL98123456.X",
            "patent number “{value}” has the wrong form; expected e.g. ZL202110123456.7 or ZL98123456.X",
        ),
        "patent_check_digit": (
            "专利号“{value}”校验位错误（应为 {expected}）",
            "patent number “{value}” has a wrong check digit (expected {expected})",
        ),
        "patent_type_mismatch": (
            "专利号“{value}”的类型位是 {digit}，与所选类型“{ip_type}”不符",
            "patent number “{value}” has type digit {digit}, which does not match “{ip_type}”",
        ),
        "trademark_number": (
            "商标注册号“{value}”应为1至10位数字",
            "trademark registration number “{value}” must be 1 to 10 digits",
        ),
        "nice_class": ("商标类别应为1至45之间的整数，收到“{value}”", "Nice class must be a whole number from 1 to 45, got “{value}”"),
        "software_copyright_number": (
            "软件著作权登记号“{value}”格式不对，应如 2021SR0123456 或 软著登字第8123456号",
            "software copyright number “{value}” has the wrong form; expected e.g. 2021SR0123456 or 软著登字第8123456号",
        ),
        "copyright_number": (
            "作品登记号“{value}”格式不对，应如 国作登字-2021-F-00123456",
            "copyright registration number “{value}” has the wrong form; expected e.g. 国作登字-2021-F-00123456",
        ),
        "text_too_long": ("内容过长（最多{max}个字符）", "too long (at most {max} characters)"),
        "date_invalid": ("“{value}”不是有效日期，请用 2026-11-22 的形式", "“{value}” is not a date; use the form 2026-11-22"),
        "date_order": ("不能早于{other}（{other_value}）", "must not be before {other} ({other_value})"),
        "int_invalid": ("“{value}”不是整数", "“{value}” is not a whole number"),
        "int_range": ("应在 {low} 至 {high} 之间，收到 {value}", "must be from {low} to {high}, got {value}"),
        "bool_invalid": ("应为“是”或“否”，收到“{value}”", "must be yes or no, got “{value}”"),
        "phone_invalid": ("电话号码“{value}”格式不对", "phone number “{value}” has the wrong form"),
        "choice_invalid": ("“{value}”不是可选值之一（{choices}）", "“{value}” is not one of {choices}"),
    }
)

_PATENT_WEIGHTS_12 = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_PATENT_WEIGHTS_8 = (2, 3, 4, 5, 6, 7, 8, 9)
_PATENT_RE = re.compile(r"^(?:ZL|CN)?(\d{8}|\d{12})\.?([0-9X])?$")
# Invention patents carry type digit 1 (or 8 for PCT national phase), utility
# models 2 (or 9), designs 3.
PATENT_TYPE_DIGITS = {"invention_patent": "18", "utility_model": "29", "design_patent": "3"}


# Bidi embeddings, overrides and isolates let text display in another order than
# it is stored ("‮gpj.exe"); nobody types them into a name or an opinion.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Free text (longer than a name) may hold line breaks and tabs; names may not.
_FREE_TEXT_MIN = 201
_FREE_TEXT_CONTROLS = frozenset("\n\t")


def _bad_character(text: str, multiline: bool) -> str | None:
    for ch in text:
        code = ord(ch)
        if ch in _BIDI_CONTROLS:
            return f"U+{code:04X}"
        if 0xD800 <= code <= 0xDFFF:  # a lone surrogate: not a character at all
            return f"U+{code:04X}"
        if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:  # Unicode non-characters
            return f"U+{code:04X}"
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in _FREE_TEXT_CONTROLS):
            return f"U+{code:04X}"
    return None


def check_text(value: object, field: str, *, max_len: int = 200, required: bool = True) -> str:
    """Strip surrounding blanks; refuse empty (when required), overlong text, and
    control characters, non-characters, lone surrogates and bidi overrides
    (names: none at all; free text longer than 200 may keep line breaks and tabs)."""
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise ValidationError(field, "required")
        return ""
    if len(text) > max_len:
        raise ValidationError(field, "text_too_long", max=max_len)
    if text.isprintable():
        return text  # the common case, decided in C
    bad = _bad_character(text.replace("\r\n", "\n"), max_len >= _FREE_TEXT_MIN)
    if bad:
        raise ValidationError(field, "text_bad_character", char=bad)
    return text


def check_uscc(value: object, field: str = "uscc") -> str:
    """Unified social credit code (统一社会信用代码), check character verified."""
    text = check_text(value, field, max_len=40).upper().replace(" ", "")
    try:
        return uscc.validate(text)
    except StdnumError:
        raise ValidationError(field, "uscc_invalid", value=text) from None


def check_resident_id(value: object, field: str = "resident_id") -> str:
    """Resident identity card number (居民身份证号), birth date and check digit."""
    text = check_text(value, field, max_len=40).upper().replace(" ", "")
    try:
        return ric.validate(text)
    except StdnumError:
        raise ValidationError(field, "ric_invalid", value=text) from None


def patent_check_char(digits: str) -> str:
    """The check character of an 8- or 12-digit CNIPA application number."""
    weights = _PATENT_WEIGHTS_12 if len(digits) == 12 else _PATENT_WEIGHTS_8
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


def patent_type_digit(digits: str) -> str:
    """The type digit: 5th of the 12-digit form, 3rd of the 8-digit form."""
    return digits[4] if len(digits) == 12 else digits[2]


def check_patent_number(value: object, field: str = "number", ip_type: str | None = None) -> str:
    """Normalise a patent number to ``ZL202110123456.7`` and verify its check digit.

    Accepts the application number with or without "ZL"/"CN", dots and blanks.
    When ``ip_type`` is given, the type digit must match it.
    """
    raw = check_text(value, field, max_len=40)
    text = re.sub(r"[\s\u3000]", "", raw).upper()
    match = _PATENT_RE.match(text)
    if not match:
        raise ValidationError(field, "patent_format", value=raw)
    digits, check = match.groups()
    expected = patent_check_char(digits)
    if check is None or check != expected:
        raise ValidationError(field, "patent_check_digit", value=raw, expected=expected)
    if ip_type in PATENT_TYPE_DIGITS:
        digit = patent_type_digit(digits)
        if digit not in PATENT_TYPE_DIGITS[ip_type]:
            member = IpType(ip_type)
            raise ValidationError(
                field, "patent_type_mismatch", value=raw, digit=digit, ip_type=messages.Text(member.label, member.label_en)
            )
    return f"ZL{digits}.{check}"


def check_trademark_number(value: object, field: str = "number") -> str:
    raw = check_text(value, field, max_len=40)
    text = re.sub(r"[\s第号]", "", raw)
    if not re.fullmatch(r"\d{1,10}", text):
        raise ValidationError(field, "trademark_number", value=raw)
    return text.lstrip("0") or "0"


def check_nice_class(value: object, field: str = "nice_class") -> int:
    return check_int(value, field, low=1, high=45, key="nice_class")


_SOFTWARE_REGISTRATION = re.compile(r"(19|20)\d{2}SR\d{4,8}")
# The certificate's own number, the form applicants usually have in hand (软著登字第8123456号).
_SOFTWARE_CERTIFICATE = re.compile(r"软著登字第(\d{5,8})号")


def check_software_copyright_number(value: object, field: str = "number") -> str:
    """A software copyright by its registration number (2021SR0123456) or certificate number (软著登字第8123456号)."""
    raw = check_text(value, field, max_len=40)
    text = re.sub(r"\s", "", raw)
    if _SOFTWARE_CERTIFICATE.fullmatch(text):
        return text
    text = text.upper()
    if not _SOFTWARE_REGISTRATION.fullmatch(text):
        raise ValidationError(field, "software_copyright_number", value=raw)
    return text


def is_software_certificate_no(number: str) -> bool:
    """Whether a (checked) software copyright number is the certificate form rather than the registration number."""
    return bool(_SOFTWARE_CERTIFICATE.fullmatch(number))


def check_software_certificate_no(value: object, field: str = "certificate_no") -> str:
    """The certificate number alone (软著登字第8123456号); empty allowed."""
    raw = check_text(value, field, max_len=40, required=False)
    text = re.sub(r"\s", "", raw)
    if text and not _SOFTWARE_CERTIFICATE.fullmatch(text):
        raise ValidationError(field, "software_copyright_number", value=raw)
    return text


def check_copyright_number(value: object, field: str = "number") -> str:
    raw = check_text(value, field, max_len=60)
    text = re.sub(r"\s", "", raw).upper()
    if not re.fullmatch(r"(国|[\u4e00-\u9fff]{1,2})?作登字[-—]?(19|20)\d{2}[-—]?[A-Z][-—]?\d{4,10}", text):
        raise ValidationError(field, "copyright_number", value=raw)
    return text


def check_ip_number(ip_type: str, value: object, field: str = "number") -> str:
    """Dispatch to the number check for an IP type (a :class:`~ipguard.domain.IpType` value)."""
    if ip_type in PATENT_TYPE_DIGITS:
        return check_patent_number(value, field, ip_type)
    if ip_type == "trademark":
        return check_trademark_number(value, field)
    if ip_type == "software_copyright":
        return check_software_copyright_number(value, field)
    return check_copyright_number(value, field)


def check_date(value: object, field: str, *, required: bool = True) -> dt.date | None:
    """A date from a date, a datetime or a string as typed (2026-11-22, 2026/11/22, 2026/11/2, 20261122)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, "required")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    # As typed at a keyboard: 20261201, 2026-12-01, 2026/12/1 (one-digit month and day).
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        text = f"{parts[0]}-{int(parts[1]):02d}-{int(parts[2]):02d}" if len(parts[1]) <= 2 and len(parts[2]) <= 2 else text
    elif len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, "date_invalid", value=str(value)[:40]) from None


def check_date_order(earlier: dt.date | None, later: dt.date | None, later_field: str, earlier_field: str) -> None:
    """Refuse ``later`` before ``earlier`` (grant before filing, expiry before grant)."""
    if earlier and later and later < earlier:
        raise ValidationError(
            later_field,
            "date_order",
            other=messages.Text(messages.field_label(earlier_field, "zh"), messages.field_label(earlier_field, "en")),
            other_value=earlier.isoformat(),
        )


def check_int(value: object, field: str, *, low: int | None = None, high: int | None = None, key: str = "int_range") -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(field, "required")
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValidationError(field, "int_invalid", value=value)
    try:
        number = int(str(value).strip()) if not isinstance(value, (int, float)) else int(value)
    except ValueError:
        raise ValidationError(field, "int_invalid", value=str(value)[:40]) from None
    if (low is not None and number < low) or (high is not None and number > high):
        if key == "int_range":
            raise ValidationError(field, key, low=low, high=high, value=number)
        raise ValidationError(field, key, value=number)
    return number


_TRUE = {"true", "yes", "y", "1", "是", "有", "√", "t"}
_FALSE = {"false", "no", "n", "0", "否", "无", "×", "f", ""}


def check_bool(value: object, field: str, *, default: bool | None = None) -> bool:
    if isinstance(value, bool):
        return value
    if value is None and default is not None:
        return default
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower() if value is not None else ""
    if text in _TRUE:
        return True
    if text in _FALSE and not (text == "" and default is None):
        return False
    if text == "" and default is not None:
        return default
    raise ValidationError(field, "bool_invalid", value=str(value)[:20])


def check_phone(value: object, field: str = "phone", *, required: bool = False) -> str:
    text = check_text(value, field, max_len=30, required=required)
    if text and not re.fullmatch(r"[+()\d\s-]{5,30}(转\d{1,6})?", text):
        raise ValidationError(field, "phone_invalid", value=text)
    return text


def check_choice(value: object, field: str, choices: dict[str, str] | list[str]) -> str:
    text = check_text(value, field, max_len=60)
    if text not in choices:
        raise ValidationError(field, "choice_invalid", value=text, choices="、".join(choices))
    return text


# -- bank interest rates ------------------------------------------------------------------

messages.register(
    {
        "rate_invalid": (
            "利率“{value}”无效：请填年利率百分数（如 3.45%），或 LPR 加减点（如 LPR+50bp）",
            "the rate “{value}” is not valid: give an annual percentage (e.g. 3.45%) or LPR plus or minus a spread (e.g. LPR+50bp)",
        ),
    }
)

_RATE = re.compile(r"^(?:(?P<pct>\d{1,2}(?:\.\d{1,4})?)\s*%?|LPR(?:\s*(?P<sign>[+-])\s*(?P<spread>\d{1,4}(?:\.\d{1,2})?)\s*(?P<unit>BP|%))?)$")


def check_interest_rate(value: object, field: str = "interest_rate", *, required: bool = False) -> str:
    """A bank's annual rate as written in its approval: ``3.45%`` / ``3.45`` or ``LPR`` / ``LPR+50bp`` / ``LPR-0.1%``.

    Returns the text normalised (``3.45%``, ``LPR+50BP``); an empty text is
    allowed unless ``required``. A percentage must be above 0 and below 36
    (the legal ceiling for private lending is far lower; this catches slips
    such as 345 for 3.45).
    """
    text = "" if value is None else str(value).strip().upper().replace("％", "%").replace(" ", "")
    if not text:
        if required:
            raise ValidationError(field, "required")
        return ""
    match = _RATE.match(text)
    if match is None or (match["pct"] is not None and not 0 < float(match["pct"]) < 36):
        raise ValidationError(field, "rate_invalid", value=str(value)[:40])
    if match["pct"] is not None:
        return f"{match['pct']}%"
    return text
