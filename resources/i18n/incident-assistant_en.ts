<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <source>已超时 · 仍须尽快报告</source>
        <translation>Overdue · still report as soon as you can</translation>
    </message>
    <message>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>期限：处置工作结束后 {days} 日内</source>
        <translation>Deadline: within {days} days after handling ended</translation>
    </message>
    <message>
        <source>已报 </source>
        <translation>Reported </translation>
    </message>
    <message>
        <source>待报告 · 剩余不足 {m} 分钟</source>
        <translation>Report due · less than {m} minutes left</translation>
    </message>
    <message>
        <source>尽快报告 · 剩余不足 {m} 分钟</source>
        <translation>Report soon · less than {m} minutes left</translation>
    </message>
    <message>
        <source>立即报告 · 剩余不足 {m} 分钟</source>
        <translation>Report now · less than {m} minutes left</translation>
    </message>
    <message>
        <source>已通知</source>
        <translation>Notified</translation>
    </message>
    <message>
        <source>已决定不通知（已写明理由）</source>
        <translation>Not notified (reason recorded)</translation>
    </message>
    <message>
        <source>{now} · 待通知</source>
        <translation>{now} · to notify</translation>
    </message>
    <message>
        <source>立即</source>
        <translation>Immediately</translation>
    </message>
    <message>
        <source>期限：{due}（北京时间）</source>
        <translation>Deadline: {due} (Beijing time)</translation>
    </message>
    <message>
        <source>期限：立即（法律没有规定小时数）</source>
        <translation>Due: immediately (the law sets no hours)</translation>
    </message>
    <message>
        <source>期限：没有法定时限（应及时）</source>
        <translation>Deadline: no statutory time limit (act promptly)</translation>
    </message>
    <message>
        <source>报告期限（北京时间）</source>
        <translation>Reporting deadlines (Beijing time)</translation>
    </message>
    <message>
        <source>填写发现时间后，这里显示每项报告义务的倒计时。</source>
        <translation>Once you enter the discovery time, a countdown for each reporting obligation appears here.</translation>
    </message>
    <message>
        <source>选择左侧的事件查看期限和报送记录。</source>
        <translation>Select an incident on the left to see its deadlines and submissions.</translation>
    </message>
    <message>
        <source>这里显示所选事件每项报告义务的倒计时。</source>
        <translation>A countdown for each reporting obligation of the selected incident appears here.</translation>
    </message>
    <message>
        <source>继续提醒报告期限？</source>
        <translation>Keep reminding of deadlines?</translation>
    </message>
    <message>
        <source>还有报告期限没有完成。关闭窗口后，是否留在系统托盘里继续提醒？
选「否」将退出程序，提醒也会停止。以后可以用「事件 → 退出」退出。</source>
        <translation>Some reporting deadlines are still open. After the window closes, stay in the system tray and keep reminding you?
