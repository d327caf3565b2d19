"""The audit trail for a reader: entity and action names, field labels and values in words.

The audit log stores internal names (``loan`` / ``disburse``,
``{"amount_fen": 114000000}``); this module turns one entry into text a
user reads in the case's history::

    >>> entity_label("loan"), action_label("loan", "disburse")
    ('贷款', '放款')
    >>> describe_change("loan", None, {"amount_fen": 114000000, "start": "2026-11-15"})
    '金额：1,140,000.00元；起始日：2026-11-15'

Money fields (names ending ``_fen`` and the compensation split) are shown in
yuan with thousands separators, basis points (``_bp``) as percentages, flags
as 是/否, stages, IP types, legal status, votes and kinds in words; field
names from this module's table, else :func:`ipguard.messages.field_label`.
Unknown names pass through unchanged, so a new entity is never hidden.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from ipguard import messages
from ipguard.domain import IpType, LegalStatus, Role, Stage
from ipguard.money import yuan_text
from ipguard.rules import stage_notes
from ipguard.rules.committee import TALLY
from ipguard.rules.explain import Explanation, parse
from ipguard.store.records import AuditEntry

# entity -> (zh, en)
ENTITIES: dict[str, tuple[str, str]] = {
    "case": ("案件", "case"),
    "company": ("企业", "company"),
    "controller": ("实际控制人", "actual controller"),
    "financials": ("财务数据", "financials"),
    "ip_asset": ("知识产权", "IP asset"),
    "case_asset": ("案件知识产权", "case IP asset"),
    "checklist_item": ("业务清单", "checklist item"),
    "assessment": ("准入评估", "screening assessment"),
    "valuation": ("价值认定", "valuation"),
    "investigation_report": ("调查报告", "investigation report"),
    "committee": ("保审会", "committee"),
    "committee_vote": ("保审会投票", "committee vote"),
    "committee_decision": ("保审会决议", "committee decision"),
    "intent_letter": ("担保意向函", "intent letter"),
    "bank_decision": ("银行审批", "bank decision"),
    "contract": ("合同", "contract"),
    "pledge_registration": ("质押登记", "pledge registration"),
    "disbursement_check": ("放款前核查", "pre-disbursement check"),
    "disbursement_notice": ("放款通知书", "disbursement notice"),
    "loan": ("贷款", "loan"),
    "compensation": ("代偿", "compensation"),
    "recovery": ("追偿", "recovery"),
    "document": ("文书", "document"),
    "user": ("用户", "user"),
    "bank": ("合作银行", "bank"),
    "referrer": ("推荐机构", "referrer"),
    "product_version": ("产品参数版本", "product parameters version"),
    "holiday_override": ("节假日调整", "holiday override"),
    "setting": ("系统设置", "setting"),
    "attachment": ("档案文件", "case-file document"),
    "case_file": ("电子档案", "case file"),
    "guarantor_figures": ("担保公司净资产", "guarantor's net assets"),
    "case_amendment": ("案件变更", "case amendment"),
    "case_reversal": ("撤销上一步", "undo of the last step"),
}

# action -> (zh, en); an (entity, action) pair overrides the generic name
ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("新建", "created"),
    "update": ("修改", "updated"),
    "set": ("设定", "set"),
    "set_status": ("登记状态", "status recorded"),
    "open": ("受理", "opened"),
    "stage": ("阶段变更", "stage changed"),
    "pledge": ("加入质押", "added to the pledge"),
    "unpledge": ("移出质押", "removed from the pledge"),
    "assess": ("评估", "assessed"),
    "attendance": ("登记出席", "attendance recorded"),
    "vote": ("投票", "voted"),
    "change_vote": ("修改表决", "vote changed"),
    "decide": ("形成决议", "decided"),
    "sign_a": ("A角签字", "signed by A"),
    "sign_b": ("B角签字", "signed by B"),
    "issue": ("出具", "issued"),
    "record": ("登记", "recorded"),
    "sign": ("签署", "signed"),
    "confirm": ("确认", "confirmed"),
    "disburse": ("放款", "disbursed"),
    "fee_paid": ("收取担保费", "fee received"),
    "release": ("解保", "released"),
    "default": ("逾期", "defaulted"),
    "pay": ("代偿支付", "paid"),
    "receive": ("收回", "received"),
    "archive": ("存档", "archived"),
    "reprint": ("重印", "reprinted"),
    "reissue": ("重新出具", "reissued"),
    "void": ("作废", "voided"),
    "version": ("新版本", "new version"),
    "set_roles": ("设定角色", "roles set"),
    "set_password": ("重设密码", "password reset"),
    "set_active": ("启用/停用", "activated/deactivated"),
    "decline": ("否决", "declined"),
    "withdraw": ("撤回", "withdrawn"),
    "correct": ("更正", "corrected"),
    "reassign": ("改派", "reassigned"),
    "attach": ("附加文件", "file attached"),
    "supersede": ("替换为新版本", "replaced by a new version"),
    "remove": ("删除", "removed"),
    "export": ("导出", "exported"),
    "amend": ("变更（退回重新上会）", "amended (sent back to the committee)"),
    "void_decision": ("决议作废", "decision set aside"),
    "reverse": ("撤销上一步", "last step undone"),
}
PAIR_ACTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("bank_decision", "record"): ("登记银行审批结果", "bank decision recorded"),
    ("pledge_registration", "update"): ("登记质押", "pledge registration recorded"),
    ("loan", "release"): ("解除担保", "guarantee released"),
}

# field -> (zh, en): audit fields whose names the message catalog does not know
FIELDS: dict[str, tuple[str, str]] = {
    "amount": ("金额", "amount"),
    "amount_fen": ("金额", "amount"),
    "requested_amount_fen": ("申请金额", "requested amount"),
    "guarantee_amount_fen": ("担保额", "guarantee amount"),
    "loan_amount_fen": ("贷款金额", "loan amount"),
    "late_override_reason": ("逾期审批说明", "late-approval reason"),
    "fee_fen": ("担保费", "guarantee fee"),
    "revenue_supported_fen": ("支撑收入", "revenue supported"),
    "net_assets_fen": ("净资产", "net assets"),
    "recognized_value_fen": ("认定价值", "recognized value"),
    "resolution_no": ("决议编号", "resolution number"),
    "amendment": ("变更记录号", "amendment number"),
    "voided": ("作废的记录", "records voided"),
    "bank_share": ("银行分担", "bank's share"),
    "reguarantor_share": ("再担保分担", "re-guarantor's share"),
    "retained": ("本公司承担", "retained"),
    "bank_share_bp": ("银行分担比例", "bank's share"),
    "reguarantor_share_bp": ("再担保分担比例", "re-guarantor's share"),
    "reguarantor_name": ("再担保机构", "re-guarantor"),
    "application_date": ("申请日", "application date"),
    "case_no": ("案件编号", "case number"),
    "company": ("企业", "company"),
    "assets": ("知识产权", "IP assets"),
    "params_version": ("产品参数版本", "parameters version"),
    "term_months": ("期限（月）", "term (months)"),
    "stage": ("阶段", "stage"),
    "on": ("日期", "date"),
    "note": ("备注", "note"),
    "status": ("状态", "status"),
    "status_date": ("状态日期", "status date"),
    "eligible": ("符合准入条件", "eligible"),
    "signed_at": ("签字日期", "signed on"),
    "bytes": ("大小（字节）", "size (bytes)"),
    "kind": ("类别", "kind"),
    "replaces_id": ("取代文书", "replaces document"),
    "sha256": ("SHA-256", "SHA-256"),
    "paper_original": ("仅有纸质原件", "paper original only"),
    "checklist_code": ("业务清单项", "checklist item"),
    "record": ("环节记录", "stage record"),
    "bytes_deleted": ("文件内容已删除", "bytes deleted"),
    "current_again": ("恢复为当前版本", "current again"),
    "files": ("文件数", "files"),
    "comment": ("意见", "comment"),
    "vote": ("表决", "vote"),
    "conditions": ("条件", "conditions"),
    "decision": ("决议", "decision"),
    "tally": ("表决情况", "tally"),
    "approval_deadline": ("银行审批截止日", "bank approval deadline"),
    "issue_date": ("出具日", "issue date"),
    "working_days": ("工作日数", "working days"),
    "approved": ("批准", "approved"),
    "rate": ("利率", "rate"),
    "signed_on": ("签署日", "signed on"),
    "certificate_received": ("已收到登记证明", "certificate received"),
    "registered_on": ("登记日", "registered on"),
    "registration_no": ("登记编号", "registration number"),
    "submitted_on": ("提交日", "submitted on"),
    "maturity": ("到期日", "maturity"),
    "start": ("起始日", "start"),
    "deregistered_on": ("注销质押日", "deregistered on"),
    "repaid_on": ("还款日", "repaid on"),
    "paid_on": ("支付日", "paid on"),
    "asset_id": ("知识产权", "IP asset"),
    "source": ("来源", "source"),
    "effective_date": ("生效日", "effective date"),
    "display_name": ("姓名", "name"),
    "branch": ("支行", "branch"),
    "username": ("用户名", "user name"),
    "roles": ("角色", "roles"),
    "active": ("启用", "active"),
    "phone": ("电话", "phone"),
    "ip_type": ("类型", "type"),
    "legal_status": ("法律状态", "legal status"),
    "number": ("专利/登记号", "number"),
    "title": ("名称", "title"),
    "owners": ("权利人", "owners"),
    "filing_date": ("申请日", "filing date"),
    "grant_date": ("授权日", "grant date"),
    "expiry_date": ("到期日", "expiry date"),
    "nice_class": ("尼斯分类", "Nice class"),
    "in_dispute": ("存在争议", "in dispute"),
    "licensed": ("已许可", "licensed"),
    "pledged": ("已质押", "pledged"),
    "sole_owner": ("单独所有", "sole owner"),
    "used_in_main_products": ("用于主营产品", "used in main products"),
    "names": ("人员", "people"),
}

# Money in integer fen without the _fen suffix (the compensation split).
_MONEY_FIELDS = {"amount", "bank_share", "reguarantor_share", "retained"}
_FLAG_FIELDS = {
    "active", "approved", "certificate_received", "eligible", "in_dispute", "licensed", "pledged", "sole_owner",
    "used_in_main_products", "required", "mainly_small_micro",
}  # fmt: skip
_WORDS: dict[str, dict[str, str]] = {
    "vote": {"approve": "同意", "approve_with_conditions": "有条件同意", "decline": "不同意"},
    "decision": {"approve": "同意", "approve_with_conditions": "有条件同意", "decline": "不同意"},
    "status": {"pending": "待收", "received": "已收", "missing": "缺失", "issued": "有效", "void": "已作废"},
    "kind": {
        "guarantee": "保证合同", "counter_guarantee": "反担保保证合同", "pledge": "知识产权质押合同", "loan": "借款合同",
        "intent_letter": "担保意向函", "disbursement_notice": "放款通知书", "investigation_report": "调查报告",
        "committee_resolution": "保审会决议",
    },
    "source": {"cash": "现金清偿", "ip_disposal": "质押知识产权处置", "guarantor": "反担保人代偿", "other": "其他"},
}  # fmt: skip
# (entity, field) -> (zh, en) where a field means something particular for one entity
ENTITY_FIELDS: dict[tuple[str, str], tuple[str, str]] = {
    ("controller", "name"): ("姓名", "name"),
    ("user", "name"): ("姓名", "name"),
    ("ip_asset", "title"): ("名称", "title"),
}
_MAX_TEXT = 160


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def entity_label(entity: str, lang: str = "zh") -> str:
    """"loan" -> "贷款"; an unknown entity as it is."""
    pair = ENTITIES.get(entity)
    return _pick(pair, lang) if pair else entity


def action_label(entity: str, action: str, lang: str = "zh") -> str:
    """("loan", "disburse") -> "放款"; an unknown action as it is."""
    pair = PAIR_ACTIONS.get((entity, action)) or ACTIONS.get(action)
    return _pick(pair, lang) if pair else action


def field_name(field: str, lang: str = "zh", entity: str = "") -> str:
    """A field's label: this module's tables, else the message catalog's, else the name."""
    pair = ENTITY_FIELDS.get((entity, field)) or FIELDS.get(field)
    return _pick(pair, lang) if pair else messages.field_label(field, lang)


