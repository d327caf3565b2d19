"""The audit trail for a reader: Chinese entity/action names, money in yuan, flags, stages, field labels."""

from __future__ import annotations

import datetime as dt

from ipguard.audit_labels import action_label, describe_change, entity_label, field_name, present, value_text
from ipguard.store import open_store
from ipguard.store.audit import entries_for_case
from ipguard.store.records import AuditEntry
from tests import workflow_helpers as wh


def test_entities_and_actions_in_chinese() -> None:
    assert entity_label("loan") == "贷款" and action_label("loan", "disburse") == "放款"
    assert action_label("bank_decision", "record") == "登记银行审批结果"  # a pair overrides the generic "登记"
    assert action_label("intent_letter", "record") == "登记"
    assert entity_label("loan", "en") == "loan" and action_label("loan", "disburse", "en") == "disbursed"
    assert entity_label("brand_new_entity") == "brand_new_entity"  # unknown names are never hidden


def test_values_for_a_reader() -> None:
    assert value_text("amount_fen", 114000000) == "1,140,000.00元"
    assert value_text("bank_share", 15000000) == "150,000.00元"  # compensation split has no _fen suffix
    assert value_text("bank_share_bp", 2000) == "20%"
    assert value_text("pledged", 0) == "否" and value_text("approved", True) == "是"
    assert value_text("nice_class", 9) == "9"  # an integer that is not a flag stays a number
    assert value_text("stage", "screening") == "准入"
    assert value_text("ip_type", "invention_patent") == "发明专利"
    assert value_text("vote", "approve_with_conditions") == "有条件同意"
    assert value_text("roles", ["admin"]) == "管理员"
    assert value_text("note", None) == "—" and value_text("note", "") == "—"
    assert value_text("note", "x" * 500).endswith("…") and len(value_text("note", "x" * 500)) == 160
    local = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert value_text("signed_at", "2026-11-22T12:00:00+00:00") == local


def test_field_labels_from_the_table_and_the_catalog() -> None:
    assert field_name("amount_fen") == "金额"
    assert field_name("uscc") == "统一社会信用代码"  # registered by ipguard.domain
    assert field_name("name", entity="controller") == "姓名"
    assert field_name("unknown_field") == "unknown_field"


def test_describe_changes() -> None:
    assert describe_change("loan", None, {"amount_fen": 114000000, "start": "2026-11-15"}) == "金额：1,140,000.00元；起始日：2026-11-15"
    assert describe_change("checklist_item", {"status": "pending", "note": ""}, {"status": "received", "note": ""}) == "状态：待收 → 已收"
    assert describe_change("case", "intake", {"note": "", "on": "2026-11-16", "stage": "screening"}) == "受理 → 准入（日期：2026-11-16）"
    assert describe_change("committee", None, ["陈杰", "刘洋"]) == "陈杰、刘洋"
    assert describe_change("loan", None, "2026-11-17") == "2026-11-17"
    assert describe_change("x", {"a": 1}, {"a": 1}) == "（无变化）"


def test_a_real_case_history_has_no_internal_names(tmp_path) -> None:
    store = open_store(tmp_path / "audit.db")
    try:
        cast = wh.cast(store)
        case_id = wh.open_case(store, cast)
        wh.to_in_force(store, case_id, cast)
        lines = [present(e) for e in entries_for_case(store.db, case_id)]
    finally:
        store.close()
    assert lines and all(line.subject and line.action for line in lines)
    text = "\n".join(f"{line.subject} {line.action} {line.change}" for line in lines)
    for internal in ("amount_fen", "_fen", "loan ", "disburse", "intake", "True", "False"):
        assert internal not in text, internal
    assert any(line.action == "放款" and "元" in line.change for line in lines)


def test_names_replace_internal_record_ids() -> None:
    entry = AuditEntry(seq=3, at="", user_id=None, user_name=None, entity="checklist_item", entity_id="articles",
                       action="set_status", before={"status": "pending"}, after={"status": "received"})
    assert present(entry).subject == "业务清单 articles"
    line = present(entry, names={("checklist_item", "articles"): "公司章程"})
    assert (line.subject, line.action, line.change, line.user) == ("业务清单 公司章程", "登记状态", "状态：待收 → 已收", "—")
