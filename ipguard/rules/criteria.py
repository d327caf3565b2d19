"""The eight access criteria (准入标准) of the quick-loan product.

Each rule returns a :class:`RuleResult`: ``pass``, ``fail`` or ``justify``
(needs a written justification to proceed), the figure it looked at, the
threshold from the product parameters and why, as data worded in the
reader's language (:mod:`ipguard.rules.explain`). No
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
from dataclasses import dataclass, field, replace
from decimal import ROUND_UP, Decimal

from ipguard import messages
from ipguard.domain import CreditFlags, Financials, IpAsset, IpType
from ipguard.money import reading_text, yuan_str
from ipguard.products import ProductParams
from ipguard.rules import legal_terms
from ipguard.rules.explain import (
    DATE,
    INT,
    IP_TYPE,
    LEGAL_STATUS,
    PCT,
    REASONS,
    TEXT,
    YUAN,
    Explanation,
    declare,
    explain,
    parse,
    parse_list,
    percent,
    register_nested_parser,
)

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

_RULE_LABELS_EN = {
    "annual_sales": "annual sales",
    "pledgeable_ip": "pledgeable IP",
    "company_credit": "company credit record",
    "controller_credit": "controller's credit record",
    "counter_guarantee": "counter-guarantee",
    "no_major_negative": "no major negative information",
    "net_assets": "non-negative net assets",
    "loan_to_sales": "loan-to-sales ratio",
}
# What a rule's figure and threshold measure: an amount in yuan, a ratio, a count of assets, a yes/no flag.
RULE_UNITS = {
    "annual_sales": "yuan",
    "net_assets": "yuan",
    "loan_to_sales": "ratio",
    "pledgeable_ip": "count",
    "company_credit": "flag",
    "controller_credit": "flag",
    "counter_guarantee": "flag",
    "no_major_negative": "flag",
}


def rule_label(rule_id: str, lang: str = "zh") -> str:
    labels = _RULE_LABELS_EN if lang == "en" else RULE_LABELS
    return labels.get(rule_id, rule_id)


_FIGURES = "（现有贷款 {loans} + 申请 {requested}） / 年销售额 {sales}"
_FIGURES_EN = "(existing loans {loans} + requested {requested}) / annual sales {sales}"
_LTS = {"ratio": PCT, "loans": YUAN, "requested": YUAN, "sales": YUAN, "limit": PCT}
_HEADS: tuple[tuple[str, str, Mapping[str, str]], ...] = (("销贷比 {ratio} = " + _FIGURES + "，超过原则上限 {limit}",
           "loan-to-sales {ratio} = " + _FIGURES_EN + ", above the in-principle limit {limit}", _LTS),
          ("年销售额为0，销贷比无法计算", "annual sales are 0, the loan-to-sales ratio cannot be computed", {}))
_TAILS = (("justified", "；已附风控经理书面说明", "; the risk manager's written justification is attached"),
          ("unjustified", "；需风控经理书面说明方可继续", "; needs the risk manager's written justification to proceed"))
declare({
    "rule.annual_sales.pass": ("年销售额 {sales}，高于准入标准 {minimum}", "annual sales {sales}, above the minimum {minimum}",
                               {"sales": YUAN, "minimum": YUAN}),
    "rule.annual_sales.fail": ("年销售额 {sales}，未高于准入标准 {minimum}", "annual sales {sales}, not above the minimum {minimum}",
                               {"sales": YUAN, "minimum": YUAN}),
    "rule.pledgeable_ip.pass": (
        "{total}项知识产权中{count}项可质押（有效、单独所有、未质押、无争议、贷款到期前不到期）",
        "{count} of {total} IP assets can be pledged (valid, solely owned, not pledged, not in dispute,"
        " not expiring before the loan matures)",
        {"total": INT, "count": INT}),
    "rule.pledgeable_ip.none": ("未提供可用于质押的知识产权", "no IP asset offered for pledge", {}),
    "rule.pledgeable_ip.fail": (
        "可质押知识产权{count}项，少于{minimum}项；如{ip_type} {number}：{reasons}",
        "{count} pledgeable IP assets, fewer than {minimum}; e.g. {ip_type} {number}: {reasons}",
        {"count": INT, "minimum": INT, "ip_type": IP_TYPE, "number": TEXT, "reasons": REASONS}),
    "rule.company_credit.pass": ("企业信用记录良好", "the company's credit record is good", {}),
    "rule.company_credit.fail": ("企业信用记录不良", "the company's credit record is poor", {}),
    "rule.controller_credit.pass": ("实际控制人信用记录良好", "the actual controller's credit record is good", {}),
    "rule.controller_credit.fail": ("实际控制人信用记录不良", "the actual controller's credit record is poor", {}),
    "rule.counter_guarantee.pass": ("愿意提供反担保", "willing to provide a counter-guarantee", {}),
    "rule.counter_guarantee.fail": ("不愿意提供反担保", "not willing to provide a counter-guarantee", {}),
    "rule.no_major_negative.pass": ("无重大负面信息", "no major negative information", {}),
    "rule.no_major_negative.fail": (
        "存在重大负面信息（诉讼、执行、行政处罚、税务违法等）",
        "major negative information (lawsuits, enforcement, administrative penalties, tax violations, etc.)", {}),
    "rule.no_major_negative.fail_note": (
        "存在重大负面信息（诉讼、执行、行政处罚、税务违法等）：{note}",
        "major negative information (lawsuits, enforcement, administrative penalties, tax violations, etc.): {note}",
        {"note": TEXT}),
    "rule.net_assets.pass": ("净资产均不低于 {minimum}（上年度 {last_year}，当期 {current}）",
                             "net assets not below {minimum} in both periods (last year {last_year}, current {current})",
                             {"minimum": YUAN, "last_year": YUAN, "current": YUAN}),
    "rule.net_assets.fail": ("净资产低于 {minimum}（上年度 {last_year}，当期 {current}）",
                             "net assets below {minimum} (last year {last_year}, current {current})",
                             {"minimum": YUAN, "last_year": YUAN, "current": YUAN}),
    "rule.loan_to_sales.pass": ("销贷比 {ratio} = " + _FIGURES + "，未超过 {limit}",
                                "loan-to-sales {ratio} = " + _FIGURES_EN + ", within {limit}", _LTS),
    **{f"rule.loan_to_sales.{head}_{tail}": (hzh + tzh, hen + ten, kinds)
       for head, (hzh, hen, kinds) in zip(("above", "zero_sales"), _HEADS, strict=True)
       for tail, tzh, ten in _TAILS},
    # Why an asset cannot be pledged (rule 2 and the value recognition).
    "obstacle.status": ("法律状态为“{status}”，非有效", "legal status is “{status}”, not valid", {"status": LEGAL_STATUS}),
    "obstacle.owner": ("登记权利人为“{owners}”，不是申请人“{applicant}”",
                       "the registered owner “{owners}” is not the applicant “{applicant}”",
                       {"owners": TEXT, "applicant": TEXT}),
    "obstacle.co_owned": ("非申请人单独所有，且未登记全体共有人同意出质的书面文件",
                          "not solely owned by the applicant, and no written consent of every co-owner is recorded", {}),
    "obstacle.pledged": ("已设立质押", "already pledged", {}),
    "obstacle.pledged_here": ("已在本公司案件 {case_no} 中质押（自受理至解保）",
                              "pledged in our case {case_no} (from intake until release)", {"case_no": TEXT}),
    "obstacle.dispute": ("存在权属或侵权争议", "in an ownership or infringement dispute", {}),
    "obstacle.expiry_unknown": ("到期日未知，无法确认在贷款期内有效",
                                "expiry date unknown: it cannot be confirmed valid for the loan's term", {}),
    "obstacle.expires_early": ("到期日 {expiry} 早于贷款到期日 {maturity}", "expires on {expiry}, before the loan matures on {maturity}",
                               {"expiry": DATE, "maturity": DATE}),
})
OBSTACLE_KEYS = tuple(f"obstacle.{k}" for k in (
    "status", "owner", "co_owned", "pledged", "pledged_here", "dispute", "expiry_unknown", "expires_early"))
# The keys a rule's stored prose may be read back as (see :func:`ipguard.rules.explain.parse`).
_RULE_KEYS = {
    rule_id: tuple(sorted(k for k in messages.known_keys() if k.startswith(f"rule.{rule_id}."))) for rule_id in RULE_IDS
}


def _parse_obstacles(text: str) -> list[dict[str, object]] | None:
    found = parse_list(text, "；", OBSTACLE_KEYS)
    return None if found is None else [e.to_json() for e in found]


register_nested_parser(REASONS, _parse_obstacles)

RuleValue = str | int | bool | None


@dataclass(frozen=True)
class RuleResult:
    """One rule's outcome as data: the figure, the threshold, its unit, the parameter version and why."""

    id: str
    outcome: str  # "pass" | "fail" | "justify"
    value: RuleValue
    threshold: RuleValue
    why: Explanation
    justification: str | None = None  # the risk manager's written justification, for "justify"
    params_version: str = ""  # the product parameters the threshold came from

    @property
    def label(self) -> str:
        return RULE_LABELS.get(self.id, self.id)

    @property
    def unit(self) -> str:
        return RULE_UNITS.get(self.id, "")

    def explain(self, lang: str = "zh") -> str:
        """Why, worded in ``lang`` (see :mod:`ipguard.rules.explain`)."""
        return self.why.render(lang)

    def display_value(self, lang: str = "zh") -> str:
        """The figure for a reader: "4,131.00万元", "11.65%", "3项", "良好" (see :func:`format_rule_figures`)."""
        return format_rule_figures(self, lang)[0]

    def display_threshold(self, lang: str = "zh") -> str:
        """The threshold for a reader: "> 200.00万元", "原则上 ≤ 70.00%", "≥ 1项", "良好"."""
        return format_rule_figures(self, lang)[1]

    @property
    def satisfied(self) -> bool:
        """Passed, or needs a justification and has one."""
        return self.outcome == PASS or (self.outcome == JUSTIFY and bool(self.justification))

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        """The result as data; with ``lang``, also its label and reason worded for a reader (the CLI's output)."""
        data: dict[str, object] = {
            "id": self.id,
            "outcome": self.outcome,
            "value": self.value,
            "threshold": self.threshold,
            "unit": self.unit,
            "params_version": self.params_version,
            "why": self.why.to_json(),
        }
        if self.outcome == JUSTIFY:
            data["justification"] = self.justification
        if lang is not None:
            data["label"] = rule_label(self.id, lang)
            data["reason"] = self.explain(lang)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object], params_version: str = "") -> RuleResult:
        """A stored result; one stored by an earlier version as Chinese prose (``reason``) is read back when it can be."""
        rule_id = str(data["id"])
        why = (Explanation.from_json(data["why"]) if "why" in data
               else parse(str(data.get("reason", "")), _RULE_KEYS.get(rule_id, ())))
        return cls(
            id=rule_id,
            outcome=str(data["outcome"]),
            value=data.get("value"),  # type: ignore[arg-type]
            threshold=data.get("threshold"),  # type: ignore[arg-type]
            why=why,
            justification=data.get("justification"),  # type: ignore[arg-type]
            params_version=str(data.get("params_version") or params_version),
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
) -> tuple[Explanation, ...]:
    """Why an asset cannot be pledged for a loan maturing on ``maturity``; empty when it can.

    These are what CNIPA refuses (专利权质押登记办法, 2021) and what the
    product calls "fully self-controlled": registered to the applicant, sole
    or with every co-owner's consent, valid, not pledged (also not in another
    ipguard case), not in dispute, protected past the loan's maturity.
    """
    reasons: list[Explanation] = []
    if not asset.valid:
        reasons.append(explain("obstacle.status", status=asset.legal_status.value))
    owners = [o.strip() for o in re.split(r"[、,，;；/]", asset.owners) if o.strip()]
    if context.applicant_name and owners and context.applicant_name not in owners:
        reasons.append(explain("obstacle.owner", owners=asset.owners, applicant=context.applicant_name))
    if not asset.sole_owner and not asset.co_owner_consent:
        reasons.append(explain("obstacle.co_owned"))
    if asset.pledged:
        reasons.append(explain("obstacle.pledged"))
    other_case = context.pledged_elsewhere.get(asset.number)
    if other_case:
        reasons.append(explain("obstacle.pledged_here", case_no=other_case))
    if asset.in_dispute:
        reasons.append(explain("obstacle.dispute"))
    expiry, _derived = effective_expiry(asset)
    if expiry is None:
        reasons.append(explain("obstacle.expiry_unknown"))
    elif expiry < maturity:
        reasons.append(explain("obstacle.expires_early", expiry=expiry.isoformat(), maturity=maturity.isoformat()))
    return tuple(reasons)