def _yes_no(value: object, lang: str) -> str:
    if lang == "en":
        return "yes" if value else "no"
    return "是" if value else "否"


def _shorten(text: str) -> str:
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _timestamp(text: str) -> str | None:
    """An ISO timestamp as local time "2026-11-22 20:19" (stored stamps are UTC); None if it is not one."""
    if len(text) < 16 or text[10] not in "T ":
        return None
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return (stamp.astimezone() if stamp.tzinfo else stamp).strftime("%Y-%m-%d %H:%M")


#: A reader's punctuation: colon, list separator, enumeration comma, brackets (no full-width marks in English).
_PUNCT = {"zh": ("：", "；", "、", "（", "）"), "en": (": ", "; ", ", ", " (", ")")}


def _punct(lang: str) -> tuple[str, str, str, str, str]:
    return _PUNCT["en" if lang == "en" else "zh"]


def value_text(field: str, value: object, lang: str = "zh") -> str:
    """One field's value for a reader (money in yuan, flags 是/否, codes in words)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return _punct(lang)[2].join(value_text(field, v, lang) for v in value) or "—"
    if isinstance(value, dict) and set(value) == {"key", "params"}:  # an explanation stored as data
        return _shorten(Explanation.from_json(value).render(lang))
    if field == "tally" and isinstance(value, str):  # stored as Chinese prose before it was data
        return _shorten(parse(value, [TALLY]).render(lang))
    if isinstance(value, dict):
        return _shorten(_punct(lang)[1].join(f"{field_name(k, lang)}={value_text(k, v, lang)}" for k, v in value.items()))
    whole = isinstance(value, int) and not isinstance(value, bool)
    if whole and (field.endswith("_fen") or field in _MONEY_FIELDS):
        return yuan_text(value, lang)  # type: ignore[arg-type]
    if whole and field.endswith("_bp"):
        return f"{value / 100:g}%"  # type: ignore[operator]
    if isinstance(value, bool) or (field in _FLAG_FIELDS and value in (0, 1)):
        return _yes_no(value, lang)
    text = str(value)
    if field == "stage" and text in Stage._value2member_map_:
        stage = Stage(text)
        return stage.label_en if lang == "en" else stage.label
    if field == "ip_type" and text in IpType._value2member_map_:
        kind = IpType(text)
        return kind.label_en if lang == "en" else kind.label
    if field == "legal_status" and text in LegalStatus._value2member_map_ and lang != "en":
        return LegalStatus(text).label
    if field == "roles" and text in Role._value2member_map_:
        return Role(text).label if lang != "en" else text
    if field == "sha256" and len(text) > 16:
        return text[:16] + "…"
    words = _WORDS.get(field)
    if words and text in words and lang != "en":
        return words[text]
    if isinstance(value, str):
        return _shorten(_timestamp(text) or text)
    return _shorten(json.dumps(value, ensure_ascii=False))


def describe_change(entity: str, before: object, after: object, lang: str = "zh") -> str:
    """The change of one audit entry as text: changed fields "标签：旧 → 新", new records "标签：值"."""
    colon, semicolon, _comma, opening, closing = _punct(lang)
    if isinstance(after, Mapping):
        if isinstance(before, Mapping):
            keys = [k for k in after if before.get(k) != after.get(k)]
            keys += [k for k in before if k not in after]
            if keys:
                return semicolon.join(
                    f"{field_name(k, lang, entity)}{colon}{value_text(k, before.get(k), lang)} → {value_text(k, after.get(k), lang)}"
                    for k in keys
                )
            return "（无变化）" if lang != "en" else "(no change)"
        rest = {k: v for k, v in after.items() if v not in (None, "")}
        head = ""
        if entity == "case" and "stage" in rest and ("note" in rest or "said" in rest):
            rest = _stage_note(rest, lang)
        if before is not None and "stage" in rest:  # a stage move: "受理 → 准入（日期：…）"
            head = f"{value_text('stage', before, lang)} → {value_text('stage', rest.pop('stage'), lang)}"
        elif before is not None:
            head = f"{_scalar(entity, before, lang)} →"
        text = semicolon.join(f"{field_name(k, lang, entity)}{colon}{value_text(k, v, lang)}" for k, v in rest.items())
        if head and text:
            return f"{head}{opening}{text}{closing}" if "stage" in after else f"{head} {text}"
        return head or text or "—"
    if before is None:
        return _scalar(entity, after, lang)
    return f"{_scalar(entity, before, lang)} → {_scalar(entity, after, lang)}"


def _stage_note(after: dict[str, object], lang: str) -> dict[str, object]:
    """A stage move's note as one line in ``lang``: the workflow's words (data, or old prose read back) and the user's."""
    said_json = after.pop("said", None)
    user_text = str(after.pop("note", "") or "")
    if said_json is not None:
        said: Explanation | None = Explanation.from_json(said_json)
    else:  # an entry written before the notes were data (m009): its Chinese prose read back where it can be
        said, user_text = stage_notes.read(str(after["stage"]), user_text)
    text = stage_notes.note_text(said, user_text, lang)
    return after | ({"note": text} if text else {})


