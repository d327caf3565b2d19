"""Stage notes as data (issue 15 item 9): the workflow's words in the reader's language, the user's verbatim."""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database

from ipguard import workflow
from ipguard.audit_labels import present
from ipguard.domain import Stage
from ipguard.rules import stage_notes
from ipguard.rules.explain import legacy
from ipguard.store import open_store, seals
from ipguard.store.audit import entries_for_case
from ipguard.store.schema import MIGRATIONS, known_names

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _notes(store, case_id, lang):
    return {e.to_stage: e.note_text(lang) for e in store.repos.cases.events(case_id)}


def test_a_walked_case_stores_the_workflows_words_as_data_and_reads_as_before_in_chinese(store, case_at):
    case_id = case_at(Stage.IN_FORCE)
    events = store.repos.cases.events(case_id)
    keys = {e.to_stage: e.said.key for e in events if e.said is not None}
    assert keys[Stage.INTAKE] == stage_notes.RECEIVED and keys[Stage.IN_FORCE] == stage_notes.DISBURSED
    assert keys[Stage.INTENT_LETTER] == stage_notes.COMMITTEE_DECISION
    assert all(e.note == "" for e in events)  # nobody typed anything
    zh = _notes(store, case_id, "zh")
    guarantee = store.repos.cases.guarantee_amount(case_id)
    assert zh[Stage.INVESTIGATION].startswith("担保额 ") and zh[Stage.INVESTIGATION].endswith(" 元")
    assert zh[Stage.CONTRACTS] == "银行审批通过"
    assert zh[Stage.INTAKE] == "受理"
    assert re.fullmatch(r"放款 [\d,]+\.\d\d 元，担保费 [\d,]+\.\d\d 元", zh[Stage.IN_FORCE])
    assert zh[Stage.INTENT_LETTER].endswith(" 同意") or zh[Stage.INTENT_LETTER].endswith(" 有条件同意")
    assert guarantee is not None


def test_the_same_notes_read_in_english_without_chinese_prose(store, case_at):
    case_id = case_at(Stage.IN_FORCE)
    en = _notes(store, case_id, "en")
    assert en[Stage.CONTRACTS] == "approved by the bank"
    assert en[Stage.INTAKE] == "received"
    assert en[Stage.INVESTIGATION].startswith("guarantee amount ") and en[Stage.INVESTIGATION].endswith(" yuan")
    assert re.fullmatch(r"loan of [\d,]+\.\d\d yuan disbursed; guarantee fee [\d,]+\.\d\d yuan", en[Stage.IN_FORCE])
    # Document numbers (发文字号) are names: the rest of each line is English.
    numbers = [e.said.params[k] for e in store.repos.cases.events(case_id) if e.said
               for k in ("letter_no", "notice_no", "resolution_no") if k in e.said.params]
    assert len(numbers) == 3
    for text in en.values():
        for number in numbers:
            text = text.replace(str(number), "")
        assert not CJK.search(text), text
    # The audit trail words the moves the same way.
    lines = [present(e, "en").change for e in entries_for_case(store.db, case_id) if e.action == "stage"]
    assert any("approved by the bank" in line for line in lines)
    assert not any("银行审批通过" in line for line in lines)
    zh_lines = [present(e, "zh").change for e in entries_for_case(store.db, case_id) if e.action == "stage"]
    assert any("备注：银行审批通过" in line for line in zh_lines)


def test_the_users_words_stay_verbatim_after_the_workflows(store, c, case_at):
    case_id = case_at(Stage.INTENT_LETTER)
    workflow.amend_case(store, case_id, c.a, "Bank asks for 24 months；期限调整",
                        expected_version=store.repos.cases.get(case_id).version)
    event = store.repos.cases.events(case_id)[-1]
    assert event.note == "Bank asks for 24 months；期限调整" and event.said is not None
    assert event.note_text("zh") == "变更重新上会：Bank asks for 24 months；期限调整"
    assert event.note_text("en") == "amended, back to the committee: Bank asks for 24 months；期限调整"