# --- the rules -----------------------------------------------------------------------------


def _flag_rule(rule_id: str, ok: bool) -> RuleResult:
    outcome = PASS if ok else FAIL
    return RuleResult(rule_id, outcome, ok, True, explain(f"rule.{rule_id}.{outcome}"))


def rule_annual_sales(fin: Financials, product: ProductParams) -> RuleResult:
    minimum = product.access.min_annual_sales
    sales = fin.annual_sales
    outcome = PASS if sales > minimum else FAIL
    why = explain(f"rule.annual_sales.{outcome}", sales=sales, minimum=minimum)
    return RuleResult("annual_sales", outcome, yuan_str(sales), yuan_str(minimum), why)


def rule_pledgeable_ip(
    assets: Sequence[IpAsset], maturity: dt.date, product: ProductParams, context: PledgeContext = NO_CONTEXT
) -> RuleResult:
    minimum = product.access.min_pledgeable_assets
    obstacles = [pledge_obstacles(a, maturity, product, context) for a in assets]
    count = sum(1 for o in obstacles if not o)
    if count >= minimum:
        why = explain("rule.pledgeable_ip.pass", total=len(assets), count=count)
        return RuleResult("pledgeable_ip", PASS, count, minimum, why)
    if not assets:
        why = explain("rule.pledgeable_ip.none")
    else:
        first = next(i for i, o in enumerate(obstacles) if o)
        why = explain("rule.pledgeable_ip.fail", count=count, minimum=minimum, ip_type=IpType(assets[first].ip_type).value,
                      number=assets[first].number, reasons=obstacles[first])
    return RuleResult("pledgeable_ip", FAIL, count, minimum, why)


