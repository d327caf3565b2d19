"""Source strings that ``ui/`` translates through a variable, marked here for ``pyside6-lupdate``.

``translate("Workspace", tab.title)`` or ``[translate("Contracts", h) for h in (...)]``
works at run time, but lupdate only collects string literals written inside a
``translate``/``QT_TRANSLATE_NOOP`` call. This module lists those texts once,
per context, so they reach ``resources/i18n/ipguard_en.ts``. It is never
imported; keep it in step when such a tuple changes (``--check`` of
``scripts/build_translations.py`` does not notice a string missing here, the
English window does).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

WORKSPACE = (
    # tab titles (WorkspaceTab.title)
    QT_TRANSLATE_NOOP("Workspace", "受理"),
    QT_TRANSLATE_NOOP("Workspace", "知识产权"),
    QT_TRANSLATE_NOOP("Workspace", "准入"),
    QT_TRANSLATE_NOOP("Workspace", "价值认定"),
    QT_TRANSLATE_NOOP("Workspace", "调查报告"),
    QT_TRANSLATE_NOOP("Workspace", "保审会"),
    QT_TRANSLATE_NOOP("Workspace", "意向函"),
    QT_TRANSLATE_NOOP("Workspace", "签约"),
    QT_TRANSLATE_NOOP("Workspace", "质押登记"),
    QT_TRANSLATE_NOOP("Workspace", "放款"),
    QT_TRANSLATE_NOOP("Workspace", "保后"),
    QT_TRANSLATE_NOOP("Workspace", "文书"),
    QT_TRANSLATE_NOOP("Workspace", "时间线与审计"),
    QT_TRANSLATE_NOOP("Workspace", "电子档案"),
    # the workspace header
    QT_TRANSLATE_NOOP("Workspace", "阶段"),
    QT_TRANSLATE_NOOP("Workspace", "申请金额"),
    QT_TRANSLATE_NOOP("Workspace", "担保额"),
    QT_TRANSLATE_NOOP("Workspace", "客户经理(A角)"),
    QT_TRANSLATE_NOOP("Workspace", "风控经理(B角)"),
    QT_TRANSLATE_NOOP("Workspace", "贷款银行"),
    # stage bar tooltips
    QT_TRANSLATE_NOOP("Workspace", "已完成"),
    QT_TRANSLATE_NOOP("Workspace", "当前阶段"),
    QT_TRANSLATE_NOOP("Workspace", "未到"),
    QT_TRANSLATE_NOOP("Workspace", "未经过"),
    # intake tab
    QT_TRANSLATE_NOOP("Workspace", "企业名称"),
    QT_TRANSLATE_NOOP("Workspace", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("Workspace", "行业"),
    QT_TRANSLATE_NOOP("Workspace", "联系人"),
    QT_TRANSLATE_NOOP("Workspace", "实际控制人"),
    QT_TRANSLATE_NOOP("Workspace", "推荐机构"),
    QT_TRANSLATE_NOOP("Workspace", "年销售额(元)"),
    QT_TRANSLATE_NOOP("Workspace", "上年末净资产(元)"),
    QT_TRANSLATE_NOOP("Workspace", "当期净资产(元)"),
    QT_TRANSLATE_NOOP("Workspace", "现有银行贷款(元)"),
    QT_TRANSLATE_NOOP("Workspace", "企业信用记录良好"),
    QT_TRANSLATE_NOOP("Workspace", "实际控制人信用记录良好"),
    QT_TRANSLATE_NOOP("Workspace", "愿意提供反担保"),
    QT_TRANSLATE_NOOP("Workspace", "有重大负面信息"),
    # assets tab columns
    QT_TRANSLATE_NOOP("Workspace", "类型"),
    QT_TRANSLATE_NOOP("Workspace", "号码"),
    QT_TRANSLATE_NOOP("Workspace", "名称"),
    QT_TRANSLATE_NOOP("Workspace", "权利人"),
    QT_TRANSLATE_NOOP("Workspace", "有效期至"),
    QT_TRANSLATE_NOOP("Workspace", "法律状态"),
    QT_TRANSLATE_NOOP("Workspace", "主营产品使用"),
    QT_TRANSLATE_NOOP("Workspace", "支撑收入(元)"),
    # read_only_table headers (ui.workspace.common)
    QT_TRANSLATE_NOOP("Workspace", "提示"),
    QT_TRANSLATE_NOOP("Workspace", "委员"),
    QT_TRANSLATE_NOOP("Workspace", "意见"),
    QT_TRANSLATE_NOOP("Workspace", "说明"),
    QT_TRANSLATE_NOOP("Workspace", "时间"),
    QT_TRANSLATE_NOOP("Workspace", "材料"),
    QT_TRANSLATE_NOOP("Workspace", "必需"),
    QT_TRANSLATE_NOOP("Workspace", "状态"),
    QT_TRANSLATE_NOOP("Workspace", "日期"),
    QT_TRANSLATE_NOOP("Workspace", "备注"),
    QT_TRANSLATE_NOOP("Workspace", "准入条件"),
    QT_TRANSLATE_NOOP("Workspace", "数值"),
    QT_TRANSLATE_NOOP("Workspace", "标准"),
    QT_TRANSLATE_NOOP("Workspace", "结果"),
    QT_TRANSLATE_NOOP("Workspace", "从"),
    QT_TRANSLATE_NOOP("Workspace", "到"),
    QT_TRANSLATE_NOOP("Workspace", "经办人"),
    QT_TRANSLATE_NOOP("Workspace", "记录时间"),
    QT_TRANSLATE_NOOP("Workspace", "序号"),
    QT_TRANSLATE_NOOP("Workspace", "用户"),
    QT_TRANSLATE_NOOP("Workspace", "对象"),
    QT_TRANSLATE_NOOP("Workspace", "操作"),
    QT_TRANSLATE_NOOP("Workspace", "变更"),
    QT_TRANSLATE_NOOP("Workspace", "认定价值(元)"),
    QT_TRANSLATE_NOOP("Workspace", "质押率"),
    QT_TRANSLATE_NOOP("Workspace", "质押价值(元)"),
    QT_TRANSLATE_NOOP("Workspace", "计算过程"),
    QT_TRANSLATE_NOOP("Workspace", "项目"),
    QT_TRANSLATE_NOOP("Workspace", "金额(元)"),
    QT_TRANSLATE_NOOP("Workspace", "来源"),
    QT_TRANSLATE_NOOP("Workspace", "决定额度"),
)

LATER_TABS = (
    QT_TRANSLATE_NOOP("Contracts", "合同"),
    QT_TRANSLATE_NOOP("Contracts", "合同编号"),
    QT_TRANSLATE_NOOP("Contracts", "签约方"),
    QT_TRANSLATE_NOOP("Contracts", "签订日期"),
    QT_TRANSLATE_NOOP("Registration", "知识产权"),
    QT_TRANSLATE_NOOP("Registration", "类型"),
    QT_TRANSLATE_NOOP("Registration", "名称"),
    QT_TRANSLATE_NOOP("Registration", "登记机关"),
    QT_TRANSLATE_NOOP("Registration", "提交日"),
    QT_TRANSLATE_NOOP("Registration", "登记号"),
    QT_TRANSLATE_NOOP("Registration", "登记日"),
    QT_TRANSLATE_NOOP("Registration", "已收通知书"),
    QT_TRANSLATE_NOOP("PostLoan", "日期"),
    QT_TRANSLATE_NOOP("PostLoan", "金额（元）"),
    QT_TRANSLATE_NOOP("PostLoan", "来源"),
    QT_TRANSLATE_NOOP("PostLoan", "处置的知识产权"),
    QT_TRANSLATE_NOOP("PostLoan", "说明"),
    # recovery sources (ipguard.workflow.postloan.RECOVERY_SOURCES)
    QT_TRANSLATE_NOOP("PostLoan", "现金清偿"),
    QT_TRANSLATE_NOOP("PostLoan", "质押知识产权处置"),
    QT_TRANSLATE_NOOP("PostLoan", "反担保人代偿"),
    QT_TRANSLATE_NOOP("PostLoan", "其他"),
    QT_TRANSLATE_NOOP("Documents", "文书"),
    QT_TRANSLATE_NOOP("Documents", "编号"),
    QT_TRANSLATE_NOOP("Documents", "出具日"),
    QT_TRANSLATE_NOOP("Documents", "状态"),
    QT_TRANSLATE_NOOP("Documents", "大小"),
)

DASHBOARD = (
    QT_TRANSLATE_NOOP("Dashboard", "新增申请"),
    QT_TRANSLATE_NOOP("Dashboard", "保审会批准"),
    QT_TRANSLATE_NOOP("Dashboard", "否决"),
    QT_TRANSLATE_NOOP("Dashboard", "放款笔数"),
    QT_TRANSLATE_NOOP("Dashboard", "放款金额"),
    QT_TRANSLATE_NOOP("Dashboard", "解保笔数"),
    QT_TRANSLATE_NOOP("Dashboard", "月末在保"),
    QT_TRANSLATE_NOOP("Dashboard", "在保余额"),
    QT_TRANSLATE_NOOP("Dashboard", "案件编号"),
    QT_TRANSLATE_NOOP("Dashboard", "企业"),
    QT_TRANSLATE_NOOP("Dashboard", "阶段"),
    QT_TRANSLATE_NOOP("Dashboard", "担保额/申请额"),
    QT_TRANSLATE_NOOP("Dashboard", "阶段变更"),
    QT_TRANSLATE_NOOP("Dashboard", "状态"),
    QT_TRANSLATE_NOOP("Dashboard", "事项"),
    QT_TRANSLATE_NOOP("Dashboard", "案件"),
    QT_TRANSLATE_NOOP("Dashboard", "期限"),
    QT_TRANSLATE_NOOP("Dashboard", "银行审批"),
    QT_TRANSLATE_NOOP("Dashboard", "贷款到期"),
    QT_TRANSLATE_NOOP("Dashboard", "质押登记"),
)

# screening criteria (ipguard.rules.criteria.RULE_LABELS), shown by the screening tab
CRITERIA = (
    QT_TRANSLATE_NOOP("Criteria", "年销售额"),
    QT_TRANSLATE_NOOP("Criteria", "可质押知识产权"),
    QT_TRANSLATE_NOOP("Criteria", "企业信用记录"),
    QT_TRANSLATE_NOOP("Criteria", "实际控制人信用记录"),
    QT_TRANSLATE_NOOP("Criteria", "反担保意愿"),
    QT_TRANSLATE_NOOP("Criteria", "无重大负面信息"),
    QT_TRANSLATE_NOOP("Criteria", "净资产非负"),
    QT_TRANSLATE_NOOP("Criteria", "销贷比"),
)
