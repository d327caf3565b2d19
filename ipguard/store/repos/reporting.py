"""Read-only queries behind the monthly report: month counts and streamed detail rows.

Every iterator here reads one cursor page by page (``fetchmany``), so a
portfolio of 100,000 guarantees never sits in a list; on a server the cursor
is a server-side one (:meth:`ipguard.store.pg.PgConnection.stream`). Iterators are lazy: the
query runs when iteration starts, so several of them can be handed to the
workbook writer, which consumes them one after the other.

Dates are compared as ISO text (``YYYY-MM-DD``), which orders like the dates.
"In force at ``as_of``" means: the loan started on or before ``as_of``, was not
repaid by then, and no compensation was paid on it by then (a defaulted loan
that has not been compensated yet is still a guarantee liability).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ipguard.store.records import required_date, to_date

if TYPE_CHECKING:
    from ipguard.store.core import Store

T = TypeVar("T")
BATCH = 1000

_IN_FORCE = (
    "l.start_date <= :as_of AND (l.repaid_on IS NULL OR l.repaid_on > :as_of)"
    " AND NOT EXISTS (SELECT 1 FROM compensations p WHERE p.case_id = l.case_id AND p.paid_on <= :as_of)"
)
_PARTIES = (
    " JOIN cases c ON c.id = l.case_id JOIN companies co ON co.id = c.company_id"
    " LEFT JOIN banks b ON b.id = c.bank_id LEFT JOIN users u ON u.id = c.account_manager_id"
)
_BANK = "COALESCE(b.name || b.branch, '')"
_MANAGER = "COALESCE(u.display_name, '')"
_IP_TYPES = (
    "(SELECT GROUP_CONCAT(DISTINCT a.ip_type) FROM case_assets ca JOIN ip_assets a ON a.id = ca.asset_id"
    " WHERE ca.case_id = c.id)"
)
SCREENING_STAGES = ("intake", "screening", "valuation")


@dataclass(frozen=True)
class MonthCounts:
    """What the month's records add up to, counted directly in SQL (money in fen)."""

    applications: int
    screened_out: int
    approved: int
    declined: int
    letters_issued: int
    disbursed: int
    disbursed_amount: int
    released: int
    released_amount: int
    compensated: int
    compensated_amount: int
    recovered_amount: int
    in_force_count: int
    in_force_balance: int


@dataclass(frozen=True)
class InForceRecord:
    """A loan guaranteed and in force on the as-of day, with what weighting needs."""

    case_no: str
    company: str
    uscc: str
    bank: str
    account_manager: str
    industry: str
    ip_types: tuple[str, ...]  # IpType values, e.g. ("invention_patent", "trademark")
    loan_amount: int
    start_date: dt.date
    maturity_date: dt.date
    fee: int
    bank_share_bp: int
    reguarantor_share_bp: int
    small_micro: bool
    company_balance: int  # the company's total in-force loan balance on the as-of day
    case_id: int = 0
    bank_id: int | None = None
    defaulted_on: dt.date | None = None
    controller: str = ""  # the actual controller's name
    controller_key: str = ""  # the controller's resident id: the related-party group key
    reguarantor: str = ""
    target_tags: str = "[]"  # JSON list of tag codes


@dataclass(frozen=True)
class PeriodFlows:
    """What happened in a period ``[first, last]`` (money in fen), for the regulator's flow lines."""

    disbursed: int
    disbursed_amount: int
    new_clients: int  # companies with a loan starting in the period
    first_time_clients: int  # ... whose first loan with the guarantor started in the period
    released: int
    released_amount: int
    defaulted: int
    defaulted_amount: int
    compensated: int
    compensated_amount: int
    recovered_amount: int
    fee_income: int  # guarantee fees received (fee_paid_on) in the period
    registrations: int  # pledge registrations completed (registered_on) in the period
    registration_days: tuple[int, ...]  # submitted -> registered, calendar days, one per registration


