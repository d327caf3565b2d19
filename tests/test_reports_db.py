"""The monthly report from a real database: queries, reconciliation with SQL, the CLI.

The portfolio is built through the workflow API (cases walked from intake to
in force, released, compensated with recoveries, declined); the workbook is
read back with openpyxl and every summary figure is checked three ways: the
summary cell, the sum of the detail rows, and an independent SQL sum.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pytest

from ipguard import clock, workflow
from ipguard.cli import main
from ipguard.errors import StoreError, ValidationError
from ipguard.reports import queries
from ipguard.reports.service import export_cases, monthly_report, parse_month
from ipguard.store import open_store
from ipguard.store.records import CaseFilter
from ipguard.workflow.closing import STANDARD_CHECKS
from tests import factories
from tests.workflow_helpers import cast, open_case, receive_all, to_committee

D = dt.date
SHEETS = ["概要", "监管报表", "风险与集中度", "在保明细", "本月新增", "本月解保", "代偿及追偿", "追偿台账", "按银行", "按行业",
          "按知识产权类型", "按客户经理", "流程时效"]
TODAY = D(2026, 12, 5)


def walk(store, c, seed, *, applied, decided, start, maturity, **overrides) -> int:
    """A case from intake to in force on the given dates (committee, letter, bank, contracts, pledge, loan)."""
    case_id = open_case(store, c, seed, application_date=applied.isoformat(),
                        **{"company.name": f"上海测试{seed}号科技有限公司", **overrides})  # fmt: skip
    to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    for m in c.members:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.decide(store, case_id, c.members[0], meeting_date=decided, expected_version=store.repos.cases.get(case_id).version)
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=decided + dt.timedelta(days=1), expected_version=store.repos.cases.get(case_id).version)
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=str(guarantee // 100),
                                  interest_rate="3.45%", decided_on=decided + dt.timedelta(days=3), expected_version=store.repos.cases.get(case_id).version)  # fmt: skip
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}-{seed}",
                                 signed_on=decided + dt.timedelta(days=4), expected_version=store.repos.cases.get(case_id).version)  # fmt: skip
    workflow.complete_contracts(store, case_id, c.ops, on=decided + dt.timedelta(days=4), expected_version=store.repos.cases.get(case_id).version)
    for asset in store.repos.cases.assets(case_id):
        workflow.record_registration(store, case_id, asset.id, c.ops, submitted_on=decided + dt.timedelta(days=4),
                                     registration_no=f"Y2026990{asset.id:05d}", registered_on=start - dt.timedelta(days=2),
                                     certificate_received=True, expected_version=store.repos.cases.get(case_id).version)  # fmt: skip
    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, case_id, code, c.ops, expected_version=store.repos.cases.get(case_id).version)
    workflow.issue_disbursement_notice(store, case_id, c.a, issue_date=start - dt.timedelta(days=1), expected_version=store.repos.cases.get(case_id).version)
    workflow.record_disbursement(store, case_id, c.ops, loan_amount=str(guarantee // 100), start_date=start.isoformat(),
                                 maturity_date=maturity.isoformat(), loan_contract_no=f"JK-{seed}", expected_version=store.repos.cases.get(case_id).version)  # fmt: skip
    return case_id


TRADEMARK = {"type": "trademark", "number": "31234567", "title": "芯微", "nice_class": 9, "filing_date": "2018-03-01",
             "grant_date": "2019-05-10", "expiry_date": "2029-05-09", "used_in_main_products": True,
             "revenue_supported": "500000.00"}  # fmt: skip


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    """A database whose November 2026 has every kind of event; returns (path, case ids by letter)."""
    path = tmp_path_factory.mktemp("reports") / "p.sqlite"
    # Business dates run up to today: the portfolio is built as of the report's day.
    with clock.frozen(dt.datetime.combine(TODAY, dt.time(10))):
        return _build_portfolio(path)


def _build_portfolio(path):
    store = open_store(path)
    c = cast(store)
    ids: dict[str, int] = {}
    # A: in force since October, patent + trademark.
    ids["A"] = walk(store, c, 11, applied=D(2026, 10, 8), decided=D(2026, 10, 20), start=D(2026, 10, 28),
                    maturity=D(2027, 10, 27), ip_assets=[*factories.applicant(11)["ip_assets"], TRADEMARK])  # fmt: skip
    # B: new in November, 21 days from application (promise met), not a small/micro firm.
    ids["B"] = walk(store, c, 12, applied=D(2026, 11, 2), decided=D(2026, 11, 10), start=D(2026, 11, 23),
                    maturity=D(2027, 11, 22))  # fmt: skip
    # H: new in November, 38 days (promise missed).
    ids["H"] = walk(store, c, 18, applied=D(2026, 10, 20), decided=D(2026, 11, 12), start=D(2026, 11, 27),
                    maturity=D(2027, 5, 26))  # fmt: skip
    # C: released early in November.
    ids["C"] = walk(store, c, 13, applied=D(2026, 9, 1), decided=D(2026, 9, 10), start=D(2026, 9, 25),
                    maturity=D(2027, 9, 24))  # fmt: skip
    for asset in store.repos.cases.assets(ids["C"]):
        workflow.record_deregistration(store, ids["C"], asset.id, c.ops, deregistered_on="2026-11-16", reference="ZX1", expected_version=store.repos.cases.get(ids["C"]).version)
    workflow.release(store, ids["C"], c.ops, repaid_on="2026-11-16", expected_version=store.repos.cases.get(ids["C"]).version)
    # D: defaulted and compensated in November, two recoveries (one in December, after the month).
    ids["D"] = walk(store, c, 14, applied=D(2026, 8, 3), decided=D(2026, 8, 12), start=D(2026, 8, 28),
                    maturity=D(2027, 8, 27))  # fmt: skip
    workflow.record_default(store, ids["D"], c.ops, on="2026-11-03", expected_version=store.repos.cases.get(ids["D"]).version)
    workflow.record_compensation(store, ids["D"], c.ops, amount="800000.01", paid_on="2026-11-12", expected_version=store.repos.cases.get(ids["D"]).version)
    workflow.record_recovery(store, ids["D"], c.ops, amount="300000.00", on="2026-11-20", source="cash", expected_version=store.repos.cases.get(ids["D"]).version)
    workflow.record_recovery(store, ids["D"], c.ops, amount="100000.00", on="2026-12-02", source="cash", expected_version=store.repos.cases.get(ids["D"]).version)
    # G: defaulted in November, not compensated yet: still a liability.
    ids["G"] = walk(store, c, 17, applied=D(2026, 9, 10), decided=D(2026, 9, 20), start=D(2026, 10, 10),
                    maturity=D(2027, 4, 9))  # fmt: skip
    workflow.record_default(store, ids["G"], c.ops, on="2026-11-20", expected_version=store.repos.cases.get(ids["G"]).version)
    # E: screened out in November. F: declined by the committee in November.
    ids["E"] = open_case(store, c, 15, application_date="2026-11-05", **{"company.annual_sales": "2000000.00"})
    receive_all(store, ids["E"], c)
    workflow.submit_for_screening(store, ids["E"], c.a, on=D(2026, 11, 5), expected_version=store.repos.cases.get(ids["E"]).version)
    workflow.decline(store, ids["E"], c.b, "年销售额未达准入标准", on=D(2026, 11, 6), expected_version=store.repos.cases.get(ids["E"]).version)
    ids["F"] = open_case(store, c, 16, application_date="2026-11-04")
    to_committee(store, ids["F"], c)
    workflow.record_attendance(store, ids["F"], [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(ids["F"]).version)
    for i, m in enumerate(c.members):
        workflow.vote(store, ids["F"], m, "approve" if i < 3 else "decline", expected_version=store.repos.cases.get(ids["F"]).version)
    workflow.decide(store, ids["F"], c.members[0], meeting_date=D(2026, 11, 18), expected_version=store.repos.cases.get(ids["F"]).version)
    # B's company is not a small/micro firm (no workflow action sets this; the admin would).
    with store.transaction():
        store.db.execute("UPDATE companies SET small_micro = 0 WHERE id = (SELECT company_id FROM cases WHERE id = ?)", [ids["B"]])
    store.close()
    return path, ids


def write(path, month, tmp_path, **kw):
    out = tmp_path / f"{month}.xlsx"
    result = monthly_report(path, month, out, today=TODAY, **kw)
    parts_parse(out)
    return result, openpyxl.load_workbook(out, data_only=True)


def parts_parse(path) -> None:
    """Every XML part of the workbook parses (a reader drops a sheet whose XML does not)."""
    import zipfile
    from xml.dom import minidom

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                minidom.parseString(z.read(name))


def table(ws, header_row=3):
    """Header and data rows of a detail sheet (rows up to the 合计 row)."""
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    header, body = rows[0], []
    for r in rows[1:]:
        if r[0] in ("合计", "合计（筛选后）") or r[0] is None:
            break
        body.append(r)
    return header, body


def summary_line(ws, label):
    for row in ws.iter_rows(values_only=True):
        if row[0] == label:
            return row
    raise AssertionError(f"no summary line {label}")


def yuan(fen) -> Decimal:
    return Decimal(fen) / 100


def sql(path, query, params=()):
    with open_store(path, create=False) as store:
        return store.db.execute(query, params).fetchone()[0]


# -- the month with everything -------------------------------------------------------------------


def reconcile(path, month: str, wb, result) -> None:
    """Every summary total = the sum of its detail rows = an independent SQL sum."""
    first, last = queries.month_bounds(dt.date.fromisoformat(f"{month}-01"))
    end = last.isoformat()
    summary = wb["概要"]
    in_force_sql = (
        "FROM loans l WHERE l.start_date <= ? AND (l.repaid_on IS NULL OR l.repaid_on > ?)"
        " AND l.case_id NOT IN (SELECT case_id FROM compensations WHERE paid_on <= ?)"
    )
    balance = sql(path, f"SELECT COALESCE(SUM(l.loan_amount_fen), 0) {in_force_sql}", (end, end, end))
    count = sql(path, f"SELECT COUNT(*) {in_force_sql}", (end, end, end))
    assert (count, balance) == (result.in_force_count, result.in_force_balance)

    _, rows = table(wb["在保明细"])
    assert len(rows) == count
    amount_col, retained_col, liability_col = 7, 15, 16
    assert sum((Decimal(str(r[amount_col])) for r in rows), Decimal(0)) == yuan(balance)
    line = summary_line(summary, "在保余额")
    assert line[1] == count and Decimal(str(line[2])) == yuan(balance)
    retained = Decimal(str(summary_line(summary, "自留风险余额")[2]))
    liability = Decimal(str(summary_line(summary, "融资担保责任余额")[2]))
    assert retained == sum((Decimal(str(r[retained_col])) for r in rows), Decimal(0)) == yuan(result.retained_exposure)
    assert liability == sum((Decimal(str(r[liability_col])) for r in rows), Decimal(0)) == yuan(result.liability_balance)
    for sheet in ("按银行", "按行业", "按客户经理"):
        _, groups = table(wb[sheet])
        assert sum(g[1] for g in groups) == count, sheet
        assert sum((Decimal(str(g[2])) for g in groups), Decimal(0)) == yuan(balance), sheet

    between = (first.isoformat(), end)
    for label, sheet, q in [
        ("放款（本月新增在保）", "本月新增", "SELECT COUNT(*), COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE start_date BETWEEN ? AND ?"),
        ("解保", "本月解保", "SELECT COUNT(*), COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE repaid_on BETWEEN ? AND ?"),
        ("代偿", "代偿及追偿", "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM compensations WHERE paid_on BETWEEN ? AND ?"),
    ]:
        with open_store(path, create=False) as store:
            n, fen = store.db.execute(q, between).fetchone()
        _, body = table(wb[sheet])
        line = summary_line(summary, label)
        assert line[1] == n == len(body), label
        assert Decimal(str(line[2])) == yuan(fen) == sum((Decimal(str(r[4])) for r in body), Decimal(0)), label
    recovered = sql(path, "SELECT COALESCE(SUM(amount_fen), 0) FROM recoveries WHERE on_date BETWEEN ? AND ?", between)
    assert Decimal(str(summary_line(summary, "追偿回收")[2])) == yuan(recovered)
    applications = sql(path, "SELECT COUNT(*) FROM cases WHERE application_date BETWEEN ? AND ?", between)
    assert summary_line(summary, "受理申请")[1] == applications
    _, turn = table(wb["流程时效"])
    assert len(turn) == summary_line(summary, "放款（本月新增在保）")[1] == summary_line(summary, "本月放款件数")[1]


def test_november_workbook_reconciles_with_its_rows_and_with_sql(portfolio, tmp_path):
    path, _ = portfolio
    result, wb = write(path, "2026-11", tmp_path)
    assert wb.sheetnames == SHEETS
    summary = wb["概要"]
    assert summary["A1"].value.endswith("2026年11月 月度业务报表 · 概要")
    # In force at 2026-11-30: A, B, G (defaulted, not compensated), H. Not C (released), not D (compensated).
    assert result.in_force_count == 4
    reconcile(path, "2026-11", wb, result)
    header, _ = table(wb["在保明细"])
    assert header[:8] == ("案件编号", "企业名称", "统一社会信用代码", "贷款银行", "客户经理", "所属行业", "质押知识产权类型", "担保金额（元）")

    # Types: numbers are numbers, dates are dates, shares are percentages.
    ws = wb["在保明细"]
    first = [ws.cell(row=4, column=i + 1) for i in range(17)]
    assert isinstance(first[7].value, int | float) and first[7].number_format == "#,##0.00"
    assert isinstance(first[9].value, dt.datetime) and isinstance(first[10].value, dt.datetime)
    assert isinstance(first[12].value, int)
    assert "%" in first[13].number_format
    new_dates = [r[5] for r in table(wb["本月新增"])[1]]
    assert len(new_dates) == 2 and new_dates == sorted(new_dates) and all(isinstance(d, dt.datetime) for d in new_dates)
    assert len(table(wb["本月解保"])[1]) == 1 and len(table(wb["代偿及追偿"])[1]) == 1

    # The rest of the month's business.
    assert summary_line(summary, "受理申请")[1] == 3  # B, E, F
    assert summary_line(summary, "准入未通过")[1] == 1  # E
    assert summary_line(summary, "保审会通过")[1] == 2  # B, H
    assert summary_line(summary, "保审会否决")[1] == 1  # F
    assert summary_line(summary, "出具担保意向函")[1] == 2  # B, H
    assert Decimal(str(summary_line(summary, "追偿回收")[2])) == Decimal("300000")  # not December's 100,000


def test_in_force_rows_apply_sharing_and_regulatory_weights(portfolio, tmp_path):
    path, ids = portfolio
    _, wb = write(path, "2026-11", tmp_path)
    _, rows = table(wb["在保明细"])
    with open_store(path, create=False) as store:
        case_no = {k: store.repos.cases.get(v).case_no for k, v in ids.items()}
        bank = store.query("SELECT bank_share_bp, reguarantor_share_bp FROM banks")[0]
    by_no = {r[0]: r for r in rows}
    assert set(by_no) == {case_no[k] for k in "ABGH"}
    a, b = by_no[case_no["A"]], by_no[case_no["B"]]
    assert a[6] == "发明专利、注册商标"
    assert Decimal(str(a[13])) == Decimal(bank["bank_share_bp"]) / 10000
    assert Decimal(str(a[14])) == Decimal(bank["reguarantor_share_bp"]) / 10000
    expected_retained = Decimal(str(a[7])) * (1 - Decimal(str(a[13]))) * (1 - Decimal(str(a[14])))
    assert Decimal(str(a[15])) == expected_retained.quantize(Decimal("0.01"))
    assert Decimal(str(a[16])) == (Decimal(str(a[15])) * Decimal("0.75")).quantize(Decimal("0.01"))  # small/micro ≤ 5m
    assert Decimal(str(b[16])) == Decimal(str(b[15]))  # not small/micro: 100%
    assert a[12] == (a[10].date() - D(2026, 11, 30)).days
    # The turnaround sheet: B met the promise in 21 days, H did not in 38.
    _, turn = table(wb["流程时效"])
    t = {r[0]: r for r in turn}
    assert t[case_no["B"]][4] == 21 and t[case_no["B"]][6] == "是"
    assert t[case_no["H"]][4] == 38 and t[case_no["H"]][6] == "否"
    assert 0 < t[case_no["B"]][5] < 21
    # Compensation: the split adds up, recovered to date stops at month end.
    _, comp = table(wb["代偿及追偿"])
    (d,) = comp
    assert d[0] == case_no["D"] and isinstance(d[3], dt.datetime)
    assert Decimal(str(d[5])) + Decimal(str(d[6])) + Decimal(str(d[7])) == Decimal(str(d[4])) == Decimal("800000.01")
    assert Decimal(str(d[8])) == Decimal("300000") and d[9] == "追偿中"


def test_weight_is_standard_when_a_small_firms_total_balance_exceeds_the_cap(portfolio):
    regulation = queries.load_regulation()
    path, _ = portfolio
    with open_store(path, create=False) as store:
        rec = next(iter(store.repos.reporting.in_force(D(2026, 11, 30))))
    from dataclasses import replace

    assert queries.liability_weight(replace(rec, small_micro=True, company_balance=regulation.small_micro_balance_cap),
                                    regulation) == Decimal("0.75")  # fmt: skip
    assert queries.liability_weight(replace(rec, small_micro=True, company_balance=regulation.small_micro_balance_cap + 1),
                                    regulation) == Decimal("1.00")  # fmt: skip
    assert queries.retained_balance(100_000_001, 2000, 3000) == 100_000_001 - 20_000_000 - 24_000_000


def test_a_month_without_activity_has_headers_and_zeros(portfolio, tmp_path):
    path, _ = portfolio
    result, wb = write(path, "2026-01", tmp_path)
    assert wb.sheetnames == SHEETS
    assert result.in_force_count == 0 and result.in_force_balance == 0
    for name in ("在保明细", "本月新增", "本月解保", "代偿及追偿", "流程时效"):
        header, body = table(wb[name])
        assert header[0] == "案件编号" and body == [], name
    assert summary_line(wb["概要"], "受理申请")[1] == 0
    assert summary_line(wb["概要"], "在保余额")[1] == 0


def test_the_audit_head_is_printed_in_the_summary(portfolio, tmp_path):
    path, _ = portfolio
    result, wb = write(path, "2026-11", tmp_path)
    with open_store(path, create=False) as store:
        head = store.audit_head()
    assert (result.audit_head_hash, result.audit_count) == (head.hash, head.count)
    rows = list(wb["概要"].iter_rows(values_only=True))
    label = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("审计链头哈希"))
    assert rows[label + 1][0] == head.hash  # whole, on its own row
    assert summary_line(wb["概要"], "审计记录条数")[1] == head.count


# -- validation --------------------------------------------------------------------------------------


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "26-11", "2026/11", "", "2026-11-01", "abcd-ef"])
def test_parse_month_refuses_the_wrong_form(month):
    with pytest.raises(ValidationError) as err:
        parse_month(month, TODAY)
    assert err.value.field == "month" and "2026-11" in err.value.message()


def test_parse_month_refuses_a_future_month_but_takes_the_current_one():
    assert parse_month("2026-12", TODAY) == D(2026, 12, 1)
    with pytest.raises(ValidationError) as err:
        parse_month("2027-01", TODAY)
    assert "尚未开始" in err.value.message()


def test_a_missing_database_raises_store_error_and_creates_nothing(tmp_path):
    with pytest.raises(StoreError):
        monthly_report(tmp_path / "none.sqlite", "2026-11", tmp_path / "r.xlsx", today=TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# -- the command line ----------------------------------------------------------------------------------


def test_cli_writes_the_workbook_and_prints_one_line(portfolio, tmp_path, capsys):
    path, _ = portfolio
    out = tmp_path / "m.xlsx"
    with clock.frozen(TODAY):
        assert main(["report", "monthly", "--db", str(path), "--month", "2026-11", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and str(out) in lines[0] and "月末在保 4 笔" in lines[0]
    # On 2026-11-20 (the tests' clock) November is still running: a provisional report as of that day.
    assert main(["report", "monthly", "--db", str(path), "--month", "2026-11", "--out", str(out)]) == 0
    assert "临时报表，截至 2026-11-20 在保" in capsys.readouterr().out
    with open_store(path, create=False) as store:
        assert store.audit_head().hash in lines[0]
    assert openpyxl.load_workbook(out).sheetnames == SHEETS


@pytest.mark.parametrize(
    ("month", "db", "fragment"),
    [("2026/11", "ok", "报表月份"), ("2999-01", "ok", "尚未开始"), ("2026-11", "missing", "不存在")],
)
def test_cli_bad_input_exits_2_with_one_line_and_no_file(portfolio, tmp_path, capsys, month, db, fragment):
    path, _ = portfolio
    out = tmp_path / "out" / "m.xlsx"
    out.parent.mkdir()
    db_path = path if db == "ok" else tmp_path / "missing.sqlite"
    assert main(["report", "monthly", "--db", str(db_path), "--month", month, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and fragment in err
    assert list(out.parent.iterdir()) == []
    assert not (tmp_path / "missing.sqlite").exists()


def test_cli_runs_as_a_process(portfolio, tmp_path):
    path, _ = portfolio
    proc = subprocess.run([sys.executable, "-m", "ipguard", "report", "monthly", "--db", str(path), "--month", "2026-13",
                           "--out", str(tmp_path / "x.xlsx")], capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()


# -- case-list export -----------------------------------------------------------------------------------


def test_export_cases_maps_the_filtered_list(portfolio, tmp_path):
    path, ids = portfolio
    from ipguard.domain import Stage

    out = tmp_path / "cases.xlsx"
    with open_store(path, create=False) as store:
        n = export_cases(store, CaseFilter(stages=(Stage.IN_FORCE, Stage.DEFAULTED), sort_key="case_no", descending=False), out)
        expected = store.scalar("SELECT COUNT(*) FROM cases WHERE stage IN ('in_force', 'defaulted')")
        a_no = store.repos.cases.get(ids["A"]).case_no
    assert n == expected == 4
    ws = openpyxl.load_workbook(out, data_only=True)["案件列表"]
    assert "阶段：在保、逾期" in ws["A2"].value
    header, rows = table(ws)
    assert header[0] == "案件编号" and len(rows) == 4
    a = next(r for r in rows if r[0] == a_no)
    assert a[11] == "发明专利、注册商标" and a[12] == "集成电路"
    assert isinstance(a[8], dt.datetime) and isinstance(a[9], dt.datetime) and isinstance(a[13], dt.datetime)


def test_export_cases_of_given_ids_keeps_their_order_and_the_disbursement_dates(portfolio, tmp_path):
    # The desktop list exports its own order (pinyin sort, a selection): the rows come as given.
    path, ids = portfolio
    out = tmp_path / "chosen.xlsx"
    chosen = [ids["A"], ids["B"]][::-1]
    with open_store(path, create=False) as store:
        n = export_cases(store, CaseFilter(), out, case_ids=chosen)
        numbers = [store.repos.cases.get(i).case_no for i in chosen]
    assert n == 2
    _header, rows = table(openpyxl.load_workbook(out, data_only=True)["案件列表"])
    assert [r[0] for r in rows] == numbers
    assert all(isinstance(r[9], dt.datetime) and isinstance(r[10], dt.datetime) for r in rows)  # 放款日, 到期日


# -- the demo database -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_database_reconciles_for_the_current_and_previous_month(tmp_path):
    from ipguard.demo.build import build_demo

    path = build_demo(tmp_path / "d.sqlite", seed=2026)
    from ipguard import clock

    today = clock.today()
    previous = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    for month in (today.strftime("%Y-%m"), previous):
        out = tmp_path / f"{month}.xlsx"
        result = monthly_report(path, month, out, today=today)
        parts_parse(out)
        wb = openpyxl.load_workbook(out, data_only=True)
        assert wb.sheetnames == SHEETS
        reconcile(path, month, wb, result)
    assert result.in_force_count > 0  # the demo has a portfolio to reconcile


def test_a_cancelled_report_leaves_no_file(portfolio, tmp_path):
    from ipguard.reports.xlsx import ReportCancelled

    path, _ = portfolio
    out = tmp_path / "c.xlsx"
    with pytest.raises(ReportCancelled):
        monthly_report(path, "2026-11", out, today=TODAY, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_the_total_multiple_limit_follows_the_guarantors_small_micro_setting(portfolio, tmp_path):
    import shutil

    path, _ = portfolio
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    label = "融资担保放大倍数（责任余额÷净资产）"
    _, wb = write(copy, "2026-11", tmp_path)
    assert summary_line(wb["概要"], label)[2] == 10  # the default limit
    with open_store(copy, create=False) as store:
        # Recorded as valid from November: the month's end sees it.
        store.repos.guarantor.record(dt.date(2026, 11, 1), store.repos.guarantor.at(dt.date(2026, 11, 1)).net_assets, True, "",
                                     acting_user_id=None)  # fmt: skip
    _, wb = write(copy, "2026-11", tmp_path)
    assert summary_line(wb["概要"], label)[2] == 15  # a guarantor mainly serving small and micro firms
    with open_store(copy, create=False) as store:
        store.repos.guarantor.record(dt.date(2026, 11, 2), 100_000_00, False, "", acting_user_id=None)
    _, wb = write(copy, "2026-11", tmp_path)
    line = summary_line(wb["概要"], label)
    assert line[2] == 10 and line[3] == "超限"  # a tiny net asset figure breaches the limit, in words
