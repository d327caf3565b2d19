"""assess_per_s: applicants assessed per second through the API.

Each applicant is the JSON an ``ipguard assess`` file or the batch template
gives (strings for money): :meth:`Applicant.from_json` validates it and
:func:`assess` applies the 快易贷 product (access criteria, value recognition,
amount chain, fee). A fixed, seeded mix of 200 applicants — eligible and not,
1–3 IP assets of every type — is cycled for about ``seconds``.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from stdnum.cn import uscc

from ipguard.validators import patent_check_char

_KINDS = ("invention_patent", "utility_model", "trademark", "software_copyright")


def _asset(rng: random.Random, i: int) -> dict[str, object]:
    kind = rng.choice(_KINDS)
    year = rng.randrange(2012, 2024)
    if kind in ("invention_patent", "utility_model"):
        digits = f"{year}{1 if kind == 'invention_patent' else 2}{rng.randrange(10**7):07d}"
        number = f"ZL{digits}.{patent_check_char(digits)}"
    elif kind == "trademark":
        number = str(60_000_000 + i)
    else:
        number = f"{year}SR{rng.randrange(10**7):07d}"
    return {
        "type": kind, "number": number, "title": "一种高精度传感器", "sole_owner": rng.random() > 0.05,
        "valid": True, "pledged": rng.random() < 0.05, "in_dispute": False,
        "expiry_date": f"{year + 20 if kind == 'invention_patent' else year + 10}-03-01",
        "used_in_main_products": rng.random() > 0.2,
    } | ({"nice_class": rng.choice((9, 42))} if kind == "trademark" else {})  # fmt: skip


def applicants(n: int = 200, seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = f"91310115MA1K{rng.randrange(10**5):05d}"
        sales = rng.randrange(100, 8000) * 10_000
        out.append({
            "company": {
                "name": f"上海某某{i}科技有限公司", "uscc": body + uscc.calc_check_digit(body),
                "annual_sales": f"{sales}.00", "net_assets_last_year": f"{rng.randrange(-50, 900) * 10_000}.00",
                "net_assets_current": f"{rng.randrange(-50, 1000) * 10_000}.00",
                "existing_bank_loans": f"{rng.randrange(0, max(1, sales // 30_000)) * 10_000}.00",
                "company_credit_good": rng.random() > 0.05, "controller_credit_good": rng.random() > 0.05,
                "counter_guarantee": rng.random() > 0.1, "major_negative_info": rng.random() < 0.05,
            },
            "requested_amount": f"{rng.choice((50, 100, 200, 300, 500, 1000)) * 10_000}.00",
            "term_months": rng.choice((12, 12, 24, 36)),
            "application_date": (dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(300))).isoformat(),
            "justification": None,
            "ip_assets": [_asset(rng, i * 3 + k) for k in range(rng.choice((1, 1, 2, 3)))],
        })  # fmt: skip
    return out


def measure(seconds: float, repeat: int) -> tuple[dict[str, float], dict[str, object]]:
    from ipguard.products import load_product
    from ipguard.rules.assess import Applicant, assess

    product = load_product()
    data = applicants()
    eligible = sum(assess(Applicant.from_json(d), product).eligible for d in data)  # warm-up
    rates = []
    for _ in range(repeat):
        done, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds:
            for d in data:
                assess(Applicant.from_json(d), product)
            done += len(data)
        rates.append(done / (time.perf_counter() - started))
    rates.sort()
    return {"assess_per_s": rates[len(rates) // 2]}, {"assess_mix_eligible": f"{eligible}/{len(data)}"}
