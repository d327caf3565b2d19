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
from decimal import Decimal

from ipguard.domain import Financials
from ipguard.money import mul_ratio_down, parse_yuan, round_down, yuan_str
from ipguard.products import ProductParams, Regulation
from ipguard.rules.explain import (
    CANDIDATES,
    NUM,
    TEXT,
    YUAN,
    Explanation,
    candidate_label,
    declare,
    explain,
    parse,
    register_labels,
)

_CANDIDATE_LABELS = {
    "requested": ("申请金额", "requested amount"),
    "pledge_value": ("认定价值×质押率", "recognized value × pledge rate"),
    "loan_to_sales": ("销贷比上限内金额", "within the loan-to-sales limit"),
    "single_case_cap": ("单笔上限", "single-case cap"),
    "single_client_limit": ("单一客户集中度上限", "single-client concentration limit"),
    "related_party_limit": ("单一客户及其关联方集中度上限", "client and related parties concentration limit"),
    "total_leverage": ("融资担保放大倍数上限", "guarantee leverage limit"),
    "eligibility": ("准入结论", "access verdict"),
}
CANDIDATE_LABELS = {name: zh for name, (zh, _en) in _CANDIDATE_LABELS.items()}
register_labels("candidate", _CANDIDATE_LABELS)

_NET = "担保公司净资产 {net_assets}"
_NET_EN = "the guarantor's net assets {net_assets}"
_LTS = "{limit} × 年销售额 {sales} − 现有贷款 {loans}"
_LTS_EN = "{limit} × annual sales {sales} − existing loans {loans}"
declare({
    "amount.requested": ("申请金额 {amount}", "requested amount {amount}", {"amount": YUAN}),
    "amount.pledge_value": ("各项可质押知识产权认定价值 × 对应质押率之和",
                            "the sum of each pledgeable IP asset's recognized value × its pledge rate", {}),
    "amount.loan_to_sales": (_LTS, _LTS_EN, {"limit": NUM, "sales": YUAN, "loans": YUAN}),
    "amount.loan_to_sales_lifted": (
        _LTS + " = {headroom}；风控经理已书面说明超出原则性标准的理由，此项不再约束担保额，由保审会审议",
        _LTS_EN + " = {headroom}; the risk manager has justified exceeding the in-principle limit in writing,"
        " so this no longer bounds the amount: the committee decides",
        {"limit": NUM, "sales": YUAN, "loans": YUAN, "headroom": YUAN}),
    "amount.single_case_cap": ("产品参数 {version} 单笔上限", "the single-case cap of product parameters {version}",
                               {"version": TEXT}),
    "amount.single_client_unknown": ("未提供担保公司净资产，未计算单一客户集中度上限",
                                     "the guarantor's net assets are not given: the single-client limit is not computed", {}),
    "amount.single_client_limit": ("{ratio} × " + _NET + " − 该客户已批准未解保的担保余额 {in_force}",
                                   "{ratio} × " + _NET_EN + " − this client's approved, unreleased guarantees {in_force}",
                                   {"ratio": NUM, "net_assets": YUAN, "in_force": YUAN}),
    "amount.related_party_limit": ("{ratio} × " + _NET + " − 该客户及其关联方担保余额 {exposure}",
                                   "{ratio} × " + _NET_EN + " − guarantees of this client and its related parties {exposure}",
                                   {"ratio": NUM, "net_assets": YUAN, "exposure": YUAN}),
    "amount.total_leverage": ("{multiple} × " + _NET + " − 全部担保余额 {exposure}",
                              "{multiple} × " + _NET_EN + " − all guarantees in force {exposure}",
                              {"multiple": NUM, "net_assets": YUAN, "exposure": YUAN}),
    "amount.eligibility": ("准入条件未全部满足，担保额为0", "the access criteria are not all met: the guarantee amount is 0", {}),
    "amount.summary": ("取最小值 {least}（受{bound}约束），按 {unit} 向下取整为 {amount}",
                       "least {least} (bound by {bound}), rounded down to a multiple of {unit}: {amount}",
                       {"least": YUAN, "bound": CANDIDATES, "unit": YUAN, "amount": YUAN}),
})
# The keys a candidate's stored prose may be read back as.
_CANDIDATE_KEYS = {
    "loan_to_sales": ("amount.loan_to_sales", "amount.loan_to_sales_lifted"),
    "single_client_limit": ("amount.single_client_limit", "amount.single_client_unknown"),
}


