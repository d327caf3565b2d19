"""Many synthetic cases, fast: for benchmarks and paging tests.

:func:`generate_cases` bulk-inserts companies, controllers, cases, financials,
IP assets (with valid check digits), checklists and the opening stage event in
**one** ``store.transaction()``, with ``executemany`` rather than the intake
service (which costs one audited transaction per case). Deliberately it writes
**no audit entries**: this is throw-away volume data, not a record of anyone's
work, and must never be run against a production database. Stages are spread
over every stage so that filters have something to find; the rows are not
walked through the workflow (no valuations, committee votes or letters).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
from collections.abc import Callable
from dataclasses import dataclass

from stdnum.cn import uscc

from ipguard import catalog, clock
from ipguard.demo import names
from ipguard.demo.build import create_parties
from ipguard.domain import IpType, Role, Stage
from ipguard.rules import stage_notes
from ipguard.store import Store
from ipguard.store.repos.bulk import BulkCases
from ipguard.validators import patent_check_char

_STAGES = tuple(Stage)
_STAGE_WEIGHTS = tuple(8 if s in (Stage.IN_FORCE, Stage.RELEASED) else 3 if s.is_open else 1 for s in _STAGES)


@dataclass(frozen=True)
class SyntheticResult:
    """What :func:`generate_cases` inserted."""

    cases: int
    companies: int
    assets: int
    first_case_id: int
    last_case_id: int


_RIC_WEIGHTS = tuple(2 ** (17 - i) % 11 for i in range(17))


def fast_resident_id(rng: random.Random) -> str:
    """A valid resident ID (same areas as :func:`ipguard.demo.names.make_resident_id`), without stdnum's slow lookup."""
    born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(365 * 25))
    body = f"{rng.choice(names.RIC_AREAS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
    check = (12 - sum(int(d) * w for d, w in zip(body, _RIC_WEIGHTS, strict=True)) % 11) % 11
    return body + ("X" if check == 10 else str(check))


def fast_uscc(rng: random.Random) -> str:
    """A valid unified social credit code, like :func:`ipguard.demo.names.make_uscc` without the re-validation."""
    body8 = f"{rng.randrange(10**8):08d}"
    base = f"91310115{body8}{names.org_code_check(body8)}"
    return base + uscc.calc_check_digit(base + "0")


def _unique(taken: set[str], make: Callable[[int], str], serial: int, rng: random.Random) -> str:
    number = make(serial)
    while number in taken:
        number = make(rng.randrange(10**7))
    taken.add(number)
    return number


def _software_no(year: int, serial: int) -> str:
    return f"{year}SR{serial % 10**7:07d}"