def test_old_prose_reads_back_exactly_or_stays_verbatim():
    read = stage_notes.read
    said, user = read("in_force", "放款 1,000,000.00 元，担保费 12,000.00 元")
    assert user == "" and said is not None and said.key == stage_notes.DISBURSED
    assert said.params == {"amount": "1000000.00", "fee": "12000.00"}
    assert said.render("en") == "loan of 1,000,000.00 yuan disbursed; guarantee fee 12,000.00 yuan"
    said, user = read("intent_letter", "浦科担审〔2026〕3号 有条件同意")
    assert said is not None and said.params == {"resolution_no": "浦科担审〔2026〕3号", "vote": "approve_with_conditions"}
    said, user = read("bank_approval", "意向函 浦科担函〔2026〕7号，银行审批期限 2026-12-04（2027年的国务院节假日安排尚未确认："
                                       "暂按法定节假日推算（不含调休），请管理员录入正式安排后以其为准）")
    assert said is not None and said.key == stage_notes.INTENT_LETTER_UNCONFIRMED and said.params["years"] == [2027]
    assert "of 2027 is not confirmed" in said.render("en")
    said, user = read("investigation", "变更重新上会：银行要求缩短期限")
    assert said is not None and said.key == stage_notes.AMENDED and user == "银行要求缩短期限"
    # Not an exact round trip: the amount's figure is not how ipguard writes one.
    assert read("investigation", "担保额 1000000 元") == (legacy("担保额 1000000 元"), "")
    # A reason typed by a user on a stage where users write notes is theirs, not legacy.
    assert read("withdrawn", "企业不再需要贷款") == (None, "企业不再需要贷款")
    assert read("closed", "追偿终结") == (stage_notes.note(stage_notes.RECOVERY_CLOSED), "")
    assert read("closed", "与企业和解") == (None, "与企业和解")
    assert stage_notes.note_text(legacy("旧的说明"), "", "en") == "旧的说明 [stored in Chinese by an earlier version]"


def test_m009_turns_stored_notes_into_data_and_keeps_what_it_cannot_read(tmp_path):
    path = tmp_path / "m8.sqlite"
    conn = sqlite3.connect(path)
    seals.register(conn)  # the seal triggers of the old schema call it
    db = Database(conn)
    MIGRATIONS.apply(db, stop_before="m009_structured_stage_notes")
    db.execute("PRAGMA user_version = 8")
    now = "2026-11-02T10:00:00+08:00"
    db.execute("INSERT INTO companies (name, uscc, created_at, updated_at) VALUES ('上海某某科技有限公司', '913101154569465079', ?, ?)",
               [now, now])
    db.execute("INSERT INTO cases (case_no, company_id, product_code, params_version, requested_amount_fen, term_months,"
               " application_date, stage, created_at, updated_at, stage_changed_at)"
               " VALUES ('KYD-2026-0001', 1, 'kuaiyidai', '2026.1', 100000000, 12, '2026-11-02', 'in_force', ?, ?, ?)",
               [now, now, now])
    old = [
        (None, "intake", "受理"),
        ("intake", "screening", ""),
        ("valuation", "investigation", "担保额 1,000,000.00 元"),
        ("intent_letter", "bank_approval", "意向函 浦科担函〔2026〕7号，银行审批期限 2026-11-20"),
        ("bank_approval", "contracts", "银行审批通过"),
        ("pledge_registration", "disbursement", "浦科担放〔2026〕2号"),
        ("disbursement", "in_force", "放款 1,000,000.00 元，担保费 人工改过"),
        ("in_force", "defaulted", "企业未按期还款"),
    ]
    for from_stage, to_stage, note in old:
        db.execute("INSERT INTO stage_events (case_id, from_stage, to_stage, at, on_date, user_id, note) VALUES (1,?,?,?,?,NULL,?)",
                   [from_stage, to_stage, now, "2026-11-02", note])
    conn.commit()
    conn.close()

    store = open_store(path)
    try:
        events = store.repos.cases.events(1)
        zh = [e.note_text("zh") for e in events]
        assert zh == [note for _f, _t, note in old]  # every note reads in Chinese exactly as before
        en = [e.note_text("en") for e in events]
        assert en[:6] == ["received", "", "guarantee amount 1,000,000.00 yuan",
                          "intent letter 浦科担函〔2026〕7号; bank approval deadline 2026-11-20", "approved by the bank",
                          "disbursement notice 浦科担放〔2026〕2号"]
        assert events[6].said == legacy("放款 1,000,000.00 元，担保费 人工改过") and events[6].note == ""
        assert en[6].endswith("[stored in Chinese by an earlier version]")
        assert events[7].said is None and events[7].note == "企业未按期还款"  # the user's words, as typed
        assert seals.check(store.db.conn) == []  # the rewritten rows are sealed as ipguard wrote them
        assert "m009_structured_stage_notes" in known_names()
    finally:
        store.close()
