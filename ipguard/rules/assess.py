"""One applicant in, one explainable assessment out.

:class:`Applicant` is read from the JSON of ``ipguard assess`` (see issue 3)::

    {"company": {"name", "uscc", "annual_sales", "net_assets_last_year",
                 "net_assets_current", "existing_bank_loans",
                 "company_credit_good", "controller_credit_good",
                 "counter_guarantee", "major_negative_info",
                 "negative_info_note"?},
     "requested_amount", "term_months", "application_date",
     "justification"?, "target_tags"? (list of tag codes),
     "ip_assets": [{"type", "number", "title"?, "sole_owner", "valid",
                    "pledged", "in_dispute", "expiry_date",
                    "used_in_main_products"?, "revenue_supported"?,
                    "filing_date"?, "grant_date"?, "nice_class" (trademarks)}]}

Amounts are decimal strings in yuan. :func:`assess` applies the product
parameters; :class:`Assessment` carries every figure with its explanation and
the parameter version, and round-trips through JSON (:meth:`Assessment.to_json`
/ :meth:`Assessment.from_json`) so a stored assessment is shown again later
exactly as it was, whatever the current parameters say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from ipguard import field_labels, messages  # noqa: F401 - field_labels registers the wordings reused below
from ipguard.domain import CreditFlags, Financials, IpAsset
from ipguard.errors import ValidationError
from ipguard.money import parse_yuan, yuan_str, yuan_text
from ipguard.products import ProductParams, Regulation, load_regulation
from ipguard.rules import deadlines, loan_maturity
from ipguard.rules.amount import AmountCandidate, chain_summary, guarantee_amount
from ipguard.rules.criteria import JUSTIFY, PledgeContext, RuleResult, evaluate, is_eligible, rule_label
from ipguard.rules.explain import candidate_label
from ipguard.rules.fees import FeeBreakdown, guarantee_fee
from ipguard.rules.valuation import AssetValue, value_assets
from ipguard.stored_json import as_int, as_list, as_mapping, as_optional_str
from ipguard.validators import check_date, check_int, check_text, check_uscc
from ipguard.workdays import WorkCalendar, unconfirmed_warning

# The applicant JSON's company fields are named like the intake form's (ipguard.field_labels), so they
# take the form's wording under "company.".
_COMPANY_FIELDS = (
    "annual_sales", "net_assets_last_year", "net_assets_current", "existing_bank_loans", "company_credit_good",
    "controller_credit_good", "counter_guarantee", "major_negative_info", "negative_info_note", "uscc",
)  # fmt: skip
messages.register_fields(
    {f"company.{k}": (messages.field_label(k, "zh"), messages.field_label(k, "en")) for k in _COMPANY_FIELDS}
    | {
        "company": ("企业信息", "company"),
        "ip_assets": ("知识产权清单", "IP assets"),
        "target_tags": ("目标客户标签", "target tags"),
    }
)
messages.register(
    {
        "json_object": ("应为 JSON 对象（{{...}}）", "must be a JSON object ({{...}})"),
        "json_list": ("应为 JSON 列表（[...]）", "must be a JSON list ([...])"),
        "amount_positive": ("金额应大于0", "must be greater than 0"),
        # The lines of Assessment.explain.
        "assess.head": ("{company}（{uscc}）：{verdict}；产品参数 {product} {version}",
                        "{company} ({uscc}): {verdict}; product parameters {product} {version}"),
        "assess.eligible": ("符合准入条件", "meets the access criteria"),
        "assess.ineligible": ("不符合准入条件", "does not meet the access criteria"),
        "assess.rule": ("{mark} {label}：{reason}", "{mark} {label}: {reason}"),
        "assess.asset": ("· {line}", "· {line}"),
        "assess.recognized": ("认定价值合计 {value}", "recognized value in total {value}"),
        "assess.candidate": ("· {label}：{figure}（{why}）{bound}", "· {label}: {figure} ({why}){bound}"),
        "assess.bound": ("【约束】", " [binding]"),
        "assess.fee": ("担保费：{how}", "guarantee fee: {how}"),
        "assess.warning": ("注意：{text}", "note: {text}"),
    }
)

T = TypeVar("T")


def _prefixed(prefix: str, build: Callable[[], T]) -> T:
    """Run a domain constructor, putting ``prefix`` before the field it names on error."""
    try:
        return build()
    except ValidationError as exc:
        if exc.field and not exc.field.startswith(prefix):
            raise ValidationError(f"{prefix}{exc.field}", exc.key, **exc.params) from None
        raise


def _mapping(value: object, field: str) -> Mapping[str, object]:
    if value is None:
        raise ValidationError(field, "required")
    if not isinstance(value, Mapping):
        raise ValidationError(field, "json_object")
    return value


@dataclass(frozen=True)
class Applicant:
    company_name: str
    uscc: str
    financials: Financials
    credit: CreditFlags
    requested_amount: int  # fen, > 0
    term_months: int
    application_date: dt.date
    assets: tuple[IpAsset, ...]
    justification: str | None = None
    target_tags: tuple[str, ...] = ()
    # Asset number -> the other live ipguard case pledging it (filled from the store for a case).
    pledged_elsewhere: Mapping[str, str] = field(default_factory=dict)

    @property
    def maturity_date(self) -> dt.date:
        return loan_maturity(self.application_date, self.term_months)

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Applicant:
        """Validate the ``ipguard assess`` input; ValidationError names the field (``company.uscc``)."""
        if not isinstance(data, Mapping):
            raise ValidationError("applicant", "json_object")
        company = _mapping(data.get("company"), "company")
        name = check_text(company.get("name"), "company.name", max_len=100)
        uscc = check_uscc(company.get("uscc"), "company.uscc")
        financials = _prefixed("company.", lambda: Financials.from_input(company))
        credit = _prefixed("company.", lambda: CreditFlags.from_input(company))
        requested = parse_yuan(data.get("requested_amount"), "requested_amount")
        if requested == 0:
            raise ValidationError("requested_amount", "amount_positive")
        term = check_int(data.get("term_months"), "term_months", low=1)  # the product's range: assess()
        date = check_date(data.get("application_date"), "application_date")
        assert date is not None
        raw_assets = data.get("ip_assets")
        if raw_assets is None:
            raise ValidationError("ip_assets", "required")
        if not isinstance(raw_assets, list):
            raise ValidationError("ip_assets", "json_list")
        assets = tuple(
            IpAsset.from_input(_mapping(item, f"ip_assets[{i}]"), prefix=f"ip_assets[{i}].", require_nice_class=False)
            for i, item in enumerate(raw_assets)
        )
        justification = check_text(data.get("justification"), "justification", max_len=2000, required=False) or None
        tags = data.get("target_tags") or []
        if not isinstance(tags, list):
            raise ValidationError("target_tags", "json_list")
        return cls(
            company_name=name,
            uscc=uscc,
            financials=financials,
            credit=credit,
            requested_amount=requested,
            term_months=term,
            application_date=date,
            assets=assets,
            justification=justification,
            target_tags=tuple(check_text(t, f"target_tags[{i}]", max_len=60) for i, t in enumerate(tags)),
        )


@dataclass(frozen=True)
class Assessment:
    """The outcome of the access criteria, value recognition, amount and fee — with every reason."""

    eligible: bool
    rules: tuple[RuleResult, ...]
    asset_values: tuple[AssetValue, ...]
    recognized_value: int  # fen, Σ recognized values of pledgeable assets
    pledge_value: int  # fen, Σ value × pledge rate
    guarantee_amount: int  # fen
    amount_chain: tuple[AmountCandidate, ...]
    amount_before_rounding: int
    rounding_unit: int
    fee: int  # fen
    fee_breakdown: FeeBreakdown
    product_code: str
    product_name: str
    params_version: str
    company_name: str
    uscc: str
    requested_amount: int
    term_months: int
    application_date: dt.date
    maturity_date: dt.date
    justification: str | None = None
    target_tags: tuple[str, ...] = ()
    maturity_reminder_date: dt.date | None = None
    warnings: tuple[str, ...] = ()

    @property
    def bound_by(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.amount_chain if c.binding)

    def rule(self, rule_id: str) -> RuleResult:
        return next(r for r in self.rules if r.id == rule_id)

    def explain(self, lang: str = "zh") -> list[str]:
        """The assessment as lines in ``lang``, for a report or the screen; uses only stored figures."""
        def say(key: str, **params: object) -> str:
            return messages.render(key, params, lang)

        lines = [say("assess.head", company=self.company_name, uscc=self.uscc,
                     verdict=say("assess.eligible" if self.eligible else "assess.ineligible"),
                     product=self.product_name, version=self.params_version)]
        marks = {"pass": "✓", "fail": "✗", "justify": "！"}
        lines += [say("assess.rule", mark=marks.get(r.outcome, "?"), label=rule_label(r.id, lang), reason=r.explain(lang))
                  for r in self.rules]
        lines += [say("assess.asset", line=a.explain(lang)) for a in self.asset_values]
        lines.append(say("assess.recognized", value=yuan_text(self.recognized_value, lang)))
        for c in self.amount_chain:
            lines.append(say("assess.candidate", label=candidate_label(c.name, lang), why=c.explain(lang),
                             figure="—" if c.amount is None else yuan_text(c.amount, lang),
                             bound=say("assess.bound") if c.binding else ""))
        summary = chain_summary(self.amount_chain, self.amount_before_rounding, self.rounding_unit, self.guarantee_amount)
        lines.append(summary.render(lang))
        lines.append(say("assess.fee", how=self.fee_breakdown.explain(lang)))
        lines += [say("assess.warning", text=w) for w in self.warnings]
        return lines

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        """The assessment as data, as stored with the case; amounts in yuan with two places.

        With ``lang`` (the ``ipguard assess`` output), every explanation is also
        worded for a reader in that language, and ``summary`` gives the lines of
        :meth:`explain`.
        """
        data: dict[str, object] = {
            "eligible": self.eligible,
            "rules": [r.to_json(lang) for r in self.rules],
            "recognized_value": yuan_str(self.recognized_value),
            "guarantee_amount": yuan_str(self.guarantee_amount),
            "amount_chain": [c.to_json(lang) for c in self.amount_chain],
            "fee": yuan_str(self.fee),
            "bound_by": list(self.bound_by),
            "amount_before_rounding": yuan_str(self.amount_before_rounding),
            "rounding_unit": yuan_str(self.rounding_unit),
            "pledge_value": yuan_str(self.pledge_value),
            "asset_values": [a.to_json(lang) for a in self.asset_values],
            "fee_breakdown": self.fee_breakdown.to_json(lang),
            "product": self.product_code,
            "product_name": self.product_name,
            "params_version": self.params_version,
            "company": {"name": self.company_name, "uscc": self.uscc},
            "requested_amount": yuan_str(self.requested_amount),
            "term_months": self.term_months,
            "application_date": self.application_date.isoformat(),
            "maturity_date": self.maturity_date.isoformat(),
            "maturity_reminder_date": self.maturity_reminder_date.isoformat() if self.maturity_reminder_date else None,
            "justification": self.justification,
            "target_tags": list(self.target_tags),
            "warnings": list(self.warnings),
        }
        if lang is not None:
            data["summary"] = self.explain(lang)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Assessment:
        """Rebuild a stored assessment from :meth:`to_json` output, without recomputing anything."""
        reminder = data.get("maturity_reminder_date")
        company = as_mapping(data.get("company"))
        return cls(
            eligible=bool(data["eligible"]),
            rules=tuple(RuleResult.from_json(as_mapping(r), str(data.get("params_version", ""))) for r in as_list(data["rules"])),
            asset_values=tuple(AssetValue.from_json(as_mapping(a)) for a in as_list(data.get("asset_values"))),
            recognized_value=parse_yuan(data["recognized_value"], "recognized_value"),
            pledge_value=parse_yuan(data.get("pledge_value", "0"), "pledge_value"),
            guarantee_amount=parse_yuan(data["guarantee_amount"], "guarantee_amount"),
            amount_chain=tuple(AmountCandidate.from_json(as_mapping(c)) for c in as_list(data["amount_chain"])),
            amount_before_rounding=parse_yuan(data.get("amount_before_rounding", data["guarantee_amount"]), "amount"),
            rounding_unit=parse_yuan(data.get("rounding_unit", "0"), "rounding_unit"),
            fee=parse_yuan(data["fee"], "fee"),
            fee_breakdown=FeeBreakdown.from_json(as_mapping(data["fee_breakdown"])),
            product_code=str(data.get("product", "")),
            product_name=str(data.get("product_name", "")),
            params_version=str(data.get("params_version", "")),
            company_name=str(company.get("name", "")),
            uscc=str(company.get("uscc", "")),
            requested_amount=parse_yuan(data["requested_amount"], "requested_amount"),
            term_months=as_int(data["term_months"]),
            application_date=dt.date.fromisoformat(str(data["application_date"])),
            maturity_date=dt.date.fromisoformat(str(data["maturity_date"])),
            justification=as_optional_str(data.get("justification")),
            target_tags=tuple(str(t) for t in as_list(data.get("target_tags"))),
            maturity_reminder_date=dt.date.fromisoformat(str(reminder)) if reminder else None,
            warnings=tuple(str(w) for w in as_list(data.get("warnings"))),
        )


def trademark_warnings(assets: tuple[IpAsset, ...]) -> list[str]:
    """商标法 art. 42: the applicant's same or similar marks on the same or similar goods go together."""
    marks = [a for a in assets if a.ip_type.value == "trademark"]
    out = []
    if marks:
        out.append("质押商标时，申请人在同一种或类似商品上注册的相同或近似商标应当一并质押（商标法第四十二条），请核对并一并列入")
    unclassed = [a.number for a in marks if a.nice_class is None]
    if unclassed:
        out.append(f"商标 {'、'.join(unclassed)} 未填写尼斯分类，受理前须补全")
    return out


