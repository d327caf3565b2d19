"""Bulk inserts of synthetic volume data (benchmarks, paging tests): ``executemany``, no audit.

Call inside one ``store.transaction()``; nothing here opens its own. Never
for production data: the rows bypass the intake service and the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ipguard.store import schema
from ipguard.store.dialect import Dialect

if TYPE_CHECKING:
    from ipguard.store.core import Store

Rows = Sequence[Sequence[Any]]


@dataclass(frozen=True)
class BulkCases:
    """Row tuples for :meth:`BulkRepo.insert_cases`, in the column order of each INSERT below."""

    companies: Rows  # id, name, uscc, industry, address, founded_on, contact_name, contact_phone, created_at, updated_at
    controllers: Rows  # company_id, name, resident_id, phone
    cases: Rows  # id, case_no, company_id, product_code, params_version, bank_id, referrer_id, recommendation_opinion,
    #              requested_amount_fen, term_months, application_date, stage, account_manager_id, risk_manager_id,
    #              target_tags, created_at, updated_at, stage_changed_at
    financials: Rows  # case_id, annual_sales_fen, net_assets_last_year_fen, net_assets_current_fen, existing_bank_loans_fen,
    #                   company_credit_good, controller_credit_good, counter_guarantee, major_negative_info, negative_info_note
    assets: Rows  # id, company_id, ip_type, number, title, owners, sole_owner, filing_date, grant_date, expiry_date,
    #               legal_status, nice_class, pledged, licensed, in_dispute, used_in_main_products, revenue_supported_fen
    links: Rows  # case_id, asset_id
    checklist: Rows  # case_id, code, label, required
    events: Rows  # case_id, from_stage, to_stage, at, on_date, user_id, note, said_json


class BulkRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def next_ids(self) -> tuple[int, int, int]:
        """The next free ids of (companies, cases, ip_assets)."""
        return tuple(  # type: ignore[return-value]
            (self.store.scalar(f"SELECT COALESCE(MAX(id), 0) FROM {table}") or 0) + 1
            for table in ("companies", "cases", "ip_assets")
        )

    def asset_numbers(self) -> set[str]:
        """Every IP asset number in the database."""
        return {r["number"] for r in self.store.query("SELECT number FROM ip_assets")}

    def company_codes(self) -> set[str]:
        """Every company's unified social credit code in the database."""
        return {r["uscc"] for r in self.store.query("SELECT uscc FROM companies")}

    def sequence_value(self, name: str) -> int:
        """The current value of a named sequence (0 when it was never used)."""
        return self.store.scalar("SELECT value FROM sequences WHERE name = ?", [name]) or 0

    def set_sequence(self, name: str, value: int) -> None:
        """Set a named sequence to ``value`` (after numbering rows in bulk)."""
        self.store.db.execute(
            "INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            [name, value],
        )

    def insert_cases(self, rows: BulkCases) -> None:
        """Insert every row with one ``executemany`` per table, inside the caller's transaction."""
        if not self.store.db.conn.in_transaction:
            raise RuntimeError("bulk inserts run inside the caller's transaction")
        conn = self.store.db.conn
        # SQLite: index the new cases in one statement instead of row by row through the triggers;
        # dropping them is undone with the transaction if anything fails. A server keeps its triggers
        # (dropping them would need the schema owner's rights).
        on_file = self.store.dialect is Dialect.SQLITE
        if on_file:
            for name, _sql in schema.SEARCH_TRIGGERS:
                conn.execute(f"DROP TRIGGER {name}")
        conn.executemany(
            "INSERT INTO companies (id, name, uscc, industry, address, founded_on, contact_name, contact_phone,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows.companies,
        )
        conn.executemany("INSERT INTO controllers (company_id, name, resident_id, phone) VALUES (?,?,?,?)", rows.controllers)
        conn.executemany(
            "INSERT INTO cases (id, case_no, company_id, product_code, params_version, bank_id, referrer_id,"
            " recommendation_opinion, requested_amount_fen, term_months, application_date, stage, account_manager_id,"
            " risk_manager_id, target_tags, created_at, updated_at, stage_changed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows.cases,
        )
        conn.executemany(
            "INSERT INTO financials (case_id, annual_sales_fen, net_assets_last_year_fen, net_assets_current_fen,"
            " existing_bank_loans_fen, company_credit_good, controller_credit_good, counter_guarantee, major_negative_info,"
            " negative_info_note) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows.financials,
        )
        conn.executemany(
            "INSERT INTO ip_assets (id, company_id, ip_type, number, title, owners, sole_owner, filing_date, grant_date,"
            " expiry_date, legal_status, nice_class, pledged, licensed, in_dispute, used_in_main_products,"
            " revenue_supported_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows.assets,
        )
        conn.executemany("INSERT INTO case_assets (case_id, asset_id) VALUES (?, ?)", rows.links)
        conn.executemany("INSERT INTO checklist_items (case_id, code, label, required) VALUES (?,?,?,?)", rows.checklist)
        conn.executemany(
            "INSERT INTO stage_events (case_id, from_stage, to_stage, at, on_date, user_id, note, said_json) VALUES (?,?,?,?,?,?,?,?)",
            rows.events,
        )
        if not on_file:
            # Rows were written with their ids: the generated keys continue after the highest.
            for table in ("companies", "cases", "ip_assets"):
                conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
            return
        if rows.cases:
            ids = [row[0] for row in rows.cases]
            conn.execute(f"INSERT INTO case_search (rowid, body) {schema.SEARCH_ROWS} WHERE c.id BETWEEN ? AND ?", [min(ids), max(ids)])
        for _name, sql in schema.SEARCH_TRIGGERS:
            conn.execute(sql)
