"""Enterprise size (大/中/小/微) per 中小企业划型标准规定 (工信部联企业〔2011〕300号).

The thresholds are data (``resources/enterprise_size.toml``), read once. The
size decides the regulatory weight of a guarantee: only small and micro
borrowers get 75 % (融资担保责任余额计量办法, 2018), so an unknown size is
never guessed as small.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipguard import messages
from ipguard.errors import ValidationError
from ipguard.products import RESOURCES_DIR

messages.register(
    {
        "size_industry_invalid": ("“{value}”不是划型行业之一（{choices}）", "“{value}” is not a sizing industry ({choices})"),
        "size_invalid": ("企业规模应为 大型/中型/小型/微型", "the enterprise size is large, medium, small or micro"),
        "size_mismatch": (
            "所填企业规模“{declared}”与按行业、从业人员、营业收入、资产总额划型的结果“{derived}”不符",
            "the declared size “{declared}” differs from the size the figures give (“{derived}”)",
        ),
    }
)
messages.register_fields({
    "size_industry": ("划型行业", "sizing industry"), "employees": ("从业人员", "employees"),
    "total_assets": ("资产总额", "total assets"), "enterprise_size": ("企业规模", "enterprise size"),
})


class Size(StrEnum):
    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"
    MICRO = "micro"

    @property
    def label(self) -> str:
        return {"large": "大型", "medium": "中型", "small": "小型", "micro": "微型"}[self]


@dataclass(frozen=True)
class Industry:
    code: str
    label: str
    sme_below: Mapping[str, Decimal]
    medium: Mapping[str, Decimal]
    small: Mapping[str, Decimal]

    @property
    def needs(self) -> frozenset[str]:
        return frozenset(self.sme_below) | frozenset(self.medium) | frozenset(self.small)


@functools.cache
def industries() -> dict[str, Industry]:
    data = tomllib.loads((RESOURCES_DIR / "enterprise_size.toml").read_text(encoding="utf-8"))

    def figures(t: Mapping[str, object]) -> dict[str, Decimal]:
        return {k: Decimal(str(v)) for k, v in t.items()}

    return {code: Industry(code, t["label"], figures(t["sme_below"]), figures(t["medium"]), figures(t["small"]))
            for code, t in data["industries"].items()}


def check_industry(value: object, field: str = "size_industry") -> str:
    text = str(value or "").strip()
    table = industries()
    if text in table:
        return text
    by_label = {i.label: i.code for i in table.values()}
    if text in by_label:
        return by_label[text]
    raise ValidationError(field, "size_industry_invalid", value=text[:40], choices="、".join(table))


def check_size(value: object, field: str = "enterprise_size") -> Size:
    text = str(value or "").strip()
    for size in Size:
        if text in (size.value, size.label, size.label[:1]):
            return size
    raise ValidationError(field, "size_invalid")


def classify(industry: str, *, employees: int | None, revenue_fen: int | None, assets_fen: int | None) -> Size | None:
    """The size the figures give, or None when a figure the industry's rule needs is missing."""
    rule = industries()[industry]
    have = {"employees": Decimal(employees) if employees is not None else None,
            "revenue": Decimal(revenue_fen) / 100 if revenue_fen is not None else None,
            "assets": Decimal(assets_fen) / 100 if assets_fen is not None else None}
    if any(have[k] is None for k in rule.needs):
        return None
    if not any(have[k] < bound for k, bound in rule.sme_below.items()):  # type: ignore[operator]
        return Size.LARGE
    if all(have[k] >= bound for k, bound in rule.medium.items()):  # type: ignore[operator]
        return Size.MEDIUM
    if all(have[k] >= bound for k, bound in rule.small.items()):  # type: ignore[operator]
        return Size.SMALL
    return Size.MICRO


def settle(industry: str | None, declared: Size | None, *, employees: int | None, revenue_fen: int | None,
           assets_fen: int | None) -> Size | None:
    """The size to record: derived where the figures allow (a contradicting declaration is refused), else declared."""
    derived = classify(industry, employees=employees, revenue_fen=revenue_fen, assets_fen=assets_fen) if industry else None
    if derived and declared and derived is not declared:
        raise ValidationError("enterprise_size", "size_mismatch", declared=declared.label, derived=derived.label)
    return derived or declared
