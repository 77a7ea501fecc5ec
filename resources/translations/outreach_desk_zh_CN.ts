<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Outreach Desk</source>
        <translation>反诈宣传工作台</translation>
    </message>
</context>
<context>
    <name>AssignedTargets</name>
    <message>
        <source>A target&apos;s name has at most {count} characters.</source>
        <translation>指标名称最多 {count} 个字。</translation>
    </message>
    <message>
        <source>A target&apos;s name may not hold quotes or brackets: {name}</source>
        <translation>指标名称中不能含引号或括号：{name}</translation>
    </message>
    <message>
        <source>A target&apos;s unit has at most {count} characters.</source>
        <translation>指标单位最多 {count} 个字。</translation>
    </message>
    <message>
        <source>Added the assigned target {name}</source>
        <translation>新增了下达指标 {name}</translation>
    </message>
    <message>
        <source>An assigned number is a whole number from 0 to {limit}.</source>
        <translation>下达的数量须为 0 到 {limit} 之间的整数。</translation>
    </message>
    <message>
        <source>Changed the assigned target {name}</source>
        <translation>修改了下达指标 {name}</translation>
    </message>
    <message>
        <source>Deleted the assigned target {name}</source>
        <translation>删除了下达指标 {name}</translation>
    </message>
    <message>
        <source>The assigned target no longer exists.</source>
        <translation>该下达指标已不存在。</translation>
    </message>
    <message>
        <source>The target needs a name, e.g. APP注册.</source>
        <translation>请填写指标名称，例如 APP注册。</translation>
    </message>
    <message>
        <source>{target} for {unit}: {before} → {after}</source>
        <translation>{unit}的{target}：{before} → {after}</translation>
    </message>
</context>
<context>
    <name>AssignedTargetsDialog</name>
    <message>
        <source>&amp;Define</source>
        <translation>定义(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>指标(&amp;T)：</translation>
    </message>
    <message>
        <source>A rule counts against it with the quota assigned(&quot;name&quot;); an empty cell gives the unit no number (not assessed).</source>
        <translation>规则以 assigned(&quot;名称&quot;) 作为指标数计算；留空的单元格表示该单位没有任务数（不考核）。</translation>
    </message>
    <message>
        <source>Assigned targets (任务数)</source>
        <translation>下达任务数</translation>
    </message>
    <message>
        <source>New target, e.g. APP注册</source>
        <translation>新指标，如 APP注册</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Village / site</source>
        <translation>村（社区）/点位</translation>
    </message>
    <message>
        <source>unit, e.g. 人</source>
        <translation>单位，如 人</translation>
    </message>
    <message>
        <source>{unit}: “{text}” is not a whole number of 0 or more.</source>
        <translation>{unit}：“{text}”不是 0 或更大的整数。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Activity kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Activity kinds</source>
        <translation>计入的活动类型</translation>
    </message>
    <message>
        <source>Activity record</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>Activity records</source>
        <translation>活动记录数</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>Assigned number</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Assigned target</source>
        <translation>任务指标</translation>
    </message>
    <message>
        <source>Attempts stopped</source>
        <translation>劝阻数</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>宣传对象</translation>
    </message>
    <message>
        <source>Aware</source>
        <translation>知晓人数</translation>
    </message>
    <message>
        <source>Awareness survey</source>
        <translation>问卷调查</translation>
    </message>
    <message>
        <source>Brought back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>系统内置</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>班级数</translation>
    </message>
    <message>
        <source>Clerk {name}, computer user {user}</source>
        <translation>经办人 {name}，电脑用户 {user}</translation>
    </message>
    <message>
        <source>Closed month</source>
        <translation>月份关闭</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Commendation or criticism</source>
        <translation>表扬或批评</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Current campaign</source>
        <translation>当前专项行动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Elevators</source>
        <translation>电梯数</translation>
    </message>
    <message>
        <source>Entrances</source>
        <translation>出入口数</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>依据数据</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Fraud cases</source>
        <translation>发案数</translation>
    </message>
    <message>
        <source>Fraud topics</source>
        <translation>诈骗类型</translation>
    </message>
    <message>
        <source>Fraud-case figures</source>
        <translation>案件数据</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Inspection no.</source>
        <translation>检查记录号</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Letters issued</source>
        <translation>发放份数</translation>
    </message>
    <message>
        <source>Losses (fen)</source>
        <translation>损失金额（分）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>Member unit</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>调查方式</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Month figures added</source>
        <translation>新增月度数据</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No clerk name was set; computer user {user}</source>
        <translation>未设置经办人姓名；电脑用户 {user}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Parent letter records</source>
        <translation>家长信记录数</translation>
    </message>
    <message>
        <source>Parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>Payments frozen</source>
        <translation>止付数</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>覆盖人数</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>期间起</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>期间止</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点说明</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Re-inspected on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <source>Re-inspection result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Record key</source>
        <translation>记录标识</translation>
    </message>
    <message>
        <source>Rectification order</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <source>Report deadlines</source>
        <translation>报送期限</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>受访人数</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Rows imported before</source>
        <translation>此前已导入行数</translation>
    </message>
    <message>
        <source>Rule key</source>
        <translation>规则代码</translation>
    </message>
    <message>
        <source>Sending of a month</source>
        <translation>月度报送</translation>
    </message>
    <message>
        <source>Signed back</source>
        <translation>回执份数</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Site kinds</source>
        <translation>点位类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>问卷调查数</translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Target rule</source>
        <translation>目标规则</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Undo/redo of an edit</source>
        <translation>撤销/重做修改</translation>
    </message>
    <message>
        <source>Unit (Chinese)</source>
        <translation>中文单位</translation>
    </message>
    <message>
        <source>Unit (English)</source>
        <translation>英文单位</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Workbook import</source>
        <translation>表格导入</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>No changes recorded yet. From now on every record added, changed, deleted or imported is listed here, with who did it and when.</source>
        <translation>还没有操作记录。今后每一次新增、修改、删除或导入记录，都会连同操作人和时间记在这里。</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Search the descriptions and values…</source>
        <translation>搜索说明和数值…</translation>
    </message>
    <message>
        <source>Select an entry to see the values before and after.</source>
        <translation>选中一条日志，查看修改前后的数值。</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Whole history of this record…</source>
        <translation>该记录的全部历史…</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{user} (computer user, no name set)</source>
        <translation>{user}（电脑用户，未设置姓名）</translation>
    </message>
    <message>
        <source>{what} — {who}, {time}</source>
        <translation>{what} — {who}，{time}</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message numerus="yes">
        <source>%n picture(s) on the server ({size}) belong to no record any more (records deleted, or saves that failed). They do no harm; outreach-desk check --sweep removes them (while clerks are connected, those let go of more than a day ago).</source>
        <translation>
            <numerusform>服务器上有 %n 张照片（{size}）已不属于任何记录（记录已删除，或保存没有成功）。它们没有害处；outreach-desk check --sweep 可以删除它们（有录入员连接着时，只删除一天以前就不再使用的照片）。</numerusform>
        </translation>
    </message>
    <message>
        <source>(no township)</source>
        <translation>（无乡镇）</translation>
    </message>
    <message>
        <source>Cannot read {path}: another program holds it locked, or you are not allowed to read it ({reason}).</source>
        <translation>无法读取 {path}：另一个程序锁定了它，或您无权读取（{reason}）。</translation>
    </message>
    <message>
        <source>Checking every page and index with SQLite&apos;s integrity check…</source>
        <translation>正在用 SQLite 完整性检查逐页检查数据和索引…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Checking the copy…</source>
        <translation>正在检查副本…</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>Copying the backup…</source>
        <translation>正在复制备份…</translation>
    </message>
    <message>
        <source>Copying the database ({done} of {total} MB)…</source>
        <translation>正在复制数据库（{done} / {total} MB）…</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}). Nothing was changed.</source>
        <translation>无法写入 {path}（{reason}）。未做任何改动。</translation>
    </message>
    <message>
        <source>Nothing was written, because {path} is read-only or you are not allowed to write there.</source>
        <translation>未写入任何内容：{path} 是只读的，或您无权在那里写入。</translation>
    </message>
    <message>
        <source>Run File › Check database (or outreach-desk check) to see what is damaged; the backups made before are unchanged.</source>
        <translation>请运行“文件 › 检查数据库”（或 outreach-desk check）查看哪里损坏；之前的备份未受影响。</translation>
    </message>
    <message>
        <source>SQLite could not rebuild the indexes of {path} ({reason}): the damage goes deeper. Restore the newest good backup (File › Restore from backup…).</source>
        <translation>SQLite 无法重建 {path} 的索引（{reason}）：损坏不止于索引。请恢复最近一份完好的备份（“文件 › 从备份恢复…”）。</translation>
    </message>
    <message>
        <source>Step {number} of {count}: {what}</source>
        <translation>第 {number} 步（共 {count} 步）：{what}</translation>
    </message>
    <message>
        <source>The backup {source} holds {restored}; the database {path} holds {current}.</source>
        <translation>备份 {source} 中是{restored}；数据库 {path} 中是{current}。</translation>
    </message>
    <message>
        <source>The database {path} could not be backed up because the copy fails SQLite&apos;s check: {reason}</source>
        <translation>数据库 {path} 未能备份：备份副本未通过 SQLite 检查：{reason}</translation>
    </message>
    <message>
        <source>The database {path} does not exist.</source>
        <translation>数据库 {path} 不存在。</translation>
    </message>
    <message>
        <source>The database {path} is damaged, so no backup was made of it: {reason}</source>
        <translation>数据库 {path} 已损坏，因此没有为它制作备份：{reason}</translation>
    </message>
    <message>
        <source>The database {path} is open in another Outreach Desk window or on another computer. Close it there first; nothing was changed.</source>
        <translation>数据库 {path} 正在另一个工作台窗口或另一台电脑上打开。请先在那里关闭；未做任何改动。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The monthly tallies behind the coverage figures and the dashboard differ from the activity records in {count} place(s). The records themselves are fine; rebuild the tallies from them (File › Check database offers it).</source>
        <translation>达标统计和领导看板所用的月度汇总与活动记录有 {count} 处不一致。活动记录本身完好；请据此重建汇总（“文件 › 检查数据库”中可一键重建）。</translation>
    </message>
    <message>
        <source>The prepared copy of the backup has gone; choose the backup again.</source>
        <translation>准备好的备份副本已不存在，请重新选择备份。</translation>
    </message>
    <message>
        <source>The records themselves were not changed. Restore a backup from before the problem appeared, or ask for help.</source>
        <translation>记录本身未被改动。请恢复问题出现之前的备份，或寻求技术支持。</translation>
    </message>
    <message>
        <source>The reference {name} of {record} is not enforced on the server.</source>
        <translation>服务器上{record}的引用约束 {name} 没有生效。</translation>
    </message>
    <message>
        <source>Warning: the database {where} was created with the character classification (LC_CTYPE) {ctype}, under which PostgreSQL&apos;s pg_trgm takes no Chinese character for a letter, so the ledger&apos;s search indexes hold nothing of a Chinese note: every search by Chinese words reads all the records, slower as the ledger grows. A database&apos;s LC_CTYPE cannot be changed. To mend it, create a new database with createdb -T template0 -E UTF8 --lc-ctype=C.UTF-8 NAME (or zh_CN.UTF-8), run outreach-desk server-init on it, copy the data with outreach-desk copy OLD-ADDRESS NEW-ADDRESS, and let the clerks connect to the new database.</source>
        <translation>注意：数据库 {where} 建库时的字符分类（LC_CTYPE）是 {ctype}，在这种设置下 PostgreSQL 的 pg_trgm 不把汉字当作文字，台账的检索索引里没有任何中文内容：每次按中文检索都要逐条查看全部记录，台账越大越慢。数据库的字符分类建好后不能更改。解决办法：用 createdb -T template0 -E UTF8 --lc-ctype=C.UTF-8 新库名（或 zh_CN.UTF-8）新建一个数据库，对它运行 outreach-desk server-init，再用 outreach-desk copy 旧地址 新地址 把数据复制过去，然后让录入员改连新数据库。</translation>
    </message>
    <message>
        <source>{count} record(s) refer to records that do not exist:</source>
        <translation>有 {count} 条记录引用了不存在的记录：</translation>
    </message>
    <message>
        <source>{path} is a SQLite file but not an Outreach Desk database.</source>
        <translation>{path} 是 SQLite 文件，但不是反诈宣传工作台的数据库。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read by SQLite ({reason}).</source>
        <translation>{path} 已损坏，SQLite 无法读取（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is damaged beyond its indexes; rebuilding them would not mend it. Restore the newest good backup (File › Restore from backup…).</source>
        <translation>{path} 的损坏不止于索引，重建索引无法修复。请恢复最近一份完好的备份（“文件 › 从备份恢复…”）。</translation>
    </message>
    <message>
        <source>{path} is damaged: SQLite&apos;s integrity check found {count} problem(s), the first: {first}</source>
        <translation>{path} 已损坏：SQLite 完整性检查发现 {count} 处问题，第一处：{first}</translation>
    </message>
    <message>
        <source>{path} is damaged: SQLite&apos;s integrity check found {count} problem(s). Restore the newest good backup (File › Restore from backup…).</source>
        <translation>{path} 已损坏：SQLite 完整性检查发现 {count} 处问题。请恢复最近一份完好的备份（“文件 › 从备份恢复…”）。</translation>
    </message>
    <message>
        <source>{path} is in use by another program. Nothing was changed; close that program and try again.</source>
        <translation>{path} 正被其他程序使用。未做任何改动；请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>{path} is not a file (it is a folder, a device or a pipe).</source>
        <translation>{path} 不是文件（而是文件夹、设备或管道）。</translation>
    </message>
    <message>
        <source>{path} is not an Outreach Desk database or backup (not a SQLite file).</source>
        <translation>{path} 不是反诈宣传工作台的数据库或备份（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{path} is on a read-only medium and its journal holds changes that were never written into it; copy the whole folder to a writable disk and open the copy.</source>
        <translation>{path} 位于只读介质上，其日志中有尚未写入数据库的修改；请把整个文件夹复制到可写的磁盘上，再打开副本。</translation>
    </message>
    <message>
        <source>{path} is the database itself, not a backup of it. Choose a file from {folder}.</source>
        <translation>{path} 是数据库本身，不是它的备份。请从 {folder} 中选择一个文件。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Outreach Desk (schema {found}, this program knows up to {known}). Update the program to use it.</source>
        <translation>{path} 由更新版本的反诈宣传工作台写入（数据结构版本 {found}，本程序最高支持 {known}）。请先升级程序再使用。</translation>
    </message>
    <message>
        <source>{path}: no problems found (integrity and references checked).</source>
        <translation>{path}：未发现问题（已检查完整性和记录引用）。</translation>
    </message>
    <message>
        <source>{path}: {count} index(es) ({names}) no longer match the records; the records themselves are intact. Rebuild the indexes (File › Check database offers it, or outreach-desk check --repair-indexes); no backup needs to be restored.</source>
        <translation>{path}：有 {count} 个索引（{names}）与记录不一致，记录本身完好。请重建索引（“文件 › 检查数据库”中可以重建，或运行 outreach-desk check --repair-indexes），无需恢复备份。</translation>
    </message>
    <message>
        <source>{record} no. {id} refers to {parent} no. {value}, which does not exist.</source>
        <translation>{record}（编号 {id}）引用的{parent}（编号 {value}）不存在。</translation>
    </message>
    <message>
        <source>{townships} Restoring it would replace the records of the one by the other; nothing was changed.</source>
        <translation>{townships}恢复它会用一方的记录替换另一方的记录；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Check database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Another township&apos;s backup</source>
        <translation>其他乡镇的备份</translation>
    </message>
    <message>
        <source>Back &amp;up now…</source>
        <translation>立即备份(&amp;U)…</translation>
    </message>
    <message>
        <source>Back up into which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <source>Back up the server database now (with pg_dump, or into a database file where pg_dump is not installed)</source>
        <translation>立即备份服务器上的数据库（用 pg_dump；未安装 pg_dump 时复制成一个数据库文件）</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Backing up the server database…</source>
        <translation>正在备份服务器上的数据库…</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>C&amp;opy the database…</source>
        <translation>复制数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Check the monthly tallies and the references on the server</source>
        <translation>检查服务器上的月度汇总和记录引用</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Copy every record and photo into a new database file or an empty server database</source>
        <translation>把全部记录和照片复制到一个新的数据库文件或空的服务器数据库中</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message>
        <source>Make a checked copy of the database now</source>
        <translation>立即为数据库制作一份经过检查的副本</translation>
    </message>
    <message>
        <source>Outreach Desk databases (*.db);;All files (*)</source>
        <translation>工作台数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Put a server backup (pg_dump archive or database file) into a new server database</source>
        <translation>把服务器的备份（pg_dump 备份或数据库文件）恢复到一个新的服务器数据库中</translation>
    </message>
    <message>
        <source>Rebuild the indexes</source>
        <translation>重建索引</translation>
    </message>
    <message>
        <source>Rebuild the tallies</source>
        <translation>重建汇总</translation>
    </message>
    <message>
        <source>Rebuilding the indexes…</source>
        <translation>正在重建索引…</translation>
    </message>
    <message>
        <source>Rebuilding the monthly tallies…</source>
        <translation>正在重建月度汇总…</translation>
    </message>
    <message>
        <source>Replace the database by a backup; the current one is kept aside</source>
        <translation>用备份替换数据库；当前数据库另行保留</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Run SQLite&apos;s integrity and reference checks on the database</source>
        <translation>对数据库进行 SQLite 完整性检查和记录引用检查</translation>
    </message>
    <message>
        <source>The backup was saved and checked: {path}
({count:,} activity records).</source>
        <translation>备份已保存并通过检查：{path}
（共 {count:,} 条活动记录）。</translation>
    </message>
    <message>
        <source>The backup {name} (made {when}, {count:,} activity records) is intact.

Replace the current database with it? The current database is kept as a copy in {folder}; the window closes and reopens.</source>
        <translation>备份 {name}（制作于 {when}，共 {count:,} 条活动记录）完好无损。

要用它替换当前数据库吗？当前数据库会另存一份副本到 {folder}；窗口将关闭后重新打开。</translation>
    </message>
    <message>
        <source>The indexes were rebuilt; the check now finds no problems.</source>
        <translation>索引已重建，检查未再发现问题。</translation>
    </message>
    <message>
        <source>The monthly tallies were rebuilt from the activity records.</source>
        <translation>已根据活动记录重建月度汇总。</translation>
    </message>
    <message>
        <source>The server database was backed up by pg_dump into {path}.
The county IT person restores it with pg_restore (see the README).</source>
        <translation>服务器上的数据库已由 pg_dump 备份到 {path}。
需要恢复时，由县里的信息技术人员用 pg_restore 恢复（见使用说明）。</translation>
    </message>
    <message>
        <source>pg_dump is not installed, so the server&apos;s records and photos were copied into the database file {path}, the counts of every table checked.</source>
        <translation>本机没有安装 pg_dump，因此已把服务器上的记录和照片复制到数据库文件 {path}，每张表的记录数都已核对一致。</translation>
    </message>
    <message>
        <source>{townships}

This backup belongs to another township. Replace the records of this database with it anyway?</source>
        <translation>{townships}

该备份属于其他乡镇。仍要用它替换本数据库的记录吗？</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Backup of the server written by pg_dump to {path} ({size:,} bytes); restore it with pg_restore (see the README).</source>
        <translation>服务器的备份已由 pg_dump 写入 {path}（{size:,} 字节）；需要恢复时用 pg_restore（见使用说明）。</translation>
    </message>
    <message>
        <source>Backup written to {path} ({size:,} bytes, {count:,} activity records).</source>
        <translation>备份已写入 {path}（{size:,} 字节，共 {count:,} 条活动记录）。</translation>
    </message>
    <message>
        <source>pg_dump is not installed, so the server&apos;s records and photos were copied into the database file {path} ({size:,} bytes), the counts of every table checked.</source>
        <translation>本机没有安装 pg_dump，因此已把服务器上的记录和照片复制到数据库文件 {path}（{size:,} 字节），每张表的记录数都已核对一致。</translation>
    </message>
</context>
<context>
    <name>BackupRecords</name>
    <message>
        <source>Activity kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Activity record</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <source>Campaign deadline</source>
        <translation>专项行动截止日期</translation>
    </message>
    <message>
        <source>Campaign phase</source>
        <translation>专项行动阶段</translation>
    </message>
    <message>
        <source>Member unit</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>问卷调查</translation>
    </message>
    <message>
        <source>Target rule</source>
        <translation>目标规则</translation>
    </message>
    <message>
        <source>Target rule kind</source>
        <translation>目标规则活动类型</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Village or community</source>
        <translation>村（社区）</translation>
    </message>
</context>
<context>
    <name>Bulletin</name>
    <message>
        <source>({numeral}) {text}</source>
        <translation>（{numeral}）{text}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>, down from {then} then</source>
        <translation>，较当时的{then}有所下降</translation>
    </message>
    <message>
        <source>, in the bottom {n} for {length} months running</source>
        <translation>，连续{length}个月排名后{n}名</translation>
    </message>
    <message>
        <source>, level with {then} then</source>
        <translation>，与当时的{then}持平</translation>
    </message>
    <message>
        <source>, up from {then} then</source>
        <translation>，较当时的{then}有所上升</translation>
    </message>
    <message>
        <source>, up {places} places on last month</source>
        <translation>，较上月上升{places}位</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>; chiefly: {gaps}</source>
        <translation>，主要是：{gaps}</translation>
    </message>
    <message>
        <source>; it has improved</source>
        <translation>，已有改进</translation>
    </message>
    <message>
        <source>; it has not improved yet</source>
        <translation>，尚未改进，须加快整改</translation>
    </message>
    <message>
        <source>Against last month</source>
        <translation>较上月</translation>
    </message>
    <message>
        <source>Awareness rate</source>
        <translation>知晓率</translation>
    </message>
    <message>
        <source>Bulletin on the anti-telecom-fraud outreach work in {month}</source>
        <translation>关于{month}防范电信网络诈骗宣传工作情况的通报</translation>
    </message>
    <message>
        <source>By {date}, {total} rectification orders have been issued: {done} put right, {open} still open, {overdue} past their deadline.</source>
        <translation>截至{date}，共下达整改通知{total}份，已整改{done}份，尚未整改到位{open}份，其中逾期{overdue}份。</translation>
    </message>
    <message>
        <source>Commendations and criticisms</source>
        <translation>表扬与批评</translation>
    </message>
    <message>
        <source>Commended on {date} ({reason}): {name}</source>
        <translation>{date}通报表扬的{name}（{reason}）</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>达标指数</translation>
    </message>
    <message>
        <source>Criticised on {date} ({reason}): {name}</source>
        <translation>{date}通报批评的{name}（{reason}）</translation>
    </message>
    <message>
        <source>Decisions of earlier months, and where those named stand now:</source>
        <translation>前期表扬、批评对象本月情况：</translation>
    </message>
    <message>
        <source>Due within a week: {unit}, {task} (deadline {deadline}).</source>
        <translation>一周内到期：{unit}，{task}（期限{deadline}）。</translation>
    </message>
    <message>
        <source>Every target was met this month.</source>
        <translation>本月各项目标均已完成。</translation>
    </message>
    <message>
        <source>In {month} {township} held {records} outreach activities of every kind, reaching {people} people ({records_change} and {people_change} on last month).</source>
        <translation>{month}，{township}共开展各类宣传活动{records}次，覆盖群众{people}人次，较上月分别{records_change}、{people_change}。</translation>
    </message>
    <message>
        <source>Inspections and rectification</source>
        <translation>督导整改情况</translation>
    </message>
    <message>
        <source>Main problems</source>
        <translation>存在的主要问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步工作要求</translation>
    </message>
    <message>
        <source>No awareness survey was recorded this month.</source>
        <translation>本月未录入知晓率问卷调查。</translation>
    </message>
    <message>
        <source>No commendation or criticism is recorded for {month}: those below are proposals drawn from the ranking (its top and bottom {count}), with reasons from the figures. Check, edit or delete them before saving; once decisions are recorded on the Supervision page, the bulletin lists those instead.</source>
        <translation>{month}尚未记录表扬或批评决定：下面的表扬和批评名单是按排名（前 {count} 名和后 {count} 名）提出的建议，理由取自数据。保存前请逐条核对、修改或删除；在“督导整改”页记录决定后，通报改为列出所记录的决定。</translation>
    </message>
    <message>
        <source>No rectification order has been issued yet.</source>
        <translation>本期尚未下达整改通知。</translation>
    </message>
    <message>
        <source>Overall picture</source>
        <translation>总体情况</translation>
    </message>
    <message>
        <source>Overdue: {unit}, {task} (deadline {deadline}).</source>
        <translation>逾期未整改：{unit}，{task}（期限{deadline}）。</translation>
    </message>
    <message>
        <source>Put the problems right. Every village, community and member unit works through the problems named in this bulletin, names who is responsible for each, and reports them put right to the township office by {deadline}.</source>
        <translation>抓好问题整改。各村（社区）、各成员单位要对照本通报指出的问题，逐项明确责任人，于{deadline}前整改到位并报镇反诈办。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名情况</translation>
    </message>
    <message>
        <source>Reach further. Put the posters, columns and information points still missing in place, and take outreach to the elderly, students and new residents door by door.</source>
        <translation>扩大宣传覆盖面。尽快补齐尚缺的海报、专栏和宣传点，针对老年人、学生和新市民开展入户宣传。</translation>
    </message>
    <message>
        <source>Recorded commendation of {name}: {reason}.</source>
        <translation>已作出表扬决定：{name}，{reason}。</translation>
    </message>
    <message>
        <source>Recorded criticism of {name}: {reason}.</source>
        <translation>已作出批评决定：{name}，{reason}。</translation>
    </message>
    <message>
        <source>Supervise. The township office keeps inspecting; units that rank last several times running or do not put things right are called in for a talk and criticised by name.</source>
        <translation>强化督导问责。镇反诈办将持续开展督导检查，对连续排名靠后、整改不力的单位进行约谈并通报批评。</translation>
    </message>
    <message>
        <source>The awareness surveys counted for the target asked {respondents} residents; the awareness rate is {rate} (95 % interval {low} to {high}), {change}.</source>
        <translation>纳入考核的知晓率调查共{respondents}人，防范知识知晓率为{rate}（95%置信区间{low}至{high}），{change}。</translation>
    </message>
    <message>
        <source>The compliance index of {township} with the campaign&apos;s targets is {index}, {change}.</source>
        <translation>{township}宣传工作达标指数为{index}，{change}。</translation>
    </message>
    <message>
        <source>The database holds {count} townships; choose the one the bulletin is about.</source>
        <translation>数据库中有 {count} 个乡镇，请选择通报所针对的乡镇。</translation>
    </message>
    <message>
        <source>The following member units are commended:</source>
        <translation>对以下成员单位予以通报表扬：</translation>
    </message>
    <message>
        <source>The following member units are criticised and must put things right within a set time:</source>
        <translation>对以下成员单位予以通报批评，并限期整改：</translation>
    </message>
    <message>
        <source>The following villages and communities are commended:</source>
        <translation>对以下村（社区）予以通报表扬：</translation>
    </message>
    <message>
        <source>The following villages and communities are criticised and must put things right within a set time:</source>
        <translation>对以下村（社区）予以通报批评，并限期整改：</translation>
    </message>
    <message>
        <source>The police station has not reported this month&apos;s fraud cases yet.</source>
        <translation>派出所尚未报送本月涉诈案件数据。</translation>
    </message>
    <message>
        <source>The villages and communities stand too close together this month to single any out.</source>
        <translation>本月各村（社区）差距不大，不作表扬和批评。</translation>
    </message>
    <message>
        <source>To every village and community and every member unit:</source>
        <translation>各村（社区）、各成员单位：</translation>
    </message>
    <message>
        <source>Village or community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Villages and communities ranked by the compliance index (the same index shares a rank; &quot;new&quot; means no figure last month):</source>
        <translation>各村（社区）按达标指数排名如下（指数相同者名次并列；“新”表示上月无数据）：</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>次</translation>
    </message>
    <message>
        <source>down {difference} {unit}</source>
        <translation>减少{difference}{unit}</translation>
    </message>
    <message>
        <source>down {points} percentage points on last month ({before})</source>
        <translation>较上月（{before}）下降{points}个百分点</translation>
    </message>
    <message>
        <source>level</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>level with last month ({before})</source>
        <translation>与上月（{before}）持平</translation>
    </message>
    <message>
        <source>no figure last month to compare with</source>
        <translation>上月无可比数据</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>the member units</source>
        <translation>成员单位中</translation>
    </message>
    <message>
        <source>up {difference} {unit}</source>
        <translation>增加{difference}{unit}</translation>
    </message>
    <message>
        <source>up {points} percentage points on last month ({before})</source>
        <translation>较上月（{before}）上升{points}个百分点</translation>
    </message>
    <message>
        <source>{count} more targets are not met everywhere; see the gap list of the monthly report.</source>
        <translation>另有{count}项目标未全面完成，详见月报问题清单。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>{good} of {count} villages and communities reach 80 % or more; {lagging} are below 80 %.</source>
        <translation>{count}个村（社区）中，{good}个达到80%以上，{lagging}个低于80%。</translation>
    </message>
    <message>
        <source>{head} has no figure this month.</source>
        <translation>{head}，本月暂无数据。</translation>
    </message>
    <message>
        <source>{head} now stands at {index}, rank {rank}</source>
        <translation>{head}，本月达标指数{index}，排第{rank}位</translation>
    </message>
    <message>
        <source>{names} had nothing to assess and are listed last.</source>
        <translation>{names}本期无可考核内容，列于最后。</translation>
    </message>
    <message>
        <source>{name} has been in the bottom {n} for {length} months running ({months}).</source>
        <translation>{name}连续{length}个月排名后{n}名（{months}）。</translation>
    </message>
    <message>
        <source>{name}: compliance index {index}, rank {rank} in {township}</source>
        <translation>{name}：达标指数{index}，居{township}第{rank}位</translation>
    </message>
    <message>
        <source>{name}: compliance index {index}, rank {rank} in {township}, {unmet} targets not met</source>
        <translation>{name}：达标指数{index}，居{township}第{rank}位，{unmet}项目标未完成</translation>
    </message>
    <message>
        <source>{numeral}. {text}</source>
        <translation>{numeral}、{text}</translation>
    </message>
    <message>
        <source>{rule}: {units} units have not met it yet, e.g. {example}.</source>
        <translation>{rule}：尚有{units}个单位未完成，如{example}。</translation>
    </message>
    <message>
        <source>{township} anti-fraud office [{year}] No. {number}</source>
        <translation>{township}反诈办〔{year}〕{number}号</translation>
    </message>
    <message>
        <source>{township} had {cases} telecom fraud cases this month with losses of {losses} yuan (cases {cases_yoy} on the same month last year and {cases_mom} on last month; losses {losses_yoy} and {losses_mom}); {dissuaded} attempts were stopped and {frozen} payments frozen.</source>
        <translation>{township}本月共发生电信网络诈骗案件{cases}起，损失{losses}元；发案数同比{cases_yoy}、环比{cases_mom}，损失金额同比{losses_yoy}、环比{losses_mom}；劝阻{dissuaded}起，止付{frozen}笔。</translation>
    </message>
    <message>
        <source>{year}-{month}-{day}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
</context>
<context>
    <name>BulletinCommand</name>
    <message>
        <source>Bulletin for {period} written to {path}.</source>
        <translation>{period}的通报已写入 {path}。</translation>
    </message>
    <message>
        <source>{heading}: {note}</source>
        <translation>{heading}：{note}</translation>
    </message>
</context>
<context>
    <name>BulletinDialog</name>
    <message>
        <source>A draft from the figures of {month}: edit any text, then save it as a Word document for the leader to sign.</source>
        <translation>根据{month}数据生成的草稿：可修改任何文字，然后保存为 Word 文档，交领导签发。</translation>
    </message>
    <message>
        <source>Bulletin for {month}</source>
        <translation>{month}通报</translation>
    </message>
    <message>
        <source>Could not draft the bulletin: {reason}</source>
        <translation>无法生成通报草稿：{reason}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Drafting the bulletin</source>
        <translation>正在生成通报</translation>
    </message>
    <message>
        <source>Drafting the bulletin from the figures…</source>
        <translation>正在根据数据生成通报草稿…</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>Save as Word document…</source>
        <translation>保存为 Word 文档…</translation>
    </message>
    <message>
        <source>Save the bulletin</source>
        <translation>保存通报</translation>
    </message>
    <message>
        <source>Saved to {path}. Open it in Word or WPS to print it for signing.</source>
        <translation>已保存到 {path}。请用 Word 或 WPS 打开并打印签发。</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>落款</translation>
    </message>
    <message>
        <source>The ranking comes from the figures; it is written as shown.</source>
        <translation>排名表由数据生成，按所示内容写入。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>To</source>
        <translation>主送</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>BulletinDocument</name>
    <message>
        <source>{name} cannot be written: it is probably open in Word or WPS. Close it there, or save under another name.</source>
        <translation>无法写入 {name}：它可能正在 Word 或 WPS 中打开。请先关闭，或另存为其他文件名。</translation>
    </message>
