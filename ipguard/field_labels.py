"""Display labels of the fields an underwriter fills in, in Chinese and English.

Errors name their field; :func:`ipguard.messages.field_label` renders it with these.
"""

from ipguard import messages

messages.register_fields(
    {
        "name": ("名称", "name"),
        "db": ("数据库文件", "database file"),
        "output": ("输出文件", "output file"),
        "company.name": ("企业名称", "company name"),
        "uscc": ("统一社会信用代码", "unified social credit code"),
        "industry": ("所属行业", "industry"),
        "address": ("地址", "address"),
        "founded_on": ("成立日期", "founding date"),
        "contact_name": ("联系人", "contact"),
        "contact_phone": ("联系电话", "contact phone"),
        "controller_name": ("实际控制人姓名", "actual controller's name"),
        "resident_id": ("实际控制人身份证号", "actual controller's resident ID"),
        "annual_sales": ("年销售额", "annual sales"),
        "net_assets_last_year": ("上年度净资产", "net assets last year"),
        "net_assets_current": ("当期净资产", "net assets current period"),
        "existing_bank_loans": ("现有银行贷款", "existing bank loans"),
        "company_credit_good": ("企业信用记录良好", "company credit good"),
        "controller_credit_good": ("实际控制人信用记录良好", "controller credit good"),
        "counter_guarantee": ("愿意提供反担保", "willing to counter-guarantee"),
        "major_negative_info": ("重大负面信息", "major negative information"),
        "negative_info_note": ("负面信息说明", "negative information note"),
        "type": ("知识产权类型", "IP type"),
        "number": ("专利/登记号", "patent/registration number"),
        "title": ("名称", "title"),
        "owners": ("权利人", "owners"),
        "sole_owner": ("独占所有", "solely owned"),
        "filing_date": ("申请日", "filing date"),
        "grant_date": ("授权/登记日", "grant date"),
        "expiry_date": ("到期日", "expiry date"),
        "legal_status": ("法律状态", "legal status"),
        "nice_class": ("商标类别", "Nice class"),
        "pledged": ("已质押", "already pledged"),
        "licensed": ("已许可", "licensed"),
        "in_dispute": ("存在争议", "in dispute"),
        "used_in_main_products": ("用于主营产品", "used in main products"),
        "revenue_supported": ("支撑收入", "revenue supported"),
        "requested_amount": ("申请金额", "requested amount"),
        "term_months": ("期限（月）", "term (months)"),
        "application_date": ("申请日期", "application date"),
        "bank_id": ("合作银行", "bank"),
        "referrer_id": ("推荐机构", "referrer"),
        "recommendation_opinion": ("推荐意见", "recommendation opinion"),
        "justification": ("书面说明", "justification"),
        "valid": ("有效", "valid"),
    }
)
