<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="88"/>
        <source>无法打开数据库“{path}”：{detail}</source>
        <translation>Cannot open the database “{path}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="89"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="171"/>
        <source>上次运行异常退出</source>
        <translation>ipguard closed unexpectedly last time</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="172"/>
        <source>ipguard 上次运行时异常退出，崩溃记录已保存在：
{path}
如问题反复出现，请把该文件发给系统管理员。</source>
        <translation>ipguard closed unexpectedly last time; the crash record is in:
{path}
If this happens again, send that file to your administrator.</translation>
    </message>
</context>
<context>
    <name>Assets</name>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="42"/>
        <source>独占所有</source>
        <translation>Solely owned</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="43"/>
        <source>用于主营产品</source>
        <translation>Used in main products</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="44"/>
        <source>已质押</source>
        <translation>Already pledged</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="45"/>
        <source>已许可</source>
        <translation>Licensed out</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="46"/>
        <source>存在争议</source>
        <translation>In dispute</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="49"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="50"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="51"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="52"/>
        <location filename="../../ui/widgets/asset_editor.py" line="169"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="53"/>
        <location filename="../../ui/widgets/asset_editor.py" line="172"/>
        <source>授权/登记日</source>
        <translation>Granted/registered</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="54"/>
        <location filename="../../ui/widgets/asset_editor.py" line="173"/>
        <source>到期日</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="86"/>
        <source>{type}号码有效：{number}</source>
        <translation>Valid {type} number: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="119"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="121"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="123"/>
        <source>从Excel导入(&amp;I)…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="125"/>
        <source>导入模板…</source>
        <translation>Import template…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="126"/>
        <source>保存一份知识产权导入模板（xlsx）</source>
        <translation>Save a copy of the IP asset import template (xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="141"/>
        <location filename="../../ui/widgets/asset_editor.py" line="295"/>
        <source>如 ZL202110123456.7</source>
        <translation>e.g. ZL202110123456.7</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="144"/>
        <source>不填则为申请企业</source>
        <translation>Leave empty for the applicant company</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="154"/>
        <source>元/年，可不填</source>
        <translation>yuan a year, optional</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="160"/>
        <source>商标类别</source>
        <translation>Nice class</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="162"/>
        <source>法律状态</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="165"/>
        <source>类型(&amp;T)</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="168"/>
        <source>号码(&amp;U)</source>
        <translation>N&amp;umber</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="170"/>
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="172"/>
        <source>申请日</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="177"/>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="181"/>
        <source>情况</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="182"/>
        <source>支撑收入</source>
        <translation>Revenue supported</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="293"/>
        <source>注册号，如 12345678</source>
        <translation>registration no., e.g. 12345678</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="294"/>
        <source>如 2021SR0123456</source>
        <translation>e.g. 2021SR0123456</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="295"/>
        <source>如 国作登字-2021-F-00123456</source>
        <translation>registration no. as on the certificate, e.g. …-2021-F-00123456</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="335"/>
        <source>从Excel导入知识产权</source>
        <translation>Import IP assets from Excel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="336"/>
        <location filename="../../ui/widgets/asset_editor.py" line="377"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="359"/>
        <source>已从 {file} 导入 {n} 项</source>
        <translation>Imported {n} from {file}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="360"/>
        <source>，{n} 项已在列表中未重复添加</source>
        <translation>; {n} already in the list were not added again</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="362"/>
        <source>{n} 行未导入：</source>
        <translation>{n} rows not imported:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="363"/>
        <source>第 {row} 行 {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="366"/>
        <source>……另有 {n} 行</source>
        <translation>… and {n} more rows</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="376"/>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/asset_editor.py" line="382"/>
        <source>模板已保存到 {path}</source>
        <translation>Template saved to {path}</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../ui/backup_tasks.py" line="45"/>
        <source>已自动备份到 {path}</source>
        <translation>Backed up automatically to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_tasks.py" line="77"/>
        <source>自动备份失败：{reason}</source>
        <translation>Automatic backup failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_tasks.py" line="91"/>
        <source>正在自动备份…</source>
        <translation>Backing up automatically…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="76"/>
        <source>当前连接的是团队服务器（{server}）。服务器数据库由系统管理员用 ipguard server backup（PostgreSQL 的 pg_dump）按计划备份，并在服务器上校验和恢复；工作站不备份也不恢复共享数据库。需要恢复某个时点的数据时，请联系系统管理员（见 docs/team-server.md）。</source>
        <translation>This window works on the team server ({server}). Its database is backed up on a schedule by your administrator with ipguard server backup (PostgreSQL&apos;s pg_dump), and verified and restored on the server; a workstation neither backs up nor restores the shared database. To get data back from a point in time, ask your administrator (see docs/team-server.md).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="107"/>
        <source>数据库备份</source>
        <translation>Database backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="118"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="120"/>
        <source>从所选备份恢复…</source>
        <translation>Restore from selected backup…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="122"/>
        <source>从其他备份文件恢复…</source>
        <translation>Restore from another backup file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="123"/>
        <source>刷新列表</source>
        <translation>Refresh list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="150"/>
        <source>备份使用 SQLite 在线备份，程序打开时也可安全进行；每个备份写入后都会校验（完整性、审计链、存档文书）。存档的文书保存在数据库中，随备份一起保存。恢复前会先把当前数据库备份一份（类别“恢复前”）。</source>
        <translation>Backups use SQLite’s online backup, safe while the program is open; each backup is verified after writing (integrity, audit chain, archived documents). Archived documents live in the database and are backed up with it. Before a restore, the current database is backed up first (kind “before restore”).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="176"/>
        <source>备份文件夹：{path}（在“文书与公司”中修改）</source>
        <translation>Backup folder: {path} (change it under “Documents and company”)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="179"/>
        <source>备份文件夹不可用：{reason}</source>
        <translation>Backup folder unavailable: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="182"/>
        <source>每天首次启动程序时自动备份；自动备份保留最近 {days} 天的每日一份和最近 {months} 个月的每月一份。</source>
        <translation>An automatic backup is made at the first start each day; automatic backups keep one a day for the last {days} days and one a month for the last {months} months.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="187"/>
        <source>自动备份已关闭。</source>
        <translation>Automatic backup is off.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="196"/>
        <source>只有管理员可以备份和恢复数据库</source>
        <translation>Only administrators can back up and restore the database</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="208"/>
        <source>无法备份</source>
        <translation>Cannot back up</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="213"/>
        <location filename="../../ui/pages/settings_backup.py" line="218"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="224"/>
        <source>已备份到 {path}（{size}，已校验）</source>
        <translation>Backed up to {path} ({size}, verified)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="233"/>
        <source>备份失败：{reason}</source>
        <translation>Backup failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="249"/>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="251"/>
        <source>ipguard 备份 (*.sqlite);;所有文件 (*)</source>
        <translation>ipguard backups (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="258"/>
        <source>请先在列表中选择一个备份。</source>
        <translation>Select a backup in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="272"/>
        <location filename="../../ui/pages/settings_backup.py" line="290"/>
        <source>正在恢复数据库…</source>
        <translation>Restoring the database…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="280"/>
        <source>将用备份“{name}”替换当前数据库“{db}”的全部内容。

该备份之后录入的所有数据（案件、审批、文书等）都会从当前数据库中消失。恢复前程序会先把当前数据库备份一份（类别“恢复前”），需要时可以再恢复回来。

恢复完成后，程序会关闭当前窗口并重新打开数据库，请重新登录。其他电脑上若也打开了此数据库，请先让他们退出程序。

确定要恢复吗？</source>
        <translation>The whole content of the current database “{db}” will be replaced by the backup “{name}”.

Everything entered after that backup (cases, approvals, documents …) will disappear from the current database. Before restoring, the program backs up the current database (kind “before restore”), so you can go back if needed.

After the restore the program closes this window and reopens the database; please sign in again. If the database is open on other computers, ask those users to quit first.

Restore now?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="288"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="296"/>
        <source>未恢复：{reason}</source>
        <translation>Not restored: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_backup.py" line="303"/>
        <source>已从备份“{name}”恢复数据库。
恢复前的数据库已备份到：{pre}

程序现在重新打开数据库，请重新登录。</source>
        <translation>The database was restored from the backup “{name}”.
The database as it was before is backed up to: {pre}

The program now reopens the database; please sign in again.</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="69"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="70"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="73"/>
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="76"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="78"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="85"/>
        <location filename="../../ui/workspace/tab_casefile.py" line="120"/>
        <source>选择一个文件以预览</source>
        <translation>Select a file to preview it</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="134"/>
        <source>无法预览此 PDF，请用系统程序打开</source>
        <translation>This PDF cannot be previewed; open it with the system&apos;s viewer</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="145"/>
        <source>无法预览此图片，请用系统程序打开</source>
        <translation>This image cannot be previewed; open it with the system&apos;s viewer</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="152"/>
        <source>此类文件不能在程序内预览，请用系统程序打开</source>
        <translation>Files of this type cannot be previewed here; open it with the system&apos;s viewer</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="221"/>
        <source>归属：</source>
        <translation>Belongs to:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="223"/>
        <source>归属</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="226"/>
        <source>附加文件…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="228"/>
        <source>替换为新版本…</source>
        <translation>Replace with a new version…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="230"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="232"/>
        <source>用系统程序打开</source>
        <translation>Open with the system&apos;s viewer</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="234"/>
        <source>另存副本…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="236"/>
        <source>导出档案 zip…</source>
        <translation>Export case file zip…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="242"/>
        <source>可将文件拖放到此处，附加到上面选择的归属；PDF、图片、Office/WPS 文档</source>
        <translation>Drop files here to attach them to what is chosen above; PDF, images, Office/WPS documents</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="274"/>
        <source>全部文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="275"/>
        <source>本案（不属于清单项）</source>
        <translation>The case (no checklist item)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="280"/>
        <source>清单：</source>
        <translation>Checklist: </translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="286"/>
        <source>记录：</source>
        <translation>Record: </translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="310"/>
        <source>本案</source>
        <translation>The case</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="311"/>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="311"/>
        <source>已被替换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="324"/>
        <source>本案 {n} 个文件；档案库共 {blobs} 个文件，{size}</source>
        <translation>{n} files in this case; the case-file store holds {blobs} files, {size}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="366"/>
        <location filename="../../ui/workspace/tab_casefile.py" line="404"/>
        <source>正在附加文件…</source>
        <translation>Attaching the file…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="374"/>
        <source>附加文件</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="375"/>
        <source>档案文件</source>
        <translation>Case-file documents</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="393"/>
        <source>选择新版本</source>
        <translation>Choose the new version</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="396"/>
        <source>替换原因</source>
        <translation>Reason for replacing</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="396"/>
        <source>为什么替换此文件？</source>
        <translation>Why is this file replaced?</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="410"/>
        <source>删除文件“{name}”</source>
        <translation>Remove the file “{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="411"/>
        <source>文件将从档案中删除（操作记入审计）。</source>
        <translation>The file is removed from the case file (the removal is audited).</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="422"/>
        <source>另存副本</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="443"/>
        <source>导出电子档案</source>
        <translation>Export the case file</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="448"/>
        <source>正在导出电子档案…</source>
        <translation>Exporting the case file…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="453"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_casefile.py" line="454"/>
        <source>已导出 {n} 个文件到 {path}</source>
        <translation>Exported {n} files to {path}</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../ui/models/case_list.py" line="48"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="49"/>
        <source>企业名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="50"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="51"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="52"/>
        <source>合作银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="53"/>
        <source>客户经理</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="54"/>
        <source>申请金额（万元）</source>
        <translation>Requested (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="55"/>
        <source>担保额（万元）</source>
        <translation>Guarantee (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="56"/>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="57"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list.py" line="319"/>
        <source>按“{column}”排序（再点一次反向）</source>
        <translation>Sort by “{column}” (click again to reverse)</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <location filename="../../ui/pages/cases.py" line="71"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="118"/>
        <source>搜索企业名称、统一社会信用代码、案件编号或知识产权号码</source>
        <translation>Search by company name, unified social credit code, case no. or IP number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="120"/>
        <source>搜索案件</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="121"/>
        <source>新建案件(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="123"/>
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="124"/>
        <source>把当前筛选出的案件导出为 Excel 文件</source>
        <translation>Export the cases shown to an Excel file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="126"/>
        <location filename="../../ui/pages/cases.py" line="471"/>
        <source>导出所选…</source>
        <translation>Export selected…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="127"/>
        <source>只导出表中选中的案件（Shift/Ctrl 多选，Ctrl+A 全选）</source>
        <translation>Export only the cases selected in the table (Shift/Ctrl to select several, Ctrl+A for all)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="142"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="145"/>
        <source>案件数</source>
        <translation>Number of cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="148"/>
        <source>阶段(&amp;S)</source>
        <translation>&amp;Stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="149"/>
        <source>银行(&amp;B)</source>
        <translation>&amp;Bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="150"/>
        <source>客户经理(&amp;M)</source>
        <translation>Account &amp;manager</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="151"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="152"/>
        <source>申请日期(&amp;D)</source>
        <translation>Applied &amp;from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="153"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="199"/>
        <source>首条</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="200"/>
        <source>回到列表第一条（Ctrl+Home）</source>
        <translation>Back to the first case of the list (Ctrl+Home)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="202"/>
        <source>末条</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="203"/>
        <source>一步跳到列表最后一条（Ctrl+End）</source>
        <translation>Jump to the last case of the list in one step (Ctrl+End)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="206"/>
        <source>当前位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="211"/>
        <source>正在导出… %v / %m</source>
        <translation>Exporting… %v / %m</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="212"/>
        <source>取消导出</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="234"/>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="235"/>
        <source>办理中（放款前）</source>
        <translation>In progress (before disbursement)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="237"/>
        <source>全部银行</source>
        <translation>All banks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="239"/>
        <source>全部客户经理</source>
        <translation>All account managers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="240"/>
        <source>全部产品</source>
        <translation>All products</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="363"/>
        <source>共 1 件</source>
        <translation>1 case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="364"/>
        <source>共 {n} 件</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="434"/>
        <source>第 {first}–{last} 条</source>
        <translation>Rows {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="470"/>
        <location filename="../../ui/pages/cases.py" line="486"/>
        <source>导出所选（{n}）…</source>
        <translation>Export selected ({n})…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="484"/>
        <source>打开所选案件（最多 {m} 个）</source>
        <translation>Open the selected cases (at most {m})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="485"/>
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="487"/>
        <source>复制所选行（Ctrl+C）</source>
        <translation>Copy the selected rows (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="510"/>
        <source>已复制 {n} 行</source>
        <translation>{n} rows copied</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="543"/>
        <source>新建案件（Ctrl+N）</source>
        <translation>New case (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="544"/>
        <source>只有客户经理或管理员可以受理新案件</source>
        <translation>Only account managers and administrators can open new cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="575"/>
        <source>导出案件列表</source>
        <translation>Export case list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="576"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_export.py" line="28"/>
        <source>正在导出 {n} 件案件…</source>
        <translation>Exporting {n} cases…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="637"/>
        <source>已导出 {n} 件案件到 {path}</source>
        <translation>Exported {n} cases to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="642"/>
        <source>导出失败：{message}</source>
        <translation>Export failed: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="647"/>
        <source>已取消导出，未写入文件</source>
        <translation>Export cancelled; no file written</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../ui/i18n.py" line="72"/>
        <source>已收</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="73"/>
        <source>缺失</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="74"/>
        <source>待收</source>
        <translation>pending</translation>
    </message>
</context>
<context>
    <name>Contracts</name>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="26"/>
        <source>登记已签订的合同</source>
        <translation>Record a signed contract</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="32"/>
        <source>例如 浦科担保字2026第015号</source>
        <translation>e.g. PKDB-2026-015</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="34"/>
        <source>银行、借款企业或反担保人</source>
        <translation>Bank, borrower or counter-guarantor</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="36"/>
        <source>合同类型：</source>
        <translation>Contract type:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="37"/>
        <source>合同编号：</source>
        <translation>Contract no.:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="38"/>
        <source>签约方：</source>
        <translation>Counterparty:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="39"/>
        <source>签订日期：</source>
        <translation>Signed on:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="40"/>
        <source>登记合同</source>
        <translation>Record contract</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="49"/>
        <source>完成签约</source>
        <translation>Contracts complete</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_contracts.py" line="62"/>
        <source>{required}均已签订；借款合同可在放款前补登。</source>
        <translation>{required} are all signed; the loan contract may be recorded up to disbursement.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="103"/>
        <source>合同</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="104"/>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="105"/>
        <source>签约方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="106"/>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
</context>
<context>
    <name>Criteria</name>
    <message>
        <location filename="../../ui/i18n_sources.py" line="157"/>
        <source>年销售额</source>
        <translation>Annual sales</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="158"/>
        <source>可质押知识产权</source>
        <translation>Pledgeable IP</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="159"/>
        <source>企业信用记录</source>
        <translation>Company credit record</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="160"/>
        <source>实际控制人信用记录</source>
        <translation>Controller&apos;s credit record</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="161"/>
        <source>反担保意愿</source>
        <translation>Counter-guarantee</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="162"/>
        <source>无重大负面信息</source>
        <translation>No major adverse information</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="163"/>
        <source>净资产非负</source>
        <translation>Net assets not negative</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="164"/>
        <source>销贷比</source>
        <translation>Loans to sales</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="53"/>
        <source>专利年费</source>
        <translation>Patent annual fee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="54"/>
        <source>商标续展</source>
        <translation>Trademark renewal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="55"/>
        <source>逾期未代偿</source>
        <translation>Default not compensated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="71"/>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="73"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="74"/>
        <source>剩 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="81"/>
        <source>银行审批期限 {due}</source>
        <translation>Bank approval due {due}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="82"/>
        <source>，已逾期</source>
        <translation>, overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="84"/>
        <source>质押登记待办，跟进日 {due}</source>
        <translation>Pledge registration pending, follow up on {due}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="86"/>
        <source>贷款到期日 {due}</source>
        <translation>Loan matures on {due}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="87"/>
        <source>，已到期</source>
        <translation>, matured</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="140"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="147"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="172"/>
        <source>查看待办 →</source>
        <translation>My work →</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="210"/>
        <source>没有待办的期限事项。</source>
        <translation>No deadlines pending.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="223"/>
        <source>单击打开案件</source>
        <translation>Click to open the case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="234"/>
        <source>我负责的案件（A角或B角）</source>
        <translation>My cases (as A or B)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="234"/>
        <source>全部案件</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="235"/>
        <source>{name} · 今天 {today} · 显示：{scope}</source>
        <translation>{name} · today {today} · showing: {scope}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="237"/>
        <source>我的案件（按阶段）</source>
        <translation>My cases (by stage)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="237"/>
        <source>全部案件（按阶段）</source>
        <translation>All cases (by stage)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="242"/>
        <source>{stage}&#x3000;{n}</source>
        <translation>{stage}  {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="243"/>
        <source>{stage}：{n} 件</source>
        <translation>{stage}: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="250"/>
        <source>本月业务（{month}）</source>
        <translation>This month ({month})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="251"/>
        <source>{year}年{month}月</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="254"/>
        <source>{n} 件</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="254"/>
        <source>1 件</source>
        <translation>1 case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="257"/>
        <source>{n} 笔</source>
        <translation>{n} loans</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="257"/>
        <source>1 笔</source>
        <translation>1 loan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="278"/>
        <source>办理中的案件（点上面的阶段筛选，单击案件打开）：</source>
        <translation>Open cases (click a stage above to filter, click a case to open it):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="281"/>
        <source>“{stage}”阶段的案件（单击打开）：</source>
        <translation>Cases at “{stage}” (click to open):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="297"/>
        <source>期限提醒（{n} 项，其中逾期 {m} 项）</source>
        <translation>Deadlines ({n}, of which {m} overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="303"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="309"/>
        <source>待办</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="315"/>
        <source>{date}（{left}）</source>
        <translation>{date} ({left})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="319"/>
        <source>{case_no} {company}：{text}</source>
        <translation>{case_no} {company}: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="339"/>
        <source>我的待办（{n} 项，其中逾期 {m} 项）</source>
        <translation>My work ({n} items, {m} overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="342"/>
        <source>正在读取待办…</source>
        <translation>Reading your work…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="344"/>
        <source>没有等待您处理的事项。</source>
        <translation>Nothing is waiting for you.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="133"/>
        <source>新增申请</source>
        <translation>New applications</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="134"/>
        <source>保审会批准</source>
        <translation>Approved by committee</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="135"/>
        <source>否决</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="136"/>
        <source>放款笔数</source>
        <translation>Loans disbursed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="137"/>
        <source>放款金额</source>
        <translation>Amount disbursed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="138"/>
        <source>解保笔数</source>
        <translation>Guarantees released</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="139"/>
        <source>月末在保</source>
        <translation>In force at month end</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="140"/>
        <source>在保余额</source>
        <translation>Balance in force</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="141"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="142"/>
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="143"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="144"/>
        <source>担保额/申请额</source>
        <translation>Guarantee / requested</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="145"/>
        <source>阶段变更</source>
        <translation>Stage changed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="146"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="147"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="148"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="149"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="150"/>
        <location filename="../../ui/pages/dashboard.py" line="52"/>
        <source>银行审批</source>
        <translation>Bank approval</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="151"/>
        <location filename="../../ui/pages/dashboard.py" line="53"/>
        <source>贷款到期</source>
        <translation>Loan maturity</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="152"/>
        <location filename="../../ui/pages/dashboard.py" line="52"/>
        <source>质押登记</source>
        <translation>Pledge registration</translation>
    </message>
</context>
<context>
    <name>Disbursement</name>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="34"/>
        <location filename="../../ui/workspace/tab_disbursement.py" line="49"/>
        <location filename="../../ui/workspace/tab_disbursement.py" line="112"/>
        <source>登记放款</source>
        <translation>Record disbursement</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="36"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="40"/>
        <source>放款金额：</source>
        <translation>Loan amount:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="41"/>
        <source>起始日：</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="42"/>
        <source>到期日：</source>
        <translation>Maturity date:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="43"/>
        <source>借款合同编号：</source>
        <translation>Loan contract no.:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="55"/>
        <source>贷款与担保费</source>
        <translation>Loan and guarantee fee</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="59"/>
        <source>贷款：</source>
        <translation>Loan:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="60"/>
        <source>担保费：</source>
        <translation>Guarantee fee:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="84"/>
        <source>银行批准金额：{approved} 元；担保额：{guarantee} 元。放款金额不得超过两者中较低者。</source>
        <translation>Bank-approved amount: {approved} yuan; guarantee amount: {guarantee} yuan. The loan may not exceed the lower of the two.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="96"/>
        <source>尚未放款</source>
        <translation>Not disbursed yet</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="101"/>
        <source>{amount} 元，{start} 至 {maturity}，借款合同 {no}</source>
        <translation>{amount} yuan, {start} to {maturity}, loan contract {no}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="102"/>
        <source>{amount} 元（{upper}），{start} 至 {maturity}，借款合同 {no}</source>
        <translation>{amount} yuan ({upper}), {start} to {maturity}, loan contract {no}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="107"/>
        <source>应收 {fee} 元，{state}</source>
        <translation>{fee} yuan due, {state}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="109"/>
        <source>{on} 已收讫</source>
        <translation>received on {on}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="109"/>
        <source>尚未收讫（在“保后”登记）</source>
        <translation>not yet received (record it under “Post-loan”)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_disbursement.py" line="112"/>
        <source>将登记银行放款 {amount} 元，担保责任自放款日起生效（在保）。</source>
        <translation>The bank loan of {amount} yuan will be recorded; the guarantee takes effect from the disbursement date (in force).</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="82"/>
        <location filename="../../ui/workspace/tab_documents.py" line="105"/>
        <source>尚无文书可预览。</source>
        <translation>No document to preview yet.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="147"/>
        <source>打印 {title}</source>
        <translation>Print {title}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="296"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="243"/>
        <location filename="../../ui/workspace/tab_documents.py" line="344"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="237"/>
        <source>打印预览 {title}</source>
        <translation>Print preview {title}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="240"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="241"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="242"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="345"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="347"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="348"/>
        <source>打开存档副本</source>
        <translation>Open archived copy</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="349"/>
        <source>重新出具…</source>
        <translation>Reissue…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="359"/>
        <source>出具调查报告</source>
        <translation>Issue investigation report</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="360"/>
        <source>出具保审会决议</source>
        <translation>Issue committee resolution</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="404"/>
        <source>请选择一份有效文书（作废的副本只能预览，不能打印、另存或重新出具）</source>
        <translation>Select a valid document (a voided copy can be previewed only, not printed, saved or reissued)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="415"/>
        <source>【已作废】{kind} {no}：仅供查阅，已由后出具的文书取代。</source>
        <translation>[VOID] {kind} {no}: for reference only, replaced by a later issue.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="418"/>
        <source>存档副本 SHA-256：{sha}…（已作废）</source>
        <translation>Archived copy SHA-256: {sha}… (void)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="485"/>
        <source>正在重新出具文书…</source>
        <translation>Reissuing the document…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="408"/>
        <source>本案尚未出具文书。</source>
        <translation>No documents issued for this case yet.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="422"/>
        <source>存档副本 SHA-256：{sha}…；重印与存档完全一致。</source>
        <translation>Archived copy SHA-256: {sha}…; reprints are identical to the archive.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="432"/>
        <source>正在准备文书…</source>
        <translation>Preparing the document…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="469"/>
        <source>出具{kind}</source>
        <translation>Issue {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="469"/>
        <source>将占用下一个文书编号并出具；出具后只能作废重开，编号不能收回。</source>
        <translation>This takes the next document number and issues the document; once issued it can only be voided and reissued, the number is not returned.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="472"/>
        <source>正在出具文书…</source>
        <translation>Issuing the document…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="481"/>
        <source>重新出具{kind}</source>
        <translation>Reissue {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_documents.py" line="482"/>
        <source>请填写重新出具的原因（原文书 {no} 将作废并保留）：</source>
        <translation>Reason for reissuing (the original {no} will be voided and kept):</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="125"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="126"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="127"/>
        <source>出具日</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="128"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="129"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="118"/>
        <source>确认：{action}</source>
        <translation>Confirm: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="119"/>
        <source>此操作不能撤销。确定继续吗？</source>
        <translation>This cannot be undone. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="132"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="153"/>
        <source>登录已失效</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="158"/>
        <source>无法完成操作</source>
        <translation>Cannot do that</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="203"/>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="207"/>
        <source>程序遇到了意外错误。已保存的数据没有改动，刚才的操作未完成。
请复制下面的报告发给系统管理员；报告也已记入日志：{path}</source>
        <translation>The program met an unexpected error. Saved data is unchanged; the last action was not completed.
Please copy the report below and send it to your administrator; it is also in the log: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="221"/>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/widgets/fields.py" line="63"/>
        <source>{what}有效</source>
        <translation>Valid {what}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="68"/>
        <source>已输入 {n} 位，共 {length} 位</source>
        <translation>{n} of {length} characters</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="80"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="133"/>
        <source>有效</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="133"/>
        <source>有误</source>
        <translation>invalid</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="173"/>
        <source>未填</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="174"/>
        <source>{empty}（如 20261201）</source>
        <translation>{empty} (e.g. 20261201)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="178"/>
        <location filename="../../ui/widgets/fields.py" line="179"/>
        <source>选择日期</source>
        <translation>Pick a date</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="247"/>
        <source>“{text}”不是有效日期，可输入 20261201、2026-12-01 或 2026/12/1</source>
        <translation>“{text}” is not a date; type 20261201, 2026-12-01 or 2026/12/1</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../ui/database_files.py" line="94"/>
        <source>团队服务器 {server}</source>
        <translation>team server {server}</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="106"/>
        <source>欢迎使用 ipguard</source>
        <translation>Welcome to ipguard</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="107"/>
        <source>这台电脑上还没有 ipguard 数据库。</source>
        <translation>There is no ipguard database on this computer yet.</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="109"/>
        <source>演示数据库含 36 个处于各阶段的案件和各角色的用户（密码 ipguard-demo），适合试用；正式使用请新建空数据库，由第一位管理员设置账号。</source>
        <translation>The demo database holds 36 cases at every stage and users for every role (password ipguard-demo), for trying the program; for real work create an empty database, where the first administrator sets up the accounts.</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="115"/>
        <source>打开演示数据库(&amp;D)</source>
        <translation>Open the &amp;demo database</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="116"/>
        <source>新建空数据库(&amp;E)</source>
        <translation>Create an &amp;empty database</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="117"/>
        <source>打开已有数据库(&amp;O)…</source>
        <translation>&amp;Open an existing database…</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="125"/>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="134"/>
        <location filename="../../ui/database_files.py" line="146"/>
        <source>连接团队服务器</source>
        <translation>Connect to the team server</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="135"/>
        <source>服务器连接（系统管理员提供），例如 postgresql://db.example.cn/ipguard 或 service=ipguard。
不要在这里填写密码：登录时输入。</source>
        <translation>Server connection (from your administrator), e.g. postgresql://db.example.cn/ipguard or service=ipguard.
Do not put a password here: you type it when signing in.</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="147"/>
        <source>“{text}”不是服务器连接：请以 postgresql:// 开头，或写成 service=名称</source>
        <translation>“{text}” is not a server connection: start it with postgresql:// or write service=NAME</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="156"/>
        <source>新建演示数据库</source>
        <translation>New demo database</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="165"/>
        <source>替换演示数据库</source>
        <translation>Replace the demo database</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="166"/>
        <source>“{path}”是一个演示数据库，将被新的演示数据整体替换，其中的改动都会丢失。继续吗？</source>
        <translation>“{path}” is a demo database; it will be replaced whole by new demo data and any changes in it are lost. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="193"/>
        <location filename="../../ui/database_files.py" line="199"/>
        <source>无法新建演示数据库</source>
        <translation>Could not create the demo database</translation>
    </message>
    <message>
        <location filename="../../ui/database_files.py" line="197"/>
        <source>正在生成演示数据库…</source>
        <translation>Creating the demo database…</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../ui/help_menu.py" line="23"/>
        <source>Esc&#x3000;关闭案件，回到案件列表</source>
        <translation>Esc  close the case and go back to the list</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="24"/>
        <source>日期栏：直接输入 20261201、2026-12-01 或 2026/12/1，Tab 到下一栏</source>
        <translation>Date fields: type 20261201, 2026-12-01 or 2026/12/1; Tab moves to the next field</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="25"/>
        <source>金额栏：可输入元（3,000,000）或万元（300万）</source>
        <translation>Amount fields: yuan (3,000,000), or units of 10,000 yuan with the “wan” character after the figure</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="30"/>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="34"/>
        <source>ipguard {version}
知识产权质押融资担保业务系统
Python {python} · PySide6 {qt}</source>
        <translation>ipguard {version}
IP-pledge financing guarantee system
Python {python} · PySide6 {qt}</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="39"/>
        <source>关于 ipguard</source>
        <translation>About ipguard</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="55"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="56"/>
        <source>键盘快捷键(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="57"/>
        <source>关于 ipguard(&amp;A)</source>
        <translation>&amp;About ipguard</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="53"/>
        <source>企业信用记录良好</source>
        <translation>Company has a clean credit record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="54"/>
        <source>实际控制人信用记录良好</source>
        <translation>Controlling person has a clean credit record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="55"/>
        <source>愿意提供反担保</source>
        <translation>Willing to give a counter-guarantee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="56"/>
        <source>有重大负面信息（诉讼、执行、行政处罚、税务违法等）</source>
        <translation>Has major adverse information (lawsuits, enforcement, administrative penalties, tax offences…)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="70"/>
        <source>新建案件 — {product}</source>
        <translation>New case — {product}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="72"/>
        <source>企业与实际控制人(&amp;1)</source>
        <translation>Company and controller (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="73"/>
        <source>财务与信用(&amp;2)</source>
        <translation>Financials and credit (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="74"/>
        <source>申请与推荐(&amp;3)</source>
        <translation>Request and referral (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="76"/>
        <source>知识产权(&amp;4)</source>
        <translation>IP assets (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="82"/>
        <source>错误信息</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="85"/>
        <source>受理(&amp;S)</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="86"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="119"/>
        <source>统一社会信用代码</source>
        <translation>unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="120"/>
        <source>18位，如 91310115MA1K3XXXXX</source>
        <translation>18 characters, e.g. 91310115MA1K3XXXXX</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="125"/>
        <location filename="../../ui/dialogs/intake.py" line="129"/>
        <source>电话号码格式正确</source>
        <translation>Phone number looks right</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="127"/>
        <source>身份证号</source>
        <translation>resident ID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="128"/>
        <source>18位居民身份证号</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="130"/>
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="132"/>
        <source>企业名称(&amp;N)*</source>
        <translation>Company &amp;name*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="133"/>
        <source>统一社会信用代码(&amp;C)*</source>
        <translation>Unified social &amp;credit code*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="134"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="134"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="135"/>
        <source>成立日期</source>
        <translation>Founded on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="136"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="137"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="139"/>
        <source>实际控制人</source>
        <translation>Controlling person</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="141"/>
        <source>姓名(&amp;K)*</source>
        <translation>Na&amp;me*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="142"/>
        <source>身份证号(&amp;I)*</source>
        <translation>Resident &amp;ID*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="143"/>
        <source>电话</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="152"/>
        <source>元，如 5,000,000.00</source>
        <translation>yuan, e.g. 5,000,000.00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="153"/>
        <location filename="../../ui/dialogs/intake.py" line="154"/>
        <source>元，可为负数</source>
        <translation>yuan, may be negative</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="155"/>
        <source>元，没有填 0</source>
        <translation>yuan, 0 if none</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="156"/>
        <source>财务数据（元）</source>
        <translation>Financials (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="158"/>
        <source>年销售额(&amp;S)*</source>
        <translation>Annual &amp;sales*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="159"/>
        <source>上年度净资产*</source>
        <translation>Net assets, last year*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="160"/>
        <source>当期净资产*</source>
        <translation>Net assets, current*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="161"/>
        <source>现有银行贷款</source>
        <translation>Existing bank loans</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="162"/>
        <source>信用与负面信息</source>
        <translation>Credit and adverse information</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="168"/>
        <source>负面信息说明（如有）</source>
        <translation>Adverse information (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="181"/>
        <location filename="../../ui/dialogs/intake.py" line="207"/>
        <source>（暂不指定）</source>
        <translation>(not yet chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="185"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="189"/>
        <source>推荐机构的推荐意见</source>
        <translation>The referrer&apos;s recommendation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="191"/>
        <source>元，如 3,000,000 或 300万</source>
        <translation>yuan, e.g. 3,000,000 (or 300 wan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="195"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="204"/>
        <source>（未指定）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="211"/>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="213"/>
        <source>申请金额(&amp;A)*</source>
        <translation>Requested &amp;amount*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="214"/>
        <source>期限*</source>
        <translation>Term*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="215"/>
        <source>申请日期*</source>
        <translation>Application date*</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="216"/>
        <source>合作银行(&amp;B)</source>
        <translation>&amp;Bank</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="217"/>
        <source>推荐机构(&amp;R)</source>
        <translation>&amp;Referrer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="218"/>
        <source>推荐意见</source>
        <translation>Referrer’s opinion</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="219"/>
        <source>客户经理（A角）</source>
        <translation>Account manager (A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="220"/>
        <source>风控经理（B角）</source>
        <translation>Risk manager (B)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="221"/>
        <source>客户标签（三最七高）</source>
        <translation>Client tags (three-most, seven-high)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="289"/>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="290"/>
        <source>上次新建案件时填写的内容尚未受理，已保存为草稿。现在恢复吗？
选“否”将删除该草稿。</source>
        <translation>What you entered for a new case last time was not submitted and was kept as a draft. Restore it now?
Choosing “No” deletes the draft.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="337"/>
        <source>关闭新建案件</source>
        <translation>Close the new case form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="338"/>
        <source>已填写的内容尚未受理。关闭后草稿仍会保留，下次新建案件时可以恢复。
确定关闭吗？</source>
        <translation>What you entered has not been submitted. The draft is kept and offered the next time you open a new case.
Close now?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/intake.py" line="386"/>
        <source>✗ 未保存：{message}</source>
        <translation>✗ Not saved: {message}</translation>
    </message>
</context>
<context>
    <name>LegalStatus</name>
    <message>
        <location filename="../../ui/i18n.py" line="56"/>
        <source>有效</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="57"/>
        <source>审查中</source>
        <translation>under examination</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="58"/>
        <source>欠缴年费</source>
        <translation>annual fee overdue</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="59"/>
        <source>已失效</source>
        <translation>lapsed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="60"/>
        <source>已宣告无效</source>
        <translation>invalidated</translation>
    </message>
</context>
<context>
    <name>Letter</name>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="63"/>
        <source>担保意向函</source>
        <translation>Guarantee intent letter</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="66"/>
        <location filename="../../ui/workspace/tab_letter.py" line="237"/>
        <source>出具担保意向函</source>
        <translation>Issue intent letter</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="73"/>
        <source>出具日期：</source>
        <translation>Issue date:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="78"/>
        <source>函号：</source>
        <translation>Letter no.:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="79"/>
        <source>银行审批期限：</source>
        <translation>Bank approval deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="81"/>
        <source>有效期至：</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="84"/>
        <source>银行审批结果</source>
        <translation>Bank’s credit decision</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="86"/>
        <source>批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="87"/>
        <location filename="../../ui/workspace/tab_letter.py" line="257"/>
        <source>拒绝</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="96"/>
        <source>审批结果：</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="97"/>
        <source>元，例如 3000000</source>
        <translation>yuan, e.g. 3000000</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="98"/>
        <source>例如 3.45% 或 LPR+50bp</source>
        <translation>e.g. 3.45% or LPR+50bp</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="100"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="103"/>
        <source>拒绝时请写明原因</source>
        <translation>If declined, give the bank’s reason</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="104"/>
        <source>批准金额：</source>
        <translation>Approved amount:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="105"/>
        <source>利率：</source>
        <translation>Interest rate:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="106"/>
        <source>期限：</source>
        <translation>Term:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="107"/>
        <source>审批日期：</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="108"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="109"/>
        <location filename="../../ui/workspace/tab_letter.py" line="258"/>
        <source>登记银行审批结果</source>
        <translation>Record bank decision</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="138"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="139"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="190"/>
        <source>尚未出具</source>
        <translation>Not issued yet</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="191"/>
        <source>出具后 {n} 个工作日内</source>
        <translation>within {n} working days of issue</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="196"/>
        <source>{date}（出具日 {issued} 起 {n} 个工作日）</source>
        <translation>{date} ({n} working days from issue on {issued})</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="200"/>
        <source>⚠ 已逾期：银行未在期限内完成审批</source>
        <translation>⚠ Overdue: the bank has not decided within the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="210"/>
        <source>担保意向函 {no}</source>
        <translation>Guarantee intent letter {no}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="227"/>
        <source>已登记：{on} 银行批准 {amount} 元（{upper}），利率 {rate}，期限 {term} 个月。</source>
        <translation>Recorded: on {on} the bank approved {amount} yuan ({upper}) at {rate} for {term} months.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="231"/>
        <source>已登记：{on} 银行拒绝。{note}</source>
        <translation>Recorded: on {on} the bank declined. {note}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="237"/>
        <source>将占用下一个意向函编号并出具意向函；编号出具后不能收回。</source>
        <translation>This takes the next intent letter number and issues the letter; the number is not returned once issued.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="241"/>
        <source>正在出具担保意向函…</source>
        <translation>Issuing the letter of intent…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="257"/>
        <source>同意</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_letter.py" line="258"/>
        <source>将登记银行审批结果“{outcome}”，案件随之进入下一阶段。</source>
        <translation>The bank decision “{outcome}” will be recorded and the case moves to the next stage.</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="70"/>
        <source>团队服务器 {server}</source>
        <translation>team server {server}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="88"/>
        <source>登录 ipguard</source>
        <translation>Sign in to ipguard</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="91"/>
        <source>知识产权快易贷 · 担保业务管理</source>
        <translation>IP Quick Loan · guarantee case management</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="95"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="104"/>
        <location filename="../../ui/dialogs/login.py" line="168"/>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="106"/>
        <location filename="../../ui/dialogs/login.py" line="170"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="114"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="147"/>
        <source>首次使用：创建管理员</source>
        <translation>First start: create the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="151"/>
        <source>这是一个新的数据库，还没有任何用户。请创建第一个管理员账户；之后用它登录，在“设置”中添加其他用户。</source>
        <translation>This is a new database without users. Create the first administrator account; sign in with it and add the other users under “Settings”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="169"/>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="171"/>
        <source>确认密码(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="181"/>
        <source>创建并登录</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="191"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="418"/>
        <source>已刷新</source>
        <translation>Refreshed</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="449"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>已切换为 {name}</source>
        <translation>Signed in as {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="525"/>
        <source>转到“{page}”</source>
        <translation>Go to “{page}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source>新建案件(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>搜索案件(&amp;F)</source>
        <translation>&amp;Find cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="528"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>切换用户(&amp;S)…</source>
        <translation>&amp;Switch user…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="530"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531"/>
        <source>打开数据库(&amp;O)…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532"/>
        <source>连接团队服务器(&amp;T)…</source>
        <translation>Connect to &amp;team server…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="533"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent databases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="534"/>
        <source>新建演示数据库(&amp;D)…</source>
        <translation>New &amp;demo database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="537"/>
        <source>用户：{name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539"/>
        <source>角色：{roles}</source>
        <translation>Roles: {roles}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="540"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
</context>
<context>
    <name>MyWork</name>
    <message>
        <location filename="../../ui/pages/my_work.py" line="145"/>
        <source>（{n} · 逾期 {m}）</source>
        <translation> ({n} · {m} overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="146"/>
        <source>（{n}）</source>
        <translation> ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="157"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="158"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="159"/>
        <source>待办事项</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="160"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="161"/>
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="162"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="163"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="164"/>
        <source>本阶段起</source>
        <translation>In stage since</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="198"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="200"/>
        <source>临近</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="201"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="208"/>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="210"/>
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="212"/>
        <source>剩 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="334"/>
        <source>我的待办</source>
        <translation>My work</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="335"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="336"/>
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="337"/>
        <source>最近打开的案件</source>
        <translation>Recently opened cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="346"/>
        <source>{name} · 今天 {today}</source>
        <translation>{name} · today {today}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="351"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="353"/>
        <source>{kind}：{n} 项</source>
        <translation>{kind}: {n} items</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="367"/>
        <source>待办读取失败：{error}</source>
        <translation>Your work could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="369"/>
        <source>正在读取待办…</source>
        <translation>Reading your work…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="371"/>
        <source>没有等待您处理的事项。</source>
        <translation>Nothing is waiting for you.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="389"/>
        <source>（还没有打开过案件）</source>
        <translation>(no case opened yet)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_work.py" line="416"/>
        <source>当前等待：{what}</source>
        <translation>Waiting for: {what}</translation>
    </message>
</context>
<context>
    <name>Nav</name>
    <message>
        <location filename="../../ui/pages/registry.py" line="53"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="51"/>
        <source>工作台</source>
        <extracomment>Builds a page&apos;s widget when it is first needed.</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="52"/>
        <source>待办</source>
        <translation>My work</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="54"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="55"/>
        <location filename="../../ui/pages/settings.py" line="79"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/desk.py" line="21"/>
        <source>案件详情</source>
        <translation>Case</translation>
    </message>
</context>
<context>
    <name>PostLoan</name>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="59"/>
        <source>担保费</source>
        <translation>Guarantee fee</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="63"/>
        <source>应收：</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="64"/>
        <source>收讫日期：</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="65"/>
        <source>登记担保费收讫</source>
        <translation>Record fee received</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="69"/>
        <source>解除担保（贷款已结清）</source>
        <translation>Release the guarantee (loan repaid)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="77"/>
        <source>登记机关出具的注销文号</source>
        <translation>Deregistration number issued by the registry</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="78"/>
        <source>注销登记日期：</source>
        <translation>Deregistered on:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="79"/>
        <source>注销登记文号：</source>
        <translation>Deregistration number:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="80"/>
        <source>登记所选质押物注销</source>
        <translation>Record deregistration of the selected pledges</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="83"/>
        <source>还清日期：</source>
        <translation>Repaid on:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="84"/>
        <location filename="../../ui/workspace/tab_postloan.py" line="250"/>
        <source>解除担保</source>
        <translation>Release guarantee</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="88"/>
        <source>逾期</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="92"/>
        <source>逾期日期：</source>
        <translation>In default since:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="93"/>
        <location filename="../../ui/workspace/tab_postloan.py" line="132"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="94"/>
        <source>登记逾期</source>
        <translation>Record default</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="98"/>
        <source>代偿</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="100"/>
        <source>代偿金额（元）</source>
        <translation>Compensation amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="104"/>
        <source>代偿金额：</source>
        <translation>Amount paid:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="105"/>
        <source>代偿日期：</source>
        <translation>Paid on:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="106"/>
        <source>损失分担：</source>
        <translation>Loss sharing:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="107"/>
        <source>登记代偿</source>
        <translation>Record compensation</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="111"/>
        <source>追偿</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="118"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="130"/>
        <source>金额：</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="131"/>
        <source>日期/来源：</source>
        <translation>Date / source:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="134"/>
        <source>登记追偿</source>
        <translation>Record recovery</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="135"/>
        <location filename="../../ui/workspace/tab_postloan.py" line="276"/>
        <source>追偿结案</source>
        <translation>Close recovery</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="152"/>
        <source>尚未放款。</source>
        <translation>Not disbursed yet.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="158"/>
        <source>，{on} 已收讫</source>
        <translation>, received on {on}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="158"/>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="166"/>
        <source>（不涉及）</source>
        <translation>(not applicable)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="178"/>
        <source>已代偿 {paid} 元，已追回 {got} 元，尚余 {left} 元。</source>
        <translation>Paid out {paid} yuan, recovered {got} yuan, {left} yuan outstanding.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="181"/>
        <source>尚无代偿。</source>
        <translation>No compensation paid.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="187"/>
        <source>贷款 {amount} 元，{start} 至 {maturity}</source>
        <translation>Loan of {amount} yuan, {start} to {maturity}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="190"/>
        <source>；{on} 已结清</source>
        <translation>; repaid on {on}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="195"/>
        <source>；{on} 登记逾期</source>
        <translation>; in default since {on}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="200"/>
        <source>&#x3000;⚠ 已到期 {n} 天，请核实是否结清</source>
        <translation>  ⚠ matured {n} days ago: check that it was repaid</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="202"/>
        <source>&#x3000;⚠ 即将到期（剩 {n} 天）</source>
        <translation>  ⚠ maturing soon ({n} days left)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="204"/>
        <source>&#x3000;（剩 {n} 天）</source>
        <translation>  ({n} days left)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="209"/>
        <source>再担保</source>
        <translation>re-guarantor</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="210"/>
        <source>{on} 已代偿 {amount} 元：</source>
        <translation>Paid out {amount} yuan on {on}:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="211"/>
        <source>银行承担 {bank} 元 ＋ {reg_name}承担 {reg} 元 ＋ 本公司自留 {kept} 元 ＝ {total} 元</source>
        <translation>bank bears {bank} yuan + {reg_name} bears {reg} yuan + we retain {kept} yuan = {total} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="223"/>
        <source>按银行合作协议：银行承担 {b}%，再担保承担本公司部分的 {r}%。</source>
        <translation>Under the bank agreement: the bank bears {b}%, the re-guarantor {r}% of our part.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="250"/>
        <source>案件 {no} 的担保责任（{amount} 元）将解除，案件办结；解除后不能恢复。</source>
        <translation>The guarantee of case {no} ({amount} yuan) will be released and the case closed; a release cannot be reversed.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_postloan.py" line="276"/>
        <source>结案说明（如：处置完毕，剩余损失核销）：</source>
        <translation>Closing note (e.g. collateral sold, remaining loss written off):</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="115"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="116"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="117"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="118"/>
        <source>处置的知识产权</source>
        <translation>IP asset disposed of</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="119"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="121"/>
        <source>现金清偿</source>
        <translation>Cash repayment</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="122"/>
        <source>质押知识产权处置</source>
        <translation>Disposal of pledged IP</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="123"/>
        <source>反担保人代偿</source>
        <translation>Paid by a counter-guarantor</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="124"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>Registration</name>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="59"/>
        <source>所选知识产权的登记情况</source>
        <translation>Registration of the selected IP asset</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="65"/>
        <source>已收到质押登记通知书</source>
        <translation>Pledge registration certificate received</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="66"/>
        <source>提交日期：</source>
        <translation>Filed on:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="67"/>
        <source>登记机关：</source>
        <translation>Registry:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="68"/>
        <source>登记号：</source>
        <translation>Registration no.:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="69"/>
        <source>登记日期：</source>
        <translation>Registered on:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="71"/>
        <source>保存登记情况</source>
        <translation>Save registration</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="77"/>
        <source>放款条件</source>
        <translation>Conditions for disbursement</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="84"/>
        <source>通知书日期：</source>
        <translation>Notice date:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="87"/>
        <location filename="../../ui/workspace/tab_registration.py" line="181"/>
        <source>出具放款通知书</source>
        <translation>Issue disbursement notice</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="101"/>
        <source>⚠ 办理质押登记前请核对（登记机关会据此不予登记）：</source>
        <translation>⚠ Check before filing (the registry refuses a pledge for these):</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="131"/>
        <source>✓ 已确认（{who}，{at}）</source>
        <translation>✓ Confirmed ({who}, {at})</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="132"/>
        <source>○ 待确认</source>
        <translation>○ To confirm</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="140"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_registration.py" line="181"/>
        <source>将占用下一个放款通知书编号并出具通知书，银行据此放款；编号出具后不能收回。</source>
        <translation>This takes the next disbursement notice number and issues the notice the bank lends on; the number is not returned once issued.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="107"/>
        <source>知识产权</source>
        <translation>IP asset</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="108"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="109"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="110"/>
        <source>登记机关</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="111"/>
        <source>提交日</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="112"/>
        <source>登记号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="113"/>
        <source>登记日</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="114"/>
        <source>已收通知书</source>
        <translation>Certificate received</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../ui/pages/reports.py" line="87"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="91"/>
        <source>月度业务报表（Excel）：当月新增申请、审批、放款、解保、代偿，月末在保明细，按银行、行业、知识产权类型和客户经理的分布，办理时效，分险后的自留风险和监管比例。</source>
        <translation>Monthly business report (Excel): the month’s new applications, approvals, disbursements, releases and compensations; guarantees in force at month end; breakdowns by bank, industry, IP type and account manager; turnaround times; retained risk after sharing and the regulatory ratios.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="100"/>
        <location filename="../../ui/pages/reports.py" line="127"/>
        <source>生成月度报表</source>
        <translation>Generate monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="108"/>
        <source>报表月份</source>
        <translation>Report month</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="109"/>
        <source>报表月份(&amp;M)：</source>
        <translation>Report &amp;month:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="117"/>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="118"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="123"/>
        <source>输出文件(&amp;F)：</source>
        <translation>Output &amp;file:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="130"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="146"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="148"/>
        <source>尚未生成报表。</source>
        <translation>No report generated yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="153"/>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="154"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="164"/>
        <source>最近生成的报表（双击打开）</source>
        <translation>Recent reports (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="167"/>
        <source>最近生成的报表</source>
        <translation>Recent reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="207"/>
        <source>保存月度报表</source>
        <translation>Save monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="207"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="242"/>
        <location filename="../../ui/pages/reports_task.py" line="48"/>
        <source>正在生成 {month} 的报表…</source>
        <translation>Generating the report for {month}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="276"/>
        <source>已生成 {month} 报表：{path}
月末在保 {count} 笔，余额 {balance} 元；自留风险 {retained} 元；担保责任余额 {liability} 元。</source>
        <translation>Report for {month} written: {path}
{count} guarantees in force at month end, balance {balance} yuan; retained risk {retained} yuan; guarantee liability {liability} yuan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="289"/>
        <source>报表未生成：{reason}</source>
        <translation>Report not generated: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="295"/>
        <source>已取消，没有生成文件。</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="311"/>
        <source>文件已不存在：{path}</source>
        <translation>The file no longer exists: {path}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/i18n.py" line="47"/>
        <source>客户经理(A角)</source>
        <translation>Account manager (A)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="48"/>
        <source>风控经理(B角)</source>
        <translation>Risk manager (B)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="49"/>
        <source>保审会委员</source>
        <translation>Committee member</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="50"/>
        <source>业务运营/法务</source>
        <translation>Operations / legal</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="51"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="29"/>
        <source>用户与角色</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="30"/>
        <source>合作银行</source>
        <translation>Banks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="31"/>
        <location filename="../../ui/pages/settings_parties.py" line="55"/>
        <source>推荐机构</source>
        <translation>Referrers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="32"/>
        <source>产品参数</source>
        <translation>Product parameters</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="33"/>
        <source>节假日调整</source>
        <translation>Holiday overrides</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="34"/>
        <source>文书与公司</source>
        <translation>Documents and company</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="35"/>
        <source>担保公司</source>
        <translation>Guarantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="36"/>
        <source>文书字体</source>
        <translation>Document fonts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="37"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="38"/>
        <location filename="../../ui/pages/settings_general.py" line="173"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="81"/>
        <source>只有管理员可以修改设置；您可以查看，并更改本机的界面语言。</source>
        <translation>Only administrators can change settings; you can view them and change this workstation’s interface language.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="130"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="130"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="134"/>
        <location filename="../../ui/pages/settings_parties.py" line="94"/>
        <location filename="../../ui/pages/settings_parties.py" line="149"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="134"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_common.py" line="177"/>
        <source>只有管理员可以修改此设置</source>
        <translation>Only administrators can change this setting</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="73"/>
        <source>文书抬头与签发人</source>
        <translation>Letterhead and signatory</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="75"/>
        <source>公司名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="76"/>
        <location filename="../../ui/pages/settings_parties.py" line="105"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="77"/>
        <location filename="../../ui/pages/settings_parties.py" line="50"/>
        <location filename="../../ui/pages/settings_parties.py" line="58"/>
        <source>电话</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="78"/>
        <source>签发人</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="79"/>
        <source>签发人职务</source>
        <translation>Signatory’s title</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="81"/>
        <source>发文字号与函件内容（GB/T 9704）</source>
        <translation>Document numbers and letter content (GB/T 9704)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="86"/>
        <source>经办电话</source>
        <translation>Handling phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="87"/>
        <source>抄送单位（用、分隔）</source>
        <translation>Copies to (separated by 、)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="88"/>
        <source>保证范围</source>
        <translation>Guarantee scope</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="89"/>
        <source>保证期间</source>
        <translation>Guarantee period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="34"/>
        <source>最初</source>
        <translation>from the start</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="41"/>
        <source>担保公司（监管比例计算）</source>
        <translation>Guarantee company (regulatory ratios)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="47"/>
        <source>净资产（元）</source>
        <translation>Net assets (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="48"/>
        <source>主要服务小微企业（责任余额上限为净资产的15倍）</source>
        <translation>Mainly serves small and micro firms (liability cap 15× net assets)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="52"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="55"/>
        <source>如：2025年度审计报告</source>
        <translation>e.g. audited accounts for 2025</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="56"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="59"/>
        <source>登记新数值</source>
        <translation>Record new figures</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="67"/>
        <source>案件的监管限额按今天有效的数值计算；月度报表按该月月末有效的数值计算，登记新数值不改变已结束月份的报表。</source>
        <translation>A case&apos;s regulatory limits use the figures valid today; a monthly report uses those valid at the end of its month, so recording new figures changes no closed month&apos;s report.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="85"/>
        <source>历次登记（最新在上）</source>
        <translation>Records so far (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="98"/>
        <source>今天有效：{amount} 元（自{since}起）</source>
        <translation>Valid today: {amount} yuan (since {since})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_guarantor.py" line="113"/>
        <source>担保公司净资产已登记</source>
        <translation>The guarantor&apos;s net assets are recorded</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="91"/>
        <source>文书字体与备份</source>
        <translation>Document font and backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="93"/>
        <source>文书字体文件</source>
        <translation>Document font file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="94"/>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="97"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="99"/>
        <location filename="../../ui/pages/settings_product.py" line="55"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="124"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="143"/>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="148"/>
        <source>选择文书字体</source>
        <translation>Choose the document font</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="148"/>
        <source>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="154"/>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="175"/>
        <source>语言设置保存在本机，对本机的所有数据库有效。文书和报表始终使用中文。</source>
        <translation>The language is kept on this workstation, for every database. Documents and reports are always in Chinese.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="180"/>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="40"/>
        <source>银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="41"/>
        <location filename="../../ui/pages/settings_parties.py" line="99"/>
        <source>支行</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="42"/>
        <source>银行分担</source>
        <translation>Bank share</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="43"/>
        <location filename="../../ui/pages/settings_parties.py" line="101"/>
        <source>再担保机构</source>
        <translation>Re-guarantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="45"/>
        <source>再担保分担</source>
        <translation>Re-guarantor share</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="49"/>
        <location filename="../../ui/pages/settings_parties.py" line="57"/>
        <location filename="../../ui/pages/settings_parties.py" line="103"/>
        <location filename="../../ui/pages/settings_parties.py" line="155"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="51"/>
        <location filename="../../ui/pages/settings_parties.py" line="59"/>
        <location filename="../../ui/pages/settings_users.py" line="40"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="56"/>
        <location filename="../../ui/pages/settings_product.py" line="88"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="83"/>
        <source>新增银行</source>
        <translation>New bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="83"/>
        <source>编辑银行</source>
        <translation>Edit bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="98"/>
        <source>银行名称</source>
        <translation>Bank name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="100"/>
        <source>银行分担比例 (%)</source>
        <translation>Bank’s loss share (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="102"/>
        <source>再担保分担比例 (%)</source>
        <translation>Re-guarantor’s share (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="104"/>
        <location filename="../../ui/pages/settings_parties.py" line="156"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="109"/>
        <source>银行分担：损失中由银行承担的比例；再担保分担：担保公司承担部分中由再担保机构承担的比例。</source>
        <translation>Bank share: the part of a loss the bank keeps. Re-guarantor share: the part of the guarantee company’s loss the re-guarantor takes.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="142"/>
        <source>新增推荐机构</source>
        <translation>New referrer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="142"/>
        <source>编辑推荐机构</source>
        <translation>Edit referrer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="153"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="154"/>
        <source>类型（协会、园区…）</source>
        <translation>Kind (association, park…)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="188"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="217"/>
        <location filename="../../ui/pages/settings_product.py" line="150"/>
        <source>请先在列表中选择一行</source>
        <translation>Select a row in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="226"/>
        <source>合作银行及风险分担约定。停用的银行不再出现在新案件中，已有案件不受影响。</source>
        <translation>Cooperating banks and their risk-sharing terms. A deactivated bank is no longer offered for new cases; existing cases keep it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="227"/>
        <source>新增银行…</source>
        <translation>New bank…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="245"/>
        <source>推荐机构（知识产权融资促进会、园区、知识产权局等）出具推荐意见并按业务清单报送材料。</source>
        <translation>Referrers (IP financing association, parks, IP offices …) send a recommendation opinion and the materials of the checklist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_parties.py" line="246"/>
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
        <location filename="../../ui/pages/settings_users.py" line="37"/>
        <location filename="../../ui/pages/settings_users.py" line="68"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="38"/>
        <location filename="../../ui/pages/settings_users.py" line="69"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="39"/>
        <location filename="../../ui/pages/settings_users.py" line="85"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="59"/>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="59"/>
        <source>修改角色</source>
        <translation>Change roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="73"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="74"/>
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
        <location filename="../../ui/pages/settings_users.py" line="142"/>
        <source>每位用户可以有多个角色；同一案件的A角与B角不能是同一人。停用的用户不能登录，历史记录保留。</source>
        <translation>A user may hold several roles; on one case the A and B roles must be different people. Deactivated users cannot sign in; their history stays.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="146"/>
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="147"/>
        <source>修改角色…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="148"/>
        <source>停用/启用</source>
        <translation>Deactivate/activate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="149"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="172"/>
        <source>请先在列表中选择一位用户</source>
        <translation>Select a user in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="192"/>
        <source>不能停用当前登录的用户</source>
        <translation>You cannot deactivate the signed-in user</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="195"/>
        <source>停用用户“{name}”？停用后不能登录，历史记录保留。</source>
        <translation>Deactivate “{name}”? They can no longer sign in; their history stays.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="197"/>
        <source>重新启用用户“{name}”？</source>
        <translation>Activate “{name}” again?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="199"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="207"/>
        <source>已为 {name} 设置新密码</source>
        <translation>New password set for {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="32"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="32"/>
        <source>字体文件</source>
        <translation>Font file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="35"/>
        <source>字符区</source>
        <translation>Character block</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="35"/>
        <source>已覆盖</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="36"/>
        <source>使用字体</source>
        <translation>Font used</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="42"/>
        <source>字体在运行时从本机查找（不随程序分发）。没有任何字体覆盖的字符，出具文书时会被拒绝并指明字符和字段。</source>
        <translation>Fonts are looked up on this computer at run time (not shipped with the program). A character no font covers is refused when a document is issued, naming the character and the field.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="52"/>
        <source>正文为仿宋体</source>
        <translation>Body text in FangSong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="52"/>
        <source>未找到仿宋体，正文使用宋体/明体（见文档说明）</source>
        <translation>FangSong not found: the body uses Song/Ming (see the documentation)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="53"/>
        <source>字体嵌入 PDF</source>
        <translation>Fonts embedded in the PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_documents.py" line="53"/>
        <source>未找到 TrueType 字体：使用内置字体（不嵌入）</source>
        <translation>No TrueType font found: built-in fonts are used (not embedded)</translation>
    </message>
</context>
<context>
    <name>StageBar</name>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="30"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="31"/>
        <source>准入</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="32"/>
        <source>价值认定</source>
        <translation>Valuation</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="33"/>
        <source>调查</source>
        <translation>Investig.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="34"/>
        <source>保审会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="35"/>
        <source>意向函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="36"/>
        <source>银行审批</source>
        <translation>Bank appr.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="37"/>
        <source>签约</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="38"/>
        <source>质押登记</source>
        <translation>Pledge reg.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="39"/>
        <source>放款</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="40"/>
        <source>在保</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="41"/>
        <source>解保</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="131"/>
        <source>{stage}：{state}</source>
        <translation>{stage}: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="133"/>
        <source>（{date} 进入）</source>
        <translation> (entered {date})</translation>
    </message>
</context>
<context>
    <name>Votes</name>
    <message>
        <location filename="../../ui/i18n.py" line="65"/>
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="66"/>
        <source>有条件同意</source>
        <translation>Approve with conditions</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="67"/>
        <source>不同意</source>
        <translation>Decline</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspace/base.py" line="193"/>
        <source>案件已被修改</source>
        <translation>The case was changed</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/base.py" line="194"/>
        <source>现在重新载入案件吗？</source>
        <translation>Reload the case now?</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="144"/>
        <source>当前等待：{what}</source>
        <translation>Waiting for: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/stage_bar.py" line="146"/>
        <source>案件已结束（{stage}）</source>
        <translation>Case closed ({stage})</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="91"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="92"/>
        <source>从数据库重新载入本案件</source>
        <translation>Reload this case from the database</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="94"/>
        <source>否决…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="96"/>
        <source>撤回…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="98"/>
        <source>变更重新上会…</source>
        <translation>Amend (back to the committee)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="100"/>
        <source>撤销上一步…</source>
        <translation>Undo last step…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="101"/>
        <source>误操作时撤销本案的上一个阶段步骤（须填写原因）</source>
        <translation>Undo this case&apos;s last stage step after a mistake (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="149"/>
        <source>未知操作：{key}</source>
        <translation>Unknown action: {key}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="155"/>
        <source>当前不能{action}</source>
        <translation>Cannot “{action}” now</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="184"/>
        <source>{amount}（{months}个月）</source>
        <translation>{amount} ({months} months)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="293"/>
        <source>否决案件</source>
        <translation>Decline case</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="294"/>
        <source>请填写否决理由（将记入案件和审计记录）：</source>
        <translation>Reason for declining (kept in the case and the audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="298"/>
        <location filename="../../ui/workspace/__init__.py" line="302"/>
        <source>变更重新上会</source>
        <translation>Amend (back to the committee)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="298"/>
        <source>案件 {no} 的保审会决议及其后的意向函、银行审批、合同和登记将作废（保留在历史中），案件退回调查阶段，须重新评估、签字并上会。</source>
        <translation>Case {no}: the committee&apos;s decision and the intent letter, bank decision, contracts and registrations after it are set aside (kept in the history); the case goes back to the investigation and must be reassessed, signed and taken to the committee again.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="303"/>
        <source>请填写变更原因（如：企业申请调整金额或期限）：</source>
        <translation>Reason for the amendment (e.g. the company asks for another amount or term):</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="306"/>
        <source>撤回案件</source>
        <translation>Withdraw case</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/__init__.py" line="307"/>
        <source>请填写撤回原因（如企业主动撤回申请）：</source>
        <translation>Reason for withdrawal (e.g. the applicant withdrew):</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/desk.py" line="36"/>
        <location filename="../../ui/workspace/desk.py" line="79"/>
        <source>← 返回案件列表 (Esc)</source>
        <translation>← Back to the case list (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/common.py" line="77"/>
        <location filename="../../ui/workspace/tab_assets.py" line="70"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/common.py" line="77"/>
        <location filename="../../ui/workspace/tab_assets.py" line="70"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="105"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="106"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="107"/>
        <location filename="../../ui/workspace/tab_assets.py" line="183"/>
        <source>移出质押</source>
        <translation>Remove from pledge</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="108"/>
        <source>从Excel导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="126"/>
        <source>质押登记风险提示（登记机关可能不予登记的情形）</source>
        <translation>Pledge registration risks (cases the registry may refuse)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="134"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="147"/>
        <source>导入知识产权</source>
        <translation>Import IP assets</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="184"/>
        <source>将 {number} 移出本案质押清单？</source>
        <translation>Remove {number} from this case’s pledged assets?</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="200"/>
        <source>已导入 {n} 项</source>
        <translation>{n} imported</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="202"/>
        <source>；{m} 行有误未导入：
</source>
        <translation>; {m} rows with errors not imported:
</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_assets.py" line="203"/>
        <source>第 {row} 行 {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="45"/>
        <source>出席委员（本案A角、B角回避）</source>
        <translation>Members present (the case’s A and B stand aside)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="49"/>
        <source>登记出席</source>
        <translation>Record attendance</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="55"/>
        <source>我的表决</source>
        <translation>My vote</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="70"/>
        <source>意见（有条件同意时写明条件）</source>
        <translation>Comment (state the conditions when approving with conditions)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="72"/>
        <location filename="../../ui/workspace/tab_committee.py" line="205"/>
        <source>投票</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="76"/>
        <location filename="../../ui/workspace/tab_committee.py" line="215"/>
        <source>修改我的表决</source>
        <translation>Change my vote</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="86"/>
        <source>表决情况</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="94"/>
        <source>决议</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="97"/>
        <source>放款前须落实的条件，每行一条（可空；有条件同意的意见会自动带入）</source>
        <translation>Conditions to meet before disbursement, one per line (optional; conditional votes’ comments are added automatically)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="104"/>
        <location filename="../../ui/workspace/tab_committee.py" line="223"/>
        <source>形成决议</source>
        <translation>Pass resolution</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="134"/>
        <source>{explain}；已投 {voted}/{present}。</source>
        <translation>{explain}; {voted} of {present} voted.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="140"/>
        <source>{name}：已投“{vote}”，决议形成前可以修改</source>
        <translation>{name}: voted “{vote}”; may change it until the resolution is formed</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="143"/>
        <source>{name}：可以投票</source>
        <translation>{name}: you may vote</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="154"/>
        <source>{no}（{date}）：{decision}{conditions}</source>
        <translation>{no} ({date}): {decision}{conditions}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="156"/>
        <source>。条件：{conditions}</source>
        <translation>. Conditions: {conditions}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="160"/>
        <source>尚未形成决议</source>
        <translation>No resolution yet</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="161"/>
        <source>尚未形成决议：{reason}</source>
        <translation>No resolution yet: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="198"/>
        <source>请选择同意、有条件同意或不同意</source>
        <translation>Choose approve, approve with conditions or decline</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="205"/>
        <source>{name}的表决“{vote}”将记入本次保审会（决议形成前可以修改）。</source>
        <translation>{name}’s vote “{vote}” will be recorded for this meeting (it may be changed until the resolution is formed).</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="215"/>
        <source>{name}的表决将改为“{vote}”，原表决保留在审计记录中。</source>
        <translation>{name}’s vote will change to “{vote}”; the previous vote stays in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="223"/>
        <source>将按表决结果形成保审会决议并占用下一个决议编号；决议形成后表决不能再修改。</source>
        <translation>The committee resolution will be formed from the votes and takes the next resolution number; votes can no longer change afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_committee.py" line="227"/>
        <source>正在形成保审会决议…</source>
        <translation>Forming the committee resolution…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="62"/>
        <source>企业与实际控制人</source>
        <translation>Company and controlling person</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="74"/>
        <location filename="../../ui/workspace/tab_intake.py" line="220"/>
        <source>推荐意见</source>
        <translation>Referrer’s opinion</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="76"/>
        <source>经办人员</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="78"/>
        <source>更正受理资料…</source>
        <translation>Correct intake records…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="79"/>
        <source>更正企业、实际控制人、推荐机构、申请金额与期限、银行（保审会前；须填写原因）</source>
        <translation>Correct the company, the actual controller, the referrer, the amount and term requested, the bank (before the committee; a reason is required)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="82"/>
        <source>改派A角/B角…</source>
        <translation>Reassign A or B…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="83"/>
        <source>把案件改派给另一位客户经理或风控经理（管理员；须填写原因）</source>
        <translation>Hand the case to another account manager or risk manager (administrator; a reason is required)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="95"/>
        <source>财务数据与信用情况</source>
        <translation>Financials and credit</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="108"/>
        <source>负面信息说明（诉讼、执行、处罚…）</source>
        <translation>Adverse information (lawsuits, enforcement, penalties…)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="132"/>
        <source>仅有纸质原件</source>
        <translation>Paper original only</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="134"/>
        <source>可用 Shift/Ctrl 选中多行，一次登记</source>
        <translation>Select several rows with Shift/Ctrl to record them at once</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="157"/>
        <source>A角 {a}&#x3000;B角 {b}</source>
        <translation>A {a}   B {b}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="189"/>
        <source>未指定</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="208"/>
        <source>身份证号</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="221"/>
        <source>元，如 3,000,000 或 300万</source>
        <translation>yuan, e.g. 3,000,000 (or 300 wan)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="224"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="225"/>
        <source>期限</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="229"/>
        <source>企业与实际控制人的资料属于企业：在此更正，该企业的其他案件一并更正。</source>
        <translation>The company&apos;s and the controller&apos;s records belong to the company: a correction here applies to its other cases too.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="233"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="235"/>
        <source>保存更正…</source>
        <translation>Save correction…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="266"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="280"/>
        <source>（未选择）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="315"/>
        <source>没有需要更正的内容。</source>
        <translation>Nothing to correct.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="317"/>
        <source>更正受理资料</source>
        <translation>Correct intake records</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="318"/>
        <source>请填写更正原因（将记入审计记录）：</source>
        <translation>Reason for the correction (kept in the audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="392"/>
        <source>改派A角/B角</source>
        <translation>Reassign A or B</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="400"/>
        <source>（现任）</source>
        <translation> (current)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="402"/>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="408"/>
        <source>改派原因（将记入审计记录），如：原客户经理调岗</source>
        <translation>Reason for the reassignment (kept in the audit trail), e.g. the account manager moved to another post</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="410"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="414"/>
        <source>已出席或参与本案保审会表决的委员不能担任本案的A角或B角；调查报告上已有的签字保留。</source>
        <translation>A member who sat on or voted in this case&apos;s committee cannot become its A or B; signatures already on the investigation report stay.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="417"/>
        <source>改派</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="431"/>
        <source>请选择新的A角或B角。</source>
        <translation>Choose a new A or B.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="434"/>
        <source>请填写改派原因。</source>
        <translation>Give the reason for the reassignment.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="18"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="19"/>
        <source>知识产权</source>
        <translation>IP assets</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="20"/>
        <source>准入</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="21"/>
        <source>价值认定</source>
        <translation>Valuation</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="22"/>
        <source>调查报告</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="23"/>
        <source>保审会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="24"/>
        <source>意向函</source>
        <translation>Intent letter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="25"/>
        <source>签约</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="26"/>
        <source>质押登记</source>
        <translation>Pledge registration</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="27"/>
        <source>放款</source>
        <translation>Disbursement</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="28"/>
        <source>保后</source>
        <translation>Post-loan</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="29"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="30"/>
        <source>时间线与审计</source>
        <translation>Timeline and audit</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="31"/>
        <source>电子档案</source>
        <translation>Case file</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="33"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="34"/>
        <location filename="../../ui/workspace/tab_intake.py" line="222"/>
        <source>申请金额</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="35"/>
        <source>担保额</source>
        <translation>Guarantee amount</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="36"/>
        <location filename="../../ui/workspace/tab_intake.py" line="404"/>
        <source>客户经理(A角)</source>
        <translation>Account manager (A)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="37"/>
        <location filename="../../ui/workspace/tab_intake.py" line="405"/>
        <source>风控经理(B角)</source>
        <translation>Risk manager (B)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="38"/>
        <location filename="../../ui/workspace/tab_intake.py" line="227"/>
        <source>贷款银行</source>
        <translation>Lending bank</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="40"/>
        <source>已完成</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="41"/>
        <source>当前阶段</source>
        <translation>current stage</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="42"/>
        <source>未到</source>
        <translation>not reached</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="43"/>
        <source>未经过</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="45"/>
        <source>企业名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="46"/>
        <location filename="../../ui/workspace/tab_intake.py" line="203"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="47"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="48"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="49"/>
        <source>实际控制人</source>
        <translation>Controlling person</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="50"/>
        <location filename="../../ui/workspace/tab_intake.py" line="216"/>
        <source>推荐机构</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="51"/>
        <source>年销售额(元)</source>
        <translation>Annual sales (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="52"/>
        <source>上年末净资产(元)</source>
        <translation>Net assets, last year end (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="53"/>
        <source>当期净资产(元)</source>
        <translation>Net assets, current (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="54"/>
        <source>现有银行贷款(元)</source>
        <translation>Existing bank loans (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="55"/>
        <source>企业信用记录良好</source>
        <translation>Company has a clean credit record</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="56"/>
        <source>实际控制人信用记录良好</source>
        <translation>Controlling person has a clean credit record</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="57"/>
        <source>愿意提供反担保</source>
        <translation>Willing to give a counter-guarantee</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="58"/>
        <source>有重大负面信息</source>
        <translation>Has major adverse information</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="60"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="61"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="62"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="63"/>
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="64"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="65"/>
        <source>法律状态</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="66"/>
        <source>主营产品使用</source>
        <translation>Used in main products</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="67"/>
        <source>支撑收入(元)</source>
        <translation>Revenue supported (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="69"/>
        <source>提示</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="70"/>
        <source>委员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="71"/>
        <source>意见</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="72"/>
        <location filename="../../ui/workspace/tab_intake.py" line="109"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="73"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="74"/>
        <source>材料</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="75"/>
        <location filename="../../ui/workspace/tab_intake.py" line="176"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="76"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="77"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="78"/>
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="79"/>
        <source>准入条件</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="80"/>
        <source>数值</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="81"/>
        <source>标准</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="82"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="83"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="84"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="85"/>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="86"/>
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="87"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="88"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="89"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="90"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="91"/>
        <source>变更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="92"/>
        <source>认定价值(元)</source>
        <translation>Recognized value (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="93"/>
        <source>质押率</source>
        <translation>Pledge rate</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="94"/>
        <source>质押价值(元)</source>
        <translation>Pledge value (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="95"/>
        <source>计算过程</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="96"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="97"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="98"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_sources.py" line="99"/>
        <location filename="../../ui/workspace/tab_valuation.py" line="90"/>
        <source>决定额度</source>
        <translation>Binding</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="113"/>
        <source>保存财务数据</source>
        <translation>Save financials</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="119"/>
        <source>业务清单（推荐机构报送材料）</source>
        <translation>Checklist (materials sent by the referrer)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="130"/>
        <source>备注（可空）</source>
        <translation>Remark (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_intake.py" line="133"/>
        <source>登记所选材料</source>
        <translation>Set status of selected item</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="27"/>
        <source>调查意见（A角签字时保存）</source>
        <translation>Investigation opinion (saved when A signs)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="30"/>
        <source>企业经营、技术与知识产权、财务、反担保措施及风险分析，结论性意见…</source>
        <translation>Business, technology and IP, financials, counter-guarantees and risk analysis; conclusion…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="34"/>
        <source>风控经理(B角)意见（B角签字时保存）</source>
        <translation>Risk manager (B) opinion (saved when B signs)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="37"/>
        <source>风控经理的独立意见…</source>
        <translation>The risk manager’s own opinion…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="44"/>
        <source>签字</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="48"/>
        <source>A角签字</source>
        <translation>Sign as A</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="49"/>
        <source>B角签字</source>
        <translation>Sign as B</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="64"/>
        <source>提交保审会</source>
        <translation>Submit to committee</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="85"/>
        <location filename="../../ui/workspace/tab_investigation.py" line="86"/>
        <source>未签</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="88"/>
        <source>确认价值认定后生成调查报告。</source>
        <translation>The investigation report is created once the valuation is confirmed.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="112"/>
        <source>○ 未签</source>
        <translation>○ Not signed</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="115"/>
        <source>以{side}角签署调查报告</source>
        <translation>Sign the investigation report as {side}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="115"/>
        <source>您的签字和意见将以您的名义记入调查报告，签字后不能撤回。</source>
        <translation>Your signature and opinion go into the investigation report in your name; a signature cannot be withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_investigation.py" line="120"/>
        <source>正在签署调查报告…</source>
        <translation>Signing the investigation report…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="27"/>
        <source>提交准入审查</source>
        <translation>Submit for screening</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="28"/>
        <location filename="../../ui/workspace/tab_valuation.py" line="33"/>
        <source>重新评估</source>
        <translation>Reassess</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="29"/>
        <location filename="../../ui/workspace/tab_screening.py" line="92"/>
        <source>通过准入</source>
        <translation>Pass screening</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="43"/>
        <source>风控经理书面说明（销贷比超过原则上限时必填，保审会可见）</source>
        <translation>Risk manager’s written justification (required when the sales-to-loan ratio exceeds the guideline; shown to the committee)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="46"/>
        <source>说明超过原则上限仍可承做的理由…</source>
        <translation>Explain why the case is acceptable above the guideline…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="52"/>
        <source>保存说明并重新评估</source>
        <translation>Save justification and reassess</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="63"/>
        <source>尚未评估：提交准入审查后按产品参数自动评估。</source>
        <translation>Not assessed yet: submitting for screening assesses the case against the product parameters.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="70"/>
        <source>符合准入条件</source>
        <translation>Meets the screening criteria</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="70"/>
        <source>不符合准入条件</source>
        <translation>Does not meet the screening criteria</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="72"/>
        <source>{verdict} · 按产品参数 {product} 版本 {version} 评估</source>
        <translation>{verdict} · assessed under {product} parameters, version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_screening.py" line="92"/>
        <source>案件将通过准入审查并进入价值认定；通过后不能退回准入。</source>
        <translation>The case passes screening and moves to value recognition; it cannot go back to screening.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_timeline.py" line="31"/>
        <source>阶段时间线</source>
        <translation>Stage timeline</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_timeline.py" line="36"/>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_timeline.py" line="49"/>
        <source>申请日 {start}，尚未放款；承诺 {lo}–{hi} 天内放款。</source>
        <translation>Applied on {start}, not disbursed yet; promised within {lo}–{hi} days.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_timeline.py" line="52"/>
        <source>✓ 在承诺期内</source>
        <translation>✓ within the promise</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_timeline.py" line="52"/>
        <source>✗ 超出承诺期</source>
        <translation>✗ beyond the promise</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_timeline.py" line="53"/>
        <source>申请日 {start} → 放款 {end}：{days} 天（{wd} 个工作日），承诺 {lo}–{hi} 天，{verdict}</source>
        <translation>Applied {start} → disbursed {end}: {days} days ({wd} working days), promised {lo}–{hi} days, {verdict}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_valuation.py" line="36"/>
        <source>确认价值认定</source>
        <translation>Confirm valuation</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_valuation.py" line="43"/>
        <source>知识产权认定价值</source>
        <translation>Recognized value of the IP assets</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_valuation.py" line="48"/>
        <source>担保额：取下列各项的最小值</source>
        <translation>Guarantee amount: the least of the following</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_valuation.py" line="55"/>
        <source>担保费</source>
        <translation>Guarantee fee</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_valuation.py" line="68"/>
        <source>尚未评估</source>
        <translation>Not assessed yet</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_valuation.py" line="77"/>
        <source>担保额 {amount} 元（{upper}） · 认定价值合计 {value} 元</source>
        <translation>Guarantee amount {amount} yuan ({upper}) · total recognized value {value} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/tab_valuation.py" line="94"/>
        <source>最小值 {least} 元，按 {unit} 元向下取整 → 担保额 {amount} 元</source>
        <translation>Least {least} yuan, rounded down to {unit} yuan → guarantee amount {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/common.py" line="33"/>
        <source>通过</source>
        <translation>pass</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/common.py" line="34"/>
        <source>不通过</source>
        <translation>fail</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/common.py" line="35"/>
        <source>需说明</source>
        <translation>needs justification</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/reversal_dialog.py" line="22"/>
        <source>撤销上一步 — {no}</source>
        <translation>Undo last step — {no}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/reversal_dialog.py" line="28"/>
        <source>撤销原因（必填，将记入案件时间线和审计记录）：</source>
        <translation>Reason for the undo (required; recorded in the case&apos;s timeline and audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/reversal_dialog.py" line="31"/>
        <source>如：银行审批结果误录，应为下周批复</source>
        <translation>e.g. the bank&apos;s decision was recorded by mistake; the bank decides next week</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/reversal_dialog.py" line="39"/>
        <source>撤销上一步</source>
        <translation>Undo last step</translation>
    </message>
    <message>
        <location filename="../../ui/workspace/reversal_dialog.py" line="50"/>
        <source>请填写撤销原因。</source>
        <translation>Please give the reason for the undo.</translation>
    </message>
</context>
</TS>