def rule_company_credit(credit: CreditFlags) -> RuleResult:
    return _flag_rule("company_credit", credit.company_credit_good)


def rule_controller_credit(credit: CreditFlags) -> RuleResult:
    return _flag_rule("controller_credit", credit.controller_credit_good)


def rule_counter_guarantee(credit: CreditFlags) -> RuleResult:
    return _flag_rule("counter_guarantee", credit.counter_guarantee)


def rule_no_major_negative(credit: CreditFlags) -> RuleResult:
    negative = credit.major_negative_info
    if not negative:
        why = explain("rule.no_major_negative.pass")
    elif credit.negative_info_note:
        why = explain("rule.no_major_negative.fail_note", note=credit.negative_info_note)
    else:
        why = explain("rule.no_major_negative.fail")
    return RuleResult("no_major_negative", FAIL if negative else PASS, negative, False, why)


def rule_net_assets(fin: Financials, product: ProductParams) -> RuleResult:
    minimum = product.access.min_net_assets
    lowest = min(fin.net_assets_last_year, fin.net_assets_current)
    outcome = PASS if lowest >= minimum else FAIL
    why = explain(f"rule.net_assets.{outcome}", minimum=minimum, last_year=fin.net_assets_last_year,
                  current=fin.net_assets_current)
    return RuleResult("net_assets", outcome, yuan_str(lowest), yuan_str(minimum), why)


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
    figures = {"ratio": ratio, "loans": fin.existing_bank_loans, "requested": requested, "sales": fin.annual_sales,
               "limit": limit}
    # Exact comparison, no rounding: loans <= limit × sales.
    if ratio is not None and Decimal(loans) <= limit * fin.annual_sales:
        why = explain("rule.loan_to_sales.pass", **figures)
        return RuleResult("loan_to_sales", PASS, shown, str(limit), why)
    text = (justification or "").strip() or None
    key = f"rule.loan_to_sales.{'zero_sales' if ratio is None else 'above'}_{'justified' if text else 'unjustified'}"
    why = explain(key) if ratio is None else explain(key, **figures)
    return RuleResult("loan_to_sales", JUSTIFY, shown, str(limit), why, justification=text)


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
    """All eight rules, in the product's order, each naming the parameter version it was judged under."""
    results = (
        rule_annual_sales(fin, product),
        rule_pledgeable_ip(assets, maturity, product, context),
        rule_company_credit(credit),
        rule_controller_credit(credit),
        rule_counter_guarantee(credit),
        rule_no_major_negative(credit),
        rule_net_assets(fin, product),
        rule_loan_to_sales(fin, requested, product, justification),
    )
    return tuple(replace(r, params_version=product.version) for r in results)


