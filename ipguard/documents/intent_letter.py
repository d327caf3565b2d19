"""担保意向函: the guarantee intent letter to the lending bank, in GB/T 9704-2012 form.

版头 (issuer in red, 发文字号, red rule), title in 2号, addressee, body in 3号
仿宋 (else 宋) justified, 28 characters × 22 lines; the committee's conditions
on a conditional approval, the guarantee's scope and period, the bank's risk
share, the pledged assets (classes of trademarks) — as a 附件 on its own page
when there are more than ``attachment_threshold`` — then issuer and date with
room for the seal, 附注 with the handling officer and telephone, and the 版记
(抄送, 印发) at the foot of the last page. A reissued letter says which number
it replaces.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from ipguard.documents.fonts import FontChoice
from ipguard.documents.layout import (
    OFFICIAL_LEADING,
    OfficialSignature,
    Styles,
    build_pdf,
    clause,
    colophon,
    date_text,
    esc,
    grid_table,
    letterhead_block,
    official_note,
    official_styles_for,
    owners_column_needed,
    para,
    styles_for,
    term_text,
    title,
)
from ipguard.documents.models import IntentLetter, Letterhead, PledgedAssetLine
from ipguard.money import yuan_and_uppercase

TITLE = "担保意向函"
CN_NUMBERS = "一二三四五六七八九十"


def addressee(bank_name: str, bank_branch: str) -> str:
    """The bank as addressed: name and branch, without repeating the name."""
    if not bank_name or bank_branch.startswith(bank_name):
        return bank_branch or bank_name
    return f"{bank_name}{bank_branch}"


def asset_table(assets: tuple[PledgedAssetLine, ...], holder: str, st: Styles) -> Flowable:
    """Pledged assets; the owner and ownership columns only when some asset is not the borrower's alone."""
    if owners_column_needed([a.owner for a in assets], holder) or not all(a.sole_owner for a in assets):
        rows: list[tuple[str, ...]] = [(str(i), a.ip_type.label, a.number, a.name_text, a.owner, a.ownership_text) for i, a in enumerate(assets, 1)]
        return grid_table(("序号", "类型", "专利号/登记号", "名称", "权利人", "权属"), rows, (0.07, 0.13, 0.22, 0.27, 0.2, 0.11),
                          st, align="cclllc")  # fmt: skip
    rows = [(str(i), a.ip_type.label, a.number, a.name_text) for i, a in enumerate(assets, 1)]
    return grid_table(("序号", "类型", "专利号/登记号", "名称"), rows, (0.07, 0.145, 0.27, 0.515), st, align="ccll")


def pledgor_text(assets: tuple[PledgedAssetLine, ...], holder: str) -> str:
    if owners_column_needed([a.owner for a in assets], holder) or not all(a.sole_owner for a in assets):
        return "借款人及相关权利人"
    return "借款人"


def percent_text(bp: int) -> str:
    return f"{bp // 100}%" if bp % 100 == 0 else f"{bp / 100:.2f}%"


def sub_ordinal(n: int) -> str:
    return f"（{CN_NUMBERS[n - 1]}）" if 1 <= n <= len(CN_NUMBERS) else f"（{n}）"


def _items(doc: IntentLetter, as_attachment: bool) -> list[str]:
    """The numbered points of the letter (escaped markup)."""
    form = esc(doc.guarantee_form)
    scope = f"，保证范围为{esc(doc.guarantee_scope)}" if doc.guarantee_scope else ""
    period = f"，保证期间为{esc(doc.guarantee_period)}" if doc.guarantee_period else ""
    if doc.bank_share_bp:
        share = (f"按贵行与我公司签订的合作协议，贵行承担本笔贷款风险损失的{percent_text(doc.bank_share_bp)}，"
                 f"我公司承担{percent_text(10_000 - doc.bank_share_bp)}")  # fmt: skip
    else:
        share = "贵行不分担本笔贷款的风险损失，我公司按保证合同承担担保责任"
    where = "详见附件" if as_attachment else "清单如下"
    return [
        f"担保金额：{yuan_and_uppercase(doc.guarantee_amount)}，担保期限与贷款期限一致（{term_text(doc.term_months)}）。",
        f"担保方式：{form}{scope}{period}。",
        f"风险分担：{share}。",
        f"反担保措施：{pledgor_text(doc.assets, doc.borrower_name)}以其知识产权共{len(doc.assets)}项向我公司提供质押反担保（{where}）；"
        f"实际控制人{esc(doc.controller_name)}提供{esc(doc.controller_guarantee_form)}反担保。",
        f"审批时限：请贵行于{date_text(doc.approval_deadline)}前（自本函出具之日起{doc.deadline_working_days}个工作日内）"
        "完成该笔贷款的审批，并将审批结果书面告知我公司。",
        f"有效期：本函自出具之日起至{date_text(doc.valid_until)}止有效。贵行逾期未完成审批或借款人、贷款条件发生变化的，本函自动失效。",
        "本函不构成担保承诺，我公司的担保责任以另行签订的保证合同为准。",
    ]


