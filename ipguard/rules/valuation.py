"""IP value recognition (价值认定): the guarantee company's own, explainable standard.

The model (parameters in ``[valuation]`` of the product TOML)::

    value  = base_value[type] × score            (rounded down to the fen)
    score  = Σ weight[f] × s[f]                  (weights sum to 1, each s in [0, 1])

with four factor scores ``s``:

- ``remaining_term``: protection left after the loan's maturity, in days,
  divided by ``remaining_term_full_years[type]`` × 365, capped at 1;
- ``legal_stability``: ``legal_stability[type]`` — an examined invention patent
  is firmer than a utility model or a registration-only copyright (only valid
  assets get here; invalid ones are not pledgeable);
- ``main_products``: 1 when used in the company's main products, else
  ``main_products_no_score``;
- ``revenue``: the yearly revenue the asset supports / ``revenue_full_score``,
  capped at 1.

Every factor score is rounded *down* to four places, so the value is monotone:
more remaining term, more revenue, use in main products or a firmer type never
lowers it. An asset that cannot be pledged (see
:func:`ipguard.rules.criteria.pledge_obstacles`) is recognized at 0 with the
reasons. The pledge value is the recognized value × the type's pledge rate
(``[amount.pledge_rates]``), rounded down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from ipguard.domain import IpAsset, IpType
from ipguard.money import mul_ratio_down, parse_yuan, yuan_str
from ipguard.products import ProductParams
from ipguard.rules.criteria import NO_CONTEXT, OBSTACLE_KEYS, PledgeContext, effective_expiry, pledge_obstacles
from ipguard.rules.explain import (
    FACTOR,
    INT,
    IP_TYPE,
    NESTED,
    NUM,
    REASONS,
    TERMS,
    TEXT,
    YUAN,
    Explanation,
    declare,
    explain,
    parse,
    register_labels,
)
from ipguard.stored_json import as_int, as_list, as_mapping

_FACTOR_LABELS = {
    "remaining_term": ("剩余保护期", "remaining term"),
    "legal_stability": ("法律稳定性", "legal stability"),
    "main_products": ("用于主营产品", "used in main products"),
    "revenue": ("支撑收入", "revenue supported"),
}
FACTOR_LABELS = {code: zh for code, (zh, _en) in _FACTOR_LABELS.items()}
register_labels("factor", _FACTOR_LABELS)
declare({
    "factor.remaining_term": ("贷款到期后剩余 {days} 天，满分需 {full_years} 年",
                              "{days} days left after the loan matures; the full score needs {full_years} years",
                              {"days": INT, "full_years": INT}),
    "factor.legal_stability": ("{ip_type}的法律稳定性", "legal stability of a {ip_type}", {"ip_type": IP_TYPE}),
    "factor.main_products.yes": ("用于主营产品", "used in the main products", {}),
    "factor.main_products.no": ("未用于主营产品", "not used in the main products", {}),
    "factor.revenue": ("支撑年收入 {revenue}，满分需 {full}", "supports yearly revenue of {revenue}; the full score needs {full}",
                       {"revenue": YUAN, "full": YUAN}),
    "factor.part": ("{factor}{weight}×{score}", "{factor} {weight}×{score}", {"factor": FACTOR, "weight": NUM, "score": NUM}),
    "asset.line": ("{ip_type} {number}：{how}", "{ip_type} {number}: {how}", {"ip_type": IP_TYPE, "number": TEXT, "how": NESTED}),
    "asset.excluded": ("不可质押（{reasons}），认定价值 0.00元", "cannot be pledged ({reasons}): recognized value 0.00 yuan",
                       {"reasons": REASONS}),
    "asset.valued": ("基准价值 {base} × 评分 {score}（{parts}） = {value}；质押率 {rate} → {pledge_value}",
                     "base value {base} × score {score} ({parts}) = {value}; pledge rate {rate} → {pledge_value}",
                     {"base": YUAN, "score": NUM, "parts": TERMS, "value": YUAN, "rate": NUM, "pledge_value": YUAN}),
})
_FACTOR_KEYS = {"main_products": ("factor.main_products.yes", "factor.main_products.no")}
_PLACES = Decimal("0.0001")
_DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class FactorScore:
    code: str
    weight: Decimal
    score: Decimal  # in [0, 1]
    detail: Explanation  # how the score was found

    @property
    def label(self) -> str:
        return FACTOR_LABELS.get(self.code, self.code)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "label": self.label,
            "weight": str(self.weight),
            "score": str(self.score),
            "detail": self.detail.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> FactorScore:
        """A stored factor; a Chinese ``detail`` stored by an earlier version is read back when it can be."""
        code = str(data["code"])
        detail = data.get("detail", "")
        why = (Explanation.from_json(detail) if isinstance(detail, Mapping)
               else parse(str(detail), _FACTOR_KEYS.get(code, (f"factor.{code}",))))
        return cls(code, Decimal(str(data["weight"])), Decimal(str(data["score"])), why)


@dataclass(frozen=True)
class AssetValue:
    """One asset's recognized value with its breakdown."""

    index: int
    ip_type: str
    number: str
    title: str
    pledgeable: bool
    obstacles: tuple[Explanation, ...]  # why it cannot be pledged; empty when it can
    expiry_date: dt.date | None
    expiry_derived: bool
    base_value: int  # fen
    factors: tuple[FactorScore, ...]
    score: Decimal
    value: int  # fen, the recognized value
    pledge_rate: Decimal
    pledge_value: int  # fen, value × pledge rate

    @property
    def working(self) -> Explanation:
        """How the value was reached, or why it is 0 (without naming the asset)."""
        if not self.pledgeable:
            return explain("asset.excluded", reasons=self.obstacles)
        parts = [explain("factor.part", factor=f.code, weight=f.weight, score=f.score) for f in self.factors]
        return explain("asset.valued", base=self.base_value, score=self.score, parts=parts, value=self.value,
                       rate=self.pledge_rate, pledge_value=self.pledge_value)

    def explain(self, lang: str = "zh") -> str:
        """One line naming the asset: how its value was reached, or why it is 0, worded in ``lang``."""
        return explain("asset.line", ip_type=IpType(self.ip_type).value, number=self.number, how=self.working).render(lang)

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        """The value as data; with ``lang``, also its explanation worded for a reader."""
        data: dict[str, object] = {
            "index": self.index,
            "type": self.ip_type,
            "number": self.number,
            "title": self.title,
            "pledgeable": self.pledgeable,
            "obstacles": [o.to_json() for o in self.obstacles],
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "expiry_derived": self.expiry_derived,
            "base_value": yuan_str(self.base_value),
            "factors": [f.to_json() for f in self.factors],
            "score": str(self.score),
            "value": yuan_str(self.value),
            "pledge_rate": str(self.pledge_rate),
            "pledge_value": yuan_str(self.pledge_value),
        }
        if lang is not None:
            data["explanation"] = self.explain(lang)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AssetValue:
        expiry = data.get("expiry_date")
        return cls(
            index=as_int(data["index"]),
            ip_type=str(data["type"]),
            number=str(data["number"]),
            title=str(data.get("title", "")),
            pledgeable=bool(data["pledgeable"]),
            obstacles=tuple(_obstacle(o) for o in as_list(data.get("obstacles"))),
            expiry_date=dt.date.fromisoformat(str(expiry)) if expiry else None,
            expiry_derived=bool(data.get("expiry_derived", False)),
            base_value=parse_yuan(data["base_value"], "base_value"),
            factors=tuple(FactorScore.from_json(as_mapping(f)) for f in as_list(data.get("factors"))),
            score=Decimal(str(data["score"])),
            value=parse_yuan(data["value"], "value"),
            pledge_rate=Decimal(str(data["pledge_rate"])),
            pledge_value=parse_yuan(data["pledge_value"], "pledge_value"),
        )


