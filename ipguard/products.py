"""Product parameters and regulatory defaults, loaded from TOML and validated.

The built-in files live in ``resources/products/<code>.toml`` and
``resources/regulation.toml``. An admin-edited version is checked with
:func:`parse_product`, which refuses a malformed or inconsistent file with a
:class:`~ipguard.errors.ValidationError` whose ``field`` is the TOML key path
(e.g. ``amount.pledge_rates.trademark``). Every object here is a frozen
dataclass; money is integer fen, rates and weights are :class:`~decimal.Decimal`.
The parsed product keeps its exact TOML text (``raw_text``) so a case can store
the version it was assessed under.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from ipguard import messages
from ipguard.data_files import resource_root
from ipguard.errors import ValidationError
from ipguard.param_readers import IP_TYPES as IP_TYPES  # re-exported: callers import it from here
from ipguard.param_readers import (
    get,
    parse_toml,
    read_bool,
    read_date,
    read_decimal,
    read_int,
    read_money,
    read_per_type,
    read_positive_money,
    read_str,
    read_table,
)
from ipguard.validators import check_int

RESOURCES_DIR = resource_root()

messages.register(
    {
        "param_weights_sum": ("各项权重之和应为1，现为 {total}", "the weights must sum to 1, they sum to {total}"),
        "param_choice": ("参数应为 {choices} 之一，收到“{value}”", "parameter must be one of {choices}, got “{value}”"),
        "param_duplicate": ("代码“{value}”重复", "code “{value}” appears twice"),
        "product_unknown": ("找不到产品参数文件“{code}”", "no product parameter file “{code}”"),
    }
)

VALUATION_FACTORS = ("remaining_term", "legal_stability", "main_products", "revenue")
FEE_BASES = ("days", "months")


SCHEMA_MAX_TERM_MONTHS = 120  # the cases table's CHECK: no product may allow a longer term

@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str
    required: bool
    label_en: str = ""  # the name the English interface shows ("" = none given: the Chinese label is shown)


@dataclass(frozen=True)
class Tag:
    code: str
    label: str
    label_en: str = ""  # the name the English interface shows ("" = none given: the Chinese label is shown)


@dataclass(frozen=True)
class AccessParams:
    min_annual_sales: int  # fen; sales must be strictly above
    min_pledgeable_assets: int
    min_net_assets: int  # fen; both periods must be at least this
    loan_to_sales_limit: Decimal  # at most this passes; above needs a justification


@dataclass(frozen=True)
class ValuationParams:
    weights: Mapping[str, Decimal]  # factor -> weight, summing to 1
    base_values: Mapping[str, int]  # IpType value -> fen
    legal_stability: Mapping[str, Decimal]  # IpType value -> score in [0, 1]
    remaining_term_full_years: Mapping[str, int]
    statutory_term_years: Mapping[str, int]
    revenue_full_score: int  # fen per year
    main_products_no_score: Decimal


@dataclass(frozen=True)
class AmountParams:
    pledge_rates: Mapping[str, Decimal]  # IpType value -> rate in [0, 1]
    single_case_cap: int  # fen
    rounding_unit: int  # fen
    # The loan term a case may ask for (months); versions written before these take 1–120.
    # The schema's CHECK (1–120) stays as the last line: a product may narrow the range, never widen it.
    min_term_months: int = 1
    max_term_months: int = 120

    def check_term(self, value: object, field: str = "term_months") -> int:
        """``value`` as a term in months within the product's range (ValidationError naming ``field``)."""
        return check_int(value, field, low=self.min_term_months, high=self.max_term_months)


@dataclass(frozen=True)
class FeeParams:
    annual_rate: Decimal
    basis: str  # "days" or "months"


@dataclass(frozen=True)
class DeadlineParams:
    bank_approval_working_days: int
    intent_letter_validity_days: int
    maturity_reminder_working_days: int
    registration_followup_working_days: int
    promise_min_days: int
    promise_max_days: int
    # Post-loan reminders (absent from parameter versions written before them: the defaults apply).
    annual_fee_reminder_days: int = 60  # before a pledged patent's annual fee falls due
    trademark_renewal_reminder_days: int = 365  # 商标法 art. 40: renewal may be filed 12 months before expiry
    loan_receipt_working_days: int = 3  # the bank sends the loan receipt within these after lending (disbursement notice)


@dataclass(frozen=True)
class CommitteeParams:
    quorum: int
    majority_numerator: int
    majority_denominator: int

    def approves(self, present: int, in_favour: int) -> bool:
        """True when a quorum is present and the approving share reaches the majority."""
        return present >= self.quorum and in_favour * self.majority_denominator >= present * self.majority_numerator