@dataclass(frozen=True)
class AmountCandidate:
    name: str
    amount: int | None  # fen; None when it could not be computed (not part of the minimum)
    why: Explanation
    binding: bool = False

    @property
    def label(self) -> str:
        return CANDIDATE_LABELS.get(self.name, self.name)

    def explain(self, lang: str = "zh") -> str:
        """Where the figure comes from, worded in ``lang``."""
        return self.why.render(lang)

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        """The candidate as data; with ``lang``, also its label and explanation worded for a reader."""
        data: dict[str, object] = {
            "name": self.name,
            "amount": None if self.amount is None else yuan_str(self.amount),
            "why": self.why.to_json(),
            "binding": self.binding,
        }
        if lang is not None:
            data["label"] = candidate_label(self.name, lang)
            data["explanation"] = self.explain(lang)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AmountCandidate:
        """A stored candidate; Chinese prose stored by an earlier version is read back when it can be."""
        amount = data.get("amount")
        name = str(data["name"])
        why = (Explanation.from_json(data["why"]) if "why" in data
               else parse(str(data.get("explanation", "")), _CANDIDATE_KEYS.get(name, (f"amount.{name}",))))
        return cls(
            name=name,
            amount=None if amount is None else parse_yuan(amount, "amount"),
            why=why,
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


def loan_to_sales_headroom(fin: Financials, limit_ratio: Decimal) -> int:
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
    lts = {"limit": limit, "sales": fin.annual_sales, "loans": fin.existing_bank_loans}
    lts_amount: int | None = headroom
    lts_why = explain("amount.loan_to_sales", **lts)
    if justified_above_limit:
        # "In principle": the risk manager's written justification lifts this candidate; the committee sees why.
        lts_why = explain("amount.loan_to_sales_lifted", **lts, headroom=headroom)
        lts_amount = None
    cap = product.amount.single_case_cap
    candidates: list[AmountCandidate] = [
        AmountCandidate("requested", requested, explain("amount.requested", amount=requested)),
        AmountCandidate("pledge_value", pledge_value, explain("amount.pledge_value")),
        AmountCandidate("loan_to_sales", lts_amount, lts_why),
        AmountCandidate("single_case_cap", cap, explain("amount.single_case_cap", version=product.version)),
    ]
    if guarantor_net_assets is None or regulation is None:
        candidates.append(AmountCandidate("single_client_limit", None, explain("amount.single_client_unknown")))
    else:
        ratio = regulation.single_client_ratio
        client_cap = max(mul_ratio_down(guarantor_net_assets, ratio) - client_in_force, 0)
        candidates.append(AmountCandidate("single_client_limit", client_cap, explain(
            "amount.single_client_limit", ratio=ratio, net_assets=guarantor_net_assets, in_force=client_in_force)))
    if guarantor_net_assets is not None and regulation is not None and group_exposure is not None:
        ratio = regulation.single_client_ratio_related
        candidates.append(AmountCandidate(
            "related_party_limit", max(mul_ratio_down(guarantor_net_assets, ratio) - group_exposure, 0),
            explain("amount.related_party_limit", ratio=ratio, net_assets=guarantor_net_assets, exposure=group_exposure)))
    if guarantor_net_assets is not None and regulation is not None and book_exposure is not None:
        multiple = regulation.total_liability_multiple_small_micro if mainly_small_micro else regulation.total_liability_multiple
        candidates.append(AmountCandidate(
            "total_leverage", max(guarantor_net_assets * multiple - book_exposure, 0),
            explain("amount.total_leverage", multiple=str(multiple), net_assets=guarantor_net_assets, exposure=book_exposure)))
    if not eligible:
        candidates.append(AmountCandidate("eligibility", 0, explain("amount.eligibility")))
    least = max(min(c.amount for c in candidates if c.amount is not None), 0)
    unit = product.amount.rounding_unit
    marked = tuple(
        AmountCandidate(c.name, c.amount, c.why, c.amount is not None and max(c.amount, 0) == least) for c in candidates
    )
    return AmountResult(marked, least, unit, round_down(least, unit))


def chain_summary(candidates: Sequence[AmountCandidate], least: int, unit: int, amount: int) -> Explanation:
    """Which candidate bound and how the amount was rounded."""
    bound = [c.name for c in candidates if c.binding]
    return explain("amount.summary", least=least, bound=bound, unit=unit, amount=amount)
