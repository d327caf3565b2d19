"""The eight access criteria (准入标准) of the quick-loan product.

Each rule returns a :class:`RuleResult`: ``pass``, ``fail`` or ``justify``
(needs a written justification to proceed), the figure it looked at, the
threshold from the product parameters and a one-line Chinese reason. No
threshold is a constant here; they all come from ``[access]`` in the product
TOML (and rule 2's term arithmetic from ``[valuation]``).

Boundaries, as the product states them:

- annual_sales: strictly above the minimum (exactly 2,000,000 fails);
- net_assets: both periods at least the minimum (exactly 0 passes);
- loan_to_sales: (existing bank loans + requested) / annual sales; at the
  limit passes, above it is ``justify`` (原则上 — "in principle"); with zero
  sales the ratio is undefined and treated as above the limit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_UP, Decimal

from ipguard.domain import CreditFlags, Financials, IpAsset, IpType
from ipguard.money import format_wan, format_yuan, yuan_str
from ipguard.products import ProductParams
from ipguard.rules import legal_terms

PASS, FAIL, JUSTIFY = "pass", "fail", "justify"
OUTCOMES = (PASS, FAIL, JUSTIFY)
RULE_IDS = (
    "annual_sales",
    "pledgeable_ip",
    "company_credit",
    "controller_credit",
    "counter_guarantee",
    "no_major_negative",
    "net_assets",
    "loan_to_sales",
)
RULE_LABELS = {
    "annual_sales": "年销售额",
    "pledgeable_ip": "可质押知识产权",
    "company_credit": "企业信用记录",
    "controller_credit": "实际控制人信用记录",
    "counter_guarantee": "反担保意愿",
    "no_major_negative": "无重大负面信息",
    "net_assets": "净资产非负",
    "loan_to_sales": "销贷比",
}

RuleValue = str | int | bool | None


@dataclass(frozen=True)
class RuleResult:
    """One rule's outcome: the figure, the threshold and why."""

    id: str
    outcome: str  # "pass" | "fail" | "justify"
    value: RuleValue
    threshold: RuleValue
    reason: str
    justification: str | None = None  # the risk manager's written justification, for "justify"

    @property
    def label(self) -> str:
        return RULE_LABELS.get(self.id, self.id)

    def display_value(self) -> str:
        """The figure for a reader: "4,131.00万元", "11.65%", "3项", "良好" (see :func:`format_rule_figures`)."""
        return format_rule_figures(self)[0]

    def display_threshold(self) -> str:
        """The threshold for a reader: "> 200.00万元", "原则上 ≤ 70.00%", "≥ 1项", "良好"."""
        return format_rule_figures(self)[1]

    @property
    def satisfied(self) -> bool:
        """Passed, or needs a justification and has one."""
        return self.outcome == PASS or (self.outcome == JUSTIFY and bool(self.justification))

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "outcome": self.outcome,
            "value": self.value,
            "threshold": self.threshold,
            "reason": self.reason,
            "label": self.label,
        }
        if self.outcome == JUSTIFY:
            data["justification"] = self.justification
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> RuleResult:
        return cls(
            id=str(data["id"]),
            outcome=str(data["outcome"]),
            value=data.get("value"),  # type: ignore[arg-type]
            threshold=data.get("threshold"),  # type: ignore[arg-type]
            reason=str(data.get("reason", "")),
            justification=data.get("justification"),  # type: ignore[arg-type]
        )


# --- rule 2: which assets can be pledged ------------------------------------------------------


def effective_expiry(asset: IpAsset, product: ProductParams | None = None) -> tuple[dt.date | None, bool]:
    """The asset's expiry and whether it was derived (see :mod:`ipguard.rules.legal_terms`, the law's terms)."""
    return legal_terms.effective_expiry(asset)


@dataclass(frozen=True)
class PledgeContext:
    """What the case's records say beyond the asset itself.

    ``applicant_name``: the registered owner must be the applicant;
    ``pledged_elsewhere``: asset number → the other live ipguard case that
    pledges it (from that case's intake until its release).
    """

    applicant_name: str = ""
    pledged_elsewhere: Mapping[str, str] = field(default_factory=dict)


NO_CONTEXT = PledgeContext()


