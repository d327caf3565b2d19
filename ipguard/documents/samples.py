"""Sample documents with realistic data, for the render script, tests and demos.

All amounts in fen. Patent numbers carry valid check digits.
"""

from __future__ import annotations

import datetime as dt

from ipguard.documents.models import (
    AmountLine,
    CommitteeResolution,
    CriterionLine,
    DisbursementNotice,
    IntentLetter,
    InvestigationReport,
    Letterhead,
    PledgedAssetLine,
    VoteLine,
)
from ipguard.domain import IpType

YUAN = 100

LETTERHEAD = Letterhead(
    company_name="上海浦东科技融资担保有限公司",
    address="上海市浦东新区张江高科技园区科苑路88号德国中心3楼",
    telephone="021-5888 6000",
    signatory="王建国",
    signatory_title="法定代表人或授权代表",
    postcode="201203",
)

BORROWER = "上海芯驰微电子科技有限公司"
USCC = "91310115MA1K4CUN0C"

ASSETS = (
    PledgedAssetLine(IpType.INVENTION_PATENT, "ZL202110123456.7", "一种低功耗射频收发芯片的时钟校准方法", BORROWER,
                     "Y2026310000123", 1_800_000 * YUAN),
    PledgedAssetLine(IpType.INVENTION_PATENT, "ZL201410362077.3", "基于多级流水线的高速模数转换器及其校准电路", BORROWER,
                     "Y2026310000124", 1_200_000 * YUAN),
    PledgedAssetLine(IpType.UTILITY_MODEL, "ZL202020456789.2", "一种芯片封装散热结构", BORROWER, "Y2026310000125", 300_000 * YUAN),
    PledgedAssetLine(IpType.TRADEMARK, "45678912", "芯驰（第9类）", BORROWER, "ZC2026000456", 400_000 * YUAN),
    PledgedAssetLine(IpType.SOFTWARE_COPYRIGHT, "2021SR0123456", "芯驰射频芯片调试与测试软件V2.0", BORROWER,
                     "2026-Z-000789", 300_000 * YUAN),
)


def intent_letter() -> IntentLetter:
    return IntentLetter(
        letter_no="浦科担函〔2026〕12号",
        issue_date=dt.date(2026, 11, 9),
        bank_name="上海农村商业银行股份有限公司",
        bank_branch="上海农村商业银行股份有限公司张江科技支行",
        borrower_name=BORROWER,
        borrower_uscc=USCC,
        loan_amount=3_000_000 * YUAN,
        term_months=12,
        guarantee_amount=3_000_000 * YUAN,
        guarantee_form="连带责任保证",
        assets=ASSETS,
        controller_name="李明远",
        approval_deadline=dt.date(2026, 11, 23),
        deadline_working_days=10,
        valid_until=dt.date(2026, 12, 9),
        case_no="KYD-2026-0047",
        contact_name="张晓",
        contact_phone="021-5888 6012",
    )


def disbursement_notice() -> DisbursementNotice:
    return DisbursementNotice(
        notice_no="浦科担放〔2026〕9号",
        issue_date=dt.date(2026, 11, 27),
        bank_name="上海农村商业银行股份有限公司",
        bank_branch="张江科技支行",
        case_no="KYD-2026-0047",
        borrower_name=BORROWER,
        borrower_uscc=USCC,
        loan_contract_no="31012026280047",
        guarantee_contract_no="浦科担保字（2026）第0047号",
        counter_guarantee_contract_no="浦科担质字（2026）第0047-1号",
        loan_amount=3_000_000 * YUAN,
        guarantee_amount=3_000_000 * YUAN,
        term_months=12,
        start_date=dt.date(2026, 11, 30),
        maturity_date=dt.date(2027, 11, 29),
        registrations=ASSETS,
        conditions_confirmed=(
            "知识产权质押登记已办理完毕，质押登记通知书原件已收妥；",
            "借款合同、保证合同、质押反担保合同及实际控制人保证反担保合同均已签署，法律文本经我公司法务审核确认；",
            "担保费已足额收取；",
            "保审会决议所附条件（借款人在贷款银行开立结算账户并归集不低于贷款金额30%的销售回款）已落实。",
        ),
        contact_name="张晓",
        contact_phone="021-5888 6012",
    )


