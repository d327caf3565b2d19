"""The guarantor's net assets and leverage class, recorded by effective date (issue 13 item 2, issue 17 item 3).

Limits use the figures valid today; a month's report those valid at its end;
the admin service records them (admins only, audited, not in the future); the
former settings are carried over by migration m006 and refused as settings.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from sqlite_utils import Database

from ipguard import admin, clock, workflow
from ipguard.errors import ValidationError
from ipguard.reports.terms import mainly_small_micro_at, net_assets_at
from ipguard.store import open_store, schema, seals
from ipguard.workflow import limits
from tests.workflow_helpers import open_case, to_committee

D = dt.date


@pytest.fixture
def store(tmp_path):
    with clock.frozen(D(2026, 12, 20)):
        s = open_store(tmp_path / "g.sqlite")
        yield s
        s.close()


def test_a_new_database_starts_with_the_default_figures_valid_since_always(store):
    first = store.repos.guarantor.at(D(1990, 1, 1))
    assert first is not None and first.net_assets == 150_000_000_000 and not first.mainly_small_micro
    assert [f.effective_date for f in admin.guarantor_history(store)] == [D.fromisoformat(schema.FIRST_EFFECTIVE_DATE)]
    assert "guarantor.net_assets_fen" not in store.repos.settings.all()


def test_each_day_reads_the_record_valid_at_its_end(store, c):
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=1_000_000_000_00, mainly_small_micro=False,
                                   effective_date=D(2026, 1, 1), note="2025年度审计报告")
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=1_200_000_000_00, mainly_small_micro=True,
                                   effective_date=D(2026, 12, 1), note="增资")
    assert net_assets_at(store, D(2025, 12, 31)) == 150_000_000_000  # the carried-over figure
    assert net_assets_at(store, D(2026, 11, 30)) == 1_000_000_000_00
    assert not mainly_small_micro_at(store, D(2026, 11, 30))
    assert net_assets_at(store, D(2026, 12, 1)) == 1_200_000_000_00 and mainly_small_micro_at(store, D(2026, 12, 1))
    # A second record for the same date supersedes the first; both stay in the history.
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=1_010_000_000_00, mainly_small_micro=False,
                                   effective_date=D(2026, 1, 1), note="更正")
    assert net_assets_at(store, D(2026, 6, 30)) == 1_010_000_000_00
    history = admin.guarantor_history(store)
    assert [(f.effective_date, f.net_assets) for f in history[:3]] == [
        (D(2026, 12, 1), 1_200_000_000_00), (D(2026, 1, 1), 1_010_000_000_00), (D(2026, 1, 1), 1_000_000_000_00)]
    assert history[0].recorded_by == c.admin.id and history[0].recorded_by_name == c.admin.display_name
    assert store.verify_audit().ok and store.check_rows() == []


def test_a_record_is_audited_with_the_figures_it_supersedes(store, c):
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=900_000_000_00, mainly_small_micro=True,
                                   effective_date=D(2026, 7, 1), note="年中审计")
    entry = store.db.execute("SELECT user_id, action, before_json, after_json FROM audit_log WHERE entity = 'guarantor_figures'"
                             " ORDER BY seq DESC LIMIT 1").fetchone()  # fmt: skip
    assert entry[0] == c.admin.id and entry[1] == "record"
    assert json.loads(entry[2])["net_assets_fen"] == 150_000_000_000
    assert json.loads(entry[3]) == {"effective_date": "2026-07-01", "net_assets_fen": 900_000_000_00,
                                    "mainly_small_micro": True, "note": "年中审计"}


@pytest.mark.parametrize(
    ("kwargs", "field", "key"),
    [
        ({"net_assets_fen": 0}, "guarantor.net_assets_fen", "int_range"),
        ({"net_assets_fen": -5}, "guarantor.net_assets_fen", "int_range"),
        ({"effective_date": D(2026, 12, 21)}, "guarantor.effective_date", "date_in_future"),
        ({"effective_date": None}, "guarantor.effective_date", "required"),
    ],
)
def test_bad_figures_are_refused_naming_the_field(store, c, kwargs, field, key):
    entries = store.audit_head().count
    args = {"net_assets_fen": 1_000_000_00, "mainly_small_micro": False, "effective_date": D(2026, 12, 20), **kwargs}
    with pytest.raises(ValidationError) as err:
        admin.record_guarantor_figures(store, c.admin, **args)
    assert (err.value.field, err.value.key) == (field, key)
    assert store.audit_head().count == entries


def test_the_figures_are_no_longer_settings(store, c):
    for key in ("guarantor.net_assets_fen", "guarantor.mainly_small_micro"):
        with pytest.raises(ValidationError) as err:
            admin.save_settings(store, c.admin, {key: 1}, read=store.repos.settings.all())
        assert err.value.key == "guarantor_figures_dated"
        with pytest.raises(ValueError):
            store.repos.settings.set_many({key: 1}, acting_user_id=None)


def test_limits_use_the_figures_valid_today(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    case = store.repos.cases.get(case_id)
    amount = store.repos.cases.guarantee_amount(case_id)
    # Valid from tomorrow does not exist (no future dates); valid from a past day is today's figure.
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=amount * 5, mainly_small_micro=False,
                                   effective_date=D(2026, 1, 1))
    assert limits.guarantor_net_assets(store) == amount * 5
    refusal = limits.limit_refusal(store, case, amount)
    assert refusal is not None and refusal.key == "limit_exceeded"  # 10 % of 5 × amount is half the amount
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=amount * 20, mainly_small_micro=True,
                                   effective_date=D(2026, 12, 20))
    assert limits.limit_refusal(store, case, amount) is None and limits.mainly_small_micro(store)
    with clock.frozen(D(2026, 12, 19)):  # yesterday the earlier record was in force
        assert limits.guarantor_net_assets(store) == amount * 5
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    for m in c.members:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.decide(store, case_id, c.members[0], meeting_date=D(2026, 12, 20), expected_version=store.repos.cases.get(case_id).version)


def test_migration_carries_the_settings_over_and_seals_the_new_tables(tmp_path):
    path = tmp_path / "v5.sqlite"
    conn = sqlite3.connect(path)
    seals.register(conn)
    db = Database(conn)
    schema.MIGRATIONS.apply(db, stop_before="m006_net_assets_history")
    db.execute("PRAGMA user_version = 5")
    db.execute("INSERT INTO settings (key, value) VALUES ('guarantor.net_assets_fen', '120000000000'),"
               " ('guarantor.mainly_small_micro', 'true')")
    conn.commit()
    conn.close()
    with clock.frozen(D(2026, 12, 20)), open_store(path, create=False) as store:
        history = admin.guarantor_history(store)
        assert [(f.net_assets, f.mainly_small_micro) for f in history] == [(120_000_000_000, True)]
        assert net_assets_at(store, D(2020, 5, 31)) == 120_000_000_000
        assert store.scalar("SELECT COUNT(*) FROM settings WHERE key LIKE 'guarantor.%'") == 0
        assert store.check_rows() == []
    # The new tables carry the seal triggers: an edit outside ipguard is refused.
    with sqlite3.connect(path) as raw:
        with pytest.raises(sqlite3.OperationalError, match="ipguard_touch"):
            raw.execute("UPDATE guarantor_figures SET net_assets_fen = 1")
        with pytest.raises(sqlite3.OperationalError, match="ipguard_touch"):
            raw.execute("INSERT INTO case_amendments (case_id, amended_on, amended_at, reason, from_stage, to_stage, voided_json)"
                        " VALUES (1, '2026-01-01', 'x', 'r', 'committee', 'investigation', '{}')")