@dataclass(frozen=True)
class ProductParams:
    code: str
    name: str
    version: str
    effective_date: dt.date
    case_prefix: str
    guarantee_form: str
    access: AccessParams
    valuation: ValuationParams
    amount: AmountParams
    fees: FeeParams
    deadlines: DeadlineParams
    committee: CommitteeParams
    checklist: tuple[ChecklistItem, ...]
    target_tags: tuple[Tag, ...]
    raw_text: str = field(repr=False)
    source: str = ""
    name_en: str = ""  # the name the English interface shows ("" = none given; see catalog.product_name)


@dataclass(frozen=True)
class Regulation:
    version: str
    effective_date: dt.date
    single_client_ratio: Decimal
    single_client_ratio_related: Decimal
    total_liability_multiple: int
    total_liability_multiple_small_micro: int
    small_micro_weight: Decimal
    small_micro_balance_cap: int  # fen
    standard_weight: Decimal
    raw_text: str = field(default="", repr=False)


# --- products ------------------------------------------------------------------------------


def _access(data: Mapping[str, object]) -> AccessParams:
    t = read_table(data, "access")
    return AccessParams(
        min_annual_sales=read_money(t, "min_annual_sales", "access"),
        min_pledgeable_assets=read_int(t, "min_pledgeable_assets", "access", low=1, high=100),
        min_net_assets=read_money(t, "min_net_assets", "access"),
        loan_to_sales_limit=read_decimal(t, "loan_to_sales_limit", "access", high=Decimal(10)),
    )


def _valuation(data: Mapping[str, object]) -> ValuationParams:
    t = read_table(data, "valuation")
    p = "valuation"
    weights_table = read_table(t, "weights", p)
    weights = {f: read_decimal(weights_table, f, "valuation.weights") for f in VALUATION_FACTORS}
    total = sum(weights.values(), Decimal(0))
    if total != 1:
        raise ValidationError("valuation.weights", "param_weights_sum", total=total)
    return ValuationParams(
        weights=MappingProxyType(weights),
        base_values=read_per_type(t, "base_values", p, read_money),
        legal_stability=read_per_type(t, "legal_stability", p, read_decimal),
        remaining_term_full_years=read_per_type(t, "remaining_term_full_years", p, read_int, low=1, high=100),
        statutory_term_years=read_per_type(t, "statutory_term_years", p, read_int, low=1, high=100),
        revenue_full_score=read_positive_money(t, "revenue_full_score", p),
        main_products_no_score=read_decimal(t, "main_products_no_score", p),
    )


def _amount(data: Mapping[str, object]) -> AmountParams:
    t = read_table(data, "amount")
    params = AmountParams(
        pledge_rates=read_per_type(t, "pledge_rates", "amount", read_decimal),
        single_case_cap=read_money(t, "single_case_cap", "amount"),
        rounding_unit=read_money(t, "rounding_unit", "amount"),
        **{key: read_int(t, key, "amount", low=1, high=SCHEMA_MAX_TERM_MONTHS)
           for key in ("min_term_months", "max_term_months") if key in t},
    )
    if params.max_term_months < params.min_term_months:
        raise ValidationError("amount.max_term_months", "param_range", low=params.min_term_months, high=SCHEMA_MAX_TERM_MONTHS,
                              value=params.max_term_months)
    return params


def _fees(data: Mapping[str, object]) -> FeeParams:
    t = read_table(data, "fees")
    basis = read_str(t, "basis", "fees")
    if basis not in FEE_BASES:
        raise ValidationError("fees.basis", "param_choice", choices="、".join(FEE_BASES), value=basis)
    return FeeParams(annual_rate=read_decimal(t, "annual_rate", "fees"), basis=basis)


def _deadlines(data: Mapping[str, object]) -> DeadlineParams:
    t = read_table(data, "deadlines")
    p = "deadlines"
    params = DeadlineParams(
        bank_approval_working_days=read_int(t, "bank_approval_working_days", p, low=1, high=250),
        intent_letter_validity_days=read_int(t, "intent_letter_validity_days", p, low=1, high=366),
        maturity_reminder_working_days=read_int(t, "maturity_reminder_working_days", p, low=1, high=250),
        registration_followup_working_days=read_int(t, "registration_followup_working_days", p, low=1, high=250),
        promise_min_days=read_int(t, "promise_min_days", p, low=1, high=366),
        promise_max_days=read_int(t, "promise_max_days", p, low=1, high=366),
        **{key: read_int(t, key, p, low=1, high=732) for key in ("annual_fee_reminder_days", "trademark_renewal_reminder_days")
           if key in t},
        **{key: read_int(t, key, p, low=1, high=30) for key in ("loan_receipt_working_days",) if key in t},
    )
    if params.promise_max_days < params.promise_min_days:
        raise ValidationError(
            "deadlines.promise_max_days", "param_range", low=params.promise_min_days, high=366, value=params.promise_max_days
        )
    return params


