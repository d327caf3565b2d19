"""Value recognition and the guarantee amount: worked examples, chain, properties, stored explanations."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ipguard.domain import Financials, IpAsset, IpType
from ipguard.products import load_product, load_regulation, parse_product
from ipguard.rules.amount import guarantee_amount
from ipguard.rules.assess import Applicant, Assessment, assess
from ipguard.rules.valuation import value_asset
from tests._assess_data import INVENTION, UTILITY, applicant

PRODUCT = load_product()
MATURITY = dt.date(2027, 11, 2)


def _patent(**kw: object) -> IpAsset:
    base = {"ip_type": IpType.INVENTION_PATENT, "number": INVENTION, "expiry_date": dt.date(2041, 3, 1)}
    base.update(kw)
    return IpAsset(**base)  # type: ignore[arg-type]


def test_worked_example_value_and_breakdown() -> None:
    v = value_asset(_patent(used_in_main_products=True), 0, MATURITY, PRODUCT)
    # remaining 2027-11-02 → 2041-03-01 is more than 10 years: full score.
    scores = {f.code: f.score for f in v.factors}
    assert scores == {
        "remaining_term": Decimal("1.0000"),
        "legal_stability": Decimal("1.0000"),
        "main_products": Decimal("1.0000"),
        "revenue": Decimal("0.0000"),
    }
    assert v.score == Decimal("0.80")
    assert v.value == 2_400_000_00  # 3,000,000 × 0.80
    assert v.pledge_value == 1_200_000_00  # × 0.50
    assert "2,400,000.00" in v.explain() and "质押率 0.50" in v.explain()


def test_non_pledgeable_asset_is_zero_with_reason() -> None:
    v = value_asset(_patent(pledged=True, in_dispute=True), 0, MATURITY, PRODUCT)
    assert not v.pledgeable and v.value == 0 and v.pledge_value == 0
    assert [o.key for o in v.obstacles] == ["obstacle.pledged", "obstacle.dispute"]
    assert [o.render() for o in v.obstacles] == ["已设立质押", "存在权属或侵权争议"]
    assert [o.render("en") for o in v.obstacles] == ["already pledged", "in an ownership or infringement dispute"]
    assert "不可质押" in v.explain()


def test_firmer_type_and_main_products_and_revenue_never_lower_value() -> None:
    utility = value_asset(_patent(ip_type=IpType.UTILITY_MODEL, number=UTILITY), 0, MATURITY, PRODUCT)
    assert utility.factors[1].score == Decimal("0.6000")
    plain = value_asset(_patent(), 0, MATURITY, PRODUCT)
    used = value_asset(_patent(used_in_main_products=True), 0, MATURITY, PRODUCT)
    earning = value_asset(_patent(used_in_main_products=True, revenue_supported=2_500_000_00), 0, MATURITY, PRODUCT)
    assert plain.value < used.value < earning.value
    assert earning.factors[3].score == Decimal("0.5000")


@settings(max_examples=150, deadline=None)
@given(
    days=st.integers(min_value=0, max_value=40 * 365),
    extra=st.integers(min_value=0, max_value=5000),
    kind=st.sampled_from(list(IpType)),
    main=st.booleans(),
    revenue=st.integers(min_value=0, max_value=10_000_000_00),
)
def test_value_monotone_in_remaining_term(days: int, extra: int, kind: IpType, main: bool, revenue: int) -> None:
    def value(expiry_days: int) -> int:
        a = _patent(
            ip_type=kind,
            number="12345678" if kind is IpType.TRADEMARK else INVENTION,
            expiry_date=MATURITY + dt.timedelta(days=expiry_days),
            used_in_main_products=main,
            revenue_supported=revenue,
        )
        return value_asset(a, 0, MATURITY, PRODUCT).value

    shorter, longer = value(days), value(days + extra)
    assert 0 <= shorter <= longer <= PRODUCT.valuation.base_values[kind.value]


def test_amount_chain_names_the_binding_candidate() -> None:
    result = assess(Applicant.from_json(applicant(requested_amount="1400000.00", company={"existing_bank_loans": "0"})),
                    PRODUCT, guarantor_net_assets=100_000_000_00, client_in_force=8_000_000_00)  # fmt: skip
    chain = {c.name: c for c in result.amount_chain}
    assert set(chain) == {"requested", "pledge_value", "loan_to_sales", "single_case_cap", "single_client_limit"}
    assert chain["requested"].amount == 1_400_000_00
    assert chain["pledge_value"].amount == 1_200_000_00
    assert chain["loan_to_sales"].amount == 1_400_000_00  # 0.40 × 3.5M − 0
    assert chain["single_case_cap"].amount == 10_000_000_00
    assert chain["single_client_limit"].amount == 2_000_000_00  # 0.10 × 100M − 8M in force
    assert result.bound_by == ("pledge_value",)
    assert result.guarantee_amount == 1_200_000_00
    # The chain as JSON, amounts in yuan with two places.
    data = result.to_json()  # as stored: data, no wording
    assert data["amount_chain"][1] == {
        "name": "pledge_value",
        "amount": "1200000.00",
        "why": {"key": "amount.pledge_value", "params": {}},
        "binding": True,
    }
    assert result.to_json("zh")["amount_chain"][1] == {  # as ``ipguard assess`` prints it
        "name": "pledge_value",
        "amount": "1200000.00",
        "why": {"key": "amount.pledge_value", "params": {}},
        "binding": True,
        "label": "认定价值×质押率",
        "explanation": "各项可质押知识产权认定价值 × 对应质押率之和",
    }
    assert data["guarantee_amount"] == "1200000.00"


def test_rounding_down_to_unit_and_single_client_limit_binding() -> None:
    result = assess(Applicant.from_json(applicant()), PRODUCT, guarantor_net_assets=10_123_456_78, client_in_force=0)
    # 0.10 × 10,123,456.78 = 1,012,345.67 is above the 1,000,000 requested: the request binds.
    assert result.bound_by == ("requested",)
    result = assess(Applicant.from_json(applicant()), PRODUCT, guarantor_net_assets=9_876_543_21, client_in_force=0)
    # 0.10 × 9,876,543.21 = 987,654.32 is below it: the single-client limit binds.
    assert result.bound_by == ("single_client_limit",)
    assert result.amount_before_rounding == 987_654_32
    assert result.guarantee_amount == 980_000_00  # rounded down to 10,000 yuan
    assert "向下取整" in "".join(result.explain())


def test_a_justified_case_lifts_the_in_principle_loan_to_sales_candidate() -> None:
    """Issue 13 item 4: "in principle" means the risk manager's justification lifts the 40% candidate."""
    data = applicant(company={"existing_bank_loans": "1000000.00"}, justification="订单充足")
    result = assess(Applicant.from_json(data), PRODUCT)
    assert result.eligible
    chain = {c.name: c for c in result.amount_chain}
    assert chain["loan_to_sales"].amount is None and not chain["loan_to_sales"].binding
    assert "保审会" in chain["loan_to_sales"].explain() and "400,000.00" in chain["loan_to_sales"].explain()
    assert result.guarantee_amount == 1_000_000_00  # the other candidates bind
    # Existing loans alone above 40%: the case can still reach the committee with an amount.
    data = applicant(company={"existing_bank_loans": "1500000.00"}, justification="订单充足")
    assert assess(Applicant.from_json(data), PRODUCT).guarantee_amount == 1_000_000_00


