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
    <name>CampaignCommand</name>
    <message>
        <source>Campaign {name} added with {rules} target rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is the current campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign yet. Add one with: outreach-desk campaign add NAME --from YYYY-MM-DD --to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is now the current campaign.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>A campaign named {name} exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report deadline has no title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concentrated push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the campaign&apos;s first and last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign has been set up yet, so there is nothing to measure coverage against. Create one with: outreach-desk campaign add NAME --from YYYY-MM-DD --to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase &quot;{phase}&quot; ({start} to {end}) lies outside the campaign period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase &quot;{phase}&quot; ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase {number} has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases &quot;{first}&quot; and &quot;{second}&quot; overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary and acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign ends ({end}) before it starts ({start}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign name is longer than 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign phase no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no campaign named {name}.</source>
        <translation type="unfinished"></translation>
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
    <name>CoverageCommand</name>
    <message>
        <source>--from needs --to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to needs --from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign: {name} ({start} to {end})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fulfilment by village (columns are the target numbers above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: {label} ({start} to {end})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign has no enabled rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign has no phase named {name}. Its phases: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no township named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no village or community named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village / township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area}: {met} of {assessed} units met ({share}), fulfilment {fulfilment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} villages are named {name}; add --township to choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more (use --gaps 0 to list all).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageDemo</name>
    <message>
        <source>Awareness surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent letter batches</source>
        <translation type="unfinished"></translation>
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
    <name>Gaps</name>
    <message>
        <source>people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required {quota}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{formula} = {quota}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: awareness rate {rate} is below {target} ({aware} of {respondents} respondents aware)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: no awareness survey yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: no parent letters issued yet ({students} students)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: no {kinds} yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: no {kinds} yet in {window}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {missing} more people to reach through {kinds} ({formula}, {done} so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {missing} {measure_unit} of {kinds} still missing ({formula}, {done} so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {not_issued} parent letters not issued and {not_signed} not signed back ({students} students, {signed} signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {not_signed} parent letters not signed back ({students} students, {signed} signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {window}: {missing} more people to reach through {kinds} ({formula}, {done} so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {window}: {missing} {measure_unit} of {kinds} still missing ({formula}, {done} so far)</source>
        <translation type="unfinished"></translation>
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
        <source>Activity kinds</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>New activity kind</source>
        <translation>新增活动类型</translation>
    </message>
    <message>
        <source>Unit (&amp;Chinese):</source>
        <translation>计量单位（中文）(&amp;U)：</translation>
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
    <name>LedgerQuery</name>
    <message>
        <source>, </source>
        <comment>separator between audience or topic labels</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <source>Choose the school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date the letters were handed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters for this school and class on this date are already recorded; edit that record instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters issued must be a whole number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters signed back must be a whole number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent letters are recorded for schools; the chosen site is not a school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students must be a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class name is longer than 50 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent letter record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{issued} letters issued is more than the {students} students.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{signed} letters signed back is more than the {issued} issued.</source>
        <translation type="unfinished"></translation>
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
        <source>&amp;New</source>
        <translation>新增(&amp;W)</translation>
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
        <source>{what} cannot be deleted: {sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s) and {letters} parent letter record(s) depend on it.</source>
        <translation>无法删除{what}：有 {sites} 个点位、{activities} 条活动记录、{photos} 张照片、{surveys} 次知晓率调查和 {letters} 条家长信签收记录与其关联。</translation>
    </message>
    <message>
        <source>{what} cannot be deleted: {villages} village(s) or communities, {sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s), {letters} parent letter record(s) and {units} member unit(s) belong to it.</source>
        <translation>无法删除{what}：其下有 {villages} 个村（社区）、{sites} 个点位、{activities} 条活动记录、{photos} 张照片、{surveys} 次知晓率调查、{letters} 条家长信签收记录和 {units} 个成员单位。</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>&quot;{text}&quot; is not a month; write it as YYYY-MM, e.g. 2026-11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign to {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}-{month}</source>
        <translation type="unfinished"></translation>
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
    <name>Rules</name>
    <message>
        <source>Activity kinds do not apply to this measure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awareness rate (%) from surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awareness surveys are recorded per village: apply the rule to every village or community.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one activity kind that counts for the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one site kind the rule applies to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the period the rule is judged over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what the rule measures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which units the rule applies to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every member unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every village or community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent letters are counted per school: apply the rule to sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent letters signed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: &quot;{name}&quot; is not an attribute of {units}. Known attributes: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: enter a number or an expression such as entrances + elevators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: expected &quot;{expected}&quot; but found &quot;{found}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: the character &quot;{char}&quot; is not allowed; use numbers, attribute names, + - * / and brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: the expression ends too early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: the number {number} is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: too many nested brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: unexpected &quot;{found}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota &quot;{expression}&quot;: {function}() needs at least two values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site kinds only apply to rules on sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites of the chosen kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of people reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The awareness target is a percentage between 1 and 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quota expression is longer than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule key &quot;{key}&quot; must start with a lower-case letter and use only a-z, 0-9 and _ (at most 60 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule name is longer than 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign already has a rule with the key {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown activity kind: {codes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown site kind: {codes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>villages and communities</source>
        <translation type="unfinished"></translation>
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
    <name>Surveys</name>
    <message>
        <source>About {needed} respondents are needed for a rate within 5 points ({more} more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the survey was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the village or community that was surveyed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of the survey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face-to-face interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondents must be a whole number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are longer than 2000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of aware respondents must be a whole number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{aware} aware respondents is more than the {respondents} people asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{respondents} respondents pin the rate down to within 5 points.</source>
        <translation type="unfinished"></translation>
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
