"""Table-driven tests of the validators: each bad value names its field."""

from __future__ import annotations

import pytest

from ipguard.domain import Financials, IpAsset
from ipguard.errors import ValidationError
from ipguard.money import parse_yuan
from ipguard.validators import check_patent_number, check_resident_id, check_uscc, patent_check_char

VALID_USCC = "91310115MA1K3YJ50A"


def test_patent_check_digits_from_the_domain_notes():
    assert patent_check_char("202110123456") == "7"
    assert patent_check_char("201410362077") == "3"


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("913101154569465079", True),
        (" 91310115 4569465079 ", True),
        ("913101154569465078", False),  # wrong check character
        ("91310115456946507", False),  # 17 characters
        ("", False),
        ("ABCDEFGHIJKLMNOPQR", False),
    ],
)
def test_credit_codes(value, ok):
    if ok:
        assert check_uscc(value) == value.replace(" ", "").strip()
    else:
        with pytest.raises(ValidationError) as err:
            check_uscc(value)
        assert err.value.field == "uscc"
        assert "统一社会信用代码" in err.value.message()


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("310107198811141712", True),
        ("310107198811141713", False),  # check digit
        ("310107198802301719", False),  # 30 February
        ("31010719881114171", False),
    ],
)
def test_resident_ids(value, ok):
    if ok:
        assert check_resident_id(value) == value
    else:
        with pytest.raises(ValidationError) as err:
            check_resident_id(value)
        assert err.value.field == "resident_id"


@pytest.mark.parametrize(
    ("value", "ip_type", "expected"),
    [
        ("ZL202110123456.7", "invention_patent", "ZL202110123456.7"),
        ("202110123456.7", "invention_patent", "ZL202110123456.7"),
        ("ZL 2021 1 0123456.7", "invention_patent", "ZL202110123456.7"),
        ("zl201410362077.3", None, "ZL201410362077.3"),
        ("ZL2014103620773", None, "ZL201410362077.3"),
        (f"ZL98123456.{patent_check_char('98123456')}", "invention_patent", f"ZL98123456.{patent_check_char('98123456')}"),
        ("ZL202110123456.8", "invention_patent", None),  # wrong check digit
        ("ZL202110123456", "invention_patent", None),  # no check digit
        ("ZL98123456.0" if patent_check_char("98123456") != "0" else "ZL98123456.1", None, None),
        ("ZL20211012345.7", None, None),  # 11 digits
        ("ZL201410362077.3", "utility_model", None),  # type digit 1 is an invention
        ("专利123", None, None),
    ],
)
def test_patent_numbers(value, ip_type, expected):
    if expected:
        assert check_patent_number(value, "number", ip_type) == expected
    else:
        with pytest.raises(ValidationError) as err:
            check_patent_number(value, "number", ip_type)
        assert err.value.field == "number"


@pytest.mark.parametrize(
    ("number", "nice_class", "field"),
    [
        ("12345678", 9, None),
        ("第12345678号", "42", None),
        ("12345678", 0, "nice_class"),
        ("12345678", 46, "nice_class"),
        ("12345678", "九", "nice_class"),
        ("12A45678", 9, "number"),
        ("12345678", None, "nice_class"),
    ],
)
def test_trademarks(number, nice_class, field):
    data = {"type": "trademark", "number": number, "nice_class": nice_class}
    if field is None:
        asset = IpAsset.from_input(data)
        assert asset.number.isdigit() and 1 <= asset.nice_class <= 45
    else:
        with pytest.raises(ValidationError) as err:
            IpAsset.from_input(data, prefix="ip_assets[0].")
        assert err.value.field == f"ip_assets[0].{field}"
        assert err.value.message().startswith("第1项")


@pytest.mark.parametrize(
    ("value", "fen", "key"),
    [
        ("3500000.00", 350_000_000, None),
        ("1,200,000", 120_000_000, None),
        ("0.01", 1, None),
        (100, 10_000, None),
        ("-1.00", None, "money_negative"),
        ("abc", None, "money_not_number"),
        ("1.001", None, "money_too_many_places"),
        (1.5, None, "money_float"),
        ("1e30", None, "money_too_large"),
        ("NaN", None, "money_not_number"),
        ("", None, "required"),
        (True, None, "money_not_number"),
    ],
)
def test_money(value, fen, key):
    if key is None:
        assert parse_yuan(value, "annual_sales") == fen
    else:
        with pytest.raises(ValidationError) as err:
            parse_yuan(value, "annual_sales")
        assert err.value.key == key
        assert err.value.field == "annual_sales"


