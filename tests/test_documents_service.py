"""Documents issued from real cases: every field from the store, numbering, archive, reprint, reissue, CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import re
import threading

import pytest
from pypdf import PdfReader

from ipguard import catalog, workflow
from ipguard.cli import main as cli_main
from ipguard.demo import names
from ipguard.documents.service import archived, documents_of, issue_document, reissue
from ipguard.errors import WorkflowError
from ipguard.money import format_yuan, uppercase_rmb
from ipguard.store import open_store
from ipguard.workdays import WorkCalendar
from tests import factories
from tests import workflow_helpers as w

LETTER_DAY = dt.date(2026, 11, 11)


def _flat(pdf: bytes) -> str:
    """The PDF's text with whitespace removed (table cells wrap values over lines)."""
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def _assert_all_in(text: str, values) -> None:
    missing = [v for v in values if re.sub(r"\s+", "", str(v)) not in text]
    assert not missing, f"missing from the PDF text: {missing}"


def _amounts(fen: int) -> list[str]:
    return [format_yuan(fen), uppercase_rmb(fen)]


def _cn(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _two_assets(seed: int) -> list[dict]:
    rng = random.Random(seed * 7)
    return [
        {"type": "invention_patent", "number": names.make_patent_number(rng, 2021, "1"), "title": "一种低功耗神经网络加速芯片",
         "filing_date": "2021-03-01", "grant_date": "2023-05-10", "expiry_date": "2041-03-01",
         "used_in_main_products": True, "revenue_supported": "2000000.00"},
        {"type": "utility_model", "number": names.make_patent_number(rng, 2022, "2"), "title": "一种芯片散热封装结构",
         "filing_date": "2022-04-01", "grant_date": "2022-11-10", "expiry_date": "2032-03-31",
         "used_in_main_products": True, "revenue_supported": "800000.00"},
    ]  # fmt: skip


@pytest.fixture
def env(tmp_path):
    store = open_store(tmp_path / "docs.db")
    c = w.cast(store)
    referrer = factories.referrer(store, c.admin.id)
    case_id = w.open_case(store, c, 1, ip_assets=_two_assets(1), referrer_id=referrer.id,
                          recommendation_opinion="企业成长性好，推荐申请。",
                          target_tags=["supply_chain_upstream", "technology_fundamental"])  # fmt: skip
    yield store, c, case_id
    store.close()


def _to_letter(store, c, case_id, conditional: bool = False) -> None:
    w.to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    for i, m in enumerate(c.members):
        if conditional and i == 1:
            workflow.vote(store, case_id, m, "approve_with_conditions", "放款前追加配偶共同担保", expected_version=store.repos.cases.get(case_id).version)
        elif conditional and i == 4:
            workflow.vote(store, case_id, m, "decline", "销贷比偏高", expected_version=store.repos.cases.get(case_id).version)
        else:
            workflow.vote(store, case_id, m, "approve", f"委员{i}同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.decide(store, case_id, c.members[0], meeting_date=dt.date(2026, 11, 10), expected_version=store.repos.cases.get(case_id).version)


# ---------------------------------------------------------------- every field


def test_intent_letter_fields_from_the_case(env):
    store, c, case_id = env
    _to_letter(store, c, case_id)
    letter = workflow.issue_intent_letter(store, case_id, c.a, issue_date=LETTER_DAY, expected_version=store.repos.cases.get(case_id).version)
    issued = issue_document(store, case_id, "intent_letter", c.a)
    assert issued.reprint and issued.doc_no == letter.letter_no == "浦科担函〔2026〕1号"
    text = _flat(issued.pdf)
    case = store.repos.cases.get(case_id)
    company = store.repos.companies.get(case.company_id)
    product = catalog.product_version(store, case.product_code, case.params_version)
    days = product.deadlines.bank_approval_working_days
    deadline = WorkCalendar().add_workdays(LETTER_DAY, days)
    assert deadline == dt.date(2026, 11, 25) == letter.approval_deadline  # 10 working days, no holiday in between
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    assets = store.repos.cases.assets(case_id)
    assert len(assets) == 2
    _assert_all_in(text, [
        letter.letter_no, "上海银行浦东分行", company.name, company.uscc, *_amounts(case.requested_amount), "12个月",
        *_amounts(guarantee), product.guarantee_form, company.controller_name, _cn(deadline), f"{days}个工作日",
        _cn(LETTER_DAY), _cn(LETTER_DAY + dt.timedelta(days=product.deadlines.intent_letter_validity_days)),
        "上海浦江科技融资担保有限公司", "王建国", case.case_no,
        *[a.number for a in assets], *[a.title for a in assets],
    ])  # fmt: skip


def test_disbursement_notice_fields_from_the_case(env):
    store, c, case_id = env
    w.to_in_force(store, case_id, c)
    issued = issue_document(store, case_id, "disbursement_notice", c.ops)
    assert issued.reprint and issued.doc_no == "浦科担放〔2026〕1号"
    text = _flat(issued.pdf)
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    regs = workflow.registrations(store, case_id)
    assert len(regs) == 2 and all(r.registration_no for r in regs)
    _assert_all_in(text, [
        issued.doc_no, "上海银行浦东分行", *_amounts(guarantee), "HT-loan-1", "HT-guarantee-1", "HT-counter_guarantee-1",
        *[r.registration_no for r in regs], *[r.number for r in regs], _cn(dt.date(2026, 11, 20)),
    ])  # fmt: skip


def test_investigation_report_fields_from_the_stored_assessment(env):
    store, c, case_id = env
    w.to_committee(store, case_id, c)
    issued = issue_document(store, case_id, "investigation_report", c.a, issue_date=dt.date(2026, 11, 6))
    assert not issued.reprint and issued.doc_no == "浦科担调〔2026〕1号"
    text = _flat(issued.pdf)
    result = workflow.latest_assessment(store, case_id)
    case = store.repos.cases.get(case_id)
    company = store.repos.companies.get(case.company_id)
    fin = store.repos.cases.financials(case_id)
    binding = [ch for ch in result.amount_chain if ch.binding]
    _assert_all_in(text, [
        issued.doc_no, case.case_no, _cn(dt.date(2026, 11, 6)), company.name, company.uscc, company.industry,
        company.controller_name, company.address, "浦东新区知识产权融资促进会", "企业成长性好，推荐申请。",
        "供应链最上游", "技术链最底层", "上海银行浦东分行",
        format_yuan(fin.annual_sales), format_yuan(fin.net_assets_last_year), format_yuan(fin.net_assets_current),
        format_yuan(fin.existing_bank_loans),
        *[r.label for r in result.rules], "30.00%", "原则上≤40.00%",
        *[a.number for a in result.asset_values], *[format_yuan(a.value) for a in result.asset_values],
        format_yuan(result.recognized_value),
        *[ch.label for ch in result.amount_chain], *[format_yuan(ch.amount) for ch in result.amount_chain if ch.amount],
        "★取值", *_amounts(result.guarantee_amount), *_amounts(result.fee), "年费率1.00%",
        "Am", "Rm", "同意",
    ])  # fmt: skip
    assert len(result.asset_values) == 2 and binding
    assert text.count("符合") >= len(result.rules)


def test_committee_resolution_votes_and_conditions(env):
    store, c, case_id = env
    _to_letter(store, c, case_id, conditional=True)
    issued = issue_document(store, case_id, "committee_resolution", c.members[0])
    decision = store.query("SELECT * FROM committee_decisions WHERE case_id = ?", [case_id])[0]
    assert issued.doc_no == decision["resolution_no"] == "浦科担审〔2026〕1号"
    text = _flat(issued.pdf)
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    _assert_all_in(text, [
        issued.doc_no, _cn(dt.date(2026, 11, 10)), *[m.display_name for m in c.members], "出席会议委员5人",
        "同意3票", "有条件同意1票", "不同意1票", "放款前追加配偶共同担保", "销贷比偏高", "委员0同意",
        "三分之二", "有条件同意为", *_amounts(guarantee), "M0",
    ])  # fmt: skip
    # each member's own vote is on the member's row
    assert re.search(r"M1有条件同意放款前追加配偶共同担保", text)
    assert re.search(r"M4不同意销贷比偏高", text)


# ---------------------------------------------------------------- stage rules


def test_documents_refused_at_the_wrong_stage_name_the_stage(env):
    store, c, case_id = env
    with pytest.raises(WorkflowError, match="案件当前处于“受理”阶段，不能出具调查报告"):
        issue_document(store, case_id, "investigation_report", c.a)
    w.to_committee(store, case_id, c)
    with pytest.raises(WorkflowError) as info:
        issue_document(store, case_id, "intent_letter", c.a)
    assert str(info.value.one_line("zh")) == "案件当前处于“保审会”阶段，不能出具担保意向函"
    with pytest.raises(WorkflowError, match="不能出具保审会决议"):
        issue_document(store, case_id, "committee_resolution", c.a)
    with pytest.raises(WorkflowError, match="不能出具放款通知书"):
        issue_document(store, case_id, "disbursement_notice", c.a)
    assert documents_of(store, case_id) == []


# ---------------------------------------------------------------- numbering, archive


def test_two_letters_issued_concurrently_get_consecutive_numbers(tmp_path):
    path = tmp_path / "two.db"
    with open_store(path) as store:
        c = w.cast(store)
        cases = [w.open_case(store, c, seed) for seed in (11, 12)]
        for case_id in cases:
            _to_letter(store, c, case_id)
    barrier = threading.Barrier(2)
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def issue(case_id: int) -> None:
        try:
            with open_store(path, create=False) as own:  # one connection per thread
                barrier.wait(timeout=10)
                results[case_id] = workflow.issue_intent_letter(own, case_id, c.a, issue_date=LETTER_DAY, expected_version=own.repos.cases.get(case_id).version).letter_no
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=issue, args=(case_id,)) for case_id in cases]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    assert sorted(results.values()) == ["浦科担函〔2026〕1号", "浦科担函〔2026〕2号"]
    with open_store(path, create=False) as store:
        rows = store.query("SELECT case_id, doc_no FROM documents WHERE kind = 'intent_letter' ORDER BY doc_no")
        assert {r["case_id"]: r["doc_no"] for r in rows} == results


