"""The command line's messages: usage errors, refusals and the lines it prints
(``core.cli``). The lines ``list`` and ``import`` print and ``check``'s text form are
worded here too; ``--json`` output and the id ``import`` prints last are data, never
worded."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # every command
    "cli_error": ("错误：", "Error: "),
    "cli_cancelled": ("已取消", "Cancelled"),
    "cli_usage_error": ("{prog}: 参数错误：{message}（用 --help 查看用法）", "{prog}: error: {message} (use --help for usage)"),
    "cli_now_format": (
        "--now：应为带时间的日期，例如 2026-11-24T10:00:00+08:00（实际为 {value}）",
        "--now: expected a date and time such as 2026-11-24T10:00:00+08:00 (got {value})",
    ),
    "cli_now_range": ("--now：时间应在 {min} 年至 {max} 年之间（实际为 {value}）", "--now: the time must lie in the years {min} to {max} (got {value})"),
    "cli_no_file_no_db": (
        "「{arg}」既不是文件，也找不到数据库 {path}（可用 --db 指定）",
        "'{arg}' is not a file, and there is no database {path} (give one with --db)",
    ),
    "cli_not_an_incident": (
        "「{arg}」既不是文件，也不是数据库 {path} 中的事件 id（可用 incident-assistant list 查看）",
        "'{arg}' is neither a file nor an incident id in the database {path} (see incident-assistant list)",
    ),
    "cli_output_twice": ("文件 {path}：同一文件被指定为两个输出，未写入", "file {path}: named for two outputs; nothing was written"),
    "cli_cannot_write": ("无法写入 {path}：{detail}", "cannot write {path}: {detail}"),
    # pdf and notice
    "cli_worksheet_alone": (
        "--kind worksheet：工作单不随报告报送，不能同时生成 --eml、--phone-script 或 --fax-cover",
        "--kind worksheet: a worksheet is not sent with the report, so --eml, --phone-script and --fax-cover cannot come with it",
    ),
    "cli_notice_written": ("已生成 {path}（{kind}，{format}）", "Written {path} ({kind_en}, {format})"),
    # the database commands
    "cli_db_missing": ("数据库文件 {path} 不存在", "the database file {path} does not exist"),
    "cli_verify_not_a_db": ("{error}（不是事件数据库，没有可核对的内容）", "{error} (not an incident database: there is nothing to verify)"),
    "cli_then": ("。", ". "),
    "cli_option": ("{option}：{message}", "{option}: {message}"),
    "cli_backed_up": ("已备份并校验：{path}", "Backed up and verified: {path}"),
    "cli_restored": ("已从 {source} 恢复到 {path}", "Restored {path} from {source}"),
    "cli_restore_kept": ("原数据库另存为：{path}", "The database as it was is kept as: {path}"),
    "cli_version_rules": (
        "规则包 {id} {version}（{title}，{date}，{in_force} 起施行）",
        "rule pack {id} {version} ({title}, {date}, in force from {in_force})",
    ),
    "cli_version_no_rules": ("规则包无法加载：{error}", "the rule pack cannot be loaded: {error}"),
    # what the commands print
    "cli_written_worksheet": ("已生成 {path}（报送工作单）", "Written {path} (worksheet)"),
    "cli_written_docx": ("已生成 {path}（{kind}，Word 文件）", "Written {path} ({kind_en}, Word file)"),
    "cli_written_pdf": ("已生成 {path}（{kind}，{pages} 页）", "Written {path} ({kind_en}, {pages} pages)"),
    "cli_data_sha256": ("事件数据 SHA-256：{sha256}", "Incident data SHA-256: {sha256}"),
    "cli_pdf_sha256": ("PDF SHA-256：{sha256}", "PDF SHA-256: {sha256}"),
    "cli_anchor": ("记录校验码：{anchor}", "Record anchor: {anchor}"),
    "cli_written_eml": ("已生成邮件草稿 {path}", "Written e-mail draft {path}"),
    "cli_written_phone_script": ("已生成电话报告稿 {path}", "Written phone script {path}"),
    "cli_written_fax_cover": ("已生成传真封面 {path}", "Written fax cover {path}"),
    "cli_imported": ("已导入：{title}", "Imported: {title}"),
    "cli_list_empty": ("数据库中还没有事件。", "There are no incidents in the database yet."),
    "cli_list_row": (
        "{number}  {drill}{draft}{title}  定级：{grade}  状态：{status}  最近期限：{due}  id：{id}",
        "{number}  {drill}{draft}{title}  grade: {grade}  status: {status}  next due: {due}  id: {id}",
    ),
    "cli_list_drill": ("［演练］", "[drill] "),
    "cli_list_draft": ("［草稿有误］", "[draft with errors] "),
    "cli_beijing_time": ("{time}（北京时间）", "{time} (Beijing time)"),
    # check's text form
    "cli_untitled": ("（未命名事件）", "(untitled incident)"),
    "cli_incident": ("事件：", "Incident: "),
    "cli_drill": ("（演练）", " (drill)"),
    "cli_manual_grade": ("手动定级", "manual grade"),
    "cli_computed_grade": ("按附件计算", "computed by the Annex"),
    "cli_grade": ("定级：{grade}（{basis}）  ", "Grade: {grade} ({basis})  "),
    "cli_manual_reason": ("  手动定级理由：{reason}；按附件计算为：{computed}", "  Reason for the manual grade: {reason}; the Annex gives: {computed}"),
    "cli_typed_value": ("（填报值：{value}）", " (value: {value})"),
    "cli_triggered": ("  · {grade}｜{item}：{text}{value}", "  · {grade} | {item}: {text}{value}"),
    "cli_obligations": ("报告义务（北京时间；当前 {now}）：", "Reporting obligations (Beijing time; now {now}):"),
    "cli_column_recipient": ("接收方", "Recipient"),
    "cli_column_basis": ("依据", "Basis"),
    "cli_column_due": ("期限", "Due"),
    "cli_column_left": ("剩余", "Left"),
    "cli_column_status": ("状态", "Status"),
    "cli_due_unknown": ("未定", "not yet known"),
    "cli_reason": ("  · {who}：{reason}", "  · {who}: {reason}"),
    "cli_escalations": (
        "接收方的上报时限（供参考，不是您的期限）：",
        "What your recipient must pass on, and how fast (for information; not your deadline):",
    ),
    "cli_escalation": ("  · {by} → {to}：收到后 {minutes} 分钟内（{basis}）", "  · {by} → {to}: within {minutes} minutes of receiving it ({basis_en})"),
    "cli_none": ("无", "none"),
    "cli_missing_initial": ("首报尚缺（第七条第二款：可先报第一、二项）：", "Missing for a first report (Art. 7(2): items 1 and 2 may go first): "),
    "cli_missing_complete": ("完整报告尚缺：", "Missing for a complete report: "),
    "cli_notes": ("提示：", "Notes:"),
}
