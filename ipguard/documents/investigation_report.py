"""调查报告: the investigation report the A and B roles submit to the committee."""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ipguard.documents.fonts import FontChoice
from ipguard.documents.layout import (
    TEXT_WIDTH,
    DocTable,
    Styles,
    build_pdf,
    date_text,
    esc,
    grid_table,
    kv_table,
    meta_row,
    owners_column_needed,
    para,
    section,
    styles_for,
    term_text,
    title,
)
from ipguard.documents.models import OUTCOME_LABELS, InvestigationReport, Letterhead
from ipguard.money import format_yuan, format_yuan_or_dash, yuan_and_uppercase

TITLE = "知识产权质押融资担保项目调查报告"
SECTIONS = ("一", "二", "三", "四", "五", "六", "七", "八")


def _header(doc: InvestigationReport, letterhead: Letterhead, st: Styles) -> list[Flowable]:
    meta = meta_row(
        [f"报告编号：{doc.report_no}", f"业务编号：{doc.case_no}", f"报告日期：{date_text(doc.report_date)}"], st
    )
    return [para(esc(letterhead.company_name), st.subtitle), title(TITLE, st), meta, Spacer(1, 6)]


def _profile(doc: InvestigationReport, st: Styles) -> list[Flowable]:
    pairs = [
        ("企业名称", doc.company_name),
        ("统一社会信用代码", doc.uscc),
        ("所属行业", doc.industry),
        ("成立日期", date_text(doc.founded_on, blank="—")),
        ("实际控制人", doc.controller_name),
        ("推荐单位", doc.referrer or "—"),
        ("注册地址", doc.address),
    ]
    wide = ["注册地址", "推荐意见"]
    if doc.main_business:
        pairs.append(("主营业务", doc.main_business))
        wide.append("主营业务")
    if doc.bank_branch:
        pairs.append(("贷款银行", doc.bank_branch))
        wide.append("贷款银行")
    pairs.append(("推荐意见", doc.recommendation_opinion or "—"))
    tags = "、".join(doc.target_tags) if doc.target_tags else "未勾选"
    return [
        kv_table(pairs, st, wide=wide),
        Spacer(1, 4),
        para(f"目标客户特征（三最七高）：{esc(tags)}（共{len(doc.target_tags)}项）。", st.body),
    ]


def _financials(doc: InvestigationReport, st: Styles) -> list[Flowable]:
    rows = [
        ("年销售额", format_yuan_or_dash(doc.annual_sales), ""),
        ("上年度净资产", format_yuan_or_dash(doc.net_assets_last_year), "上年度报税报表"),
        ("当期净资产", format_yuan_or_dash(doc.net_assets_current), "当期报税报表"),
        ("现有银行贷款", format_yuan_or_dash(doc.existing_bank_loans), ""),
        ("申请贷款金额", format_yuan_or_dash(doc.requested_amount), f"期限{term_text(doc.term_months)}"),
    ]
    return [grid_table(("项目", "金额（元）", "说明"), rows, (0.3, 0.3, 0.4), st, align="lrl")]


def _criteria(doc: InvestigationReport, st: Styles) -> list[Flowable]:
    rows = [
        (str(i), c.name, c.value, c.threshold, OUTCOME_LABELS.get(c.outcome, c.outcome), c.reason)
        for i, c in enumerate(doc.criteria, 1)
    ]
    flow: list[Flowable] = [
        grid_table(("序号", "准入标准", "实际情况", "标准", "结论", "说明"), rows, (0.07, 0.18, 0.2, 0.2, 0.1, 0.25), st,
                   align="clllcl"),
    ]  # fmt: skip
    failed = [c.name for c in doc.criteria if c.outcome == "fail"]
    if failed:
        flow.append(para(f"不符合的准入标准：{esc('、'.join(failed))}。", st.body))
    if doc.justification:
        flow.append(Spacer(1, 4))
        flow.append(para(f"风控经理书面说明：{esc(doc.justification)}", st.body))
    return flow


