"""The guarantee amount (担保额): the least of five candidates, with the whole chain.

Candidates, each with its figure and where it came from:

1. ``requested``: the amount the company asks for;
2. ``pledge_value``: Σ recognized value × pledge rate of its type;
3. ``loan_to_sales``: the most that keeps (existing bank loans + amount) /
   annual sales within the limit, i.e. limit × sales − existing loans.
   The limit holds only "in principle" (原则上): with the risk manager's
   written justification the candidate is *lifted* — still listed with its
   figure and the justification, so the committee sees both, but no longer
   part of the minimum. The committee may then approve at most the least of
   the other candidates (``ipguard.workflow.committee.decide``);
4. ``single_case_cap``: the product's cap per case;
5. ``single_client_limit``: regulation ratio × the guarantor's net assets −
   what the same client already has in force; only when the guarantor's net
   assets are given (otherwise listed, not computed);
6. ``eligibility``: 0 when the access criteria are not met (listed only then).

The least of the computed candidates is floored at 0 and rounded *down* to
the product's rounding unit. Every candidate equal to the least is marked as
binding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ipguard.domain import Financials
from ipguard.money import format_yuan, mul_ratio_down, parse_yuan, round_down, yuan_str
from ipguard.products import ProductParams, Regulation

CANDIDATE_LABELS = {
    "requested": "申请金额",
    "pledge_value": "认定价值×质押率",
    "loan_to_sales": "销贷比上限内金额",
    "single_case_cap": "单笔上限",
    "single_client_limit": "单一客户集中度上限",
    "related_party_limit": "单一客户及其关联方集中度上限",
    "total_leverage": "融资担保放大倍数上限",
    "eligibility": "准入结论",
}


@dataclass(frozen=True)
class AmountCandidate:
    name: str
    amount: int | None  # fen; None when it could not be computed (not part of the minimum)
    explanation: str
    binding: bool = False

    @property
    def label(self) -> str:
        return CANDIDATE_LABELS.get(self.name, self.name)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "label": self.label,
            "amount": None if self.amount is None else yuan_str(self.amount),
            "explanation": self.explanation,
            "binding": self.binding,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AmountCandidate:
        amount = data.get("amount")
        return cls(
            name=str(data["name"]),
            amount=None if amount is None else parse_yuan(amount, "amount"),
            explanation=str(data.get("explanation", "")),
            binding=bool(data.get("binding", False)),
        )


@dataclass(frozen=True)
class AmountResult:
    candidates: tuple[AmountCandidate, ...]
    least: int  # fen, before rounding (floored at 0)
    rounding_unit: int  # fen
    amount: int  # fen, the guarantee amount

    @property
    def bound_by(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.candidates if c.binding)


def loan_to_sales_headroom(fin: Financials, limit_ratio) -> int:
    """The most that keeps (existing + amount) / sales ≤ limit; never negative."""
    return max(mul_ratio_down(fin.annual_sales, limit_ratio) - fin.existing_bank_loans, 0)


def guarantee_amount(
    requested: int,
    pledge_value: int,
    fin: Financials,
    product: ProductParams,
    *,
    eligible: bool = True,
    justified_above_limit: bool = False,
    regulation: Regulation | None = None,
    guarantor_net_assets: int | None = None,
    client_in_force: int = 0,
    group_exposure: int | None = None,
    book_exposure: int | None = None,
    mainly_small_micro: bool = False,
) -> AmountResult:
    """The guarantee amount and the chain that explains it (see the module docstring).

    ``client_in_force`` is everything the client already has guaranteed and
    not released (approved, later stages, in force); ``group_exposure`` the
    same for the client with its related parties and ``book_exposure`` for the
    company's whole book (融资担保公司监督管理条例 art. 14–16), each without
    this case; given, they add the related-party and leverage candidates.
    """
    limit = product.access.loan_to_sales_limit
    headroom = loan_to_sales_headroom(fin, limit)
    lts_text = f"{limit} × 年销售额 {format_yuan(fin.annual_sales)}元 − 现有贷款 {format_yuan(fin.existing_bank_loans)}元"
    lts_amount: int | None = headroom
    if justified_above_limit:
        # "In principle": the risk manager's written justification lifts this candidate; the committee sees why.
        lts_text += f" = {format_yuan(headroom)}元；风控经理已书面说明超出原则性标准的理由，此项不再约束担保额，由保审会审议"
        lts_amount = None
    cap = product.amount.single_case_cap
    candidates: list[AmountCandidate] = [
        AmountCandidate("requested", requested, f"申请金额 {format_yuan(requested)}元"),
        AmountCandidate("pledge_value", pledge_value, "各项可质押知识产权认定价值 × 对应质押率之和"),
        AmountCandidate("loan_to_sales", lts_amount, lts_text),
        AmountCandidate("single_case_cap", cap, f"产品参数 {product.version} 单笔上限"),
    ]
    if guarantor_net_assets is None or regulation is None:
        candidates.append(AmountCandidate("single_client_limit", None, "未提供担保公司净资产，未计算单一客户集中度上限"))
    else:
        ratio = regulation.single_client_ratio
        client_cap = max(mul_ratio_down(guarantor_net_assets, ratio) - client_in_force, 0)
        candidates.append(
            AmountCandidate(
                "single_client_limit",
                client_cap,
                f"{ratio} × 担保公司净资产 {format_yuan(guarantor_net_assets)}元"
                f" − 该客户已批准未解保的担保余额 {format_yuan(client_in_force)}元",
            )
        )
    if guarantor_net_assets is not None and regulation is not None and group_exposure is not None:
        ratio = regulation.single_client_ratio_related
        candidates.append(AmountCandidate(
            "related_party_limit", max(mul_ratio_down(guarantor_net_assets, ratio) - group_exposure, 0),
            f"{ratio} × 担保公司净资产 {format_yuan(guarantor_net_assets)}元 − 该客户及其关联方担保余额 {format_yuan(group_exposure)}元"))
    if guarantor_net_assets is not None and regulation is not None and book_exposure is not None:
        multiple = regulation.total_liability_multiple_small_micro if mainly_small_micro else regulation.total_liability_multiple
        candidates.append(AmountCandidate(
            "total_leverage", max(guarantor_net_assets * multiple - book_exposure, 0),
            f"{multiple} × 担保公司净资产 {format_yuan(guarantor_net_assets)}元 − 全部担保余额 {format_yuan(book_exposure)}元"))
    if not eligible:
        candidates.append(AmountCandidate("eligibility", 0, "准入条件未全部满足，担保额为0"))
    least = max(min(c.amount for c in candidates if c.amount is not None), 0)
    unit = product.amount.rounding_unit
    marked = tuple(
        AmountCandidate(c.name, c.amount, c.explanation, c.amount is not None and max(c.amount, 0) == least) for c in candidates
    )
    return AmountResult(marked, least, unit, round_down(least, unit))


def chain_summary(candidates: Sequence[AmountCandidate], least: int, unit: int, amount: int) -> str:
    """One Chinese line: which candidate bound and how the amount was rounded."""
    bound = "、".join(c.label for c in candidates if c.binding) or "—"
    return f"取最小值 {format_yuan(least)}元（受{bound}约束），按 {format_yuan(unit)}元 向下取整为 {format_yuan(amount)}元"