Choose No to quit; the reminders stop too. You can quit later with Incident → Quit.</translation>
    </message>
    <message>
        <source>网络安全事件报告助手：仍在提醒报告期限</source>
        <translation>Incident Reporting Assistant: still reminding you of deadlines</translation>
    </message>
    <message>
        <source>打开主窗口</source>
        <translation>Open the main window</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>未能设置登录时启动：{e}</source>
        <translation>Could not set start at login: {e}</translation>
    </message>
    <message>
        <source>已设置登录时启动：登录后在托盘中运行并提醒（{p}）</source>
        <translation>Starts at login: runs in the tray and reminds after you log in ({p})</translation>
    </message>
    <message>
        <source>已取消登录时启动（{p}）</source>
        <translation>No longer starting at login ({p})</translation>
    </message>
    <message>
        <source>数据库完整检查未通过</source>
        <translation>The full database check failed</translation>
    </message>
    <message>
        <source>已停止写入以保护数据；请打开主窗口查看。</source>
        <translation>Writing has stopped to protect the data; open the main window for details.</translation>
    </message>
    <message>
        <source>保存原始副本（供取证）</source>
        <translation>Save raw copy (for forensics)</translation>
    </message>
    <message>
        <source>原始副本 (*.sqlite3)</source>
        <translation>Raw copy (*.sqlite3)</translation>
    </message>
    <message>
        <source>已取消保存原始副本。</source>
        <translation>Raw copy cancelled.</translation>
    </message>
    <message>
        <source>那里已有同名文件，没有覆盖：{p}</source>
        <translation>A file of that name already exists there; it was not overwritten: {p}</translation>
    </message>
    <message>
        <source>未能保存原始副本：{e}</source>
        <translation>Could not save the raw copy: {e}</translation>
    </message>
    <message>
        <source>无法加载英文界面文件，仍使用中文。</source>
        <translation>Could not load the English interface file; the interface stays in Chinese.</translation>
    </message>
    <message>
        <source>（未命名事件）</source>
        <translation>(Untitled incident)</translation>
    </message>
    <message>
        <source>报告期限提醒</source>
        <translation>Reporting deadline reminder</translation>
    </message>
    <message>
        <source>网络安全事件报告助手：在托盘中提醒报告期限</source>
        <translation>Incident Reporting Assistant: reminding of reporting deadlines from the tray</translation>
    </message>
    <message>
        <source>保留的数据库副本</source>
        <translation>Kept copies of the database</translation>
    </message>
    <message>
        <source>以下是以前保留的数据库副本，没有删除；确认不再需要后可以自行删除：
{names}</source>
        <translation>These earlier copies of the database were kept, not deleted; once you are sure you no longer need them, you may delete them yourself:
{names}</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>数据库已在使用</source>
        <translation>Database already in use</translation>
    </message>
    <message>
        <source>这个数据库已在另一个窗口中打开（{p}）。为免两处同时修改、互相覆盖，请回到那个窗口继续；关闭它后再从这里打开。</source>
        <translation>This database is already open in another window ({p}). So that two windows cannot overwrite each other's changes, please continue in that window, or close it and open the database here again.</translation>
    </message>
    <message>
        <source>（演练）</source>
        <translation> (drill)</translation>
    </message>
    <message>
        <source>处置工作结束：{t}（北京时间）</source>
        <translation>Handling ended: {t} (Beijing time)</translation>
    </message>
    <message>
        <source>报送记录</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>期限(&amp;1)</source>
        <translation>&amp;1 Deadlines</translation>
    </message>
    <message>
        <source>报送记录(&amp;2)</source>
        <translation>&amp;2 Submissions</translation>
    </message>
    <message>
        <source>已导出的报告(&amp;3)</source>
        <translation>&amp;3 Exported reports</translation>
    </message>
    <message>
        <source>时间线(&amp;4)</source>
        <translation>&amp;4 Timeline</translation>
    </message>
    <message>
        <source>附件(&amp;5)</source>
        <translation>&amp;5 Attachments</translation>
    </message>
    <message>
        <source>打开向导，补充或修改事件情况</source>
        <translation>Open the wizard to add to or change the incident details</translation>
    </message>
    <message>
        <source>登记报送(&amp;S)…</source>
        <translation>Record &amp;submission…</translation>
    </message>
    <message>
        <source>报送以后记下何时、以何种方式、向谁报送</source>
        <translation>After submitting, record when, how and to whom you submitted</translation>
    </message>
    <message>
        <source>导出报告(&amp;X)</source>
        <translation>E&amp;xport report</translation>
    </message>
    <message>
        <source>选择报告类型，预览并保存 PDF</source>
        <translation>Choose the report type, preview it and save the PDF</translation>
    </message>
    <message>
        <source>Word 文件（.docx，可编辑）…</source>
        <translation>Word file (.docx, editable)…</translation>
    </message>
    <message>
        <source>报送工作单（自己用，PDF）…</source>
        <translation>Filing worksheet (for yourself, PDF)…</translation>
    </message>
    <message>
        <source>新补报(&amp;U)…</source>
        <translation>New s&amp;upplementary report…</translation>
    </message>
    <message>
        <source>首报后查清了新情况：列出与上次报送相比的变化，导出补报</source>
        <translation>New facts established after the initial report: lists the changes since the last submission and exports a supplementary report</translation>
    </message>
    <message>
        <source>新续报(&amp;F)…</source>
        <translation>New &amp;follow-up report…</translation>
    </message>
    <message>
        <source>事件有新进展：列出与上次报送相比的变化，导出续报</source>
        <translation>The incident has developed: lists the changes since the last submission and exports a follow-up report</translation>
    </message>
    <message>
        <source>处置工作已结束(&amp;D)</source>
        <translation>Handling e&amp;nded</translation>
    </message>
    <message>
        <source>记下处置结束时间；总结报告须在其后 {days} 日内报送（{basis}）</source>
        <translation>Record when handling ended; the summary report is due within {days} days after it ({basis})</translation>
    </message>
    <message>
        <source>总结报告(&amp;Y)…</source>
        <translation>Summar&amp;y report…</translation>
    </message>
    <message>
        <source>处置结束后 {days} 日内报送的总结报告</source>
        <translation>The summary report, due within {days} days after handling ends</translation>
    </message>
    <message>
        <source>未能登记：{e}</source>
        <translation>Could not record it: {e}</translation>
    </message>
    <message>
        <source>记录校验码：{c}（请与报送材料一起留存）</source>
        <translation>Record anchor: {c} (keep it with the submitted material)</translation>
    </message>
    <message>
        <source>已记下处置结束时间 {t}；总结报告的 {days} 日期限已开始计算（{basis}）。</source>
        <translation>Handling ended at {t} is recorded; the {days}-day period for the summary report has started ({basis}).</translation>
    </message>
    <message>
        <source>报送辅助(&amp;H)</source>
        <translation>Filin&amp;g aids</translation>
    </message>
    <message>
        <source>邮件草稿、电话报告稿、传真封面</source>
        <translation>E-mail draft, phone script, fax cover</translation>
    </message>
    <message>
        <source>12387 邮件草稿（附报告 PDF）…</source>
        <translation>12387 e-mail draft (with report PDF)…</translation>
    </message>
    <message>
        <source>12387 电话报告稿…</source>
        <translation>12387 phone script…</translation>
    </message>
    <message>
        <source>12387 传真封面…</source>
        <translation>12387 fax cover…</translation>
    </message>
    <message>
        <source>定级：{g}</source>
        <translation>Grade: {g}</translation>
    </message>
    <message>
        <source>还没有登记报送。报送以后点「登记报送」记下来，日后可证明按时报告。</source>
        <translation>No submissions recorded yet. After you submit, click “Record submission” to note it; this lets you prove later that you reported on time.</translation>
    </message>
    <message>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>迟于期限</source>
        <translation>After the deadline</translation>
    </message>
    <message>
        <source>报送人 {p}</source>
        <translation>Submitted by {p}</translation>
    </message>
    <message>
        <source>编号 {r}</source>
        <translation>Ref. {r}</translation>
    </message>
    <message>
        <source>还没有导出报告。</source>
        <translation>No reports exported yet.</translation>
    </message>
    <message>
        <source>已导出的报告</source>
        <translation>Exported reports</translation>
    </message>
    <message>
        <source>请先在左侧选择一个事件。</source>
        <translation>Please select an incident on the left first.</translation>
    </message>
    <message>
        <source>已取消登记。</source>
        <translation>Recording cancelled.</translation>
    </message>
    <message>
        <source>已登记报送：{t}（北京时间）</source>
        <translation>Submission recorded: {t} (Beijing time)</translation>
    </message>
    <message>
        <source>已超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>定级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近期限（北京时间）</source>
        <translation>Next deadline (Beijing time)</translation>
    </message>
    <message>
        <source>演练</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>全部事件</source>
        <translation>All incidents</translation>
    </message>
    <message>
        <source>未完成报告</source>
        <translation>Reporting not finished</translation>
    </message>
    <message>
        <source>真实事件</source>
        <translation>Real incidents</translation>
    </message>
    <message>
        <source>网络安全事件报告助手</source>
        <translation>Incident Reporting Assistant</translation>
    </message>
    <message>
        <source>新建事件(&amp;N)</source>
        <translation>&amp;New incident</translation>
    </message>
    <message>
        <source>继续编辑(&amp;E)</source>
        <translation>Continue &amp;editing</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>事件(&amp;I)</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <source>数据(&amp;D)</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>备份(&amp;B)…</source>
        <translation>&amp;Back up…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>导出报告 PDF(&amp;X)…</source>
        <translation>E&amp;xport report PDF…</translation>
    </message>
    <message>
        <source>搜索事件(&amp;F)</source>
        <translation>&amp;Find incidents</translation>
    </message>
    <message>
        <source>单位资料(&amp;P)…</source>
        <translation>Organisation &amp;profile…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>登录时启动（在托盘中运行提醒）(&amp;L)</source>
        <translation>Start at &amp;login (reminders from the tray)</translation>
    </message>
    <message>
        <source>登录系统后自动在托盘中启动，报告期限到来时照常提醒</source>
        <translation>Start in the tray when you log in and remind you of reporting deadlines as usual</translation>
    </message>
    <message>
        <source>快速指南(&amp;G)</source>
        <translation>Quick &amp;guide</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Continue filling in</translation>
    </message>
    <message>
        <source>搜索事件名称或编号</source>
        <translation>Search incident name or number</translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>事件列表</source>
        <translation>Incident list</translation>
    </message>
    <message>
        <source>作废或删除(&amp;V)…</source>
        <translation>&amp;Void or delete…</translation>
    </message>
    <message>
        <source>真实事件作废（写明理由，记录保留）；演练可以删除</source>
        <translation>A real incident is voided (with a reason; its records stay); a drill can be deleted</translation>
    </message>
    <message>
        <source>系统时钟提示</source>
        <translation>System clock notice</translation>
    </message>
    <message>
        <source>已自动保存</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <source>加密此数据库(&amp;C)…</source>
        <translation>En&amp;crypt this database…</translation>
    </message>
    <message>
        <source>更改口令(&amp;W)…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <source>取消加密(&amp;U)…</source>
        <translation>T&amp;urn encryption off…</translation>
    </message>
    <message>
        <source>把数据库文件按原样逐字节复制一份，不经数据库打开，供核查和取证</source>
        <translation>Copy the database file byte for byte, without opening it as a database, for examination and forensics</translation>
    </message>
    <message>
        <source>单位资料已保存；新建事件时自动填入。</source>
        <translation>Organisation profile saved; it will be filled in automatically for new incidents.</translation>
    </message>
    <message>
        <source>请先在列表中选择一个事件。</source>
        <translation>Select an incident in the list first.</translation>
    </message>
    <message>
        <source>这个事件已经作废。</source>
        <translation>This incident is already voided.</translation>
    </message>
    <message>
        <source>删除演练</source>
        <translation>Delete drill</translation>
    </message>
    <message>
        <source>删除演练「{t}」及其全部记录？删除本身会记入审计日志。</source>
        <translation>Delete the drill '{t}' and all its records? The deletion itself is recorded in the audit log.</translation>
    </message>
    <message>
        <source>已删除演练。</source>
        <translation>Drill deleted.</translation>
    </message>
    <message>
        <source>作废事件</source>
        <translation>Void incident</translation>
    </message>
    <message>
        <source>真实事件不能删除，只能作废；记录和历史都会保留。请写明作废理由：</source>
        <translation>A real incident cannot be deleted, only voided; its records and history stay. Why is it voided?</translation>
    </message>
    <message>
        <source>已作废；在筛选「已作废」中仍可查看。</source>
        <translation>Voided; the filter 'Voided' still shows it.</translation>
    </message>
    <message>
        <source>有一份尚未完成首报的草稿：「{t}」。所有已填写的内容都已保存。</source>
        <translation>You have a draft whose initial report is not finished: “{t}”. Everything you entered has been saved.</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>数据库备份 (*.sqlite3)</source>
        <translation>Database backup (*.sqlite3)</translation>
    </message>
    <message>
        <source>已取消备份。</source>
        <translation>Backup cancelled.</translation>
    </message>
    <message>
        <source>已备份并校验：{p}</source>
        <translation>Backed up and verified: {p}</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>数据库备份 (*.sqlite3 *.sqlite *.db *.bak);;所有文件 (*)</source>
        <translation>Database backups (*.sqlite3 *.sqlite *.db *.bak);;All files (*)</translation>
    </message>
    <message>
        <source>已取消恢复。</source>
        <translation>Restore cancelled.</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用备份「{p}」替换当前数据？当前数据会先另存一份，不会丢失。</source>
        <translation>Replace the current data with the backup “{p}”? A copy of the current data is saved first, so nothing is lost.</translation>
    </message>
    <message>
        <source>已从备份恢复。原来的数据另存在：{p}</source>
        <translation>Restored from backup. The previous data was saved to: {p}</translation>
    </message>
    <message>
        <source>已从备份恢复。</source>
        <translation>Restored from backup.</translation>
    </message>
    <message>
        <source>恢复加密的备份：请输入它的口令</source>
        <translation>Restore an encrypted backup: enter its passphrase</translation>
    </message>
    <message>
        <source>网络安全事件报告助手 {v}
