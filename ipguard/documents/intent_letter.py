"""担保意向函: the guarantee intent letter to the lending bank."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from ipguard.documents.fonts import FontChoice
from ipguard.documents.layout import (
    amount_text,
    build_pdf,
    closing,
    contact_footer,
    date_text,
    esc,
    grid_table,
    letterhead_block,
    owners_column_needed,
    para,
    signature_block,
    styles_for,
    term_text,
    title,
)
from ipguard.documents.models import IntentLetter, Letterhead, PledgedAssetLine

TITLE = "担保意向函"


def addressee(bank_name: str, bank_branch: str) -> str:
    """The bank as addressed: name and branch, without repeating the name."""
    if not bank_name or bank_branch.startswith(bank_name):
        return bank_branch or bank_name
    return f"{bank_name}{bank_branch}"


def asset_table(assets: tuple[PledgedAssetLine, ...], holder: str, st) -> Flowable:
    """Pledged assets; the owner column only when some asset is not the borrower's."""
    if owners_column_needed([a.owner for a in assets], holder):
        rows = [(str(i), a.ip_type.label, a.number, a.title, a.owner) for i, a in enumerate(assets, 1)]
        return grid_table(("序号", "类型", "专利号/登记号", "名称", "权利人"), rows, (0.07, 0.145, 0.25, 0.3, 0.235), st,
                          align="cclll")  # fmt: skip
    rows = [(str(i), a.ip_type.label, a.number, a.title) for i, a in enumerate(assets, 1)]
    return grid_table(("序号", "类型", "专利号/登记号", "名称"), rows, (0.07, 0.145, 0.27, 0.515), st, align="ccll")


def _pledgor(doc: IntentLetter) -> str:
    if owners_column_needed([a.owner for a in doc.assets], doc.borrower_name):
        return "借款人及相关权利人"
    return "借款人"


def story(doc: IntentLetter, letterhead: Letterhead, font: FontChoice) -> list[Flowable]:
    st = styles_for(font)
    bank = addressee(doc.bank_name, doc.bank_branch)
    items = [
        f"一、担保金额：{amount_text(doc.guarantee_amount)}。",
        f"二、担保方式：{esc(doc.guarantee_form)}。",
        f"三、反担保措施：{_pledgor(doc)}以下列知识产权向我公司提供质押反担保（共{len(doc.assets)}项），"
        f"实际控制人{esc(doc.controller_name)}提供{esc(doc.controller_guarantee_form)}反担保：",
    ]
    body: list[Flowable] = [
        *letterhead_block(letterhead, doc.letter_no, st),
        title(TITLE, st),
        para(f"{esc(bank)}：", st.addressee),
        para(
            f"{esc(doc.borrower_name)}（统一社会信用代码：{esc(doc.borrower_uscc)}，以下简称“借款人”）"
            f"拟向贵行申请{esc(doc.loan_purpose)}贷款{amount_text(doc.loan_amount)}，期限{term_text(doc.term_months)}。"
            f"该笔业务经我公司“{esc(doc.product_name)}”产品审查（业务编号：{esc(doc.case_no)}），"
            "我公司同意为借款人的上述贷款提供担保。现将有关事项函告如下：",
            st.body,
        ),
        *(para(text, st.body) for text in items),
        Spacer(1, 4),
        asset_table(doc.assets, doc.borrower_name, st),
        Spacer(1, 8),
        para(
            f"四、审批时限：请贵行于{date_text(doc.approval_deadline)}前"
            f"（自本函出具之日起{doc.deadline_working_days}个工作日内）完成该笔贷款的审批，并将审批结果书面告知我公司。",
            st.body,
        ),
        para(
            f"五、有效期：本函自出具之日起至{date_text(doc.valid_until)}止有效。"
            "贵行逾期未完成审批或借款人、贷款条件发生变化的，本函自动失效。",
            st.body,
        ),
        closing(
            [
                para(
                    "六、本函不构成担保承诺，我公司的担保责任以另行签订的保证合同为准。",
                    st.body,
                ),
                para("特此函告。", st.body),
            ],
            signature_block(letterhead, doc.issue_date, st),
            contact_footer(letterhead, st, contact_name=doc.contact_name, contact_phone=doc.contact_phone),
        ),
    ]
    return body


def render_intent_letter(doc: IntentLetter, letterhead: Letterhead, font: FontChoice) -> bytes:
    return build_pdf(
        story(doc, letterhead, font),
        font,
        title_text=f"{TITLE} {doc.letter_no}",
        author=letterhead.company_name,
        running_header=f"{TITLE}　{doc.letter_no}",
    )