</context>
<context>
    <name>CampaignActions</name>
    <message>
        <source>&amp;Campaigns…</source>
        <translation>专项行动(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Target rules…</source>
        <translation>达标规则(&amp;T)…</translation>
    </message>
    <message>
        <source>Campaign periods, phases and report deadlines; which campaign is current</source>
        <translation>专项行动的起止日期、工作阶段和报送期限，以及当前行动</translation>
    </message>
    <message>
        <source>Report &amp;deadlines…</source>
        <translation>报送期限(&amp;D)…</translation>
    </message>
    <message>
        <source>What each village, site and member unit must reach in the current campaign</source>
        <translation>当前专项行动中各村（社区）、点位和成员单位须达到的目标</translation>
    </message>
    <message>
        <source>Which reports are due or overdue; mark one as sent</source>
        <translation>哪些材料将到期或已逾期；标记已报送</translation>
    </message>
</context>
<context>
    <name>CampaignCommand</name>
    <message>
        <source>&quot;{value}&quot; is not a date; write it as 2026-05-08.</source>
        <translation>“{value}”不是日期；请写成 2026-05-08 这样的格式。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a day of the month; write a number from 1 to 31.</source>
        <translation>“{value}”不是每月的日期，请写 1 到 31 之间的数字。</translation>
    </message>
    <message>
        <source>Campaign {name} added with {rules} target rules.</source>
        <translation>已添加专项行动“{name}”，含 {rules} 条达标规则。</translation>
    </message>
    <message>
        <source>It is the current campaign.</source>
        <translation>已设为当前专项行动。</translation>
    </message>
    <message>
        <source>No campaign yet. Add one with: outreach-desk campaign add NAME --from YYYY-MM-DD --to YYYY-MM-DD</source>
        <translation>尚未建立专项行动。添加方法：outreach-desk campaign add 名称 --from YYYY-MM-DD --to YYYY-MM-DD</translation>
    </message>
    <message>
        <source>OVERDUE by {days} days</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>The campaign has no report deadline.</source>
        <translation>本行动没有报送期限。</translation>
    </message>
    <message>
        <source>county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>due in {days} days</source>
        <translation>还有 {days} 天到期</translation>
    </message>
    <message>
        <source>sent {date}</source>
        <translation>已于 {date} 报送</translation>
    </message>
    <message>
        <source>{label} marked as sent on {date}.</source>
        <translation>已标记{label}于 {date} 报送。</translation>
    </message>
    <message>
        <source>{label} was already marked as sent on {date}.</source>
        <translation>{label}此前已标记于 {date} 报送。</translation>
    </message>
    <message>
        <source>{name} is now the current campaign.</source>
        <translation>“{name}”已设为当前专项行动。</translation>
    </message>
    <message>
        <source>{title} is due every month: say which month&apos;s report was sent, e.g. --month 2026-11.</source>
        <translation>{title}每月报送一次：请说明报送的是哪个月的，例如 --month 2026-11。</translation>
    </message>
    <message>
        <source>{title}: on day {day} of every month, from {date}</source>
        <translation>{title}：每月 {day} 日前报送，自 {date} 起</translation>
    </message>
    <message>
        <source>{township} now has the campaign {name} (copied with its phases, deadlines and target rules).</source>
        <translation>{township}已有专项行动“{name}”（连同阶段、报送期限和达标规则一起复制）。</translation>
    </message>
</context>
<context>
    <name>CampaignCopy</name>
    <message>
        <source>county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>{owner}: {name}</source>
        <translation>{owner}：{name}</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Cop&amp;y to a township…</source>
        <translation>复制到乡镇(&amp;Y)…</translation>
    </message>
    <message>
        <source>County (shared)</source>
        <translation>全县（共用）</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>删除专项行动</translation>
    </message>
    <message>
        <source>Delete the campaign {name} with its phases, report deadlines and target rules? Activity records stay in the ledger.</source>
        <translation>删除专项行动“{name}”及其工作阶段、报送期限和达标规则吗？台账中的活动记录不受影响。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Give a township of this county database its own copy of the selected campaign, with its phases, report deadlines and target rules</source>
        <translation>把选中的专项行动连同阶段、报送期限和达标规则复制一份，作为本数据库中某个乡镇自己的专项行动</translation>
    </message>
    <message>
        <source>Set as &amp;current</source>
        <translation>设为当前(&amp;C)</translation>
    </message>
    <message>
        <source>Target &amp;rules…</source>
        <translation>达标规则(&amp;R)…</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>✔ current</source>
        <translation>✔ 当前</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>&amp;Add phase</source>
        <translation>添加阶段(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Default rules for:</source>
        <translation>默认达标规则(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>起止日期(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Add dead&amp;line</source>
        <translation>添加节点(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>County (shared by townships without their own)</source>
        <translation>全县（供没有自己专项行动的乡镇共用）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Due on this day of every month, for the month before (e.g. the monthly report by the 5th); each month stays overdue until it is marked sent</source>
        <translation>每月这一天前报送上月材料（如每月5日前报送月报）；每个月未标记已报送前一直显示逾期</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>编辑专项行动</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建专项行动</translation>
    </message>
    <message>
        <source>P&amp;hases:</source>
        <translation>工作阶段(&amp;H)：</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Remove deadline</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <source>Remove phase</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报送材料</translation>
    </message>
    <message>
        <source>Report d&amp;eadlines:</source>
        <translation>报送期限(&amp;E)：</translation>
    </message>
    <message>
        <source>The plans&apos; targets the new campaign starts with: a township&apos;s (villages, blocks, member units), a school&apos;s (parent letters, a class meeting in every class, boards) or a university&apos;s (a class meeting and a board per college). Edit them afterwards under target rules.</source>
        <translation>新建行动时载入哪类单位的方案目标：乡镇（村、小区、成员单位），中小学（家长信、每班一次主题班会、板报），或高校（每个学院一次主题班会、一块板报）。载入后可在“达标规则”中修改。</translation>
    </message>
    <message>
        <source>To&amp;wnship:</source>
        <translation>所属乡镇(&amp;W)：</translation>
    </message>
    <message>
        <source>e.g. 2026 anti-fraud outreach campaign</source>
        <translation>如：2026年反诈宣传专项行动</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>A campaign named {name} exists already.</source>
        <translation>已存在名为“{name}”的专项行动。</translation>
    </message>
    <message>
        <source>A report deadline has no title.</source>
        <translation>有一个报送期限没有填写名称。</translation>
    </message>
    <message>
        <source>A report deadline is due once or every month.</source>
        <translation>报送期限只能是一次性或每月一次。</translation>
    </message>
    <message>
        <source>Added the campaign {name}</source>
        <translation>新建专项行动：{name}</translation>
    </message>
    <message>
        <source>Changed the campaign {name}</source>
        <translation>修改专项行动：{name}</translation>
    </message>
    <message>
        <source>Choose the kind of office whose default rules the campaign gets.</source>
        <translation>请选择本行动载入哪类单位的默认达标规则。</translation>
    </message>
    <message>
        <source>Deleted the campaign {name} with its {rules} target rule(s)</source>
        <translation>删除专项行动：{name}（连同 {rules} 条目标规则）</translation>
    </message>
    <message>
        <source>Deleted together with the campaign {name}</source>
        <translation>随专项行动{name}一并删除</translation>
    </message>
    <message>
        <source>Enter the campaign&apos;s first and last day.</source>
        <translation>请填写专项行动的起止日期。</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>请填写专项行动名称。</translation>
    </message>
    <message>
        <source>Made {name} the current campaign</source>
        <translation>设为当前专项行动：{name}</translation>
    </message>
    <message>
        <source>No campaign has been set up yet, so there is nothing to measure coverage against. Create one with: outreach-desk campaign add NAME --from YYYY-MM-DD --to YYYY-MM-DD</source>
        <translation>尚未建立专项行动，无法计算达标情况。请先建立：outreach-desk campaign add 名称 --from YYYY-MM-DD --to YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Phase &quot;{phase}&quot; ({start} to {end}) lies outside the campaign period.</source>
        <translation>阶段“{phase}”（{start} 至 {end}）超出了专项行动期限。</translation>
    </message>
    <message>
        <source>Phase &quot;{phase}&quot; ends before it starts.</source>
        <translation>阶段“{phase}”的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Phase {number} has no name.</source>
        <translation>第 {number} 个阶段没有填写名称。</translation>
    </message>
    <message>
        <source>Phases &quot;{first}&quot; and &quot;{second}&quot; overlap.</source>
        <translation>阶段“{first}”与“{second}”时间重叠。</translation>
    </message>
    <message>
        <source>The campaign ends ({end}) before it starts ({start}).</source>
        <translation>专项行动的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>The campaign name is longer than 200 characters.</source>
        <translation>专项行动名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>The campaign no longer exists.</source>
        <translation>该专项行动已不存在。</translation>
    </message>
    <message>
        <source>The campaign phase no longer exists.</source>
        <translation>该行动阶段已不存在。</translation>
    </message>
    <message>
        <source>There is no campaign named {name}.</source>
        <translation>没有名为“{name}”的专项行动。</translation>
    </message>
    <message>
        <source>Two report deadlines have the same title.</source>
        <translation>有两个报送事项名称相同。</translation>
    </message>
    <message>
        <source>{count} townships have a campaign named {name}; add --township to choose one.</source>
        <translation>有 {count} 个乡镇都有名为{name}的专项行动，请加上 --township 指明是哪个乡镇的。</translation>
    </message>
    <message>
        <source>{name} is no longer the current campaign</source>
        <translation>{name}不再是当前专项行动</translation>
    </message>
    <message>
        <source>{township} has no campaign of its own yet. Copy the county&apos;s or another township&apos;s campaign to it with: outreach-desk campaign copy NAME --township {township}</source>
        <translation>{township}还没有自己的专项行动。可以把县里或其他乡镇的专项行动复制过来：outreach-desk campaign copy 名称 --township {township}</translation>
    </message>
</context>
<context>
    <name>CaseTargets</name>
    <message>
        <source>fewer than last month</source>
        <translation>少于上月</translation>
    </message>
    <message>
        <source>fewer than the previous period</source>
        <translation>少于上期</translation>
    </message>
    <message>
        <source>fewer than the same period last year</source>
        <translation>少于去年同期</translation>
    </message>
    <message>
        <source>no comparison figures</source>
        <translation>无对比数据</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first}至{last}</translation>
    </message>
    <message>
        <source>{months} and {count} more months</source>
        <translation>{months}等（另有{count}个月）</translation>
    </message>
    <message>
        <source>{now} cases against {base}</source>
        <translation>{now}起，对比{base}起</translation>
    </message>
    <message>
        <source>{unit}: fraud cases cannot be compared with the month before: no figures entered for {months}</source>
        <translation>{unit}：电诈案件环比无对比数据：{months}未录入案件数</translation>
    </message>
    <message>
        <source>{unit}: fraud cases cannot be compared with the previous period: no figures entered for {months}</source>
        <translation>{unit}：电诈案件较上期无对比数据：{months}未录入案件数</translation>
    </message>
    <message>
        <source>{unit}: fraud cases cannot be compared with the same period last year: no figures entered for {months}</source>
        <translation>{unit}：电诈案件同比无对比数据：{months}未录入案件数</translation>
    </message>
    <message>
        <source>{unit}: fraud cases did not fall on the month before: {now} this month, {base} last month</source>
        <translation>{unit}：电诈案件环比未下降：本月{now}起，上月{base}起</translation>
    </message>
    <message>
        <source>{unit}: fraud cases did not fall on the previous period: {now} this period, {base} in the previous period ({months})</source>
        <translation>{unit}：电诈案件较上期未下降：本期{now}起，上期（{months}）{base}起</translation>
    </message>
    <message>
        <source>{unit}: fraud cases did not fall on the same period last year: {now} this period, {base} in the same period last year</source>
        <translation>{unit}：电诈案件同比未下降：本期{now}起，去年同期{base}起</translation>
    </message>
</context>
<context>
    <name>CasesCommand</name>
    <message>
        <source>Fraud cases in {township}, {year}-{month:02d}: against the same month last year (YoY) and the month before (MoM)</source>
        <translation>{township}{year}年{month:02d}月涉诈案件：同比（上年同月）与环比（上月）</translation>
    </message>
    <message>
        <source>Fraud-case workbook for {month} written to {path}.</source>
        <translation>{month}案件情况表已写入 {path}。</translation>
    </message>
    <message>
        <source>Imported: {new} month figure(s) added, {corrected} corrected, {unchanged} unchanged.</source>
        <translation>已导入：新增 {new} 条月度数据，更正 {corrected} 条，{unchanged} 条无变化。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported. A copy with every problem marked is in {path}.</source>
        <translation>未导入任何数据。已将标出全部问题的副本保存为 {path}。</translation>
    </message>
    <message>
        <source>The file is correct: {new} month figure(s) would be added, {corrected} corrected, {unchanged} are as stored.</source>
        <translation>文件无误：将新增 {new} 条月度数据，更正 {corrected} 条，{unchanged} 条与已存数据相同。</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>{cases} cases, {losses} yuan lost</source>
        <translation>发案 {cases} 起，损失 {losses} 元</translation>
    </message>
    <message>
        <source>{name}: {now}; cases YoY {yoy}, MoM {mom}; losses YoY {losses_yoy}, MoM {losses_mom}</source>
        <translation>{name}：{now}；发案数同比{yoy}，环比{mom}；损失金额同比{losses_yoy}，环比{losses_mom}</translation>
    </message>
</context>
<context>
    <name>CasesDemo</name>
    <message>
        <source>Monthly police figures</source>
        <translation>派出所月度案件数字</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>A copy with every problem marked is in {path}.</source>
        <translation>已将标出全部问题的副本保存为 {path}。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>发案数</translation>
    </message>
    <message>
        <source>Cases MoM</source>
        <translation>发案环比</translation>
    </message>
    <message>
        <source>Cases YoY</source>
        <translation>发案同比</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Fraud-case figures {year}-{month:02d}</source>
        <translation>{year}-{month:02d} 涉诈案件数据</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>止付数</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>未能导入</translation>
    </message>
    <message>
        <source>Import the police station&apos;s workbook</source>
        <translation>导入派出所报表</translation>
    </message>
    <message>
        <source>Imported: {new} added, {corrected} corrected, {unchanged} unchanged.</source>
        <translation>已导入：新增 {new} 条，更正 {corrected} 条，{unchanged} 条无变化。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Leave a row empty when the police station reported nothing for it; type 0 for none. YoY: against the same month last year; MoM: against the month before.</source>
        <translation>派出所未报送的行请留空；没有案件请填 0。同比：与上年同月相比；环比：与上月相比。</translation>
    </message>
    <message>
        <source>Losses (yuan)</source>
        <translation>损失金额（元）</translation>
    </message>
    <message>
        <source>Losses MoM</source>
        <translation>损失环比</translation>
    </message>
    <message>
        <source>Losses YoY</source>
        <translation>损失同比</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>尚未保存。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} problem(s).</source>
        <translation>未导入任何数据：共 {count} 个问题。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>劝阻数</translation>
    </message>
    <message>
        <source>Template for the police station</source>
        <translation>派出所报表模板</translation>
    </message>
    <message>
        <source>Template for the police station…</source>
        <translation>派出所报表模板…</translation>
    </message>
    <message>
        <source>Template written to {path}.</source>
        <translation>模板已写入 {path}。</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>{name}: the figures must be numbers.</source>
        <translation>{name}：数据必须是数字。</translation>
    </message>
    <message>
        <source>{reason} Click a village of it in the organisation tree.</source>
        <translation>{reason}请在组织架构中点击该乡镇的某个村（社区）。</translation>
    </message>
    <message>
        <source>{township} (total)</source>
        <translation>{township}（合计）</translation>
    </message>
    <message>
        <source>{township}: fraud cases reported by the police station</source>
        <translation>{township}：派出所通报的涉诈案件情况</translation>
    </message>
</context>
<context>
    <name>CasesWorkbook</name>
    <message>
        <source>A whole number of 0 or more is needed here.</source>
        <translation>此处须填写 0 或正整数。</translation>
    </message>
    <message>
        <source>An amount of 0 yuan or more is needed here.</source>
        <translation>此处须填写 0 元或以上的金额。</translation>
    </message>
    <message>
        <source>Imported {name}: {new} month figure(s) added, {corrected} corrected, {unchanged} unchanged</source>
        <translation>导入 {name}：新增 {new} 条月度案件数据，更正 {corrected} 条，{unchanged} 条无变化</translation>
    </message>
    <message>
        <source>No sheet has the columns 月份, 村/社区, 发案数 and 损失金额（元）. Use the template the program writes.</source>
        <translation>没有工作表含有“月份”“村/社区”“发案数”“损失金额（元）”各列。请使用本程序生成的模板。</translation>
    </message>
    <message>
        <source>The file holds no figures to import.</source>
        <translation>文件中没有可导入的数字。</translation>
    </message>
    <message>
        <source>The sheet has more than {limit} rows.</source>
        <translation>该工作表超过 {limit} 行。</translation>
    </message>
    <message>
        <source>This cell must be filled in.</source>
        <translation>此单元格必须填写。</translation>
    </message>
    <message>
        <source>This village and month are already in row {row}.</source>
        <translation>该村（社区）该月份已在第 {row} 行填写。</translation>
    </message>
    <message>
        <source>{value} is far too large for this figure.</source>
        <translation>{value} 对此项数据而言过大。</translation>
    </message>
    <message>
        <source>{year} is not a year the figures can be kept for.</source>
        <translation>{year} 年不在可保存数据的年份范围内。</translation>
    </message>
    <message>
        <source>“{value}” has more than two decimals; yuan are kept to the fen.</source>
        <translation>“{value}”超过两位小数；金额只记到分。</translation>
    </message>
    <message>
        <source>“{value}” is not a month; write it as 2026-11.</source>
        <translation>“{value}”不是月份；请写成 2026-11 这样的格式。</translation>
    </message>
    <message>
        <source>“{value}” is not an amount of yuan.</source>
        <translation>“{value}”不是以元为单位的金额。</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture (200 dpi), SVG or PDF file</source>
        <translation>将本图表保存为 PNG 图片（200 dpi）、SVG 或 PDF 文件</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>A chart can be saved as PNG, SVG or PDF; &quot;{name}&quot; is none of these.</source>
        <translation>图表只能保存为 PNG、SVG 或 PDF 格式，“{name}”不是其中任何一种。</translation>
    </message>
    <message>
        <source>Activities (records)</source>
        <translation>活动数（条）</translation>
    </message>
    <message>
        <source>Activities and people reached by month</source>
        <translation>各月宣传活动及覆盖人次</translation>
    </message>
    <message>
        <source>Activity mix</source>
        <translation>宣传活动构成</translation>
    </message>
    <message>
        <source>At or above the line</source>
        <translation>达到达标线</translation>
    </message>
    <message>
        <source>Awareness rate (95% interval)</source>
        <translation>知晓率（95%置信区间）</translation>
    </message>
    <message>
        <source>Awareness rate by village</source>
        <translation>各村（社区）群众知晓率</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <source>By audience group</source>
        <translation>按宣传对象</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按活动类型</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>达标指数</translation>
    </message>
    <message>
        <source>Compliance index by village</source>
        <translation>各村（社区）达标指数</translation>
    </message>
    <message>
        <source>Fraud cases</source>
        <translation>发案数（起）</translation>
    </message>
    <message>
        <source>Fraud cases by month, this year and last</source>
        <translation>各月发案数：今年与去年同月</translation>
    </message>
    <message>
        <source>Fulfilment (cells below 100% show the %)</source>
        <translation>完成度（未满100%的格内标出百分数）</translation>
    </message>
    <message>
        <source>Lagging (below the line)</source>
        <translation>滞后（低于达标线）</translation>
    </message>
    <message>
        <source>M{month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>No activities in this period.</source>
        <translation>本期间没有宣传活动记录。</translation>
    </message>
    <message>
        <source>No targets to show.</source>
        <translation>没有可显示的工作目标。</translation>
    </message>
    <message>
        <source>No villages in this selection.</source>
        <translation>所选范围内没有村（社区）。</translation>
    </message>
    <message>
        <source>Other kinds</source>
        <translation>其他类型</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>覆盖人次</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>活动数（条）</translation>
    </message>
    <message>
        <source>Records (an activity counts for each group it addressed)</source>
        <translation>活动数（条，一次活动面向多类对象的分别计入）</translation>
    </message>
    <message>
        <source>Target line {value:.0%}</source>
        <translation>达标线 {value:.0%}</translation>
    </message>
    <message>
        <source>Target reached</source>
        <translation>达到目标</translation>
    </message>
    <message>
        <source>Target {value:.0%}</source>
        <translation>目标 {value:.0%}</translation>
    </message>
    <message>
        <source>Targets met by village</source>
        <translation>各村（社区）目标完成情况</translation>
    </message>
    <message>
        <source>The police station has reported no fraud cases yet.</source>
        <translation>派出所尚未报送发案数字。</translation>
    </message>
    <message>
        <source>The {shown} lowest of {total} villages</source>
        <translation>共 {total} 个村（社区），显示最低的 {shown} 个</translation>
    </message>
    <message>
        <source>This computer has no Chinese font, so the Chinese in the charts shows as boxes; install one (Microsoft YaHei or Noto Sans CJK, for example) and open the program again.</source>
        <translation>这台电脑没有中文字体，图表中的中文会显示为方框；请安装一种中文字体（如微软雅黑或 Noto Sans CJK）后重新打开程序。</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message numerus="yes">
        <source>%n more were kept for now: other clerks are connected, and those pictures were stored or let go of by their record less than a day ago (a save or an undo may still need them). A later sweep removes them.</source>
        <translation>
            <numerusform>另有 %n 张暂时保留：还有其他录入员连接着，这些照片是不到一天前存入或刚不再被记录使用的（正在进行的保存或撤销可能还要用到）。以后再清理时会删除它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>--sweep is for server databases: a database file&apos;s unused photo files are removed when the window closes. Nothing was changed.</source>
        <translation>--sweep 只用于服务器数据库：数据库文件不再使用的照片文件在关闭窗口时自动删除。这次没有作任何修改。</translation>
    </message>
    <message>
        <source>PostgreSQL keeps the indexes of a server database itself; --repair-indexes is for database files. Nothing was changed.</source>
        <translation>服务器数据库的索引由 PostgreSQL 自行维护；--repair-indexes 只用于数据库文件。没有做任何改动。</translation>
    </message>
    <message>
        <source>Rebuilt {count} index(es): {names}.</source>
        <translation>已重建 {count} 个索引：{names}。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n picture(s) ({size}) that no record named.</source>
        <translation>
            <numerusform>已删除 %n 张不属于任何记录的照片（{size}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The damage is not in the indexes alone, so rebuilding them would not mend it; nothing was changed.</source>
        <translation>损坏不只在索引中，重建索引无法修复；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何更改。</translation>
    </message>
    <message>
        <source>Nothing was changed. Close Outreach Desk on this database (or wait until the other command has finished), then run the command again.</source>
        <translation>未作任何更改。请先关闭打开该数据库的反诈宣传工作台窗口（或等待另一条命令执行完毕），再重新运行本命令。</translation>
    </message>
</context>
<context>
    <name>CloseCommand</name>
    <message>
        <source>{month} of {township} sent to {recipient} by {clerk} (sending no. {sequence}) and closed: {activities} activity record(s), {surveys} survey(s), {letters} parent letter record(s), {photos} photo(s). Report SHA-256 {sha}.</source>
        <translation>{township}{month}已由{clerk}报送{recipient}（第{sequence}次报送），该月已关闭：活动记录 {activities} 条，问卷调查 {surveys} 份，家长信记录 {letters} 条，照片 {photos} 张。报表 SHA-256：{sha}。</translation>
    </message>
</context>
<context>
    <name>CloseMonthDialog</name>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Report file:</source>
        <translation>报表文件(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Send and close</source>
        <translation>报送并关闭(&amp;S)</translation>
    </message>
    <message>
        <source>Choose the report file that was sent.</source>
        <translation>请选择已报送的报表文件。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Month sent</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Not sent yet: this is sending no. 1.</source>
        <translation>该月尚未报送：这是第1次报送。</translation>
    </message>
    <message>
        <source>Send this month</source>
        <translation>报送本月</translation>
    </message>
    <message>
        <source>Sending keeps the report&apos;s SHA-256, the coverage and the record counts as they are now, and closes the month: its records cannot be added, changed, deleted or imported until it is reopened with a reason.</source>
        <translation>报送时保存报表的 SHA-256、当前的达标情况和各类记录数，并关闭该月：在写明原因重新打开之前，该月的记录不能新增、修改、删除或导入。</translation>
    </message>
    <message>
        <source>Sending {month}…</source>
        <translation>正在报送{month}…</translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation>报送人(&amp;B)：</translation>
    </message>
    <message>
        <source>Sent &amp;to:</source>
        <translation>报送单位(&amp;T)：</translation>
    </message>
    <message>
        <source>Sent and closed by {who} on {when}. Sending it again is recorded as sending no. {number}; the month stays closed.</source>
        <translation>已由{who}于{when}报送并关闭。再次报送记为第{number}次报送，该月仍保持关闭。</translation>
    </message>
    <message>
        <source>Sent before and reopened since: this is sending no. {number}; its report marks what changed (修订).</source>
        <translation>该月报送后已重新打开：这是第{number}次报送，月报中的“修订”表列出改动的数字。</translation>
    </message>
    <message>
        <source>The monthly report as sent (.xlsx)</source>
        <translation>已报送的月报（.xlsx）</translation>
    </message>
    <message>
        <source>The report as sent</source>
        <translation>已报送的报表</translation>
    </message>
    <message>
        <source>{month} was sent to {recipient} (sending no. {sequence}) and is closed: {activities} activity records, {surveys} surveys, {letters} parent letter records and {photos} photos as sent.</source>
        <translation>{month}已报送{recipient}（第{sequence}次报送），该月已关闭。报送的内容：活动记录 {activities} 条，问卷调查 {surveys} 份，家长信记录 {letters} 条，照片 {photos} 张。</translation>
    </message>
</context>
<context>
    <name>ClosedMonths</name>
    <message>
        <source>an unnamed clerk</source>
        <translation>未署名的工作人员</translation>
    </message>
    <message>
        <source>{month} of {township} was sent to {recipient} and closed by {who} on {when}: its records cannot be added, changed, deleted or imported. Reopen the month with a reason first, then make the change.</source>
        <translation>{township}{month}已由{who}于{when}报送{recipient}并关闭：该月的记录不能新增、修改、删除或导入。如需更改，请先“重新打开”该月并写明原因，再进行修改。</translation>
    </message>
    <message>
        <source>{month} was sent (sending no. {sequence}) to {recipient} by {who} on {when} and is closed: reopen the month to change this record.</source>
        <translation>{month}已由{who}于 {when} 报送{recipient}（第 {sequence} 次报送），该月已关闭：要修改这条记录，请先重新打开该月。</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <source>Closed {month}: its records are locked until it is reopened</source>
        <translation>关闭{month}：重新打开之前，该月的记录不能改动</translation>
    </message>
    <message>
        <source>Reopened {month} (closed by {who} on {when}): {reason}</source>
        <translation>重新打开{month}（原由{who}于{when}关闭）：{reason}</translation>
    </message>
    <message>
        <source>Say to whom the month is sent (e.g. 县反诈中心).</source>
        <translation>请填写报送单位（如 县反诈中心）。</translation>
    </message>
    <message>
        <source>Say which clerk sends the month.</source>
        <translation>请填写报送人。</translation>
    </message>
    <message>
        <source>Say why the month is reopened.</source>
        <translation>请写明重新打开的原因。</translation>
    </message>
    <message>
        <source>Sent {month} to {recipient} (sending no. {sequence})</source>
        <translation>{month}报送{recipient}（第{sequence}次报送）</translation>
    </message>
    <message>
        <source>There is no such township in this database.</source>
        <translation>本数据库中没有这个乡镇。</translation>
    </message>
    <message>
        <source>This database holds several townships; name the township whose month is meant.</source>
        <translation>本数据库中有多个乡镇，请指明是哪个乡镇的月份。</translation>
    </message>
    <message>
        <source>{month} is not closed; there is nothing to reopen.</source>
        <translation>{month}没有关闭，无需重新打开。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>%n field(s) differ, marked in yellow.</source>
        <translation>
            <numerusform>有 %n 项不同，已用黄色标出。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit again</source>
        <translation>重新编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Keep theirs</source>
        <translation>保留对方的(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>用我的覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>Another clerk</source>
        <translation>另一位录入员</translation>
    </message>
    <message>
        <source>Compare the two versions and choose which one to keep.</source>
        <translation>请对照两个版本，选择保留哪一个。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Saved by {who}</source>
        <translation>{who}保存的</translation>
    </message>
    <message>
        <source>Someone else saved this record</source>
        <translation>这条记录已被别人修改</translation>
    </message>
    <message>
        <source>The form keeps what you typed; the fields you left alone now show what {who} saved. Press Enter to save.</source>
        <translation>表单中保留了您填写的内容，您没有改动的项目已换成{who}保存的内容。按回车键保存。</translation>
    </message>
    <message>
        <source>The record stays as {who} saved it; your changes were dropped.</source>
        <translation>这条记录保留{who}保存的内容，您的修改已放弃。</translation>
    </message>
    <message>
        <source>What you typed</source>
        <translation>我填写的</translation>
    </message>
    <message>
        <source>Your typing stays in the form; the fields you did not change take the values saved by {who}. Save again when done.</source>
        <translation>表单中保留您填写的内容，您没有改动的项目换成{who}保存的内容。改好后再按“保存”。</translation>
    </message>
    <message>
        <source>the other clerk</source>
        <translation>另一位录入员</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Recent servers:</source>
        <translation>最近连接(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>(type a new server below)</source>
        <translation>（在下面填写新的服务器）</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Connecting to the server {where}…</source>
        <translation>正在连接服务器 {where}…</translation>
    </message>
    <message>
        <source>Fill in {what}.</source>
        <translation>请填写{what}。</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Several clerks (or a whole county) can work on one PostgreSQL database on the county&apos;s server. Ask the county IT person for these details.</source>
        <translation>几名录入员（或全县）可以共用县里服务器上的一个 PostgreSQL 数据库。以下各项请向县里的信息技术人员询问。</translation>
    </message>
    <message>
        <source>The password is not saved. To connect without typing it, the county IT person can put it in the file ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf).</source>
        <translation>密码不会保存。如不想每次输入，可请县里的信息技术人员把它写入 ~/.pgpass 文件（Windows 为 %APPDATA%\postgresql\pgpass.conf）。</translation>
    </message>
    <message>
        <source>e.g. 10.12.0.5 or db.county.local</source>
        <translation>如 10.12.0.5 或 db.county.local</translation>
    </message>
    <message>
        <source>empty: taken from ~/.pgpass</source>
        <translation>留空则使用 ~/.pgpass 中的密码</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>用户名</translation>
    </message>
</context>
<context>
    <name>Copy</name>
    <message>
        <source>After copying, {tables} did not hold as many records as in {source}; the copy was undone and {target} is as it was.</source>
        <translation>复制后，{tables} 中的记录数与 {source} 不一致；本次复制已全部撤销，{target} 保持原样。</translation>
    </message>
    <message>
        <source>The database {path} does not exist.</source>
        <translation>数据库 {path} 不存在。</translation>
    </message>
    <message>
        <source>The server {where} refused the copy, so nothing was copied: {reason}</source>
        <translation>服务器 {where} 拒绝了这次复制，没有复制任何内容：{reason}</translation>
    </message>
    <message>
        <source>The source and the target are the same database; nothing was changed.</source>
        <translation>复制的来源和目标是同一个数据库，没有做任何改动。</translation>
    </message>
    <message>
        <source>{path} is a database of another program. Choose a new file name; nothing was changed.</source>
        <translation>{path} 是其他程序的数据库。请另选一个新的文件名；没有做任何改动。</translation>
    </message>
    <message>
        <source>{path} is open in Outreach Desk or was not closed properly. Close it (or open it once and close it again), then copy; nothing was changed.</source>
        <translation>{path} 正在反诈宣传工作台中打开，或上次没有正常关闭。请先关闭它（或打开一次再关闭），然后再复制；没有做任何改动。</translation>
    </message>
    <message>
        <source>{source} was written by another version of Outreach Desk. Open it once with this version (which brings it up to date), then copy it. Nothing was changed.</source>
        <translation>{source} 是由另一个版本的反诈宣传工作台写入的。请先用本版本打开一次（程序会把它升级到最新），再复制。没有做任何改动。</translation>
    </message>
    <message>
        <source>{target} already holds records (a township). Copy only into a new or empty database, so that no records are mixed or lost; nothing was changed.</source>
        <translation>{target} 中已有乡镇及其记录。只能复制到新建的或空的数据库中，以免记录混在一起或丢失；没有做任何改动。</translation>
    </message>
</context>
<context>
    <name>CopyCampaignDialog</name>
    <message>
        <source>&amp;Copy:</source>
        <translation>复制(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;To township:</source>
        <translation>复制给(&amp;T)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy a campaign to a township</source>
        <translation>把专项行动复制给乡镇</translation>
    </message>
    <message>
        <source>Copy a campaign to {township}</source>
        <translation>把专项行动复制给{township}</translation>
    </message>
    <message>
        <source>The copy takes the campaign&apos;s dates, phases, report deadlines and target rules; change them afterwards for that township alone.</source>
        <translation>复制时连同起止日期、阶段、报送期限和达标规则一起复制；之后可以只为该乡镇修改。</translation>
    </message>
</context>
<context>
    <name>CopyCommand</name>
    <message>
        <source>  {what}: {count:,}</source>
        <translation>  {what}：{count:,}</translation>
    </message>
    <message>
        <source>Copied {source} into {target}: {records:,} records in {tables} tables and {photos:,} photos; the counts of every table were checked.</source>
        <translation>已把 {source} 复制到 {target}：{tables} 张表共 {records:,} 条记录，照片 {photos:,} 张；每张表的记录数都已核对一致。</translation>
    </message>
    <message>
        <source>activity records</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>photos of activity records</source>
        <translation>活动记录的照片</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>surveys</source>
        <translation>问卷调查</translation>
    </message>
    <message>
        <source>townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>{count:,} photos named by records were not in {source} (their files are missing there), so they could not be copied either.</source>
        <translation>记录中登记的 {count:,} 张照片在 {source} 中找不到（照片文件已丢失），因此也无法复制。</translation>
    </message>
</context>
<context>
    <name>CopyOffer</name>
    <message>
        <source>Copy a campaign to this township…</source>
        <translation>为本镇复制专项行动…</translation>
    </message>
    <message>
        <source>Copy the county&apos;s or another township&apos;s campaign to it; {township} can then change its target rules and report deadlines alone.</source>
        <translation>可以把县里或其他乡镇的专项行动复制过来，之后{township}可以单独修改达标规则和报送期限。</translation>
    </message>
    <message>
        <source>{missing} {consequence}

{way_out}</source>
        <translation>{missing}{consequence}

{way_out}</translation>
    </message>
    <message>
        <source>{township} has no campaign of its own yet.</source>
        <translation>{township}还没有自己的专项行动。</translation>
    </message>
</context>
<context>
    <name>CountyDialog</name>
    <message>
        <source>&amp;Import packages…</source>
        <translation>导入上报包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Add a township?</source>
        <translation>新建乡镇？</translation>
    </message>
    <message>
        <source>Cancelled: the package being imported was not imported; those before it were.</source>
        <translation>已取消：正在导入的上报包未导入，此前的已导入。</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>正在核对上报包…</translation>
    </message>
    <message>
        <source>County roll-up: townships&apos; packages</source>
        <translation>县级汇总：乡镇上报包</translation>
    </message>
    <message>
        <source>Create the township {names} and import?</source>
        <translation>新建乡镇{names}并导入？</translation>
    </message>
    <message>
        <source>Drop the packages of this township&apos;s villages and communities that keep their own copy of the program (.zip, several at once) on this window, or choose them with Import packages…. The same package twice changes nothing; a newer one replaces the village&apos;s month after you have seen what changes.</source>
        <translation>把本乡镇自备程序的各村（社区）的上报包（.zip，可一次多个）拖到本窗口，或点“导入上报包…”选择。同一个上报包导入两次不会改变数据；较新的上报包会先列出变化，经您确认后替换该村（社区）当月的数据。</translation>
    </message>
    <message>
        <source>Drop the townships&apos; upward packages (.zip, several at once) on this window, or choose them with Import packages…. The same package twice changes nothing; a newer one replaces the township&apos;s month after you have seen what changes.</source>
        <translation>把各乡镇的上报包（.zip，可一次多个）拖到本窗口，或点“导入上报包…”选择。同一个上报包导入两次不会改变数据；较新的上报包会先列出变化，经您确认后替换该乡镇当月的数据。</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import townships&apos; packages</source>
        <translation>导入乡镇上报包</translation>
    </message>
    <message>
        <source>Import villages&apos; packages</source>
        <translation>导入村（社区）上报包</translation>
    </message>
    <message>
        <source>Importing the packages…</source>
        <translation>正在导入上报包…</translation>
    </message>
    <message>
        <source>No village or community has sent this township a package yet.</source>
        <translation>还没有村（社区）向本乡镇报送过上报包。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>县里收到</translation>
    </message>
    <message>
        <source>Replace the month&apos;s data of {township} by this package?</source>
        <translation>用这个上报包替换{township}当月的数据吗？</translation>
    </message>
    <message>
        <source>Replace the township&apos;s month?</source>
        <translation>替换该乡镇当月数据？</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>有修订</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>报送次数</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Upward packages (*.zip)</source>
        <translation>上报包 (*.zip)</translation>
    </message>
    <message>
        <source>Village or community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Villages&apos; packages</source>
        <translation>村（社区）上报包</translation>
    </message>
    <message>
        <source>What each import did is listed here.</source>
        <translation>每次导入的结果列在这里。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{file}: not imported, the township&apos;s month stays as it was.</source>
        <translation>{file}：未导入，该乡镇当月数据保持不变。</translation>
    </message>
    <message>
        <source>{file}: not imported, {township} is not a township of this database.</source>
        <translation>{file}：未导入，本数据库中没有{township}。</translation>
    </message>
    <message>
        <source>{sent} of the {total} villages or communities that send packages sent this month.</source>
        <translation>报送上报包的 {total} 个村（社区）中，本月已报送 {sent} 个。</translation>
    </message>
    <message>
        <source>{sent} of {total} townships sent this month.</source>
        <translation>{total}个乡镇中已有{sent}个报送本月数据。</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
</context>
<context>
    <name>CountyImport</name>
    <message>
        <source>Changing the records of {township}…</source>
        <translation>正在修改{township}的记录…</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在核对{name}…</translation>
    </message>
    <message>
        <source>Compared {name} with the database.</source>
        <translation>已将{name}与本数据库比对。</translation>
    </message>
    <message>
        <source>Imported from the package {file} (sending {sequence})</source>
        <translation>由上报包{file}导入（第{sequence}次报送）</translation>
    </message>
    <message>
        <source>Imported {file}: {township}, {month}, sending {sequence}: {added} added, {changed} changed, {removed} removed</source>
        <translation>导入{file}：{township}，{month}，第{sequence}次报送：新增{added}条，修改{changed}条，删除{removed}条</translation>
    </message>
    <message>
        <source>Importing {township}: {done} of {total} rows…</source>
        <translation>正在导入{township}：{done}/{total}条…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取{name}…</translation>
    </message>
    <message>
        <source>This is the database of {township}: it imports the packages of its own villages and communities. {file} is the package of {sender}; a township&apos;s package is imported into the county&apos;s database.</source>
        <translation>这是{township}的数据库，只能导入本镇各村（社区）的上报包。{file}是{sender}的上报包；乡镇的上报包请在县级数据库中导入。</translation>
    </message>
    <message>
        <source>Township updated by the import of {file}</source>
        <translation>导入{file}时更新了乡镇信息</translation>
    </message>
    <message>
        <source>Township {name} created by the import of {file}</source>
        <translation>导入{file}时新建乡镇{name}</translation>
    </message>
    <message>
        <source>a record refers to a village, site or kind its data part does not hold.</source>
        <translation>有记录所属的村（社区）、场所或活动类型在数据部分中找不到。</translation>
    </message>
    <message>
        <source>its data part and its manifest name different townships, villages or months.</source>
        <translation>它的数据部分和清单写的乡镇、村或月份不一致。</translation>
    </message>
    <message>
        <source>its data part is not in the format of this program.</source>
        <translation>其数据部分不是本程序的格式。</translation>
    </message>
    <message>
        <source>its data part is not readable JSON.</source>
        <translation>其数据部分不是可读的 JSON。</translation>
    </message>
    <message>
        <source>its data part lacks fields this program needs.</source>
        <translation>其数据部分缺少本程序需要的字段。</translation>
    </message>
    <message>
        <source>{file} is from {township}, a township this database does not hold. Nothing was imported.</source>
        <translation>{file}来自{township}，本数据库中没有这个乡镇，未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} cannot be imported: {reason} Nothing of it was imported.</source>
        <translation>{name}无法导入：{reason}该文件的内容均未导入。</translation>
    </message>
    <message>
        <source>{name} holds no data part for the county: it was written by an older version of the program. Ask the township to write the package again.</source>
        <translation>{name}中没有供县里汇总的数据部分：它由旧版本程序生成。请乡镇用新版本重新生成上报包。</translation>
    </message>
    <message>
        <source>{name} is from {township}, but the township of that name in this database is another one (its stable id differs). Nothing was imported.</source>
        <translation>{name}来自{township}，但本数据库中同名的乡镇是另一个乡镇（稳定编号不同）。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is older than what this database holds now. Nothing was imported.</source>
        <translation>{name}比本数据库现有的报送旧。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is older than what this database holds: it is sending {sequence} of {township}&apos;s {month}, and sending {held} was imported on {when}. Nothing was imported.</source>
        <translation>{name}比本数据库现有的报送旧：它是{township}{month}的第{sequence}次报送，而第{held}次报送已于{when}导入。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is older than what this database holds: {village}&apos;s {month} written on {written} was imported on {when}. Nothing was imported.</source>
        <translation>{name}比本数据库已有的旧：{village}{month}于{written}生成的上报包已在{when}导入。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is the package of {village} of {township}, a township this database does not hold: a village&apos;s package is imported by its own township. Nothing was imported.</source>
        <translation>{name}是{township}{village}的上报包，本数据库中没有这个乡镇：村的上报包由本乡镇导入。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is the package of {village}, which is not a village of {township} in this database (its stable id is unknown here): the village&apos;s copy must be made from this township&apos;s database. Nothing was imported.</source>
        <translation>{name}是{village}的上报包，但本数据库的{township}中没有这个村（它的稳定编号在这里不存在）：村里的数据库须从本乡镇的数据库复制。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of the program (data part version {theirs}, this one reads {ours}). Update the program, then import it again.</source>
        <translation>{name}由更新版本的程序生成（数据部分版本{theirs}，本程序只能读到版本{ours}）。请先升级程序，再导入。</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of the program (database version {theirs}, this one {ours}). Update the program, then import it again.</source>
        <translation>{name}由更新版本的程序生成（数据库版本{theirs}，本程序为{ours}）。请先升级程序，再导入。</translation>
    </message>
    <message>
        <source>{village} of {township}</source>
        <translation>{township}{village}</translation>
    </message>
    <message>
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
</context>
<context>
    <name>CountyImportCommand</name>
    <message>
        <source>Not imported yet: run the command again with --replace to replace the township&apos;s month.</source>
        <translation>尚未导入：确认替换该乡镇本月数据，请加 --replace 再运行一次。</translation>
    </message>
    <message>
        <source>{refusal} Check the township&apos;s name; to add it and import its package, run the command again with --new-township.</source>
        <translation>{refusal}请核对乡镇名称；如要新建该乡镇并导入，请加 --new-township 重新运行命令。</translation>
    </message>
</context>
<context>
    <name>CountyImportPreview</name>
    <message>
        <source> The township is added.</source>
        <translation>将新增该乡镇。</translation>
    </message>
    <message>
        <source> {count} photos ({size}) put into the photo store.</source>
        <translation>照片 {count} 张（{size}）已放入照片库。</translation>
    </message>
    <message>
        <source> {count} photos the records name are not in the package.</source>
        <translation>记录中有 {count} 张照片不在上报包中。</translation>
    </message>
    <message>
        <source>Not sent: {township}&apos;s packages for {months} were never imported here; its figures over the campaign (cumulative targets, the county&apos;s report and dashboard) lack those months until they are. Ask the township to send them.</source>
        <translation>未报送：本数据库从未导入{township}{months}的上报包；在补入之前，该镇按专项行动累计的数字（累计考核的目标、县级月报和领导看板）缺少这几个月的记录。请该镇补报。</translation>
    </message>
    <message>
        <source>activity records</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>assigned numbers</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>assigned targets</source>
        <translation>任务指标</translation>
    </message>
    <message>
        <source>commendations and criticisms</source>
        <translation>表扬与批评</translation>
    </message>
    <message>
        <source>fraud-case figures</source>
        <translation>案件情况</translation>
    </message>
    <message>
        <source>inspections</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>rectification orders</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <source>renamed: {old} → {new}</source>
        <translation>更名：{old} → {new}</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>surveys</source>
        <translation>问卷调查</translation>
    </message>
    <message>
        <source>the records are the same as those imported before</source>
        <translation>记录与上次导入的相同</translation>
    </message>
    <message>
        <source>villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>{file} imported: {township}, {month}, sending {sequence}: {added} added, {changed} changed, {removed} removed.</source>
        <translation>{file}已导入：{township}，{month}，第{sequence}次报送：新增{added}条，修改{changed}条，删除{removed}条。</translation>
    </message>
    <message>
        <source>{file} was imported meanwhile; nothing changes.</source>
        <translation>{file}已在此期间导入，数据不变。</translation>
    </message>
    <message>
        <source>{file}: {township}, {month}, sending {sequence} replaces sending {held}.</source>
        <translation>{file}：{township}，{month}，第{sequence}次报送，将替换第{held}次报送。</translation>
    </message>
    <message>
        <source>{file}: {township}, {month}, sending {sequence} was imported before; its records stay as they are, and {count} photos ({size}) the photo store lacked were put into it.</source>
        <translation>{file}：{township}，{month}，第{sequence}次报送，此前已导入，数据不变；照片库缺少的照片 {count} 张（{size}）已从包中补入。</translation>
    </message>
    <message>
        <source>{file}: {township}, {month}, sending {sequence} was imported before; nothing changes.</source>
        <translation>{file}：{township}，{month}，第{sequence}次报送，此前已导入，数据不变。</translation>
    </message>
    <message>
        <source>{file}: {township}, {month}, sending {sequence}, new to this database.</source>
        <translation>{file}：{township}，{month}，第{sequence}次报送，本数据库中尚无该月数据。</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {changed} changed, {removed} removed</source>
        <translation>{kind}：新增{added}条，修改{changed}条，删除{removed}条</translation>
    </message>
</context>
<context>
    <name>CountyOffice</name>
    <message>
        <source>At most {count} characters, please.</source>
        <translation>最多{count}个字符。</translation>
    </message>
    <message>
        <source>Changed the county&apos;s identity</source>
        <translation>修改了本县信息</translation>
    </message>
    <message>
        <source>Named the county {name}</source>
        <translation>设置本县名称为{name}</translation>
    </message>
    <message>
        <source>The county</source>
        <translation>全县</translation>
    </message>
</context>
<context>
    <name>CountyOfficeDialog</name>
    <message>
        <source>&amp;County:</source>
        <translation>县名(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>单位名称(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Prepared by (填报人):</source>
        <translation>填报人(&amp;P)：</translation>
    </message>
    <message>
        <source>County office</source>
        <translation>本县信息</translation>
    </message>
    <message>
        <source>Re&amp;viewed by (审核人):</source>
        <translation>审核人(&amp;V)：</translation>
    </message>
    <message>
        <source>The county&apos;s own monthly report (every township and the county total) and its dashboard carry these names. The report is sent to {recipient} (Preferences › Send the month to).</source>
        <translation>县级月报（各乡镇及全县合计）和领导看板使用这些名称。月报报送{recipient}（在“编辑 › 首选项…”的“报送单位”中修改）。</translation>
    </message>
    <message>
        <source>e.g. 清河县</source>
        <translation>如：清河县</translation>
    </message>
    <message>
        <source>e.g. 清河县反诈中心; the county&apos;s name when left empty</source>
        <translation>如：清河县反诈中心；不填时使用县名</translation>
    </message>
</context>
<context>
    <name>CountyStatus</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>late</source>
        <translation>逾期报送</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>not sent, overdue</source>
        <translation>逾期未报</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时报送</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>{month}</source>
        <comment>a month of the year named before it</comment>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
</context>
<context>
    <name>CountyStatusCommand</name>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>县里收到</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>有修订</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>报送次数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>This database holds no township yet: import the townships&apos; packages first (county-import).</source>
        <translation>本数据库中还没有乡镇：请先导入各乡镇的上报包（county-import）。</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{sent} of {total} townships sent {month}.</source>
        <translation>{total}个乡镇中已有{sent}个报送{month}数据。</translation>
    </message>
</context>
<context>
    <name>CountyView</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n个月</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Activities this month</source>
        <translation>本月活动（场次）</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>知晓率</translation>
    </message>
    <message>
        <source>Bottom months running</source>
        <translation>连续几期排名后几名</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>综合达标指数</translation>
    </message>
    <message>
        <source>Every township against its own campaign, from its start to today. Double-click a township to open its dashboard.</source>
        <translation>各乡镇按各自的专项行动统计，从行动开始至今。双击某个乡镇，打开该乡镇的领导看板。</translation>
    </message>
    <message numerus="yes">
        <source>In the bottom {n}, %n months running</source>
        <translation>
            <numerusform>连续%n期排名后{n}名</numerusform>
        </translation>
    </message>
    <message>
        <source>Lagging villages</source>
        <translation>滞后村（社区）</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>尚无专项行动</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>Not sent: {townships}. The county never imported these months&apos; packages, so these townships&apos; figures lack their records.</source>
        <translation>未报送：{townships}。县里从未导入这些月份的上报包，这些乡镇的累计数字缺少这几个月的记录。</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>覆盖人次</translation>
    </message>
    <message>
        <source>Ranking…</source>
        <translation>正在排名…</translation>
    </message>
    <message>
        <source>The county holds no package of {township} for {months}: its figures over the campaign lack their records.</source>
        <translation>县里没有收到{township}{months}的上报包：该乡镇按专项行动累计的数字缺少这几个月的记录。</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Villages among the last {count} of {township}&apos;s ranking in each of the last {months} months or more, up to {month}</source>
        <translation>截至{month}，连续{months}个月及以上排在{township}末{count}名的村（社区）</translation>
    </message>
    <message>
        <source>{county}: every township against its own campaign, from its start to today. Double-click a township to open its dashboard.</source>
        <translation>{county}各乡镇按各自的专项行动统计，从行动开始至今。双击某个乡镇，打开该乡镇的领导看板。</translation>
    </message>
    <message>
        <source>{month}; the same days of {last_month}: {count}</source>
        <translation>{month}；{last_month}同期：{count}</translation>
    </message>
    <message>
        <source>{township} ({months})</source>
        <translation>{township}（{months}）</translation>
    </message>
</context>
<context>
    <name>CoverageCommand</name>
    <message>
        <source>--from needs --to.</source>
        <translation>--from 须与 --to 一起使用。</translation>
    </message>
    <message>
        <source>--to needs --from.</source>
        <translation>--to 须与 --from 一起使用。</translation>
    </message>
    <message>
        <source>Campaign: {name} ({start} to {end})</source>
        <translation>专项行动：{name}（{start} 至 {end}）</translation>
    </message>
    <message>
        <source>County total</source>
        <translation>全县合计</translation>
    </message>
    <message>
        <source>County: {name}</source>
        <translation>县：{name}</translation>
    </message>
    <message>
        <source>Fulfilment by village (columns are the target numbers above)</source>
        <translation>各村（社区）完成度（列号即上方目标序号）</translation>
    </message>
    <message>
        <source>Gaps ({count})</source>
        <translation>问题清单（共 {count} 条）</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>综合指数</translation>
    </message>
    <message>
        <source>Period: {label} ({start} to {end})</source>
        <translation>统计期间：{label}（{start} 至 {end}）</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>达标目标</translation>
    </message>
    <message>
        <source>The campaign has no enabled rules.</source>
        <translation>该专项行动没有启用的达标规则。</translation>
    </message>
    <message>
        <source>The campaign has no phase named {name}. Its phases: {names}.</source>
        <translation>该专项行动没有名为“{name}”的阶段。现有阶段：{names}。</translation>
    </message>
    <message>
        <source>There is no village or community named {name}.</source>
        <translation>没有名为“{name}”的村（社区）。</translation>
    </message>
    <message>
        <source>Village / township</source>
        <translation>村（社区）/乡镇</translation>
    </message>
    <message>
        <source>{area}: {met} of {assessed} units met ({share}), fulfilment {fulfilment}</source>
        <translation>{area}：{assessed} 个单位中 {met} 个达标（{share}），完成度 {fulfilment}</translation>
    </message>
    <message>
        <source>{count} villages are named {name}; add --township to choose one.</source>
        <translation>有 {count} 个村（社区）名为“{name}”，请用 --township 指定乡镇。</translation>
    </message>
    <message>
        <source>… and {count} more (use --gaps 0 to list all).</source>
        <translation>……另有 {count} 条（用 --gaps 0 列出全部）。</translation>
    </message>
</context>
<context>
    <name>CoverageDemo</name>
    <message>
        <source>Awareness surveys</source>
        <translation>知晓率问卷调查</translation>
    </message>
    <message>
        <source>Parent letter batches</source>
        <translation>家长信发放批次</translation>
    </message>
</context>
<context>
    <name>CoverageDetail</name>
    <message>
        <source>Click a cell of the table to see the units behind it and what is still missing; click a village&apos;s name or index for its whole gap list.</source>
        <translation>单击表格中的单元格，可查看该项指标涉及的各单位及尚缺内容；单击村（社区）名称或综合指数，可查看该村的全部问题清单。</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>复制清单</translation>
    </message>
    <message>
        <source>Copy these rows as text, to paste into a spreadsheet or a message</source>
        <translation>将以下各行复制为文本，可粘贴到表格或消息中</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Gap list of {area}</source>
        <translation>{area} 问题清单</translation>
    </message>
    <message>
        <source>In progress: judged when the month or phase ends</source>
        <translation>进行中：本月（本阶段）结束后再考核</translation>
    </message>
    <message>
        <source>Issue a rectification order for the selected gap: who must put it right, what, and by when</source>
        <translation>为选中的差距下达限期整改通知：由谁整改、整改什么、何时完成</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>Not applicable (nothing required)</source>
        <translation>不适用（无要求）</translation>
    </message>
    <message>
        <source>Only the first {shown} of {count} rows are listed.</source>
        <translation>共 {count} 行，仅列出前 {shown} 行。</translation>
    </message>
    <message>
        <source>Order a rectification…</source>
        <translation>下达整改…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>尚缺内容</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>{area} · {rule}</source>
        <translation>{area} · {rule}</translation>
    </message>
    <message>
        <source>{period}: every target is met here.</source>
        <translation>{period}：各项指标均已达标。</translation>
    </message>
    <message>
        <source>{period}: nothing to assess here.</source>
        <translation>{period}：此处无需考核。</translation>
    </message>
    <message>
        <source>{period}: {count} gap(s), compliance index {index}. The furthest from the target come first.</source>
        <translation>{period}：共 {count} 项未达标，综合指数 {index}。差距最大的排在最前。</translation>
    </message>
    <message>
        <source>{period}: {met} of {assessed} fully met, completion {fulfilment}.</source>
        <translation>{period}：{assessed} 个中 {met} 个已达标，完成度 {fulfilment}。</translation>
    </message>
</context>
<context>
    <name>CoverageExport</name>
    <message>
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>尚缺内容</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>{name} could not be written: it may be open in Excel or WPS. Close it and export again.</source>
        <translation>无法写入 {name}：该文件可能正在 Excel 或 WPS 中打开。请关闭后重新导出。</translation>
    </message>
    <message>
        <source>{township} member units</source>
        <translation>{township}成员单位</translation>
    </message>
</context>
<context>
    <name>CoverageLabels</name>
    <message>
        <source>Awareness</source>
        <translation>知晓率</translation>
    </message>
    <message>
        <source>Banners</source>
        <translation>横幅</translation>
    </message>
    <message>
        <source>Class meetings</source>
        <translation>主题班会</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>宣传专栏</translation>
    </message>
    <message>
        <source>Display windows</source>
        <translation>宣传橱窗</translation>
    </message>
    <message>
        <source>Home visits</source>
        <translation>入户宣传</translation>
    </message>
    <message>
        <source>Info points</source>
        <translation>宣传点</translation>
    </message>
    <message>
        <source>Monthly events</source>
        <translation>每月宣讲</translation>
    </message>
    <message>
        <source>Parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>Posters</source>
        <translation>海报</translation>
    </message>
    <message>
        <source>Prize quizzes</source>
        <translation>有奖问答</translation>
    </message>
    <message>
        <source>School boards</source>
        <translation>学校板报</translation>
    </message>
    <message>
        <source>Unit columns</source>
        <translation>单位专栏</translation>
    </message>
    <message>
        <source>Unit info points</source>
        <translation>单位宣传点</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>factories</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>markets</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>other sites</source>
        <translation>其他点位</translation>
    </message>
    <message>
        <source>outlets</source>
        <translation>营业网点</translation>
    </message>
    <message>
        <source>public places</source>
        <translation>公共场所</translation>
    </message>
    <message>
        <source>schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>villages</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>{name}
Measured: {measure}; quota per unit: {quota}; judged: {period}
Cells show the completion rate: the mean over the units of min(done, required) / required.</source>
        <translation>{name}
统计口径：{measure}；每个单位要求：{quota}；考核时段：{period}
单元格显示完成度：各单位“已完成（不超过要求）÷ 要求”的平均值。</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Awareness rate {rate} ({aware} of {respondents} respondents), target {target}%</source>
        <translation>知晓率 {rate}（受访 {respondents} 人中 {aware} 人知晓），目标 {target}%</translation>
    </message>
    <message>
        <source>Click for the gap list of {area}.</source>
        <translation>单击查看 {area} 的问题清单。</translation>
    </message>
    <message>
        <source>Click for the units behind this cell.</source>
        <translation>单击查看明细。</translation>
    </message>
    <message>
        <source>Completion {fulfilment} (mean over the {units})</source>
        <translation>完成度 {fulfilment}（按各{units}平均）</translation>
    </message>
    <message>
        <source>Compliance
index</source>
        <translation>综合
指数</translation>
    </message>
    <message>
        <source>Compliance index of a village: the mean completion rate over the targets that apply there, every target weighing the same.
A township&apos;s index is the mean of its villages&apos; indexes, so it sits among the figures below it; its member-unit targets are shown in their own columns and not counted in it.
Click a village&apos;s index for its whole gap list.</source>
        <translation>村（社区）的综合指数：该村适用的各项目标完成度的平均值，每项目标权重相同。
乡镇的综合指数是其各村（社区）综合指数的平均值，因此与下面各村的数字相称；成员单位的目标单独列出，不计入乡镇综合指数。
点击某村的综合指数可查看其全部问题清单。</translation>
    </message>
    <message>
        <source>Done {done}, required {quota}</source>
        <translation>已完成 {done}，要求 {quota}</translation>
    </message>
    <message>
        <source>Each township&apos;s total row heads its villages. Click a name for its gap list.</source>
        <translation>每个乡镇的合计行排在其所属村（社区）之前。单击名称可查看问题清单。</translation>
    </message>
    <message>
        <source>Fully met: {met} of {assessed} ({share})</source>
        <translation>已达标：{assessed} 个中 {met} 个（{share}）</translation>
    </message>
    <message>
        <source>In progress (month or phase not over): {count}</source>
        <translation>进行中（本月或本阶段未结束）：{count}</translation>
    </message>
    <message>
        <source>In progress: the month or phase has not ended yet; judged when it ends ({count} units not there yet).</source>
        <translation>进行中：本月（本阶段）尚未结束，结束后再考核（尚未达到的单位 {count} 个）。</translation>
    </message>
    <message>
        <source>Member-unit targets count for the township total only.</source>
        <translation>成员单位指标只计入乡镇合计。</translation>
    </message>
    <message>
        <source>Met in every one of {count} periods</source>
        <translation>{count} 个时段均已达标</translation>
    </message>
    <message>
        <source>Met in {met} of {count} periods; not met: {windows}</source>
        <translation>{count} 个时段中 {met} 个达标；未达标：{windows}</translation>
    </message>
    <message>
        <source>No awareness survey with respondents yet.</source>
        <translation>尚无有效的知晓率调查（受访人数为 0 或未调查）。</translation>
    </message>
    <message>
        <source>No data: {count} (counted as not met)</source>
        <translation>无数据：{count} 个（按未达标计）</translation>
    </message>
    <message>
        <source>Not applicable (quota 0): {count}</source>
        <translation>不适用（要求为 0）：{count} 个</translation>
    </message>
    <message>
        <source>Not applicable: no {units} here that this target asks anything of.</source>
        <translation>不适用：此处没有本指标要求的{units}。</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>{amount} logged here count for no {units}: see the gap list.</source>
        <translation>此处登记的 {amount} 项不计入任何{units}：见问题清单。</translation>
    </message>
    <message>
        <source>{area}: compliance index {index}
The mean of the indexes of its {count} villages and communities, each weighing the same; member-unit targets are not counted in it.
Click for the whole gap list.</source>
        <translation>{area}：综合指数 {index}
为所辖 {count} 个村（社区）综合指数的平均值，每个村（社区）权重相同；成员单位的目标不计入。
点击查看全部问题清单。</translation>
    </message>
    <message>
        <source>{area}: compliance index {index}
{complete} of {count} targets fully met
Click for the whole gap list.</source>
        <translation>{area}：综合指数 {index}
{count} 项指标中 {complete} 项全部达标
单击查看全部问题清单。</translation>
    </message>
    <message>
        <source>{township} (total)</source>
        <translation>{township}（合计）</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>50–99 %</source>
        <translation>完成 50%–99%</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Computing coverage</source>
        <translation>正在计算达标情况</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Could not compute coverage.</source>
        <translation>无法计算达标情况。</translation>
    </message>
    <message>
        <source>Export gap list</source>
        <translation>导出问题清单</translation>
    </message>
    <message>
        <source>Export gap list…</source>
        <translation>导出问题清单…</translation>
    </message>
    <message>
        <source>Fully met</source>
        <translation>全部达标</translation>
    </message>
    <message>
        <source>Gap list {period}</source>
        <translation>问题清单 {period}</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Member-unit targets count for the township: click the township&apos;s row.</source>
        <translation>成员单位指标只计入乡镇：请单击乡镇合计行。</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>尚无专项行动</translation>
    </message>
    <message>
        <source>No campaign has been set up yet, so there are no targets to measure coverage against.

Create one with the menu Campaign → Campaigns…: give it a name, its first and last day and its phases. It starts with the township plans&apos; default targets, and this page then shows how far every village has got with each of them.</source>
        <translation>尚未设立专项行动，暂无可对照的达标指标。

请通过菜单“行动 → 专项行动…”新建专项行动，填写名称、起止日期和各阶段。新建的专项行动自动载入镇里方案中的默认达标指标，本页随后即按村（社区）显示各项指标的完成情况。</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Out of date: recomputed when shown.</source>
        <translation>数据已更新，显示本页时重新计算。</translation>
    </message>
    <message>
        <source>Percentages are completion rates; hover a cell for the share of units fully met.</source>
        <translation>百分比为完成度；鼠标悬停单元格可看达标单位占比。</translation>
    </message>
    <message>
        <source>Rectification order issued, due {deadline}; the Supervision page lists it.</source>
        <translation>已下达整改通知，限 {deadline} 前整改完毕，可在“督导整改”页查看。</translation>
    </message>
    <message>
        <source>Save every gap shown here, village by village, as a CSV file for Excel or WPS</source>
        <translation>将本页显示的全部问题按村（社区）逐条保存为 CSV 文件，可用 Excel 或 WPS 打开</translation>
    </message>
    <message>
        <source>The campaign {name} has no enabled targets: switch at least one target rule on to see coverage.</source>
        <translation>专项行动“{name}”没有启用任何达标指标：请至少启用一项指标后再查看。</translation>
    </message>
    <message>
        <source>There are no targets to measure its coverage against.</source>
        <translation>暂时无法计算该镇的达标情况。</translation>
    </message>
    <message>
        <source>Under 50 % / no data</source>
        <translation>低于 50%／无数据</translation>
    </message>
    <message>
        <source>{count} gap(s) exported to {name}</source>
        <translation>已导出 {count} 条问题到 {name}</translation>
    </message>
    <message>
        <source>{name} ({start} to {end})</source>
        <translation>{name}（{start} 至 {end}）</translation>
    </message>
    <message>
        <source>{period}
computed at {time}</source>
        <translation>{period}
计算于 {time}</translation>
    </message>
    <message>
        <source>· all villages</source>
        <translation>· 全部村（社区）</translation>
    </message>
    <message>
        <source>· {township}</source>
        <translation>· {township}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Computing coverage…</source>
        <translation>正在计算达标情况…</translation>
    </message>
    <message>
        <source>Counting activities…</source>
        <translation>正在统计宣传活动…</translation>
    </message>
    <message>
        <source>Counting orders and cases…</source>
        <translation>正在统计整改通知单和案件…</translation>
    </message>
    <message>
        <source>Pooling surveys…</source>
        <translation>正在汇总问卷调查…</translation>
    </message>
    <message>
        <source>Putting the tiles together…</source>
        <translation>正在汇总看板指标…</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>All townships</source>
        <translation>全县各乡镇</translation>
    </message>
    <message>
        <source>All townships of {county}</source>
        <translation>{county}各乡镇</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Click a village&apos;s bar to open its coverage</source>
        <translation>点击某村（社区）的柱形，查看其达标详情</translation>
    </message>
    <message>
        <source>Could not load the dashboard.</source>
        <translation>看板数据加载失败。</translation>
    </message>
    <message>
        <source>Every township · updated at {time}</source>
        <translation>全县各乡镇 · 更新于 {time}</translation>
    </message>
    <message>
        <source>Keeping the charts&apos; text</source>
        <translation>保留图表中的文字</translation>
    </message>
    <message>
        <source>Loading the charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Loading the dashboard</source>
        <translation>正在加载领导看板</translation>
    </message>
    <message>
        <source>Loading the townships</source>
        <translation>正在读取各乡镇</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>尚无专项行动</translation>
    </message>
    <message>
        <source>Not drawn: the dashboard could not be loaded.</source>
        <translation>未能绘制：看板数据加载失败。</translation>
    </message>
    <message>
        <source>Out of date: reloaded when shown.</source>
        <translation>数据已有变化，显示本页时重新加载。</translation>
    </message>
    <message>
        <source>Preparing the charts</source>
        <translation>正在准备图表</translation>
    </message>
    <message>
        <source>Present (F5)</source>
        <translation>演示模式（F5）</translation>
    </message>
    <message>
        <source>Ranking the last months</source>
        <translation>正在排出最近几个月的名次</translation>
    </message>
    <message>
        <source>Show the charts full screen, one at a time, for a meeting</source>
        <translation>全屏逐张展示图表，供会议汇报使用</translation>
    </message>
    <message>
        <source>The dashboard has nothing to show for it.</source>
        <translation>领导看板暂时无法显示该镇的情况。</translation>
    </message>
    <message>
        <source>There is no campaign yet, so the dashboard has nothing to show.

Create one with the menu Campaign → Campaigns…: give it a name, its first and last day and its phases. It starts with the township plans&apos; default targets; this page then shows how every village is doing, in numbers and charts ready for a meeting.</source>
        <translation>尚未设立专项行动，看板暂无内容。

请通过菜单“行动 → 专项行动…”新建专项行动，填写名称、起止日期和各阶段。新建的专项行动自动载入镇里方案中的默认达标指标，本页随后即以数字和图表展示各村（社区）的工作进展，可直接用于会议汇报。</translation>
    </message>
    <message>
        <source>Townshi&amp;p</source>
        <translation>乡镇(&amp;P)</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Whole township</source>
        <translation>全乡镇</translation>
    </message>
    <message>
        <source>{chart} · {period}</source>
        <translation>{chart} · {period}</translation>
    </message>
    <message>
        <source>{period} · updated at {time}</source>
        <translation>{period} · 更新于 {time}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>DashboardTiles</name>
    <message numerus="yes">
        <source>%n due within 7 days</source>
        <translation>
            <numerusform>7 天内到期 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>逾期 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>95% interval {low}–{high} · target {target}</source>
        <translation>95%置信区间 {low}–{high} · 目标 {target}</translation>
    </message>
    <message>
        <source>Activities in {month}</source>
        <translation>{month}宣传活动（场次）</translation>
    </message>
    <message>
        <source>Awareness rate</source>
        <translation>群众知晓率</translation>
    </message>
    <message>
        <source>Between phases</source>
        <translation>阶段之间</translation>
    </message>
    <message>
        <source>Bottom months running</source>
        <translation>连续几期排名后几名</translation>
    </message>
    <message>
        <source>Campaign day</source>
        <translation>行动进度（天）</translation>
    </message>
    <message>
        <source>Click to open the rectification orders.</source>
        <translation>点击打开整改通知单。</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>达标指数</translation>
    </message>
    <message>
        <source>Could not rank the last months</source>
        <translation>最近几个月的排名未能算出</translation>
    </message>
    <message>
        <source>Due within 7 days:</source>
        <translation>7天内到期：</translation>
    </message>
    <message>
        <source>Fraud cases in {month}</source>
        <translation>{month}发案数</translation>
    </message>
    <message numerus="yes">
        <source>In the bottom {n}, %n months running</source>
        <translation>
            <numerusform>连续%n期排名后{n}名</numerusform>
        </translation>
    </message>
    <message>
        <source>Next report deadline</source>
        <translation>下一报送期限</translation>
    </message>
    <message>
        <source>Next: {title} · {date}</source>
        <translation>下一项：{title} · {date}</translation>
    </message>
    <message>
        <source>No deadline ahead</source>
        <translation>暂无待报送事项</translation>
    </message>
    <message>
        <source>No survey yet · target {target}</source>
        <translation>暂无问卷调查 · 目标 {target}</translation>
    </message>
    <message>
        <source>None up to {month}</source>
        <translation>截至{month}没有</translation>
    </message>
    <message>
        <source>Not reported by the police station yet</source>
        <translation>派出所尚未报送</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>Overdue until marked sent (outreach-desk campaign sent TITLE --month YYYY-MM):
{lines}</source>
        <translation>标记已报送之前一直显示逾期（outreach-desk campaign sent 事项 --month 年-月）：
{lines}</translation>
    </message>
    <message>
        <source>Overdue:</source>
        <translation>已逾期：</translation>
    </message>
    <message>
        <source>People reached in {month}</source>
        <translation>{month}覆盖人次</translation>
    </message>
    <message>
        <source>Phase: {phase}</source>
        <translation>当前阶段：{phase}</translation>
    </message>
    <message>
        <source>Ranking the last months…</source>
        <translation>正在排出最近几个月的名次…</translation>
    </message>
    <message>
        <source>Rectification overdue / due</source>
        <translation>整改逾期 / 将到期</translation>
    </message>
    <message>
        <source>Report deadlines</source>
        <translation>报送期限</translation>
    </message>
    <message>
        <source>Same as last month</source>
        <translation>与上月持平</translation>
    </message>
    <message>
        <source>Same month last year: {year} · last month: {month}</source>
        <translation>去年同月：{year}起 · 上月：{month}起</translation>
    </message>
    <message>
        <source>Share of the targets met, all villages together</source>
        <translation>各村（社区）各项指标的综合完成度</translation>
    </message>
    <message>
        <source>Target {target}</source>
        <translation>目标 {target}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天截止</translation>
    </message>
    <message numerus="yes">
        <source>Villages among the last %n of the ranking in each of the months up to {month}</source>
        <translation>
            <numerusform>截至{month}，连续几个月都排在排名最后%n名的村（社区）</numerusform>
        </translation>
    </message>
    <message>
        <source>Villages lagging</source>
        <translation>落后村（社区）</translation>
    </message>
    <message>
        <source>YoY {yoy} · MoM {mom}</source>
        <translation>同比{yoy}，环比{mom}</translation>
    </message>
    <message>
        <source>of {count} villages</source>
        <translation>共 {count} 个村（社区）</translation>
    </message>
    <message>
        <source>{arrow} {amount} vs the same days last month</source>
        <translation>较上月同期 {arrow} {amount}</translation>
    </message>
    <message>
        <source>{count} people surveyed</source>
        <translation>共调查 {count} 人</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>还剩 {days} 天</translation>
    </message>
    <message>
        <source>{day} / {days}</source>
        <translation>{day} / {days}</translation>
    </message>
    <message>
        <source>{month}: {count}</source>
        <translation>{month}：{count}</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}，另有{count}个</translation>
    </message>
    <message>
        <source>{overdue} / {due}</source>
        <translation>{overdue} / {due}</translation>
    </message>
    <message>
        <source>{title} · due {date}</source>
        <translation>{title} · {date} 到期</translation>
    </message>
    <message>
        <source>{title} · {date}</source>
        <translation>{title} · {date}</translation>
    </message>
    <message numerus="yes">
        <source>{village}: %n months ({months})</source>
        <translation>
            <numerusform>{village}：连续%n期（{months}）</numerusform>
        </translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>Connect to ser&amp;ver…</source>
        <translation>连接服务器(&amp;V)…</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>打开数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Outreach Desk databases ({patterns})</source>
        <translation>反诈宣传工作台数据库（{patterns}）</translation>
    </message>
    <message>
        <source>Outreach Desk databases ({patterns});;All files (*)</source>
        <translation>反诈宣传工作台数据库 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Recen&amp;t databases</source>
        <translation>最近的数据库(&amp;T)</translation>
    </message>
    <message>
        <source>Start an empty database for another township or year</source>
        <translation>为另一个乡镇或年度新建一个空数据库</translation>
    </message>
    <message>
        <source>The program could not be started on {path}.</source>
        <translation>无法在 {path} 上启动程序。</translation>
    </message>
    <message>
        <source>Work on the county&apos;s shared database on a PostgreSQL server</source>
        <translation>使用县里 PostgreSQL 服务器上的共用数据库</translation>
    </message>
    <message>
        <source>new township.db</source>
        <translation>新乡镇.db</translation>
    </message>
    <message>
        <source>{path} exists already. Choose a new name, or open it with File › Open database.</source>
        <translation>{path} 已存在。请另取一个名称，或通过“文件 › 打开数据库”打开它。</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>&quot;{text}&quot; is not a month; write it as YYYY-MM, e.g. 2026-11.</source>
        <translation>“{text}”不是月份，请写成 年-月，例如 2026-11。</translation>
    </message>
    <message>
        <source>Marked {label} as sent</source>
        <translation>标记{label}已报送</translation>
    </message>
    <message>
        <source>The campaign {campaign} has no report deadline called {title}.</source>
        <translation>行动“{campaign}”没有名为“{title}”的报送事项。</translation>
    </message>
    <message>
        <source>The report deadline no longer exists.</source>
        <translation>该报送期限已不存在。</translation>
    </message>
    <message>
        <source>{label} is no longer marked as sent</source>
        <translation>撤销{label}的已报送标记</translation>
    </message>
    <message>
        <source>{title} ({year}-{month})</source>
        <translation>{title}（{year}年{month}月）</translation>
    </message>
    <message>
        <source>{title} is not due for {month}.</source>
        <translation>{title}没有 {month} 的报送。</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message numerus="yes">
        <source>%n report(s) overdue. A report stays overdue until it is marked sent; closing a month marks that month&apos;s monthly reports.</source>
        <translation>
            <numerusform>逾期 %n 项。未标记已报送的材料一直显示逾期；“报送本月”会把该月的月报标记为已报送。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Mark as sent…</source>
        <translation>标记已报送(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Undo mark</source>
        <translation>撤销标记(&amp;U)</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message numerus="yes">
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>还剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天截止</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报送材料</translation>
    </message>
    <message>
        <source>Report deadlines</source>
        <translation>报送期限</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The campaign {name} has no report deadlines; add them when editing the campaign.</source>
        <translation>专项行动“{name}”还没有报送期限，可在编辑专项行动时添加。</translation>
    </message>
    <message>
        <source>There is no current campaign; its report deadlines are set under Campaign › Campaigns….</source>
        <translation>还没有当前专项行动；报送期限在“专项行动 › 专项行动…”中设置。</translation>
    </message>
    <message>
        <source>Undo mark</source>
        <translation>撤销标记</translation>
    </message>
    <message>
        <source>{label} counts as sent because a file is attached to it under File › Document archive; remove the file there to make it due again.</source>
        <translation>“{label}”已在“文件 › 材料归档”中附上文件，因此算作已报送；要恢复为待报送，请在那里删除该文件。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Commendation or criticism</source>
        <translation>表扬或批评</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>e.g. November 2026 (may stay empty)</source>
        <translation>如：2026年11月（可不填）</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <source>Commended / criticised</source>
        <translation>表扬 / 批评</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>From last month&apos;s ranking…</source>
        <translation>根据上月排名…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
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
    <name>DemoCommand</name>
    <message>
        <source>Activity records: {count}</source>
        <translation>活动记录：{count} 条</translation>
    </message>
    <message>
        <source>Database: {path} ({size:.1f} MB)</source>
        <translation>数据库：{path}（{size:.1f} MB）</translation>
    </message>
    <message>
        <source>Database: {server}</source>
        <translation>数据库：{server}</translation>
    </message>
    <message>
        <source>Demo data for {scale} (seed {seed}) generated in {seconds:.1f} s.</source>
        <translation>已生成{scale}的演示数据（随机种子 {seed}），用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Member units: {count}</source>
        <translation>成员单位：{count} 个</translation>
    </message>
    <message>
        <source>Sites: {count}</source>
        <translation>点位：{count} 个</translation>
    </message>
    <message>
        <source>Townships: {count}</source>
        <translation>乡镇：{count} 个</translation>
    </message>
    <message>
        <source>Villages and communities: {count}</source>
        <translation>村（社区）：{count} 个</translation>
    </message>
    <message>
        <source>{label}: {count}</source>
        <translation>{label}：{count}</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Attached {name} to {title}</source>
        <translation>为“{title}”附上文件 {name}</translation>
    </message>
    <message>
        <source>Removed {name} from {title}</source>
        <translation>从“{title}”移除文件 {name}</translation>
    </message>
    <message>
        <source>The attached file is no longer in the archive.</source>
        <translation>该文件已不在材料归档中。</translation>
    </message>
    <message>
        <source>The campaign asks for no document called {title}; it asks for: {names}.</source>
        <translation>本次专项行动没有名为“{title}”的材料；需要报送的材料有：{names}。</translation>
    </message>
    <message>
        <source>The campaign asks for no document: add its deadlines (总结, 典型案例, 经验做法 …) to the campaign first.</source>
        <translation>本次专项行动还没有需要报送的材料：请先在专项行动中添加材料的报送期限（总结、典型案例、经验做法等）。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is no longer in the file store {folder}; attach it again.</source>
        <translation>{name} 已不在文件库 {folder} 中，请重新附上。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; documents larger than {limit} MB are not kept.</source>
        <translation>{name} 有 {size} MB，超过 {limit} MB 的材料不予保存。</translation>
    </message>
    <message>
        <source>{name} no longer exists.</source>
        <translation>{name} 已不存在。</translation>
    </message>
    <message>
        <source>{name}, attached to {title}, is missing from the file store {folder}. Restore the folder from a backup, or take the file off the document.</source>
        <translation>“{title}”所附的 {name} 在文件库 {folder} 中找不到了。请从备份恢复该文件夹，或把这个文件从材料中移除。</translation>
    </message>
</context>
<context>
    <name>DocumentsCommand</name>
    <message numerus="yes">
        <source>%n documents overdue: attach them with outreach-desk documents attach DEADLINE FILE.</source>
        <translation>
            <numerusform>有 %n 项材料已逾期：请用 outreach-desk documents attach 期限名称 文件 附上文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files attached to {title}.</source>
        <translation>
            <numerusform>已为“{title}”附上 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Document</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>OVERDUE by {days} days</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <source>attached (%n files)</source>
        <translation>
            <numerusform>已附文件（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>due in {days} days</source>
        <translation>还有 {days} 天到期</translation>
    </message>
    <message>
        <source>marked sent {date}, no file</source>
        <translation>已于 {date} 标记报送，未附文件</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message numerus="yes">
        <source>%n files attached to {title}.</source>
        <translation>
            <numerusform>已为“{title}”附上 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>附上文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>A document stays overdue until a file is attached. Drop files on this window to attach them to the selected document; the month&apos;s upward package takes the files attached in that month.</source>
        <translation>材料附上文件前一直算作逾期。把文件拖到本窗口，即附到选中的材料上；当月的上报包会带上当月附上的文件。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附上文件</translation>
    </message>
    <message>
        <source>Attach files to {title}</source>
        <translation>为“{title}”附上文件</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>已附文件</translation>
    </message>
    <message>
        <source>Attached on</source>
        <translation>附上时间</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Document archive</source>
        <translation>材料归档</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>文档 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message numerus="yes">
        <source>Due in %n days</source>
        <translation>
            <numerusform>还有 %n 天到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked sent {date}, no file</source>
        <translation>已于 {date} 标记报送，未附文件</translation>
    </message>
    <message>
        <source>No campaign has been set up yet: create one under Campaign › Campaigns…</source>
        <translation>还没有建立专项行动：请在“行动 › 专项行动…”中新建。</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n days</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Remove {name} from {title}</source>
        <translation>从“{title}”移除 {name}</translation>
    </message>
    <message>
        <source>Select the document the files belong to, then drop them again.</source>
        <translation>请先选中文件所属的材料，再把文件拖进来。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>{name} is missing from the file store; restore the folder from a backup or attach it again.</source>
        <translation>文件库中找不到 {name}：请从备份恢复文件夹，或重新附上。</translation>
    </message>
    <message>
        <source>{name} removed from {title} (Ctrl+Z brings it back).</source>
        <translation>已从“{title}”移除 {name}（按 Ctrl+Z 可恢复）。</translation>
    </message>
</context>
<context>
    <name>DraftOrdersDialog</name>
    <message numerus="yes">
        <source>%n of the ticked rows are hidden by the search and will be issued too; clear the search to see them.</source>
        <translation>
            <numerusform>已勾选的行中有 %n 行被搜索条件隐藏，也会一并下达；清除搜索即可查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the selected order&apos;s responsible unit, dates or status</source>
        <translation>修改所选整改通知的责任单位、日期或状态</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message numerus="yes">
        <source>Issue %n order(s)</source>
        <translation>
            <numerusform>下达 %n 份整改通知</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders from the gap list</source>
        <translation>从问题清单下达整改</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Show only rows containing… (a village, a unit, a target)</source>
        <translation>输入村、单位或目标名称，只显示相关的行</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>勾选显示的各行</translation>
    </message>
    <message>
        <source>Tick the gaps to put right. Each row is the order it makes: edit what must be done and the deadline in place (double-click), or Change… for the rest. Orders are due in {days} days, but not after the campaign&apos;s last day.</source>
        <translation>勾选要整改的问题。每一行就是将下达的一份整改通知：整改事项和整改期限可直接双击修改，其他内容点“修改…”。整改期限默认为 {days} 天，但不晚于活动结束日。</translation>
    </message>
    <message>
        <source>Untick all shown</source>
        <translation>取消勾选显示的各行</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>{issue} ({hidden} not shown)</source>
        <translation>{issue}（另有 {hidden} 份未显示）</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message numerus="yes">
        <source>%n record(s) with the same date, place, activity and quantity exist already. Press Enter again to save this one anyway.</source>
        <translation>
            <numerusform>已有 %n 条日期、地点、活动类型和数量都相同的记录。如确认不是重复录入，再按一次回车保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>活动类型(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>具体地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Village</source>
        <translation>村/社区(&amp;V)</translation>
    </message>
    <message>
        <source>(no particular site)</source>
        <translation>（不指定点位）</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>宣传对象</translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>取消修改（Esc）</translation>
    </message>
    <message>
        <source>Changes saved. {key} undoes them.</source>
        <translation>修改已保存。按 {key} 可撤销。</translation>
    </message>
    <message>
        <source>Editing the record of {date} · {village}</source>
        <translation>正在修改：{date} · {village} 的记录</translation>
    </message>
    <message>
        <source>Fraud topics</source>
        <translation>诈骗类型</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新增记录</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Or&amp;ganised by</source>
        <translation>组织单位(&amp;G)</translation>
    </message>
    <message>
        <source>People &amp;reached</source>
        <translation>覆盖人数(&amp;R)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation>点位(&amp;I)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <source>Save changes (Enter)</source>
        <translation>保存修改（Enter）</translation>
    </message>
    <message>
        <source>Saved. {key} undoes it.</source>
        <translation>已保存。按 {key} 可撤销。</translation>
    </message>
    <message>
        <source>Saving the record…</source>
        <translation>正在保存记录…</translation>
    </message>
    <message>
        <source>Saving was cancelled; nothing was saved.</source>
        <translation>已取消保存，未保存任何内容。</translation>
    </message>
    <message>
        <source>Shift+Enter starts a new line</source>
        <translation>Shift+Enter 换行</translation>
    </message>
    <message>
        <source>The record you were editing no longer exists.</source>
        <translation>正在修改的记录已不存在。</translation>
    </message>
    <message>
        <source>There is no member unit called {name}.</source>
        <translation>没有名为“{name}”的成员单位。</translation>
    </message>
    <message>
        <source>e.g. square in front of the village committee</source>
        <translation>如：村委会门前广场</translation>
    </message>
    <message>
        <source>{township} · {village}</source>
        <translation>{township} · {village}</translation>
    </message>
    <message>
        <source>{village} has no site called {name}.</source>
        <translation>{village}没有名为“{name}”的点位。</translation>
    </message>
    <message>
        <source>{weekday} · later than today!</source>
        <translation>{weekday} · 晚于今天！</translation>
    </message>
    <message>
        <source>“{text}” is not a date; type it as 2026-11-05, 20261105, 11-5 or 11月5日.</source>
        <translation>“{text}”不是日期，请写成 2026-11-05、20261105、11-5 或 11月5日。</translation>
    </message>
</context>
<context>
    <name>EntryWorkbook</name>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>Awareness surveys</source>
        <translation>知晓率问卷调查</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>请从下拉列表中选择。</translation>
    </message>
    <message>
        <source>Choose names from the drop-down lists: the villages, sites, activity kinds and member units are those of the township&apos;s database on {date}. If one is missing, ask the township office for a new workbook.</source>
        <translation>名称请从下拉列表中选择：村（社区）、点位、活动类型和成员单位取自乡镇数据库（{date}）。如缺少某个名称，请向乡镇综治办索取新的录入表。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Dates are entered like 2026-11-05. Numbers are digits only, without units.</source>
        <translation>日期按 2026-11-05 的格式填写；数字只填数字，不带单位。</translation>
    </message>
    <message>
        <source>Do not use formulas or merged cells: the import takes values only. Save the file as .xlsx (CSV files in UTF-8 or GBK are accepted too).</source>
        <translation>不要使用公式和合并单元格，导入只认数值。文件请保存为 .xlsx（UTF-8 或 GBK 编码的 CSV 文件也可以）。</translation>
    </message>
    <message>
        <source>Enter a date between 2000-01-01 and a month from today, e.g. 2026-11-05.</source>
        <translation>请填写 2000-01-01 至今后一个月之间的日期，如 2026-11-05。</translation>
    </message>
    <message>
        <source>Enter a whole number of at least {minimum}.</source>
        <translation>请填写不小于 {minimum} 的整数。</translation>
    </message>
    <message>
        <source>Fill in one row per activity, survey or batch of parent letters. Keep the sheet names and the headers in row 1 as they are; optional columns may stay empty.</source>
        <translation>每项活动、每次问卷调查、每批家长信各填一行。工作表名称和第 1 行的表头不要改动；选填的列可以空着。</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Nothing is imported while any row is wrong. The township office then sends the file back with every wrong cell marked in red and a note saying what to change.</source>
        <translation>只要有一行填错，整个文件都不会导入。乡镇综治办会把文件退回，错误的单元格标成红色，并附批注说明怎样改。</translation>
    </message>
    <message>
        <source>Optional. Anything else worth knowing.</source>
        <translation>选填。其他需要说明的情况。</translation>
    </message>
    <message>
        <source>Optional. How the survey was done, from the list; a paper questionnaire when empty.</source>
        <translation>选填。调查方式，从下拉列表中选择；不填按纸质问卷计。</translation>
    </message>
    <message>
        <source>Optional. Letters signed by a parent and returned; not more than the letters handed out.</source>
        <translation>选填。家长签字后交回的份数，不能多于发放份数。</translation>
    </message>
    <message>
        <source>Optional. One or more audience groups from the list; separate several with 、</source>
        <translation>选填。一个或多个宣传对象，从列表中选择；多个用“、”隔开</translation>
    </message>
    <message>
        <source>Optional. One or more fraud topics from the list; separate several with 、</source>
        <translation>选填。一个或多个诈骗类型，从列表中选择；多个用“、”隔开</translation>
    </message>
    <message>
        <source>Optional. People reached, a whole number of 0 or more.</source>
        <translation>选填。覆盖人数，0 或以上的整数。</translation>
    </message>
    <message>
        <source>Optional. The class, when letters are counted class by class; at most 50 characters.</source>
        <translation>选填。按班级统计时填写班级，最多 50 个字。</translation>
    </message>
    <message>
        <source>Optional. The member unit that organised it, from the list.</source>
        <translation>选填。组织活动的成员单位，从下拉列表中选择。</translation>
    </message>
    <message>
        <source>Optional. The residential block, school, factory or other site, from the list; it must belong to the village.</source>
        <translation>选填。小区、学校、企业等点位，从下拉列表中选择，须属于所填的村（社区）。</translation>
    </message>
    <message>
        <source>Optional. Where exactly, e.g. the gate of the village committee; at most 200 characters.</source>
        <translation>选填。具体地点，如村委会门口，最多 200 个字。</translation>
    </message>
    <message>
        <source>Optional. Your own number for the row, unique within your village, e.g. 2026-11-001. With it, a corrected file sent again is recognised row by row.</source>
        <translation>选填。本行的自编号，本村内不重复，如 2026-11-001。填了编号，修改后重新报送的文件可以逐行识别。</translation>
    </message>
    <message>
        <source>Outreach activities</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>Parent letters</source>
        <translation>致家长的一封信</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Required. A whole number of at least 1: pieces hung or put up, events held, copies handed out, households visited.</source>
        <translation>必填。不小于 1 的整数：悬挂或张贴的条数、张数，举办的场次，发放的份数，走访的户数等。</translation>
    </message>
    <message>
        <source>Required. Choose the kind of activity from the list.</source>
        <translation>必填。从下拉列表中选择活动类型。</translation>
    </message>
    <message>
        <source>Required. Choose the village or community from the list.</source>
        <translation>必填。从下拉列表中选择村（社区）。</translation>
    </message>
    <message>
        <source>Required. How many answered correctly; not more than the people asked.</source>
        <translation>必填。答对（知晓）的人数，不能多于调查人数。</translation>
    </message>
    <message>
        <source>Required. How many people answered, a whole number of 0 or more.</source>
        <translation>必填。接受调查的人数，0 或以上的整数。</translation>
    </message>
    <message>
        <source>Required. Letters handed out; not more than the students.</source>
        <translation>必填。发放份数，不能多于学生数。</translation>
    </message>
    <message>
        <source>Required. Students of the school (or class), a whole number of at least 1.</source>
        <translation>必填。全校（或该班）学生数，不小于 1 的整数。</translation>
    </message>
    <message>
        <source>Required. The day of the activity, e.g. 2026-11-05.</source>
        <translation>必填。活动日期，如 2026-11-05。</translation>
    </message>
    <message>
        <source>Required. The day of the survey, e.g. 2026-11-05.</source>
        <translation>必填。调查日期，如 2026-11-05。</translation>
    </message>
    <message>
        <source>Required. The day the letters were handed out, e.g. 2026-11-05.</source>
        <translation>必填。发放日期，如 2026-11-05。</translation>
    </message>
    <message>
        <source>Required. The school, from the list; it must belong to the village.</source>
        <translation>必填。从下拉列表中选择学校，须属于所填的村（社区）。</translation>
    </message>
    <message>
        <source>Several audience groups or fraud topics are separated with 、 for example 老年人、学生.</source>
        <translation>有多个宣传对象或诈骗类型时用“、”隔开，例如 老年人、学生。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: {title}</source>
        <translation>工作表“{sheet}”：{title}</translation>
    </message>
    <message>
        <source>What to enter</source>
        <translation>填写内容</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{township} anti-fraud outreach entry workbook: how to fill it in</source>
        <translation>{township}防范电信网络诈骗宣传录入表 填写说明</translation>
    </message>
    <message>
        <source>{township}Entry workbook {date}.xlsx</source>
        <translation>{township}反诈宣传录入表_{date}.xlsx</translation>
    </message>
    <message>
        <source>编号 (record number) is optional. If you may send a corrected file again, give every row a number of your own, unique within your village: rows imported before are then recognised and skipped. Without 编号, a row you change counts as a new row.</source>
        <translation>“编号”可以不填。如果以后可能修改后重新报送，请给每一行编一个本村内不重复的编号：重新报送时，已导入的行会被识别并跳过。不填编号时，改动过的行会被当作一条新记录。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Something went wrong: {error}
Your saved records are safe. The details below were written to the log; copy them and send them to whoever supports you.</source>
        <translation>程序出错：{error}
已保存的记录不受影响。下面的详细信息已写入日志；请复制后发给负责技术支持的人员。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行该操作</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Photo evidence</source>
        <translation>影像资料</translation>
    </message>
    <message>
        <source>Records of {kind} no longer need a photo</source>
        <translation>{kind}记录不再要求附照片</translation>
    </message>
    <message>
        <source>Records of {kind} now need a photo</source>
        <translation>{kind}记录须附照片</translation>
    </message>
    <message>
        <source>{village}: {missing} of {total} {kind} records lack photo evidence; add the photos to them</source>
        <translation>{village}：{kind}记录共{total}条，其中{missing}条缺影像资料，请补充照片</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <source>&amp;Import workbook…</source>
        <translation>导入录入表(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation>月报(&amp;M)…</translation>
    </message>
    <message>
        <source>An Excel workbook for village cadres to fill in, with drop-down lists of this database&apos;s villages, sites and activity kinds</source>
        <translation>生成供村（社区）干部填写的 Excel 录入表，带有本数据库中村（社区）、点位和活动类型的下拉列表</translation>
    </message>
    <message>
        <source>Check a filled entry workbook or CSV file and import all of its rows, or none</source>
        <translation>检查填好的录入表或 CSV 文件，全部正确才导入</translation>
    </message>
    <message>
        <source>Entry workbook</source>
        <translation>录入表</translation>
    </message>
    <message>
        <source>Entry workbooks and CSV files (*.xlsx *.xlsm *.csv *.txt);;All files (*)</source>
        <translation>录入表和 CSV 文件 (*.xlsx *.xlsm *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件被占用</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>导入录入表</translation>
    </message>
    <message>
        <source>Make &amp;entry workbook…</source>
        <translation>生成录入表(&amp;E)…</translation>
    </message>
    <message>
        <source>Make entry workbook</source>
        <translation>生成录入表</translation>
    </message>
    <message>
        <source>Making the entry workbook…</source>
        <translation>正在生成录入表…</translation>
    </message>
    <message>
        <source>Making the printed pages…</source>
        <translation>正在生成打印页面…</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>保存月报</translation>
    </message>
    <message>
        <source>The entry workbook was saved as {path}. Send it to the village cadres; when it comes back filled in, use File › Import workbook.</source>
        <translation>录入表已保存为 {path}。请发给村（社区）干部填写；交回后，用“文件 › 导入录入表”导入。</translation>
    </message>
    <message>
        <source>The monthly Excel report to the county: summary, targets, gaps, ledger, surveys and parent letters</source>
        <translation>生成上报县里的 Excel 月报：汇总、达标情况、问题清单、活动台账、问卷调查和家长信</translation>
    </message>
    <message>
        <source>The report for {period} was saved as {path} ({rows} activity records, {gaps} gaps).</source>
        <translation>{period}的月报已保存为 {path}（活动记录 {rows} 条，问题 {gaps} 项）。</translation>
    </message>
    <message>
        <source>Writing the monthly report…</source>
        <translation>正在生成月报…</translation>
    </message>
    <message>
        <source>{message}

Save under another name?</source>
        <translation>{message}

是否另存为其他文件名？</translation>
    </message>
</context>
<context>
    <name>ExcelFiles</name>
    <message>
        <source>The folder {folder} cannot be written to (it is read-only, write-protected or not yours). Choose another folder.</source>
        <translation>文件夹 {folder} 无法写入（只读、写保护或不属于您）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>{folder} is not a folder. Choose another folder.</source>
        <translation>{folder} 不是文件夹。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>{name} cannot be written: it is probably open in Excel or WPS. Close it there, or save under another name.</source>
        <translation>无法写入 {name}：该文件可能正在 Excel 或 WPS 中打开。请先关闭，或另存为其他文件名。</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <source>Awareness survey</source>
        <translation>知晓率问卷</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Checking stopped after {count} problems, at row {row}: the {rows} rows after it were not checked. Correct these problems and import the file again.</source>
        <translation>发现 {count} 个问题后在第 {row} 行停止检查：其后的 {rows} 行未检查。请改正这些问题后重新导入该文件。</translation>
    </message>
    <message>
        <source>Checking {sheet}: {rows} rows</source>
        <translation>正在检查“{sheet}”：{rows} 行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Import errors</source>
        <translation>导入错误</translation>
    </message>
    <message>
        <source>Imported from {name}</source>
        <translation>导入自 {name}</translation>
    </message>
    <message>
        <source>Imported {name}: {activities} activity record(s), {surveys} survey(s), {parent_letters} parent letter record(s); {skipped} row(s) imported before were skipped</source>
        <translation>导入 {name}：活动记录 {activities} 条、问卷调查 {surveys} 次、家长信记录 {parent_letters} 条；跳过此前已导入的 {skipped} 行</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Letters for this school and class on this date are recorded already; correct that record in Outreach Desk instead of importing it again.</source>
        <translation>该学校、该班级在这一天的家长信已有记录；请在工作台中修改那条记录，不要重复导入。</translation>
    </message>
    <message>
        <source>Merged cells {cells}: unmerge them and fill in every cell.</source>
        <translation>合并单元格 {cells}：请取消合并，并把每个单元格都填上。</translation>
    </message>
    <message>
        <source>No header row found in the first rows: row 1 must hold the column headers ({headers}).</source>
        <translation>前几行中找不到表头：第 1 行应是各列的表头（{headers}）。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Row {row} holds letters for the same school, class and date; add them up in one row.</source>
        <translation>第 {row} 行已有同一学校、同一班级、同一天的家长信，请合并成一行填写。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Site / school</source>
        <translation>点位 / 学校</translation>
    </message>
    <message>
        <source>The cell holds a formula ({formula}); imports take values only. Copy the column and paste it back as values (Paste Special › Values).</source>
        <translation>该单元格是公式（{formula}），导入只认数值。请复制这一列，再用“选择性粘贴 › 数值”粘贴回去。</translation>
    </message>
    <message>
        <source>The cell holds the error value {code} (a formula error, or a date out of range). Enter the value itself.</source>
        <translation>该单元格是错误值 {code}（公式出错，或日期超出范围），请直接填写数值。</translation>
    </message>
    <message>
        <source>The column appears twice; keep only one.</source>
        <translation>这一列出现了两次，请只保留一列。</translation>
    </message>
    <message>
        <source>The database changed while the file was being checked; nothing was imported. Check the file again.</source>
        <translation>检查文件期间数据库发生了变化，未导入任何内容。请重新检查该文件。</translation>
    </message>
    <message>
        <source>The date {date} lies outside {first} to {last}.</source>
        <translation>日期 {date} 不在 {first} 至 {last} 之间。</translation>
    </message>
    <message>
        <source>The file has {count} problem(s); nothing was imported. Correct them and import the file again.</source>
        <translation>文件中有 {count} 处错误，没有导入任何记录。请改正后重新导入。</translation>
    </message>
    <message>
        <source>The record number is longer than {limit} characters.</source>
        <translation>编号超过 {limit} 个字。</translation>
    </message>
    <message>
        <source>The record number {number} is used in row {row} already.</source>
        <translation>编号 {number} 已在第 {row} 行用过。</translation>
    </message>
    <message>
        <source>The required column {header} is missing.</source>
        <translation>缺少必填列“{header}”。</translation>
    </message>
    <message>
        <source>The sheet {sheet} has more than {limit} rows. Import at most {limit} rows at a time: split the file.</source>
        <translation>工作表“{sheet}”超过 {limit} 行。每次最多导入 {limit} 行，请把文件拆开。</translation>
    </message>
    <message>
        <source>The text contains an invisible control character (U+{code:04X}); delete it.</source>
        <translation>文字中有看不见的控制字符（U+{code:04X}），请删除。</translation>
    </message>
    <message>
        <source>The text is {length} characters long; at most {limit} are accepted.</source>
        <translation>文字长 {length} 个字，最多只能 {limit} 个字。</translation>
    </message>
    <message>
        <source>There is no activity kind named “{name}”.</source>
        <translation>没有名为“{name}”的活动类型。</translation>
    </message>
    <message>
        <source>There is no activity kind named “{name}”. Did you mean “{suggestion}”?</source>
        <translation>没有名为“{name}”的活动类型。是否是“{suggestion}”？</translation>
    </message>
    <message>
        <source>There is no member unit named “{name}”.</source>
        <translation>没有名为“{name}”的成员单位。</translation>
    </message>
    <message>
        <source>There is no member unit named “{name}”. Did you mean “{suggestion}”?</source>
        <translation>没有名为“{name}”的成员单位。是否是“{suggestion}”？</translation>
    </message>
    <message>
        <source>There is no village or community named “{name}”.</source>
        <translation>没有名为“{name}”的村（社区）。</translation>
    </message>
    <message>
        <source>There is no village or community named “{name}”. Did you mean “{suggestion}”?</source>
        <translation>没有名为“{name}”的村（社区）。是否是“{suggestion}”？</translation>
    </message>
    <message>
        <source>This column must be filled in.</source>
        <translation>这一列必须填写。</translation>
    </message>
    <message>
        <source>This copy holds the title and header rows and the rows with problems, each in its place; the other rows are as in your file.</source>
        <translation>此副本保留标题行、表头行和有问题的行，各在原位；其他行与您的文件相同。</translation>
    </message>
    <message>
        <source>This file was imported by {who} at {when} (as {name}).</source>
        <translation>这个文件已由{who}于{when}导入（文件名为 {name}）。</translation>
    </message>
    <message>
        <source>This row was imported on {date} and has been changed since; the change was not applied. Correct the record in the ledger if needed.</source>
        <translation>这一行已于 {date} 导入，之后内容有改动；改动没有导入。如需更正，请在台账中修改。</translation>
    </message>
    <message>
        <source>This sheet was not imported: it is none of 活动, 问卷调查 or 家长信 and its headers match none of them.</source>
        <translation>这张工作表没有导入：它不是“活动”“问卷调查”或“家长信”，表头也对不上其中任何一张。</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>quantity {quantity}, people {people}</source>
        <translation>数量 {quantity}，覆盖 {people} 人</translation>
    </message>
    <message>
        <source>{aware} of {respondents} aware</source>
        <translation>{respondents} 人中 {aware} 人知晓</translation>
    </message>
    <message>
        <source>{count} villages or communities are named “{name}” (in {townships}); import the file into one township at a time.</source>
        <translation>有 {count} 个村（社区）都叫“{name}”（分别在{townships}）；请按乡镇分别导入。</translation>
    </message>
    <message>
        <source>{name} has no sheet named 活动, 问卷调查 or 家长信, and no sheet whose first rows hold their column headers (日期, 村/社区, …). Use the entry workbook made by Outreach Desk.</source>
        <translation>{name} 中没有名为“活动”“问卷调查”或“家长信”的工作表，也没有哪张工作表的前几行是这些表的表头（日期、村/社区……）。请使用工作台生成的录入表。</translation>
    </message>
    <message>
        <source>{name} holds no rows to import: the sheets are empty below their headers.</source>
        <translation>{name} 中没有可导入的内容：各工作表表头下面都是空的。</translation>
    </message>
    <message>
        <source>{name} was imported by {who} at {when}, so it was not imported again; its records are in the ledger.</source>
        <translation>{name} 已由{who}于{when}导入，这次没有再导入；其中的记录已在台账中。</translation>
    </message>
    <message>
        <source>{place}: {message}</source>
        <translation>{place}：{message}</translation>
    </message>
    <message>
        <source>{reason} Nothing of {name} was imported.</source>
        <translation>{reason}{name} 中的内容均未导入。</translation>
    </message>
    <message>
        <source>{school}, class {class_name}</source>
        <translation>{school} {class_name}</translation>
    </message>
    <message>
        <source>{sheet}, row {row}</source>
        <translation>“{sheet}”第 {row} 行</translation>
    </message>
    <message>
        <source>{sheet}, row {row}, column {column}</source>
        <translation>“{sheet}”第 {row} 行“{column}”列</translation>
    </message>
    <message>
        <source>{sheet}, row {row}, column {column} ({cell})</source>
        <translation>“{sheet}”第 {row} 行“{column}”列（{cell}）</translation>
    </message>
    <message>
        <source>{signed} of {issued} signed back, {students} students</source>
        <translation>学生 {students} 人，发放 {issued} 份，签回 {signed} 份</translation>
    </message>
    <message>
        <source>{stem} (marked).xlsx</source>
        <translation>{stem}（已标注）.xlsx</translation>
    </message>
    <message>
        <source>{value} is far too large a number.</source>
        <translation>{value} 这个数太大了。</translation>
    </message>
    <message>
        <source>{village} has no site named “{name}”.</source>
        <translation>{village}没有名为“{name}”的点位。</translation>
    </message>
    <message>
        <source>{village} has no site named “{name}”. Did you mean “{suggestion}”?</source>
        <translation>{village}没有名为“{name}”的点位。是否是“{suggestion}”？</translation>
    </message>
    <message>
        <source>“{name}” belongs to {other}, not to {village}.</source>
        <translation>“{name}”属于{other}，不属于{village}。</translation>
    </message>
    <message>
        <source>“{name}” is not a school; parent letters are recorded for schools.</source>
        <translation>“{name}”不是学校；家长信只登记学校。</translation>
    </message>
    <message>
        <source>“{value}” is not a date.</source>
        <translation>“{value}”不是日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write it as 2026-11-05.</source>
        <translation>“{value}”不是日期，请按 2026-11-05 的格式填写。</translation>
    </message>
    <message>
        <source>“{value}” is not a real date.</source>
        <translation>“{value}”不是有效的日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number; enter digits only.</source>
        <translation>“{value}”不是整数，请只填数字。</translation>
    </message>
    <message>
        <source>“{value}” is not in the list. Did you mean “{suggestion}”?</source>
        <translation>“{value}”不在列表中。是否是“{suggestion}”？</translation>
    </message>
    <message>
        <source>“{value}” is not in the list; choose from: {choices}.</source>
        <translation>“{value}”不在列表中，请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>… and {count} more problems.</source>
        <translation>……还有 {count} 处错误。</translation>
    </message>
</context>
<context>
    <name>ExcelReader</name>
    <message>
        <source>The file {name} does not exist.</source>
        <translation>文件 {name} 不存在。</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>文件 {name} 是空的。</translation>
    </message>
    <message>
        <source>a cell or a reference holds a value of the wrong kind</source>
        <translation>某个单元格或引用中的值类型不对</translation>
    </message>
    <message>
        <source>a cell refers to a shared string the file does not hold</source>
        <translation>某个单元格引用了文件中不存在的共享字符串</translation>
    </message>
    <message>
        <source>a part of the zip archive is damaged</source>
        <translation>压缩包的某个部分已损坏</translation>
    </message>
    <message>
        <source>a row is numbered {number}, beyond the last row of a worksheet ({last:,})</source>
        <translation>有一行的行号是 {number}，超出了工作表的最后一行（{last:,}）</translation>
    </message>
    <message>
        <source>its XML is not well-formed</source>
        <translation>其 XML 格式不正确</translation>
    </message>
    <message>
        <source>its content is not what a spreadsheet program writes</source>
        <translation>其内容不是电子表格程序写出的格式</translation>
    </message>
    <message>
        <source>{name} cannot be read as an Excel workbook; it may be damaged ({reason}). Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>无法按 Excel 工作簿读取 {name}，文件可能已损坏（{reason}）。请在 Excel 或 WPS 中打开，重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>{name} has more than {limit} lines; at most {rows} rows can be imported at a time. Split the file.</source>
        <translation>{name} 超过 {limit} 行；每次最多导入 {rows} 行。请拆分文件。</translation>
    </message>
    <message>
        <source>{name} holds {count} parts; a workbook has far fewer. It is not accepted.</source>
        <translation>{name} 内含 {count} 个部件，正常的工作簿远没有这么多，不予接受。</translation>
    </message>
    <message>
        <source>{name} is a zip archive but not an Excel workbook.</source>
        <translation>{name} 是压缩包，但不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>{name} is an OpenDocument (.ods) spreadsheet. Save it as Excel Workbook (*.xlsx) and import that file.</source>
        <translation>{name} 是 OpenDocument（.ods）表格。请另存为“Excel 工作簿（*.xlsx）”后导入。</translation>
    </message>
    <message>
        <source>{name} is an old Excel 97-2003 (.xls) file or a password-protected workbook. Open it in Excel or WPS, choose File › Save As › Excel Workbook (*.xlsx) without a password, and import the .xlsx file.</source>
        <translation>{name} 是旧版 Excel 97-2003（.xls）文件或设了密码的工作簿。请在 Excel 或 WPS 中打开，选择“文件 › 另存为 › Excel 工作簿（*.xlsx）”（不设密码），再导入 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{name} is damaged: it starts like an .xlsx file but is not a readable zip archive.</source>
        <translation>{name} 已损坏：它的开头像 .xlsx 文件，但不是可读取的压缩包。</translation>
    </message>
    <message>
        <source>{name} is neither UTF-8 nor GBK text. Save it as &quot;CSV UTF-8&quot; in Excel or WPS and import it again.</source>
        <translation>{name} 既不是 UTF-8 也不是 GBK 编码的文本。请在 Excel 或 WPS 中另存为“CSV UTF-8”后重新导入。</translation>
    </message>
    <message>
        <source>{name} is not a text file (it contains NUL characters); it cannot be read as CSV.</source>
        <translation>{name} 不是文本文件（含有 NUL 字符），不能按 CSV 读取。</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook (an .xlsx file is a zip archive, this one is not). If it is a CSV file, give it the extension .csv.</source>
        <translation>{name} 不是 Excel 工作簿（.xlsx 文件是压缩包，这个文件不是）。如果是 CSV 文件，请把扩展名改为 .csv。</translation>
    </message>
    <message>
        <source>{name} is {size}; CSV files larger than {limit} are not accepted. Split it into several files.</source>
        <translation>{name} 有 {size}，超过 {limit} 的 CSV 文件不予接受。请拆成几个文件。</translation>
    </message>
    <message>
        <source>{name} is {size}; workbooks larger than {limit} are not accepted. Split it into several files.</source>
        <translation>{name} 有 {size}，超过 {limit} 的工作簿不予接受。请拆成几个文件。</translation>
    </message>
    <message>
        <source>{name} would expand to {size} when opened (the limit is {limit}); it is not accepted. A zip bomb looks like this; a real entry workbook is far smaller.</source>
        <translation>{name} 打开后会展开到 {size}（上限为 {limit}），不予接受。“压缩炸弹”就是这样的；真正的录入表要小得多。</translation>
    </message>
    <message>
        <source>{name}, line {line}: the CSV file cannot be read (a field is longer than {limit} characters, or its quotes do not match).</source>
        <translation>{name}，第 {line} 行：无法读取此 CSV 文件（某个字段超过 {limit} 个字符，或引号不成对）。</translation>
    </message>
</context>
<context>
    <name>ExcelReport</name>
    <message>
        <source> A township whose packages of earlier months were never imported lacks their records: its figures over the campaign are low until they are.</source>
        <translation>“上报包”列写明哪些乡镇有月份的上报包从未导入：补入之前，这些乡镇按专项行动累计的数字缺少那几个月的记录，会偏低。</translation>
    </message>
    <message>
        <source> County total: records and people are the townships&apos; sums, the index is the mean of the townships&apos; indexes (each township weighs the same) and the awareness rate pools every township&apos;s surveys.</source>
        <translation>全县合计：活动数和覆盖人数为各乡镇之和，综合指数为各乡镇综合指数的平均值（每个乡镇权重相同），知晓率按全县全部问卷合并计算。</translation>
    </message>
    <message>
        <source>95% interval from</source>
        <translation>95%区间下限</translation>
    </message>
    <message>
        <source>95% interval to</source>
        <translation>95%区间上限</translation>
    </message>
    <message>
        <source>Activity ledger</source>
        <translation>活动台账</translation>
    </message>
    <message>
        <source>Activity records of the month by kind.</source>
        <translation>本月各村（社区）按活动类型统计的活动记录数。</translation>
    </message>
    <message>
        <source>Against 80%</source>
        <translation>对照80%目标</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>宣传对象</translation>
    </message>
    <message>
        <source>Aware</source>
        <translation>知晓人数</translation>
    </message>
    <message>
        <source>Awareness rate</source>
        <translation>知晓率</translation>
    </message>
    <message>
        <source>Awareness surveys</source>
        <translation>问卷调查</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>综合指数</translation>
    </message>
    <message>
        <source>Compliance index by village</source>
        <translation>各村（社区）综合指数</translation>
    </message>
    <message>
        <source>Computing coverage…</source>
        <translation>正在计算达标情况…</translation>
    </message>
    <message>
        <source>County total</source>
        <translation>全县合计</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date of report: {date}</source>
        <translation>填报日期：{date}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Each cell is the fulfilment of the target in that village (min(done, required) / required, averaged over its units); an awareness target shows the surveyed rate itself, as on 问卷调查 (pooled for the township); × and red mark a target not met; — means not applicable.</source>
        <translation>各格为该村（社区）该项指标的完成度（min(已完成, 指标) / 指标，按所含单位平均）；知晓率指标直接显示调查知晓率，与“问卷调查”表一致（乡镇合计为合并计算）；“×”及红色表示未达标，“—”表示不适用。</translation>
    </message>
    <message>
        <source>Every target is met.</source>
        <translation>各项目标均已达标。</translation>
    </message>
    <message>
        <source>Fraud topics</source>
        <translation>诈骗类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Letters issued</source>
        <translation>发放份数</translation>
    </message>
    <message>
        <source>Letters issued in the month; the signed rate is counted against the students (target 100%).</source>
        <translation>本月发放的家长信；签回率按学生数计算（目标 100%）。</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>还缺</translation>
    </message>
    <message>
        <source>No schools are recorded.</source>
        <translation>没有登记学校。</translation>
    </message>
    <message>
        <source>No village is recorded: there is nothing to chart.</source>
        <translation>尚未登记村（社区），没有可绘制的图表。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Not issued</source>
        <translation>未发放</translation>
    </message>
    <message>
        <source>Not signed back</source>
        <translation>未签回</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>上报包</translation>
    </message>
    <message>
        <source>Page &amp;P of &amp;N</source>
        <translation>第 &amp;P 页 共 &amp;N 页</translation>
    </message>
    <message>
        <source>Parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>覆盖人数</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点说明</translation>
    </message>
    <message>
        <source>Prepared by: {name}</source>
        <translation>填报人：{name}</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>活动合计</translation>
    </message>
    <message>
        <source>Records by kind</source>
        <translation>活动分类</translation>
    </message>
    <message>
        <source>Reporting unit: {unit}</source>
        <translation>填报单位：{unit}</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>调查人数</translation>
    </message>
    <message>
        <source>Reviewed by: {name}</source>
        <translation>审核人：{name}</translation>
    </message>
    <message>
        <source>Saving the workbook…</source>
        <translation>正在保存工作簿…</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Signed back</source>
        <translation>签回份数</translation>
    </message>
    <message>
        <source>Signed rate</source>
        <translation>签回率</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总表</translation>
    </message>
    <message>
        <source>Surveys of the month pooled per village; the 95% interval is Wilson&apos;s.</source>
        <translation>按村（社区）合并本月问卷；95% 区间为 Wilson 区间。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Targets met</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <source>The compliance index is the mean fulfilment of the campaign&apos;s targets (see 达标情况); the awareness rate pools the surveys of the month. Records by kind: see 活动分类; charts: 图表.</source>
        <translation>综合指数为本次行动各项指标完成度的平均值（见“达标情况”）；知晓率为本月问卷合并计算。按活动类型的统计见“活动分类”，图表见“图表”。</translation>
    </message>
    <message>
        <source>The dashboard&apos;s charts are left out: this computer has no Chinese font to write them with; install one (Microsoft YaHei or Noto Sans CJK, for example) and make the report again.</source>
        <translation>看板图表未写入：本机没有可用于绘制的中文字体；请安装一种（例如微软雅黑或思源黑体 Noto Sans CJK）后重新生成报表。</translation>
    </message>
    <message>
        <source>The dashboard&apos;s charts could not be drawn; the tables are complete.</source>
        <translation>统计图未能生成，各表数据完整。</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit of count</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What is missing, and where</source>
        <translation>缺什么、在哪里</translation>
    </message>
    <message>
        <source>What is still missing</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>Writing the activity ledger: {done} of {total} records…</source>
        <translation>正在写入活动台账：{done} / {total} 条…</translation>
    </message>
    <message>
        <source>below</source>
        <translation>未达到</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>no letters this month</source>
        <translation>本月无记录</translation>
    </message>
    <message>
        <source>not sent: {months}</source>
        <translation>未报送：{months}</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已达到</translation>
    </message>
    <message>
        <source>{chart} ({period})</source>
        <translation>{chart}（{period}）</translation>
    </message>
    <message>
        <source>{count} activity records.</source>
        <translation>共 {count} 条活动记录。</translation>
    </message>
    <message>
        <source>{office} anti-fraud outreach monthly report: {sheet} ({period})</source>
        <translation>{office}防范电信网络诈骗宣传工作月报·{sheet}（{period}）</translation>
    </message>
    <message>
        <source>{sheet} (continued)</source>
        <translation>{sheet}（续）</translation>
    </message>
    <message>
        <source>{sheet} (continued, {n})</source>
        <translation>{sheet}（续{n}）</translation>
    </message>
    <message>
        <source>{township} total</source>
        <translation>{township}合计</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>&amp;Add the township by hand…</source>
        <translation>手工添加乡镇(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import the organisation workbook…</source>
        <translation>导入组织架构表(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>以后再说(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Make the blank organisation workbook to fill in…</source>
        <translation>生成空白组织架构表供填写(&amp;M)…</translation>
    </message>
    <message>
        <source>A township of 20–30 villages is quickest from its Excel list: make the blank workbook, paste the office&apos;s lists into its sheets, and import it.</source>
        <translation>有20–30个村（社区）的乡镇，用 Excel 名单最快：生成空白工作簿，把办公室的名单粘贴到各工作表中，再导入。</translation>
    </message>
    <message>
        <source>This database holds no township yet. Set up the organisation (township, villages and communities, sites, member units) one of two ways:</source>
        <translation>此数据库中还没有乡镇。请用以下两种方式之一建立组织架构（乡镇、村和社区、场所、成员单位）：</translation>
    </message>
    <message>
        <source>Welcome to Outreach Desk</source>
        <translation>欢迎使用反诈宣传工作台</translation>
    </message>
</context>
<context>
    <name>FraudCases</name>
    <message>
        <source>A village of the grid is not part of the township any more; reload the month.</source>
        <translation>表格中的某个村已不属于本乡镇，请重新载入该月。</translation>
    </message>
    <message>
        <source>Corrected the {what}</source>
        <translation>更正了{what}</translation>
    </message>
    <message>
        <source>Entered the {what}</source>
        <translation>录入了{what}</translation>
    </message>
    <message>
        <source>Figures are whole numbers of 0 or more.</source>
        <translation>数字须为 0 或以上的整数。</translation>
    </message>
    <message>
        <source>Not placed in a village</source>
        <translation>未归属到村</translation>
    </message>
    <message>
        <source>Removed the {what}</source>
        <translation>删除了{what}</translation>
    </message>
    <message>
        <source>down {percent}</source>
        <translation>下降 {percent}</translation>
    </message>
    <message>
        <source>fraud-case figures of {place} for {year}-{month:02d}</source>
        <translation>{place} {year}-{month:02d} 的发案数据</translation>
    </message>
    <message>
        <source>level</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>no figure to compare with</source>
        <translation>无可比数据</translation>
    </message>
    <message>
        <source>up from 0 to {now}</source>
        <translation>由 0 增至 {now}</translation>
    </message>
    <message>
        <source>up {percent}</source>
        <translation>上升 {percent}</translation>
    </message>
    <message>
        <source>{value} is far too large for this figure.</source>
        <translation>{value} 对这一项来说过大。</translation>
    </message>
    <message>
        <source>{year}-{month} is not a month the figures can be kept for.</source>
        <translation>{year}-{month} 不是可以记录数据的月份。</translation>
    </message>
</context>
<context>
    <name>Gaps</name>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>people reached</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>records</source>
        <translation>次</translation>
    </message>
    <message>
        <source>required {quota}</source>
        <translation>应有 {quota}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first}或{second}</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>{formula} = {quota}</source>
        <translation>{formula} = {quota}</translation>
    </message>
    <message>
        <source>{unit}: awareness rate {rate} is below {target} ({aware} of {respondents} respondents aware)</source>
        <translation>{unit}：知晓率 {rate}，低于 {target}（问卷 {respondents} 份，知晓 {aware} 份）</translation>
    </message>
    <message>
        <source>{unit}: no awareness survey yet</source>
        <translation>{unit}：尚未开展知晓率问卷调查</translation>
    </message>
    <message>
        <source>{unit}: no parent letters issued yet ({students} students)</source>
        <translation>{unit}：尚未发放家长信（学生 {students} 人）</translation>
    </message>
    <message>
        <source>{unit}: no {kinds} yet</source>
        <translation>{unit}：尚无{kinds}</translation>
    </message>
    <message>
        <source>{unit}: no {kinds} yet in {window}</source>
        <translation>{unit}：{window}尚无{kinds}</translation>
    </message>
    <message>
        <source>{unit}: {missing} more people to reach through {kinds} ({formula}, {done} so far)</source>
        <translation>{unit}：{kinds}还需覆盖 {missing} 人（{formula}，已覆盖 {done}）</translation>
    </message>
    <message>
        <source>{unit}: {missing} {measure_unit} of {kinds} still missing ({formula}, {done} so far)</source>
        <translation>{unit}：还缺{kinds} {missing} {measure_unit}（{formula}，已有 {done}）</translation>
    </message>
    <message>
        <source>{unit}: {not_issued} parent letters not issued and {not_signed} not signed back ({students} students, {signed} signed)</source>
        <translation>{unit}：家长信未发放 {not_issued} 份、已发未签回 {not_signed} 份（学生 {students} 人，已签回 {signed} 份）</translation>
    </message>
    <message>
        <source>{unit}: {not_signed} parent letters not signed back ({students} students, {signed} signed)</source>
        <translation>{unit}：家长信未签回 {not_signed} 份（学生 {students} 人，已签回 {signed} 份）</translation>
    </message>
    <message>
        <source>{unit}: {window}: {missing} more people to reach through {kinds} ({formula}, {done} so far)</source>
        <translation>{unit}：{window}{kinds}还需覆盖 {missing} 人（{formula}，已覆盖 {done}）</translation>
    </message>
    <message>
        <source>{unit}: {window}: {missing} {measure_unit} of {kinds} still missing ({formula}, {done} so far)</source>
        <translation>{unit}：{window}还缺{kinds} {missing} {measure_unit}（{formula}，已有 {done}）</translation>
    </message>
    <message>
        <source>{village}: {amount} {measure_unit} of {kinds} are recorded at no {sites} and count for no target: choose the site in those records</source>
        <translation>{village}：有{kinds} {amount} {measure_unit}没有记到{sites}名下，不计入目标：请在这些记录中选择点位</translation>
    </message>
    <message>
        <source>{village}: {amount} {measure_unit} of {kinds} logged here count for no target, because no {sites} is registered in the village: register it (organisation tree) and record them at it</source>
        <translation>{village}：已登记{kinds} {amount} {measure_unit}，但本村（社区）没有登记{sites}，不计入目标：请在组织架构中登记后把记录归到该点位</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>Note: {notice}</source>
        <translation>提示：{notice}</translation>
    </message>
    <message>
        <source>The annotated copy could not be written: {reason}</source>
        <translation>无法写入标注副本：{reason}</translation>
    </message>
    <message>
        <source>The wrong cells are marked in {path}.</source>
        <translation>错误的单元格已在 {path} 中标出。</translation>
    </message>
    <message>
        <source>{activities} activities, {surveys} surveys, {letters} parent letter records</source>
        <translation>活动 {activities} 条、问卷 {surveys} 条、家长信 {letters} 条</translation>
    </message>
    <message>
        <source>{count} row(s) had been imported before and were skipped.</source>
        <translation>{count} 行以前已导入，已跳过。</translation>
    </message>
    <message>
        <source>{count} row(s) were imported before and would be skipped.</source>
        <translation>{count} 行以前已导入，将被跳过。</translation>
    </message>
    <message>
        <source>{name}: imported {activities} activities, {surveys} surveys and {letters} parent letter records.</source>
        <translation>{name}：已导入活动 {activities} 条、问卷 {surveys} 条、家长信 {letters} 条。</translation>
    </message>
    <message>
        <source>{name}: no problems. Would import {counts}.</source>
        <translation>{name}：没有错误。可导入{counts}。</translation>
    </message>
    <message>
        <source>{name}: {count} problem(s); nothing was imported.</source>
        <translation>{name}：有 {count} 处错误，没有导入任何记录。</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>……还有 {count} 处。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Import {count} rows</source>
        <translation>导入 {count} 行(&amp;I)</translation>
    </message>
    <message>
        <source>A copy of the file with every wrong cell marked red and explained, to send back to the village</source>
        <translation>生成文件副本，把每个错误单元格标红并加说明，退回给村（社区）</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>Every row of {name} was imported before; there is nothing new.</source>
        <translation>{name} 的每一行以前都已导入，没有新内容。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Import workbook — {name}</source>
        <translation>导入录入表 — {name}</translation>
    </message>
    <message>
        <source>Imported {activities} activities, {surveys} surveys and {letters} parent letter records from {name}.</source>
        <translation>已从 {name} 导入活动 {activities} 条、问卷 {surveys} 条、家长信 {letters} 条。</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Marked copy saved as {path}.</source>
        <translation>标注副本已保存为 {path}。</translation>
    </message>
    <message>
        <source>Problems and notes</source>
        <translation>错误和提示</translation>
    </message>
    <message>
        <source>Re&amp;open {months}…</source>
        <translation>重新打开{months}(&amp;O)…</translation>
    </message>
    <message>
        <source>Rows fall in a month that was sent and closed: reopen it with a reason, then the file is checked again</source>
        <translation>有的行落在已报送并关闭的月份：写明原因重新打开该月后，程序会重新检查这个文件</translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation>文件中的各行</translation>
    </message>
    <message>
        <source>Save &amp;marked copy…</source>
        <translation>保存标注副本(&amp;M)…</translation>
    </message>
    <message>
        <source>Save marked copy</source>
        <translation>保存标注副本</translation>
    </message>
    <message>
        <source>Writing the marked copy…</source>
        <translation>正在写入标注副本…</translation>
    </message>
    <message>
        <source>{count} problem(s) in {name}. Nothing can be imported until they are corrected: send the marked copy back to the village.</source>
        <translation>{name} 中有 {count} 处错误。改正之前不能导入：请把标注副本退回给村（社区）。</translation>
    </message>
    <message>
        <source>{count} row(s) were imported before and will be skipped.</source>
        <translation>{count} 行以前已导入，将被跳过。</translation>
    </message>
    <message>
        <source>{name} has no problems: {activities} activities, {surveys} surveys and {letters} parent letter records are ready to import.</source>
        <translation>{name} 没有错误：可以导入活动 {activities} 条、问卷 {surveys} 条、家长信 {letters} 条。</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <source>Import of {name} undone</source>
        <translation>已撤销 {name} 的导入</translation>
    </message>
    <message>
        <source>Records imported from {name} have been given photos since; the import cannot be undone as a whole. Delete those records in the ledger.</source>
        <translation>从 {name} 导入的记录之后已添加照片，无法整体撤销这次导入。请在台账中逐条删除这些记录。</translation>
    </message>
    <message>
        <source>Undid the import of {name}: {count} record(s) deleted</source>
        <translation>已撤销 {name} 的导入：删除 {count} 条记录</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Targets concerned</source>
        <translation>涉及的目标</translation>
    </message>
    <message>
        <source>Tick the targets the findings concern.</source>
        <translation>勾选发现的问题所涉及的目标。</translation>
    </message>
</context>
<context>
    <name>Inspections</name>
    <message>
        <source>Brought back the decision on {name}</source>
        <translation>恢复了对 {name} 的决定</translation>
    </message>
    <message>
        <source>Brought back the inspection {what}</source>
        <translation>恢复了督导检查 {what}</translation>
    </message>
    <message>
        <source>Choose commendation or criticism.</source>
        <translation>请选择表扬或批评。</translation>
    </message>
    <message>
        <source>Choose one village or one member unit.</source>
        <translation>请选择一个村（社区）或一个成员单位。</translation>
    </message>
    <message>
        <source>Choose what was inspected: a village, a site or a member unit.</source>
        <translation>请选择检查对象：村（社区）、场所或成员单位。</translation>
    </message>
    <message>
        <source>Commended</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Criticised</source>
        <translation>批评</translation>
    </message>
    <message>
        <source>Deleted the decision on {name}</source>
        <translation>删除了对 {name} 的决定</translation>
    </message>
    <message>
        <source>Deleted the inspection {what}</source>
        <translation>删除了督导检查 {what}</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <source>Name the inspectors.</source>
        <translation>请填写检查人员。</translation>
    </message>
    <message>
        <source>Recorded the commendation: {reason}</source>
        <translation>记录了表扬：{reason}</translation>
    </message>
    <message>
        <source>Recorded the criticism: {reason}</source>
        <translation>记录了批评：{reason}</translation>
    </message>
    <message>
        <source>Recorded the inspection {what}</source>
        <translation>记录了督导检查 {what}</translation>
    </message>
    <message>
        <source>The decision no longer exists.</source>
        <translation>该决定已不存在。</translation>
    </message>
    <message>
        <source>The inspection no longer exists.</source>
        <translation>该督导检查已不存在。</translation>
    </message>
    <message>
        <source>The inspection&apos;s date {date} is in the future.</source>
        <translation>督导检查日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>Write down what the inspection found.</source>
        <translation>请填写检查发现的情况。</translation>
    </message>
    <message>
        <source>{date} by {inspectors}</source>
        <translation>{date}，检查人员：{inspectors}</translation>
    </message>
    <message>
        <source>{period}: {measure} {value}, rank {rank}</source>
        <translation>{period}：{measure} {value}，排名第 {rank}</translation>
    </message>
    <message>
        <source>{period}: {measure} {value}, rank {rank} ({change} on the previous period)</source>
        <translation>{period}：{measure} {value}，排名第 {rank}（较上期{change}）</translation>
    </message>
    <message>
        <source>{reason}, in the bottom {n} for {length} periods running</source>
        <translation>{reason}，连续{length}期排名后{n}名</translation>
    </message>
</context>
<context>
    <name>InspectionsTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Issue a rectification order for what the selected inspection found</source>
        <translation>就选中的督导检查发现的问题下达整改通知</translation>
    </message>
    <message>
        <source>New inspection…</source>
        <translation>新增督导检查…</translation>
    </message>
    <message>
        <source>Order a rectification…</source>
        <translation>下达整改…</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>{findings} (targets: {targets})</source>
        <translation>{findings}（涉及目标：{targets}）</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>{site} ({village})</source>
        <translation>{site}（{village}）</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>The database {path} is already open in Outreach Desk ({where}). Only one window may change it at a time.</source>
        <translation>数据库 {path} 已在反诈宣传工作台中打开（{where}）。同一时间只能有一个窗口修改它。</translation>
    </message>
    <message>
        <source>The database {path} is on a network folder ({kind}). SQLite is not safe over network shares: two computers writing to it, or a dropped connection, can damage it. Keep the database on this computer&apos;s own disk; share the monthly reports instead, or ask for a server database.</source>
        <translation>数据库 {path} 位于网络文件夹（{kind}）中。SQLite 数据库放在网络共享上并不安全：两台电脑同时写入或网络中断都可能损坏数据库。请把数据库放在本机硬盘上，需要共享时改为共享月报；或申请使用服务器数据库。</translation>
    </message>
    <message>
        <source>The folder of the database {path} cannot be written (a write-protected disk, a read-only folder or one that is not yours), so the database can only be read there, not changed.</source>
        <translation>数据库所在的文件夹 {path} 无法写入（磁盘有写保护、文件夹只读或不属于您），因此只能在那里读取数据库，不能修改。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>{reason} The lock file of the database must be an ordinary file; nothing was changed.</source>
        <translation>{reason}数据库的锁文件必须是普通文件；未做任何更改。</translation>
    </message>
    <message>
        <source>{reason} The lock file {path} cannot be made there, so the database can only be opened read-only.</source>
        <translation>{reason}无法在那里创建锁文件 {path}，因此数据库只能以只读方式打开。</translation>
    </message>
    <message>
        <source>{user} on {host} since {since}</source>
        <translation>{user} 在 {host} 上，自 {since} 起</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
</context>
<context>
    <name>KindsDialog</name>
    <message>
        <source>&amp;Add kind</source>
        <translation>添加类型(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Chinese name:</source>
        <translation>中文名称(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;English name:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>重新启用(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Unit (Chinese):</source>
        <translation>计量单位（中文）(&amp;U)：</translation>
    </message>
    <message>
        <source>Activity kinds</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Each record needs a &amp;photo (影像资料)</source>
        <translation>每条记录须附照片（影像资料）(&amp;P)</translation>
    </message>
    <message>
        <source>New activity kind</source>
        <translation>新增活动类型</translation>
    </message>
    <message>
        <source>Unit (E&amp;nglish):</source>
        <translation>计量单位（英文）(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. pieces, sessions</source>
        <translation>如：条、场、份</translation>
    </message>
</context>
<context>
    <name>KindsTableModel</name>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Each record of this kind needs at least one photo; records without one are listed as 缺影像资料 in the gap list, the report and the upward package</source>
        <translation>这类活动的每条记录至少要有一张照片；没有照片的记录在问题清单、月报和上报包中列为“缺影像资料”</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Needs photo</source>
        <translation>须附照片</translation>
    </message>
    <message>
        <source>Own</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Added photos to the activity record {what}: {names}</source>
        <translation>为活动记录 {what} 添加了照片：{names}</translation>
    </message>
    <message>
        <source>Added the activity record {what}</source>
        <translation>新增活动记录：{what}</translation>
    </message>
    <message>
        <source>Brought back the activity record {what}</source>
        <translation>恢复活动记录：{what}</translation>
    </message>
    <message>
        <source>Choose a village or community.</source>
        <translation>请选择村（社区）。</translation>
    </message>
    <message>
        <source>Choose an activity kind.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Deleted the activity record {what}</source>
        <translation>删除活动记录：{what}</translation>
    </message>
    <message>
        <source>Edited the activity record {what}</source>
        <translation>修改活动记录：{what}</translation>
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
        <source>The search text is {count:,} characters long; the ledger can be searched for at most {limit:,} characters at a time. Search for a shorter part of it.</source>
        <translation>搜索内容长达 {count:,} 个字，台账一次最多只能搜索 {limit:,} 个字。请只搜索其中较短的一部分。</translation>
    </message>
    <message>
        <source>The site does not belong to the chosen village.</source>
        <translation>该点位不属于所选村（社区）。</translation>
    </message>
    <message>
        <source>This login may change only the records of its own township; the activity record was not changed.</source>
        <translation>这个登录用户只能修改本乡镇的记录，这条活动记录没有修改。</translation>
    </message>
    <message>
        <source>Took photos off the activity record {what}: {names}</source>
        <translation>从活动记录 {what} 移除了照片：{names}</translation>
    </message>
    <message>
        <source>Undid or redid an edit of the activity record {what}</source>
        <translation>撤销或重做了对活动记录 {what} 的修改</translation>
    </message>
    <message>
        <source>{date} {village} {kind}</source>
        <translation>{date} {village} {kind}</translation>
    </message>
    <message>
        <source>{who} saved this activity record at {when}, after you opened it; your changes were not written over theirs.</source>
        <translation>这条活动记录在您打开之后，已由{who}于{when}保存；您的修改没有覆盖对方的内容。</translation>
    </message>
</context>
<context>
    <name>LedgerCommands</name>
    <message>
        <source>, </source>
        <comment>between photo file names</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Add record ({date})</source>
        <translation>新增记录（{date}）</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete record ({date})</source>
        <translation>删除记录（{date}）</translation>
    </message>
    <message>
        <source>Edit record ({date})</source>
        <translation>修改记录（{date}）</translation>
    </message>
    <message>
        <source>Photos not brought back</source>
        <translation>照片未能恢复</translation>
    </message>
    <message>
        <source>The record of {date}: {names}</source>
        <translation>{date}的记录：{names}</translation>
    </message>
    <message>
        <source>The records are back, but {count} of their photos could not come back with them: the server removed these pictures when it cleared unused photos, more than a day after they were taken off their records, and this computer has no copy of them.
{lines}</source>
        <translation>记录已恢复，但其中{count}张照片无法随记录恢复：这些照片从记录上删除一天多后，服务器在清理无人使用的照片时已将其删去，本机也没有留存副本。
{lines}</translation>
    </message>
</context>
<context>
    <name>LedgerFilterBar</name>
    <message>
        <source>All activities</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>全部点位</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>清除全部筛选条件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Search place, notes, village or site</source>
        <translation>搜索地点、备注、村（社区）或点位</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>{township} · {village}</source>
        <translation>{township} · {village}</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Activity</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>宣传对象</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Fraud topics</source>
        <translation>诈骗类型</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>覆盖人数</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Could not count the records: {error}</source>
        <translation>无法统计记录：{error}</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>正在统计记录…</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s)</source>
        <translation>
            <numerusform>删除 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n record(s). Undo brings them back.</source>
        <translation>
            <numerusform>已删除 %n 条记录，可用“撤销”恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantity by unit: {units}</source>
        <translation>按单位合计数量：{units}</translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s) · quantity {quantity} · people reached {people}</source>
        <translation>
            <numerusform>共 {count} 条记录 · 数量合计 {quantity} · 覆盖人数 {people}</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} {unit}</source>
        <translation>{number} {unit}</translation>
    </message>
</context>
<context>
    <name>LedgerQuery</name>
    <message>
        <source>, </source>
        <comment>separator between audience or topic labels</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LetterForm</name>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;School</source>
        <translation>学校(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;lass</source>
        <translation>班级(&amp;L)</translation>
    </message>
    <message>
        <source>Editing the letters of {date} · {school}</source>
        <translation>正在修改 {date} · {school} 的家长信记录</translation>
    </message>
    <message>
        <source>Letters &amp;issued</source>
        <translation>发放份数(&amp;I)</translation>
    </message>
    <message>
        <source>New parent letters</source>
        <translation>新增家长信记录</translation>
    </message>
    <message>
        <source>Not yet signed: {not_signed} · not yet issued: {not_issued}</source>
        <translation>未签回 {not_signed} 份 · 未发放 {not_issued} 份</translation>
    </message>
    <message>
        <source>S&amp;tudents</source>
        <translation>学生数(&amp;T)</translation>
    </message>
    <message>
        <source>Signed &amp;back</source>
        <translation>签回份数(&amp;B)</translation>
    </message>
    <message>
        <source>Signed rate</source>
        <translation>签回率</translation>
    </message>
    <message>
        <source>There is no school called {name}.</source>
        <translation>没有名为“{name}”的学校。</translation>
    </message>
    <message>
        <source>empty: the whole school</source>
        <translation>不填即为全校</translation>
    </message>
    <message>
        <source>{rate} (target 100%)</source>
        <translation>{rate}（目标 100%）</translation>
    </message>
    <message>
        <source>{school} ({village})</source>
        <translation>{school}（{village}）</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <source>Added the parent letters {what}</source>
        <translation>新增家长信记录：{what}</translation>
    </message>
    <message>
        <source>Brought back the parent letters {what}</source>
        <translation>恢复家长信记录：{what}</translation>
    </message>
    <message>
        <source>Choose the school.</source>
        <translation>请选择学校。</translation>
    </message>
    <message>
        <source>Deleted the parent letters {what}</source>
        <translation>删除家长信记录：{what}</translation>
    </message>
    <message>
        <source>Edited the parent letters {what}</source>
        <translation>修改家长信记录：{what}</translation>
    </message>
    <message>
        <source>Enter the date the letters were handed out.</source>
        <translation>请填写家长信发放日期。</translation>
    </message>
    <message>
        <source>Letters for this school and class on this date are already recorded; edit that record instead.</source>
        <translation>该学校（班级）当天的家长信已有记录，请直接修改那条记录。</translation>
    </message>
    <message>
        <source>Letters issued must be a whole number of 0 or more.</source>
        <translation>发放份数须为 0 或以上的整数。</translation>
    </message>
    <message>
        <source>Letters signed back must be a whole number of 0 or more.</source>
        <translation>签回份数须为 0 或以上的整数。</translation>
    </message>
    <message>
        <source>Parent letters are recorded for schools; the chosen site is not a school.</source>
        <translation>家长信只对学校登记，所选场所不是学校。</translation>
    </message>
    <message>
        <source>Students must be a whole number of at least 1.</source>
        <translation>学生人数须为 1 或以上的整数。</translation>
    </message>
    <message>
        <source>The class name is longer than 50 characters.</source>
        <translation>班级名称超过 50 个字符。</translation>
    </message>
    <message>
        <source>The parent letter record no longer exists.</source>
        <translation>该家长信记录已不存在。</translation>
    </message>
    <message>
        <source>This login may change only the records of its own township; the parent letter figures were not changed.</source>
        <translation>这个登录用户只能修改本乡镇的记录，这条家长信记录没有修改。</translation>
    </message>
    <message>
        <source>{date} {school}: {signed} of {issued} signed back</source>
        <translation>{date} {school}：发放 {issued} 份，回执 {signed} 份</translation>
    </message>
    <message>
        <source>{issued} letters issued is more than the {students} students.</source>
        <translation>发放 {issued} 份，多于学生人数 {students} 人。</translation>
    </message>
    <message>
        <source>{signed} letters signed back is more than the {issued} issued.</source>
        <translation>签回 {signed} 份，多于发放的 {issued} 份。</translation>
    </message>
    <message>
        <source>{who} saved these parent letter figures at {when}, after you opened them; your changes were not written over theirs.</source>
        <translation>这条家长信记录在您打开之后，已由{who}于{when}保存；您的修改没有覆盖对方的内容。</translation>
    </message>
</context>
<context>
    <name>LettersModel</name>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放份数</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>No letters yet</source>
        <translation>尚未发放</translation>
    </message>
    <message>
        <source>No parent letters are recorded for this school in the period.</source>
        <translation>本期间内该校尚无家长信记录。</translation>
    </message>
    <message>
        <source>Not yet signed</source>
        <translation>未签回</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Signed back</source>
        <translation>签回份数</translation>
    </message>
    <message>
        <source>Signed rate</source>
        <translation>签回率</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Whole school</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>{count} students have not been given a letter.</source>
        <translation>尚有 {count} 名学生未发放家长信。</translation>
    </message>
    <message>
        <source>{signed} of {students} students&apos; letters signed back; {missing} still missing.</source>
        <translation>{students} 名学生中已签回 {signed} 份，还差 {missing} 份。</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message numerus="yes">
        <source>%n batch(es) of letters</source>
        <translation>
            <numerusform>家长信记录 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n school(s) below 100%</source>
        <translation>
            <numerusform>未达 100% 的学校 %n 所</numerusform>
        </translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>Letters by school, all dates (target: 100% signed back)</source>
        <translation>各校家长信签回情况（全部日期，目标：100% 签回）</translation>
    </message>
    <message>
        <source>Letters by school, {start} to {end} (target: 100% signed back)</source>
        <translation>各校家长信签回情况（{start} 至 {end}，目标：100% 签回）</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>{village}: all schools</source>
        <translation>{village}：全部学校</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About Outreach Desk</source>
        <translation>关于反诈宣传工作台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>行动(&amp;C)</translation>
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
        <source>&amp;Organisation</source>
        <translation>组织架构(&amp;O)</translation>
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
        <source>Audit trail</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Awareness surveys</source>
        <translation>知晓率调查</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>领导看板</translation>
    </message>
    <message>
        <source>Fraud cases</source>
        <translation>案件情况</translation>
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
        <source>Parent letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督导整改</translation>
    </message>
</context>
<context>
    <name>MemberUnitsDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>D&amp;uties:</source>
        <translation>职责分工(&amp;U)：</translation>
    </message>
    <message>
        <source>Delete member unit</source>
        <translation>删除成员单位</translation>
    </message>
    <message>
        <source>Delete the member unit {name}?</source>
        <translation>确定删除成员单位“{name}”吗？</translation>
    </message>
    <message>
        <source>Member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>新增(&amp;W)</translation>
    </message>
    <message>
        <source>New member unit</source>
        <translation>新成员单位</translation>
    </message>
    <message numerus="yes">
        <source>Organised %n activity record(s).</source>
        <translation>
            <numerusform>已组织 %n 条活动记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Township:</source>
        <translation>乡镇：</translation>
    </message>
    <message>
        <source>What this unit does in the campaign, e.g. lectures, case reports</source>
        <translation>该单位在专项行动中的职责，如：开展宣讲、通报典型案例</translation>
    </message>
</context>
<context>
    <name>MonthClosed</name>
    <message>
        <source>Month reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>The month is closed</source>
        <translation>该月已关闭</translation>
    </message>
    <message>
        <source>{month} is open again. Make the change once more.</source>
        <translation>{month}已重新打开，请再操作一次。</translation>
    </message>
</context>
<context>
    <name>MonthSummary</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Add the missing photos to the records listed in the photo index.</source>
        <translation>对照片索引中列出的缺影像资料记录，补齐活动照片。</translation>
    </message>
    <message>
        <source>Carry out the awareness surveys the campaign asks for.</source>
        <translation>按专项行动要求开展群众知晓率问卷调查。</translation>
    </message>
    <message>
        <source>Coverage and targets</source>
        <translation>覆盖和达标情况</translation>
    </message>
    <message>
        <source>Help the villages below 80 % catch up: {names}.</source>
        <translation>督促达标指数低于80%的村（社区）加快进度：{names}。</translation>
    </message>
    <message>
        <source>In {month} the campaign is in its phase &quot;{phase}&quot; (until {end}); the work follows that phase of the plan.</source>
        <translation>{month}专项行动处于“{phase}”阶段（至{end}），按方案该阶段的要求开展工作。</translation>
    </message>
    <message>
        <source>Keep recording every activity with its photos, and send the report of {month} on time.</source>
        <translation>坚持每项活动及时登记并留存影像资料，按时报送{month}的月报。</translation>
    </message>
    <message>
        <source>Photo evidence: {count} records of kinds that need a photo have none, in {villages}; they are listed in the package&apos;s photo index.</source>
        <translation>影像资料：须附照片的活动中有{count}条记录缺影像资料，涉及{villages}，明细见上报包中的照片索引。</translation>
    </message>
    <message>
        <source>Plan for next month</source>
        <translation>下月工作计划</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <source>Put right the problems above, each with who is responsible and by when.</source>
        <translation>针对上述问题逐项整改，明确责任人和完成时限。</translation>
    </message>
    <message>
        <source>Records by kind: {parts}.</source>
        <translation>其中：{parts}。</translation>
    </message>
    <message>
        <source>Summary of the anti-telecom-fraud outreach work of {township} in {month}</source>
        <translation>{township}{month}防范电信网络诈骗宣传工作总结</translation>
    </message>
    <message>
        <source>To {recipient}:</source>
        <translation>{recipient}：</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>主要工作开展情况</translation>
    </message>
    <message>
        <source>{kind} {count}</source>
        <translation>{kind}{count}项</translation>
    </message>
    <message>
        <source>{title} is due on {date}.</source>
        <translation>{title}须于{date}前完成。</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Change the order</source>
        <translation>修改整改通知</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达日期</translation>
    </message>
    <message>
        <source>Rectification order</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>整改事项</translation>
    </message>
</context>
<context>
    <name>OrderFilters</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>全部整改通知</translation>
    </message>
    <message>
        <source>Deadline from</source>
        <translation>整改期限从</translation>
    </message>
    <message>
        <source>Deadline within 7 days or past</source>
        <translation>7 天内到期或已逾期</translation>
    </message>
    <message>
        <source>Deadline: {start} to {end}</source>
        <translation>期限：{start} 至 {end}</translation>
    </message>
    <message>
        <source>Member unit</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Not put right yet</source>
        <translation>尚未整改到位</translation>
    </message>
    <message>
        <source>Orders chosen by:</source>
        <translation>导出的整改通知按以下条件筛选：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{filter}: {value}</source>
        <translation>{filter}：{value}</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Change a rectification order</source>
        <translation>修改整改通知</translation>
    </message>
    <message>
        <source>Commend and criticise from the ranking</source>
        <translation>根据排名表扬和批评</translation>
    </message>
    <message>
        <source>Commendations and criticisms</source>
        <translation>表扬与批评</translation>
    </message>
    <message>
        <source>Copying the photos…</source>
        <translation>正在复制照片……</translation>
    </message>
    <message>
        <source>Delete a commendation or criticism</source>
        <translation>删除表扬或批评</translation>
    </message>
    <message>
        <source>Delete a rectification order</source>
        <translation>删除整改通知</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Issue a rectification order</source>
        <translation>下达整改通知</translation>
    </message>
    <message>
        <source>Issue {count} rectification order(s) from the gap list</source>
        <translation>从问题清单下达 {count} 份整改通知</translation>
    </message>
    <message>
        <source>Record a commendation or criticism</source>
        <translation>记录表扬或批评</translation>
    </message>
    <message>
        <source>Record an inspection</source>
        <translation>记录督导检查</translation>
    </message>
    <message>
        <source>Rectification orders</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <source>The photos could not be copied: {reason}</source>
        <translation>照片未能复制：{reason}</translation>
    </message>
    <message>
        <source>{reason} Click a village of it in the organisation tree.</source>
        <translation>{reason}请在组织架构中点击该乡镇的某个村（社区）。</translation>
    </message>
    <message>
        <source>{shown} order(s) shown · {overdue} overdue · {week} due within 7 days</source>
        <translation>显示 {shown} 份 · 逾期 {overdue} 份 · 7 天内到期 {week} 份</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source> ({count} photos)</source>
        <translation>（照片{count}张）</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the orders</source>
        <translation>导出整改通知</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>From the gap list…</source>
        <translation>从问题清单…</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达日期</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新增整改通知…</translation>
    </message>
    <message>
        <source>Put right…</source>
        <translation>整改复查…</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>{count} order(s) exported to {path}.</source>
        <translation>已将 {count} 份整改通知导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>OrgImport</name>
    <message>
        <source> Did you mean “{suggestion}”?</source>
        <translation>是否是指“{suggestion}”？</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>A whole number from 0 to {limit} is needed here.</source>
        <translation>此处须填写 0 到 {limit} 之间的整数。</translation>
    </message>
    <message>
        <source>At most {limit} characters, please.</source>
        <translation>最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>Fill in the township&apos;s name on the sheet 乡镇.</source>
        <translation>请在“乡镇”表中填写乡镇名称。</translation>
    </message>
    <message>
        <source>Imported the organisation workbook {name}: {added} record(s) added, {changed} changed, {numbers} assigned number(s) set</source>
        <translation>导入组织架构表 {name}：新增 {added} 条记录，修改 {changed} 条，设置下达数量 {numbers} 项</translation>
    </message>
    <message>
        <source>One workbook describes one township: the sheet 乡镇 holds more than one row.</source>
        <translation>一个工作簿只描述一个乡镇：“乡镇”表中有不止一行。</translation>
    </message>
    <message>
        <source>The database holds {count} townships; fill in the township&apos;s name on the sheet 乡镇.</source>
        <translation>数据库中有 {count} 个乡镇；请在“乡镇”表中填写乡镇名称。</translation>
    </message>
    <message>
        <source>The database is about {stored}; this workbook names {name}. Use a database of its own for another township (File › New database…).</source>
        <translation>本数据库属于{stored}；此工作簿写的是{name}。其他乡镇请使用单独的数据库（文件 › 新建数据库…）。</translation>
    </message>
    <message>
        <source>The required column {header} is missing.</source>
        <translation>缺少必填列 {header}。</translation>
    </message>
    <message>
        <source>The sheet has more than {limit} rows.</source>
        <translation>该工作表超过 {limit} 行。</translation>
    </message>
    <message>
        <source>The sheet {sheet} has no header row with {headers}.</source>
        <translation>工作表 {sheet} 没有含 {headers} 的表头行。</translation>
    </message>
    <message>
        <source>The sheet {sheet} holds {table} as {other} does; keep one.</source>
        <translation>工作表 {sheet} 与 {other} 一样填的是{table}；请只保留一个。</translation>
    </message>
    <message>
        <source>The target {target} is counted in {unit} in another column.</source>
        <translation>{unit}的指标 {target} 已在另一列中填写。</translation>
    </message>
    <message>
        <source>The workbook holds no rows to import.</source>
        <translation>工作簿中没有可导入的行。</translation>
    </message>
    <message>
        <source>The workbook is about {name}, not {chosen}.</source>
        <translation>此工作簿写的是{name}，不是{chosen}。</translation>
    </message>
    <message>
        <source>This cell must be filled in.</source>
        <translation>此单元格必须填写。</translation>
    </message>
    <message>
        <source>This sheet was not read: its headers match none of 乡镇, 村社区, 点位 and 成员单位.</source>
        <translation>未读取此工作表：其表头与“乡镇”“村社区”“点位”“成员单位”均不相符。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>{field} {before} → {after}</source>
        <translation>{field} {before} → {after}</translation>
    </message>
    <message>
        <source>{name} has none of the sheets 乡镇, 村社区, 点位 and 成员单位. Use the organisation workbook the program writes (outreach-desk org-template FILE).</source>
        <translation>{name} 中没有“乡镇”“村社区”“点位”“成员单位”任一工作表。请使用本程序生成的组织架构表（outreach-desk org-template 文件）。</translation>
    </message>
    <message>
        <source>{name} is already in row {row}.</source>
        <translation>{name} 已在第 {row} 行。</translation>
    </message>
    <message>
        <source>{name} of {village} is already in row {row}.</source>
        <translation>{village}的{name} 已在第 {row} 行。</translation>
    </message>
    <message>
        <source>{name}: {changes}</source>
        <translation>{name}：{changes}</translation>
    </message>
    <message>
        <source>{name}: {target} {before} → {after}</source>
        <translation>{name}：{target} {before} → {after}</translation>
    </message>
    <message>
        <source>{villages} village(s) or communities, {sites} site(s) and {units} member unit(s) to add; {changed} record(s) to change; {numbers} assigned number(s) to set; {same} as stored.</source>
        <translation>将新增 {villages} 个村（社区）、{sites} 个点位和 {units} 个成员单位；修改 {changed} 条记录；设置下达数量 {numbers} 项；{same} 条与已存相同。</translation>
    </message>
    <message>
        <source>“{name}” is neither on the sheet 村社区 nor in the database.</source>
        <translation>“{name}”既不在“村社区”表中，也不在数据库中。</translation>
    </message>
    <message>
        <source>“{value}” is no kind of site; choose one from the list ({kinds}).</source>
        <translation>“{value}”不是点位类型；请从列表中选择（{kinds}）。</translation>
    </message>
    <message>
        <source>“{value}” is no kind of village; choose 村 or 社区.</source>
        <translation>“{value}”不是村（社区）类型；请选择“村”或“社区”。</translation>
    </message>
</context>
<context>
    <name>OrgImportCommand</name>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>Imported {name}: {added} record(s) added, {changed} changed, {numbers} assigned number(s) set.</source>
        <translation>已导入 {name}：新增 {added} 条记录，修改 {changed} 条，设置 {numbers} 个编号。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported. A copy with every problem marked is in {path}.</source>
        <translation>未导入任何内容。标出全部问题的副本在 {path}。</translation>
    </message>
    <message>
        <source>The database already holds everything in this workbook; nothing changed.</source>
        <translation>数据库中已包含该工作簿的全部内容，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>OrgImportDialog</name>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Add: {name}</source>
        <translation>【新增】{name}</translation>
    </message>
    <message>
        <source>Change: {line}</source>
        <translation>【修改】{line}</translation>
    </message>
    <message>
        <source>Checking the organisation workbook…</source>
        <translation>正在检查组织架构工作簿…</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import organisation workbook</source>
        <translation>导入组织架构工作簿</translation>
    </message>
    <message>
        <source>Import organisation workbook {name}</source>
        <translation>导入组织架构工作簿 {name}</translation>
    </message>
    <message>
        <source>Imported: {added} record(s) added, {changed} changed, {numbers} assigned number(s) set. Edit › Undo takes the whole import back.</source>
        <translation>已导入：新增 {added} 条，修改 {changed} 条，设置任务数 {numbers} 个。“编辑 › 撤销”可撤回整次导入。</translation>
    </message>
    <message>
        <source>Save &amp;marked copy…</source>
        <translation>保存标注副本(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the marked copy</source>
        <translation>保存标注副本</translation>
    </message>
    <message>
        <source>The database already holds everything in this workbook.</source>
        <translation>此工作簿中的内容数据库里都已有了。</translation>
    </message>
    <message>
        <source>The marked copy was saved as {path}.</source>
        <translation>标注副本已保存为 {path}。</translation>
    </message>
    <message>
        <source>Writing the marked copy…</source>
        <translation>正在写入标注副本…</translation>
    </message>
    <message>
        <source>{name} cannot be imported: {count} problem(s). Nothing was changed; correct the file and import it again.</source>
        <translation>{name} 无法导入：有 {count} 处问题。未做任何更改；请改正文件后重新导入。</translation>
    </message>
</context>
<context>
    <name>OrgTemplateCommand</name>
    <message>
        <source>Organisation workbook written to {path}: {villages} village(s) or communities, {sites} site(s), {units} member unit(s).</source>
        <translation>组织架构工作簿已写入 {path}：{villages} 个村（社区），{sites} 个点位，{units} 个成员单位。</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>T</source>
        <comment>one-letter icon of a township</comment>
        <translation>镇</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>{name} ({kind})
Entrances: {entrances}
Elevators: {elevators}
Households: {households}
Residents: {residents}
Students: {students}
Classes: {classes}</source>
        <translation>{name}（{kind}）
出入口：{entrances}
电梯间：{elevators}
户数：{households}
人口：{residents}
学生数：{students}
班级数：{classes}</translation>
    </message>
    <message>
        <source>{name} ({kind})
Sites: {sites}
Entrances: {entrances}
Elevators: {elevators}
Households: {households}
Students: {students}</source>
        <translation>{name}（{kind}）
点位：{sites} 个
出入口：{entrances}
电梯间：{elevators}
户数：{households}
学生数：{students}</translation>
    </message>
    <message>
        <source>{name} ({kind})
Villages and communities: {villages}
Sites: {sites}
Entrances: {entrances}
Elevators: {elevators}
Households: {households}
Students: {students}</source>
        <translation>{name}（{kind}）
村（社区）：{villages} 个
点位：{sites} 个
出入口：{entrances}
电梯间：{elevators}
户数：{households}
学生数：{students}</translation>
    </message>
</context>
<context>
    <name>OrgTreePanel</name>
    <message>
        <source>&amp;Attributes…</source>
        <translation>属性(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Member units…</source>
        <translation>成员单位(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Activity &amp;kinds…</source>
        <translation>活动类型(&amp;K)…</translation>
    </message>
    <message>
        <source>Add &amp;site…</source>
        <translation>添加点位(&amp;S)…</translation>
    </message>
    <message>
        <source>Add &amp;township…</source>
        <translation>添加乡镇(&amp;T)…</translation>
    </message>
    <message>
        <source>Add &amp;village/community…</source>
        <translation>添加村/社区(&amp;V)…</translation>
    </message>
    <message>
        <source>Add a site to the village or community (Insert on a village or site)</source>
        <translation>在村（社区）下添加点位（选中村或点位时按 Insert）</translation>
    </message>
    <message>
        <source>Add a village or community to the township (Insert on a township)</source>
        <translation>在乡镇下添加村（社区）（选中乡镇时按 Insert）</translation>
    </message>
    <message>
        <source>Add below</source>
        <translation>添加下级</translation>
    </message>
    <message>
        <source>Assi&amp;gned targets (任务数)…</source>
        <translation>任务数(&amp;G)…</translation>
    </message>
    <message>
        <source>C&amp;ounty office…</source>
        <translation>本县信息(&amp;O)…</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除“{name}”</translation>
    </message>
    <message>
        <source>Delete {name}? Nothing else depends on it.</source>
        <translation>确定删除“{name}”吗？没有其他记录与其关联。</translation>
    </message>
    <message>
        <source>Edit kind, entrances, households, students and other counts</source>
        <translation>修改类型、出入口、户数、学生数等数据</translation>
    </message>
    <message>
        <source>Find a village or site…</source>
        <translation>查找村（社区）或点位…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>No township yet. Start by adding your township, then its villages, communities and sites.</source>
        <translation>还没有乡镇。请先添加本乡镇，再添加下辖的村、社区和点位。</translation>
    </message>
    <message>
        <source>The county&apos;s name, office and signers for its own report</source>
        <translation>县名、单位名称以及县级月报的填报人、审核人</translation>
    </message>
    <message>
        <source>{refusal}

Delete it anyway? This also deletes {activities} activity record(s), {photos} photo(s) and {letters} parent letter record(s), and cannot be undone.</source>
        <translation>{refusal}

仍要删除吗？将同时删除 {activities} 条活动记录、{photos} 张照片和 {letters} 条家长信签收记录，且无法撤销。</translation>
    </message>
    <message>
        <source>{refusal}

Delete it anyway? This also deletes {sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s) and {letters} parent letter record(s), and cannot be undone.</source>
        <translation>{refusal}

仍要删除吗？将同时删除 {sites} 个点位、{activities} 条活动记录、{photos} 张照片、{surveys} 次知晓率调查和 {letters} 条家长信签收记录，且无法撤销。</translation>
    </message>
    <message>
        <source>{refusal}

Delete it anyway? This also deletes {villages} village(s) or communities, {sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s), {letters} parent letter record(s) and {units} member unit(s), and cannot be undone.</source>
        <translation>{refusal}

仍要删除吗？将同时删除 {villages} 个村（社区）、{sites} 个点位、{activities} 条活动记录、{photos} 张照片、{surveys} 次知晓率调查、{letters} 条家长信签收记录和 {units} 个成员单位，且无法撤销。</translation>
    </message>
</context>
<context>
    <name>OrgWorkbook</name>
    <message>
        <source>Assigned targets (任务数): a column headed 任务数：name（unit）, e.g. 任务数：APP注册（人）, on the 村社区 or 点位 sheet gives each village or site its number; the target rule &apos;assigned(&quot;APP注册&quot;)&apos; counts against it. Add a column for each target the county hands down.</source>
        <translation>任务数：在“村社区”或“点位”表中增加一列，表头写成“任务数：名称（单位）”，如“任务数：APP注册（人）”，即为每个村（社区）或点位填写下达的数量；目标规则 &apos;assigned(&quot;APP注册&quot;)&apos; 按此考核。县里下达几项任务就加几列。</translation>
    </message>
    <message>
        <source>Classes of a school (class meetings).</source>
        <translation>学校的班级数（用于主题班会）。</translation>
    </message>
    <message>
        <source>Counts are whole numbers of 0 or more. A site&apos;s village must be on the 村社区 sheet or already in the database.</source>
        <translation>各项数量须为 0 或正整数。点位所属的村（社区）须在“村社区”表中，或已在数据库中。</translation>
    </message>
    <message>
        <source>Elevators (posters are asked per elevator).</source>
        <translation>电梯数（按电梯张贴海报）。</translation>
    </message>
    <message>
        <source>Entrances (posters are asked per entrance).</source>
        <translation>出入口数（按出入口张贴海报）。</translation>
    </message>
    <message>
        <source>Households of a residential block.</source>
        <translation>居民小区的户数。</translation>
    </message>
    <message>
        <source>Households, a whole number of 0 or more.</source>
        <translation>户数，0 或正整数。</translation>
    </message>
    <message>
        <source>Import it with File › Import organisation workbook… or outreach-desk org-import FILE. All rows go in or none: every problem is listed with its sheet, row and column, and a marked copy of the file is written.</source>
        <translation>请通过“文件 › 导入组织架构表…”或 outreach-desk org-import 文件 导入。全部行无误才会导入：每个问题都列出所在表、行和列，并生成标出问题的副本。</translation>
    </message>
    <message>
        <source>Member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Records are matched by name: a new name is added, a known one has its kind and counts updated (an empty cell keeps what is stored). Nothing is deleted; importing the same file twice changes nothing.</source>
        <translation>按名称对应：新名称将新增，已有名称更新其类型和数量（空白单元格保留原值）。不会删除任何记录；同一文件重复导入不会有改动。</translation>
    </message>
    <message>
        <source>Required. The kind of site, from the list.</source>
        <translation>必填。点位类型，从列表中选择。</translation>
    </message>
    <message>
        <source>Required. The member unit, e.g. 青石派出所.</source>
        <translation>必填。成员单位名称，如 青石派出所。</translation>
    </message>
    <message>
        <source>Required. The name of the village or community, unique in the township.</source>
        <translation>必填。村（社区）名称，在本乡镇内不重复。</translation>
    </message>
    <message>
        <source>Required. The residential block, school, factory…, unique in its village.</source>
        <translation>必填。居民小区、学校、工厂等名称，在所属村（社区）内不重复。</translation>
    </message>
    <message>
        <source>Required. The township, e.g. 青石镇.</source>
        <translation>必填。乡镇名称，如 青石镇。</translation>
    </message>
    <message>
        <source>Required. The village or community the site belongs to, from the list.</source>
        <translation>必填。点位所属的村（社区），从列表中选择。</translation>
    </message>
    <message>
        <source>Residents or staff.</source>
        <translation>居民或职工人数。</translation>
    </message>
    <message>
        <source>Residents, a whole number of 0 or more.</source>
        <translation>常住人口，0 或正整数。</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Students of a school (parent letters).</source>
        <translation>学校的学生数（用于家长信）。</translation>
    </message>
    <message>
        <source>The database holds {count} townships ({names}); name one with --township.</source>
        <translation>数据库中有 {count} 个乡镇（{names}）；请用 --township 指定其中一个。</translation>
    </message>
    <message>
        <source>The number this unit was given for the assigned target; empty: none.</source>
        <translation>该单位被下达的任务数；留空表示没有。</translation>
    </message>
    <message>
        <source>The office printed on reports (填报单位), e.g. 青石镇综治办.</source>
        <translation>报表上打印的填报单位，如 青石镇综治办。</translation>
    </message>
    <message>
        <source>The township and its office</source>
        <translation>乡镇及其办公室</translation>
    </message>
    <message>
        <source>This workbook lists the township&apos;s organisation: the township and its office (sheet 乡镇), villages and communities (村社区), sites (点位) and member units (成员单位). Columns marked * are required.</source>
        <translation>本工作簿列出乡镇的组织架构：乡镇及其办公室（“乡镇”表）、村（社区）（“村社区”表）、点位（“点位”表）和成员单位（“成员单位”表）。标 * 的列为必填。</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What the unit is responsible for.</source>
        <translation>该单位负责的工作。</translation>
    </message>
    <message>
        <source>Who prepares the reports.</source>
        <translation>报表填报人。</translation>
    </message>
    <message>
        <source>Who reviews and signs them.</source>
        <translation>报表审核人（签字人）。</translation>
    </message>
    <message>
        <source>村 or 社区, from the list (村 when empty).</source>
        <translation>村或社区，从列表中选择（留空为村）。</translation>
    </message>
</context>
<context>
    <name>OrgWorkbookActions</name>
    <message>
        <source>Add and update villages, sites and member units from the organisation workbook, all rows or none</source>
        <translation>从组织架构工作簿新增和更新村（社区）、场所和成员单位，要么全部导入，要么一行也不导入</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Import organisation &amp;workbook…</source>
        <translation>导入组织架构(&amp;W)…</translation>
    </message>
    <message>
        <source>Import organisation workbook</source>
        <translation>导入组织架构工作簿</translation>
    </message>
    <message>
        <source>Make or&amp;ganisation workbook…</source>
        <translation>生成组织架构表(&amp;G)…</translation>
    </message>
    <message>
        <source>Make organisation workbook</source>
        <translation>生成组织架构工作簿</translation>
    </message>
    <message>
        <source>Organisation workbook</source>
        <translation>组织架构工作簿</translation>
    </message>
    <message>
        <source>The organisation workbook was saved as {path}. Fill in or correct its sheets, then use File › Import organisation workbook.</source>
        <translation>组织架构工作簿已保存为 {path}。请填写或修改其中的工作表，然后使用“文件 › 导入组织架构工作簿”。</translation>
    </message>
    <message>
        <source>The township, villages, sites, member units and assigned targets as an Excel workbook, to fill in or edit and import again</source>
        <translation>把乡镇、村（社区）、场所、成员单位和任务数写成 Excel 工作簿，填写或修改后再导入</translation>
    </message>
    <message>
        <source>Writing the organisation workbook…</source>
        <translation>正在写入组织架构工作簿…</translation>
    </message>
</context>
<context>
    <name>Organisation</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
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
        <source>Added {what}</source>
        <translation>新增{what}</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>An activity kind named {name} exists already.</source>
        <translation>已有名为“{name}”的活动类型。</translation>
    </message>
    <message>
        <source>At most {count} characters, please.</source>
        <translation>最多 {count} 个字符。</translation>
    </message>
    <message>
        <source>Changed {what}</source>
        <translation>修改{what}</translation>
    </message>
    <message>
        <source>Deleted together with {what}</source>
        <translation>随{what}一并删除</translation>
    </message>
    <message>
        <source>Deleted {what}</source>
        <translation>删除{what}</translation>
    </message>
    <message>
        <source>Deleted {what} with {villages} village(s) or communities, {sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s), {letters} parent letter record(s) and {units} member unit(s)</source>
        <translation>删除{what}，连同村（社区）{villages} 个、点位 {sites} 个、活动记录 {activities} 条、照片 {photos} 张、问卷调查 {surveys} 次、家长信记录 {letters} 条、成员单位 {units} 个</translation>
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
        <source>There is no township named {name}.</source>
        <translation>没有名为“{name}”的乡镇。</translation>
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
        <source>the activity kind {name}</source>
        <translation>活动类型“{name}”</translation>
    </message>
    <message>
        <source>the member unit {name}</source>
        <translation>成员单位“{name}”</translation>
    </message>
    <message>
        <source>the site {name}</source>
        <translation>点位“{name}”</translation>
    </message>
    <message>
        <source>the township {name}</source>
        <translation>乡镇“{name}”</translation>
    </message>
    <message>
        <source>the village or community {name}</source>
        <translation>村（社区）“{name}”</translation>
    </message>
    <message>
        <source>{attribute} must be a whole number of 0 or more.</source>
        <translation>{attribute}须为大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: it holds {what}. Those stay with the township, so the township stays in the database.</source>
        <translation>不能删除{name}：它有{what}。这些记录须随乡镇保留，因此该乡镇不能从数据库中删除。</translation>
    </message>
    <message>
        <source>{n} campaign(s) of its own</source>
        <translation>自己的专项行动 {n} 个</translation>
    </message>
    <message>
        <source>{n} commendation(s) or criticism(s)</source>
        <translation>表扬与批评 {n} 条</translation>
    </message>
    <message>
        <source>{n} fraud-case figure(s)</source>
        <translation>案件情况 {n} 条</translation>
    </message>
    <message>
        <source>{n} inspection(s)</source>
        <translation>督导检查 {n} 次</translation>
    </message>
    <message>
        <source>{n} month(s) sent</source>
        <translation>报送记录 {n} 次</translation>
    </message>
    <message>
        <source>{n} package(s) received</source>
        <translation>收到的上报包 {n} 个</translation>
    </message>
    <message>
        <source>{n} rectification order(s)</source>
        <translation>整改通知 {n} 份</translation>
    </message>
    <message>
        <source>{what} cannot be deleted: {sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s) and {letters} parent letter record(s) depend on it.</source>
        <translation>无法删除{what}：有 {sites} 个点位、{activities} 条活动记录、{photos} 张照片、{surveys} 次知晓率调查和 {letters} 条家长信签收记录与其关联。</translation>
    </message>
    <message>
        <source>{what} cannot be deleted: {villages} village(s) or communities, {sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s), {letters} parent letter record(s) and {units} member unit(s) belong to it.</source>
        <translation>无法删除{what}：其下有 {villages} 个村（社区）、{sites} 个点位、{activities} 条活动记录、{photos} 张照片、{surveys} 次知晓率调查、{letters} 条家长信签收记录和 {units} 个成员单位。</translation>
    </message>
</context>
<context>
    <name>Package</name>
    <message>
        <source>Checking the photos&apos; dates…</source>
        <translation>正在核对照片的拍摄日期…</translation>
    </message>
    <message>
        <source>Putting the photos in the package: {done} of {total}…</source>
        <translation>正在把照片放入上报包：第 {done} 张，共 {total} 张…</translation>
    </message>
    <message>
        <source>The package would be {size}, {over} more than the limit of {limit}. Raise the limit and write it again.</source>
        <translation>上报包将有 {size}，超出 {limit} 的限制 {over}。请提高大小限制后重新生成。</translation>
    </message>
    <message>
        <source>The village chosen is not a village of {township}.</source>
        <translation>所选的村（社区）不属于{township}。</translation>
    </message>
    <message>
        <source>Writing the data part for the county…</source>
        <translation>正在写县级汇总数据…</translation>
    </message>
    <message>
        <source>Writing the monthly report…</source>
        <translation>正在生成月报…</translation>
    </message>
    <message>
        <source>Writing the summary and the bulletin…</source>
        <translation>正在生成工作总结和通报…</translation>
    </message>
    <message>
        <source>{count} photos of the month are missing from the photo folder {folder} (the first: {name} of the record of {date} in {village}). Restore the folder from a backup, or take those photos off their records.</source>
        <translation>本月有 {count} 张照片在照片文件夹 {folder} 中找不到（第一张：{village} {date} 记录的 {name}）。请从备份中恢复该文件夹，或从记录中移除这些照片。</translation>
    </message>
    <message>
        <source>{name} cannot be written: it is probably open in another program. Close it there, or save under another name.</source>
        <translation>无法写入 {name}：该文件可能正被其他程序打开。请先关闭，或另存为其他文件名。</translation>
    </message>
</context>
<context>
    <name>PackageCommand</name>
    <message>
        <source>Package of {township} for {period} written to {path} ({size}, sequence {sequence}): {files} files, {photos} photos ({scaled} scaled down to fit), {missing} records without the photo they need, {far} photos taken more than a week from their record&apos;s date.</source>
        <translation>{township}{period}的上报包已保存为 {path}（{size}，第 {sequence} 次报送）：共 {files} 个文件，照片 {photos} 张（其中 {scaled} 张为符合大小限制已压缩），缺影像资料的记录 {missing} 条，拍摄日期与活动日期相差一周以上的照片 {far} 张。</translation>
    </message>
    <message>
        <source>SHA-256 of the package: {sha}</source>
        <translation>上报包的 SHA-256：{sha}</translation>
    </message>
    <message>
        <source>{village} of {township}</source>
        <translation>{township}{village}</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Only the report sent…</source>
        <translation>只登记已发出的月报(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Package of:</source>
        <translation>上报包范围(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Write the package</source>
        <translation>生成上报包(&amp;W)</translation>
    </message>
    <message>
        <source>A village&apos;s package holds that village&apos;s records and photos only, for the township to import; it is not recorded as a sending and closes no month.</source>
        <translation>村的上报包只含该村的记录和照片，交乡镇导入；不登记为报送，也不关闭月份。</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，没有生成任何文件。</translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation>请选择上报包的保存位置。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>One zip for the county: the monthly report, the month&apos;s photos renamed by village with their index, the summary (总结) as a Word draft, the bulletin and rectification orders, and a manifest of SHA-256 hashes.</source>
        <translation>生成一个报县里的压缩包：月报、按村（社区）重新命名的本月照片及照片索引、可修改的工作总结（Word 草稿）、通报和整改通知，以及列有每个文件 SHA-256 的清单。</translation>
    </message>
    <message>
        <source>Photos are scaled down until the package fits; none is left out.</source>
        <translation>超出限制时自动缩小照片，不会删去任何照片。</translation>
    </message>
    <message>
        <source>Record it as sent and close the month</source>
        <translation>登记为已报送并关闭本月</translation>
    </message>
    <message>
        <source>Recording the sending and closing the month…</source>
        <translation>正在登记报送并关闭本月…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>保存为(&amp;A)：</translation>
    </message>
    <message>
        <source>Save the upward package</source>
        <translation>保存上报包</translation>
    </message>
    <message>
        <source>Saved as {path} ({size}): {photos} photos, {scaled} scaled down to fit; {missing} records lack the photo they need.</source>
        <translation>已保存为 {path}（{size}）：照片 {photos} 张，其中 {scaled} 张为符合大小限制已压缩；缺影像资料的记录 {missing} 条。</translation>
    </message>
    <message>
        <source>Say to whom the month is sent, and by whom.</source>
        <translation>请填写报送给谁、由谁报送。</translation>
    </message>
    <message>
        <source>Send this month</source>
        <translation>报送本月</translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation>报送人(&amp;B)：</translation>
    </message>
    <message>
        <source>Sent &amp;to:</source>
        <translation>报送单位(&amp;T)：</translation>
    </message>
    <message>
        <source>Size &amp;limit:</source>
        <translation>大小限制(&amp;L)：</translation>
    </message>
    <message>
        <source>The monthly Excel report went out on its own: record that file as sent and close the month, without a package</source>
        <translation>只单独发出了 Excel 月报：登记这份文件为已报送并关闭本月，不生成上报包</translation>
    </message>
    <message>
        <source>The package could not be written.</source>
        <translation>上报包未能生成。</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>正在生成上报包…</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>the whole township</source>
        <translation>全镇（乡镇的上报包）</translation>
    </message>
    <message>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>{saved} The month is recorded as sending {sequence} to {recipient} and closed.</source>
        <translation>{saved}本月已登记为向{recipient}的第 {sequence} 次报送，并已关闭。</translation>
    </message>
    <message>
        <source>{village} (a village&apos;s package for the township)</source>
        <translation>{village}（村报乡镇的上报包）</translation>
    </message>
</context>
<context>
    <name>PackageManifest</name>
    <message>
        <source>{name} cannot be read as a zip file ({reason}).</source>
        <translation>{name} 无法作为 zip 压缩包读取（{reason}）。</translation>
    </message>
    <message>
        <source>{name} is damaged or was changed after it was written: {file} does not match its manifest.</source>
        <translation>{name} 已损坏或生成后被改动：{file} 与清单记录不符。</translation>
    </message>
    <message>
        <source>{name} is incomplete: {file} is missing.</source>
        <translation>{name} 不完整：缺少 {file}。</translation>
    </message>
    <message>
        <source>{name} is not an upward package of Outreach Desk.</source>
        <translation>{name} 不是反诈宣传工作台生成的上报包。</translation>
    </message>
    <message>
        <source>{name} is not an upward package of Outreach Desk: it has no readable manifest.</source>
        <translation>{name} 不是反诈宣传工作台生成的上报包：其中没有可读的清单。</translation>
    </message>
    <message>
        <source>{name} was changed after it was written: it holds {file}, which its manifest does not list.</source>
        <translation>{name} 生成后被改动：其中的 {file} 不在清单中。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Any dates you choose</source>
        <translation>任意起止日期</translation>
    </message>
    <message>
        <source>Campaign to date</source>
        <translation>行动开始至今</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>自定义时段…</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Phase: {name}</source>
        <translation>阶段：{name}</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>&quot;{text}&quot; is not a month; write it as YYYY-MM, e.g. 2026-11.</source>
        <translation>“{text}”不是月份，请按 YYYY-MM 填写，例如 2026-11。</translation>
    </message>
    <message>
        <source>Campaign to {date}</source>
        <translation>行动开始至 {date}</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>统计期间的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
</context>
<context>
    <name>PhotoFit</name>
    <message>
        <source>Scaling the photos down to {side} pixels to fit the size limit…</source>
        <translation>正在把照片缩小到 {side} 像素以符合大小限制…</translation>
    </message>
    <message>
        <source>The package does not fit the limit of {limit}: even with every photo scaled down to {side} pixels it would be {size}, {over} too much. Raise the limit (in the package window, or with --limit-mb) and write the package again.</source>
        <translation>上报包无法控制在 {limit} 以内：即使把全部照片缩小到 {side} 像素，仍有 {size}，超出 {over}。请提高大小限制（在上报包窗口中，或用 --limit-mb）后重新生成。</translation>
    </message>
</context>
<context>
    <name>PhotoIndex</name>
    <message>
        <source>Check</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Every record that needs a photo has one.</source>
        <translation>须附照片的记录均已附照片。</translation>
    </message>
    <message>
        <source>File name as sent</source>
        <translation>原文件名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>No photos are attached to the month&apos;s records.</source>
        <translation>本月的记录没有附照片。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Photo in the package</source>
        <translation>照片文件</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Records of the kinds that need a photo (banners, posters, windows, lectures, cultural events, quizzes, and any kind marked so) without any photo.</source>
        <translation>须附照片的活动类型（横幅、海报、橱窗、宣讲会、文艺活动、有奖问答及设为须附照片的其他类型）中没有照片的记录。</translation>
    </message>
    <message>
        <source>Records without photos</source>
        <translation>缺影像资料</translation>
    </message>
    <message>
        <source>Scaled down</source>
        <translation>已压缩</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Taken on (EXIF)</source>
        <translation>拍摄日期</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>缺少内容</translation>
    </message>
    <message>
        <source>no photo evidence</source>
        <translation>缺影像资料</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>taken {days} days from the record&apos;s date: check that it is this activity&apos;s photo</source>
        <translation>拍摄日期与活动日期相差 {days} 天，请核实是否为本次活动的照片</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{count} photos; {far} taken more than a week from their record&apos;s date.</source>
        <translation>共 {count} 张照片，其中 {far} 张的拍摄日期与活动日期相差一周以上。</translation>
    </message>
    <message>
        <source>{office} photo evidence: {sheet} ({period})</source>
        <translation>{office}影像资料：{sheet}（{period}）</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Drop photos here</source>
        <translation>将照片拖到这里</translation>
    </message>
    <message>
        <source>Fetching the photo…</source>
        <translation>正在取回照片…</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>The photo {name} is not in the photo store any more, so it cannot be opened.</source>
        <translation>照片 {name} 已不在照片库中，无法打开。</translation>
    </message>
    <message>
        <source>{name} (copied when the record is saved)</source>
        <translation>{name}（保存记录时复制）</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>A received photo does not match its SHA-256.</source>
        <translation>收到的一张照片与其 SHA-256 不符。</translation>
    </message>
    <message>
        <source>Copying {name} into the photo folder…</source>
        <translation>正在把 {name} 复制到照片文件夹…</translation>
    </message>
    <message>
        <source>Storing the received photos: {done} of {total}…</source>
        <translation>正在保存收到的照片：第 {done} 张，共 {total} 张…</translation>
    </message>
    <message>
        <source>The received photos could not be stored in the photo folder {folder}: {reason}</source>
        <translation>收到的照片无法保存到照片文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} could not be copied into the photo folder {folder}: {reason}</source>
        <translation>无法将 {name} 复制到照片文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is not a picture Outreach Desk can keep (JPEG, PNG, GIF, BMP, WebP or TIFF).</source>
        <translation>{name} 不是可保存的图片（支持 JPEG、PNG、GIF、BMP、WebP、TIFF）。</translation>
    </message>
    <message>
        <source>{name} is the database Outreach Desk works on (or one of its journal or lock files), not a picture. Choose a photo.</source>
        <translation>{name} 是反诈宣传工作台正在使用的数据库（或其日志、锁文件），不是图片。请选择一张照片。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; photos larger than {limit} MB are not accepted. Send a smaller copy.</source>
        <translation>{name} 大小为 {size} MB，超过 {limit} MB 的照片无法保存，请改用压缩后的图片。</translation>
    </message>
    <message>
        <source>{name} no longer exists.</source>
        <translation>{name} 已不存在。</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Presentation</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>{current} / {total}</source>
        <translation>{current} / {total}</translation>
    </message>
    <message>
        <source>← → move · Esc leave</source>
        <translation>← → 翻页 · Esc 退出</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Changed since import</source>
        <translation>导入后有改动</translation>
    </message>
    <message>
        <source>Has problems</source>
        <translation>有错误</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>以前已导入</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>PrintPages</name>
    <message>
        <source>Drawing the pages…</source>
        <translation>正在绘制页面…</translation>
    </message>
    <message>
        <source>LibreOffice did not finish converting the report within {minutes} minutes.</source>
        <translation>LibreOffice 在 {minutes} 分钟内未能完成月报的转换。</translation>
    </message>
    <message>
        <source>LibreOffice is laying out the printed pages…</source>
        <translation>LibreOffice 正在排版打印页面…</translation>
    </message>
    <message>
        <source>No page of the report could be made for the preview ({error}). Export the report and print it from Excel, WPS or LibreOffice.</source>
        <translation>无法为预览生成月报页面（{error}）。请先导出月报，再用 Excel、WPS 或 LibreOffice 打印。</translation>
    </message>
    <message>
        <source>Reading sheet {name}…</source>
        <translation>正在读取“{name}”表…</translation>
    </message>
    <message>
        <source>The report has no page to show.</source>
        <translation>月报没有可显示的页面。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
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
    <name>RankingCommand</name>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change against {period}</source>
        <translation>与{period}相比的变化</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>No previous period to compare with.</source>
        <translation>没有可比较的上一期。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Nothing to rank.</source>
        <translation>没有可排名的内容。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Ranking by {measure}: {period}</source>
        <translation>按{measure}排名：{period}</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>{label} ({start} to {end})</source>
        <translation>{label}（{start} 至 {end}）</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Mark / reason</source>
        <translation>标记 / 原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Not ranked in the previous period (no data then)</source>
        <translation>上一期未参与排名（当时无数据）</translation>
    </message>
    <message>
        <source>Previous rank</source>
        <translation>上期名次</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
</context>
<context>
    <name>RankingPage</name>
    <message>
        <source>Bulletin…</source>
        <translation>通报…</translation>
    </message>
    <message>
        <source>Click a village&apos;s row to see its gap list.</source>
        <translation>点击某个村（社区）所在行，查看其问题清单。</translation>
    </message>
    <message>
        <source>Computing the ranking</source>
        <translation>正在计算排名</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Could not compute the ranking.</source>
        <translation>无法计算排名。</translation>
    </message>
    <message>
        <source>Draft the month&apos;s bulletin (通报) from these figures, edit it and save it as a Word document</source>
        <translation>根据这些数据起草本月通报，修改后保存为 Word 文档</translation>
    </message>
    <message>
        <source>How many places at the top and at the bottom are marked</source>
        <translation>标出前几名和后几名</translation>
    </message>
    <message>
        <source>Mark top/bottom</source>
        <translation>标出前后名次</translation>
    </message>
    <message>
        <source>Member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>No campaign has been set up yet: create one with the menu Campaign → Campaigns… to rank villages against its targets.</source>
        <translation>尚未设立专项行动：请通过菜单“专项行动 → 专项行动…”新建一个，才能按其目标给各村排名。</translation>
    </message>
    <message>
        <source>There is nothing to rank its villages against.</source>
        <translation>暂时无法为该镇的村（社区）排名。</translation>
    </message>
    <message>
        <source>Units ranked</source>
        <translation>排名对象</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>by</source>
        <translation>按</translation>
    </message>
    <message>
        <source>{count} ranked · computed at {time}</source>
        <translation>共 {count} 个参与排名 · 计算于 {time}</translation>
    </message>
    <message>
        <source>{name}: member-unit targets are listed on the coverage page under the township.</source>
        <translation>{name}：成员单位的目标列在达标情况页面的乡镇之下。</translation>
    </message>
    <message>
        <source>{period}; change against {previous} ({start} to {end})</source>
        <translation>{period}；与{previous}（{start} 至 {end}）相比的变化</translation>
    </message>
    <message>
        <source>{period}; no previous period to compare with</source>
        <translation>{period}；没有可比较的上一期</translation>
    </message>
</context>
<context>
    <name>Rankings</name>
    <message>
        <source>Bottom {n}</source>
        <translation>后 {n} 名</translation>
    </message>
    <message numerus="yes">
        <source>Bottom {n}, %n periods running</source>
        <translation>
            <numerusform>后 {n} 名，连续%n期</numerusform>
        </translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>达标指数</translation>
    </message>
    <message>
        <source>No data: {reason}</source>
        <translation>无数据：{reason}</translation>
    </message>
    <message>
        <source>Periods running are not counted for the campaign to date: each week&apos;s standings include the week before. They are counted on months, phases and date ranges (the dashboard: months).</source>
        <translation>行动开始至今的累计排名不计“连续几期”：每周的累计排名都包含前一周。连续几期按月份、阶段或日期范围的排名计算（看板按月）。</translation>
    </message>
    <message>
        <source>Periods running: in the bottom {n} in this period and in each one just before it, followed back to {first}.</source>
        <translation>连续N期指本期及之前接连N期都排在后 {n} 名（最多追溯到{first}）。</translation>
    </message>
    <message>
        <source>The campaign has no enabled target {key}. Its targets: {keys}.</source>
        <translation>本次活动没有已启用的指标 {key}。其指标有：{keys}。</translation>
    </message>
    <message>
        <source>The target {key} is judged in villages and sites: rank villages by it.</source>
        <translation>指标 {key} 按村（社区）和点位考核：请按村（社区）排名。</translation>
    </message>
    <message>
        <source>The target {key} is judged per member unit: rank member units by it.</source>
        <translation>指标 {key} 按成员单位考核：请按成员单位排名。</translation>
    </message>
    <message>
        <source>Top {n}</source>
        <translation>前 {n} 名</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>no awareness survey in this period</source>
        <translation>本期无知晓率调查</translation>
    </message>
    <message>
        <source>no member-unit target applies to it in this period</source>
        <translation>本期没有适用于它的成员单位指标</translation>
    </message>
    <message>
        <source>no target applies here in this period</source>
        <translation>本期此处没有适用的指标</translation>
    </message>
    <message>
        <source>the target applies to none of its units</source>
        <translation>该指标不适用于其任何单位</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Re-inspected on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>复查结果</translation>
    </message>
</context>
<context>
    <name>RecordCommands</name>
    <message>
        <source>Add awareness survey ({what})</source>
        <translation>新增知晓率调查（{what}）</translation>
    </message>
    <message>
        <source>Add parent letters ({what})</source>
        <translation>新增家长信记录（{what}）</translation>
    </message>
    <message>
        <source>Delete awareness survey ({what})</source>
        <translation>删除知晓率调查（{what}）</translation>
    </message>
    <message>
        <source>Delete parent letters ({what})</source>
        <translation>删除家长信记录（{what}）</translation>
    </message>
    <message>
        <source>Edit awareness survey ({what})</source>
        <translation>修改知晓率调查（{what}）</translation>
    </message>
    <message>
        <source>Edit parent letters ({what})</source>
        <translation>修改家长信记录（{what}）</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>取消修改（Esc）</translation>
    </message>
    <message>
        <source>Changes saved. {key} undoes them.</source>
        <translation>修改已保存。按 {key} 可撤销。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <source>Save changes (Enter)</source>
        <translation>保存修改（回车）</translation>
    </message>
    <message>
        <source>Saved. {key} undoes it.</source>
        <translation>已保存。按 {key} 可撤销。</translation>
    </message>
    <message>
        <source>The record you were editing no longer exists.</source>
        <translation>您正在修改的记录已不存在。</translation>
    </message>
    <message>
        <source>“{text}” is not a date; type it as 2026-11-05, 20261105, 11-5 or 11月5日.</source>
        <translation>“{text}”不是日期，请写成 2026-11-05、20261105、11-5 或 11月5日。</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>History of {record} #{id}</source>
        <translation>{record} #{id} 的修改历史</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>{count} change(s), oldest first.</source>
        <translation>共 {count} 次修改，按时间先后排列。</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>All dates (no campaign set up)</source>
        <translation>全部日期（尚未设置专项行动）</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s)</source>
        <translation>
            <numerusform>删除 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n record(s). Undo brings them back.</source>
        <translation>
            <numerusform>已删除 %n 条记录，撤销即可恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordVersions</name>
    <message>
        <source>Another clerk</source>
        <translation>另一位录入员</translation>
    </message>
</context>
<context>
    <name>Rectification</name>
    <message>
        <source>An order is closed by a re-inspection: give its date.</source>
        <translation>整改通知须经复查才能办结：请填写复查日期。</translation>
    </message>
    <message>
        <source>Being put right</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Brought back the rectification order {what}</source>
        <translation>恢复了整改通知 {what}</translation>
    </message>
    <message>
        <source>Changed the rectification order {what}</source>
        <translation>修改了整改通知 {what}</translation>
    </message>
    <message>
        <source>Choose the order&apos;s status.</source>
        <translation>请选择整改状态。</translation>
    </message>
    <message>
        <source>Choose the village, site or member unit responsible.</source>
        <translation>请选择负责整改的村（社区）、场所或成员单位。</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Deleted the rectification order {what}</source>
        <translation>删除了整改通知 {what}</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已下发</translation>
    </message>
    <message>
        <source>Issued the rectification order {what}</source>
        <translation>下发了整改通知 {what}</translation>
    </message>
    <message>
        <source>Not yet put right</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>Past the deadline</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Re-inspected</source>
        <translation>已复查</translation>
    </message>
    <message>
        <source>Re-inspection photos</source>
        <translation>复查照片</translation>
    </message>
    <message>
        <source>Re-inspection result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Say what must be done.</source>
        <translation>请填写整改内容。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The deadline ({deadline}) is before the day the order was issued ({issued}).</source>
        <translation>整改期限（{deadline}）早于下发日期（{issued}）。</translation>
    </message>
    <message>
        <source>The re-inspection cannot come before the order.</source>
        <translation>复查日期不能早于整改通知的下发日期。</translation>
    </message>
    <message>
        <source>The rectification order no longer exists.</source>
        <translation>该整改通知已不存在。</translation>
    </message>
    <message>
        <source>The task is longer than {limit} characters.</source>
        <translation>整改内容超过 {limit} 个字。</translation>
    </message>
    <message>
        <source>To put right: {gap}</source>
        <translation>{gap}。请按期整改到位。</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>整改内容</translation>
    </message>
    <message>
        <source>{unit}: {task} (by {deadline})</source>
        <translation>{unit}：{task}（期限 {deadline}）</translation>
    </message>
</context>
<context>
    <name>ReopenCommand</name>
    <message>
        <source>{month} reopened by {clerk}: {reason}. Its records can be changed again; send it again when done.</source>
        <translation>{month}已由{clerk}重新打开，原因：{reason}。该月的记录可以再修改，改好后请重新报送。</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Reopen {month}</source>
        <translation>重新打开{month}</translation>
    </message>
    <message>
        <source>Reopened &amp;by:</source>
        <translation>经办人(&amp;B)：</translation>
    </message>
    <message>
        <source>Why is the month reopened? e.g. 太平村补报11月的宣讲会</source>
        <translation>为什么重新打开？例如：太平村补报11月的宣讲会</translation>
    </message>
    <message>
        <source>{month} of {township} was closed by {who} on {when}. Once reopened, its records can be changed again; send the month again when the corrections are made.</source>
        <translation>{township}{month}已由{who}于{when}关闭。重新打开后可以再修改该月的记录，改好后请重新报送。</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>Monthly report for {period} written to {path}: {villages} villages, {rows} activity records, {gaps} gaps.</source>
        <translation>{period}月报已写入 {path}：{villages} 个村（社区），活动记录 {rows} 条，问题 {gaps} 项。</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Prepared by (填报人):</source>
        <translation>填报人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reviewed by (审核人):</source>
        <translation>审核人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Township:</source>
        <translation>乡镇(&amp;T)：</translation>
    </message>
    <message>
        <source>All townships (the county&apos;s report)</source>
        <translation>全部乡镇（县级月报）</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Reporting &amp;unit (填报单位):</source>
        <translation>填报单位(&amp;U)：</translation>
    </message>
    <message>
        <source>See the printed pages of the report and print them</source>
        <translation>查看月报的打印页面并打印</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Print preview of the monthly report</source>
        <translation>月报打印预览</translation>
    </message>
</context>
<context>
    <name>RestoreCommand</name>
    <message>
        <source>If this is the backup you want, run the command again with --yes.</source>
        <translation>如果这正是您要的备份，请加上 --yes 再运行一次该命令。</translation>
    </message>
    <message>
        <source>Nothing was changed. If they are to be replaced by the backup, run the command again with --yes.</source>
        <translation>这次没有作任何修改。如果确实要用备份替换这些记录，请加上 --yes 再运行一次。</translation>
    </message>
    <message>
        <source>Restored {path} from {source} ({count:,} activity records).</source>
        <translation>已用 {source} 恢复 {path}（共 {count:,} 条活动记录）。</translation>
    </message>
    <message>
        <source>Restored {source} into {target} ({count:,} activity records). The clerks can connect to it now.</source>
        <translation>已把 {source} 恢复到 {target}（活动记录 {count:,} 条）。录入员现在可以连接这个数据库了。</translation>
    </message>
    <message>
        <source>The database was not changed.</source>
        <translation>数据库未做任何改动。</translation>
    </message>
    <message>
        <source>The previous database was kept as {aside}.</source>
        <translation>原数据库已另存为 {aside}。</translation>
    </message>
</context>
<context>
    <name>RevisionSheet</name>
    <message>
        <source>As sent</source>
        <translation>报送时</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>增减</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>{township}: against sending no. {sequence} of {when} to {recipient}: {count} figure(s) revised.</source>
        <translation>{township}：与{when}第{sequence}次报送{recipient}的版本相比，修订了 {count} 项数字。</translation>
    </message>
    <message>
        <source>{township}: no figure changed since sending no. {sequence} of {when} to {recipient}.</source>
        <translation>{township}：与{when}第{sequence}次报送{recipient}的版本相比，数字没有变化。</translation>
    </message>
</context>
<context>
    <name>Revisions</name>
    <message>
        <source>Activities: {kind}</source>
        <translation>活动次数：{kind}</translation>
    </message>
    <message>
        <source>Awareness surveys</source>
        <translation>问卷调查份数</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>综合指数</translation>
    </message>
    <message>
        <source>Parent letter records</source>
        <translation>家长信记录数</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>覆盖人数</translation>
    </message>
</context>
<context>
    <name>RowSecurity</name>
    <message>
        <source>The database {where} has no township named {name}; nothing was changed.</source>
        <translation>数据库 {where} 中没有名为“{name}”的乡镇，未作任何更改。</translation>
    </message>
    <message>
        <source>The user name {user} cannot be used: write it in lower-case Latin letters, digits and underscores, starting with a letter (for example pingan_clerk).</source>
        <translation>用户名 {user} 不能使用：请用小写英文字母、数字和下划线，并以字母开头（例如 pingan_clerk）。</translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>&amp;Judged over:</source>
        <translation>考核周期(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>规则代码(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Quota per unit:</source>
        <translation>每个单位的指标(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标名称(&amp;T)：</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>考核对象</translation>
    </message>
    <message>
        <source>Attributes of {units}: {names}. Use + - * / and brackets, e.g. entrances + elevators.</source>
        <translation>{units}可用的属性：{names}。可使用 + - * / 和括号，如：出入口 + 电梯。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Counted in coverage (&amp;on)</source>
        <translation>计入达标统计(&amp;O)</translation>
    </message>
    <message>
        <source>Edit target rule</source>
        <translation>编辑达标规则</translation>
    </message>
    <message>
        <source>English na&amp;me:</source>
        <translation>英文名称(&amp;M)：</translation>
    </message>
    <message>
        <source>New target rule</source>
        <translation>新建达标规则</translation>
    </message>
    <message>
        <source>The rule&apos;s code in reports and JSON output; it cannot change later.</source>
        <translation>规则在报表和 JSON 输出中使用的代码，保存后不能再改。</translation>
    </message>
    <message>
        <source>What counts</source>
        <translation>计量内容</translation>
    </message>
    <message>
        <source>a number, or e.g. entrances + elevators</source>
        <translation>填数字，或如：出入口 + 电梯</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>worded as in the plan</source>
        <translation>按方案原文填写</translation>
    </message>
    <message>
        <source>{units} have no attributes: the quota is a number.</source>
        <translation>{units}没有可用的属性，指标请填数字。</translation>
    </message>
    <message>
        <source>✔ Each unit&apos;s quota is worked out from its own figures.</source>
        <translation>✔ 各单位的指标按其自身登记的数据计算。</translation>
    </message>
    <message>
        <source>✔ The same quota for every unit.</source>
        <translation>✔ 每个单位的指标相同。</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>A fraud-case target asks only that cases fall: leave the quota at 1.</source>
        <translation>案件下降类目标只要求案件数下降，指标请保持为 1。</translation>
    </message>
    <message>
        <source>Activity kinds do not apply to this measure.</source>
        <translation>该计量方式不按活动类型统计，请勿选择活动类型。</translation>
    </message>
    <message>
        <source>Added the target rule {name} ({key})</source>
        <translation>新增目标规则：{name}（{key}）</translation>
    </message>
    <message>
        <source>Awareness rate (%) from surveys</source>
        <translation>问卷知晓率（%）</translation>
    </message>
    <message>
        <source>Awareness surveys are recorded per village: apply the rule to every village or community.</source>
        <translation>知晓率问卷按村（社区）登记，请把规则适用于各村（社区）。</translation>
    </message>
    <message>
        <source>Campaign to date</source>
        <translation>行动开始至今</translation>
    </message>
    <message>
        <source>Changed the target rule {name} ({key})</source>
        <translation>修改目标规则：{name}（{key}）</translation>
    </message>
    <message>
        <source>Choose at least one activity kind that counts for the rule.</source>
        <translation>请至少选择一种计入该规则的活动类型。</translation>
    </message>
    <message>
        <source>Choose at least one site kind the rule applies to.</source>
        <translation>请至少选择一种适用的场所类型。</translation>
    </message>
    <message>
        <source>Choose the period the rule is judged over.</source>
        <translation>请选择考核周期。</translation>
    </message>
    <message>
        <source>Choose what the rule measures.</source>
        <translation>请选择计量方式。</translation>
    </message>
    <message>
        <source>Choose which units the rule applies to.</source>
        <translation>请选择规则适用的对象。</translation>
    </message>
    <message>
        <source>County (the townships&apos; targets and fraud cases falling)</source>
        <translation>县级（乡镇的目标及电诈案件同比、环比下降）</translation>
    </message>
    <message>
        <source>Deleted the target rule {name} ({key})</source>
        <translation>删除目标规则：{name}（{key}）</translation>
    </message>
    <message>
        <source>Each month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Each phase</source>
        <translation>每个阶段</translation>
    </message>
    <message>
        <source>Every member unit</source>
        <translation>各成员单位</translation>
    </message>
    <message>
        <source>Every village or community</source>
        <translation>各村（社区）</translation>
    </message>
    <message>
        <source>Fraud cases are reported per village: apply the rule to every village or community.</source>
        <translation>案件数按村（社区）报送，请将规则适用于每个村（社区）。</translation>
    </message>
    <message>
        <source>Fraud cases fall on the month before</source>
        <translation>电诈案件环比下降（比上月）</translation>
    </message>
    <message>
        <source>Fraud cases fall on the previous period</source>
        <translation>电诈案件比上期下降（前一同样长度的期间）</translation>
    </message>
    <message>
        <source>Fraud cases fall on the same period last year</source>
        <translation>电诈案件同比下降（比去年同期）</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>请填写规则名称。</translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>Parent letters are counted per school: apply the rule to sites.</source>
        <translation>家长信按学校统计，请把规则适用于场所（学校）。</translation>
    </message>
    <message>
        <source>Parent letters signed back</source>
        <translation>家长信签回份数</translation>
    </message>
    <message>
        <source>Primary or secondary school</source>
        <translation>中小学</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: &quot;{name}&quot; is not an attribute of {units}. Known attributes: {known}.</source>
        <translation>指标“{expression}”：“{name}”不是{units}的属性。可用属性：{known}。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: enter a number or an expression such as entrances + elevators.</source>
        <translation>指标“{expression}”：请填写数字或算式，例如 出入口 + 电梯间。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: expected &quot;{expected}&quot; but found &quot;{found}&quot;.</source>
        <translation>指标“{expression}”：此处应为“{expected}”，却是“{found}”。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: only villages, communities and sites are given assigned targets.</source>
        <translation>指标要求“{expression}”：只有村（社区）和点位才有下达指标。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: the character &quot;{char}&quot; is not allowed; use numbers, attribute names, + - * / and brackets.</source>
        <translation>指标“{expression}”：不能使用字符“{char}”，只能使用数字、属性名、+ - * / 和括号。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: the expression ends too early.</source>
        <translation>指标“{expression}”：算式不完整。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: the number {number} is too large.</source>
        <translation>指标“{expression}”：数字 {number} 过大。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: too many nested brackets.</source>
        <translation>指标“{expression}”：括号嵌套层数过多。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: unexpected &quot;{found}&quot;.</source>
        <translation>指标“{expression}”：此处不应出现“{found}”。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: write the target&apos;s name in quotes, e.g. assigned(&quot;APP注册&quot;).</source>
        <translation>指标要求“{expression}”：请把指标名称写在引号内，例如 assigned(&quot;APP注册&quot;)。</translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: {function}() needs at least two values.</source>
        <translation>指标“{expression}”：{function}() 至少需要两个值。</translation>
    </message>
    <message>
        <source>Site kinds only apply to rules on sites.</source>
        <translation>只有适用于场所的规则才需选择场所类型。</translation>
    </message>
    <message>
        <source>Sites of the chosen kinds</source>
        <translation>所选类型的场所</translation>
    </message>
    <message>
        <source>Sum of people reached</source>
        <translation>覆盖人数合计</translation>
    </message>
    <message>
        <source>Sum of quantity</source>
        <translation>数量合计</translation>
    </message>
    <message>
        <source>Switched off the target rule {name} ({key})</source>
        <translation>停用目标规则：{name}（{key}）</translation>
    </message>
    <message>
        <source>Switched on the target rule {name} ({key})</source>
        <translation>启用目标规则：{name}（{key}）</translation>
    </message>
    <message>
        <source>The awareness target is a percentage between 1 and 100.</source>
        <translation>知晓率目标须为 1 到 100 之间的百分数。</translation>
    </message>
    <message>
        <source>The campaign no longer exists.</source>
        <translation>该专项行动已不存在。</translation>
    </message>
    <message>
        <source>The quota expression is longer than {limit} characters.</source>
        <translation>指标算式超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The rule key &quot;{key}&quot; must start with a lower-case letter and use only a-z, 0-9 and _ (at most 60 characters).</source>
        <translation>规则代码“{key}”须以小写字母开头，只能使用 a-z、0-9 和 _（最多 60 个字符）。</translation>
    </message>
    <message>
        <source>The rule name is longer than 200 characters.</source>
        <translation>规则名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>The rule no longer exists.</source>
        <translation>该规则已不存在。</translation>
    </message>
    <message>
        <source>This campaign already has a rule with the key {key}.</source>
        <translation>该专项行动已有代码为 {key} 的规则。</translation>
    </message>
    <message>
        <source>Township or sub-district office</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>University or college</source>
        <translation>高校</translation>
    </message>
    <message>
        <source>Unknown activity kind: {codes}.</source>
        <translation>未知的活动类型：{codes}。</translation>
    </message>
    <message>
        <source>Unknown default rule set {name}; choose one of {known}.</source>
        <translation>没有名为 {name} 的默认规则集，请从 {known} 中选择。</translation>
    </message>
    <message>
        <source>Unknown site kind: {codes}.</source>
        <translation>未知的场所类型：{codes}。</translation>
    </message>
    <message>
        <source>member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>{attribute} of its sites {number}</source>
        <translation>各点位{attribute}合计 {number}</translation>
    </message>
    <message>
        <source>{target} assigned {number}</source>
        <translation>{target}下达 {number}</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source> (current)</source>
        <translation>（当前）</translation>
    </message>
    <message numerus="yes">
        <source>%n default rule(s) added.</source>
        <translation>
            <numerusform>已添加 %n 条默认规则。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>专项行动(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>新建规则(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Restore default rules…</source>
        <translation>恢复默认规则(&amp;R)…</translation>
    </message>
    <message>
        <source>Add back every default rule this campaign no longer has? Rules that are still there, including ones you changed, stay as they are.</source>
        <translation>要把本专项行动中已删除的默认规则重新加回吗？现有规则（包括修改过的）保持不变。</translation>
    </message>
    <message>
        <source>Add back the default rules this campaign no longer has; rules you changed stay as they are.</source>
        <translation>重新加回本专项行动中已删除的默认规则；修改过的规则保持不变。</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Delete target rule</source>
        <translation>删除达标规则</translation>
    </message>
    <message>
        <source>Delete the target rule &quot;{name}&quot;? Coverage will no longer show it.</source>
        <translation>删除达标规则“{name}”吗？删除后达标情况中将不再显示该项目标。</translation>
    </message>
    <message>
        <source>No campaign has been set up yet. Create one under Campaigns… first.</source>
        <translation>尚未建立专项行动。请先在“专项行动…”中新建。</translation>
    </message>
    <message>
        <source>Restore default rules</source>
        <translation>恢复默认规则</translation>
    </message>
    <message>
        <source>Target rules</source>
        <translation>达标规则</translation>
    </message>
    <message>
        <source>The campaign already has every default rule.</source>
        <translation>本专项行动的默认规则都在，无需恢复。</translation>
    </message>
</context>
<context>
    <name>RulesTableModel</name>
    <message>
        <source>Activity kinds that count</source>
        <translation>计入的活动类型</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>考核对象</translation>
    </message>
    <message>
        <source>Counted in coverage</source>
        <translation>计入达标统计</translation>
    </message>
    <message>
        <source>Judged over</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>计量</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Quota per unit</source>
        <translation>每单位指标</translation>
    </message>
    <message>
        <source>Switched off: not counted</source>
        <translation>已停用：不计入达标统计</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>SafeFiles</name>
    <message>
        <source>The disk holding {folder} is full ({free} free). Nothing was changed; free some space there (or choose another folder) and try again.</source>
        <translation>{folder} 所在的磁盘已满（剩余 {free}）。没有做任何更改；请在该磁盘上腾出空间（或另选文件夹）后重试。</translation>
    </message>
    <message>
        <source>The disk holding {path} reported a read or write error: the disk or the USB stick may be failing. Copy your files elsewhere.</source>
        <translation>{path} 所在的磁盘报告读写错误：磁盘或U盘可能出现故障。请把文件复制到别处。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The name {path} is too long for this disk.</source>
        <translation>名称 {path} 太长，此磁盘无法使用。</translation>
    </message>
    <message>
        <source>You are not allowed to use {path} (the file or its folder is protected, or another program holds it open). Close other programs using it, or choose another place.</source>
        <translation>无权使用 {path}（文件或其所在文件夹受保护，或被其他程序占用）。请关闭正在使用它的其他程序，或另选位置。</translation>
    </message>
    <message>
        <source>{path} cannot be a file: a part of its folder path is a file, not a folder.</source>
        <translation>{path} 不能作为文件：其文件夹路径中有一部分是文件而不是文件夹。</translation>
    </message>
    <message>
        <source>{path} cannot be a folder: a part of its path is a file.</source>
        <translation>{path} 不能作为文件夹：其路径中有一部分是文件。</translation>
    </message>
    <message>
        <source>{path} cannot be used (system error {code}).</source>
        <translation>无法使用 {path}（系统错误 {code}）。</translation>
    </message>
    <message>
        <source>{path} cannot be used: a part of its folder path is a file, not a folder.</source>
        <translation>无法使用 {path}：其文件夹路径中有一部分是文件而不是文件夹。</translation>
    </message>
    <message>
        <source>{path} does not exist (or its folder does not).</source>
        <translation>{path} 不存在（或其所在文件夹不存在）。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file. Choose a file.</source>
        <translation>{path} 是文件夹，不是文件。请选择一个文件。</translation>
    </message>
    <message>
        <source>{path} is a symbolic link to a file that does not exist. Outreach Desk does not follow it; remove the link or choose another name.</source>
        <translation>{path} 是指向不存在文件的符号链接。反诈宣传工作台不会跟随它；请删除该链接或另选名称。</translation>
    </message>
    <message>
        <source>{path} is a symbolic link, not a folder. Outreach Desk does not write through links; remove the link.</source>
        <translation>{path} 是符号链接，不是文件夹。反诈宣传工作台不会通过链接写入；请删除该链接。</translation>
    </message>
    <message>
        <source>{path} is a symbolic link. Outreach Desk does not write through links, so that a planted link cannot overwrite another file; remove the link or choose another name.</source>
        <translation>{path} 是符号链接。为防止被人放置的链接覆盖其他文件，反诈宣传工作台不会通过链接写入；请删除该链接或另选名称。</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path} 不是文件夹。</translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (it is a device, a pipe or a socket). Choose a file.</source>
        <translation>{path} 不是普通文件（而是设备、管道或套接字）。请选择一个文件。</translation>
    </message>
    <message>
        <source>{path} is on a read-only disk (a write-protected USB stick, a CD, a read-only share): nothing can be written there.</source>
        <translation>{path} 位于只读磁盘上（写保护的U盘、光盘或只读共享文件夹），无法在那里写入任何内容。</translation>
    </message>
    <message>
        <source>{path} is the database Outreach Desk works on (or one of its journal or lock files): no other file may be read from it or saved over it, so that the records stay intact. Choose another file or name.</source>
        <translation>{path} 是反诈宣传工作台正在使用的数据库（或其日志文件、锁文件），为保护台账记录，不能把它当作其他文件读取，也不能保存覆盖它。请另选文件或名称。</translation>
    </message>
</context>
<context>
    <name>SendingsCommand</name>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>No month has been sent yet.</source>
        <translation>还没有报送过任何月份。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>次序</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Report SHA-256</source>
        <translation>报表 SHA-256</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>To</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>已重新打开</translation>
    </message>
</context>
<context>
    <name>SendingsDialog</name>
    <message>
        <source>&amp;Reopen…</source>
        <translation>重新打开(&amp;R)…</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>家长信</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>No month has been sent yet. Use File › Send this month… once the monthly report has gone out.</source>
        <translation>还没有报送过任何月份。月报发出后，请用“文件 › 报送本月…”登记。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>次序</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Report SHA-256</source>
        <translation>报表 SHA-256</translation>
    </message>
    <message>
        <source>Sendings</source>
        <translation>报送记录</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>To</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>已重新打开</translation>
    </message>
</context>
<context>
    <name>SentDateDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>标记已报送</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报送材料：</translation>
    </message>
    <message>
        <source>Sent &amp;on:</source>
        <translation>报送日期(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>On the server {where} a township clerk&apos;s login adds to the audit trail but cannot change or delete its entries; nothing was changed. Only the county&apos;s logins may.</source>
        <translation>服务器 {where} 上乡镇录入员的用户只能往操作记录里添加，不能修改或删除其中的条目，这次没有作任何修改。只有县级用户可以这样做。</translation>
    </message>
    <message>
        <source>On the server {where} only the county&apos;s logins may change the activity kinds; nothing was changed. Ask the county office to add or change a kind.</source>
        <translation>服务器 {where} 上只有县级用户可以修改活动类型，这次没有作任何修改。需要新增或修改活动类型时，请联系县里。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver (psycopg) is not installed, so Outreach Desk cannot reach a server database. Install it with: pip install &apos;outreach-desk[server]&apos; (or pip install &apos;psycopg[binary]&apos;), then try again.</source>
        <translation>未安装 PostgreSQL 驱动程序（psycopg），反诈宣传工作台无法连接服务器数据库。请用 pip install &apos;outreach-desk[server]&apos;（或 pip install &apos;psycopg[binary]&apos;）安装后重试。</translation>
    </message>
    <message>
        <source>The connection to the server {where} was lost. What was not yet saved has not been saved; check the network and try again.</source>
        <translation>与服务器 {where} 的连接已断开。尚未保存的内容没有保存；请检查网络后重试。</translation>
    </message>
    <message>
        <source>The database {where} already holds tables of another program ({tables}) and no Outreach Desk data. Nothing was changed; use an empty database.</source>
        <translation>数据库 {where} 中已有其他程序的数据表（{tables}），且没有反诈宣传工作台的数据。未做任何更改；请使用一个空数据库。</translation>
    </message>
    <message>
        <source>The server name in {where} cannot be found on the network. Check the name and the network connection.</source>
        <translation>在网络上找不到 {where} 中的服务器名称。请检查名称和网络连接。</translation>
    </message>
    <message>
        <source>The server {where} cannot be reached: it is not running, or the network or a firewall is in the way. Nothing was changed; check the network and try again, or ask the county IT person.</source>
        <translation>无法连接服务器 {where}：服务器未运行，或被网络、防火墙阻断。未做任何更改；请检查网络后重试，或联系县里的信息技术人员。</translation>
    </message>
    <message>
        <source>The server {where} could not set up the database: {reason}</source>
        <translation>服务器 {where} 无法建立数据库：{reason}</translation>
    </message>
    <message>
        <source>The server {where} does not accept connections from this computer (pg_hba.conf). Ask the county IT person to allow it.</source>
        <translation>服务器 {where} 不接受来自这台计算机的连接（pg_hba.conf）。请联系县里的信息技术人员放行。</translation>
    </message>
    <message>
        <source>The server {where} does not allow this user to do that (permission denied). Nothing was changed; ask the county IT person for the rights.</source>
        <translation>服务器 {where} 不允许此用户执行该操作（权限不足）。未做任何更改；请向县里的信息技术人员申请权限。</translation>
    </message>
    <message>
        <source>The server {where} has no such database. Check the database name, or ask the county IT person to create it and run &apos;outreach-desk server-init&apos;.</source>
        <translation>服务器 {where} 上没有这个数据库。请检查数据库名称，或请县里的信息技术人员创建它并运行“outreach-desk server-init”。</translation>
    </message>
    <message>
        <source>The server {where} knows no such user. Check the user name; nothing was changed.</source>
        <translation>服务器 {where} 上没有这个用户。请检查用户名；未做任何更改。</translation>
    </message>
    <message>
        <source>The server {where} lets this user change only the records of its own township (row-level security); nothing was changed.</source>
        <translation>服务器 {where} 只允许这个用户修改本乡镇的记录（行级安全），未作任何更改。</translation>
    </message>
    <message>
        <source>The server {where} refused the connection: {reason}</source>
        <translation>服务器 {where} 拒绝了连接：{reason}</translation>
    </message>
    <message>
        <source>The server {where} refused the user name or password. Check them (or the ~/.pgpass file); nothing was changed.</source>
        <translation>服务器 {where} 拒绝了用户名或密码。请检查用户名和密码（或 ~/.pgpass 文件）；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>ServerBackup</name>
    <message>
        <source>pg_dump could not back up {where}: {reason}</source>
        <translation>pg_dump 无法备份 {where}：{reason}</translation>
    </message>
    <message>
        <source>pg_dump could not back up {where}: {reason}. Nothing was saved.</source>
        <translation>pg_dump 无法备份 {where}：{reason}。没有保存任何文件。</translation>
    </message>
</context>
<context>
    <name>ServerInitCommand</name>
    <message>
        <source>The database {where} already has the newest schema (version {version}); nothing was changed.</source>
        <translation>数据库 {where} 已是最新的结构（版本 {version}）；未做任何更改。</translation>
    </message>
    <message>
        <source>The database {where} now has the Outreach Desk schema (version {version}).</source>
        <translation>数据库 {where} 已建好反诈宣传工作台的结构（版本 {version}）。</translation>
    </message>
    <message>
        <source>{url} is not a server address; it must start with postgresql://.</source>
        <translation>{url} 不是服务器地址；服务器地址须以 postgresql:// 开头。</translation>
    </message>
</context>
<context>
    <name>ServerRestore</name>
    <message>
        <source>Restoring {name} into {where}… ({seconds} s)</source>
        <translation>正在把 {name} 恢复到 {where}……（{seconds} 秒）</translation>
    </message>
    <message>
        <source>The backup {path} does not exist.</source>
        <translation>备份 {path} 不存在。</translation>
    </message>
    <message>
        <source>pg_restore (PostgreSQL&apos;s client programs) is not installed on this computer, so the archive {path} cannot be read here. Install the PostgreSQL client, or restore it on the server; nothing was changed.</source>
        <translation>本机没有安装 pg_restore（PostgreSQL 客户端程序），无法在这里读取备份 {path}。请安装 PostgreSQL 客户端，或在服务器上恢复；这次没有作任何修改。</translation>
    </message>
    <message>
        <source>pg_restore could not be started: {reason}</source>
        <translation>无法启动 pg_restore：{reason}</translation>
    </message>
    <message>
        <source>pg_restore could not restore {name} into {where}: {reason}. The database is as it was.</source>
        <translation>pg_restore 没能把 {name} 恢复到 {where}：{reason}。该数据库保持原样。</translation>
    </message>
    <message>
        <source>{path} is neither a pg_dump archive (.dump) nor an Outreach Desk database file (.db); nothing was changed.</source>
        <translation>{path} 既不是 pg_dump 备份（.dump），也不是本程序的数据库文件（.db）；这次没有作任何修改。</translation>
    </message>
    <message numerus="yes">
        <source>{target} already holds %n township(s) with {activities:,} activity records. They would be replaced, not added to.</source>
        <translation>
            <numerusform>{target} 中已有 %n 个乡镇、{activities:,} 条活动记录。继续的话，这些记录将被替换，而不是合并。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{target} is in use: %n other connection(s) are open on it (a clerk&apos;s window, psql or another program), and a restore would replace the records under them. Nothing was changed. Ask the clerks to close Outreach Desk first, or restore into a new database (createdb) and let them connect to that one.</source>
        <translation>
            <numerusform>{target} 正在使用中：还有 %n 个其他连接（录入员的窗口、psql 或其他程序），恢复会把他们正在使用的记录整个替换掉。这次没有作任何修改。请先让录入员关闭反诈宣传工作台，或者恢复到一个新建的数据库（createdb），再让录入员改连那个数据库。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerRolesCommand</name>
    <message>
        <source>Password for the login: </source>
        <translation>登录密码：</translation>
    </message>
    <message>
        <source>Row-level security is on for {count} tables of {where}.</source>
        <translation>已在 {where} 的 {count} 张表上启用行级安全。</translation>
    </message>
    <message>
        <source>The login {user} was made without a password: run this again with --password to set one.</source>
        <translation>登录用户 {user} 已建立，但还没有密码：请加上 --password 再运行一次来设置密码。</translation>
    </message>
    <message>
        <source>The password is empty; nothing was changed.</source>
        <translation>密码为空，未作任何更改。</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再输入一次密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致，未作任何更改。</translation>
    </message>
    <message>
        <source>{url} is not a server address; it must start with postgresql://.</source>
        <translation>{url} 不是服务器地址，应以 postgresql:// 开头。</translation>
    </message>
    <message>
        <source>{user} is a clerk of {township}: reads every township, writes only {township}&apos;s records.</source>
        <translation>{user} 是{township}的录入员：可以查看所有乡镇的记录，只能修改{township}的记录。</translation>
    </message>
    <message>
        <source>{user} is a county user: reads and writes the records of every township.</source>
        <translation>{user} 是县级用户：可以查看和修改所有乡镇的记录。</translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Your name for the audit trail, and the language</source>
        <translation>设置操作日志中的经办人姓名和界面语言</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>A new language takes effect the next time Outreach Desk starts.</source>
        <translation>更改语言后，下次启动反诈宣传工作台时生效。</translation>
    </message>
    <message>
        <source>Every change you make is recorded in the audit trail under this name, together with the computer&apos;s user name.</source>
        <translation>您所做的每一处修改都会以此姓名记入操作日志，同时记录电脑用户名。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>On the server the audit trail records every change under your database login, {login}, together with the computer&apos;s user name; the name here is used for database files.</source>
        <translation>在服务器上，审计记录以您登录数据库的用户名 {login} 和本机的用户名记下每一项修改；这里填写的姓名只用于数据库文件。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Send the month to</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <source>The office the month&apos;s report and package go to: the sending dialogs propose it and the summary (总结) is addressed to it.</source>
        <translation>月报和上报包报送的上级单位：报送窗口默认填它，工作总结的主送单位也是它。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <source>e.g. 李娟</source>
        <translation>例如：李娟</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>添加点位</translation>
    </message>
    <message>
        <source>Edit site</source>
        <translation>点位属性</translation>
    </message>
    <message>
        <source>Village or community:</source>
        <translation>所属村（社区）：</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Outreach Desk cannot run with PySide6 {qt} on Python {python}: this pair makes the program crash after a few minutes of use. Install another PySide6 release (pip install &quot;PySide6-Essentials!=6.12.0&quot;) or another Python, then start again.</source>
        <translation>反诈宣传工作台无法在 Python {python} 上配合 PySide6 {qt} 运行：这一组合会使程序在使用几分钟后崩溃。请安装其他版本的 PySide6（pip install &quot;PySide6-Essentials!=6.12.0&quot;）或其他版本的 Python，然后重新启动。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot open {path}: the folder does not exist or may not be read or written. Check the folder; the file has not been changed.</source>
        <translation>无法打开 {path}：文件夹不存在，或不允许读写。请检查该文件夹；文件未被改动。</translation>
    </message>
    <message>
        <source>SQLite found the database {path} damaged while reading it. Nothing was changed; run &apos;outreach-desk check&apos; to see what is wrong before doing anything else.</source>
        <translation>SQLite 在读取数据库 {path} 时发现它已损坏。未做任何更改；请先运行“outreach-desk check”查看问题所在，再做其他操作。</translation>
    </message>
    <message>
        <source>The database {path} does not exist.</source>
        <translation>数据库 {path} 不存在。</translation>
    </message>
    <message>
        <source>The database {path} has changes waiting in its journal ({journal}) and lies on a disk that cannot be written, so they cannot be read back. Copy the folder to a writable disk and open the copy.</source>
        <translation>数据库 {path} 的日志（{journal}）中有待写入的修改，而它所在的磁盘不可写，因此无法读回这些修改。请把文件夹复制到可写的磁盘上，再打开副本。</translation>
    </message>
    <message>
        <source>The database {path} is busy: another program is writing to it. Nothing was changed; try again in a moment.</source>
        <translation>数据库 {path} 正忙：另一个程序正在写入。未做任何更改；请稍后再试。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({reason}). It has not been changed; restore a backup.</source>
        <translation>数据库 {path} 已损坏（{reason}）。文件未被改动，请从备份恢复。</translation>
    </message>
    <message>
        <source>The database {path} is read-only (the file, its folder or its disk is write-protected): it can be read, but nothing can be changed in it.</source>
        <translation>数据库 {path} 是只读的（文件、所在文件夹或磁盘有写保护）：可以查看，但不能修改。</translation>
    </message>
    <message>
        <source>The database {path} was written by an older version of Outreach Desk and must be upgraded before this version can read it, which cannot be done where it lies (read-only). Copy it to a folder you may write to and open the copy.</source>
        <translation>数据库 {path} 由旧版反诈宣传工作台写入，须先升级才能被本版本读取，而它所在的位置是只读的，无法升级。请把它复制到您可以写入的文件夹，再打开副本。</translation>
    </message>
    <message>
        <source>The disk holding {path} reported a read or write error, so the database could not be opened. It has not been changed; check the disk (or the USB stick) and try again.</source>
        <translation>{path} 所在的磁盘报告了读写错误，因此无法打开数据库。数据库未被改动；请检查磁盘（或 U 盘）后再试。</translation>
    </message>
    <message>
        <source>The disk holding {path} reported a read or write error. Nothing was changed; check the disk (or the USB stick) and try again.</source>
        <translation>{path} 所在的磁盘报告了读写错误。未做任何更改；请检查磁盘（或 U 盘）后再试。</translation>
    </message>
    <message>
        <source>The file {path} is not an Outreach Desk database. It has not been changed.</source>
        <translation>文件 {path} 不是反诈宣传工作台的数据库，文件未被改动。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Outreach Desk (schema {found}, this program knows up to {known}). Please update the program; the file has not been changed.</source>
        <translation>该数据库由更新版本的反诈宣传工作台写入（数据结构版本 {found}，本程序最高支持 {known}）。请升级程序；文件未被改动。</translation>
    </message>
    <message>
        <source>{reason} It cannot be used as the database; nothing was changed.</source>
        <translation>{reason}它不能用作数据库；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>StoreSession</name>
    <message>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Background work is still running; nothing was changed. Try again in a moment.</source>
        <translation>后台任务仍在运行；未做任何改动。请稍后重试。</translation>
    </message>
    <message>
        <source>Backing up the database and checking the backup…</source>
        <translation>正在备份数据库并检查备份…</translation>
    </message>
    <message>
        <source>Backup made: {name}</source>
        <translation>已完成备份：{name}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>Cannot connect to the server</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Cannot write to the database</source>
        <translation>无法写入数据库</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Connecting to the server {where}…</source>
        <translation>正在连接服务器 {where}…</translation>
    </message>
    <message>
        <source>Database already in use</source>
        <translation>数据库已被占用</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Database on a network folder</source>
        <translation>数据库位于网络文件夹</translation>
    </message>
    <message>
        <source>Do not warn again for this database</source>
        <translation>此数据库不再提示</translation>
    </message>
    <message>
        <source>Looking for a good backup…</source>
        <translation>正在查找完好的备份…</translation>
    </message>
    <message>
        <source>Password of {where}:</source>
        <translation>{where} 的密码：</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>The automatic backup on exit failed: {reason}
Your records are saved in the database; make a backup with File › Back up now when you can.</source>
        <translation>退出时的自动备份失败：{reason}
您的记录已保存在数据库中；方便时请用“文件 › 立即备份”做一次备份。</translation>
    </message>
    <message>
        <source>The database was restored from {source} ({count:,} activity records).</source>
        <translation>数据库已从 {source} 恢复（共 {count:,} 条活动记录）。</translation>
    </message>
    <message>
        <source>The indexes were rebuilt; the check now finds no problems.</source>
        <translation>索引已重建，检查未再发现问题。</translation>
    </message>
    <message>
        <source>The server {where} needs a password: put it in ~/.pgpass (or the file PGPASSFILE names).</source>
        <translation>服务器 {where} 需要密码：请把密码写入 ~/.pgpass（或 PGPASSFILE 指定的文件）。</translation>
    </message>
    <message>
        <source>Upgrading the database for this version of Outreach Desk (only this once; a large database takes up to a minute)…</source>
        <translation>正在为新版本升级数据库（仅此一次，数据量大时最长约需一分钟）…</translation>
    </message>
    <message>
        <source>{message}

Open it read-only?</source>
        <translation>{message}

要以只读方式打开吗？</translation>
    </message>
    <message>
        <source>{message}

Open it read-only? You can look at the records and make reports, but not change anything.</source>
        <translation>{message}

要以只读方式打开吗？可以查看记录、生成报表，但不能做任何修改。</translation>
    </message>
    <message>
        <source>{message}

The database cannot even be read in this folder. Copy it into a folder you may write to (for example Documents) and open the copy.</source>
        <translation>{message}

在这个文件夹中连读取数据库都无法进行。请把它复制到您有写入权限的文件夹（例如“文档”），再打开副本。</translation>
    </message>
    <message>
        <source>{problem}

No good backup was found in {folder}. The file has not been changed; copy it and ask for help.</source>
        <translation>{problem}

在 {folder} 中没有找到完好的备份。文件未做任何改动；请复制该文件并寻求技术支持。</translation>
    </message>
    <message>
        <source>{problem}

Rebuild the indexes now? It takes a moment and changes no record.</source>
        <translation>{problem}

现在重建索引吗？这需要片刻，不会改动任何记录。</translation>
    </message>
    <message>
        <source>{problem}

The newest good backup was made {when} and holds {count:,} activity records. Restore it? The damaged file is kept in {folder}; records entered after the backup must be entered again.</source>
        <translation>{problem}

最近一份完好的备份制作于 {when}，共 {count:,} 条活动记录。要恢复它吗？损坏的文件会保留在 {folder}；备份之后录入的记录需要重新录入。</translation>
    </message>
    <message>
        <source>{text}
The previous database was kept as {aside}.</source>
        <translation>{text}
原数据库已另存为 {aside}。</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title}（只读）</translation>
    </message>
</context>
<context>
    <name>SubmissionActions</name>
    <message>
        <source>&amp;Send this month…</source>
        <translation>报送本月(&amp;S)…</translation>
    </message>
    <message>
        <source>County office: import the townships&apos; upward packages and see which township sent which month (报送情况)</source>
        <translation>县里使用：导入各乡镇的上报包，查看哪个乡镇报送了哪个月（报送情况）</translation>
    </message>
    <message>
        <source>Document &amp;archive…</source>
        <translation>材料归档(&amp;A)…</translation>
    </message>
    <message>
        <source>Every month sent: when, to whom, by whom, and what was sent</source>
        <translation>每次报送的时间、报送单位、报送人和报送内容</translation>
    </message>
    <message>
        <source>Import the packages of the villages and communities that keep their own copy of the program, and see which sent which month</source>
        <translation>导入自备程序的各村（社区）的上报包，并查看哪个村（社区）报送了哪个月</translation>
    </message>
    <message>
        <source>Import townships&apos; pac&amp;kages…</source>
        <translation>导入乡镇上报包(&amp;K)…</translation>
    </message>
    <message>
        <source>Import villages&apos; pac&amp;kages…</source>
        <translation>导入村（社区）上报包(&amp;K)…</translation>
    </message>
    <message>
        <source>Sending &amp;history…</source>
        <translation>报送记录(&amp;H)…</translation>
    </message>
    <message>
        <source>The documents the campaign asks for (总结, 典型案例, 经验做法 …): due dates, overdue ones, attached files</source>
        <translation>专项行动要求报送的材料（总结、典型案例、经验做法等）：截止日期、逾期情况、已附文件</translation>
    </message>
    <message>
        <source>Upward packages</source>
        <translation>上报包</translation>
    </message>
    <message>
        <source>Write the month&apos;s upward package for the county, record it as sent and close the month, so its records cannot change unnoticed</source>
        <translation>生成本月报送县里的上报包，登记为已报送并关闭本月，此后该月的记录不能再悄悄改动</translation>
    </message>
</context>
<context>
    <name>SupervisionSheets</name>
    <message>
        <source> ({count} photos)</source>
        <translation>（照片{count}张）</translation>
    </message>
    <message>
        <source>As of {date}: {overdue} overdue, {week} due within 7 days, {done} put right.</source>
        <translation>截至 {date}：逾期 {overdue} 份，7 天内到期 {week} 份，已整改 {done} 份。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>发案数</translation>
    </message>
    <message>
        <source>Cases MoM</source>
        <translation>发案环比</translation>
    </message>
    <message>
        <source>Cases YoY</source>
        <translation>发案同比</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change against {period} ({start} to {end}).</source>
        <translation>变化与{period}（{start} 至 {end}）相比。</translation>
    </message>
    <message>
        <source>Commend (proposed)</source>
        <translation>建议表扬</translation>
    </message>
    <message>
        <source>Commendations and criticisms</source>
        <translation>表扬与批评</translation>
    </message>
    <message>
        <source>Commended / criticised</source>
        <translation>表扬/批评</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>达标指数</translation>
    </message>
    <message>
        <source>Criticise (proposed)</source>
        <translation>建议批评</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Decisions on this period</source>
        <translation>本期的表扬和批评</translation>
    </message>
    <message>
        <source>Decisions recorded on the Supervision page (Commendations and criticisms tab); drafts come from the ranking.</source>
        <translation>表扬和批评决定在“督导整改”页的“表扬与批评”页签中记录，可按排名生成草稿。</translation>
    </message>
    <message>
        <source>Earlier decisions in this campaign</source>
        <translation>本次专项行动此前的表扬和批评</translation>
    </message>
    <message>
        <source>Fraud cases</source>
        <translation>案件情况</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>止付数</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达日期</translation>
    </message>
    <message>
        <source>Losses (yuan)</source>
        <translation>损失金额（元）</translation>
    </message>
    <message>
        <source>Losses MoM</source>
        <translation>损失环比</translation>
    </message>
    <message>
        <source>Losses YoY</source>
        <translation>损失同比</translation>
    </message>
    <message>
        <source>Mark or reason</source>
        <translation>标记或原因</translation>
    </message>
    <message>
        <source>No commendation or criticism was decided for {period}.</source>
        <translation>{period}无表彰、批评记录。</translation>
    </message>
    <message>
        <source>No rectification order has been issued.</source>
        <translation>尚未下达整改通知。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Previous rank</source>
        <translation>上期名次</translation>
    </message>
    <message>
        <source>Proposed from the ranking, not decided yet (for the leaders to consider)</source>
        <translation>按排名提出的建议（尚未作出决定，供领导参考）</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Rectification orders</source>
        <translation>督导整改</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>劝阻数</translation>
    </message>
    <message>
        <source>The proposals commend the ranking&apos;s top {n} and criticise its bottom {n} (villages and communities, then member units); once decisions are recorded, the report lists those instead.</source>
        <translation>建议按本期排名表扬前 {n} 名、批评后 {n} 名（先列村（社区），后列成员单位）；记录决定后，月报改为列出所记录的决定。</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>YoY: against the same month last year; MoM: against the month before. An empty row was not reported by the police station.</source>
        <translation>同比：与上年同月相比；环比：与上月相比。空行表示派出所未报送。</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
</context>
<context>
    <name>SurveyForm</name>
    <message>
        <source> ({more} more)</source>
        <translation>（还差 {more} 份）</translation>
    </message>
    <message>
        <source>&amp;Aware / correct</source>
        <translation>知晓/答对人数(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>调查方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Respondents</source>
        <translation>受访人数(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Village</source>
        <translation>村（社区）(&amp;V)</translation>
    </message>
    <message>
        <source>A margin of ±5 points takes about {needed} questionnaires</source>
        <translation>误差控制在 ±5 个百分点约需 {needed} 份问卷</translation>
    </message>
    <message>
        <source>Awareness rate</source>
        <translation>知晓率</translation>
    </message>
    <message>
        <source>Editing the survey of {date} · {village}</source>
        <translation>正在修改 {date} · {village} 的调查记录</translation>
    </message>
    <message>
        <source>New awareness survey</source>
        <translation>新增知晓率调查</translation>
    </message>
    <message>
        <source>No data (nobody was asked)</source>
        <translation>无数据（受访人数为 0）</translation>
    </message>
    <message>
        <source>There is no village or community called {name}.</source>
        <translation>没有名为“{name}”的村（社区）。</translation>
    </message>
    <message>
        <source>e.g. surveyed at the market fair</source>
        <translation>如：赶集日现场调查</translation>
    </message>
    <message>
        <source>{rate} · 95% interval {interval}</source>
        <translation>{rate} · 95% 置信区间 {interval}</translation>
    </message>
    <message>
        <source>{township} · {village}</source>
        <translation>{township} · {village}</translation>
    </message>
</context>
<context>
    <name>SurveyModel</name>
    <message>
        <source>95% interval</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <source>Against the target</source>
        <translation>对照目标</translation>
    </message>
    <message>
        <source>Aware</source>
        <translation>知晓人数</translation>
    </message>
    <message>
        <source>Awareness rate</source>
        <translation>知晓率</translation>
    </message>
    <message>
        <source>Below the {target} target</source>
        <translation>未达 {target}</translation>
    </message>
    <message>
        <source>Below the {target} target (interval reaches it)</source>
        <translation>未达 {target}（区间上限可达）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Meets the {target} target</source>
        <translation>达到 {target}</translation>
    </message>
    <message>
        <source>Meets the {target} target (interval reaches below it)</source>
        <translation>达到 {target}（区间下限未达）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>调查方式</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>受访人数</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message numerus="yes">
        <source>%n survey(s) · {respondents} respondents</source>
        <translation>
            <numerusform>调查 %n 次 · 受访 {respondents} 人</numerusform>
        </translation>
    </message>
    <message>
        <source>All villages and communities</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Awareness rate by village, all dates (target {target}%)</source>
        <translation>各村（社区）知晓率（全部日期，目标 {target}%）</translation>
    </message>
    <message>
        <source>Awareness rate by village, {start} to {end} (target {target}%)</source>
        <translation>各村（社区）知晓率（{start} 至 {end}，目标 {target}%）</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>{township} · {village}</source>
        <translation>{township} · {village}</translation>
    </message>
</context>
<context>
    <name>Surveys</name>
    <message>
        <source>About {needed} respondents are needed for a rate within 5 points ({more} more).</source>
        <translation>要使知晓率误差在 ±5 个百分点以内，约需 {needed} 份问卷（还差 {more} 份）。</translation>
    </message>
    <message>
        <source>Added the survey {what}</source>
        <translation>新增问卷调查：{what}</translation>
    </message>
    <message>
        <source>Brought back the survey {what}</source>
        <translation>恢复问卷调查：{what}</translation>
    </message>
    <message>
        <source>Choose how the survey was done.</source>
        <translation>请选择调查方式。</translation>
    </message>
    <message>
        <source>Choose the village or community that was surveyed.</source>
        <translation>请选择被调查的村（社区）。</translation>
    </message>
    <message>
        <source>Deleted the survey {what}</source>
        <translation>删除问卷调查：{what}</translation>
    </message>
    <message>
        <source>Edited the survey {what}</source>
        <translation>修改问卷调查：{what}</translation>
    </message>
    <message>
        <source>Enter the date of the survey.</source>
        <translation>请填写调查日期。</translation>
    </message>
    <message>
        <source>Face-to-face interview</source>
        <translation>当面访谈</translation>
    </message>
    <message>
        <source>Online questionnaire</source>
        <translation>网络问卷</translation>
    </message>
    <message>
        <source>Paper questionnaire</source>
        <translation>纸质问卷</translation>
    </message>
    <message>
        <source>Respondents must be a whole number of 0 or more.</source>
        <translation>受访人数须为 0 或以上的整数。</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话调查</translation>
    </message>
    <message>
        <source>The notes are longer than 2000 characters.</source>
        <translation>备注超过 2000 个字符。</translation>
    </message>
    <message>
        <source>The number of aware respondents must be a whole number of 0 or more.</source>
        <translation>知晓人数须为 0 或以上的整数。</translation>
    </message>
    <message>
        <source>The survey record no longer exists.</source>
        <translation>该问卷调查记录已不存在。</translation>
    </message>
    <message>
        <source>This login may change only the records of its own township; the survey was not changed.</source>
        <translation>这个登录用户只能修改本乡镇的记录，这条问卷记录没有修改。</translation>
    </message>
    <message>
        <source>{aware} aware respondents is more than the {respondents} people asked.</source>
        <translation>知晓人数 {aware} 多于受访人数 {respondents}。</translation>
    </message>
    <message>
        <source>{date} {village}: {aware} of {respondents} aware</source>
        <translation>{date} {village}：受访 {respondents} 人，知晓 {aware} 人</translation>
    </message>
    <message>
        <source>{respondents} respondents pin the rate down to within 5 points.</source>
        <translation>已有 {respondents} 份问卷，知晓率误差在 ±5 个百分点以内。</translation>
    </message>
    <message>
        <source>{who} saved this survey at {when}, after you opened it; your changes were not written over theirs.</source>
        <translation>这条问卷记录在您打开之后，已由{who}于{when}保存；您的修改没有覆盖对方的内容。</translation>
    </message>
</context>
<context>
    <name>TemplateCommand</name>
    <message>
        <source>Entry workbook written to {path}.</source>
        <translation>录入表已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>TownshipChoice</name>
    <message>
        <source>Townshi&amp;p:</source>
        <translation>乡镇(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>TownshipDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>单位名称(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Prepared by (填报人):</source>
        <translation>填报人(&amp;P)：</translation>
    </message>
    <message>
        <source>Add township</source>
        <translation>添加乡镇</translation>
    </message>
    <message>
        <source>Edit township</source>
        <translation>乡镇属性</translation>
    </message>
    <message>
        <source>Printed on reports, e.g. the comprehensive governance office</source>
        <translation>打印在报表上，如：××镇综治办</translation>
    </message>
    <message>
        <source>Re&amp;viewed by (审核人):</source>
        <translation>审核人(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>A new database file (or one without records), or an empty server database written as postgresql://user@server:5432/dbname. Every record and photo is copied, and the counts of every table are checked.</source>
        <translation>一个新的数据库文件（或没有记录的文件），或一个空的服务器数据库，地址形如 postgresql://user@server:5432/dbname。全部记录和照片都会复制，复制后逐表核对记录数。</translation>
    </message>
    <message>
        <source>A pg_dump archive (.dump) or a database file (.db) made by Back up now. Restore into a new, empty database (createdb), check it, then let the clerks connect to it; the database the clerks use now is not touched unless you name it.</source>
        <translation>“立即备份”做出的 pg_dump 备份（.dump）或数据库文件（.db）。请恢复到一个新建的空数据库（createdb），核对无误后再让录入员连接；除非在这里填写，录入员正在使用的数据库不受影响。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Cancelled; the target is as it was.</source>
        <translation>已取消，目标保持原样。</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Copied into {target}: {records:,} records in {tables} tables and {photos:,} photos; the counts of every table were checked.</source>
        <translation>已复制到 {target}：{tables} 个表共 {records:,} 条记录、{photos:,} 张照片，每个表的记录数都已核对。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy into which database file?</source>
        <translation>复制到哪个数据库文件？</translation>
    </message>
    <message>
        <source>Copy the database</source>
        <translation>复制数据库</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>复制到</translation>
    </message>
    <message>
        <source>Into the server database</source>
        <translation>恢复到服务器数据库</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有作任何修改。</translation>
    </message>
    <message>
        <source>Outreach Desk databases (*.db)</source>
        <translation>反诈宣传工作台数据库 (*.db)</translation>
    </message>
    <message>
        <source>Restore a server backup</source>
        <translation>恢复服务器备份</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Say where from and where to.</source>
        <translation>请填写从哪里复制、复制到哪里。</translation>
    </message>
    <message>
        <source>Server backups (*.dump *.db);;All files (*)</source>
        <translation>服务器备份 (*.dump *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>服务器密码</translation>
    </message>
    <message>
        <source>The backup {name} is in {target} ({count:,} activity records). The clerks can connect to it with File › Connect to server….</source>
        <translation>备份 {name} 已恢复到 {target}（{count:,} 条活动记录）。录入员可以用“文件 › 连接服务器…”连接它。</translation>
    </message>
    <message>
        <source>Which backup?</source>
        <translation>选择哪个备份？</translation>
    </message>
    <message>
        <source>empty: ~/.pgpass, or this connection&apos;s password</source>
        <translation>留空：使用 ~/.pgpass 或当前连接的密码</translation>
    </message>
    <message>
        <source>{reason}

Replace them with what is copied?</source>
        <translation>{reason}

用要复制的内容替换它们吗？</translation>
    </message>
</context>
<context>
    <name>TypedDateEdit</name>
    <message>
        <source>Type a date, for example 2026-11-05.</source>
        <translation>请输入日期，例如 2026-11-05。</translation>
    </message>
    <message>
        <source>{date} lies outside {first} to {last}.</source>
        <translation>{date} 不在 {first} 至 {last} 之间。</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>(the whole village or community)</source>
        <translation>（整个村、社区）</translation>
    </message>
    <message>
        <source>A block, school, market or other site of the village, or the whole village</source>
        <translation>村（社区）内的小区、学校、市场等场所，或整个村（社区）</translation>
    </message>
    <message>
        <source>{site} ({kind})</source>
        <translation>{site}（{kind}）</translation>
    </message>
</context>
<context>
    <name>VillageDialog</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Add village or community</source>
        <translation>添加村（社区）</translation>
    </message>
    <message>
        <source>Edit village or community</source>
        <translation>村（社区）属性</translation>
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
<context>
    <name>_OrgDialog</name>
    <message>
        <source>{attribute}:</source>
        <translation>{attribute}：</translation>
    </message>
</context>
</TS>
