"""保审会决议: the guarantee review committee's resolution on a case."""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from ipguard.documents.disbursement_notice import ordinal
from ipguard.documents.fonts import FontChoice
from ipguard.documents.layout import (
    TEXT_WIDTH,
    DocTable,
    Styles,
    build_pdf,
    clause,
    closing,
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
from ipguard.documents.models import VOTE_LABELS, CommitteeResolution, Letterhead
from ipguard.money import yuan_and_uppercase

TITLE = "保审会决议"


def _opening(doc: CommitteeResolution) -> str:
    session = f"{esc(doc.session_text)}" if doc.session_text else ""
    place = f"在{esc(doc.meeting_place)}" if doc.meeting_place else ""
    chair = f"，会议由{esc(doc.chair_name)}主持" if doc.chair_name else ""
    loan = f"贷款{yuan_and_uppercase(doc.loan_amount)}" if doc.loan_amount is not None else "贷款"
    return (
        f"{date_text(doc.meeting_date)}，公司{place}召开{session}担保业务评审委员会（保审会）会议{chair}，"
        f"对{esc(doc.borrower_name)}向{esc(doc.bank_branch)}申请{loan}的担保项目（业务编号：{esc(doc.case_no)}）进行了审议。"
    )


def _attendance(doc: CommitteeResolution) -> str:
    present = len(doc.members_present)
    names = "、".join(esc(m) for m in doc.members_present)
    quorum_ok = present >= doc.quorum
    verdict = "符合议事规则规定的人数要求" if quorum_ok else "未达到议事规则规定的人数要求"
    return f"出席会议委员{present}人：{names}。议事规则要求出席委员不少于{doc.quorum}人，本次会议{verdict}。"


def _tally(doc: CommitteeResolution) -> str:
    counts = Counter(v.vote for v in doc.votes)
    return (
        f"表决结果：同意{counts['approve']}票，有条件同意{counts['approve_with_conditions']}票，"
        f"不同意{counts['decline']}票。根据议事规则，项目须经出席委员{esc(doc.required_majority_text)}以上同意"
        "（含有条件同意票）方可通过。"
    )


def _decision(doc: CommitteeResolution) -> str:
    terms = f"担保金额{yuan_and_uppercase(doc.guarantee_amount)}，期限{term_text(doc.term_months)}，担保方式为{esc(doc.guarantee_form)}"
    subject = f"为{esc(doc.borrower_name)}向{esc(doc.bank_branch)}申请的贷款提供担保"
    if doc.decision == "approve":
        return f"经表决，会议决议：同意{subject}，{terms}。"
    if doc.decision == "approve_with_conditions":
        return f"经表决，会议决议：有条件同意{subject}，{terms}。须落实以下条件："
    return f"经表决，会议决议：不同意{subject}。"


def _member_signatures(doc: CommitteeResolution, st: Styles) -> list[Flowable]:
    """出席委员签字: a name and a line to sign on, three members per row."""
    per_row = 3
    names = list(doc.members_present)
    rows: list[list[object]] = []
    for start in range(0, len(names), per_row):
        chunk = names[start : start + per_row]
        chunk += [""] * (per_row - len(chunk))
        row: list[object] = []
        for name in chunk:
            row.extend([para(f"{esc(name)}：" if name else "", st.cell_right), ""])
        rows.append(row)
    commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    for r in range(len(rows)):
        for c in range(per_row):
            if r * per_row + c < len(names):
                commands.append(("LINEBELOW", (2 * c + 1, r), (2 * c + 1, r), 0.5, colors.black))
    sign_table = DocTable(
        rows or [[""] * (2 * per_row)],
        colWidths=[TEXT_WIDTH * 0.12, TEXT_WIDTH * 0.2] * per_row,
        rowHeights=[32] * max(len(rows), 1),
        style=commands,
        hAlign="LEFT",
    )
    officers = []
    if doc.chair_name:
        officers.append(f"主任委员：{esc(doc.chair_name)}")
    if doc.recorder_name:
        officers.append(f"记录人：{esc(doc.recorder_name)}")
    tail: list[Flowable] = [para("出席委员签字：", st.plain), sign_table]
    if officers:
        tail.append(Spacer(1, 8))
        tail.append(DocTable([[para(text, st.plain) for text in officers]], colWidths=[TEXT_WIDTH / 2] * len(officers),
                          hAlign="LEFT", style=[("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return tail


def story(doc: CommitteeResolution, letterhead: Letterhead, font: FontChoice) -> list[Flowable]:
    st = styles_for(font)
    votes = grid_table(
        ("序号", "委员", "表决意见", "意见说明"),
        [(str(i), v.member, VOTE_LABELS.get(v.vote, v.vote), v.comment or "—") for i, v in enumerate(doc.votes, 1)],
        (0.08, 0.16, 0.18, 0.58),
        st,
        align="cccl",
    )
    flow: list[Flowable] = [
        *letterhead_block(letterhead, doc.resolution_no, st),
        title(TITLE, st),
        para(_opening(doc), st.body),
        para(_attendance(doc), st.body),
        para("各委员表决情况如下：", st.body),
        Spacer(1, 4),
        votes,
        Spacer(1, 8),
        para(_tally(doc), st.body),
        para(_decision(doc), st.body),
    ]
    if doc.decision != "decline" and doc.conditions:
        count = len(doc.conditions)
        flow.extend(para(f"{ordinal(i)}{esc(clause(c, i == count))}", st.body) for i, c in enumerate(doc.conditions, 1))
    issuer = f"{esc(letterhead.company_name)}担保业务评审委员会"
    # The last two paragraphs, the members' signatures and the seal stay on one page.
    last = flow.pop()
    flow.append(
        closing(
            [last, para("本决议自表决通过之日起生效，由业务部门据此办理后续手续。", st.body), Spacer(1, 12),
             *_member_signatures(doc, st)],
            signature_block(letterhead, doc.meeting_date, st, with_signatory=False, issuer=issuer),
        )
    )  # fmt: skip
    return flow


def render_committee_resolution(doc: CommitteeResolution, letterhead: Letterhead, font: FontChoice, audit_mark: str = "") -> bytes:
    return build_pdf(
        story(doc, letterhead, font),
        font,
        title_text=f"{TITLE} {doc.resolution_no}",
        author=letterhead.company_name,
        subject=f"{TITLE}：{doc.borrower_name}（业务编号 {doc.case_no}）",
        doc_date=doc.meeting_date,
        audit_mark=audit_mark,
        running_header=f"{TITLE}　{doc.resolution_no}",
    )
