"""Closing records: intent letters, the bank's decision, contracts, pledge registrations,
disbursement checks and loans; plus the reads behind deadline reminders.

Every write runs inside the caller's transaction (the workflow action's);
none of these methods opens a transaction of its own.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ipguard.domain import IpType
from ipguard.store.records import (
    BankDecisionRecord,
    CaseDue,
    ContractRecord,
    DisbursementCheckRecord,
    IntentLetterRecord,
    LoanRecord,
    PledgedAssetDue,
    RegistrationRecord,
    required_date,
    to_date,
)

if TYPE_CHECKING:
    from ipguard.store.core import Store

_REGISTRATION_COLUMNS = ("submitted_on", "registration_no", "registered_on", "certificate_received", "registry")


class ClosingRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- intent letters ------------------------------------------------------------

    def add_intent_letter(
        self, case_id: int, *, letter_no: str, issue_date: str, approval_deadline: str, valid_until: str,
        loan_amount: int | None = None, guarantee_amount: int | None = None, term_months: int | None = None,
    ) -> int:
        """Record an issued intent letter (dates as ISO text, amounts in fen); the new row's id."""
        cur = self.store.db.execute(
            "INSERT INTO intent_letters (case_id, letter_no, issue_date, approval_deadline, valid_until,"
            " loan_amount_fen, guarantee_amount_fen, term_months) VALUES (?,?,?,?,?,?,?,?)",
            [case_id, letter_no, issue_date, approval_deadline, valid_until, loan_amount, guarantee_amount, term_months],
        )
        return self.store.inserted_id(cur)

    def intent_letter(self, case_id: int, letter_id: int | None = None) -> IntentLetterRecord | None:
        """The given letter of the case, or (without ``letter_id``) its newest issued one."""
        sql = "SELECT * FROM intent_letters WHERE case_id = ?"
        params: list[object] = [case_id]
        if letter_id is not None:
            sql += " AND id = ?"
            params.append(letter_id)
        else:
            sql += " AND status = 'issued'"
        rows = self.store.query(sql + " ORDER BY id DESC LIMIT 1", params)
        return _letter(rows[0]) if rows else None

    def intent_letter_numbered(self, letter_no: str) -> IntentLetterRecord:
        """The intent letter numbered ``letter_no`` (IndexError when there is none)."""
        return _letter(self.store.query("SELECT * FROM intent_letters WHERE letter_no = ?", [letter_no])[0])

    def void_intent_letter(self, case_id: int, letter_no: str) -> None:
        self.store.db.execute(
            "UPDATE intent_letters SET status = 'void' WHERE case_id = ? AND letter_no = ?", [case_id, letter_no]
        )

    # -- the bank's decision -----------------------------------------------------

    def add_bank_decision(
        self, case_id: int, *, decision: str, approved_amount: int | None, interest_rate: str, term_months: int | None,
        decided_on: str, note: str, late_override_reason: str = "",
    ) -> None:
        self.store.db.execute(
            "INSERT INTO bank_decisions (case_id, decision, approved_amount_fen, interest_rate, term_months, decided_on, note,"
            " late_override_reason) VALUES (?,?,?,?,?,?,?,?)",
            [case_id, decision, approved_amount, interest_rate, term_months, decided_on, note, late_override_reason],
        )

    def bank_decision(self, case_id: int) -> BankDecisionRecord | None:
        """The bank's recorded decision, or None."""
        rows = self.store.query("SELECT * FROM bank_decisions WHERE case_id = ?", [case_id])
        if not rows:
            return None
        r = rows[0]
        return BankDecisionRecord(
            case_id=r["case_id"], approved=r["decision"] == "approved", approved_amount=r["approved_amount_fen"],
            interest_rate=r["interest_rate"], term_months=r["term_months"], decided_on=required_date(r["decided_on"]), note=r["note"],
            late_override_reason=r["late_override_reason"] or "",
        )

    def approved_amount(self, case_id: int) -> int | None:
        """The amount (fen) the bank approved, or None."""
        return self.store.scalar_int("SELECT approved_amount_fen FROM bank_decisions WHERE case_id = ?", [case_id])

    # -- contracts -------------------------------------------------------------------

    def upsert_contract(
        self, case_id: int, *, kind: str, contract_no: str, party: str, signed_on: str, amount: int | None = None
    ) -> None:
        """Record a signed contract; the same (kind, number) again updates its party, date and amount."""
        self.store.db.execute(
            "INSERT INTO contracts (case_id, kind, contract_no, party, signed_on, amount_fen) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(case_id, kind, contract_no) DO UPDATE SET party = excluded.party, signed_on = excluded.signed_on,"
            " amount_fen = excluded.amount_fen",
            [case_id, kind, contract_no, party, signed_on, amount],
        )

    def latest_contract_date(self, case_id: int, kinds: tuple[str, ...] = ()) -> dt.date | None:
        """The latest signing date of the case's contracts (of ``kinds`` when given)."""
        sql = "SELECT MAX(signed_on) FROM contracts WHERE case_id = ?"
        params: list[object] = [case_id]
        if kinds:
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += list(kinds)
        return to_date(self.store.scalar(sql, params))

    def latest_registration_date(self, case_id: int) -> dt.date | None:
        """The latest pledge registration date of the case."""
        return to_date(self.store.scalar("SELECT MAX(registered_on) FROM pledge_registrations WHERE case_id = ?", [case_id]))

    def contracts(self, case_id: int) -> list[ContractRecord]:
        """The case's contracts by signing date."""
        return [ContractRecord(r["id"], r["case_id"], r["kind"], r["contract_no"], r["party"], required_date(r["signed_on"]), r["amount_fen"])
                for r in self.store.query("SELECT * FROM contracts WHERE case_id = ? ORDER BY signed_on, id", [case_id])]

    def contract_numbers(self, case_id: int) -> dict[str, str]:
        """Contract number per kind (the last recorded of a kind wins)."""
        return {c["kind"]: c["contract_no"] for c in self.store.query(
            "SELECT kind, contract_no FROM contracts WHERE case_id = ? ORDER BY id", [case_id])}  # fmt: skip

    # -- pledge registrations ----------------------------------------------------------

    def open_registration(self, case_id: int, asset_id: int, registry: str) -> None:
        """Start the pledge registration of one asset unless it exists."""
        self.store.db.execute(
            "INSERT OR IGNORE INTO pledge_registrations (case_id, asset_id, registry) VALUES (?, ?, ?)",
            [case_id, asset_id, registry],
        )

    def has_registration(self, case_id: int, asset_id: int) -> bool:
        return bool(self.store.scalar(
            "SELECT 1 FROM pledge_registrations WHERE case_id = ? AND asset_id = ?", [case_id, asset_id]
        ))

    def update_registration(self, case_id: int, asset_id: int, values: dict[str, Any]) -> None:
        """Set columns of one asset's registration (submitted_on, registration_no, registered_on, …)."""
        unknown = set(values) - set(_REGISTRATION_COLUMNS)
        if unknown:
            raise ValueError(f"not a registration column: {sorted(unknown)}")
        self.store.db.execute(
            f"UPDATE pledge_registrations SET {', '.join(f'{k} = ?' for k in values)} WHERE case_id = ? AND asset_id = ?",
            [*values.values(), case_id, asset_id],
        )

    def registrations(self, case_id: int) -> list[RegistrationRecord]:
        """The case's pledge registrations with the asset's number, type and title, by asset."""
        return [_registration(r) for r in self.store.query(
            "SELECT p.*, a.number, a.ip_type, a.title FROM pledge_registrations p JOIN ip_assets a ON a.id = p.asset_id"
            " WHERE p.case_id = ? ORDER BY a.id", [case_id])]  # fmt: skip

    def registrations_by_asset(self, case_id: int) -> dict[int, RegistrationRecord]:
        """The case's pledge registrations keyed by asset id."""
        return {r.asset_id: r for r in self.registrations(case_id)}

    def pledged_elsewhere(self, asset_id: int, case_id: int) -> str | None:
        """Case number of another case where the asset is registered and not deregistered, or None."""
        return self.store.scalar_str(
            "SELECT c.case_no FROM pledge_registrations p JOIN cases c ON c.id = p.case_id"
            " WHERE p.asset_id = ? AND p.case_id != ? AND p.registered_on IS NOT NULL AND p.deregistered_on IS NULL",
            [asset_id, case_id],
        )

    def deregister(self, case_id: int, asset_id: int, on: str, reference: str) -> None:
        """Record one pledge's deregistration (ISO date, the registry's reference)."""
        self.store.db.execute(
            "UPDATE pledge_registrations SET deregistered_on = ?, deregistration_ref = ? WHERE case_id = ? AND asset_id = ?",
            [on, reference, case_id, asset_id],
        )

    def pledged_assets_live(self, user_id: int | None = None) -> list[PledgedAssetDue]:
        """Assets pledged in cases from registration until release (for post-loan reminders)."""
        mine, params = self._mine(user_id)
        return [PledgedAssetDue(r["id"], r["case_no"], r["name"], IpType(r["ip_type"]), r["number"], to_date(r["filing_date"]),
                                to_date(r["grant_date"]), to_date(r["expiry_date"])) for r in self.store.query(
            "SELECT c.id, c.case_no, co.name, a.ip_type, a.number, a.filing_date, a.grant_date, a.expiry_date"
            " FROM pledge_registrations p JOIN cases c ON c.id = p.case_id JOIN companies co ON co.id = c.company_id"
            " JOIN ip_assets a ON a.id = p.asset_id"
            " WHERE c.stage IN ('pledge_registration', 'disbursement', 'in_force', 'defaulted', 'recovery')"
            " AND p.deregistered_on IS NULL" + mine,
            params,
        )]

    def defaults_uncompensated(self, user_id: int | None = None) -> list[CaseDue]:
        """Loans defaulted and not yet compensated, each with its default date."""
        mine, params = self._mine(user_id)
        return _dues(self.store.query(
            "SELECT c.id, c.case_no, co.name, l.defaulted_on AS due FROM loans l JOIN cases c ON c.id = l.case_id"
            " JOIN companies co ON co.id = c.company_id WHERE c.stage = 'defaulted'" + mine,
            params,
        ))

    # -- disbursement checks -------------------------------------------------------------

    def add_check(self, case_id: int, code: str, label: str) -> None:
        """Add a disbursement condition (a committee condition); fails if the code exists."""
        self.store.db.execute("INSERT INTO disbursement_checks (case_id, code, label) VALUES (?, ?, ?)", [case_id, code, label])

    def ensure_check(self, case_id: int, code: str, label: str) -> None:
        """Add a disbursement condition unless the case has it already."""
        self.store.db.execute(
            "INSERT OR IGNORE INTO disbursement_checks (case_id, code, label) VALUES (?, ?, ?)", [case_id, code, label]
        )

    def checks(self, case_id: int) -> list[DisbursementCheckRecord]:
        """Disbursement checks with who confirmed them, in the order added."""
        return [DisbursementCheckRecord(r["code"], r["label"], r["confirmed_by"], r["confirmed_by_name"], r["confirmed_at"])
                for r in self.store.query(
            "SELECT d.*, COALESCE(u.display_name, '') AS confirmed_by_name FROM disbursement_checks d"
            " LEFT JOIN users u ON u.id = d.confirmed_by WHERE d.case_id = ? ORDER BY d.rowid", [case_id])]  # fmt: skip

    def confirm_check(self, case_id: int, code: str, user_id: int, at: str) -> bool:
        """Mark a check confirmed; False when the case has no check ``code``."""
        cur = self.store.db.execute(
            "UPDATE disbursement_checks SET confirmed_by = ?, confirmed_at = ? WHERE case_id = ? AND code = ?",
            [user_id, at, case_id, code])  # fmt: skip
        return bool(cur.rowcount != 0)

    def confirmed_check_labels(self, case_id: int) -> list[str]:
        """Labels of the confirmed checks, in the order added."""
        return [r["label"] for r in self.store.query(
            "SELECT label FROM disbursement_checks WHERE case_id = ? AND confirmed_at IS NOT NULL ORDER BY rowid", [case_id])]  # fmt: skip

    # -- loans -------------------------------------------------------------------------

    def add_loan(
        self, case_id: int, *, loan_amount: int, start_date: str, maturity_date: str, loan_contract_no: str, fee: int
    ) -> None:
        self.store.db.execute(
            "INSERT INTO loans (case_id, loan_amount_fen, start_date, maturity_date, loan_contract_no, fee_fen) VALUES (?,?,?,?,?,?)",
            [case_id, loan_amount, start_date, maturity_date, loan_contract_no, fee],
        )

    def loan(self, case_id: int) -> LoanRecord | None:
        """The case's loan, or None before disbursement."""
        rows = self.store.query("SELECT * FROM loans WHERE case_id = ?", [case_id])
        if not rows:
            return None
        r = rows[0]
        return LoanRecord(
            case_id=r["case_id"], loan_amount=r["loan_amount_fen"], start_date=required_date(r["start_date"]),
            maturity_date=required_date(r["maturity_date"]), loan_contract_no=r["loan_contract_no"], fee=r["fee_fen"],
            fee_paid_on=to_date(r["fee_paid_on"]), repaid_on=to_date(r["repaid_on"]), defaulted_on=to_date(r["defaulted_on"]),
        )

    def loan_start_date(self, case_id: int) -> dt.date | None:
        return to_date(self.store.scalar("SELECT start_date FROM loans WHERE case_id = ?", [case_id]))

    def mark_fee_paid(self, case_id: int, on: str) -> None:
        self.store.db.execute("UPDATE loans SET fee_paid_on = ? WHERE case_id = ?", [on, case_id])

    def mark_repaid(self, case_id: int, on: str) -> None:
        self.store.db.execute("UPDATE loans SET repaid_on = ? WHERE case_id = ?", [on, case_id])

    def mark_defaulted(self, case_id: int, on: str) -> None:
        self.store.db.execute("UPDATE loans SET defaulted_on = ? WHERE case_id = ?", [on, case_id])

    # -- reminders -----------------------------------------------------------------------

    @staticmethod
    def _mine(user_id: int | None) -> tuple[str, list[object]]:
        if user_id:
            return " AND (c.account_manager_id = ? OR c.risk_manager_id = ?)", [user_id, user_id]
        return "", []

    def bank_approvals_waiting(self, user_id: int | None = None) -> list[CaseDue]:
        """Cases at bank approval with an issued letter, each with the letter's approval deadline."""
        mine, params = self._mine(user_id)
        return _dues(self.store.query(
            "SELECT c.id, c.case_no, co.name, l.approval_deadline AS due, c.product_code, c.params_version"
            " FROM intent_letters l JOIN cases c ON c.id = l.case_id"
            " JOIN companies co ON co.id = c.company_id WHERE c.stage = 'bank_approval' AND l.status = 'issued'" + mine,
            params,
        ))

    def registrations_pending(self, user_id: int | None = None) -> list[CaseDue]:
        """Cases at pledge registration with an unfinished registration, each with the day it has waited since
        (the earliest submission, or the stage's start)."""
        mine, params = self._mine(user_id)
        return _dues(self.store.query(
            "SELECT c.id, c.case_no, co.name, MIN(COALESCE(p.submitted_on, c.stage_changed_at)) AS due,"
            " c.product_code, c.params_version"
            " FROM pledge_registrations p JOIN cases c ON c.id = p.case_id JOIN companies co ON co.id = c.company_id"
            " WHERE c.stage = 'pledge_registration' AND (p.registered_on IS NULL OR p.certificate_received = 0)" + mine
            + " GROUP BY c.id, co.id",
            params,
        ))

    def loans_in_force(self, user_id: int | None = None) -> list[CaseDue]:
        """Cases in force, each with its loan's maturity date."""
        mine, params = self._mine(user_id)
        return _dues(self.store.query(
            "SELECT c.id, c.case_no, co.name, l.maturity_date AS due, c.product_code, c.params_version FROM loans l"
            " JOIN cases c ON c.id = l.case_id JOIN companies co ON co.id = c.company_id WHERE c.stage = 'in_force'" + mine,
            params,
        ))


def _letter(r: dict[str, Any]) -> IntentLetterRecord:
    return IntentLetterRecord(r["id"], r["letter_no"], required_date(r["issue_date"]), required_date(r["approval_deadline"]), required_date(r["valid_until"]),
                              r["status"], r["loan_amount_fen"], r["guarantee_amount_fen"], r["term_months"])


def _registration(r: dict[str, Any]) -> RegistrationRecord:
    return RegistrationRecord(
        case_id=r["case_id"], asset_id=r["asset_id"], number=r["number"], ip_type=IpType(r["ip_type"]), title=r["title"],
        registry=r["registry"], submitted_on=to_date(r["submitted_on"]), registration_no=r["registration_no"] or "",
        registered_on=to_date(r["registered_on"]), certificate_received=bool(r["certificate_received"]),
        deregistered_on=to_date(r["deregistered_on"]), deregistration_ref=r["deregistration_ref"] or "",
    )


def _dues(rows: list[dict[str, Any]]) -> list[CaseDue]:
    return [CaseDue(r["id"], r["case_no"], r["name"], required_date(r["due"]), r.get("product_code") or "", r.get("params_version") or "")
            for r in rows]
