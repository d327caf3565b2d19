"""The SQLite ↔ PostgreSQL differences live in ipguard/store/dialect.py and schema_pg.py (issue 20)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ipguard.store import schema, schema_pg
from ipguard.store.dialect import Dialect, adapt_params, fragment_search, from_server, is_postgres_target, to_postgres


def test_one_numbered_list_of_migrations_for_both_backends():
    assert list(schema_pg.STEPS) == schema.known_names()


@pytest.mark.parametrize("target, server", [
    ("postgresql://ipguard@db.example/ipguard", True),
    ("postgres://db/ipguard", True),
    ("service=ipguard", True),
    ("host=db.example dbname=ipguard", True),
    ("cases.sqlite", False),
    ("C:\\data\\ipguard.sqlite", False),
    ("service.sqlite", False),
])
def test_db_names_a_server_or_a_file(target, server):
    assert is_postgres_target(target) is server


def test_parameters_and_percent_signs_outside_quotes_only():
    text, key = to_postgres("SELECT * FROM cases WHERE case_no LIKE ? AND note = '50%?'")
    assert text == "SELECT * FROM cases WHERE case_no ILIKE %s AND note = '50%%?'" and key is None


def test_insert_or_ignore_and_the_generated_key():
    text, key = to_postgres("INSERT OR IGNORE INTO cases (case_no) VALUES (?)")
    assert text == "INSERT INTO cases (case_no) VALUES (%s) ON CONFLICT DO NOTHING RETURNING id" and key == "id"
    assert to_postgres("INSERT INTO audit_log (at) VALUES (?)")[1] == "seq"
    assert to_postgres("INSERT INTO case_assets (case_id, asset_id) VALUES (?, ?)")[1] is None  # no generated key
    assert to_postgres("INSERT INTO case_search (rowid, body) SELECT id, case_no FROM cases")[1] is None


def test_values_cross_as_sqlite_would_store_and_return_them():
    assert adapt_params([True, dt.date(2026, 12, 1), 5, "x"]) == [1, "2026-12-01", 5, "x"]
    assert from_server(Decimal("1200")) == 1200 and isinstance(from_server(Decimal("1200")), int)
    assert from_server(memoryview(b"pdf")) == b"pdf"


def test_fragment_search_escapes_like_wildcards_on_the_server():
    sql, param = fragment_search(Dialect.POSTGRES, "case_search", "50%_a")
    assert sql == "SELECT rowid FROM case_search WHERE body ILIKE ?" and param == "%50\\%\\_a%"
    sql, param = fragment_search(Dialect.SQLITE, "case_search", 'a"b')
    assert "MATCH" in sql and param == '"a""b"'


def test_null_safe_comparison_with_a_parameter():
    text, _ = to_postgres("SELECT 1 FROM cases WHERE id IS NOT ? AND bank_id IS ? AND referrer_id IS NULL")
    assert text == ("SELECT 1 FROM cases WHERE id IS DISTINCT FROM %s AND bank_id IS NOT DISTINCT FROM %s"
                    " AND referrer_id IS NULL")


def test_named_parameters_but_not_casts():
    text, _ = to_postgres("SELECT x::text FROM cases WHERE application_date BETWEEN :first AND :last AND note <> 'a:b'")
    assert text == "SELECT x::text FROM cases WHERE application_date BETWEEN %(first)s AND %(last)s AND note <> 'a:b'"
