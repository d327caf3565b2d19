"""Typed readers for TOML parameter files: each checks one value and names its key path.

A reader takes the parsed table, the key and the dotted path of the table it sits
in, and answers the value in the project's types (money as integer fen, rates as
:class:`~decimal.Decimal`, dates as :class:`datetime.date`), or raises
:class:`~ipguard.errors.ValidationError` whose ``field`` is the key path
(e.g. ``amount.pledge_rates.trademark``). Used by :mod:`ipguard.products`.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, TypeVar

from ipguard import messages
from ipguard.errors import ValidationError
from ipguard.ip_types import IpType
from ipguard.money import parse_yuan

messages.register(
    {
        "param_toml": ("参数文件格式错误：{detail}", "the parameter file is not valid TOML: {detail}"),
        "param_missing": ("缺少参数", "parameter is missing"),
        "param_type": ("参数类型应为{expected}，收到“{value}”", "parameter must be {expected}, got “{value}”"),
        "param_negative": ("参数不能为负数，收到 {value}", "parameter must not be negative, got {value}"),
        "param_range": ("参数应在 {low} 至 {high} 之间，收到 {value}", "parameter must be from {low} to {high}, got {value}"),
    }
)

IP_TYPES = tuple(t.value for t in IpType)


def key_path(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def get(table: Mapping[str, object], key: str, prefix: str) -> object:
    if key not in table:
        raise ValidationError(key_path(prefix, key), "param_missing")
    return table[key]


def read_table(table: Mapping[str, object], key: str, prefix: str = "") -> Mapping[str, object]:
    value = get(table, key, prefix)
    if not isinstance(value, dict):
        raise ValidationError(key_path(prefix, key), "param_type", expected="表(table)", value=str(value)[:40])
    return value


def read_str(table: Mapping[str, object], key: str, prefix: str = "") -> str:
    value = get(table, key, prefix)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(key_path(prefix, key), "param_type", expected="非空文字", value=str(value)[:40])
    return value.strip()


def read_int(table: Mapping[str, object], key: str, prefix: str = "", *, low: int = 0, high: int = 10_000) -> int:
    value = get(table, key, prefix)
    field = key_path(prefix, key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "param_type", expected="整数", value=str(value)[:40])
    if value < 0 <= low:
        raise ValidationError(field, "param_negative", value=value)
    if not low <= value <= high:
        raise ValidationError(field, "param_range", low=low, high=high, value=value)
    return value


def read_bool(table: Mapping[str, object], key: str, prefix: str = "") -> bool:
    value = get(table, key, prefix)
    if not isinstance(value, bool):
        raise ValidationError(key_path(prefix, key), "param_type", expected="true/false", value=str(value)[:40])
    return value


def read_decimal(table: Mapping[str, object], key: str, prefix: str = "", *, high: Decimal | None = Decimal(1)) -> Decimal:
    """A non-negative exact decimal: a string ("0.40") or a TOML number (read via its literal)."""
    value = get(table, key, prefix)
    field = key_path(prefix, key)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValidationError(field, "param_type", expected='小数（如 "0.40"）', value=str(value)[:40])
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(field, "param_type", expected='小数（如 "0.40"）', value=str(value)[:40]) from None
    if not number.is_finite():
        raise ValidationError(field, "param_type", expected='小数（如 "0.40"）', value=str(value)[:40])
    if number < 0:
        raise ValidationError(field, "param_negative", value=value)
    if high is not None and number > high:
        raise ValidationError(field, "param_range", low=0, high=high, value=value)
    return number


def read_money(table: Mapping[str, object], key: str, prefix: str = "") -> int:
    value = get(table, key, prefix)
    field = key_path(prefix, key)
    if isinstance(value, float):
        value = str(value)
    if isinstance(value, str) and value.strip().startswith("-"):
        raise ValidationError(field, "param_negative", value=value)
    return parse_yuan(value, field)


def read_positive_money(table: Mapping[str, object], key: str, prefix: str = "") -> int:
    amount = read_money(table, key, prefix)
    if amount <= 0:
        raise ValidationError(key_path(prefix, key), "param_range", low="0.01", high="-", value="0")
    return amount


def read_date(table: Mapping[str, object], key: str, prefix: str = "") -> dt.date:
    value = get(table, key, prefix)
    field = key_path(prefix, key)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(field, "date_invalid", value=str(value)[:40])


T = TypeVar("T")


def read_per_type(table: Mapping[str, object], key: str, prefix: str, reader: Callable[..., T], **kwargs: Any) -> Mapping[str, T]:
    sub = read_table(table, key, prefix)
    path = key_path(prefix, key)
    return MappingProxyType({ip_type: reader(sub, ip_type, path, **kwargs) for ip_type in IP_TYPES})


def parse_toml(text: str, source: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(source or "toml", "param_toml", detail=str(exc)) from None
