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
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType

from ipguard import messages
from ipguard.domain import IpType
from ipguard.errors import ValidationError
from ipguard.money import parse_yuan

if getattr(sys, "frozen", False):  # PyInstaller: resources sit beside the executable's data
    RESOURCES_DIR = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
else:
    RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"

messages.register(
    {
        "param_toml": ("参数文件格式错误：{detail}", "the parameter file is not valid TOML: {detail}"),
        "param_missing": ("缺少参数", "parameter is missing"),
        "param_type": ("参数类型应为{expected}，收到“{value}”", "parameter must be {expected}, got “{value}”"),
        "param_negative": ("参数不能为负数，收到 {value}", "parameter must not be negative, got {value}"),
        "param_range": ("参数应在 {low} 至 {high} 之间，收到 {value}", "parameter must be from {low} to {high}, got {value}"),
        "param_weights_sum": ("各项权重之和应为1，现为 {total}", "the weights must sum to 1, they sum to {total}"),
        "param_choice": ("参数应为 {choices} 之一，收到“{value}”", "parameter must be one of {choices}, got “{value}”"),
        "param_duplicate": ("代码“{value}”重复", "code “{value}” appears twice"),
        "product_unknown": ("找不到产品参数文件“{code}”", "no product parameter file “{code}”"),
    }
)

IP_TYPES = tuple(t.value for t in IpType)
VALUATION_FACTORS = ("remaining_term", "legal_stability", "main_products", "revenue")
FEE_BASES = ("days", "months")


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str
    required: bool


@dataclass(frozen=True)
class Tag:
    code: str
    label: str


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


# --- typed readers: each names the key path it reads ---------------------------------------


