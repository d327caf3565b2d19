"""Hostile input (issue 8): arbitrary text, huge numbers, wrong types, broken files.

Every entry point either works or raises the project's error with a field and
a message; nothing else escapes, and nothing partial is written.
"""

from __future__ import annotations

import datetime as dt
import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipguard import intake, validators
from ipguard.domain import Company, CreditFlags, Financials, IpAsset, Role
from ipguard.errors import IpguardError, ValidationError
from ipguard.money import parse_yuan
from ipguard.products import load_product, parse_product
from ipguard.rules.assess import Applicant, assess
from tests import factories

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Anything JSON or a spreadsheet cell can hold, plus some troublemakers.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["=1+1", "=HYPERLINK(\"http://x\")", "1e400", "NaN", "-0", "９１３１", "ZL", "第号", "\x00", "１,０００"]),
    st.dates().map(dt.date.isoformat),
)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=12)

CHECKS = [
    lambda v: validators.check_uscc(v),
    lambda v: validators.check_resident_id(v),
    lambda v: validators.check_patent_number(v, "number", "invention_patent"),
    lambda v: validators.check_trademark_number(v),
    lambda v: validators.check_nice_class(v),
    lambda v: validators.check_software_copyright_number(v),
    lambda v: validators.check_copyright_number(v),
    lambda v: validators.check_date(v, "filing_date"),
    lambda v: validators.check_int(v, "term_months", low=1, high=120),
    lambda v: validators.check_bool(v, "pledged"),
    lambda v: validators.check_phone(v),
    lambda v: validators.check_text(v, "name", max_len=20),
    lambda v: parse_yuan(v, "annual_sales"),
    lambda v: parse_yuan(v, "net_assets_current", allow_negative=True),
]


@pytest.mark.parametrize("check", range(len(CHECKS)))
@FAST
@given(value=scalars)
def test_every_validator_accepts_or_names_the_field(check, value):
    try:
        CHECKS[check](value)
    except ValidationError as exc:
        assert exc.field and exc.message("zh") and exc.message("en")


@FAST
@given(data=st.dictionaries(st.sampled_from([
    "type", "number", "title", "owners", "sole_owner", "filing_date", "grant_date", "expiry_date", "legal_status", "valid",
    "nice_class", "pledged", "licensed", "in_dispute", "used_in_main_products", "revenue_supported"]), scalars))
def test_asset_records_accept_or_name_the_field(data):
    try:
        asset = IpAsset.from_input(data, prefix="ip_assets[0].")
    except ValidationError as exc:
        assert exc.field.startswith("ip_assets[0].")
    else:
        assert asset.number


@FAST
@given(data=st.dictionaries(st.sampled_from([
    "name", "uscc", "industry", "founded_on", "controller_name", "resident_id", "annual_sales", "net_assets_last_year",
    "net_assets_current", "existing_bank_loans", "company_credit_good", "controller_credit_good", "counter_guarantee",
    "major_negative_info", "contact_phone"]), scalars))
def test_company_records_accept_or_name_the_field(data):
    for build in (Company.from_input, Financials.from_input, CreditFlags.from_input):
        try:
            build(data)
        except ValidationError as exc:
            assert exc.field


def _mutate(base: dict, path: tuple, value: object) -> dict:
    data = json.loads(json.dumps(base))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


BASE = factories.applicant()
PATHS = [("requested_amount",), ("term_months",), ("application_date",), ("ip_assets",), ("company",), ("justification",),
         ("company", "uscc"), ("company", "annual_sales"), ("company", "net_assets_current"),
         ("company", "company_credit_good"), ("ip_assets", 0), ("ip_assets", 0, "number"), ("ip_assets", 0, "expiry_date"),
         ("ip_assets", 0, "type")]


