"""放款通知书: the notice asking the bank to disburse, after pledge registration."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ipguard.documents.fonts import FontChoice
from ipguard.documents.intent_letter import addressee
from ipguard.documents.layout import (
    amount_text,
    build_pdf,
    clause,
    closing,
    contact_footer,
    date_text,
    esc,
    grid_table,
    letterhead_block,
    para,
    signature_block,
    styles_for,
    term_text,
    title,
)
from ipguard.documents.models import DisbursementNotice, Letterhead

TITLE = "放款通知书"
CHINESE_ORDINALS = "一二三四五六七八九十"


def ordinal(n: int) -> str:
    """（一）…（十）, then digits."""
    return f"（{CHINESE_ORDINALS[n - 1]}）" if 1 <= n <= len(CHINESE_ORDINALS) else f"（{n}）"


def _term_sentence(doc: DisbursementNotice) -> str:
    text = f"贷款期限：{term_text(doc.term_months)}"
    if doc.start_date and doc.maturity_date:
        text += f"，自{date_text(doc.start_date)}起至{date_text(doc.maturity_date)}止（以借款借据记载为准）"
    return text + "。"


def story(doc: DisbursementNotice, letterhead: Letterhead, font: FontChoice) -> list[Flowable]:
    st = styles_for(font)
    contracts = f"《借款合同》（编号：{esc(doc.loan_contract_no)}）"
    guarantee = f"《保证合同》（编号：{esc(doc.guarantee_contract_no)}）"
    rows = [
        (str(i), a.ip_type.label, a.number, a.title,
         para(f"{esc(a.registration_no)}<br/>（{esc(a.ip_type.registry)}）", st.cell))
        for i, a in enumerate(doc.registrations, 1)
    ]  # fmt: skip
    registrations = grid_table(
        ("序号", "类型", "专利号/登记号", "名称", "质押登记号（登记机关）"),
        rows,
        (0.07, 0.145, 0.235, 0.28, 0.27),
        st,
        align="cclll",
    )
    counter = f"及《质押反担保合同》（编号：{esc(doc.counter_guarantee_contract_no)}）" if doc.counter_guarantee_contract_no else ""
    flow: list[Flowable] = [
        *letterhead_block(letterhead, doc.notice_no, st),
        title(TITLE, st),
        para(f"{esc(addressee(doc.bank_name, doc.bank_branch))}：", st.addressee),
        para(
            f"根据贵行与{esc(doc.borrower_name)}（统一社会信用代码：{esc(doc.borrower_uscc)}，以下简称“借款人”）"
            f"签订的{contracts}、贵行与我公司签订的{guarantee}{counter}，"
            f"我公司为借款人在贵行的贷款提供{esc(doc.guarantee_form)}担保（业务编号：{esc(doc.case_no)}）。"
            "经核查，下列放款前提条件均已落实：",
            st.body,
        ),
        *(para(f"{ordinal(i)}{esc(clause(text, i == len(doc.conditions_confirmed)))}", st.body)
          for i, text in enumerate(doc.conditions_confirmed, 1)),
        para(f"借款人用于质押反担保的知识产权共{len(doc.registrations)}项，均已办理质押登记，登记情况如下：", st.body),
        Spacer(1, 4),
        registrations,
        Spacer(1, 8),
        KeepTogether(
            [
                para("请贵行按照借款合同的约定向借款人发放贷款：", st.body),
                para(f"贷款金额：{amount_text(doc.loan_amount)}；", st.body),
                para(f"担保金额：{amount_text(doc.guarantee_amount)}；", st.body),
                para(_term_sentence(doc), st.body),
            ]
        ),
        closing(
            [para("贷款发放后，请贵行于三个工作日内将借款借据复印件送达我公司。", st.body), para("特此通知。", st.body)],
            signature_block(letterhead, doc.issue_date, st),
            contact_footer(letterhead, st, contact_name=doc.contact_name, contact_phone=doc.contact_phone),
        ),
    ]
    return flow


def render_disbursement_notice(doc: DisbursementNotice, letterhead: Letterhead, font: FontChoice) -> bytes:
    return build_pdf(
        story(doc, letterhead, font),
        font,
        title_text=f"{TITLE} {doc.notice_no}",
        author=letterhead.company_name,
        running_header=f"{TITLE}　{doc.notice_no}",
    )