def test_reprint_is_byte_identical_to_the_archived_issue(env):
    store, c, case_id = env
    w.to_committee(store, case_id, c)
    first = issue_document(store, case_id, "investigation_report", c.a, issue_date=dt.date(2026, 11, 6))
    # the data changes after the issue: the reprint is still the archived copy, not a new rendering
    store.db.execute("UPDATE companies SET industry = '已改动' WHERE id = (SELECT company_id FROM cases WHERE id = ?)", [case_id])
    again = issue_document(store, case_id, "investigation_report", c.b, issue_date=dt.date(2026, 12, 1))
    row = store.query("SELECT pdf, sha256 FROM documents WHERE doc_no = ?", [first.doc_no])[0]
    assert again.reprint and again.doc_no == first.doc_no
    assert again.pdf == first.pdf == row["pdf"]
    assert hashlib.sha256(again.pdf).hexdigest() == row["sha256"] == again.sha256
    assert store.scalar("SELECT COUNT(*) FROM documents WHERE case_id = ?", [case_id]) == 1
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'document' AND action = 'reprint'") == 1


def test_reissue_gets_a_new_number_and_voids_the_old_one(env):
    store, c, case_id = env
    _to_letter(store, c, case_id)
    old = workflow.issue_intent_letter(store, case_id, c.a, issue_date=LETTER_DAY, expected_version=store.repos.cases.get(case_id).version)
    new_day = dt.date(2026, 11, 13)
    new = reissue(store, case_id, "intent_letter", c.a, "银行支行名称有误", issue_date=new_day)
    assert new.doc_no == "浦科担函〔2026〕2号" and not new.reprint
    docs = documents_of(store, case_id)
    assert [(d.doc_no, d.status) for d in docs] == [(old.letter_no, "void"), (new.doc_no, "issued")]
    assert docs[1].replaces_id == docs[0].id
    assert archived(store, case_id, "intent_letter") == (new.doc_no, new.pdf)
    letters = store.query("SELECT letter_no, status, approval_deadline FROM intent_letters WHERE case_id = ? ORDER BY id", [case_id])
    expected = WorkCalendar().add_workdays(new_day, 10)
    assert letters == [
        {"letter_no": old.letter_no, "status": "void", "approval_deadline": old.approval_deadline.isoformat()},
        {"letter_no": new.doc_no, "status": "issued", "approval_deadline": expected.isoformat()},
    ]
    assert workflow.intent_letter(store, case_id).letter_no == new.doc_no
    _assert_all_in(_flat(new.pdf), [new.doc_no, _cn(expected), _cn(new_day)])
    assert issue_document(store, case_id, "intent_letter", c.a).pdf == new.pdf
    actions = [r["action"] for r in store.query("SELECT action FROM audit_log WHERE entity = 'document' ORDER BY seq")]
    assert actions[-4:] == ["void", "archive", "reissue", "reprint"]
    assert store.verify_audit().ok


