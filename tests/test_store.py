"""The store: pragmas, refusal of unsafe or newer files, atomic intake."""

from __future__ import annotations

import sqlite3

import pytest

from ipguard import intake
from ipguard.domain import Role, Stage
from ipguard.errors import ConflictError, StoreError, ValidationError
from ipguard.store import open_store
from ipguard.store.connection import network_filesystem
from tests import factories


@pytest.fixture
def manager(store):
    return factories.user(store, "zhang", Role.ACCOUNT_MANAGER)


@pytest.mark.sqlite_only
def test_every_connection_is_wal_with_foreign_keys(store):
    db = store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        db.execute("INSERT INTO controllers (company_id, name, resident_id) VALUES (999, 'x', 'y')")


def test_a_newer_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "new.sqlite"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.key == "db_newer"
    assert "较新版本" in err.value.message()
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.key == "db_not_ipguard_kind" and "不是 SQLite 数据库文件" in err.value.message()
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_network_paths_are_recognised_and_refused():
    assert network_filesystem(__import__("pathlib").Path("//fileserver/share/ipguard.sqlite")) == "UNC"
    with pytest.raises(StoreError) as err:
        open_store("//fileserver/share/ipguard.sqlite")
    assert err.value.key == "db_network_path"
    assert "本机磁盘" in err.value.message()


def test_open_case_creates_everything_with_a_readable_number(store, manager):
    case = intake.open_case(store, intake.parse_intake(factories.applicant()), manager)
    assert case.case_no == "KYD-2026-0001"
    assert case.stage is Stage.INTAKE
    assert case.requested_amount == 100_000_000
    assert store.repos.cases.financials(case.id).annual_sales == 500_000_000
    assert [a.number for a in store.repos.cases.assets(case.id)]
    checklist = store.repos.cases.checklist(case.id)
    assert len(checklist) >= 5 and all(item.status == "pending" for item in checklist)
    second = intake.open_case(store, intake.parse_intake(factories.applicant(seed=2)), manager)
    assert second.case_no == "KYD-2026-0002"
    assert store.verify_audit().ok


def test_a_failing_write_leaves_nothing_behind(store, manager):
    other = factories.applicant(seed=3)
    intake.open_case(store, intake.parse_intake(other), manager)
    # Second applicant pledges a patent already recorded under the first company:
    # the failure comes after company, case and financials were written.
    data = factories.applicant(seed=4)
    data["ip_assets"].append(dict(other["ip_assets"][0]))
    counts = {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("companies", "cases", "financials", "ip_assets", "audit_log")}
    seq = store.scalar("SELECT value FROM sequences")
    with pytest.raises(ValidationError) as err:
        intake.open_case(store, intake.parse_intake(data), manager)
    assert err.value.field == "ip_assets[1].number"
    assert {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in counts} == counts
    assert store.scalar("SELECT value FROM sequences") == seq


def test_only_account_managers_open_cases(store):
    clerk = factories.user(store, "ops", Role.OPERATIONS)
    from ipguard.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        intake.open_case(store, intake.parse_intake(factories.applicant()), clerk)
    assert store.scalar("SELECT COUNT(*) FROM cases") == 0


def test_a_stale_save_is_refused(tmp_path):
    path = tmp_path / "shared.sqlite"
    first = open_store(path)
    manager = factories.user(first, "zhang", Role.ACCOUNT_MANAGER)
    case = intake.open_case(first, intake.parse_intake(factories.applicant()), manager)
    second = open_store(path)
    seen_by_second = second.repos.cases.get(case.id).version
    intake.set_checklist_item(first, case.id, "recommendation", "received", manager, expected_version=case.version,
                              paper_original=True)
    with pytest.raises(ConflictError) as err:
        intake.set_checklist_item(second, case.id, "recommendation", "missing", manager, expected_version=seen_by_second)
    assert "其他人修改" in err.value.message()
    item = next(i for i in first.repos.cases.checklist(case.id) if i.code == "recommendation")
    assert item.status == "received"
    first.close()
    second.close()


def test_search_finds_by_name_code_case_number_and_asset(store, manager):
    from ipguard.store.records import CaseFilter

    data = factories.applicant()
    case = intake.open_case(store, intake.parse_intake(data), manager)
    asset_number = store.repos.cases.assets(case.id)[0].number
    for text in ("芯微", data["company"]["uscc"][:10], case.case_no, asset_number[2:10]):
        rows = store.repos.cases.page(CaseFilter(text=text))
        assert [r.case_no for r in rows] == [case.case_no], text
    assert store.repos.cases.count(CaseFilter(text="不存在的公司")) == 0
    assert store.repos.cases.count(CaseFilter(stages=(Stage.INTAKE,))) == 1


def test_search_index_follows_every_change(store, manager):
    from dataclasses import replace

    from ipguard.domain import Company, IpAsset
    from ipguard.store.records import CaseFilter

    data = factories.applicant()
    case = intake.open_case(store, intake.parse_intake(data), manager)
    assert store.repos.cases.count(CaseFilter(text="张江芯微")) == 1  # trigram index
    assert store.repos.cases.count(CaseFilter(text="芯微")) == 1  # two characters: LIKE fallback
    company = Company.from_input(data["company"])
    store.repos.companies.upsert(replace(company, name="上海临港星海光电科技有限公司"), acting_user_id=manager.id)
    assert store.repos.cases.count(CaseFilter(text="张江芯微")) == 0
    assert store.repos.cases.count(CaseFilter(text="星海光电")) == 1
    extra = IpAsset.from_input({"type": "trademark", "number": "58812345", "nice_class": 9})
    intake.add_asset(store, case.id, extra, manager, expected_version=store.repos.cases.get(case.id).version)
    assert store.repos.cases.count(CaseFilter(text="8812345")) == 1
    asset_id = store.repos.companies.find_asset("trademark", "58812345").id
    intake.remove_asset(store, case.id, asset_id, manager, expected_version=store.repos.cases.get(case.id).version)
    assert store.repos.cases.count(CaseFilter(text="8812345")) == 0
    assert store.repos.cases.count(CaseFilter(text='"; DROP TABLE cases; --')) == 0


def test_bulk_generated_cases_are_searchable_and_later_edits_still_indexed(store, manager):
    from ipguard.demo.synthetic import generate_cases
    from ipguard.store.records import CaseFilter

    generate_cases(store, 50, seed=11)
    case = store.repos.cases.page(CaseFilter(), 0, 1)[0]
    assert store.repos.cases.count(CaseFilter(text=case.case_no)) == 1
    assert store.repos.cases.count(CaseFilter(text=case.uscc[4:12])) >= 1
    # The triggers are back after the bulk insert: a new intake is indexed too.
    new = intake.open_case(store, intake.parse_intake(factories.applicant(seed=12)), manager)
    assert store.repos.cases.count(CaseFilter(text=new.case_no)) == 1
