"""Issue 19 item 3: a rule result is data, worded in the reader's language; old prose stays readable."""

from __future__ import annotations

import ast
import json
import re
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ipguard.products import load_product
from ipguard.rules.assess import Applicant, Assessment, assess
from ipguard.rules.explain import LEGACY, explain, legacy
from ipguard.store import open_store, seals
from ipguard.store.schema import MIGRATIONS, known_names
from ipguard.workflow import latest_assessment
from tests._assess_data import applicant, asset

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile("[\u4e00-\u9fff]")
OLD = json.loads((Path(__file__).with_name("assessment_prose_m007.json")).read_text(encoding="utf-8"))


def _stored(data: dict) -> Assessment:
    """An assessment as kept with a case: through JSON text and back."""
    return Assessment.from_json(json.loads(json.dumps(data, ensure_ascii=False)))


def _every_explanation(a: Assessment, lang: str) -> list[str]:
    return ([r.explain(lang) for r in a.rules] + [c.explain(lang) for c in a.amount_chain]
            + [v.working.render(lang) for v in a.asset_values] + [a.fee_breakdown.explain(lang)])


def test_a_rule_result_renders_in_chinese_and_english_from_the_same_stored_data() -> None:
    data = applicant(company={"existing_bank_loans": "1500000.00", "net_assets_current": "-1.00"},
                     assets=[asset(pledged=True), asset(expiry_date="2026-12-01")])
    stored = _stored(assess(Applicant.from_json(data), load_product()).to_json())
    rule = stored.rule("annual_sales")
    assert rule.why.key == "rule.annual_sales.pass" and rule.unit == "yuan" and rule.params_version == "2026.1"
    assert rule.why.params == {"sales": "3500000.00", "minimum": "2000000.00"}  # figures, not words
    assert rule.explain("zh") == "年销售额 3,500,000.00元，高于准入标准 2,000,000.00元"
    assert rule.explain("en") == "annual sales 3,500,000.00 yuan, above the minimum 2,000,000.00 yuan"
    assert stored.rule("loan_to_sales").explain("en").startswith("loan-to-sales 71.43% = (existing loans 1,500,000.00 yuan")
    assert stored.rule("pledgeable_ip").explain("en") == (
        "0 pledgeable IP assets, fewer than 1; e.g. invention patent ZL202110123456.7: already pledged")
    english = _every_explanation(stored, "en")
    assert not [t for t in english if CJK.search(t)]
    assert all(CJK.search(t) for t in _every_explanation(stored, "zh"))
    assert not any(CJK.search(line) for line in stored.explain("en")[1:-1])  # between the names and the warnings


def test_an_assessment_stored_as_prose_reads_back_as_data_and_words_the_same() -> None:
    for name in ("failing", "assets"):
        old = OLD[name]
        again = Assessment.from_json(old)
        whys = [r.why for r in again.rules] + [c.why for c in again.amount_chain]
        whys += [o for v in again.asset_values for o in v.obstacles] + [f.detail for v in again.asset_values for f in v.factors]
        assert whys and not [w for w in whys if w.is_legacy], name
        assert again.explain("zh") == old["summary"]  # exactly as that version wrote it
        assert [r.explain("zh") for r in again.rules] == [r["reason"] for r in old["rules"]]
    failing = Assessment.from_json(OLD["failing"])
    assert failing.rule("no_major_negative").why.params == {"note": "涉诉；两起"}
    assert failing.rule("net_assets").explain("en") == (
        "net assets below 0.00 yuan (last year 800,000.00 yuan, current -5.00 yuan)")


def test_prose_that_does_not_read_back_is_shown_verbatim_and_flagged() -> None:
    old = json.loads(json.dumps(OLD["failing"], ensure_ascii=False))
    old["rules"][0]["reason"] = "年销售额按审计报告调整后不足"  # no wording of the rule says this
    rule = Assessment.from_json(old).rules[0]
    assert rule.why.is_legacy and rule.why.key == LEGACY
    assert rule.explain("zh") == "年销售额按审计报告调整后不足"
    assert rule.explain("en").startswith("年销售额按审计报告调整后不足") and "earlier version" in rule.explain("en")
    assert Assessment.from_json(Assessment.from_json(old).to_json()).rules[0].why == legacy("年销售额按审计报告调整后不足")


