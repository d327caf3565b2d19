"""Applicant JSON builders shared by the underwriting tests (real check digits throughout)."""

from __future__ import annotations

import copy

from stdnum.cn import uscc

from ipguard.validators import patent_check_char


def credit_code(body: str = "91310115MA1K3ABCD") -> str:
    return body + uscc.calc_check_digit(body)


def patent(digits: str = "202110123456") -> str:
    return f"ZL{digits}.{patent_check_char(digits)}"


USCC = credit_code()
INVENTION = patent("202110123456")  # ZL202110123456.7
UTILITY = patent("202020123457")
DESIGN = patent("202030012345")


def asset(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "type": "invention_patent",
        "number": INVENTION,
        "title": "一种高精度传感器",
        "sole_owner": True,
        "valid": True,
        "pledged": False,
        "in_dispute": False,
        "expiry_date": "2041-03-01",
        "used_in_main_products": True,
    }
    data.update(overrides)
    return data


def applicant(*, company: dict[str, object] | None = None, assets: list[dict[str, object]] | None = None, **top: object) -> dict:
    """The issue-3 example, adjusted so that every rule passes (loans 0.2M + 1M on sales 3.5M)."""
    data: dict[str, object] = {
        "company": {
            "name": "上海某某科技有限公司",
            "uscc": USCC,
            "annual_sales": "3500000.00",
            "net_assets_last_year": "800000.00",
            "net_assets_current": "950000.00",
            "existing_bank_loans": "200000.00",
            "company_credit_good": True,
            "controller_credit_good": True,
            "counter_guarantee": True,
            "major_negative_info": False,
        },
        "requested_amount": "1000000.00",
        "term_months": 12,
        "application_date": "2026-11-02",
        "justification": None,
        "ip_assets": [asset()] if assets is None else assets,
    }
    data["company"].update(company or {})  # type: ignore[union-attr]
    data.update(top)
    return copy.deepcopy(data)
