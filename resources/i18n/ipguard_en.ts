<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="84"/>
        <source>无法打开数据库“{path}”：{detail}</source>
        <translation>Cannot open the database “{path}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="85"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="110"/>
        <source>上次运行异常退出</source>
        <translation>ipguard closed unexpectedly last time</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="111"/>
        <source>ipguard 上次运行时异常退出，崩溃记录已保存在：
{path}
如问题反复出现，请把该文件发给系统管理员。</source>
        <translation>ipguard closed unexpectedly last time; the crash record is in:
{path}
If this happens again, send that file to your administrator.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="110"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="124"/>
        <source>无法完成操作</source>
        <translation>Cannot do that</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="152"/>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="156"/>
        <source>程序遇到了意外错误。已保存的数据没有改动，刚才的操作未完成。
请复制下面的报告发给系统管理员；报告也已记入日志：{path}</source>
        <translation>The program met an unexpected error. Saved data is unchanged; the last action was not completed.
Please copy the report below and send it to your administrator; it is also in the log: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="170"/>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="69"/>
        <source>登录 ipguard</source>
        <translation>Sign in to ipguard</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="72"/>
        <source>知识产权快易贷 · 担保业务管理</source>
        <translation>IP Quick Loan · guarantee case management</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="75"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="84"/>
        <location filename="../../ui/dialogs/login.py" line="142"/>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="86"/>
        <location filename="../../ui/dialogs/login.py" line="144"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="94"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="121"/>
        <source>首次使用：创建管理员</source>
        <translation>First start: create the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="125"/>
        <source>这是一个新的数据库，还没有任何用户。请创建第一个管理员账户；之后用它登录，在“设置”中添加其他用户。</source>
        <translation>This is a new database without users. Create the first administrator account; sign in with it and add the other users under “Settings”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="143"/>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="145"/>
        <source>确认密码(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="155"/>
        <source>创建并登录</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="165"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>已刷新</source>
        <translation>Refreshed</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>已切换为 {name}</source>
        <translation>Signed in as {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>转到“{page}”</source>
        <translation>Go to “{page}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>新建案件(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>搜索案件(&amp;F)</source>
        <translation>&amp;Find cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>切换用户(&amp;S)…</source>
        <translation>&amp;Switch user…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>用户：{name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>角色：{roles}</source>
        <translation>Roles: {roles}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
</context>
<context>
    <name>Nav</name>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <location filename="../../ui/pages/dashboard.py" line="18"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <location filename="../../ui/pages/settings.py" line="71"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="19"/>
        <source>我的案件、到期事项和本月数据将显示在这里。</source>
        <translation>My cases, deadlines and this month’s figures will appear here.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../ui/pages/reports.py" line="139"/>
        <source>报表</source>
        <translation type="unfinished">Reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="143"/>
        <source>月度业务报表（Excel）：当月新增申请、审批、放款、解保、代偿，月末在保明细，按银行、行业、知识产权类型和客户经理的分布，办理时效，分险后的自留风险和监管比例。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="152"/>
        <location filename="../../ui/pages/reports.py" line="179"/>
        <source>生成月度报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="160"/>
        <source>报表月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="161"/>
        <source>报表月份(&amp;M)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="169"/>
        <source>输出文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="170"/>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="175"/>
        <source>输出文件(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="182"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="195"/>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="197"/>
        <source>尚未生成报表。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="202"/>
        <source>打开文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="203"/>
        <source>打开所在文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="213"/>
        <source>最近生成的报表（双击打开）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="216"/>
        <source>最近生成的报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="256"/>
        <source>保存月度报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="256"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="291"/>
        <source>正在生成 {month} 的报表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="324"/>
        <source>已生成 {month} 报表：{path}
月末在保 {count} 笔，余额 {balance} 元；自留风险 {retained} 元；担保责任余额 {liability} 元。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="337"/>
        <source>报表未生成：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="343"/>
        <source>已取消，没有生成文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="359"/>
        <source>文件已不存在：{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/i18n.py" line="45"/>
        <source>客户经理(A角)</source>
        <translation>Account manager (A)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46"/>
        <source>风控经理(B角)</source>
        <translation>Risk manager (B)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="47"/>
        <source>保审会委员</source>
        <translation>Committee member</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="48"/>
        <source>业务运营/法务</source>
        <translation>Operations / legal</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="49"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="24"/>
        <source>用户与角色</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="25"/>
        <source>合作银行</source>
        <translation>Banks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="26"/>
        <location filename="../../ui/pages/settings_parties.py" line="54"/>
        <source>推荐机构</source>
        <translation>Referrers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="27"/>
        <source>产品参数</source>
        <translation>Product parameters</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="28"/>
        <source>节假日调整</source>
        <translation>Holiday overrides</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="29"/>
        <source>文书与公司</source>
        <translation>Documents and company</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="30"/>
        <location filename="../../ui/pages/settings_general.py" line="193"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="73"/>
        <source>只有管理员可以修改设置；您可以查看，并更改本机的界面语言。</source>
        <translation>Only administrators can change settings; you can view them and change this workstation’s interface language.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="129"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="129"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="133"/>
        <location filename="../../ui/pages/settings_parties.py" line="93"/>
        <location filename="../../ui/pages/settings_parties.py" line="146"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="133"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="176"/>
        <source>只有管理员可以修改此设置</source>
        <translation>Only administrators can change this setting</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="87"/>
        <source>文书抬头与签发人</source>
        <translation>Letterhead and signatory</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="89"/>
        <source>公司名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="90"/>
        <location filename="../../ui/pages/settings_parties.py" line="104"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="91"/>
        <location filename="../../ui/pages/settings_parties.py" line="49"/>
        <location filename="../../ui/pages/settings_parties.py" line="57"/>
        <source>电话</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="92"/>
        <source>签发人</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="93"/>
        <source>签发人职务</source>
        <translation>Signatory’s title</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="95"/>
        <source>担保公司（监管比例计算）</source>
        <translation>Guarantee company (regulatory ratios)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="100"/>
        <source>净资产（元）</source>
        <translation>Net assets (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="103"/>
        <source>主要服务小微企业（责任余额上限为净资产的15倍）</source>
        <translation>Mainly serves small and micro firms (liability cap 15× net assets)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="107"/>
        <source>文书字体与备份</source>
        <translation>Document font and backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="109"/>
        <source>文书字体文件</source>
        <translation>Document font file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="110"/>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="113"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="115"/>
        <location filename="../../ui/pages/settings_product.py" line="55"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="140"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="163"/>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="168"/>
        <source>选择文书字体</source>
        <translation>Choose the document font</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="168"/>
        <source>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="174"/>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="195"/>
        <source>语言设置保存在本机，对本机的所有数据库有效。文书和报表始终使用中文。</source>
        <translation>The language is kept on this workstation, for every database. Documents and reports are always in Chinese.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="200"/>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="39"/>
        <source>银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="40"/>
        <location filename="../../ui/pages/settings_parties.py" line="98"/>
        <source>支行</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="41"/>
        <source>银行分担</source>
        <translation>Bank share</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="42"/>
        <location filename="../../ui/pages/settings_parties.py" line="100"/>
        <source>再担保机构</source>
        <translation>Re-guarantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="44"/>
        <source>再担保分担</source>
        <translation>Re-guarantor share</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="48"/>
        <location filename="../../ui/pages/settings_parties.py" line="56"/>
        <location filename="../../ui/pages/settings_parties.py" line="102"/>
        <location filename="../../ui/pages/settings_parties.py" line="152"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="50"/>
        <location filename="../../ui/pages/settings_parties.py" line="58"/>
        <location filename="../../ui/pages/settings_users.py" line="39"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="55"/>
        <location filename="../../ui/pages/settings_product.py" line="88"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="82"/>
        <source>新增银行</source>
        <translation>New bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="82"/>
        <source>编辑银行</source>
        <translation>Edit bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="97"/>
        <source>银行名称</source>
        <translation>Bank name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="99"/>
        <source>银行分担比例 (%)</source>
        <translation>Bank’s loss share (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="101"/>
        <source>再担保分担比例 (%)</source>
        <translation>Re-guarantor’s share (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="103"/>
        <location filename="../../ui/pages/settings_parties.py" line="153"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="108"/>
        <source>银行分担：损失中由银行承担的比例；再担保分担：担保公司承担部分中由再担保机构承担的比例。</source>
        <translation>Bank share: the part of a loss the bank keeps. Re-guarantor share: the part of the guarantee company’s loss the re-guarantor takes.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="139"/>
        <source>新增推荐机构</source>
        <translation>New referrer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="139"/>
        <source>编辑推荐机构</source>
        <translation>Edit referrer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="150"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="151"/>
        <source>类型（协会、园区…）</source>
        <translation>Kind (association, park…)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="184"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="213"/>
        <location filename="../../ui/pages/settings_product.py" line="152"/>
        <source>请先在列表中选择一行</source>
        <translation>Select a row in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="222"/>
        <source>合作银行及风险分担约定。停用的银行不再出现在新案件中，已有案件不受影响。</source>
        <translation>Cooperating banks and their risk-sharing terms. A deactivated bank is no longer offered for new cases; existing cases keep it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="223"/>
        <source>新增银行…</source>
        <translation>New bank…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="241"/>
        <source>推荐机构（知识产权融资促进会、园区、知识产权局等）出具推荐意见并按业务清单报送材料。</source>
        <translation>Referrers (IP financing association, parks, IP offices …) send a recommendation opinion and the materials of the checklist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="242"/>
        <source>新增推荐机构…</source>
        <translation>New referrer…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="38"/>
        <source>修改参数后请同时改写 version（新版本号）和 effective_date（生效日期）。保存时会校验整份文件；新版本只用于之后的新案件，已有案件按其受理时的版本解释。</source>
        <translation>When you change parameters, also change version (a new version number) and effective_date. Saving checks the whole file; the new version applies to new cases only, existing cases keep the version they were taken in under.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="53"/>
        <source>校验并保存为新版本</source>
        <translation>Check and save as a new version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="69"/>
        <source>产品：{name}（{code}）&#x3000;当前版本：{version}，生效日期：{date}&#x3000;已保存的版本数：{count}</source>
        <translation>Product: {name} ({code})   current version: {version}, effective {date}   saved versions: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="81"/>
        <source>已保存参数版本 {version}</source>
        <translation>Saved parameter version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="86"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="89"/>
        <location filename="../../ui/pages/settings_product.py" line="118"/>
        <source>调休上班</source>
        <translation>Working day (make-up)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="89"/>
        <location filename="../../ui/pages/settings_product.py" line="117"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="91"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="105"/>
        <source>期限按工作日计算，内置国务院公布的节假日安排。新一年的安排公布前或有特殊情况时，在这里补充：某天放假或调休上班。</source>
        <translation>Deadlines count working days on the built-in official holiday calendar. Before a new year’s schedule is known, or for special cases, add a day off or a make-up working day here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="120"/>
        <source>说明，如：春节调休</source>
        <translation>Note, e.g. Spring Festival make-up day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="121"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_product.py" line="122"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="36"/>
        <location filename="../../ui/pages/settings_users.py" line="67"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="37"/>
        <location filename="../../ui/pages/settings_users.py" line="68"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="38"/>
        <location filename="../../ui/pages/settings_users.py" line="84"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="58"/>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="58"/>
        <source>修改角色</source>
        <translation>Change roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="72"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="73"/>
        <location filename="../../ui/pages/settings_users.py" line="120"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="114"/>
        <source>重置密码：{name}</source>
        <translation>Reset password: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="119"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="144"/>
        <source>每位用户可以有多个角色；同一案件的A角与B角不能是同一人。停用的用户不能登录，历史记录保留。</source>
        <translation>A user may hold several roles; on one case the A and B roles must be different people. Deactivated users cannot sign in; their history stays.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="148"/>
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="149"/>
        <source>修改角色…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="150"/>
        <source>停用/启用</source>
        <translation>Deactivate/activate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="151"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="174"/>
        <source>请先在列表中选择一位用户</source>
        <translation>Select a user in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="194"/>
        <source>不能停用当前登录的用户</source>
        <translation>You cannot deactivate the signed-in user</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="197"/>
        <source>停用用户“{name}”？停用后不能登录，历史记录保留。</source>
        <translation>Deactivate “{name}”? They can no longer sign in; their history stays.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="199"/>
        <source>重新启用用户“{name}”？</source>
        <translation>Activate “{name}” again?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="201"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="210"/>
        <source>已为 {name} 设置新密码</source>
        <translation>New password set for {name}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspace/base.py" line="129"/>
        <source>案件已被修改</source>
        <translation>The case was changed</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/base.py" line="130"/>
        <source>现在重新载入案件吗？</source>
        <translation>Reload the case now?</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="110"/>
        <source>当前等待：{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="112"/>
        <source>案件已结束（{stage}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