def test_ineligible_case_gets_zero_with_the_reason_in_the_chain() -> None:
    result = assess(Applicant.from_json(applicant(company={"company_credit_good": False})), PRODUCT)
    assert not result.eligible
    assert result.guarantee_amount == 0 and result.fee == 0
    assert result.bound_by == ("eligibility",)
    assert {c.name: c.amount for c in result.amount_chain}["requested"] == 1_000_000_00


money = st.integers(min_value=0, max_value=50_000_000_00)


@settings(max_examples=300, deadline=None)
@given(
    requested=st.integers(min_value=1, max_value=50_000_000_00),
    pledge=money,
    sales=money,
    existing=money,
    net_assets=st.one_of(st.none(), money),
    in_force=money,
    eligible=st.booleans(),
    justified=st.booleans(),
)
def test_amount_properties(requested, pledge, sales, existing, net_assets, in_force, eligible, justified) -> None:
    fin = Financials(annual_sales=sales, net_assets_last_year=0, net_assets_current=0, existing_bank_loans=existing)
    r = guarantee_amount(requested, pledge, fin, PRODUCT, eligible=eligible, justified_above_limit=justified,
                         regulation=load_regulation(), guarantor_net_assets=net_assets, client_in_force=in_force)  # fmt: skip
    limit = PRODUCT.access.loan_to_sales_limit
    assert r.amount >= 0
    assert r.amount <= requested
    assert r.amount <= pledge
    assert r.amount <= PRODUCT.amount.single_case_cap
    assert r.amount % PRODUCT.amount.rounding_unit == 0
    if r.amount > 0 and not justified:
        assert Decimal(existing + r.amount) <= limit * sales  # (existing + amount) / sales ≤ limit
    if net_assets is not None:
        assert r.amount <= max(net_assets // 10 - in_force, 0)  # 10% of net assets less in force
    if not eligible:
        assert r.amount == 0
    assert r.bound_by  # something always binds


def test_stored_assessment_explains_itself_after_the_parameters_change() -> None:
    old = assess(Applicant.from_json(applicant()), PRODUCT)
    stored = json.loads(json.dumps(old.to_json(), ensure_ascii=False))  # as kept in the case record
    text_before = Assessment.from_json(stored).explain()

    # The admin issues version 2026.2: higher threshold, lower pledge rate, different weights.
    new_text = (
        PRODUCT.raw_text.replace('version = "2026.1"', 'version = "2026.2"')
        .replace('min_annual_sales = "2000000.00"', 'min_annual_sales = "5000000.00"')
        .replace('invention_patent = "0.50"', 'invention_patent = "0.30"')
        .replace('remaining_term = "0.30"', 'remaining_term = "0.40"')
        .replace('revenue = "0.20"', 'revenue = "0.10"')
    )
    new = parse_product(new_text)
    fresh = assess(Applicant.from_json(applicant()), new)
    assert fresh.params_version == "2026.2" and not fresh.eligible  # the new file really differs

    again = Assessment.from_json(stored)
    assert again.params_version == "2026.1"
    assert again.explain() == text_before
    assert again.to_json() == stored
    assert again == Assessment.from_json(old.to_json())
    assert again.eligible and again.guarantee_amount == old.guarantee_amount
    assert again.rule("annual_sales").threshold == "2000000.00"


@settings(max_examples=100, deadline=None)
@given(
    sales=st.integers(min_value=0, max_value=20_000_000),
    existing=st.integers(min_value=0, max_value=5_000_000),
    requested=st.integers(min_value=1, max_value=12_000_000),
    justified=st.booleans(),
)
def test_assess_end_to_end_properties(sales: int, existing: int, requested: int, justified: bool) -> None:
    data = applicant(
        company={"annual_sales": str(sales), "existing_bank_loans": str(existing)},
        requested_amount=str(requested),
        justification="风控经理书面说明" if justified else None,
    )
    result = assess(Applicant.from_json(data), PRODUCT)
    amount = result.guarantee_amount
    assert 0 <= amount <= result.requested_amount
    assert amount <= result.pledge_value
    lifted = any(c.name == "loan_to_sales" and c.amount is None for c in result.amount_chain)
    if amount:
        assert result.eligible
        if not lifted:
            assert Decimal(existing * 100 + amount) <= PRODUCT.access.loan_to_sales_limit * sales * 100
    assert Assessment.from_json(result.to_json()) == result