@dataclass(frozen=True)
class StockFigures:
    """The portfolio on one day (money in fen): balances, clients, overdue, compensation receivable."""

    in_force: int
    balance: int
    clients: int
    overdue: int  # in force and defaulted or past maturity on the day
    overdue_balance: int
    compensated_total: int  # every compensation paid up to the day
    recovered_total: int  # every recovery up to the day
    receivable: int  # compensation paid minus recovered, on recoveries not closed by the day
    stages: tuple[tuple[str, int], ...]  # (stage, cases) at the day, by each case's last stage event


@dataclass(frozen=True)
class RecoveryCaseRecord:
    """A compensated case and its recovery up to ``as_of`` (追偿台账)."""

    case_no: str
    company: str
    bank: str
    paid_on: dt.date
    amount: int
    retained: int
    recovered: int
    closed_on: dt.date | None


@dataclass(frozen=True)
class PledgedAssetCount:
    ip_type: str
    assets: int
    cases: int


@dataclass(frozen=True)
class LoanMovementRecord:
    """A loan that started (disbursed) or was repaid (released) in the period."""

    case_no: str
    company: str
    bank: str
    account_manager: str
    amount: int
    on: dt.date
    start_date: dt.date
    maturity_date: dt.date
    defaulted_on: dt.date | None


@dataclass(frozen=True)
class CompensationRecord:
    """A compensation paid in the period and what was recovered on it by ``as_of``."""

    case_no: str
    company: str
    bank: str
    paid_on: dt.date
    amount: int
    bank_share: int
    reguarantor_share: int
    retained: int
    recovered_to_date: int
    closed_on: dt.date | None  # the recovery was closed (追偿结案) on or before as_of


@dataclass(frozen=True)
class TurnaroundRecord:
    """Application and loan start of a case disbursed in the period."""

    case_no: str
    company: str
    application_date: dt.date
    start_date: dt.date


@dataclass(frozen=True)
class CaseExtras:
    """What the case list lacks and an export shows: IP types, industry, loan dates."""

    ip_types: tuple[str, ...]
    industry: str
    start_date: dt.date | None
    maturity_date: dt.date | None


def _types(value: str | None) -> tuple[str, ...]:
    return tuple(sorted(v for v in (value or "").split(",") if v))