def pledge_obstacles(
    asset: IpAsset, maturity: dt.date, product: ProductParams, context: PledgeContext = NO_CONTEXT
) -> tuple[str, ...]:
    """Why an asset cannot be pledged for a loan maturing on ``maturity``; empty when it can.

    These are what CNIPA refuses (专利权质押登记办法, 2021) and what the
    product calls "fully self-controlled": registered to the applicant, sole
    or with every co-owner's consent, valid, not pledged (also not in another
    ipguard case), not in dispute, protected past the loan's maturity.
    """
    reasons: list[str] = []
    if not asset.valid:
        reasons.append(f"法律状态为“{asset.legal_status.label}”，非有效")
    owners = [o.strip() for o in re.split(r"[、,，;；/]", asset.owners) if o.strip()]
    if context.applicant_name and owners and context.applicant_name not in owners:
        reasons.append(f"登记权利人为“{asset.owners}”，不是申请人“{context.applicant_name}”")
    if not asset.sole_owner and not asset.co_owner_consent:
        reasons.append("非申请人单独所有，且未登记全体共有人同意出质的书面文件")
    if asset.pledged:
        reasons.append("已设立质押")
    other_case = context.pledged_elsewhere.get(asset.number)
    if other_case:
        reasons.append(f"已在本公司案件 {other_case} 中质押（自受理至解保）")
    if asset.in_dispute:
        reasons.append("存在权属或侵权争议")
    expiry, _derived = effective_expiry(asset)
    if expiry is None:
        reasons.append("到期日未知，无法确认在贷款期内有效")
    elif expiry < maturity:
        reasons.append(f"到期日 {expiry.isoformat()} 早于贷款到期日 {maturity.isoformat()}")
    return tuple(reasons)


def _asset_name(asset: IpAsset) -> str:
    return f"{IpType(asset.ip_type).label} {asset.number}"


# --- the rules -----------------------------------------------------------------------------


def _flag_rule(rule_id: str, ok: bool, good: str, bad: str) -> RuleResult:
    return RuleResult(rule_id, PASS if ok else FAIL, ok, True, good if ok else bad)


def rule_annual_sales(fin: Financials, product: ProductParams) -> RuleResult:
    minimum = product.access.min_annual_sales
    sales = fin.annual_sales
    if sales > minimum:
        reason = f"年销售额 {format_yuan(sales)}元，高于准入标准 {format_yuan(minimum)}元"
    else:
        reason = f"年销售额 {format_yuan(sales)}元，未高于准入标准 {format_yuan(minimum)}元"
    return RuleResult("annual_sales", PASS if sales > minimum else FAIL, _yuan(sales), _yuan(minimum), reason)


def rule_pledgeable_ip(
    assets: Sequence[IpAsset], maturity: dt.date, product: ProductParams, context: PledgeContext = NO_CONTEXT
) -> RuleResult:
    minimum = product.access.min_pledgeable_assets
    obstacles = [pledge_obstacles(a, maturity, product, context) for a in assets]
    count = sum(1 for o in obstacles if not o)
    if count >= minimum:
        reason = f"{len(assets)}项知识产权中{count}项可质押（有效、单独所有、未质押、无争议、贷款到期前不到期）"
        return RuleResult("pledgeable_ip", PASS, count, minimum, reason)
    if not assets:
        reason = "未提供可用于质押的知识产权"
    else:
        first = next(i for i, o in enumerate(obstacles) if o)
        reason = f"可质押知识产权{count}项，少于{minimum}项；如{_asset_name(assets[first])}：{'；'.join(obstacles[first])}"
    return RuleResult("pledgeable_ip", FAIL, count, minimum, reason)


def rule_company_credit(credit: CreditFlags) -> RuleResult:
    return _flag_rule("company_credit", credit.company_credit_good, "企业信用记录良好", "企业信用记录不良")


def rule_controller_credit(credit: CreditFlags) -> RuleResult:
    return _flag_rule("controller_credit", credit.controller_credit_good, "实际控制人信用记录良好", "实际控制人信用记录不良")


def rule_counter_guarantee(credit: CreditFlags) -> RuleResult:
    return _flag_rule("counter_guarantee", credit.counter_guarantee, "愿意提供反担保", "不愿意提供反担保")


def rule_no_major_negative(credit: CreditFlags) -> RuleResult:
    negative = credit.major_negative_info
    note = f"：{credit.negative_info_note}" if credit.negative_info_note else ""
    reason = f"存在重大负面信息（诉讼、执行、行政处罚、税务违法等）{note}" if negative else "无重大负面信息"
    return RuleResult("no_major_negative", FAIL if negative else PASS, negative, False, reason)


def rule_net_assets(fin: Financials, product: ProductParams) -> RuleResult:
    minimum = product.access.min_net_assets
    lowest = min(fin.net_assets_last_year, fin.net_assets_current)
    figures = f"上年度 {format_yuan(fin.net_assets_last_year)}元，当期 {format_yuan(fin.net_assets_current)}元"
    if lowest >= minimum:
        return RuleResult(
            "net_assets", PASS, _yuan(lowest), _yuan(minimum), f"净资产均不低于 {format_yuan(minimum)}元（{figures}）"
        )
    return RuleResult("net_assets", FAIL, _yuan(lowest), _yuan(minimum), f"净资产低于 {format_yuan(minimum)}元（{figures}）")


def loan_to_sales_ratio(existing_loans: int, requested: int, sales: int) -> Decimal | None:
    """(existing + requested) / sales, exact; None when sales are zero."""
    if sales <= 0:
        return None
    return Decimal(existing_loans + requested) / Decimal(sales)