def test_net_assets_may_be_negative_but_sales_not():
    fin = Financials.from_input({"annual_sales": "1", "net_assets_last_year": "-5.00", "net_assets_current": "0"})
    assert fin.net_assets_last_year == -500
    with pytest.raises(ValidationError) as err:
        Financials.from_input({"annual_sales": "-1", "net_assets_last_year": "0", "net_assets_current": "0"})
    assert err.value.field == "annual_sales"


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"filing_date": "2021-03-01", "grant_date": "2020-01-01"}, "grant_date"),
        ({"filing_date": "2021-03-01", "grant_date": "2023-01-01", "expiry_date": "2022-12-31"}, "expiry_date"),
        ({"filing_date": "2021-02-30"}, "filing_date"),
        ({"filing_date": "yesterday"}, "filing_date"),
    ],
)
def test_asset_dates_out_of_order_or_invalid(dates, field):
    with pytest.raises(ValidationError) as err:
        IpAsset.from_input({"type": "invention_patent", "number": "ZL202110123456.7", **dates})
    assert err.value.field == field


@pytest.mark.parametrize(
    ("ip_type", "number", "ok"),
    [
        ("software_copyright", "2021SR0123456", True),
        ("software_copyright", "软著登字第123号", False),
        ("copyright", "国作登字-2021-F-00123456", True),
        ("copyright", "hello", False),
        ("patent", "ZL202110123456.7", False),
    ],
)
def test_other_ip_numbers(ip_type, number, ok):
    if ok:
        assert IpAsset.from_input({"type": ip_type, "number": number}).number
    else:
        with pytest.raises(ValidationError):
            IpAsset.from_input({"type": ip_type, "number": number})


def test_error_renders_in_english_too():
    with pytest.raises(ValidationError) as err:
        check_uscc("123")
    assert "unified social credit code" in err.value.message("en")


def test_bilingual_message_parameters():
    from ipguard import messages
    from ipguard.errors import IpguardError

    messages.register({"_test_stage": ("案件处于“{stage}”阶段", "the case is at “{stage}”")})
    err = IpguardError("_test_stage", stage=messages.Text("受理", "Intake"))
    assert err.message("zh") == "案件处于“受理”阶段"
    assert err.message("en") == "the case is at “Intake”"


def test_dates_as_typed_at_a_keyboard():
    import datetime as _dt

    from ipguard.validators import check_date

    for text in ("20261201", "2026-12-01", "2026/12/1", "2026.12.1", " 2026-12-1 "):
        assert check_date(text, "founded_on") == _dt.date(2026, 12, 1), text
    for text in ("2026131", "2026/13/1", "2026-02-30", "abc", "12/01/2026"):
        with pytest.raises(ValidationError) as refused:
            check_date(text, "founded_on")
        assert refused.value.field == "founded_on" and refused.value.key == "date_invalid"


def test_money_in_yuan_or_wan_as_typed():
    assert parse_yuan("500万", "requested_amount") == 5_000_000_00
    assert parse_yuan("500万元", "requested_amount") == 5_000_000_00
    assert parse_yuan("1.5 万", "requested_amount") == 15_000_00
    assert parse_yuan("3,000,000元", "requested_amount") == 3_000_000_00
    assert parse_yuan("0.000001万", "requested_amount") == 1  # one fen
    for text in ("万", "万元", "abc万", "5万万", "0.0000001万"):
        with pytest.raises(ValidationError) as refused:
            parse_yuan(text, "requested_amount")
        assert refused.value.field == "requested_amount", text


def test_interest_rates_as_banks_write_them():
    from ipguard.validators import check_interest_rate

    assert check_interest_rate("3.45%") == "3.45%" and check_interest_rate("3.45") == "3.45%"
    assert check_interest_rate(" lpr+50bp ") == "LPR+50BP" and check_interest_rate("LPR") == "LPR"
    assert check_interest_rate("") == ""
    for text in ("abc", "345", "0", "3.45.1%", "LPR+", "-3%"):
        with pytest.raises(ValidationError) as refused:
            check_interest_rate(text)
        assert refused.value.field == "interest_rate" and refused.value.key == "rate_invalid", text
    assert refused.value.message("zh").startswith("利率")


def test_later_stage_refusals_name_the_field_in_words_not_its_key():
    import ipguard.field_labels  # noqa: F401  (registers the labels)
    from ipguard.messages import field_label

    for key in ("loan_amount", "registered_on", "approved_amount", "maturity_date", "contract_no", "repaid_on"):
        assert field_label(key) != key and field_label(key, "en") != key
    with pytest.raises(ValidationError) as refused:
        parse_yuan("abc", "loan_amount")
    assert refused.value.message("zh").startswith("贷款金额")