def test_the_migration_turns_stored_prose_into_data_and_keeps_what_it_cannot_read(tmp_path) -> None:
    path = tmp_path / "m7.sqlite"
    conn = sqlite3.connect(path)
    seals.register(conn)  # the seal triggers of the old schema call it
    db = Database(conn)
    MIGRATIONS.apply(db, stop_before="m008_structured_explanations")
    db.execute("PRAGMA user_version = 7")
    now = "2026-11-02T10:00:00+08:00"
    db.execute("INSERT INTO companies (name, uscc, created_at, updated_at) VALUES ('上海某某科技有限公司', '913101154569465079', ?, ?)",
               [now, now])
    db.execute("INSERT INTO cases (case_no, company_id, product_code, params_version, requested_amount_fen, term_months,"
               " application_date, stage, created_at, updated_at, stage_changed_at)"
               " VALUES ('KYD-2026-0001', 1, 'kuaiyidai', '2026.1', 100000000, 12, '2026-11-02', 'screening', ?, ?, ?)",
               [now, now, now])
    mangled = json.loads(json.dumps(OLD["failing"], ensure_ascii=False))
    mangled["rules"][0]["reason"] = "人工改写过的理由"
    for result in (OLD["assets"], mangled):
        db.execute("INSERT INTO assessments (case_id, params_version, assessed_at, eligible, result_json) VALUES (1, '2026.1', ?, ?, ?)",
                   [now, int(result["eligible"]), json.dumps(result, ensure_ascii=False)])
    conn.commit()
    conn.close()

    store = open_store(path)
    try:
        rows = [json.loads(t) for (t,) in store.db.execute("SELECT result_json FROM assessments ORDER BY id").fetchall()]
        assert all("why" in r and "reason" not in r for row in rows for r in row["rules"])
        assert all("why" in c and "explanation" not in c for row in rows for c in row["amount_chain"])
        assert rows[0]["rules"][0]["why"] == {"key": "rule.annual_sales.pass",
                                              "params": {"sales": "3500000.00", "minimum": "2000000.00"}}
        assert rows[1]["rules"][0]["why"] == legacy("人工改写过的理由").to_json()
        case_id = store.repos.cases.by_no("KYD-2026-0001").id
        shown = latest_assessment(store, case_id)
        assert shown is not None and shown.rules[0].explain("zh") == "人工改写过的理由"
        assert shown.rules[6].explain("en") == "net assets below 0.00 yuan (last year 800,000.00 yuan, current -5.00 yuan)"
        assert seals.check(store.db.conn) == []  # the rewritten rows are sealed as ipguard wrote them
        assert "m008_structured_explanations" in known_names()
    finally:
        store.close()


def test_an_explanation_refuses_a_parameter_its_wording_does_not_declare() -> None:
    try:
        explain("rule.annual_sales.pass", sales=1, minimum=2, extra=3)
    except KeyError as exc:
        assert "extra" in str(exc)
    else:
        raise AssertionError("an undeclared parameter was accepted")


_MONEY_WORDS = {"format_yuan", "format_wan", "yuan_text", "wan_text", "wan_figure", "reading_text", "uppercase_rmb",
                "yuan_and_uppercase", "yuan_str", "to_decimal"}


def test_money_is_worded_only_by_ipguard_money() -> None:
    """No module outside ipguard/money.py defines a money formatter: a function that only rewords a money helper."""
    offenders = []
    for path in [*sorted((ROOT / "ipguard").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]:
        if path == ROOT / "ipguard" / "money.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            body = [s for s in node.body  # the docstring and a lazy import are not the wording
                    if not ((isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)) or isinstance(s, ast.ImportFrom))]
            calls = {n.func.id for s in body for n in ast.walk(s) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
            wording = len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(
                body[0].value, ast.Call | ast.JoinedStr | ast.IfExp)
            if wording and calls & _MONEY_WORDS:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert offenders == [], offenders