def _scalar(entity: str, value: object, lang: str) -> str:
    """A bare before/after value; a bare stage name reads as the stage."""
    field = "stage" if entity == "case" else ""
    if isinstance(value, Mapping):
        return describe_change(entity, None, value, lang)
    return value_text(field, value, lang)


@dataclass(frozen=True)
class AuditLine:
    """One audit entry ready for a table row."""

    seq: int
    at: str
    user: str
    subject: str
    action: str
    change: str


def present(entry: AuditEntry, lang: str = "zh", names: Mapping[tuple[str, str], str] | None = None) -> AuditLine:
    """An entry of :func:`ipguard.store.audit.entries_for_case` as an :class:`AuditLine`.

    ``names`` maps ``(entity, entity_id)`` to a reader's name for the record
    (e.g. a checklist item's code to its label); the id is shown otherwise.
    """
    shown = (names or {}).get((entry.entity, entry.entity_id), entry.entity_id)
    subject = f"{entity_label(entry.entity, lang)} {shown}".strip()
    return AuditLine(
        seq=entry.seq,
        at=_timestamp(entry.at) or entry.at,
        user=entry.user_name or "—",
        subject=subject,
        action=action_label(entry.entity, entry.action, lang),
        change=describe_change(entry.entity, entry.before, entry.after, lang),
    )
