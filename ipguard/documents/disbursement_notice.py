"""放款通知书: the notice asking the bank to disburse, after pledge registration, in GB/T 9704-2012 form.

It cites every contract by its own type and number: the loan contract, the
guarantee contract, the IP pledge counter-guarantee contract (知识产权质押合同)
and the actual controller's personal guarantee (反担保保证合同).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ipguard.documents.fonts import FontChoice
from ipguard.documents.intent_letter import addressee
from ipguard.documents.layout import (
    OFFICIAL_LEADING,
    OfficialSignature,
    build_pdf,
    clause,
    colophon,
    date_text,
    esc,
    grid_table,
    letterhead_block,
    official_note,
    official_styles_for,
    para,
    styles_for,
    term_text,
    title,
)
from ipguard.documents.models import DisbursementNotice, Letterhead
from ipguard.money import yuan_and_uppercase

TITLE = "放款通知书"
CHINESE_ORDINALS = "一二三四五六七八九十"
PLEDGE_CONTRACT = "知识产权质押反担保合同"
PERSONAL_GUARANTEE_CONTRACT = "保证反担保合同"


def ordinal(n: int) -> str:
    """（一）…（十）, then digits."""
    return f"（{CHINESE_ORDINALS[n - 1]}）" if 1 <= n <= len(CHINESE_ORDINALS) else f"（{n}）"


def count_text(n: int) -> str:
    """一 … 十 for a small count (三个工作日), digits beyond."""
    return CHINESE_ORDINALS[n - 1] if 1 <= n <= len(CHINESE_ORDINALS) else str(n)


def _term_sentence(doc: DisbursementNotice) -> str:
    text = f"贷款期限：{term_text(doc.term_months)}"
    if doc.start_date and doc.maturity_date:
        text += f"，自{date_text(doc.start_date)}起至{date_text(doc.maturity_date)}止（以借款借据记载为准）"
    return text + "。"


def contracts_text(doc: DisbursementNotice) -> str:
    """The contracts, each by its own type and number (escaped markup)."""
    parts = [f"贵行与借款人签订的《借款合同》（编号：{esc(doc.loan_contract_no)}）",
             f"贵行与我公司签订的《保证合同》（编号：{esc(doc.guarantee_contract_no)}）"]  # fmt: skip
    if doc.pledge_contract_no:
        parts.append(f"借款人与我公司签订的《{PLEDGE_CONTRACT}》（编号：{esc(doc.pledge_contract_no)}）")
    if doc.counter_guarantee_contract_no:
        who = f"实际控制人{esc(doc.controller_name)}" if doc.controller_name else "实际控制人"
        parts.append(f"{who}与我公司签订的《{PERSONAL_GUARANTEE_CONTRACT}》（编号：{esc(doc.counter_guarantee_contract_no)}）")
    return "、".join(parts)


def story(doc: DisbursementNotice, letterhead: Letterhead, font: FontChoice) -> list[Flowable]:
    st = official_styles_for(font)
    cells = styles_for(font)
    rows = [
        (str(i), a.ip_type.label, a.number, a.name_text,
         para(f"{esc(a.registration_no)}<br/>（{esc(a.ip_type.registry)}）", cells.cell))
        for i, a in enumerate(doc.registrations, 1)
    ]  # fmt: skip
    registrations = grid_table(("序号", "类型", "专利号/登记号", "名称", "质押登记号（登记机关）"), rows,
                               (0.07, 0.145, 0.235, 0.28, 0.27), cells, align="cclll")  # fmt: skip
    flow: list[Flowable] = [
        *letterhead_block(letterhead, doc.notice_no, st),
        title(TITLE, st),
        para(f"{esc(addressee(doc.bank_name, doc.bank_branch))}：", st.addressee),
    ]
    if doc.replaces_no:
        flow.append(para(f"本通知书替代我公司原出具的{esc(doc.replaces_no)}《放款通知书》，原通知书作废。", st.body))
    flow += [
        para(
            f"根据{contracts_text(doc)}，我公司为{esc(doc.borrower_name)}（统一社会信用代码：{esc(doc.borrower_uscc)}，"
            f"以下简称“借款人”）在贵行的贷款提供{esc(doc.guarantee_form)}担保（业务编号：{esc(doc.case_no)}）。"
            "经核查，下列放款前提条件均已落实：",
            st.body,
        ),
        *(para(f"{ordinal(i)}{esc(clause(text, i == len(doc.conditions_confirmed)))}", st.body)
          for i, text in enumerate(doc.conditions_confirmed, 1)),
        para(f"借款人用于质押反担保的知识产权共{len(doc.registrations)}项，均已办理质押登记，登记情况如下：", st.body),
        Spacer(1, 4),
        registrations,
        Spacer(1, 8),
        para("请贵行按照借款合同的约定向借款人发放贷款：", st.body),
        para(f"贷款金额：{yuan_and_uppercase(doc.loan_amount)}；", st.body),
        para(f"担保金额：{yuan_and_uppercase(doc.guarantee_amount)}；", st.body),
        para(_term_sentence(doc), st.body),
        para(f"贷款发放后，请贵行于{count_text(doc.receipt_working_days)}个工作日内将借款借据复印件送达我公司。", st.body),
    ]  # fmt: skip
    signature = OfficialSignature(f"{letterhead.company_name}{letterhead.seal_text}", date_text(doc.issue_date), font.body_name,
                                  signatory=f"{letterhead.signatory_title}（签字）：{letterhead.signatory}")  # fmt: skip
    flow.append(KeepTogether([para("特此通知。", st.body), Spacer(1, OFFICIAL_LEADING * 0.5), signature,
                              para(official_note(letterhead, doc.contact_name, doc.contact_phone), st.note)]))  # fmt: skip
    flow.append(colophon(doc.cc, letterhead.company_name, f"{date_text(doc.issue_date)}印发", font))
    return flow


def render_disbursement_notice(doc: DisbursementNotice, letterhead: Letterhead, font: FontChoice, audit_mark: str = "") -> bytes:
    return build_pdf(
        story(doc, letterhead, font),
        font,
        title_text=f"{TITLE} {doc.notice_no}",
        subject=f"{TITLE}：{doc.borrower_name}（业务编号 {doc.case_no}）",
        author=letterhead.company_name,
        running_header=f"{TITLE}　{doc.notice_no}",
        doc_date=doc.issue_date,
        official=True,
        audit_mark=audit_mark,
    )
