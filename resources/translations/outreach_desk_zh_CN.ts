<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Outreach Desk</source>
        <translation>反诈宣传工作台</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Adding further demo data…</source>
        <translation>正在添加其他演示数据…</translation>
    </message>
    <message>
        <source>Creating townships, villages and sites…</source>
        <translation>正在创建乡镇、村（社区）和点位…</translation>
    </message>
    <message>
        <source>Demo data complete.</source>
        <translation>演示数据已生成。</translation>
    </message>
    <message>
        <source>Generating activity records: {done} of {total}…</source>
        <translation>正在生成活动记录：{done} / {total}…</translation>
    </message>
    <message>
        <source>This database already holds {count} activity records. Demo data is only written into an empty database; choose a new file.</source>
        <translation>该数据库已有 {count} 条活动记录。演示数据只能写入空数据库，请另选一个新文件。</translation>
    </message>
    <message>
        <source>a county of 20 townships</source>
        <translation>一个县（20 个乡镇）</translation>
    </message>
    <message>
        <source>one township</source>
        <translation>一个乡镇</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行该操作</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>Something went wrong: {error}
Your saved records are safe.</source>
        <translation>程序出错：{error}
已保存的记录不受影响。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>磁盘已满，本次未保存任何内容。请清理出空间后重试。</translation>
    </message>
    <message>
        <source>The file {name} cannot be written. It may be open in Excel or WPS, or the folder is read-only. Close it or choose another name.</source>
        <translation>无法写入文件 {name}。该文件可能已在 Excel 或 WPS 中打开，或所在文件夹为只读。请关闭该文件或换一个文件名。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Choose a village or community.</source>
        <translation>请选择村（社区）。</translation>
    </message>
    <message>
        <source>Choose an activity kind.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>请填写日期。</translation>
    </message>
    <message>
        <source>People reached is implausibly large.</source>
        <translation>覆盖人数过大，请核对。</translation>
    </message>
    <message>
        <source>People reached must be a whole number of 0 or more.</source>
        <translation>覆盖人数须为大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>The activity record no longer exists.</source>
        <translation>该活动记录已不存在。</translation>
    </message>
    <message>
        <source>The chosen member unit no longer exists.</source>
        <translation>所选成员单位已不存在。</translation>
    </message>
    <message>
        <source>The chosen site no longer exists.</source>
        <translation>所选点位已不存在。</translation>
    </message>
    <message>
        <source>The date must lie between {first} and {last}.</source>
        <translation>日期须在 {first} 至 {last} 之间。</translation>
    </message>
    <message>
        <source>The notes are longer than 5000 characters.</source>
        <translation>备注超过 5000 字。</translation>
    </message>
    <message>
        <source>The place note is longer than 200 characters.</source>
        <translation>地点说明超过 200 字。</translation>
    </message>
    <message>
        <source>The quantity is implausibly large.</source>
        <translation>数量过大，请核对。</translation>
    </message>
    <message>
        <source>The quantity must be a whole number of at least 1.</source>
        <translation>数量须为大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>The site does not belong to the chosen village.</source>
        <translation>该点位不属于所选村（社区）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About Outreach Desk</source>
        <translation>关于反诈宣传工作台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>About Outreach Desk</source>
        <translation>关于反诈宣传工作台</translation>
    </message>
    <message>
        <source>Activity ledger</source>
        <translation>活动台账</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Outreach Desk {version}
Anti-fraud outreach ledger, coverage and reports for township offices.
Database: {path}</source>
        <translation>反诈宣传工作台 {version}
面向乡镇的反诈宣传活动台账、覆盖率统计与报表工具。
数据库：{path}</translation>
    </message>
    <message>
        <source>Outreach Desk — {name}</source>
        <translation>反诈宣传工作台 — {name}</translation>
    </message>
