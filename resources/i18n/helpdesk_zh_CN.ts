<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="21"/>
        <source>About Helpdesk</source>
        <translation>关于帮扶台账</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="27"/>
        <source>Back to Settings</source>
        <translation>返回设置</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="37"/>
        <source>Helpdesk {version}: the aid register of a trade-union help station.</source>
        <translation>帮扶台账 {version}：工会帮扶站的帮扶登记系统。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="39"/>
        <source>Station: {name}</source>
        <translation>站点：{name}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="40"/>
        <source>Station code: {code} (provisional until the station enrolls with the central server)</source>
        <translation>站点代码：{code}（临时代码，接入上级服务器后正式分配）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="42"/>
        <source>Station code: {code}</source>
        <translation>站点代码：{code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="43"/>
        <source>This laptop&apos;s device code: {code}</source>
        <translation>本机设备代码：{code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="44"/>
        <source>Data folder: {folder}</source>
        <translation>数据目录：{folder}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/about.py" line="45"/>
        <source>Licence: Apache-2.0. Chinese text uses the Noto Sans CJK fonts (SIL Open Font License).</source>
        <translation>许可证：Apache-2.0。中文字体为思源黑体 Noto Sans CJK（SIL 开源字体许可证）。</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="38"/>
        <source>Second volunteer</source>
        <translation>第二位志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="39"/>
        <source>Station head&apos;s approval</source>
        <translation>站长批准</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="55"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="56"/>
        <source>Station head</source>
        <translation>站长</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="58"/>
        <source>Reason (written on the record)</source>
        <translation>原因（将记入档案）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="64"/>
        <source>Their PIN</source>
        <translation>其 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="66"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="81"/>
        <source>Nobody else can sign off: add a volunteer first</source>
        <translation>没有其他人可以确认：请先添加志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="91"/>
        <source>Write the reason</source>
        <translation>请写明原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="94"/>
        <source>Type the PIN</source>
        <translation>请输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="1"/>
        <source>Approvals before signing</source>
        <translation>签名前的批准</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="1"/>
        <source>{what}: reason (written on the record)</source>
        <translation>{what}：原因（将记入档案）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/approval.py" line="1"/>
        <source>The station head&apos;s PIN</source>
        <translation>站长的 PIN 码</translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/clear_button.py" line="1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="41"/>
        <source>Every column was recognised.</source>
        <translation>所有列都已识别。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="42"/>
        <source>Say what these columns hold (or leave them out):</source>
        <translation>请说明这些列的内容（或不导入）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="46"/>
        <source>Leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="57"/>
        <source>(not given: rows will be refused)</source>
        <translation>（未提供：这些行将被拒绝）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/column_mapping.py" line="62"/>
        <source>{field} for every row</source>
        <translation>所有行的{field}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="38"/>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="41"/>
        <source>The union office gives you the server&apos;s address and a one-time enrollment code. Once connected, the station sends its aid records by itself whenever there is a connection.</source>
        <translation>服务器地址和一次性登记码由工会办公室提供。连接后，只要有网络，站点就会自动上传发放记录。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="51"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="52"/>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="57"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="102"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/connect.py" line="117"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>出错了，详情已记入日志。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../helpdesk/app.py" line="104"/>
        <source>Something went wrong. Your saved work is safe. Please tell the station head; the details are below.</source>
        <translation>程序出错了。已保存的数据是安全的。请告诉站长；详细信息见下方。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../helpdesk/app.py" line="128"/>
        <source>Demo station: sign in as {user} with PIN {pin}</source>
        <translation>演示站点：请以 {user} 登录，PIN 码 {pin}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="58"/>
        <source>Export the ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="64"/>
        <source>Aid ledger (台账)</source>
        <translation>帮扶发放台账</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="65"/>
        <source>Family roster (困难职工档案)</source>
        <translation>困难职工档案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="67"/>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="76"/>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="82"/>
        <source>Full ID numbers (not masked)</source>
        <translation>完整身份证号（不打码）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="84"/>
        <source>The file will hold every family's full ID number: keep it safe and send it only to the union office. This export is written to the audit log.</source>
        <translation>文件将包含每户的完整身份证号：请妥善保管，只报送上级工会。本次导出将记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="92"/>
        <source>What</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="93"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="94"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="95"/>
        <source>Programme</source>
        <translation>帮扶项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="101"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="106"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="145"/>
        <source>families-{day}.xlsx</source>
        <translation>困难职工档案-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="147"/>
        <source>ledger-all.xlsx</source>
        <translation>台账-全部.xlsx</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="148"/>
        <source>ledger-{from}-{to}.xlsx</source>
        <translation>台账-{from}至{to}.xlsx</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="156"/>
        <source>Save the export as</source>
        <translation>导出文件另存为</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="157"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="202"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="204"/>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="229"/>
        <source>Saved {file}: {n} aid, total ¥{total} ({void} void not counted)</source>
        <translation>已保存 {file}：{n} 笔，合计 ¥{total}（另有作废 {void} 笔，不计入合计）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="233"/>
        <source>Saved {file}: {n} families, {people} people</source>
        <translation>已保存 {file}：{n} 户，{people} 人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="245"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>出了点问题，详情已写入日志。</translation>
    </message>
</context>
<context>
    <name>ExportSection</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="269"/>
        <source>Ledger for the union office</source>
        <translation>上报工会的台账</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="271"/>
        <source>The aid ledger (台账) or the family roster as an Excel file.</source>
        <translation>把帮扶发放台账或困难职工档案导出为 Excel 文件。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/export.py" line="274"/>
        <source>Export the ledger…</source>
        <translation>导出台账…</translation>
    </message>
</context>
<context>
    <name>FamiliesPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="22"/>
        <source>Families</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="25"/>
        <source>Name, pinyin, or last digits of ID or phone</source>
        <translation>姓名、拼音，或证件号、电话的后几位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="39"/>
        <source>Register a new family</source>
        <translation>登记新家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="83"/>
        <source>No family found. Check the spelling, or register it.</source>
        <translation>没有找到。请检查输入，或登记这户家庭。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="85"/>
        <source>Tap a family to open it</source>
        <translation>点击家庭即可打开</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="126"/>
        <source>Several families match: pick one (Down arrow, then Enter), or type more of the name or number</source>
        <translation>有多个家庭符合：请选一个（按下箭头键，再按回车），或多输入几个字或数字</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/families.py" line="44"/>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
</context>
<context>
    <name>FamilyFormPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="55"/>
        <source>Taken from the ID; or 1980-05-17</source>
        <translation>自动取自身份证；或填写如 1980-05-17</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="60"/>
        <source>Head of family&apos;s name</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="60"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="61"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="61"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="62"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="62"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="63"/>
        <source>Region code (6 digits)</source>
        <translation>行政区划代码（6 位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="63"/>
        <source>Hukou</source>
        <translation>户口</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="64"/>
        <source>Employment</source>
        <translation>就业形式</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="64"/>
        <source>Difficulties (one or more)</source>
        <translation>困难原因（可多选）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="65"/>
        <source>Monthly household income (yuan)</source>
        <translation>家庭月收入（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="66"/>
        <source>Social insurance the family has</source>
        <translation>已参加的社会保险</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="67"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="72"/>
        <source>The family agreed to be registered</source>
        <translation>本户已同意登记个人信息</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="81"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="97"/>
        <source>Edit family</source>
        <translation>修改家庭信息</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="97"/>
        <source>Register a family</source>
        <translation>登记家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="148"/>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="153"/>
        <source>Check the fields marked below</source>
        <translation>请检查下方标出的内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="181"/>
        <source>This family may be registered already. Is it one of these?</source>
        <translation>这户家庭可能已经登记过。是下面其中一户吗？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="192"/>
        <source>This is the same family: open it</source>
        <translation>是同一户：打开该户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="197"/>
        <source>Different family: save the new one</source>
        <translation>不是同一户：保存新登记</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="202"/>
        <source>Check the possible duplicates below before saving</source>
        <translation>保存前请核对下方可能重复的家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="1"/>
        <source>Region</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="72"/>
        <source>Consent (required)</source>
        <translation>同意登记（必填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="90"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="167"/>
        <source>Tick the box once the family has agreed to be registered</source>
        <translation>家庭同意登记后，请勾选此项</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="205"/>
        <source>Check the fields marked in red, starting with “{field}”</source>
        <translation>请检查标红的项目，从“{field}”开始</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="1"/>
        <source>Essential spending a year (yuan): medical bills, school fees and the like</source>
        <translation>年刚性支出（元）：医疗、就学等必需支出</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family_form.py" line="1"/>
        <source>Hardship tier</source>
        <translation>困难等级</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="40"/>
        <source>Give aid</source>
        <translation>发放帮扶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="44"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="47"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="58"/>
        <source>Household members (tap one to edit)</source>
        <translation>家庭成员（点击可修改）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="65"/>
        <source>Aid given (newest first)</source>
        <translation>帮扶记录（最新在前）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="67"/>
        <source>Void the chosen aid</source>
        <translation>作废所选记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="70"/>
        <source>Only a station head can void aid.</source>
        <translation>只有站长可以作废发放记录。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="73"/>
        <source>Receipt of the chosen aid</source>
        <translation>所选记录的收据</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="79"/>
        <source>Merge with a duplicate…</source>
        <translation>与重复登记的家庭合并…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="112"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="113"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="114"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="115"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="116"/>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="117"/>
        <source>Hukou</source>
        <translation>户口</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="118"/>
        <source>Employment</source>
        <translation>就业形式</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="119"/>
        <source>Difficulties</source>
        <translation>困难原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="120"/>
        <source>Monthly income (yuan)</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="121"/>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="122"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="123"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="140"/>
        <source>No other members recorded</source>
        <translation>尚未登记其他成员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="146"/>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="150"/>
        <source>VOID: {reason}</source>
        <translation>已作废：{reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="155"/>
        <source>No aid given yet</source>
        <translation>尚无帮扶记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="158"/>
        <source>{programme}: {count} time(s), {amount} yuan</source>
        <translation>{programme}：{count} 次，{amount} 元</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="162"/>
        <source>This campaign: </source>
        <translation>本期：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="163"/>
        <source>nothing yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="190"/>
        <source>The aid was voided; its receipt number stays, marked void.</source>
        <translation>该记录已作废；收据编号保留并标注作废。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="202"/>
        <source>The two registrations are one family now.</source>
        <translation>两条登记已合并为同一户家庭。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="1"/>
        <source>Hardship tier</source>
        <translation>困难等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/family.py" line="1"/>
        <source>not set</source>
        <translation>未定</translation>
    </message>
</context>
<context>
    <name>FamilySearchModel</name>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="36"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="37"/>
        <source>end of ID number</source>
        <translation>证件号码尾号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="38"/>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="39"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="40"/>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/families.py" line="41"/>
        <source>household member</source>
        <translation>家庭成员</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="62"/>
        <source>Set up this help station</source>
        <translation>设置本帮扶站</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="64"/>
        <source>Fill in the station and its head. The head signs in with the PIN chosen here.</source>
        <translation>请填写站点和站长信息。站长用这里设置的 PIN 码登录。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="81"/>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="82"/>
        <source>Region code (6 digits, e.g. 420111)</source>
        <translation>行政区划代码（6 位，如 420111）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="84"/>
        <source>Trade union (optional)</source>
        <translation>所属工会（选填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="85"/>
        <source>Station phone (optional)</source>
        <translation>站点电话（选填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="86"/>
        <source>Station head&apos;s name</source>
        <translation>站长姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="87"/>
        <source>Head&apos;s PIN (6 to 12 digits)</source>
        <translation>站长 PIN 码（6 至 12 位数字）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="88"/>
        <source>The PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="95"/>
        <source>Create the station</source>
        <translation>创建站点</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="110"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="112"/>
        <source>This code unlocks the station if PINs are forgotten or this laptop breaks. It is shown only now: print it or write it down, and keep it locked away.</source>
        <translation>忘记 PIN 码或电脑损坏时，可用此码解锁站点数据。它只显示这一次：请打印或抄写下来，并锁好保管。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="124"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="127"/>
        <source>I have written it down</source>
        <translation>我已抄写保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="129"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="144"/>
        <source>The two PINs differ</source>
        <translation>两次输入的 PIN 码不一致</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="182"/>
        <source>Helpdesk recovery code</source>
        <translation>帮扶台账恢复码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="1"/>
        <source>The station's region</source>
        <translation>帮扶站所在地区</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/first_run.py" line="1"/>
        <source>Creating the station…</source>
        <translation>正在创建站点…</translation>
    </message>
</context>
<context>
    <name>GiveAidPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="48"/>
        <source>Give aid</source>
        <translation>发放帮扶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="81"/>
        <source>Amount in yuan, e.g. 500</source>
        <translation>金额（元），如 500</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="89"/>
        <source>e.g. legal advice on unpaid wages</source>
        <translation>如：欠薪维权法律咨询</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="96"/>
        <source>Programme</source>
        <translation>帮扶项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="97"/>
        <source>Cash amount (yuan)</source>
        <translation>现金金额（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="98"/>
        <source>Goods given</source>
        <translation>发放物资</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="99"/>
        <source>Service given</source>
        <translation>提供的服务</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="100"/>
        <source>Who receives it</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="102"/>
        <source>Name of the person receiving it</source>
        <translation>领取人姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="109"/>
        <source>Next: signature</source>
        <translation>下一步：签名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="125"/>
        <source>The person receiving it signs below, with a finger, a pen or the mouse.</source>
        <translation>请领取人在下方签名（手指、手写笔或鼠标均可）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="134"/>
        <source>Clear the signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="150"/>
        <source>Cannot sign: station head records why…</source>
        <translation>无法签名：由站长记录原因…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="137"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="140"/>
        <source>Confirm and save</source>
        <translation>确认并保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="159"/>
        <source>Saved. Receipt number:</source>
        <translation>已保存。收据编号：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="166"/>
        <source>Receipt: preview, print, PDF</source>
        <translation>收据：预览、打印、PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="170"/>
        <source>Back to the family</source>
        <translation>返回该户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="173"/>
        <source>Find another family</source>
        <translation>查找其他家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="188"/>
        <source>Give aid to {name}</source>
        <translation>为 {name} 发放帮扶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="206"/>
        <source>No programme is open today: a station head can create one on the Programmes page.</source>
        <translation>今天没有开放的帮扶项目：站长可在“项目”页新建。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="234"/>
        <source>In capitals: {capitals}</source>
        <translation>大写：{capitals}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="268"/>
        <source>{amount} yuan ({capitals})</source>
        <translation>{amount} 元（{capitals}）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="273"/>
        <source>{programme}: {what}
Received by {who}</source>
        <translation>{programme}：{what}
领取人：{who}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="281"/>
        <source>The person receiving it must sign first</source>
        <translation>请领取人先签名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="301"/>
        <source>Given to {who} on {date}.</source>
        <translation>已于 {date} 发放给 {who}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/give_aid.py" line="1"/>
        <source>Pick the programme</source>
        <translation>请选择发放项目</translation>
    </message>
</context>
<context>
    <name>GoodsEditor</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="52"/>
        <source>Add a goods line</source>
        <translation>添加一项物资</translation>
    </message>
</context>
<context>
    <name>GoodsLineRow</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="18"/>
        <source>Item, e.g. rice</source>
        <translation>物品，如 大米</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="21"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="25"/>
        <source>Unit, e.g. bag</source>
        <translation>单位，如 袋</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="28"/>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/goods.py" line="30"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="19"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="25"/>
        <source>Aid given today</source>
        <translation>今日发放次数</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="26"/>
        <source>Total today (yuan)</source>
        <translation>今日发放金额（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="27"/>
        <source>Changes waiting to sync</source>
        <translation>待同步的更改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="28"/>
        <source>Families registered</source>
        <translation>已登记家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="29"/>
        <source>Give aid</source>
        <translation>发放帮扶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="33"/>
        <source>Register a family</source>
        <translation>登记家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="55"/>
        <source>Hello, {name}. {date}</source>
        <translation>{name}，您好。{date}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="66"/>
        <source>Find the family first, then choose Give aid on its page.</source>
        <translation>请先找到这户家庭，再在该户页面点“发放帮扶”。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="1"/>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/home.py" line="37"/>
        <source>Enter aid from a paper sheet</source>
        <translation>纸质登记表补录</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="364"/>
        <source>Done: {added} families added, {updated} filled in, {duplicates} duplicates left out, {errors} rows with errors.</source>
        <translation>完成：新增 {added} 户，补全 {updated} 户，未导入重复 {duplicates} 行，有误 {errors} 行。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="52"/>
        <source>Import families from Excel</source>
        <translation>从 Excel 导入家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="71"/>
        <source>Choose the roster: an .xlsx, .xls or .csv file. Columns are found by their header (姓名, 身份证号, 联系电话 …); title rows above the header are skipped.</source>
        <translation>选择名册文件：.xlsx、.xls 或 .csv。按表头名称识别各列（姓名、身份证号、联系电话……），表头上方的标题行会自动跳过。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="75"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="93"/>
        <source>Use a saved mapping…</source>
        <translation>使用已保存的列对应…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="95"/>
        <source>Save this mapping…</source>
        <translation>保存此列对应…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="100"/>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="117"/>
        <source>Show only rows that need a look</source>
        <translation>只显示需要查看的行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="121"/>
        <source>Import all possible duplicates</source>
        <translation>全部可能重复的也导入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="124"/>
        <source>Skip all possible duplicates</source>
        <translation>全部可能重复的都跳过</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="142"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="163"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="177"/>
        <source>Open the rows not imported</source>
        <translation>打开未导入的行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="180"/>
        <source>Save the rows not imported as…</source>
        <translation>将未导入的行另存为…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="183"/>
        <source>Import another file</source>
        <translation>导入另一个文件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="185"/>
        <source>Go to the families</source>
        <translation>前往家庭列表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="212"/>
        <source>Choose the roster</source>
        <translation>选择名册</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="213"/>
        <source>Rosters (*.xlsx *.xls *.csv)</source>
        <translation>名册 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="261"/>
        <source>Choose a saved mapping</source>
        <translation>选择已保存的列对应</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="262"/>
        <source>Mappings (*.json)</source>
        <translation>列对应 (*.json)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="270"/>
        <source>Save the mapping</source>
        <translation>保存列对应</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="290"/>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="359"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="381"/>
        <source>Save the rows not imported</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="383"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="221"/>
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="283"/>
        <source>Mapping saved: {path}</source>
        <translation>列对应已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="327"/>
        <source>Import {n} families</source>
        <translation>导入 {n} 户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="343"/>
        <source>Importing {n} rows in one go: Cancel leaves the station as it was.</source>
        <translation>正在一次性导入 {n} 行：取消后站点数据保持原样。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="391"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="280"/>
        <source>The mapping could not be saved: {why}</source>
        <translation>列对应无法保存：{why}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="388"/>
        <source>The report could not be saved: {why}</source>
        <translation>报告无法保存：{why}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py" line="320"/>
        <source>{rows} rows: {added} to add, {updated} to fill in, {duplicates} duplicates skipped, {errors} with errors (not imported: they go to a report to fix).</source>
        <translation>共 {rows} 行：新增 {added}，补全 {updated}，跳过重复 {duplicates}，有误 {errors}（有误的行不导入，会写入报告供修改）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/import_roster.py"/>
        <source>Household members: {members} added, {members_updated} filled in (they follow their family).</source>
        <translation>家庭成员：新增 {members} 人，补全 {members_updated} 人（随所在家庭导入）。</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="30"/>
        <source>New family</source>
        <translation>新家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="31"/>
        <source>Not imported: fix it in the file</source>
        <translation>不导入：请在文件中修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="32"/>
        <source>Registered already (same ID number)</source>
        <translation>已登记（身份证号相同）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="33"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="34"/>
        <source>Registered at another station</source>
        <translation>已在其他站点登记</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="35"/>
        <source>Imported before</source>
        <translation>以前已导入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="36"/>
        <source>Repeated in the file</source>
        <translation>文件中重复</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="102"/>
        <source>Fill in its blank fields from this row</source>
        <translation>用这一行补全该户的空白项</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="103"/>
        <source>Import it as a different family</source>
        <translation>作为另一户导入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>What was found</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="70"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="97"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py" line="97"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member not imported: fix it in the file</source>
        <translation>成员不导入：请在文件中修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member left out with its family</source>
        <translation>随所在家庭一起不导入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>New member of this family</source>
        <translation>本户新增成员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member known already: blank fields filled in</source>
        <translation>已有这位成员：补全空白项</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member known already</source>
        <translation>已有这位成员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/models/import_rows.py"/>
        <source>Member repeated in the file</source>
        <translation>成员在文件中重复</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="76"/>
        <source>Helpdesk: aid register</source>
        <translation>帮扶台账</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="130"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="145"/>
        <source>The backup is restored: sign in again. This laptop now counts as a new device.</source>
        <translation>备份已恢复，请重新登录。本机将作为新设备记录。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="34"/>
        <source>Edit a household member</source>
        <translation>修改家庭成员信息</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="35"/>
        <source>Add a household member</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="44"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="45"/>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="46"/>
        <source>Resident ID (optional)</source>
        <translation>身份证号码（选填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="48"/>
        <source>Birth date (optional, 2015-09-01)</source>
        <translation>出生日期（选填，如 2015-09-01）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="50"/>
        <source>Health or disability (optional)</source>
        <translation>健康或残疾情况（选填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="52"/>
        <source>School or work (optional)</source>
        <translation>就学或工作（选填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="60"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/member.py" line="63"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="48"/>
        <source>Merge duplicate families</source>
        <translation>合并重复的家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="51"/>
        <source>{family} may be registered twice. Choose the other registration, the one to keep, and write why.</source>
        <translation>{family} 可能被登记了两次。请选择另一条登记、要保留哪一条，并写明原因。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="71"/>
        <source>This family ({name})</source>
        <translation>本户（{name}）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="73"/>
        <source>The chosen registration</source>
        <translation>所选的另一条登记</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="75"/>
        <source>The other registration</source>
        <translation>另一条登记</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="77"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="78"/>
        <source>Why are they the same family?</source>
        <translation>为什么是同一户？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="81"/>
        <source>No likely duplicate of this family was found.</source>
        <translation>没有找到这户家庭可能重复的登记。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="90"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/merge.py" line="95"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MoreSheet</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/more_sheet.py" line="1"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/more_sheet.py" line="1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/more_sheet.py" line="1"/>
        <source>{page} · {count} to look at</source>
        <translation>{page} · {count} 项待处理</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="1"/>
        <source>About Helpdesk</source>
        <translation>关于帮扶台账</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="46"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="47"/>
        <source>Families</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="48"/>
        <source>Programmes</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="50"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="51"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="52"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/registry.py" line="1"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="26"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="33"/>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="34"/>
        <source>Delete the last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/pin_pad.py" line="37"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>ProgrammePicker</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>Not received this campaign · {left} left</source>
        <translation>本期未领 · 还可领 {left} 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>here {count} time(s), {amount} yuan</source>
        <translation>本站已领 {count} 次，共 {amount} 元</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>another station {count} time(s)</source>
        <translation>另一站点已领 {count} 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>Received {count} time(s) this campaign ({where}) · {left} left</source>
        <translation>本期已领 {count} 次（{where}）· 还可领 {left} 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/programme_picker.py" line="1"/>
        <source>Used up: received {count} time(s) ({where}); a station head must approve giving again</source>
        <translation>已领完：本期已领 {count} 次（{where}）；再次发放需要站长批准</translation>
    </message>
</context>
<context>
    <name>ProgrammesPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="23"/>
        <source>Programmes</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="29"/>
        <source>New local programme</source>
        <translation>新建本站项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="36"/>
        <source>Code, e.g. LOCAL-2026</source>
        <translation>项目代码，如 LOCAL-2026</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="37"/>
        <source>Name in Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="38"/>
        <source>Name in English (optional)</source>
        <translation>英文名称（选填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="40"/>
        <source>Kind</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="41"/>
        <source>Starts on (2026-01-01)</source>
        <translation>开始日期（如 2026-01-01）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="43"/>
        <source>Ends on (2026-12-31)</source>
        <translation>结束日期（如 2026-12-31）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="44"/>
        <source>Times per family</source>
        <translation>每户可领次数</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="49"/>
        <source>Create the programme</source>
        <translation>创建项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="60"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="60"/>
        <source>closed</source>
        <translation>未开放</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="64"/>
        <source>{n} per family</source>
        <translation>每户 {n} 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="66"/>
        <source>budget {amount} yuan</source>
        <translation>预算 {amount} 元</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/programmes.py" line="94"/>
        <source>Programme created</source>
        <translation>项目已创建</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="52"/>
        <source>Receipt {number}</source>
        <translation>收据 {number}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="65"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="68"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="71"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="98"/>
        <source>No receipt printer is chosen on this laptop: save the receipt as a PDF, or choose a printer in the receipt settings.</source>
        <translation>本机还没有选择收据打印机：可先另存为 PDF，或在收据设置中选择打印机。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="112"/>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="117"/>
        <source>Save the receipt</source>
        <translation>保存收据</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="118"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="129"/>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/receipt.py" line="1"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>Type a name or pinyin, e.g. 洪山 or hongshan</source>
        <translation>输入名称或拼音，如 洪山 或 hongshan</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/region_picker.py" line="1"/>
        <source>District / county</source>
        <translation>区县</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="26"/>
        <source>Head of family&apos;s name</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="27"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="28"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="29"/>
        <source>Region code</source>
        <translation>地区代码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="30"/>
        <source>Hukou</source>
        <translation>户口</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="31"/>
        <source>Employment</source>
        <translation>就业形式</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="32"/>
        <source>Difficulties</source>
        <translation>困难原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="33"/>
        <source>Monthly household income</source>
        <translation>家庭月收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="34"/>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="36"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="38"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="39"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="40"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="44"/>
        <source>Family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="45"/>
        <source>Family member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="46"/>
        <source>Aid</source>
        <translation>发放记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="47"/>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="48"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="49"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="50"/>
        <source>Log entry</source>
        <translation>日志记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="65"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Region</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Essential spending a year</source>
        <translation>年刚性支出</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Hardship tier</source>
        <translation>困难等级</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="100"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="104"/>
        <source>Edits that clashed</source>
        <translation>相互冲突的修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="105"/>
        <source>No clashing edits.</source>
        <translation>没有冲突的修改。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="106"/>
        <source>Same aid at two stations</source>
        <translation>两个站点重复发放</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="107"/>
        <source>No aid given twice.</source>
        <translation>没有重复发放。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="108"/>
        <source>Changes the server refused</source>
        <translation>服务器拒收的变更</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="109"/>
        <source>The server took every change.</source>
        <translation>服务器已接收全部变更。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="122"/>
        <source>Duplicate families</source>
        <translation>重复登记的家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="125"/>
        <source>When one family was registered twice (here or at another station), open it and merge the two: aid and caps then count as one family.</source>
        <translation>同一户家庭被登记了两次（在本站或其他站点）时，打开这户家庭并合并两条登记：此后发放记录和限额按同一户计算。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="130"/>
        <source>Find the family to merge</source>
        <translation>查找要合并的家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="146"/>
        <source>Only a station head can review these.</source>
        <translation>只有站长可以审核这些内容。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="165"/>
        <source>and {n} more</source>
        <translation>另有 {n} 条</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="170"/>
        <source>{family} · {field}
Kept: {kept} ({kept_by})
The other value: {losing} ({lost_by})</source>
        <translation>{family} · {field}
保留的值：{kept}（{kept_by}）
另一个值：{losing}（{lost_by}）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="178"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="180"/>
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="181"/>
        <source>Use the other value</source>
        <translation>改用另一个值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="184"/>
        <source>The other value is used now</source>
        <translation>已改用另一个值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="186"/>
        <location filename="../../helpdesk/ui/pages/review.py" line="203"/>
        <source>Open the family</source>
        <translation>打开这户家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="191"/>
        <source>{programme}: {id} got it here and at {others}
Station {station} · {when}</source>
        <translation>{programme}：{id} 在本站和 {others} 都领取了
站点 {station} · {when}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="199"/>
        <source>Mark reviewed</source>
        <translation>标记为已查看</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="201"/>
        <source>Marked reviewed</source>
        <translation>已标记为已查看</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="208"/>
        <source>quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="208"/>
        <source>refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="210"/>
        <source>{entity} {summary}: {status}
Reason: {reason}</source>
        <translation>{entity} {summary}：{status}
原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Open the programmes</source>
        <translation>打开项目页</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Dismissed: it stays out of the review and is not sent again</source>
        <translation>已忽略：它不再出现在待处理中，也不会再次上传</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Decisions of the union office</source>
        <translation>工会办公室的决定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>No decision of the union office waits.</source>
        <translation>没有待查看的工会办公室决定。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>The union office asks to void receipt {receipt}: {reason}</source>
        <translation>工会办公室要求作废收据 {receipt}：{reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>The union office asked station {station} to void its aid: {reason}</source>
        <translation>工会办公室已要求站点 {station} 作废其发放：{reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Allowed by the union office: {reason}</source>
        <translation>工会办公室已允许：{reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Station {station}</source>
        <translation>站点 {station}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Void the aid…</source>
        <translation>作废这次发放…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>Dismissed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/review.py" line="1"/>
        <source>The aid was voided; its receipt number stays, marked void.</source>
        <translation>已作废这次发放；收据号保留，标为作废。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="44"/>
        <location filename="../../helpdesk/ui/pages/settings.py" line="125"/>
        <source>{n} minutes</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="48"/>
        <source>Cash above this needs a second volunteer&apos;s PIN (yuan)</source>
        <translation>现金超过此金额需第二位志愿者输入 PIN 码（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="51"/>
        <source>Save the amount</source>
        <translation>保存金额</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="59"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="60"/>
        <source>Lock the screen after no use for</source>
        <translation>无操作多久后锁屏</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="62"/>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="70"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="71"/>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="76"/>
        <source>Receipt paper</source>
        <translation>收据纸张</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="77"/>
        <source>Receipt language</source>
        <translation>收据语言</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="78"/>
        <source>Receipt printer</source>
        <translation>收据打印机</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="80"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="87"/>
        <source>Restore the chosen backup</source>
        <translation>恢复所选备份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="91"/>
        <source>Backups (newest first)</source>
        <translation>备份（最新在前）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="94"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="102"/>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="114"/>
        <source>About Helpdesk</source>
        <translation>关于帮扶台账</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="152"/>
        <source>Not connected to a server. Without one, aid records stay on this laptop.</source>
        <translation>尚未连接服务器。未连接时，发放记录只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="155"/>
        <source>Connected to {url} as station {code}</source>
        <translation>已连接 {url}，站点编号 {code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="165"/>
        <source>No printer (save receipts as PDF)</source>
        <translation>不用打印机（收据另存为 PDF）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="169"/>
        <source>{name} (not found now)</source>
        <translation>{name}（当前未找到）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="183"/>
        <location filename="../../helpdesk/ui/pages/settings.py" line="198"/>
        <location filename="../../helpdesk/ui/pages/settings.py" line="208"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="217"/>
        <source>Backed up to {folder}</source>
        <translation>已备份到 {folder}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="222"/>
        <source>Choose a backup first</source>
        <translation>请先选择一个备份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="57"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Backups go to</source>
        <translation>备份位置</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Choose the backup folder…</source>
        <translation>选择备份文件夹…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Back up in the station's own folder</source>
        <translation>备份到站点自己的文件夹</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>{folder} (the station's own folder)</source>
        <translation>{folder}（站点自己的文件夹）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/settings.py" line="0"/>
        <source>Backups go to {folder}</source>
        <translation>备份将写入 {folder}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="1"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="54"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="163"/>
        <source>{code} (provisional)</source>
        <translation>{code}（临时）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="165"/>
        <source>{station} · {code} · {volunteer}</source>
        <translation>{station} · {code} · {volunteer}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="167"/>
        <source>{code} · {volunteer}</source>
        <translation>{code} · {volunteer}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="1"/>
        <source>{station} · {volunteer}</source>
        <translation>{station} · {volunteer}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="143"/>
        <source>Leave without saving?</source>
        <translation>不保存就离开？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="144"/>
        <source>What was typed on this page is not saved yet. Leave it and lose it, or cancel to go back to the form?</source>
        <translation>本页填写的内容还没有保存。离开会丢失这些内容；点“取消”回到表格。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="143"/>
        <source>Leave without saving</source>
        <translation>不保存，离开</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/shell.py" line="134"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="39"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="55"/>
        <source>Use the recovery code</source>
        <translation>使用恢复码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="60"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="67"/>
        <source>Who are you?</source>
        <translation>请选择您的名字</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="118"/>
        <source>station head</source>
        <translation>站长</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="118"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="138"/>
        <source>{name}, type your PIN</source>
        <translation>{name}，请输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="152"/>
        <source>Choose your name first</source>
        <translation>请先选择您的名字</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/sign_in.py" line="154"/>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/signature_pad.py" line="34"/>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="61"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="62"/>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="65"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="74"/>
        <source>Not connected to a server · {n} waiting</source>
        <translation>未连接服务器 · {n} 条待同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="76"/>
        <source>Syncing… · {n} waiting</source>
        <translation>正在同步… · {n} 条待同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="78"/>
        <source>Offline · {n} waiting</source>
        <translation>离线 · {n} 条待同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="81"/>
        <source>Sync failed: {error} · {n} waiting</source>
        <translation>同步失败：{error} · {n} 条待同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="84"/>
        <source>{n} waiting</source>
        <translation>{n} 条待同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="86"/>
        <source>last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="89"/>
        <source>not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="92"/>
        <source>this clock is {m} min behind the server</source>
        <translation>本机时钟比服务器慢 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="94"/>
        <source>this clock is {m} min ahead of the server</source>
        <translation>本机时钟比服务器快 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Stopping after this page… · {n} waiting</source>
        <translation>本页完成后停止… · {n} 条待同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/sync_status.py" line="1"/>
        <source>Sync stopped: {sent} changes sent, {received} received; the rest goes next time</source>
        <translation>同步已停止：已发送 {sent} 条变更，已接收 {received} 条；其余下次同步</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="30"/>
        <source>Void aid</source>
        <translation>作废发放记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="33"/>
        <source>A voided aid keeps its receipt number, marked void. Record the aid again if it was given differently.</source>
        <translation>作废的记录保留收据编号并标注作废。如实际发放有误，请作废后重新登记。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="36"/>
        <source>Why is it voided?</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="78"/>
        <source>Receipt {receipt}
{family} · {what}</source>
        <translation>凭证号 {receipt}
{family} · {what}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="42"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/void.py" line="46"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="40"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="45"/>
        <source>New PIN for the chosen volunteer</source>
        <translation>为所选志愿者设置新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="47"/>
        <source>Set the new PIN</source>
        <translation>设置新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="50"/>
        <source>Remove the chosen volunteer</source>
        <translation>移除所选志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="56"/>
        <source>Add a volunteer</source>
        <translation>添加志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="62"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="63"/>
        <source>PIN (6 to 12 digits)</source>
        <translation>PIN 码（6 至 12 位数字）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="64"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="67"/>
        <source>Add the volunteer</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="77"/>
        <source>station head</source>
        <translation>站长</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="77"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="106"/>
        <source>{name} can now sign in</source>
        <translation>{name} 现在可以登录了</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="112"/>
        <source>Removed; the station&apos;s key was changed</source>
        <translation>已移除；站点密钥已更换</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/volunteers.py" line="119"/>
        <source>The new PIN is set</source>
        <translation>新 PIN 码已设置</translation>
    </message>
</context>
<context>
    <name>UsbSync</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Sync by USB stick</source>
        <translation>用U盘同步</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Without a network: write the changes to a file, take it to the server, and bring its answer back.</source>
        <translation>没有网络时：把变更写入文件，带到服务器导入，再把服务器的回执带回来导入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Export for USB…</source>
        <translation>导出到U盘…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Import answer from USB…</source>
        <translation>从U盘导入回执…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Export for USB</source>
        <translation>导出到U盘</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Import answer from USB</source>
        <translation>从U盘导入回执</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Reading the answer…</source>
        <translation>正在读取回执…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Wrote {file}: {n} changes for the server (encrypted: only the server can open it)</source>
        <translation>已写入 {file}：{n} 条变更（已加密，只有服务器能打开）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>It also asks the server to enroll this laptop.</source>
        <translation>文件中还含有本机的登记请求。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Enrolled: station {code}</source>
        <translation>已登记：站点编号 {code}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>Server took {accepted}, refused {rejected}, set aside {quarantined}; {applied} changes from the region applied</source>
        <translation>服务器接受 {accepted} 条，拒绝 {rejected} 条，隔离 {quarantined} 条；已应用本地区的 {applied} 条变更</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/usb_sync.py" line="0"/>
        <source>The server has more for this station: export again.</source>
        <translation>服务器还有更多内容：请再导出一次。</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Cash count of {day}</source>
        <translation>{day} 现金盘点</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Cash aid handed out today</source>
        <translation>当日现金发放</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>No cash aid today</source>
        <translation>今天没有现金发放</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Handed out: {amount} ({count})</source>
        <translation>已发放：{amount}（{count} 笔）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Opening float (yuan)</source>
        <translation>备用金（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted in the box</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Reason for the difference (needed when it is not 0)</source>
        <translation>差额原因（差额不为 0 时必填）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Signed by two</source>
        <translation>双人签核</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted by {name}: your PIN</source>
        <translation>清点人 {name}：请输入您的 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Witness (another volunteer or the head)</source>
        <translation>监盘人（另一位志愿者或站长）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>The witness&apos;s PIN</source>
        <translation>监盘人的 PIN 码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Nobody else can witness: add a volunteer first</source>
        <translation>没有其他人可以监盘：请先添加志愿者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Past closes</source>
        <translation>日结记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>This day is already closed. A station head can reopen it from Past closes.</source>
        <translation>这一天已经日结。站长可以在“日结记录”中重新打开。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted: {amount}</source>
        <translation>实点：{amount}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Expected: {amount} (float less cash handed out)</source>
        <translation>应有：{amount}（备用金减去当日发放）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Difference: {amount}</source>
        <translation>差额：{amount}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Counted and expected differ: write the reason</source>
        <translation>实点与应有现金不符：请写明原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/close_day.py" line="1"/>
        <source>Type the PIN</source>
        <translation>请输入 PIN 码</translation>
    </message>
</context>
<context>
    <name>ClosesDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Past closes</source>
        <translation>日结记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Why is the day reopened?</source>
        <translation>重新打开的原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Reopen the day</source>
        <translation>重新打开这一天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Slip</source>
        <translation>日结单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>closed</source>
        <translation>已日结</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>{day} · {state}
expected {expected} · counted {counted} · difference {difference}</source>
        <translation>{day} · {state}
应有 {expected} · 实点 {counted} · 差额 {difference}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Choose a closed day first</source>
        <translation>请先选择一个已日结的日期</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Close slip {day}</source>
        <translation>{day} 日结单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>No receipt printer is chosen on this laptop: save the slip as a PDF, or choose a printer in the receipt settings.</source>
        <translation>本机没有选择凭证打印机：请将日结单保存为 PDF，或在凭证设置中选择打印机。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Save the close slip</source>
        <translation>保存日结单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/dialogs/closes.py" line="1"/>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
</context>
<context>
    <name>PaperEntryPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="53"/>
        <source>Enter aid from a paper sheet</source>
        <translation>纸质登记表补录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="59"/>
        <source>Type the sheet number printed at its top right, or scan its QR code. Then enter each line as written on the paper.</source>
        <translation>输入登记表右上角印的表号，或扫描其二维码；然后按纸上所写逐行录入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="63"/>
        <source>e.g. 7KQM-P0001</source>
        <translation>例如 7KQM-P0001</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="65"/>
        <source>Paper sheet number</source>
        <translation>纸质登记表表号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="66"/>
        <source>Open the sheet</source>
        <translation>打开登记表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="87"/>
        <source>Attach a photo or scan of the sheet…</source>
        <translation>附加登记表的照片或扫描件…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="96"/>
        <source>Name, pinyin, or last digits of ID or phone</source>
        <translation>姓名、拼音，或证件号、电话的后几位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="111"/>
        <source>Amount in yuan, e.g. 500</source>
        <translation>金额（元），例如 500</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="121"/>
        <source>Line number on the sheet</source>
        <translation>表上的行号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="122"/>
        <source>Family (search as usual)</source>
        <translation>家庭（照常搜索）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="124"/>
        <source>Programme</source>
        <translation>帮扶项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="126"/>
        <source>Cash amount (yuan)</source>
        <translation>现金金额（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="128"/>
        <source>Goods given</source>
        <translation>发放的物资</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="129"/>
        <source>Service given</source>
        <translation>提供的服务</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="131"/>
        <source>Date and time written on the sheet</source>
        <translation>表上写的日期和时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="133"/>
        <source>Handed over by</source>
        <translation>经办人（发放的志愿者）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="136"/>
        <source>Save this line</source>
        <translation>保存这一行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="139"/>
        <source>Receipt of the line saved: print, PDF</source>
        <translation>已保存这一行的凭证：打印、PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="149"/>
        <source>Before an outage: print numbered sheets</source>
        <translation>停电或电脑故障前：打印带编号的登记表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="152"/>
        <source>Save a blank signature sheet as PDF…</source>
        <translation>将空白签名表存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="157"/>
        <source>Save the roster of this programme as PDF…</source>
        <translation>将此项目的领取名册存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="185"/>
        <source>Sheet {number} saved ({pages} page(s)): {path}</source>
        <translation>登记表 {number} 已保存（{pages} 页）：{path}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="191"/>
        <source>Save the sheet as PDF</source>
        <translation>将登记表存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="223"/>
        <source>{count} lines</source>
        <translation>共 {count} 行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="224"/>
        <source>printed on another computer of the station</source>
        <translation>由本站另一台电脑打印</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="225"/>
        <source>line {line}: {receipt}</source>
        <translation>第 {line} 行：{receipt}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="227"/>
        <source>Sheet {number} ({size}). Entered so far: {done}</source>
        <translation>登记表 {number}（{size}）。已补录：{done}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="229"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="235"/>
        <source>No family chosen yet</source>
        <translation>尚未选择家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="252"/>
        <source>Family: {name}</source>
        <translation>家庭：{name}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="257"/>
        <source>Photo or scan of the sheet</source>
        <translation>登记表的照片或扫描件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="258"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="268"/>
        <source>The file cannot be read: choose another one</source>
        <translation>无法读取该文件：请另选一个</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="274"/>
        <source>Attached: {name} ({size} KB)</source>
        <translation>已附加：{name}（{size} KB）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="290"/>
        <source>In capitals: {capitals}</source>
        <translation>大写：{capitals}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="324"/>
        <source>Search for the family and choose it</source>
        <translation>请搜索并选择家庭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="326"/>
        <source>Pick the programme</source>
        <translation>请选择帮扶项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/paper_entry.py" line="366"/>
        <source>Line {line} saved: receipt {receipt} (补录, signed on paper sheet {sheet})</source>
        <translation>第 {line} 行已保存：凭证号 {receipt}（补录，已在纸质登记表 {sheet} 上签名）</translation>
    </message>
</context>
<context>
    <name>DibaoLine</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Local minimum living allowance line (低保, yuan per person per month)</source>
        <translation>本地低保标准（元/人/月）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Save the line</source>
        <translation>保存低保标准</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/dibao_line.py" line="1"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>This campaign</source>
        <translation>本次活动</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Families</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Families reached of those registered</source>
        <translation>已帮扶户数 / 登记户数</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by programme</source>
        <translation>按帮扶项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by difficulty</source>
        <translation>按致困原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by employment</source>
        <translation>按就业形态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Aid by hardship tier</source>
        <translation>按困难等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>A family with several difficulties counts under each of them, so these rows add up to more than the total.</source>
        <translation>一户有多个致困原因时，每个原因下都计入，因此各行相加会多于合计。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>programmes open now: {codes}</source>
        <translation>当前开放项目：{codes}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>no programme is open: the year so far</source>
        <translation>当前没有开放的项目：按本年至今统计</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>{count} aid, {amount} yuan, to {reached} of {registered} registered families</source>
        <translation>发放 {count} 次，共 {amount} 元，帮扶 {reached} 户（登记 {registered} 户）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>{who}: {count} aid, {amount} yuan, {families} families</source>
        <translation>{who}：{count} 次，{amount} 元，{families} 户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>No aid in this period</source>
        <translation>这段时间没有发放记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Reached</source>
        <translation>已帮扶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Not reached</source>
        <translation>未帮扶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Reports: {station}</source>
        <translation>报表：{station}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Could not save the PDF: {error}</source>
        <translation>无法保存 PDF：{error}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/pages/reports.py" line="1"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/report_section.py" line="1"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>TierPicker</name>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>Not set</source>
        <translation>未定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>Use the suggestion</source>
        <translation>采用建议</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>(Monthly income × 12 − essential spending a year) ÷ 12 ÷ people in the household (the head and the members on the family page), against the station's minimum living allowance line (set in Settings): below 1× is deep hardship, below 2× relative hardship. Sudden hardship (disaster, accident, serious illness) is chosen by hand.</source>
        <translation>（家庭月收入 × 12 − 年刚性支出）÷ 12 ÷ 家庭人口（户主及家庭页上的成员），与本站低保标准（在“设置”中填写）比较：低于 1 倍为深度困难，低于 2 倍为相对困难。意外致困（灾害、事故、重病）由人工选择。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>A station head confirms the tier.</source>
        <translation>困难等级由站长确认。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>No suggestion: the station's minimum living allowance line is not set (Settings).</source>
        <translation>无建议：本站尚未设置低保标准（设置）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>No suggestion: the monthly income is not known.</source>
        <translation>无建议：家庭月收入未填写。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>below 1× the line {line}: {tier} suggested</source>
        <translation>低于低保标准 {line} 的 1 倍：建议{tier}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>below 2× the line {line}: {tier} suggested</source>
        <translation>低于低保标准 {line} 的 2 倍：建议{tier}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>not below 2× the line {line}: no tier suggested</source>
        <translation>不低于低保标准 {line} 的 2 倍：不建议困难等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets/tier_picker.py" line="1"/>
        <source>{sum} yuan a person a month; {verdict}</source>
        <translation>{sum} 元/人/月；{verdict}</translation>
    </message>
</context>
</TS>