@FAST
@given(path=st.sampled_from(PATHS), value=json_values)
def test_applicant_json_works_or_names_the_field(path, value):
    data = _mutate(BASE, path, value)
    try:
        applicant = Applicant.from_json(data)
    except ValidationError as exc:
        assert exc.field
        return
    try:
        result = assess(applicant, load_product())
    except ValidationError as exc:  # the term range is the product's (AmountParams.check_term), checked on assessing
        assert exc.field == "term_months"
        return
    assert result.guarantee_amount >= 0
    json.dumps(result.to_json(), ensure_ascii=False)


@FAST
@given(whole=json_values)
def test_applicant_json_of_any_shape(whole):
    try:
        Applicant.from_json(whole)  # type: ignore[arg-type]
    except ValidationError as exc:
        assert exc.field


PRODUCT_TEXT = load_product().raw_text
PRODUCT_LINES = [i for i, line in enumerate(PRODUCT_TEXT.splitlines()) if "=" in line and not line.lstrip().startswith("#")]


@FAST
@given(line=st.sampled_from(PRODUCT_LINES), value=st.one_of(
    st.sampled_from(['"-0.5"', '"abc"', "-1", "1e999", '""', "[]", "{}", "true", '"1.5"', "99999999999999999999", "2026-02-30"]),
    st.text(alphabet=string.printable, max_size=12)))
def test_product_parameter_file_with_one_bad_value_is_refused_naming_the_key(line, value):
    lines = PRODUCT_TEXT.splitlines()
    key = lines[line].split("=", 1)[0]
    lines[line] = f"{key}= {value}"
    try:
        parse_product("\n".join(lines), "fuzz")
    except ValidationError as exc:
        assert exc.field
        assert exc.message("zh")


@FAST
@given(cut=st.integers(min_value=0, max_value=len(PRODUCT_TEXT)))
def test_truncated_product_parameter_file(cut):
    try:
        parse_product(PRODUCT_TEXT[:cut], "truncated")
    except ValidationError as exc:
        assert exc.field


def test_a_batch_workbook_with_hostile_cells_marks_rows_and_writes_nothing_partial(tmp_path):
    from openpyxl import Workbook, load_workbook

    from ipguard.imports.batch import COLUMNS, screen_workbook

    wb = Workbook()
    ws = wb.active
    ws.append([label for _, label in COLUMNS])
    hostile = ["=1+1", "1e400", None, "NaN", -5, "上海", 10**20, dt.datetime(2026, 2, 1), True, "\u202e", "'=cmd|' /C calc'!A0"]
    for i in range(len(hostile)):
        ws.append([hostile[(i + j) % len(hostile)] for j in range(len(COLUMNS))])
    src = tmp_path / "in.xlsx"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    summary = screen_workbook(src, out, load_product())
    assert summary.rows == len(hostile) and summary.unreadable == len(hostile)
    result = load_workbook(out)
    values = [c.value for row in result.active.iter_rows(min_row=2) for c in row]
    assert values  # every row is written back, marked with its reason
    for bad in (b"", b"PK\x03\x04 not really a zip", b"\x00" * 100):
        broken = tmp_path / "broken.xlsx"
        broken.write_bytes(bad)
        target = tmp_path / "never.xlsx"
        with pytest.raises(IpguardError):
            screen_workbook(broken, target, load_product())
        assert not target.exists()


INTAKE_PATHS = [*PATHS, ("target_tags",), ("bank_id",), ("referrer_id",), ("risk_manager_id",), ("recommendation_opinion",),
                ("product_code",)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(INTAKE_PATHS), value=json_values)
def test_intake_of_hostile_input_opens_a_whole_case_or_writes_nothing(store, path, value):
    manager = store.repos.users.by_username("zhang") or factories.user(store, "zhang", Role.ACCOUNT_MANAGER)
    before = {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("cases", "companies", "ip_assets", "audit_log")}
    data = _mutate(BASE, path, value)
    data["company"] = data["company"] if isinstance(data.get("company"), dict) else {}
    try:
        case = intake.open_case(store, intake.parse_intake(data), manager)
    except IpguardError:
        after = {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in before}
        assert after == before
    else:
        assert store.repos.cases.get(case.id).case_no
        assert store.verify_audit().ok