</context>
<context>
    <name>Organisation</name>
    <message>
        <source>A member unit named {name} exists already.</source>
        <translation>已有名为“{name}”的成员单位。</translation>
    </message>
    <message>
        <source>A site named {name} exists already in this village.</source>
        <translation>本村（社区）已有名为“{name}”的点位。</translation>
    </message>
    <message>
        <source>A township named {name} exists already.</source>
        <translation>已有名为“{name}”的乡镇。</translation>
    </message>
    <message>
        <source>A village or community named {name} exists already in this township.</source>
        <translation>本乡镇已有名为“{name}”的村（社区）。</translation>
    </message>
    <message>
        <source>An activity kind named {name} exists already.</source>
        <translation>已有名为“{name}”的活动类型。</translation>
    </message>
    <message>
        <source>The member unit no longer exists.</source>
        <translation>该成员单位已不存在。</translation>
    </message>
    <message>
        <source>The member unit organised {count} activity record(s) and cannot be deleted.</source>
        <translation>该成员单位组织过 {count} 条活动记录，不能删除。</translation>
    </message>
    <message>
        <source>The name is longer than 100 characters.</source>
        <translation>名称超过 100 字。</translation>
    </message>
    <message>
        <source>The name must not be empty.</source>
        <translation>名称不能为空。</translation>
    </message>
    <message>
        <source>The site no longer exists.</source>
        <translation>该点位已不存在。</translation>
    </message>
    <message>
        <source>The township no longer exists.</source>
        <translation>该乡镇已不存在。</translation>
    </message>
    <message>
        <source>The village no longer exists.</source>
        <translation>该村（社区）已不存在。</translation>
    </message>
    <message>
        <source>Unknown site kind.</source>
        <translation>未知的点位类型。</translation>
    </message>
    <message>
        <source>Unknown village kind.</source>
        <translation>未知的村（社区）类型。</translation>
    </message>
    <message>
        <source>{attribute} must be a whole number of 0 or more.</source>
        <translation>{attribute}须为大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>{what} cannot be deleted: {sites} site(s), {activities} activity record(s) and {photos} photo(s) depend on it.</source>
        <translation>无法删除{what}：有 {sites} 个点位、{activities} 条活动记录和 {photos} 张照片与其关联。</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot create the folder {folder}: {reason}</source>
        <translation>无法创建文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Cannot open {path} for writing. Check that the folder is writable.</source>
        <translation>无法以写入方式打开 {path}，请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({reason}). It has not been changed; restore a backup.</source>
        <translation>数据库 {path} 已损坏（{reason}）。文件未被改动，请从备份恢复。</translation>
    </message>
    <message>
        <source>The file {path} is not an Outreach Desk database (not a SQLite file). It has not been changed.</source>
        <translation>文件 {path} 不是反诈宣传工作台的数据库（不是 SQLite 文件），文件未被改动。</translation>
    </message>
    <message>
        <source>The file {path} is not an Outreach Desk database. It has not been changed.</source>
        <translation>文件 {path} 不是反诈宣传工作台的数据库，文件未被改动。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Outreach Desk (schema {found}, this program knows up to {known}). Please update the program; the file has not been changed.</source>
        <translation>该数据库由更新版本的反诈宣传工作台写入（数据结构版本 {found}，本程序最高支持 {known}）。请升级程序；文件未被改动。</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Business outlet</source>
        <translation>营业网点</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>班级数</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Elevators</source>
        <translation>电梯间</translation>
    </message>
    <message>
        <source>Entrances</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>Factory / enterprise</source>
        <translation>工厂（企业）</translation>
    </message>
    <message>
        <source>Fake poverty relief</source>
        <translation>冒充扶贫救助诈骗</translation>
    </message>
    <message>
        <source>Health products for the elderly</source>
        <translation>保健品养老诈骗</translation>
    </message>
    <message>
        <source>High-return fundraising</source>
        <translation>高息集资诈骗</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Impersonating police or officials</source>
        <translation>冒充公检法及政府机关诈骗</translation>
    </message>
    <message>
        <source>Impersonating relatives</source>
        <translation>冒充亲友诈骗</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Migrant workers</source>
        <translation>进城务工人员</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Public place</source>
        <translation>公共场所</translation>
    </message>
    <message>
        <source>Residential block</source>
        <translation>住宅小区</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Rural residents</source>
        <translation>农村居民</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>WeChat / SMS scams</source>
        <translation>微信、短信诈骗</translation>
    </message>
</context>
</TS>