def story(doc: IntentLetter, letterhead: Letterhead, font: FontChoice) -> list[Flowable]:
    st = official_styles_for(font)
    cells = styles_for(font)
    bank = addressee(doc.bank_name, doc.bank_branch)
    as_attachment = len(doc.assets) > doc.attachment_threshold
    committee = f"（决议文号：{esc(doc.resolution_no)}）" if doc.resolution_no else ""
    verdict = "有条件同意" if doc.decision == "approve_with_conditions" else "同意"
    flow: list[Flowable] = [
        *letterhead_block(letterhead, doc.letter_no, st),
        title(TITLE, st),
        para(f"{esc(bank)}：", st.addressee),
        para(
            f"{esc(doc.borrower_name)}（统一社会信用代码：{esc(doc.borrower_uscc)}，以下简称“借款人”）"
            f"拟向贵行申请{esc(doc.loan_purpose)}贷款{yuan_and_uppercase(doc.loan_amount)}，期限{term_text(doc.term_months)}。"
            f"该笔业务经我公司“{esc(doc.product_name)}”产品审查（业务编号：{esc(doc.case_no)}），"
            f"经我公司担保业务评审委员会审议{committee}，{verdict}为借款人的上述贷款提供担保。现将有关事项函告如下：",
            st.body,
        ),
    ]
    if doc.replaces_no:
        flow.insert(len(flow) - 1, para(f"本函替代我公司原出具的{esc(doc.replaces_no)}《担保意向函》，原函作废。", st.body))
    items = _items(doc, as_attachment)
    n = 0
    for i, text in enumerate(items):
        n += 1
        flow.append(para(f"{CN_NUMBERS[n - 1]}、{text}", st.body))
        if i == 3 and not as_attachment:
            flow += [Spacer(1, 4), asset_table(doc.assets, doc.borrower_name, cells), Spacer(1, 6)]
        if i == 1 and doc.decision == "approve_with_conditions" and doc.conditions:
            n += 1
            flow.append(para(f"{CN_NUMBERS[n - 1]}、担保条件：我公司担保业务评审委员会决定的下列条件落实后，方签订保证合同：", st.body))
            last = len(doc.conditions)
            flow += [para(f"{sub_ordinal(k)}{esc(clause(c, k == last))}", st.body) for k, c in enumerate(doc.conditions, 1)]
    tail = [para("特此函告。", st.body)]
    if as_attachment:
        tail.append(para(f"附件：质押知识产权清单（共{len(doc.assets)}项）", st.body))
    signature = OfficialSignature(f"{letterhead.company_name}{letterhead.seal_text}", date_text(doc.issue_date), font.body_name,
                                  signatory=f"{letterhead.signatory_title}（签字）：{letterhead.signatory}")  # fmt: skip
    flow.append(KeepTogether([*tail, Spacer(1, OFFICIAL_LEADING * 0.5), signature, para(official_note(letterhead, doc.contact_name, doc.contact_phone), st.note)]))
    if as_attachment:
        flow += [
            PageBreak(),
            para("附件", font_style(st, font)),
            para("质押知识产权清单", st.title),
            asset_table(doc.assets, doc.borrower_name, cells),
        ]
    flow.append(colophon(doc.cc, f"{letterhead.company_name}", f"{date_text(doc.issue_date)}印发", font))
    return flow


def font_style(st: Styles, font: FontChoice) -> ParagraphStyle:
    """附件 label: 3号黑体, top left (GB/T 9704 8.1)."""
    return ParagraphStyle("attachment", parent=st.plain, fontName=font.heading_name)


def render_intent_letter(doc: IntentLetter, letterhead: Letterhead, font: FontChoice, audit_mark: str = "") -> bytes:
    return build_pdf(
        story(doc, letterhead, font),
        font,
        title_text=f"{TITLE} {doc.letter_no}",
        subject=f"{TITLE}：{doc.borrower_name}（业务编号 {doc.case_no}）",
        author=letterhead.company_name,
        running_header=f"{TITLE}　{doc.letter_no}",
        doc_date=doc.issue_date,
        official=True,
        audit_mark=audit_mark,
    )