def investigation_report() -> InvestigationReport:
    return InvestigationReport(
        report_no="浦科担调〔2026〕47号",
        case_no="KYD-2026-0047",
        report_date=dt.date(2026, 11, 2),
        company_name=BORROWER,
        uscc=USCC,
        industry="集成电路设计",
        address="中国（上海）自由贸易试验区祖冲之路1077号2幢1201室",
        founded_on=dt.date(2016, 5, 18),
        controller_name="李明远",
        referrer="上海市浦东新区知识产权融资促进会",
        recommendation_opinion="该企业专注于低功耗射频芯片研发，核心专利已实现产业化，经营稳健，同意推荐申请知识产权快易贷。",
        main_business="射频收发芯片、高速模数转换芯片的研发与销售",
        annual_sales=9_260_000 * YUAN,
        net_assets_last_year=5_430_000 * YUAN,
        net_assets_current=6_120_000 * YUAN,
        existing_bank_loans=1_000_000 * YUAN,
        requested_amount=3_000_000 * YUAN,
        term_months=12,
        criteria=(
            CriterionLine("annual_sales", "年销售额", "pass", "9,260,000.00元", "> 2,000,000.00元"),
            CriterionLine("own_ip", "拥有完全自主可控、可用于质押的知识产权", "pass", "有效5项", "≥ 1项"),
            CriterionLine("company_credit", "企业信用记录良好", "pass", "征信无不良记录", "良好"),
            CriterionLine("controller_credit", "实际控制人信用记录良好", "pass", "征信无不良记录", "良好"),
            CriterionLine("counter_guarantee", "愿意提供反担保", "pass", "同意质押及个人保证", "愿意"),
            CriterionLine("negative_info", "无重大负面信息", "pass", "未发现诉讼、执行、处罚记录", "无"),
            CriterionLine("net_assets", "上年度及当期净资产非负", "pass", "5,430,000.00元；6,120,000.00元", "≥ 0"),
            CriterionLine("loan_to_sales", "销贷比", "justify", "43.20%", "原则上 ≤ 40%",
                          "超过原则性标准3.20个百分点，风控经理已书面说明"),
        ),
        justification=(
            "企业2026年1—9月销售额已达8,150,000.00元，在手订单约4,600,000.00元，按全年口径测算销贷比约为32%；"
            "超标部分主要系季节性备货所致，风险可控，建议提交保审会审议。"
        ),
        assets=ASSETS,
        amount_chain=(
            AmountLine("申请金额", 3_000_000 * YUAN, "企业申请", True),
            AmountLine("认定价值×质押率", 4_000_000 * YUAN * 1, "认定价值4,000,000.00元×质押率100%"),
            AmountLine("销贷比上限对应金额", 2_704_000 * YUAN, "按40%测算；已书面说明超标"),
            AmountLine("产品单户上限", 5_000_000 * YUAN, "知识产权快易贷产品参数"),
            AmountLine("监管单一客户上限", 60_000_000 * YUAN, "净资产的10%"),
        ),
        guarantee_amount=3_000_000 * YUAN,
        fee=30_000 * YUAN,
        fee_rate_text="年费率1.00%",
        target_tags=("供应链最上游", "技术最底层", "高技术壁垒", "高研发投入", "高成长性"),
        a_user_name="张晓",
        a_signed_at=dt.date(2026, 11, 2),
        b_user_name="陈立",
        b_signed_at=dt.date(2026, 11, 3),
        opinion=(
            "经调查，借款人主营业务突出，核心技术具有自主知识产权，符合知识产权快易贷准入标准（销贷比超标部分已作书面说明）。"
            "质押知识产权权属清晰、法律状态有效，认定价值合计4,000,000.00元。"
            "建议为借款人向上海农村商业银行股份有限公司张江科技支行申请的流动资金贷款提供连带责任保证担保，"
            "担保金额3,000,000.00元，期限12个月，反担保措施为知识产权质押及实际控制人个人无限连带责任保证。"
        ),
        bank_branch="上海农村商业银行股份有限公司张江科技支行",
    )


def committee_resolution() -> CommitteeResolution:
    return CommitteeResolution(
        resolution_no="浦科担审〔2026〕31号",
        case_no="KYD-2026-0047",
        meeting_date=dt.date(2026, 11, 6),
        borrower_name=BORROWER,
        bank_branch="上海农村商业银行股份有限公司张江科技支行",
        guarantee_amount=3_000_000 * YUAN,
        loan_amount=3_000_000 * YUAN,
        term_months=12,
        members_present=("周海涛", "吴静", "郑国强", "孙丽华", "钱卫东"),
        votes=(
            VoteLine("周海涛", "approve", "企业技术实力较强，同意。"),
            VoteLine("吴静", "approve_with_conditions", "建议要求借款人在贷款行归集销售回款。"),
            VoteLine("郑国强", "approve", ""),
            VoteLine("孙丽华", "approve_with_conditions", "销贷比略超标准，须落实回款归集。"),
            VoteLine("钱卫东", "decline", "销贷比超过40%，建议降低担保金额至2,700,000.00元。"),
        ),
        decision="approve_with_conditions",
        conditions=(
            "借款人须在贷款银行开立结算账户，并归集不低于贷款金额30%的销售回款；",
            "实际控制人李明远及其配偶提供个人无限连带责任保证反担保；",
            "放款前完成全部质押知识产权的质押登记。",
        ),
        quorum=5,
        required_majority_text="三分之二",
        session_text="2026年第31次",
        meeting_place="公司三楼第一会议室",
        chair_name="周海涛",
        recorder_name="林芳",
    )