def _path(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _get(table: Mapping[str, object], key: str, prefix: str) -> object:
    if key not in table:
        raise ValidationError(_path(prefix, key), "param_missing")
    return table[key]


def _table(table: Mapping[str, object], key: str, prefix: str = "") -> Mapping[str, object]:
    value = _get(table, key, prefix)
    if not isinstance(value, dict):
        raise ValidationError(_path(prefix, key), "param_type", expected="表(table)", value=str(value)[:40])
    return value


def _str(table: Mapping[str, object], key: str, prefix: str = "") -> str:
    value = _get(table, key, prefix)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(_path(prefix, key), "param_type", expected="非空文字", value=str(value)[:40])
    return value.strip()


def _int(table: Mapping[str, object], key: str, prefix: str = "", *, low: int = 0, high: int = 10_000) -> int:
    value = _get(table, key, prefix)
    field = _path(prefix, key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "param_type", expected="整数", value=str(value)[:40])
    if value < 0 <= low:
        raise ValidationError(field, "param_negative", value=value)
    if not low <= value <= high:
        raise ValidationError(field, "param_range", low=low, high=high, value=value)
    return value


def _bool(table: Mapping[str, object], key: str, prefix: str = "") -> bool:
    value = _get(table, key, prefix)
    if not isinstance(value, bool):
        raise ValidationError(_path(prefix, key), "param_type", expected="true/false", value=str(value)[:40])
    return value


def _decimal(table: Mapping[str, object], key: str, prefix: str = "", *, high: Decimal | None = Decimal(1)) -> Decimal:
    """A non-negative exact decimal: a string ("0.40") or a TOML number (read via its literal)."""
    value = _get(table, key, prefix)
    field = _path(prefix, key)
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


def _money(table: Mapping[str, object], key: str, prefix: str = "") -> int:
    value = _get(table, key, prefix)
    field = _path(prefix, key)
    if isinstance(value, float):
        value = str(value)
    if isinstance(value, str) and value.strip().startswith("-"):
        raise ValidationError(field, "param_negative", value=value)
    return parse_yuan(value, field)


def _positive_money(table: Mapping[str, object], key: str, prefix: str = "") -> int:
    amount = _money(table, key, prefix)
    if amount <= 0:
        raise ValidationError(_path(prefix, key), "param_range", low="0.01", high="-", value="0")
    return amount


def _date(table: Mapping[str, object], key: str, prefix: str = "") -> dt.date:
    value = _get(table, key, prefix)
    field = _path(prefix, key)
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


def _per_type(table: Mapping[str, object], key: str, prefix: str, reader, **kwargs) -> dict[str, object]:
    sub = _table(table, key, prefix)
    path = _path(prefix, key)
    return MappingProxyType({ip_type: reader(sub, ip_type, path, **kwargs) for ip_type in IP_TYPES})


def _toml(text: str, source: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(source or "toml", "param_toml", detail=str(exc)) from None


# --- products ------------------------------------------------------------------------------


def _access(data: Mapping[str, object]) -> AccessParams:
    t = _table(data, "access")
    return AccessParams(
        min_annual_sales=_money(t, "min_annual_sales", "access"),
        min_pledgeable_assets=_int(t, "min_pledgeable_assets", "access", low=1, high=100),
        min_net_assets=_money(t, "min_net_assets", "access"),
        loan_to_sales_limit=_decimal(t, "loan_to_sales_limit", "access", high=Decimal(10)),
    )


def _valuation(data: Mapping[str, object]) -> ValuationParams:
    t = _table(data, "valuation")
    p = "valuation"
    weights_table = _table(t, "weights", p)
    weights = {f: _decimal(weights_table, f, "valuation.weights") for f in VALUATION_FACTORS}
    total = sum(weights.values(), Decimal(0))
    if total != 1:
        raise ValidationError("valuation.weights", "param_weights_sum", total=total)
    return ValuationParams(
        weights=MappingProxyType(weights),
        base_values=_per_type(t, "base_values", p, _money),
        legal_stability=_per_type(t, "legal_stability", p, _decimal),
        remaining_term_full_years=_per_type(t, "remaining_term_full_years", p, _int, low=1, high=100),
        statutory_term_years=_per_type(t, "statutory_term_years", p, _int, low=1, high=100),
        revenue_full_score=_positive_money(t, "revenue_full_score", p),
        main_products_no_score=_decimal(t, "main_products_no_score", p),
    )


def _amount(data: Mapping[str, object]) -> AmountParams:
    t = _table(data, "amount")
    return AmountParams(
        pledge_rates=_per_type(t, "pledge_rates", "amount", _decimal),
        single_case_cap=_money(t, "single_case_cap", "amount"),
        rounding_unit=_money(t, "rounding_unit", "amount"),
    )


def _fees(data: Mapping[str, object]) -> FeeParams:
    t = _table(data, "fees")
    basis = _str(t, "basis", "fees")
    if basis not in FEE_BASES:
        raise ValidationError("fees.basis", "param_choice", choices="、".join(FEE_BASES), value=basis)
    return FeeParams(annual_rate=_decimal(t, "annual_rate", "fees"), basis=basis)


def _deadlines(data: Mapping[str, object]) -> DeadlineParams:
    t = _table(data, "deadlines")
    p = "deadlines"
    params = DeadlineParams(
        bank_approval_working_days=_int(t, "bank_approval_working_days", p, low=1, high=250),
        intent_letter_validity_days=_int(t, "intent_letter_validity_days", p, low=1, high=366),
        maturity_reminder_working_days=_int(t, "maturity_reminder_working_days", p, low=1, high=250),
        registration_followup_working_days=_int(t, "registration_followup_working_days", p, low=1, high=250),
        promise_min_days=_int(t, "promise_min_days", p, low=1, high=366),
        promise_max_days=_int(t, "promise_max_days", p, low=1, high=366),
    )
    if params.promise_max_days < params.promise_min_days:
        raise ValidationError(
            "deadlines.promise_max_days", "param_range", low=params.promise_min_days, high=366, value=params.promise_max_days
        )
    return params


def _committee(data: Mapping[str, object]) -> CommitteeParams:
    t = _table(data, "committee")
    p = "committee"
    denominator = _int(t, "majority_denominator", p, low=1, high=100)
    return CommitteeParams(
        quorum=_int(t, "quorum", p, low=1, high=100),
        majority_numerator=_int(t, "majority_numerator", p, low=1, high=denominator),
        majority_denominator=denominator,
    )


def _array(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = _get(data, key, "")
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValidationError(key, "param_type", expected="表数组([[...]])", value=str(value)[:40])
    codes: set[str] = set()
    for i, item in enumerate(value):
        code = _str(item, "code", f"{key}[{i}]")
        if code in codes:
            raise ValidationError(f"{key}[{i}].code", "param_duplicate", value=code)
        codes.add(code)
    return value


def parse_product(text: str, source: str = "") -> ProductParams:
    """Parse and validate product parameters; ValidationError(field=<key path>) when malformed."""
    data = _toml(text, source)
    checklist = tuple(
        ChecklistItem(
            code=_str(item, "code", f"checklist[{i}]"),
            label=_str(item, "label", f"checklist[{i}]"),
            required=_bool(item, "required", f"checklist[{i}]"),
        )
        for i, item in enumerate(_array(data, "checklist"))
    )
    tags = tuple(
        Tag(code=_str(item, "code", f"target_tags[{i}]"), label=_str(item, "label", f"target_tags[{i}]"))
        for i, item in enumerate(_array(data, "target_tags"))
    )
    return ProductParams(
        code=_str(data, "code"),
        name=_str(data, "name"),
        version=_str(data, "version"),
        effective_date=_date(data, "effective_date"),
        case_prefix=_str(data, "case_prefix"),
        guarantee_form=_str(data, "guarantee_form"),
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
    data = _toml(text, source)
    single = _table(data, "single_client")
    total = _table(data, "total_liability")
    weighting = _table(data, "weighting")
    return Regulation(
        version=_str(data, "version"),
        effective_date=_date(data, "effective_date"),
        single_client_ratio=_decimal(single, "ratio", "single_client"),
        single_client_ratio_related=_decimal(single, "ratio_with_related", "single_client"),
        total_liability_multiple=_int(total, "multiple", "total_liability", low=1, high=100),
        total_liability_multiple_small_micro=_int(total, "multiple_small_micro", "total_liability", low=1, high=100),
        small_micro_weight=_decimal(weighting, "small_micro_weight", "weighting"),
        small_micro_balance_cap=_money(weighting, "small_micro_balance_cap", "weighting"),
        standard_weight=_decimal(weighting, "standard_weight", "weighting"),
        raw_text=text,
    )


def load_regulation(path: Path | None = None) -> Regulation:
    """The regulatory defaults, from ``resources/regulation.toml`` unless a path is given."""
    path = path or RESOURCES_DIR / "regulation.toml"
    return parse_regulation(path.read_text(encoding="utf-8"), source=str(path))