def is_eligible(results: Sequence[RuleResult]) -> bool:
    """No rule fails and every ``justify`` rule carries a justification."""
    return all(r.satisfied for r in results)


# --- figures for a reader ---------------------------------------------------------------------

# rule id -> (text when the flag is true, when false, the wanted state), each (zh, en)
_FLAG_WORDS = {
    "company_credit": (("良好", "good"), ("不良", "poor"), ("良好", "good")),
    "controller_credit": (("良好", "good"), ("不良", "poor"), ("良好", "good")),
    "counter_guarantee": (("愿意", "willing"), ("不愿意", "unwilling"), ("愿意", "willing")),
    "no_major_negative": (("有", "yes"), ("无", "none"), ("无", "none")),  # the value is "there is major negative information"
}
_MONEY_RULES = {"annual_sales": "> ", "net_assets": "≥ "}  # value in yuan, threshold comparator
_WORDS = {
    "no_ratio": ("无法计算（销售额为0）", "cannot be computed (sales are 0)"),
    "in_principle": ("原则上 ≤ ", "in principle ≤ "),
    "count": ("{n}项", "{n}"),
    "at_least": ("≥ {n}项", "≥ {n}"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}


def _w(word: str, lang: str) -> str:
    zh, en = _WORDS[word]
    return en if lang == "en" else zh


def format_money_figure(value: object, lang: str = "zh") -> str:
    """A stored yuan figure ("41310000.00") as "4,131.00万元"; under 10,000 yuan as "1,234.56元"."""
    try:
        fen = int((Decimal(str(value)) * 100).to_integral_value())
    except (ArithmeticError, ValueError):
        return str(value)
    return reading_text(fen, lang)


def format_ratio_figure(value: object) -> str:
    """A stored ratio ("0.1165") as a percentage ("11.65%")."""
    try:
        return percent(Decimal(str(value)))
    except (ArithmeticError, ValueError):
        return str(value)


def format_rule_figures(rule: RuleResult, lang: str = "zh") -> tuple[str, str]:
    """(figure, threshold) of a rule result as a reader of ``lang`` wants them, whatever the stored types.

    Money as 万元 (or 元 under 10,000 yuan; yuan in English), ratios as
    percentages, counts as "N项", the credit flags in words ("良好"/"不良",
    "愿意", "有"/"无"), other booleans as 是/否, a missing figure as "—".
    """
    value, threshold = rule.value, rule.threshold
    if rule.id in _FLAG_WORDS:
        yes, no, wanted = (pair[1] if lang == "en" else pair[0] for pair in _FLAG_WORDS[rule.id])
        return (yes if value else no) if value is not None else "—", wanted
    if rule.id in _MONEY_RULES:
        shown = "—" if value is None else format_money_figure(value, lang)
        return shown, "—" if threshold is None else _MONEY_RULES[rule.id] + format_money_figure(threshold, lang)
    if rule.id == "loan_to_sales":
        shown = _w("no_ratio", lang) if value is None else format_ratio_figure(value)
        return shown, "—" if threshold is None else _w("in_principle", lang) + format_ratio_figure(threshold)
    if rule.id == "pledgeable_ip":
        return ("—" if value is None else _w("count", lang).format(n=value)), (
            "—" if threshold is None else _w("at_least", lang).format(n=threshold))
    return _plain(value, lang), _plain(threshold, lang)


def _plain(value: object, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _w("yes" if value else "no", lang)
    return str(value)
