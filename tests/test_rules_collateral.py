"""Issue 13, items 1 and 11: only what can be pledged counts; numbers as users have them."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard import intake, workflow
from ipguard.domain import IpAsset, IpType
from ipguard.errors import ValidationError
from ipguard.products import load_product
from ipguard.rules.assess import Applicant, assess
from ipguard.rules.legal_terms import effective_expiry, legal_term_end
from tests import factories
from tests._assess_data import DESIGN, applicant, asset
from tests.workflow_helpers import cast, open_case, receive_all

PRODUCT = load_product()


def value_of(**overrides):
    result = assess(Applicant.from_json(applicant(assets=[asset(**overrides)])), PRODUCT)
    return result.asset_values[0], result


def test_an_asset_registered_to_another_company_is_valued_zero_with_the_reason():
    value, result = value_of(owners="上海别家科技有限公司")
    assert value.value == 0 and not value.pledgeable
    assert any("不是申请人" in r for r in (o.render() for o in value.obstacles))
    assert not result.eligible
    value, _ = value_of(owners="上海某某科技有限公司")
    assert value.value > 0


def test_a_co_owned_asset_counts_only_with_the_co_owners_recorded_consent():
    value, _ = value_of(sole_owner=False)
    assert value.value == 0 and any("共有人同意" in r for r in (o.render() for o in value.obstacles))
    value, _ = value_of(sole_owner=False, co_owner_consent=True)
    assert value.value > 0


def test_design_patents_filed_before_june_2021_have_ten_years():
    old = IpAsset(IpType.DESIGN_PATENT, DESIGN, filing_date=dt.date(2020, 3, 1), expiry_date=dt.date(2035, 2, 28))
    assert legal_term_end(old) == dt.date(2030, 2, 28)
    assert effective_expiry(old) == (dt.date(2030, 2, 28), True)  # the stated 15 years are not believed
    new = IpAsset(IpType.DESIGN_PATENT, DESIGN, filing_date=dt.date(2021, 6, 1))
    assert legal_term_end(new) == dt.date(2036, 5, 31)
    # Through the rules: a loan maturing after the tenth year leaves the old design patent at 0.
    value, _ = value_of(type="design_patent", number=DESIGN, filing_date="2016-12-01", expiry_date="2031-11-30")
    assert value.value == 0 and any("早于贷款到期日" in r for r in (o.render() for o in value.obstacles))


def test_software_copyright_runs_from_first_publication_not_registration():
    sw = IpAsset(IpType.SOFTWARE_COPYRIGHT, "2021SR0123456", grant_date=dt.date(2021, 5, 1),
                 first_published_on=dt.date(2015, 3, 1), expiry_date=dt.date(2071, 12, 31))
    assert legal_term_end(sw) == dt.date(2065, 12, 31)
    assert effective_expiry(sw) == (dt.date(2065, 12, 31), True)


def test_a_trademark_warns_that_similar_marks_go_together_and_may_lack_its_class_for_pre_screening():
    mark = {"type": "trademark", "number": "31234567", "title": "芯微", "expiry_date": "2032-05-09"}
    result = assess(Applicant.from_json(applicant(assets=[asset(), mark])), PRODUCT)
    assert any("一并质押" in w for w in result.warnings)
    assert any("31234567" in w and "尼斯分类" in w for w in result.warnings)
    with pytest.raises(ValidationError) as err:
        IpAsset.from_input(mark)  # a case's intake still needs the class
    assert err.value.field == "nice_class"


def test_software_copyright_by_certificate_number_keeps_both_numbers():
    only_cert = IpAsset.from_input({"type": "software_copyright", "number": "软著登字第8123456号"})
    assert only_cert.number == "软著登字第8123456号" and only_cert.certificate_no == "软著登字第8123456号"
    both = IpAsset.from_input({"type": "software_copyright", "number": "软著登字第8123456号", "registration_no": "2021SR0123456"})
    assert (both.number, both.certificate_no) == ("2021SR0123456", "软著登字第8123456号")
    with pytest.raises(ValidationError) as err:
        IpAsset.from_input({"type": "software_copyright", "number": "软著登字第号"})
    assert err.value.key == "software_copyright_number"
    out = assess(Applicant.from_json(applicant(assets=[asset(), {"type": "software_copyright", "number": "软著登字第8123456号",
                                                                  "expiry_date": "2060-12-31"}])), PRODUCT)
    assert out.asset_values[1].number == "软著登字第8123456号"


def test_an_asset_in_another_live_case_is_valued_zero_until_that_case_ends(store):
    c = cast(store)
    first = open_case(store, c)
    second = open_case(store, c)  # the same company pledging the same patent again
    receive_all(store, second, c)
    workflow.submit_for_screening(store, second, c.a, expected_version=store.repos.cases.get(second).version)
    result = workflow.latest_assessment(store, second)
    first_no = store.repos.cases.get(first).case_no
    assert result.asset_values[0].value == 0 and any(first_no in r for r in (o.render() for o in result.asset_values[0].obstacles))
    assert not result.eligible
    workflow.withdraw(store, first, c.a, "企业改用其他方案", expected_version=store.repos.cases.get(first).version)
    result = workflow.assess_case(store, second, c.b, expected_version=store.repos.cases.get(second).version)
    assert result.asset_values[0].value > 0 and result.eligible


def test_a_patent_of_another_company_cannot_be_entered(store):
    c = cast(store)
    open_case(store, c)
    other = factories.applicant(2)
    other["ip_assets"] = factories.applicant(1)["ip_assets"]
    other["bank_id"] = c.bank.id
    with pytest.raises(ValidationError) as err:
        intake.open_case(store, intake.parse_intake(other), c.a)
    assert err.value.key == "asset_owned_elsewhere"
