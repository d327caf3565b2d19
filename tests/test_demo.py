"""The demo database: realistic, valid, many stages, deterministic."""

from __future__ import annotations

import sqlite3

import pytest

from ipguard.cli import main
from ipguard.store import open_store
from ipguard.validators import check_ip_number, check_uscc


@pytest.mark.slow
def test_demo_command_writes_a_wal_database_with_cases_in_many_stages(tmp_path, capsys):
    path = tmp_path / "d.sqlite"
    assert main(["demo", "--db", str(path), "--lang", "en"]) == 0
    assert "cases" in capsys.readouterr().out
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    stages = dict(conn.execute("SELECT stage, COUNT(*) FROM cases GROUP BY stage").fetchall())
    assert sum(stages.values()) >= 30
    assert len(stages) >= 10
    assert {"declined", "released", "defaulted"} <= set(stages)
    for (uscc,) in conn.execute("SELECT uscc FROM companies"):
        check_uscc(uscc)
    for ip_type, number in conn.execute("SELECT ip_type, number FROM ip_assets"):
        assert check_ip_number(ip_type, number) == number
    roles = {r for (r,) in conn.execute("SELECT DISTINCT role FROM user_roles")}
    assert roles == {"account_manager", "risk_manager", "committee_member", "operations", "admin"}
    conn.close()
    with open_store(path, create=False) as store:
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.verify_audit().ok


@pytest.mark.slow
def test_demo_is_deterministic_for_a_seed(tmp_path):
    def snapshot(path):
        main(["demo", "--db", str(path), "--seed", "7"])
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT case_no, stage, requested_amount_fen FROM cases ORDER BY id").fetchall()
        rows += conn.execute("SELECT name, uscc FROM companies ORDER BY id").fetchall()
        conn.close()
        return rows

    assert snapshot(tmp_path / "a.sqlite") == snapshot(tmp_path / "b.sqlite")


def test_bad_arguments_exit_2_with_one_line(capsys):
    import pytest

    assert main(["demo"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--db" in err[0]
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--db", "x.sqlite", "--seed", "many"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--seed" in err[0] and "无效的值" in err[0]


def test_demo_applicants_pass_the_criteria_for_any_seed_and_date():
    import datetime as dt
    import random

    from ipguard.demo.build import applicant_data
    from ipguard.products import load_product
    from ipguard.rules.assess import Applicant, assess

    product = load_product()
    for seed in range(120):
        rng = random.Random(seed)
        for day in (dt.date(2026, 11, 2), dt.date(2024, 2, 29)):
            result = assess(Applicant.from_json(applicant_data(rng, day)), product)
            assert result.eligible and result.guarantee_amount > 0, (seed, day, [r.explain() for r in result.rules])