规则包 {pid} {pv}
依据：《{title}》（{date}，{force} 起施行）
来源：{src}
本软件不联网，所有数据只保存在本机。</source>
        <translation>Incident Reporting Assistant {v}
Rule pack {pid} {pv}
Based on: “{title}” ({date}, in force from {force})
Source: {src}
This software never goes online; all data stays on this computer.</translation>
    </message>
    <message>
        <source>报告预览</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <source>保存…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>【示例演练】</source>
        <translation>[Example drill] </translation>
    </message>
    <message>
        <source>欢迎使用网络安全事件报告助手</source>
        <translation>Welcome to the Incident Reporting Assistant</translation>
    </message>
    <message>
        <source>如果现在就发生了事件：直接点下面的按钮，先记下发现时间，报告期限会立即显示。所有内容自动保存在本机，不联网。</source>
        <translation>If an incident is happening now, just click the button below and note when it was discovered; your reporting deadlines appear straight away. Everything is saved automatically on this computer, and nothing goes online.</translation>
    </message>
    <message>
        <source>发生了事件，立即开始</source>
        <translation>An incident happened: start now</translation>
    </message>
    <message>
        <source>单位资料（可跳过，以后每次报告自动填入）</source>
        <translation>Organisation profile (optional; filled into every future report)</translation>
    </message>
    <message>
        <source>可选：给数据库加密（这台电脑丢失或被他人使用时，事件和个人信息不被读到）…</source>
        <translation>Optional: encrypt the database (if this computer is lost or used by others, the incidents and personal information cannot be read)…</translation>
    </message>
    <message>
        <source>单位资料</source>
        <translation>Organisation profile</translation>
    </message>
    <message>
        <source>这些资料在每次新建事件时自动填入“报告单位”页；已有事件不受影响。</source>
        <translation>These details are filled in automatically on the “Reporting organisation” page of every new incident; existing incidents are not affected.</translation>
    </message>
    <message>
        <source>查找范围(&amp;L)：</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>文件名(&amp;N)：</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <source>文件类型(&amp;T)：</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>登记已通知个人</source>
        <translation>Record notice to individuals</translation>
    </message>
    <message>
        <source>登记已通知部门</source>
        <translation>Record notice to the department</translation>
    </message>
    <message>
        <source>通知以后在这里记下何时、以何种方式通知了{who}。实际发出的文本会连同其校验值一起保存，日后可以证明通知的内容。</source>
        <translation>After notifying, record here when and how {who} were notified. The exact text sent is kept with its checksum, so you can later prove what the notice said.</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Means</translation>
    </message>
    <message>
        <source>通知时间（北京时间）</source>
        <translation>Time notified (Beijing time)</translation>
    </message>
    <message>
        <source>通知了多少人</source>
        <translation>How many people were notified</translation>
    </message>
    <message>
        <source>粘贴实际发出的通知文本</source>
        <translation>Paste the notice text exactly as sent</translation>
    </message>
    <message>
        <source>发出的文本</source>
        <translation>Text sent</translation>
    </message>
    <message>
        <source>通知时间晚于现在，请核对（按北京时间填写实际通知的时刻）。</source>
        <translation>The time is later than now; please check it (enter the actual time of the notice, Beijing time).</translation>
    </message>
    <message>
        <source>请粘贴实际发出的通知文本：保存下来，日后才能证明通知了什么。</source>
        <translation>Paste the notice text as sent: keeping it is how you can later prove what was said.</translation>
    </message>
    <message>
        <source>请选择通知方式。</source>
        <translation>Choose how the notice was given.</translation>
    </message>
    <message>
        <source>不通知个人</source>
        <translation>Not notifying individuals</translation>
    </message>
    <message>
        <source>只有采取的措施能够有效避免危害时，才可以不通知个人，并须写明理由（{basis}）。履行个人信息保护职责的部门认为可能造成危害的，仍有权要求通知；那时可在这里改回「须通知」。</source>
        <translation>You may leave individuals un-notified only when the measures taken effectively avoid harm, and you must write down why ({basis}). The department performing personal-information protection duties can still require a notice if it sees possible harm; you can then switch back to “must notify” here.</translation>
    </message>
    <message>
        <source>例：丢失的是加密硬盘，密钥未丢失，数据无法被读取。</source>
        <translation>Example: the lost disk was encrypted, the key was not lost, and the data cannot be read.</translation>
    </message>
    <message>
        <source>不通知个人的理由</source>
        <translation>Reason for not notifying individuals</translation>
    </message>
    <message>
        <source>保存理由(&amp;S)</source>
        <translation>&amp;Save reason</translation>
    </message>
    <message>
        <source>须写明理由：采取的措施为何能够有效避免危害。</source>
        <translation>A reason is required: why the measures taken effectively avoid harm.</translation>
    </message>
    <message>
        <source>未保存。</source>
        <translation>Not saved. </translation>
    </message>
    <message>
        <source>先看看：打开示例事件（演练）</source>
        <translation>Try the example incident (drill)</translation>
    </message>
    <message>
        <source>信用代码应为 18 位（不含 I、O、Z、S、V），请核对；也可以先不填。</source>
        <translation>The credit code should have 18 characters (never I, O, Z, S or V). Please check it, or leave it empty for now.</translation>
    </message>
    <message>
        <source>信用代码校验位不符（应为 {c}），请核对；也可以先不填。</source>
        <translation>The credit code's check character does not match (it should be {c}). Please check it, or leave it empty for now.</translation>
    </message>
    <message>
        <source>发现事件</source>
        <translation>Discovery</translation>
    </message>
    <message>
        <source>先记下什么时候发现的。从发现时刻起，报告期限就开始计算，右侧会显示倒计时。</source>
        <translation>First, note when it was discovered. Reporting deadlines run from that moment; the countdown is shown on the right.</translation>
    </message>
    <message>
        <source>请先回答发现时间：点上面的一个选项，或输入时间（例如「9:30」）。</source>
        <translation>First answer when it was discovered: click one of the answers above, or type the time (for example “9:30”).</translation>
    </message>
    <message>
        <source>报告单位</source>
        <translation>Reporting organisation</translation>
    </message>
    <message>
        <source>涉事单位的基本信息（{basis}）。已自动填入单位资料，改动后可保存为今后的默认值。</source>
        <translation>Basic details of the organisation involved ({basis}). Filled in from your organisation profile; if you change anything, you can save it as the new default.</translation>
    </message>
    <message>
        <source>保存为单位资料（下次自动填入）</source>
        <translation>Save as organisation profile</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>（信用代码校验未通过，请核对）</source>
        <translation> (the credit code failed its check; please check it)</translation>
    </message>
    <message>
        <source>涉事系统</source>
        <translation>Affected systems</translation>
    </message>
    <message>
        <source>哪些系统或设施受到影响（{basis}）。写清用途，不需要技术细节。</source>
        <translation>Which systems or facilities are affected ({basis}). Say what they are used for; no technical details needed.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>用途和规模</source>
        <translation>Purpose and size</translation>
    </message>
    <message>
        <source>关基</source>
        <translation>CII</translation>
    </message>
    <message>
        <source>添加系统</source>
        <translation>Add system</translation>
    </message>
    <message>
        <source>事件类型</source>
        <translation>Incident type</translation>
    </message>
    <message>
        <source>按 GB/T 20986-2023 分类（{basis}「类型」）。不会分类？点下面最像的现象。</source>
        <translation>Classified by GB/T 20986-2023 ({basis}, “type”). Not sure which class? Click the symptom below that fits best.</translation>
    </message>
    <message>
        <source>对方要求支付赎金</source>
        <translation>A ransom was demanded</translation>
    </message>
    <message>
        <source>勾选后会多一页，记录赎金金额、方式和日期（{basis}）。</source>
        <translation>If ticked, an extra page appears for the ransom amount, payment method and date ({basis}).</translation>
    </message>
    <message>
        <source>常见现象</source>
        <translation>Common symptoms</translation>
    </message>
    <message>
        <source>点一下即可选好类别和子类，之后仍可修改。同时发生了两件事（例如首页被篡改，学生名单也泄露）？选主要的一类；泄露的个人信息在「影响与定级」页勾选「个人信息」，另一类写进「其他应当报告的情况」。</source>
        <translation>One click chooses the class and subclass; you can still change them. Two things happened at once (say the homepage was defaced and the pupil list leaked)? Choose the main one; tick “Personal information” on the “Impact and grade” page for the leaked information, and write the other one under “Other matters”.</translation>
    </message>
    <message>
        <source>— 不知道 / 未选择 —</source>
        <translation>— Don't know / not chosen —</translation>
    </message>
    <message>
        <source>不知道就留空</source>
        <translation>Leave empty if unknown</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>例如 9:30、9点半、昨天 22:10</source>
        <translation>for example 9:30, 9:30 am, yesterday 22:10</translation>
    </message>
    <message>
        <source>日历…</source>
        <translation>Calendar…</translation>
    </message>
    <message>
        <source>在日历上选择日期和时刻</source>
        <translation>Pick the date and time on a calendar</translation>
    </message>
    <message>
        <source>北京时间</source>
        <translation>Beijing time</translation>
    </message>
    <message>
        <source>这个时间晚于现在（现在是北京时间 {now}）。请核对日期和时刻。</source>
        <translation>This time is later than now (it is {now} Beijing time). Please check the date and time.</translation>
    </message>
    <message>
        <source>读作：{reading}</source>
        <translation>Read as: {reading}</translation>
    </message>
    <message>
        <source>已记下：{reading}</source>
        <translation>Recorded: {reading}</translation>
    </message>
    <message>
        <source>选择日期和时刻（北京时间）</source>
        <translation>Pick the date and time (Beijing time)</translation>
    </message>
    <message>
        <source>时刻</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>不知道</source>
        <translation>Don't know</translation>
    </message>
    <message>
        <source>删除选中行</source>
        <translation>Delete selected row</translation>
    </message>
    <message>
        <source>影响与定级</source>
        <translation>Impact and grade</translation>
    </message>
    <message>
        <source>只在涉及关键信息基础设施时填写。</source>
        <translation>Fill in only if critical information infrastructure is involved.</translation>
    </message>
    <message>
        <source>先勾选受到影响的方面，再回答相应的问题。每题都可以不答；答了哪题，上方的定级立即更新。</source>
        <translation>First tick what was affected, then answer the questions about it. Any question may stay unanswered; the grade above updates as you answer.</translation>
    </message>
    <message>
        <source>哪些方面受到了影响？</source>
        <translation>What was affected?</translation>
    </message>
    <message>
        <source>可以多选；没有勾选的方面不必回答。</source>
        <translation>Tick all that apply; nothing needs answering for what you leave unticked.</translation>
    </message>
    <message>
        <source>影响了多少人的工作、生活（就医、购物、出行等）。</source>
        <translation>How many people's work and daily life were affected (medical care, shopping, travel…).</translation>
    </message>
    <message>
        <source>下面是需要您判断的项目，必须写明理由。</source>
        <translation>The items below are your own judgement; you must give a reason.</translation>
    </message>
    <message>
        <source>其他情形与手动定级</source>
        <translation>Other situations and manual grading</translation>
    </message>
    <message>
        <source>手动定级</source>
        <translation>set manually</translation>
    </message>
    <message>
        <source>按附件计算</source>
        <translation>calculated under the Annex</translation>
    </message>
    <message>
        <source>当前定级：{g}（{how}）</source>
        <translation>Current grade: {g} ({how})</translation>
    </message>
    <message>
        <source>按附件计算为：{g}；理由：{r}</source>
        <translation>Calculated under the Annex: {g}; reason for the manual grade: {r}</translation>
    </message>
    <message>
        <source>（填报值：{v}）</source>
        <translation> (value entered: {v})</translation>
    </message>
    <message>
        <source>勒索软件</source>
        <translation>Ransomware</translation>
    </message>
    <message>
        <source>{basis}：勒索软件攻击事件还应报告要求支付赎金的金额、方式、日期等。照勒索信上写的填；不要联系攻击者。</source>
        <translation>{basis}: for a ransomware attack, also report the ransom demanded: amount, payment method, date and so on. Copy what the ransom note says; do not contact the attackers.</translation>
    </message>
    <message>
        <source>处置情况</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>{items}。首报可以只填「影响和危害」「措施及效果」，其余查清后及时补报（{basis}）。</source>
        <translation>{items}. The initial report may contain just “impact and harm” and “measures and effect”; once you know the rest, send it promptly in a supplementary report ({basis}).</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>时限（小时）</source>
        <translation>Time limit (hours)</translation>
    </message>
    <message>
        <source>依据或备注</source>
        <translation>Basis or note</translation>
    </message>
    <message>
        <source>添加行业报告</source>
        <translation>Add sector report</translation>
    </message>
    <message>
        <source>总结报告（{basis}）</source>
        <translation>Summary report ({basis})</translation>
    </message>
    <message>
        <source>处置工作结束后填写；总结报告在其后规定期限内报送。</source>
        <translation>Fill in once handling has ended; the summary report is due within the set period after that.</translation>
    </message>
    <message>
        <source>{name}（{detail}）</source>
        <translation>{name} ({detail})</translation>
    </message>
    <message>
        <source>按接收单位要求的方式（原渠道）</source>
        <translation>As the recipient requires (the original channel)</translation>
    </message>
    <message>
        <source>检查与导出</source>
        <translation>Review and export</translation>
    </message>
    <message>
        <source>看看还缺什么，导出报告，报送后在这里登记。</source>
        <translation>See what is still missing, export the report, and record each submission here once sent.</translation>
    </message>
    <message>
        <source>缺项（点击跳到该页）</source>
        <translation>Missing items (click to go to the page)</translation>
    </message>
    <message>
        <source>报告义务与渠道</source>
        <translation>Reporting obligations and channels</translation>
    </message>
    <message>
        <source>导出报告 PDF</source>
        <translation>Export report PDF</translation>
    </message>
    <message>
        <source>导出 Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <source>同样的内容，可编辑的 Word 文件（.docx），供要求 Word 格式的单位使用</source>
        <translation>The same content as an editable Word file (.docx), for offices that ask for Word</translation>
    </message>
    <message>
        <source>导出报送工作单…</source>
        <translation>Export the filing worksheet…</translation>
    </message>
    <message>
        <source>自己用的工作单：每项报告义务的期限和状态、可用渠道、缺项和预计升级，不用报送</source>
        <translation>Your own worksheet: every duty's deadline and status, the channels that reach it, what is missing and what a running incident will reach; not for sending</translation>
    </message>
    <message>
        <source>报送用的材料</source>
        <translation>Materials for sending</translation>
    </message>
    <message>
        <source>{by} → {to}：{m} 分钟内（{b}）</source>
        <translation>{by} → {to}: within {m} minutes ({b})</translation>
    </message>
    <message>
        <source>报告类型</source>
        <translation>Report type</translation>
    </message>
    <message>
        <source>预览并导出 PDF…</source>
        <translation>Preview and export PDF…</translation>
    </message>
    <message>
        <source>登记报送（报送后填写，证明按时报告）</source>
        <translation>Record a submission (fill in after submitting; proves you reported on time)</translation>
    </message>
    <message>
        <source>受理编号、邮件主题或接听人等，可不填</source>
        <translation>Reference number, email subject, who took the call, etc. (optional)</translation>
    </message>
    <message>
        <source>报送时间晚于现在，请核对（按北京时间填写实际报送的时刻）。</source>
        <translation>The submission time is later than now. Please check it (enter the actual time of submission in Beijing time).</translation>
    </message>
    <message>
        <source>登记报送</source>
        <translation>Record submission</translation>
    </message>
    <message>
        <source>报告义务</source>
        <translation>Reporting obligation</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>报送时间（北京时间）</source>
        <translation>Submitted at (Beijing time)</translation>
    </message>
    <message>
        <source>报送人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>编号或备注</source>
        <translation>Reference or note</translation>
    </message>
    <message>
        <source>报送以后在这里记下何时、以何种方式、向谁报送，日后可证明按时报告。</source>
        <translation>After submitting, record here when, how and to whom you submitted; this lets you prove later that you reported on time.</translation>
    </message>
    <message>
        <source>登记(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>首报（第一、二项）尚缺：</source>
        <translation>Still missing for the initial report (items 1 and 2): </translation>
    </message>
    <message>
        <source>首报已报送；补报时补充：</source>
        <translation>First report sent; add in a supplement:</translation>
    </message>
    <message>
        <source>完整报告另缺：</source>
        <translation>Also missing for the full report: </translation>
    </message>
    <message>
        <source>须更正（无法识别，暂未计入）：</source>
        <translation>To correct (could not be read, not counted yet): </translation>
    </message>
    <message>
        <source>可以先报第一、二项，其余及时补报（{basis}）。</source>
        <translation>You can submit items 1 and 2 now and send the rest promptly in a supplementary report ({basis}).</translation>
    </message>
    <message>
        <source>首报还缺 {n} 项（见下）；来不及补齐也要在期限前先报已知情况。</source>
        <translation>The initial report still lacks {n} item(s) (see below). If you cannot complete them in time, still report what you know before the deadline.</translation>
    </message>
    <message>
        <source>最近期限：{r}，还剩 {left}。</source>
        <translation>Next deadline: {r}, {left} left. </translation>
    </message>
    <message>
        <source>最近期限：{r}，已超时 {left}，仍须尽快报告。</source>
        <translation>Next deadline: {r}, overdue by {left}; report as soon as you can. </translation>
    </message>
    <message>
        <source>目前没有正在倒计时的报告期限。</source>
        <translation>No reporting deadline is counting down at the moment.</translation>
    </message>
    <message>
        <source>{t}（北京时间）</source>
        <translation>{t} (Beijing time)</translation>
    </message>
    <message>
        <source>处置工作结束后 {d} 日内</source>
        <translation>Within {d} days after handling ended</translation>
    </message>
    <message>
        <source>立即（法律没有规定小时数）</source>
        <translation>At once (the law sets no number of hours)</translation>
    </message>
    <message>
        <source>无固定时限，应及时</source>
        <translation>No fixed deadline; act promptly</translation>
    </message>
    <message>
        <source>{r}（{b}）</source>
        <translation>{r} ({b})</translation>
    </message>
    <message>
        <source>期限：{due}</source>
        <translation>Deadline: {due}</translation>
    </message>
    <message>
        <source>渠道：{c}</source>
        <translation>Channels: {c}</translation>
    </message>
    <message>
        <source>接收方还须在收到后向上级报告（供参考，不是您的期限）：</source>
        <translation>After receiving your report, the recipient must also report upwards (for information only; these are not your deadlines):</translation>
    </message>
    <message>
        <source>请先选择报告义务。</source>
        <translation>Please choose a reporting obligation first.</translation>
    </message>
    <message>
        <source>已登记：{r}，{t}（北京时间）</source>
        <translation>Recorded: {r}, {t} (Beijing time)</translation>
    </message>
    <message>
        <source>网络安全事件报告向导</source>
        <translation>Cybersecurity Incident Report Wizard</translation>
    </message>
    <message>
        <source>在这台电脑上记住（存入系统的密钥库，用这个账户打开时不再询问）</source>
        <translation>Remember on this computer (kept in the system keyring; not asked again on this account)</translation>
    </message>
    <message>
        <source>系统密钥库不可用或已更改时，程序会重新询问口令或恢复密钥，不会把您锁在外面</source>
        <translation>If the system keyring is unavailable or has changed, the app asks for the passphrase or the recovery key again; it never locks you out</translation>
    </message>
    <message>
        <source>打开加密的数据库</source>
        <translation>Open the encrypted database</translation>
    </message>
    <message>
        <source>这个数据库已加密：{where}
请输入口令。</source>
        <translation>This database is encrypted: {where}
Enter the passphrase.</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>恢复密钥：</source>
        <translation>Recovery key:</translation>
    </message>
    <message>
        <source>用恢复密钥打开…</source>
        <translation>Open with the recovery key…</translation>
    </message>
    <message>
        <source>口令：</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>恢复密钥是开启加密时显示的 8 组字符。用它打开后，可以设置新的口令。</source>
        <translation>The recovery key is the 8 groups of characters shown when encryption was turned on. Once it has opened the database, you can set a new passphrase.</translation>
    </message>
    <message>
        <source>请输入恢复密钥。</source>
        <translation>Enter the recovery key.</translation>
    </message>
    <message>
        <source>请输入口令。</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <source>忘记了口令？可以用恢复密钥打开。</source>
        <translation>Forgot the passphrase? You can open with the recovery key.</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>再次输入新口令</source>
        <translation>New passphrase again</translation>
    </message>
    <message>
        <source>新口令（至少 8 个字符）：</source>
        <translation>New passphrase (at least 8 characters):</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Once more:</translation>
    </message>
    <message>
        <source>请输入新口令。</source>
        <translation>Enter a new passphrase.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请再输入一次。</source>
        <translation>The two passphrases differ; type it again.</translation>
    </message>
    <message>
        <source>加密此数据库</source>
        <translation>Encrypt this database</translation>
    </message>
    <message>
        <source>加密后，拿到这台电脑或数据库文件的人，没有口令就读不到事件、证据和其中的个人信息。导出的报告和通知不加密（它们是要发出去的）。

请记住口令。加密时会显示一个恢复密钥，请抄写或打印后妥善保管。如果口令和恢复密钥都丢失，任何人（包括本程序的开发者）都无法恢复这些数据。</source>
        <translation>Once encrypted, anyone who gets this computer or the database file cannot read the incidents, the evidence or the personal information in them without the passphrase. Exported reports and notices are not encrypted (they are meant to be sent).

Remember the passphrase. A recovery key is shown when encryption is turned on: write it down or print it and keep it safe. If both the passphrase and the recovery key are lost, nobody (not even the makers of this app) can recover the data.</translation>
    </message>
    <message>
        <source>加密</source>
        <translation>Encrypt</translation>
    </message>
    <message>
        <source>数据库已加密。这是恢复密钥，只显示这一次。请现在抄写或打印，与电脑分开保管。忘记口令时，用它打开数据库并设置新口令。</source>
        <translation>The database is encrypted. This is the recovery key, shown only this once. Write it down or print it now and keep it apart from the computer. If you forget the passphrase, it opens the database and lets you set a new passphrase.</translation>
    </message>
    <message>
        <source>我已抄写好，下一步</source>
        <translation>I have written it down, next</translation>
    </message>
    <message>
        <source>再看一次恢复密钥</source>
        <translation>Show the recovery key again</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>加密没有完成，数据库保持原样。</source>
        <translation>Encryption did not finish; the database is as it was.</translation>
    </message>
    <message>
        <source>为确认您已记下，请输入恢复密钥的第 {a} 组和第 {b} 组（每组 4 个字符）。</source>
        <translation>To make sure you have it, type groups {a} and {b} of the recovery key (4 characters each).</translation>
    </message>
    <message>
        <source>第 {n} 组：</source>
        <translation>Group {n}:</translation>
    </message>
    <message>
        <source>第 {n} 组不对，请对照您抄写的恢复密钥再输入一次。</source>
        <translation>Group {n} is not right; check the recovery key you wrote down and type it again.</translation>
    </message>
    <message>
        <source>数据库已经加密。请先记下恢复密钥并输入其中两组，再关闭这个窗口。</source>
        <translation>The database is already encrypted. Write down the recovery key and type two of its groups before closing this window.</translation>
    </message>
    <message>
        <source>更改口令</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>当前口令</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>当前口令：</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>您用恢复密钥打开了数据库。请设置一个新口令，以后用它打开。恢复密钥仍然有效。</source>
        <translation>You opened the database with the recovery key. Set a new passphrase to open it from now on. The recovery key stays valid.</translation>
    </message>
    <message>
        <source>请输入当前口令。</source>
        <translation>Enter the current passphrase.</translation>
    </message>
    <message>
        <source>数据库已加密。以后打开时需要口令（或恢复密钥）。</source>
        <translation>The database is encrypted. Opening it now needs the passphrase (or the recovery key).</translation>
    </message>
    <message>
        <source>口令已更改。恢复密钥仍然有效。</source>
        <translation>Passphrase changed. The recovery key stays valid.</translation>
    </message>
    <message>
        <source>取消加密</source>
        <translation>Turn encryption off</translation>
    </message>
    <message>
        <source>取消加密后，数据库文件将以明文保存在这台电脑上：拿到这台电脑或这个文件的人，都能读到其中的事件、证据和个人信息。

确定要取消加密吗？</source>
        <translation>With encryption off, the database file is kept readable on this computer: anyone who gets the computer or the file can read the incidents, the evidence and the personal information in them.

Turn encryption off?</translation>
    </message>
    <message>
        <source>取消加密：请输入口令</source>
        <translation>Turn encryption off: enter the passphrase</translation>
    </message>
    <message>
        <source>无法取消加密</source>
        <translation>Cannot turn encryption off</translation>
    </message>
    <message>
        <source>数据库已取消加密，现在以明文保存。</source>
        <translation>Encryption is off; the database is now kept readable.</translation>
    </message>
    <message>
        <source>关闭（已自动保存）</source>
        <translation>Close (saved automatically)</translation>
    </message>
    <message>
        <source>按现在起算（请确认发现时间）</source>
        <translation>Counted from now (please confirm the discovery time)</translation>
    </message>
    <message>
        <source>请先修正：</source>
        <translation>Please correct these first: </translation>
    </message>
    <message>
        <source>已取消导出。</source>
        <translation>Export cancelled.</translation>
    </message>
    <message>
        <source>网络安全事件</source>
        <translation>Cybersecurity incident</translation>
    </message>
    <message>
        <source>无法生成报告：{e}</source>
        <translation>Could not create the report: {e}</translation>
    </message>
    <message>
        <source>正在生成报告……</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>保存报告</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>已保存{k}：{p}</source>
        <translation>{k} saved: {p}</translation>
    </message>
    <message>
        <source>无法保存到 {p}：{e}。请换一个文件夹再试。</source>
        <translation>Could not save to {p}: {e}. Please try another folder.</translation>
    </message>
    <message>
        <source>保存 Word 文件</source>
        <translation>Save Word file</translation>
    </message>
    <message>
        <source>Word 文件 (*.docx)</source>
        <translation>Word files (*.docx)</translation>
    </message>
    <message>
        <source>已保存 Word 文件：{p}</source>
        <translation>Word file saved: {p}</translation>
    </message>
    <message>
        <source>报送工作单</source>
        <translation>filing worksheet</translation>
    </message>
    <message>
        <source>保存报送工作单</source>
        <translation>Save the filing worksheet</translation>
    </message>
    <message>
        <source>已保存报送工作单：{p}</source>
        <translation>Filing worksheet saved: {p}</translation>
    </message>
    <message>
        <source>正在生成报送工作单……</source>
        <translation>Making the filing worksheet…</translation>
    </message>
    <message>
        <source>无法生成报送工作单：{e}</source>
        <translation>Could not make the filing worksheet: {e}</translation>
    </message>
    <message>
        <source>保存{k}</source>
        <translation>Save the {k}</translation>
    </message>
    <message>
        <source>无法生成通知：{e}</source>
        <translation>Could not make the notice: {e}</translation>
    </message>
    <message>
        <source>正在生成通知……</source>
        <translation>Making the notice…</translation>
    </message>
    <message>
        <source>保存邮件草稿</source>
        <translation>Save e-mail draft</translation>
    </message>
    <message>
        <source>邮件草稿 (*.eml)</source>
        <translation>E-mail draft (*.eml)</translation>
    </message>
    <message>
        <source>短信文本</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>一条短信（{n} 字，一条最多 {limit} 字）</source>
        <translation>One message ({n} characters; at most {limit} in one message)</translation>
    </message>
    <message>
        <source>完整短信（{n} 字，将分多条发送）</source>
        <translation>Full text ({n} characters, sent as several messages)</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>告知书（PDF / Word）</source>
        <translation>Letter (PDF / Word)</translation>
    </message>
    <message>
        <source>短信文本…</source>
        <translation>Text message…</translation>
    </message>
    <message>
        <source>公告（PDF / Word）</source>
        <translation>Public notice (PDF / Word)</translation>
    </message>
    <message>
        <source>给部门的报告（PDF / Word）</source>
        <translation>Authority report (PDF / Word)</translation>
    </message>
    <message>
        <source>个人信息通知</source>
        <translation>Personal information notices</translation>
    </message>
    <message>
        <source>登记已通知部门…</source>
        <translation>Record authority notified…</translation>
    </message>
    <message>
        <source>登记已通知个人…</source>
        <translation>Record individuals notified…</translation>
    </message>
    <message>
        <source>不通知个人（写明理由）…</source>
        <translation>Don't notify individuals (reason)…</translation>
    </message>
    <message>
        <source>改为须通知个人</source>
        <translation>Notify individuals after all</translation>
    </message>
    <message>
        <source>履行个人信息保护职责的部门认为可能造成危害的，有权要求通知个人（{basis}）</source>
        <translation>If the personal-information protection authority thinks harm may result, it can require the individuals to be notified ({basis})</translation>
    </message>
    <message>
        <source>预览（英文）</source>
        <translation>Preview (English)</translation>
    </message>
    <message>
        <source>通知本身是中文的；这里显示英文译文，供您核对内容</source>
        <translation>The notices themselves are in Chinese; this shows an English rendering so you can check what they say</translation>
    </message>
    <message>
        <source>去填写个人信息…</source>
        <translation>Fill in the personal information…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Word（.docx）…</source>
        <translation>Word (.docx)…</translation>
    </message>
    <message>
        <source>已登记通知：{who}，{t}（北京时间）</source>
        <translation>Notice recorded: {who}, {t} (Beijing time)</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>已记下不通知个人的理由。部门要求通知时，点「改为须通知个人」。</source>
        <translation>The reason for not notifying individuals is recorded. If the authority requires a notice, click “Notify individuals after all”.</translation>
    </message>
    <message>
        <source>已改为须通知个人：请立即通知，并登记已通知个人。</source>
        <translation>Individuals must now be notified: notify them at once and record the notice.</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>文本 SHA-256 {h}…</source>
        <translation>text SHA-256 {h}…</translation>
    </message>
    <message>
        <source>邮件草稿已保存：{p}。用邮件程序打开它，核对后发送。</source>
        <translation>E-mail draft saved: {p}. Open it in your e-mail program, check it, then send it.</translation>
    </message>
    <message>
        <source>12387 电话报告稿</source>
        <translation>12387 phone script</translation>
    </message>
    <message>
        <source>已显示电话报告稿。打完电话请登记报送。</source>
        <translation>Phone script shown. After the call, please record the submission.</translation>
    </message>
    <message>
        <source>保存传真封面</source>
        <translation>Save fax cover</translation>
    </message>
    <message>
        <source>传真封面</source>
        <translation>Fax cover</translation>
    </message>
    <message>
        <source>传真封面已保存：{p}（报告共 {n} 页）</source>
        <translation>Fax cover saved: {p} (report pages: {n})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>时间（北京时间）</source>
        <translation>Time (Beijing time)</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>事件时间线</source>
        <translation>Incident timeline</translation>
    </message>
    <message>
        <source>时间线条目的时间（北京时间）</source>
        <translation>Time of the timeline entry (Beijing time)</translation>
    </message>
    <message>
        <source>默认是现在；补记以前发生的事时改成当时的时间。</source>
        <translation>Defaults to now; when recording something that happened earlier, change it to that time.</translation>
    </message>
    <message>
        <source>一句话记下发生了什么，回车添加</source>
        <translation>Note in one sentence what happened; press Enter to add</translation>
    </message>
    <message>
        <source>时间线条目</source>
        <translation>Timeline entry</translation>
    </message>
    <message>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>请先写一句发生了什么。</source>
        <translation>Please write a sentence about what happened first.</translation>
    </message>
    <message>
        <source>时间晚于现在，请核对（时间线只记已经发生的事）。</source>
        <translation>The time is later than now. Please check it (the timeline records only things that have already happened).</translation>
    </message>
    <message>
        <source>已添加：{t}</source>
        <translation>Added: {t}</translation>
    </message>
    <message>
        <source>把截图、勒索信、日志等文件拖到这里，或点「添加附件」。文件复制进本机数据库，并记下 SHA-256 指纹。</source>
        <translation>Drag screenshots, ransom notes, logs and other files here, or click “Add attachment”. Files are copied into the database on this computer, and their SHA-256 fingerprint is recorded.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>加入时间（北京时间）</source>
        <translation>Added (Beijing time)</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>添加附件(&amp;T)…</source>
        <translation>Add at&amp;tachment…</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>用系统自带的程序打开一份临时副本</source>
        <translation>Opens a temporary copy with the system's default program</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>Choose an attachment</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>「{n}」不是文件（文件夹请先压缩）</source>
        <translation>“{n}” is not a file (compress folders first)</translation>
    </message>
    <message>
        <source>「{n}」超过 200 MB，请只附必要的部分</source>
        <translation>“{n}” is larger than 200 MB; please attach only the parts you need</translation>
    </message>
    <message>
        <source>「{n}」SHA-256 {h}</source>
        <translation>“{n}” SHA-256 {h}</translation>
    </message>
    <message>
        <source>已加入：</source>
        <translation>Added: </translation>
    </message>
    <message>
        <source>未加入：</source>
        <translation>Not added: </translation>
    </message>
    <message>
        <source>请先在表中选中一个附件。</source>
        <translation>Please select an attachment in the table first.</translation>
    </message>
    <message>
        <source>无法打开「{n}」：{e}</source>
        <translation>Could not open “{n}”: {e}</translation>
    </message>
    <message>
        <source>已用系统程序打开「{n}」的副本；原件保存在数据库中，不会被改动。</source>
        <translation>Opened a copy of “{n}” with the system viewer; the original stays unchanged in the database.</translation>
    </message>
    <message>
        <source>系统没有能打开「{n}」的程序。副本在：{p}</source>
        <translation>No program on this computer can open “{n}”. The copy is at: {p}</translation>
    </message>
    <message>
        <source>补报：把首报时还不清楚、现在查清的情况报告给原接收单位（{paragraph}）。</source>
        <translation>Supplementary report: report to the original recipient what was still unclear at the time of the initial report and has now been established ({paragraph}).</translation>
    </message>
    <message>
        <source>续报：事件有新进展（影响扩大、处置取得效果、查明原因等）时，及时报告最新情况。</source>
        <translation>Follow-up report: when the incident develops (the impact grows, the response takes effect, the cause is found, etc.), promptly report the latest situation.</translation>
    </message>
    <message>
        <source>总结报告：处置工作结束后 {days} 日内报送，说明原因、处置、整改和教训（{article}）。</source>
        <translation>Summary report: due within {days} days after handling ends; it states the cause, the response, the remediation and the lessons ({article}).</translation>
    </message>
    <message>
        <source>还没有登记过报送，没有可比较的上一份报告。报送后请先登记，之后的补报、续报会列出变化。</source>
        <translation>No submission has been recorded yet, so there is no earlier report to compare with. Record each submission once you have made it; later supplementary and follow-up reports will then list the changes.</translation>
    </message>
    <message>
        <source>与上次报送的报告相比还没有变化。先点「补充事实」写下新查清的情况。</source>
        <translation>Nothing has changed since the last report you submitted. First click “Edit facts” and write down what you have since found out.</translation>
    </message>
    <message>
        <source>{label}：{old} → {new}</source>
        <translation>{label}: {old} → {new}</translation>
    </message>
    <message>
        <source>与上次报送相比，共 {n} 处变化：</source>
        <translation>Changes since the last submission ({n}):</translation>
    </message>
    <message>
        <source>① 补充事实(&amp;E)…</source>
        <translation>① &amp;Edit facts…</translation>
    </message>
    <message>
        <source>② 预览并导出(&amp;X)…</source>
        <translation>② Preview and e&amp;xport…</translation>
    </message>
    <message>
        <source>③ 登记报送(&amp;S)…</source>
        <translation>③ Record &amp;submission…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>还没有记下处置工作结束时间。处置结束后在事件台点「处置工作已结束」，总结报告的 {days} 日期限从那时起算。</source>
        <translation>The end of handling is not recorded yet. When handling ends, click 'Handling ended' on the desk; the {days}-day period for the summary report starts then.</translation>
    </message>
    <message>
        <source>总结报告期限：{d}（北京时间）。</source>
        <translation>Summary report deadline: {d} (Beijing time).</translation>
    </message>
    <message>
        <source>完整报告尚缺：{m}</source>
        <translation>Still missing for the full report: {m}</translation>
    </message>
    <message>
        <source>{basis}各项都已填写。</source>
        <translation>All items of {basis} have been filled in.</translation>
    </message>
    <message>
        <source>快速指南</source>
        <translation>Quick guide</translation>
    </message>
    <message>
        <source>刚刚 / 现在</source>
        <translation>Just now</translation>
    </message>
    <message>
        <source>10 分钟前</source>
        <translation>10 minutes ago</translation>
    </message>
    <message>
        <source>30 分钟前</source>
        <translation>30 minutes ago</translation>
    </message>
    <message>
        <source>1 小时前</source>
        <translation>1 hour ago</translation>
    </message>
    <message>
        <source>今天早些时候…</source>
        <translation>Earlier today…</translation>
    </message>
    <message>
        <source>昨天…</source>
        <translation>Yesterday…</translation>
    </message>
    <message>
        <source>昨天 </source>
        <translation>yesterday </translation>
    </message>
    <message>
        <source>什么时候发现（或得知）这起事件的？报告期限从这一刻算起。点一个选项，或在下面直接输入时间，例如「9:30」「9点半」「昨天 22:10」。</source>
        <translation>When was the incident discovered (or when did you learn of it)? The reporting deadlines count from that moment. Click an answer, or type the time below, for example “9:30”, “9:30 am”, “yesterday 22:10”.</translation>
    </message>
    <message>
        <source>数据库完整检查发现问题，为保护数据已停止写入（可以继续查看，不能修改）。</source>
        <translation>The full database check found a problem. Writing has stopped to protect the data (you can still view, but not change anything).</translation>
    </message>
    <message>
        <source>正在后台完整检查数据库：{p}%（可以照常使用）</source>
        <translation>Checking the whole database in the background: {p}% (you can keep working)</translation>
    </message>
    <message>
        <source>已保存原始副本（供取证，未经数据库打开）：{f}，在 {d}</source>
        <translation>Raw copy saved (for forensics, not opened as a database): {f}, in {d}</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <source>个人信息泄露或可能泄露时，须立即通知有关部门和受影响的个人，与事件级别无关。这里填的内容会写进通知，请用对方看得懂的话。</source>
        <translation>When personal information was or may have been leaked, the department concerned and the individuals affected must be notified at once, whatever the grade. What you write here goes into the notices: use words the readers understand.</translation>
    </message>
    <message>
        <source>法律要求「立即」通知，没有小时数；程序会在发现后 {hours} 小时提醒您（内部提醒，非法定期限）。</source>
        <translation>The law says notify “at once”, with no number of hours; the app reminds you {hours} hours after discovery (internal reminders, not statutory deadlines).</translation>
    </message>
    <message>
        <source>（一）信息种类、原因和可能的危害</source>
        <translation>(1) Kinds of information, cause and possible harm</translation>
    </message>
    <message>
        <source>（二）补救措施和个人可以做什么</source>
        <translation>(2) Remedies taken and what individuals can do</translation>
    </message>
    <message>
        <source>（三）联系方式和要通知的部门</source>
        <translation>(3) Contact, and the department to notify</translation>
    </message>
    <message>
        <source>已结束且知道分钟数时才填；否则填上面的开始时间</source>
        <translation>Only once it has ended and you know the minutes; otherwise enter when it began, above</translation>
    </message>
    <message>
        <source>建议：先截图、保存网页和服务器日志留作证据，再把被篡改的页面下线或恢复；清除后在「结束时间」里填上时刻。</source>
        <translation>Advice: first take screenshots and keep the page and the server logs as evidence, then take the defaced page down or restore it; once it is gone, enter the time under “ended at”.</translation>
    </message>
    <message>
        <source>建议：保存日志和报错截图留作证据，尽快恢复服务；恢复后在「结束时间」里填上时刻。</source>
        <translation>Advice: keep the logs and screenshots of the errors as evidence and restore the service as soon as you can; once restored, enter the time under “ended at”.</translation>
    </message>
    <message>
        <source>已持续 {m} 分钟，仍在持续（时长随时间增加，定级会随之更新）</source>
        <translation>{m} minutes so far, still going on (the duration grows with time and the grade follows)</translation>
    </message>
    <message>
        <source>持续了 {m} 分钟</source>
        <translation>Lasted {m} minutes</translation>
    </message>
    <message>
        <source>还在持续吗？从几点开始？不知道分钟数也没关系：填开始时间，时长按现在的时间自动计算，定级随之更新。</source>
        <translation>Is it still going on? Since when? No need to know the minutes: enter when it began; the duration counts up to now and the grade follows.</translation>
    </message>
</context>
</TS>