def _asset_rows(rng: random.Random, company_id: int, name: str, year: int, serial: int, taken: set[str]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for k in range(rng.choice((1, 1, 2, 3))):
        kind = rng.choice(("1", "1", "2", "tm", "sw"))
        filing: dt.date | None = dt.date(year, rng.randrange(1, 13), rng.randrange(1, 28))
        assert filing is not None
        nice = None
        if kind in ("1", "2"):

            def patent(s: int, kind: str = kind) -> str:
                digits = f"{year}{kind}{s % 10**7:07d}"
                return f"ZL{digits}.{patent_check_char(digits)}"

            number = _unique(taken, patent, serial * 4 + k, rng)
            ip_type = IpType.INVENTION_PATENT if kind == "1" else IpType.UTILITY_MODEL
            grant = filing + dt.timedelta(days=rng.randrange(150, 900))
            expiry = filing.replace(year=filing.year + (20 if kind == "1" else 10))
            title = names.invention_title(rng) if kind == "1" else names.utility_title(rng)
        elif kind == "tm":
            number = _unique(taken, lambda s: str(60_000_000 + s % 10**7), serial * 4 + k, rng)
            ip_type, title, nice = IpType.TRADEMARK, name[2:6], rng.choice((9, 10, 42, 5, 1))
            grant = filing + dt.timedelta(days=rng.randrange(300, 600))
            expiry = grant + dt.timedelta(days=3652)
        else:
            grant = filing + dt.timedelta(days=rng.randrange(30, 120))
            number = _unique(taken, functools.partial(_software_no, grant.year), serial * 4 + k, rng)
            ip_type, title = IpType.SOFTWARE_COPYRIGHT, names.software_title(rng, name[4:6])
            expiry = dt.date(grant.year + 50, 12, 31)
            filing = None
        rows.append(
            (company_id, ip_type.value, number, title, name, 1, filing.isoformat() if filing else None, grant.isoformat(),
             expiry.isoformat(), "valid", nice, 0, 0, 0, 1, 0)
        )  # fmt: skip
    return rows


def generate_cases(store: Store, n: int, seed: int = 1, *, today: dt.date | None = None) -> SyntheticResult:
    """Insert ``n`` synthetic cases (each with its own company) in one transaction.

    Needs at least one bank and one account manager in the store (e.g. from
    :func:`ipguard.demo.build.create_parties`); creates them when there are
    none. Case numbers continue the product's sequences, so cases opened later
    through :func:`ipguard.intake.open_case` do not collide. No audit entries
    are written (see the module docstring).
    """
    rng = random.Random(seed)
    today = today or clock.today()
    product = catalog.current_product(store)
    banks = store.repos.banks.all()
    managers = store.repos.users.with_role(Role.ACCOUNT_MANAGER)
    risks = store.repos.users.with_role(Role.RISK_MANAGER) or managers
    if not banks or not managers:
        parties = create_parties(store)
        banks = parties.banks
        managers = parties.with_role(Role.ACCOUNT_MANAGER)
        risks = parties.with_role(Role.RISK_MANAGER)
    referrers = store.repos.referrers.all()
    tags = [t.code for t in product.target_tags]
    checklist = [(c.code, c.label, int(c.required)) for c in product.checklist]
    bulk = store.repos.bulk
    with store.transaction():
        catalog.remember(store, product, None)
        company_base, case_base, asset_base = bulk.next_ids()
        sequences: dict[int, int] = {}
        taken = bulk.asset_numbers()
        codes = bulk.company_codes()
        companies: list[tuple[object, ...]] = []
        controllers: list[tuple[object, ...]] = []
        cases: list[tuple[object, ...]] = []
        financials: list[tuple[object, ...]] = []
        assets: list[tuple[object, ...]] = []
        links: list[tuple[object, ...]] = []
        items: list[tuple[object, ...]] = []
        events: list[tuple[object, ...]] = []
        received = json.dumps(stage_notes.note(stage_notes.RECEIVED).to_json(), ensure_ascii=False)
        stages = rng.choices(_STAGES, weights=_STAGE_WEIGHTS, k=n)
        for i in range(n):
            company_id, case_id = company_base + i, case_base + i
            name, industry = names.company(rng)
            application = today - dt.timedelta(days=rng.randrange(0, 3 * 365))
            stamp = f"{application.isoformat()}T{rng.randrange(8, 19):02d}:{rng.randrange(60):02d}:00+08:00"
            code = fast_uscc(rng)
            while code in codes:  # 10^8 bodies: a few collisions per 100k cases
                code = fast_uscc(rng)
            codes.add(code)
            companies.append(
                (company_id, name, code, industry, f"上海市浦东新区张江路{rng.randrange(1, 999)}号",
                 dt.date(rng.randrange(2008, 2020), rng.randrange(1, 13), 1).isoformat(), names.person_name(rng),
                 names.phone(rng), stamp, stamp)
            )  # fmt: skip
            controllers.append((company_id, names.person_name(rng), fast_resident_id(rng), names.phone(rng)))
            year = application.year
            if year not in sequences:
                sequences[year] = bulk.sequence_value(f"case:{product.case_prefix}:{year}")
            sequences[year] += 1
            sales = rng.randrange(300, 6000) * 1_000_000
            requested = rng.choice((100, 200, 300, 500, 800, 1000)) * 1_000_000
            manager = managers[i % len(managers)]
            cases.append(
                (case_id, f"{product.case_prefix}-{year}-{sequences[year]:04d}", company_id, product.code, product.version,
                 rng.choice(banks).id, rng.choice(referrers).id if referrers else None, "", requested,
                 rng.choice((12, 12, 24, 36)), application.isoformat(), stages[i].value, manager.id,
                 risks[i % len(risks)].id, json.dumps(sorted(rng.sample(tags, min(len(tags), 3))), ensure_ascii=False),
                 stamp, stamp, stamp)
            )  # fmt: skip
            financials.append(
                (case_id, sales, rng.randrange(50, 3000) * 1_000_000, rng.randrange(60, 3200) * 1_000_000,
                 rng.randrange(0, 10) * 1_000_000, 1, 1, 1, 0, "")
            )  # fmt: skip
            for row in _asset_rows(rng, company_id, name, rng.randrange(2010, 2024), asset_base + i, taken):
                asset_id = asset_base + len(assets)
                assets.append((asset_id, *row))
                links.append((case_id, asset_id))
            items.extend((case_id, code, label, req) for code, label, req in checklist)
            events.append((case_id, None, Stage.INTAKE.value, stamp, application.isoformat(), manager.id, "", received))
        bulk.insert_cases(BulkCases(companies, controllers, cases, financials, assets, links, items, events))
        for year, value in sequences.items():
            bulk.set_sequence(f"case:{product.case_prefix}:{year}", value)
    return SyntheticResult(n, n, len(assets), case_base, case_base + n - 1)