def _assets(doc: InvestigationReport, st: Styles) -> list[Flowable]:
    total = sum(a.recognized_value or 0 for a in doc.assets)
    if owners_column_needed([a.owner for a in doc.assets], doc.company_name) or not all(a.sole_owner for a in doc.assets):
        rows: list[tuple[str, ...]] = [
            (str(i), a.ip_type.label, a.number, a.name_text, f"{a.owner}（{a.ownership_text}）", format_yuan_or_dash(a.recognized_value))
            for i, a in enumerate(doc.assets, 1)
        ]
        rows.append(("", "合计", f"{len(doc.assets)}项", "", "", format_yuan(total)))
        header: tuple[str, ...] = ("序号", "类型", "专利号/登记号", "名称", "权利人（权属）", "认定价值（元）")
        widths: tuple[float, ...] = (0.075, 0.13, 0.21, 0.21, 0.2, 0.175)
        align, note = "cclllr", []
    else:
        rows = [(str(i), a.ip_type.label, a.number, a.name_text, format_yuan_or_dash(a.recognized_value)) for i, a in enumerate(doc.assets, 1)]
        rows.append(("", "合计", f"{len(doc.assets)}项", "", format_yuan(total)))
        header = ("序号", "类型", "专利号/登记号", "名称", "认定价值（元）")
        widths, align = (0.075, 0.145, 0.23, 0.37, 0.18), "ccllr"
        note = [Spacer(1, 3), para("以上知识产权的权利人均为申请企业，单独所有。", st.note)]
    return [grid_table(header, rows, widths, st, align=align, total_row=True), *note]


def _amounts(doc: InvestigationReport, st: Styles) -> list[Flowable]:
    rows = [(line.name, format_yuan_or_dash(line.amount), line.note, "★ 取值" if line.binding else "") for line in doc.amount_chain]
    fee = f"担保费：{yuan_and_uppercase(doc.fee)}"
    if doc.fee_rate_text:
        fee += f"（{esc(doc.fee_rate_text)}）"
    return [
        para("担保金额取下列各项的最小值：", st.body),
        Spacer(1, 3),
        grid_table(("测算项目", "金额（元）", "依据", "结果"), rows, (0.28, 0.2, 0.38, 0.14), st, align="lrlc"),
        Spacer(1, 4),
        para(f"建议担保金额：{yuan_and_uppercase(doc.guarantee_amount)}，期限{term_text(doc.term_months)}，"
             f"担保方式：{esc(doc.guarantee_form)}。", st.body),
        para(f"{fee}。", st.body),
    ]  # fmt: skip


def _signatures(doc: InvestigationReport, st: Styles) -> Flowable:
    def cell(role: str, name: str, when: dt.date | None) -> list[Flowable]:
        return [
            para(f"{role}：{esc(name)}", st.plain),
            Spacer(1, 14),
            para("签字：", st.plain),
            para(f"日期：{date_text(when)}", st.plain),
        ]

    table = DocTable(
        [[cell("调查人（A角，客户经理）", doc.a_user_name, doc.a_signed_at),
          cell("调查人（B角，风控经理）", doc.b_user_name, doc.b_signed_at)]],
        colWidths=[TEXT_WIDTH / 2] * 2,
        style=[("BOX", (0, 0), (-1, -1), 0.6, colors.black), ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.black),
               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
               ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)],
    )  # fmt: skip
    return KeepTogether([Spacer(1, 10), table])


def story(doc: InvestigationReport, letterhead: Letterhead, font: FontChoice) -> list[Flowable]:
    st = styles_for(font)
    parts: list[tuple[str, list[Flowable]]] = [
        ("企业基本情况", _profile(doc, st)),
        ("财务状况及融资申请", _financials(doc, st)),
        ("准入标准核查", _criteria(doc, st)),
        ("质押知识产权及价值认定", _assets(doc, st)),
        ("担保金额测算", _amounts(doc, st)),
        ("调查结论及意见", [para(esc(line), st.body) for line in (doc.opinion.splitlines() or [""])]),
    ]
    flow: list[Flowable] = _header(doc, letterhead, st)
    for number, (heading, blocks) in zip(SECTIONS, parts, strict=False):
        flow.extend(section(f"{number}、{heading}", st, blocks))
        flow.extend(blocks)
    flow.append(_signatures(doc, st))
    return flow


def render_investigation_report(doc: InvestigationReport, letterhead: Letterhead, font: FontChoice, audit_mark: str = "") -> bytes:
    return build_pdf(
        story(doc, letterhead, font),
        font,
        title_text=f"{TITLE} {doc.report_no}",
        author=letterhead.company_name,
        subject=f"{TITLE}：{doc.company_name}（业务编号 {doc.case_no}）",
        doc_date=doc.report_date,
        audit_mark=audit_mark,
        running_header=f"调查报告　{doc.report_no}　{doc.company_name}",
    )