def _obstacle(data: object) -> Explanation:
    """A stored obstacle; one stored by an earlier version as Chinese prose is read back when it can be."""
    return Explanation.from_json(data) if isinstance(data, Mapping) else parse(str(data), OBSTACLE_KEYS)


def _cap(ratio: Decimal) -> Decimal:
    return min(ratio, Decimal(1)).quantize(_PLACES, rounding=ROUND_DOWN)


def factor_scores(asset: IpAsset, expiry: dt.date, maturity: dt.date, product: ProductParams) -> tuple[FactorScore, ...]:
    """The four scored factors of a pledgeable asset."""
    params = product.valuation
    kind = asset.ip_type.value
    w = params.weights
    remaining_days = max((expiry - maturity).days, 0)
    full_years = params.remaining_term_full_years[kind]
    term = _cap(Decimal(remaining_days) / Decimal(full_years * _DAYS_PER_YEAR))
    stability = _cap(params.legal_stability[kind])
    main = _cap(Decimal(1)) if asset.used_in_main_products else _cap(params.main_products_no_score)
    revenue = _cap(Decimal(asset.revenue_supported) / Decimal(params.revenue_full_score))
    return (
        FactorScore("remaining_term", w["remaining_term"], term,
                    explain("factor.remaining_term", days=remaining_days, full_years=full_years)),
        FactorScore("legal_stability", w["legal_stability"], stability, explain("factor.legal_stability", ip_type=kind)),
        FactorScore("main_products", w["main_products"], main,
                    explain(f"factor.main_products.{'yes' if asset.used_in_main_products else 'no'}")),
        FactorScore("revenue", w["revenue"], revenue,
                    explain("factor.revenue", revenue=asset.revenue_supported, full=params.revenue_full_score)),
    )


def value_asset(
    asset: IpAsset, index: int, maturity: dt.date, product: ProductParams, context: PledgeContext = NO_CONTEXT
) -> AssetValue:
    """The recognized value of one asset for a loan maturing on ``maturity`` (0 with the reasons when excluded)."""
    kind = asset.ip_type.value
    expiry, derived = effective_expiry(asset, product)
    obstacles = pledge_obstacles(asset, maturity, product, context)
    base = product.valuation.base_values[kind]
    rate = product.amount.pledge_rates[kind]
    if obstacles or expiry is None:
        return AssetValue(
            index, kind, asset.number, asset.title, False, obstacles, expiry, derived, base, (), Decimal(0), 0, rate, 0
        )
    factors = factor_scores(asset, expiry, maturity, product)
    score = sum((f.weight * f.score for f in factors), Decimal(0))
    value = mul_ratio_down(base, score)
    return AssetValue(
        index,
        kind,
        asset.number,
        asset.title,
        True,
        (),
        expiry,
        derived,
        base,
        factors,
        score,
        value,
        rate,
        mul_ratio_down(value, rate),
    )


def value_assets(
    assets: Sequence[IpAsset], maturity: dt.date, product: ProductParams, context: PledgeContext = NO_CONTEXT
) -> tuple[AssetValue, ...]:
    return tuple(value_asset(a, i, maturity, product, context) for i, a in enumerate(assets))