def test_reissue_report_and_refusals(env):
    store, c, case_id = env
    with pytest.raises(WorkflowError, match="尚未出具调查报告"):
        reissue(store, case_id, "investigation_report", c.a, "更正")
    w.to_committee(store, case_id, c)
    first = issue_document(store, case_id, "investigation_report", c.a, issue_date=dt.date(2026, 11, 6))
    second = reissue(store, case_id, "investigation_report", c.b, "更正行业", issue_date=dt.date(2026, 11, 7))
    assert (first.doc_no, second.doc_no) == ("浦科担调〔2026〕1号", "浦科担调〔2026〕2号")
    assert {d.doc_no: d.status for d in documents_of(store, case_id)} == {first.doc_no: "void", second.doc_no: "issued"}


# ---------------------------------------------------------------- CLI


def test_cli_refuses_naming_the_stage_and_reprints_identical_bytes(env, tmp_path, capsys, monkeypatch):
    store, c, case_id = env
    monkeypatch.setenv("IPGUARD_PASSWORD", factories.PASSWORD)
    case_no = store.repos.cases.get(case_id).case_no
    db = store.dsn or str(store.path)  # a server: the command connects as --user with his password
    out = tmp_path / "out.pdf"
    assert cli_main(["letter", "report", case_no, "--db", db, "--out", str(out), "--user", "admin"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "“受理”阶段" in err[0] and not out.exists()
    _to_letter(store, c, case_id)
    assert cli_main(["letter", "intent", case_no, "--db", db, "--out", str(out), "--user", "admin"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["ipguard: 案件当前处于“意向函”阶段，不能出具担保意向函"]
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=LETTER_DAY, expected_version=store.repos.cases.get(case_id).version)
    assert cli_main(["letter", "intent", case_no, "--db", db, "--out", str(out), "--user", "admin"]) == 0
    assert out.read_bytes() == archived(store, case_id, "intent_letter")[1]
    assert "重印" in capsys.readouterr().out
    # report and resolution: issued by the CLI (acting as --user), then reprinted byte for byte
    report = tmp_path / "report.pdf"
    assert cli_main(["letter", "report", case_no, "--db", db, "--out", str(report), "--user", "rm"]) == 0
    assert "已出具" in capsys.readouterr().out
    row = store.query("SELECT pdf, created_by FROM documents WHERE kind = 'investigation_report'")[0]
    assert report.read_bytes() == row["pdf"] and row["created_by"] == c.b.id
    report.unlink()
    assert cli_main(["letter", "report", case_no, "--db", db, "--out", str(report), "--user", "admin"]) == 0
    assert report.read_bytes() == row["pdf"]
    resolution = tmp_path / "resolution.pdf"
    assert cli_main(["letter", "resolution", case_no, "--db", db, "--out", str(resolution), "--user", "admin"]) == 0
    assert resolution.read_bytes().startswith(b"%PDF")
    assert cli_main(["letter", "notice", case_no, "--db", db, "--out", str(out), "--user", "admin"]) == 2
    assert "不能出具放款通知书" in capsys.readouterr().err
    assert cli_main(["letter", "intent", "KYD-0000-9999", "--db", db, "--out", str(out), "--user", "admin"]) == 2
    assert cli_main(["letter", "intent", case_no, "--db", db, "--out", str(out), "--user", "ghost"]) == 2
    assert not list(tmp_path.glob(".*.tmp"))


def test_report_shows_a_justified_criterion_and_the_justification(env):
    store, c, _ = env
    case_id = w.open_case(store, c, 5, requested_amount="1800000.00")  # (0.5 + 1.8) / 5 = 46% > 40%
    w.receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.justify(store, case_id, "在手订单充足，超标系阶段性备货所致。", c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", c.a, opinion="建议上会", expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    text = _flat(issue_document(store, case_id, "investigation_report", c.a, issue_date=dt.date(2026, 11, 6)).pdf)
    result = workflow.latest_assessment(store, case_id)
    assert result.rule("loan_to_sales").outcome == "justify"
    _assert_all_in(text, ["46.00%", "超标已说明", "风控经理书面说明：在手订单充足，超标系阶段性备货所致。",
                          *_amounts(result.guarantee_amount)])  # fmt: skip
    binding = [ch for ch in result.amount_chain if ch.binding]
    assert binding and all(format_yuan(ch.amount) in text for ch in binding)