class ReportingRepo:
    """The report's SQL. Periods are inclusive ``[first, last]`` days."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- helpers -------------------------------------------------------------------

    def _stream(self, sql: str, params: dict[str, Any] | Sequence[Any], make: Callable[[tuple[Any, ...]], T],
                batch: int = BATCH) -> Iterator[T]:
        if self.store.is_server:  # a server-side cursor: the server keeps the result, a batch at a time comes over
            from ipguard.store.pg import PgConnection  # psycopg stays off the SQLite user's path

            conn = self.store.db.conn
            assert isinstance(conn, PgConnection)
            for row in conn.stream(sql, params, batch):
                yield make(row)
            return
        cursor = self.store.db.conn.execute(sql, params)
        try:
            while rows := cursor.fetchmany(batch):
                for row in rows:
                    yield make(row)
        finally:
            cursor.close()

    def _one(self, sql: str, params: dict[str, Any]) -> tuple[Any, ...]:
        row: tuple[Any, ...] = self.store.db.conn.execute(sql, params).fetchone()
        return row

    # -- the month's figures ------------------------------------------------------------

    def month_counts(self, first: dt.date, last: dt.date) -> MonthCounts:
        """Counts and sums of the period's events, and the in-force portfolio at ``last``."""
        p = {"first": first.isoformat(), "last": last.isoformat(), "as_of": last.isoformat()}
        between = "BETWEEN :first AND :last"
        screening = ", ".join(f"'{s}'" for s in SCREENING_STAGES)
        applications = self._one(f"SELECT COUNT(*) FROM cases WHERE application_date {between}", p)[0]
        screened = self._one(
            f"SELECT COUNT(DISTINCT e.case_id) FROM stage_events e WHERE e.to_stage = 'declined'"
            f" AND e.from_stage IN ({screening}) AND e.on_date {between}"
            # a decline reopened as a mistake (workflow.reversal; only within its own month) is no decline
            " AND NOT EXISTS (SELECT 1 FROM stage_events r WHERE r.case_id = e.case_id AND r.id > e.id"
            "  AND r.from_stage = 'declined' AND r.on_date <= :last)", p)[0]  # fmt: skip
        approved, declined = self._one(
            "SELECT COALESCE(SUM(CASE WHEN decision IN ('approve', 'approve_with_conditions') THEN 1 ELSE 0 END), 0),"
            f" COALESCE(SUM(CASE WHEN decision = 'decline' THEN 1 ELSE 0 END), 0) FROM committee_decisions WHERE meeting_date {between}", p)  # fmt: skip
        letters = self._one(f"SELECT COUNT(*) FROM intent_letters WHERE status != 'void' AND issue_date {between}", p)[0]
        disbursed = self._one(f"SELECT COUNT(*), COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE start_date {between}", p)
        released = self._one(f"SELECT COUNT(*), COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE repaid_on {between}", p)
        compensated = self._one(f"SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM compensations WHERE paid_on {between}", p)
        recovered = self._one(f"SELECT COALESCE(SUM(amount_fen), 0) FROM recoveries WHERE on_date {between}", p)[0]
        in_force = self._one(f"SELECT COUNT(*), COALESCE(SUM(l.loan_amount_fen), 0) FROM loans l WHERE {_IN_FORCE}", p)
        return MonthCounts(
            applications=applications, screened_out=screened, approved=approved, declined=declined,
            letters_issued=letters, disbursed=disbursed[0], disbursed_amount=disbursed[1], released=released[0],
            released_amount=released[1], compensated=compensated[0], compensated_amount=compensated[1],
            recovered_amount=recovered, in_force_count=in_force[0], in_force_balance=in_force[1],
        )  # fmt: skip

    # -- detail rows ---------------------------------------------------------------------

    def in_force(self, as_of: dt.date, batch: int = BATCH) -> Iterator[InForceRecord]:
        """Every guarantee in force on ``as_of``, by case number."""
        sql = (
            f"WITH f AS (SELECT l.case_id, l.loan_amount_fen, c.company_id FROM loans l JOIN cases c ON c.id = l.case_id"
            f" WHERE {_IN_FORCE}),"
            " totals AS (SELECT company_id, SUM(loan_amount_fen) AS balance FROM f GROUP BY company_id)"
            f" SELECT c.case_no, co.name, co.uscc, {_BANK}, {_MANAGER}, co.industry, {_IP_TYPES}, l.loan_amount_fen,"
            " l.start_date, l.maturity_date, l.fee_fen,"
            # The terms fixed on the case at approval; the bank's standard terms only for cases from before they were kept.
            " COALESCE(c.terms_bank_share_bp, b.bank_share_bp, 0), COALESCE(c.terms_reguarantor_share_bp, b.reguarantor_share_bp, 0),"
            " co.small_micro, t.balance, c.id, c.bank_id, l.defaulted_on, COALESCE(k.name, ''), COALESCE(k.resident_id, ''),"
            " COALESCE(c.terms_reguarantor_name, b.reguarantor_name, ''), c.target_tags"
            f" FROM f JOIN loans l ON l.case_id = f.case_id{_PARTIES}"
            " LEFT JOIN controllers k ON k.company_id = co.id"
            " JOIN totals t ON t.company_id = c.company_id ORDER BY c.case_no"
        )

        def make(r: tuple[Any, ...]) -> InForceRecord:
            return InForceRecord(r[0], r[1], r[2], r[3], r[4], r[5] or "", _types(r[6]), r[7], required_date(r[8]), required_date(r[9]),
                                 r[10], r[11], r[12], bool(r[13]), r[14], r[15], r[16],
                                 to_date(r[17]) if r[17] and r[17] <= as_of.isoformat() else None, r[18], r[19], r[20],
                                 r[21] or "[]")  # fmt: skip

        return self._stream(sql, {"as_of": as_of.isoformat()}, make, batch)

    def _loans_on(self, column: str, first: dt.date, last: dt.date, batch: int) -> Iterator[LoanMovementRecord]:
        sql = (
            f"SELECT c.case_no, co.name, {_BANK}, {_MANAGER}, l.loan_amount_fen, l.{column}, l.start_date, l.maturity_date,"
            f" l.defaulted_on FROM loans l{_PARTIES} WHERE l.{column} BETWEEN :first AND :last ORDER BY l.{column}, c.case_no"
        )

        def make(r: tuple[Any, ...]) -> LoanMovementRecord:
            return LoanMovementRecord(r[0], r[1], r[2], r[3], r[4], required_date(r[5]), required_date(r[6]), required_date(r[7]),
                                      to_date(r[8]))  # fmt: skip

        return self._stream(sql, {"first": first.isoformat(), "last": last.isoformat()}, make, batch)

    def disbursed(self, first: dt.date, last: dt.date, batch: int = BATCH) -> Iterator[LoanMovementRecord]:
        """Loans that started in the period (``on`` = start date)."""
        return self._loans_on("start_date", first, last, batch)

    def released(self, first: dt.date, last: dt.date, batch: int = BATCH) -> Iterator[LoanMovementRecord]:
        """Loans repaid in full, and so released, in the period (``on`` = repaid date)."""
        return self._loans_on("repaid_on", first, last, batch)

    def compensations(self, first: dt.date, last: dt.date, batch: int = BATCH) -> Iterator[CompensationRecord]:
        """Compensations paid in the period, with recoveries and closure up to ``last``."""
        sql = (
            f"SELECT c.case_no, co.name, {_BANK}, p.paid_on, p.amount_fen, p.bank_share_fen, p.reguarantor_share_fen,"
            " p.retained_fen,"
            " (SELECT COALESCE(SUM(r.amount_fen), 0) FROM recoveries r WHERE r.case_id = p.case_id AND r.on_date <= :last),"
            " (SELECT MIN(e.on_date) FROM stage_events e WHERE e.case_id = p.case_id AND e.to_stage = 'closed'"
            "  AND e.on_date <= :last)"
            " FROM compensations p JOIN cases c ON c.id = p.case_id JOIN companies co ON co.id = c.company_id"
            " LEFT JOIN banks b ON b.id = c.bank_id"
            " WHERE p.paid_on BETWEEN :first AND :last ORDER BY p.paid_on, c.case_no"
        )

        def make(r: tuple[Any, ...]) -> CompensationRecord:
            return CompensationRecord(r[0], r[1], r[2], required_date(r[3]), r[4], r[5], r[6], r[7], r[8], to_date(r[9]))

        return self._stream(sql, {"first": first.isoformat(), "last": last.isoformat()}, make, batch)

    def turnaround(self, first: dt.date, last: dt.date, batch: int = BATCH) -> Iterator[TurnaroundRecord]:
        """Application date and loan start of the cases disbursed in the period."""
        sql = (
            "SELECT c.case_no, co.name, c.application_date, l.start_date FROM loans l JOIN cases c ON c.id = l.case_id"
            " JOIN companies co ON co.id = c.company_id WHERE l.start_date BETWEEN :first AND :last"
            " ORDER BY l.start_date, c.case_no"
        )

        def make(r: tuple[Any, ...]) -> TurnaroundRecord:
            return TurnaroundRecord(r[0], r[1], required_date(r[2]), required_date(r[3]))

        return self._stream(sql, {"first": first.isoformat(), "last": last.isoformat()}, make, batch)

    # -- case-list export -------------------------------------------------------------------

    def case_extras(self, case_ids: Sequence[int]) -> dict[int, CaseExtras]:
        """IP types, industry and loan dates of the given cases (one query per call; pass a page)."""
        if not case_ids:
            return {}
        marks = ", ".join("?" for _ in case_ids)
        rows = self.store.db.conn.execute(
            f"SELECT c.id, {_IP_TYPES}, co.industry, l.start_date, l.maturity_date FROM cases c"
            f" JOIN companies co ON co.id = c.company_id LEFT JOIN loans l ON l.case_id = c.id WHERE c.id IN ({marks})",
            list(case_ids),
        ).fetchall()
        return {r[0]: CaseExtras(_types(r[1]), r[2] or "", to_date(r[3]), to_date(r[4])) for r in rows}

    # -- regulator and board figures ---------------------------------------------------------

    def period_flows(self, first: dt.date, last: dt.date) -> PeriodFlows:
        """Flows of ``[first, last]``: new, released, defaulted, compensated, recovered, fees, registrations."""
        p = {"first": first.isoformat(), "last": last.isoformat()}
        between = "BETWEEN :first AND :last"
        new = self._one(
            "SELECT COUNT(*), COALESCE(SUM(l.loan_amount_fen), 0), COUNT(DISTINCT c.company_id) FROM loans l"
            f" JOIN cases c ON c.id = l.case_id WHERE l.start_date {between}", p)  # fmt: skip
        first_time = self._one(
            "SELECT COUNT(*) FROM (SELECT c.company_id, MIN(l.start_date) AS s FROM loans l JOIN cases c ON c.id = l.case_id"
            f" GROUP BY c.company_id) AS firsts WHERE s {between}", p)[0]  # fmt: skip
        released = self._one(f"SELECT COUNT(*), COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE repaid_on {between}", p)
        defaulted = self._one(f"SELECT COUNT(*), COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE defaulted_on {between}", p)
        comp = self._one(f"SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM compensations WHERE paid_on {between}", p)
        recovered = self._one(f"SELECT COALESCE(SUM(amount_fen), 0) FROM recoveries WHERE on_date {between}", p)[0]
        fees = self._one(f"SELECT COALESCE(SUM(fee_fen), 0) FROM loans WHERE fee_paid_on {between}", p)[0]
        regs = self.store.db.conn.execute(
            "SELECT CAST(julianday(registered_on) - julianday(COALESCE(submitted_on, registered_on)) AS INTEGER)"
            f" FROM pledge_registrations WHERE registered_on {between}", p).fetchall()  # fmt: skip
        return PeriodFlows(
            disbursed=new[0], disbursed_amount=new[1], new_clients=new[2], first_time_clients=first_time,
            released=released[0], released_amount=released[1], defaulted=defaulted[0], defaulted_amount=defaulted[1],
            compensated=comp[0], compensated_amount=comp[1], recovered_amount=recovered, fee_income=fees,
            registrations=len(regs), registration_days=tuple(max(0, r[0] or 0) for r in regs),
        )  # fmt: skip

    def stock_at(self, as_of: dt.date) -> StockFigures:
        """The portfolio at the end of ``as_of``."""
        p = {"as_of": as_of.isoformat()}
        overdue = "(l.defaulted_on IS NOT NULL AND l.defaulted_on <= :as_of OR l.maturity_date < :as_of)"
        row = self._one(
            "SELECT COUNT(*), COALESCE(SUM(l.loan_amount_fen), 0), COUNT(DISTINCT c.company_id),"
            f" COALESCE(SUM(CASE WHEN {overdue} THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN {overdue} THEN l.loan_amount_fen END), 0)"
            f" FROM loans l JOIN cases c ON c.id = l.case_id WHERE {_IN_FORCE}", p)  # fmt: skip
        closed = "(SELECT MIN(e.on_date) FROM stage_events e WHERE e.case_id = p.case_id AND e.to_stage = 'closed')"
        recovered_on = "(SELECT COALESCE(SUM(r.amount_fen), 0) FROM recoveries r WHERE r.case_id = p.case_id AND r.on_date <= :as_of)"
        # What is still owed, never below zero: CASE, not SQLite's two-argument MAX (a server's SUM is NUMERIC).
        owed = f"CASE WHEN p.amount_fen - {recovered_on} > 0 THEN p.amount_fen - {recovered_on} ELSE 0 END"
        comp = self._one(
            f"SELECT COALESCE(SUM(p.amount_fen), 0), COALESCE(SUM(CASE WHEN {closed} IS NULL OR {closed} > :as_of"
            f" THEN {owed} END), 0) FROM compensations p WHERE p.paid_on <= :as_of", p)  # fmt: skip
        recovered = self._one("SELECT COALESCE(SUM(amount_fen), 0) FROM recoveries WHERE on_date <= :as_of", p)[0]
        stages = self.store.db.conn.execute(
            "SELECT e.to_stage, COUNT(*) FROM stage_events e JOIN (SELECT case_id, MAX(id) AS id FROM stage_events"
            " WHERE on_date <= :as_of GROUP BY case_id) last ON last.id = e.id GROUP BY e.to_stage", p).fetchall()  # fmt: skip
        return StockFigures(
            in_force=row[0], balance=row[1], clients=row[2], overdue=row[3], overdue_balance=row[4],
            compensated_total=comp[0], recovered_total=recovered, receivable=comp[1],
            stages=tuple((r[0], r[1]) for r in stages),
        )  # fmt: skip

    def recovery_cases(self, as_of: dt.date, batch: int = BATCH) -> Iterator[RecoveryCaseRecord]:
        """Every compensation paid up to ``as_of`` with its recoveries and closure by then (by date)."""
        sql = (
            f"SELECT c.case_no, co.name, {_BANK}, p.paid_on, p.amount_fen, p.retained_fen,"
            " (SELECT COALESCE(SUM(r.amount_fen), 0) FROM recoveries r WHERE r.case_id = p.case_id AND r.on_date <= :as_of),"
            " (SELECT MIN(e.on_date) FROM stage_events e WHERE e.case_id = p.case_id AND e.to_stage = 'closed'"
            "  AND e.on_date <= :as_of)"
            " FROM compensations p JOIN cases c ON c.id = p.case_id JOIN companies co ON co.id = c.company_id"
            " LEFT JOIN banks b ON b.id = c.bank_id WHERE p.paid_on <= :as_of ORDER BY p.paid_on, c.case_no"
        )

        def make(r: tuple[Any, ...]) -> RecoveryCaseRecord:
            return RecoveryCaseRecord(r[0], r[1], r[2], required_date(r[3]), r[4], r[5], r[6], to_date(r[7]))

        return self._stream(sql, {"as_of": as_of.isoformat()}, make, batch)

    def pledged_assets(self, as_of: dt.date) -> list[PledgedAssetCount]:
        """IP assets registered as pledged (registered, not deregistered) on in-force guarantees at ``as_of``, by type."""
        rows = self.store.db.conn.execute(
            "SELECT a.ip_type, COUNT(DISTINCT a.id), COUNT(DISTINCT g.case_id) FROM pledge_registrations g"
            " JOIN ip_assets a ON a.id = g.asset_id JOIN loans l ON l.case_id = g.case_id"
            f" WHERE g.registered_on IS NOT NULL AND g.registered_on <= :as_of AND (g.deregistered_on IS NULL"
            f" OR g.deregistered_on > :as_of) AND {_IN_FORCE} GROUP BY a.ip_type ORDER BY a.ip_type",
            {"as_of": as_of.isoformat()},
        ).fetchall()
        return [PledgedAssetCount(r[0], r[1], r[2]) for r in rows]