def rule_loan_to_sales(fin: Financials, requested: int, product: ProductParams, justification: str | None) -> RuleResult:
    limit = product.access.loan_to_sales_limit
    loans = fin.existing_bank_loans + requested
    ratio = loan_to_sales_ratio(fin.existing_bank_loans, requested, fin.annual_sales)
    shown = None if ratio is None else str(ratio.quantize(Decimal("0.0001"), rounding=ROUND_UP))
    figures = (
        f"（现有贷款 {format_yuan(fin.existing_bank_loans)}元 + 申请 {format_yuan(requested)}元）"
        f" / 年销售额 {format_yuan(fin.annual_sales)}元"
    )
    # Exact comparison, no rounding: loans <= limit × sales.
    if ratio is not None and Decimal(loans) <= limit * fin.annual_sales:
        return RuleResult("loan_to_sales", PASS, shown, str(limit), f"销贷比 {_pct(ratio)} = {figures}，未超过 {_pct(limit)}")
    head = "年销售额为0，销贷比无法计算" if ratio is None else f"销贷比 {_pct(ratio)} = {figures}，超过原则上限 {_pct(limit)}"
    text = (justification or "").strip() or None
    tail = "；已附风控经理书面说明" if text else "；需风控经理书面说明方可继续"
    return RuleResult("loan_to_sales", JUSTIFY, shown, str(limit), head + tail, justification=text)


def evaluate(
    fin: Financials,
    credit: CreditFlags,
    assets: Sequence[IpAsset],
    requested: int,
    maturity: dt.date,
    product: ProductParams,
    justification: str | None = None,
    context: PledgeContext = NO_CONTEXT,
) -> tuple[RuleResult, ...]:
    """All eight rules, in the product's order."""
    return (
        rule_annual_sales(fin, product),
        rule_pledgeable_ip(assets, maturity, product, context),
        rule_company_credit(credit),
        rule_controller_credit(credit),
        rule_counter_guarantee(credit),
        rule_no_major_negative(credit),
        rule_net_assets(fin, product),
        rule_loan_to_sales(fin, requested, product, justification),
    )


def is_eligible(results: Sequence[RuleResult]) -> bool:
    """No rule fails and every ``justify`` rule carries a justification."""
    return all(r.satisfied for r in results)


# --- figures for a reader ---------------------------------------------------------------------

# rule id -> (text when the flag is true, when false, the wanted state)
_FLAG_WORDS = {
    "company_credit": ("良好", "不良", "良好"),
    "controller_credit": ("良好", "不良", "良好"),
    "counter_guarantee": ("愿意", "不愿意", "愿意"),
    "no_major_negative": ("有", "无", "无"),  # the value is "there is major negative information"
}
_MONEY_RULES = {"annual_sales": "> ", "net_assets": "≥ "}  # value in yuan, threshold comparator
_WAN_FROM_FEN = 1_000_000  # from 10,000 yuan up, amounts read as 万元


def format_money_figure(value: object) -> str:
    """A stored yuan figure ("41310000.00") as "4,131.00万元"; under 10,000 yuan as "1,234.56元"."""
    try:
        fen = int((Decimal(str(value)) * 100).to_integral_value())
    except (ArithmeticError, ValueError):
        return str(value)
    return format_wan(fen) if abs(fen) >= _WAN_FROM_FEN else f"{format_yuan(fen)}元"


def format_ratio_figure(value: object) -> str:
    """A stored ratio ("0.1165") as a percentage ("11.65%")."""
    try:
        return _pct(Decimal(str(value)))
    except (ArithmeticError, ValueError):
        return str(value)


def format_rule_figures(rule: RuleResult) -> tuple[str, str]:
    """(figure, threshold) of a rule result as a reader wants them, whatever the stored types.

    Money as 万元 (or 元 under 10,000 yuan), ratios as percentages, counts as
    "N项", the credit flags in words ("良好"/"不良", "愿意", "有"/"无"), other
    booleans as 是/否, a missing figure as "—".
    """
    value, threshold = rule.value, rule.threshold
    if rule.id in _FLAG_WORDS:
        yes, no, wanted = _FLAG_WORDS[rule.id]
        return (yes if value else no) if value is not None else "—", wanted
    if rule.id in _MONEY_RULES:
        shown = "—" if value is None else format_money_figure(value)
        return shown, "—" if threshold is None else _MONEY_RULES[rule.id] + format_money_figure(threshold)
    if rule.id == "loan_to_sales":
        shown = "无法计算（销售额为0）" if value is None else format_ratio_figure(value)
        return shown, "—" if threshold is None else "原则上 ≤ " + format_ratio_figure(threshold)
    if rule.id == "pledgeable_ip":
        return ("—" if value is None else f"{value}项"), ("—" if threshold is None else f"≥ {threshold}项")
    return _plain(value), _plain(threshold)


def _plain(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _yuan(fen: int) -> str:
    return yuan_str(fen)


def _pct(ratio: Decimal) -> str:
    return f"{(ratio * 100).quantize(Decimal('0.01'), rounding=ROUND_UP)}%"