def assess(
    applicant: Applicant,
    product: ProductParams,
    *,
    regulation: Regulation | None = None,
    guarantor_net_assets: int | None = None,
    client_in_force: int = 0,
    group_exposure: int | None = None,
    book_exposure: int | None = None,
    mainly_small_micro: bool = False,
    calendar: WorkCalendar | None = None,
) -> Assessment:
    """Apply the product's access criteria, value recognition, amount chain and fee to one applicant.

    ``guarantor_net_assets`` (fen) enables the regulatory single-client limit,
    less ``client_in_force`` (fen) already guaranteed for the same client.
    ``calendar`` counts the maturity reminder date in working days.
    """
    calendar = calendar or WorkCalendar()
    product.amount.check_term(applicant.term_months)  # the term the product allows
    if guarantor_net_assets is not None and regulation is None:
        regulation = load_regulation()
    maturity = applicant.maturity_date
    fin = applicant.financials
    context = PledgeContext(applicant.company_name, applicant.pledged_elsewhere)
    rules = evaluate(
        fin, applicant.credit, applicant.assets, applicant.requested_amount, maturity, product, applicant.justification, context
    )
    eligible = is_eligible(rules)
    values = value_assets(applicant.assets, maturity, product, context)
    recognized = sum(v.value for v in values)
    pledge_value = sum(v.pledge_value for v in values)
    justified = any(r.outcome == JUSTIFY and r.justification for r in rules)
    result = guarantee_amount(
        applicant.requested_amount,
        pledge_value,
        fin,
        product,
        eligible=eligible,
        justified_above_limit=justified,
        regulation=regulation,
        guarantor_net_assets=guarantor_net_assets,
        client_in_force=client_in_force,
        group_exposure=group_exposure,
        book_exposure=book_exposure,
        mainly_small_micro=mainly_small_micro,
    )
    fee = guarantee_fee(result.amount, product.fees, applicant.application_date, applicant.term_months)
    reminder = deadlines.maturity_reminder(calendar, product.deadlines, maturity)
    warnings: list[str] = []
    unconfirmed = unconfirmed_warning(calendar.unconfirmed_years(reminder, maturity))
    if unconfirmed:
        warnings.append(f"到期提醒日：{unconfirmed}")
    warnings += trademark_warnings(applicant.assets)
    known = {t.code for t in product.target_tags}
    unknown = [t for t in applicant.target_tags if t not in known]
    if unknown:
        warnings.append(f"未知的目标客户标签：{'、'.join(unknown)}")
    return Assessment(
        eligible=eligible,
        rules=rules,
        asset_values=values,
        recognized_value=recognized,
        pledge_value=pledge_value,
        guarantee_amount=result.amount,
        amount_chain=result.candidates,
        amount_before_rounding=result.least,
        rounding_unit=result.rounding_unit,
        fee=fee.fee,
        fee_breakdown=fee,
        product_code=product.code,
        product_name=product.name,
        params_version=product.version,
        company_name=applicant.company_name,
        uscc=applicant.uscc,
        requested_amount=applicant.requested_amount,
        term_months=applicant.term_months,
        application_date=applicant.application_date,
        maturity_date=maturity,
        justification=applicant.justification,
        target_tags=applicant.target_tags,
        maturity_reminder_date=reminder,
        warnings=tuple(warnings),
    )