def _committee(data: Mapping[str, object]) -> CommitteeParams:
    t = read_table(data, "committee")
    p = "committee"
    denominator = read_int(t, "majority_denominator", p, low=1, high=100)
    return CommitteeParams(
        quorum=read_int(t, "quorum", p, low=1, high=100),
        majority_numerator=read_int(t, "majority_numerator", p, low=1, high=denominator),
        majority_denominator=denominator,
    )


def _array(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = get(data, key, "")
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValidationError(key, "param_type", expected="表数组([[...]])", value=str(value)[:40])
    codes: set[str] = set()
    for i, item in enumerate(value):
        code = read_str(item, "code", f"{key}[{i}]")
        if code in codes:
            raise ValidationError(f"{key}[{i}].code", "param_duplicate", value=code)
        codes.add(code)
    return value


def parse_product(text: str, source: str = "") -> ProductParams:
    """Parse and validate product parameters; ValidationError(field=<key path>) when malformed."""
    data = parse_toml(text, source)
    checklist = tuple(
        ChecklistItem(
            code=read_str(item, "code", f"checklist[{i}]"),
            label=read_str(item, "label", f"checklist[{i}]"),
            required=read_bool(item, "required", f"checklist[{i}]"),
            label_en=read_str(item, "label_en", f"checklist[{i}]") if "label_en" in item else "",
        )
        for i, item in enumerate(_array(data, "checklist"))
    )
    tags = tuple(
        Tag(
            code=read_str(item, "code", f"target_tags[{i}]"),
            label=read_str(item, "label", f"target_tags[{i}]"),
            label_en=read_str(item, "label_en", f"target_tags[{i}]") if "label_en" in item else "",
        )
        for i, item in enumerate(_array(data, "target_tags"))
    )
    return ProductParams(
        code=read_str(data, "code"),
        name=read_str(data, "name"),
        name_en=read_str(data, "name_en") if "name_en" in data else "",
        version=read_str(data, "version"),
        effective_date=read_date(data, "effective_date"),
        case_prefix=read_str(data, "case_prefix"),
        guarantee_form=read_str(data, "guarantee_form"),
        access=_access(data),
        valuation=_valuation(data),
        amount=_amount(data),
        fees=_fees(data),
        deadlines=_deadlines(data),
        committee=_committee(data),
        checklist=checklist,
        target_tags=tags,
        raw_text=text,
        source=source,
    )


def product_path(code: str = "kuaiyidai") -> Path:
    return RESOURCES_DIR / "products" / f"{code}.toml"


def available_products() -> list[str]:
    """Codes of the built-in product files."""
    return sorted(p.stem for p in (RESOURCES_DIR / "products").glob("*.toml"))


def load_product(code: str = "kuaiyidai") -> ProductParams:
    """The built-in product parameters ``resources/products/<code>.toml``."""
    path = product_path(code)
    if not code.replace("_", "").isalnum() or not path.is_file():
        raise ValidationError("product", "product_unknown", code=code)
    return parse_product(path.read_text(encoding="utf-8"), source=str(path))


# --- regulation ----------------------------------------------------------------------------


def parse_regulation(text: str, source: str = "") -> Regulation:
    """Parse and validate the regulatory defaults."""
    data = parse_toml(text, source)
    single = read_table(data, "single_client")
    total = read_table(data, "total_liability")
    weighting = read_table(data, "weighting")
    return Regulation(
        version=read_str(data, "version"),
        effective_date=read_date(data, "effective_date"),
        single_client_ratio=read_decimal(single, "ratio", "single_client"),
        single_client_ratio_related=read_decimal(single, "ratio_with_related", "single_client"),
        total_liability_multiple=read_int(total, "multiple", "total_liability", low=1, high=100),
        total_liability_multiple_small_micro=read_int(total, "multiple_small_micro", "total_liability", low=1, high=100),
        small_micro_weight=read_decimal(weighting, "small_micro_weight", "weighting"),
        small_micro_balance_cap=read_money(weighting, "small_micro_balance_cap", "weighting"),
        standard_weight=read_decimal(weighting, "standard_weight", "weighting"),
        raw_text=text,
    )


def load_regulation(path: Path | None = None) -> Regulation:
    """The regulatory defaults, from ``resources/regulation.toml`` unless a path is given."""
    path = path or RESOURCES_DIR / "regulation.toml"
    return parse_regulation(path.read_text(encoding="utf-8"), source=str(path))
