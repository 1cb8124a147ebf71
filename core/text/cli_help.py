"""The command line's help: the descriptions of its commands and options (``core.cli``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "help_main_about": (
        "网络安全事件报告助手（Incident Reporting Assistant）。不带子命令时启动图形界面。",
        "Incident Reporting Assistant: helps network operators in China report cybersecurity incidents on "
        "time. Without a command it starts the graphical interface.",
    ),
    "help_main_epilog": (
        "退出码：0 成功；1 发现问题（如审计链断裂、自检未通过）；2 输入有误（在标准错误输出一行说明）。"
        "\n各命令的用法：incident-assistant 命令 --help\n语言：--lang，"
        "或环境变量 INCIDENT_ASSISTANT_LANG、LC_ALL、LC_MESSAGES、"
        "LANG（以 en 开头为英文，否则为中文）。",
        "Exit codes: 0 success; 1 a finding (such as a broken audit chain or a failed self-test); 2 bad "
        "input (one line on stderr).\nHelp on a command: incident-assistant COMMAND --help\nLanguage: --lang, "
        "or the environment variable INCIDENT_ASSISTANT_LANG, LC_ALL, LC_MESSAGES or LANG (English when it "
        "starts with en, otherwise Chinese).",
    ),
    "help_main_version": ("显示程序和规则包版本", "show the app and rule-pack versions"),
    "help_main_self_test": (
        "自检（同 self-test 子命令；不开窗口，不动用户数据库）",
        "check this installation (same as the self-test command; no window, the user's database is not touched)",
    ),
    "help_main_db": (
        "数据库文件（默认在用户数据目录；也可用环境变量 INCIDENT_ASSISTANT_DB）",
        "database file (default: in the user data folder; or set INCIDENT_ASSISTANT_DB)",
    ),
    "help_main_lang": (
        "帮助和界面的语言：zh 中文（默认）或 en 英文；优先于环境变量 INCIDENT_ASSISTANT_LANG 和 LC_ALL、LC_MESSAGES、LANG",
        "language of the help and the interface: zh (Chinese, the default) or en (English); overrides INCIDENT_ASSISTANT_LANG, LC_ALL, LC_MESSAGES and LANG",
    ),
    "help_main_commands_metavar": ("命令", "COMMAND"),
    "help_db": (
        "数据库文件（默认在用户数据目录；也可用环境变量 INCIDENT_ASSISTANT_DB）；也可写在命令之前，两处都写时以这里的为准",
        "database file (default: in the user data folder; or set INCIDENT_ASSISTANT_DB); may also come "
        "before the command, and this one wins when both are given",
    ),
    "help_check": ("检查事件文件：定级、报告期限、缺项", "check an incident file: grade, reporting deadlines, missing items"),
    "help_check_about": (
        "校验事件文件，按附件定级，列出报告义务、期限和缺项。",
        "Validate an incident file, grade it by the annex, and list the reporting obligations, their deadlines and what is still missing.",
    ),
    "help_check_file": (
        "事件文件（incident-assistant/incident@1、@2 或 @3 JSON）或数据库中的事件 id",
        "incident file (incident-assistant/incident@1, @2 or @3 JSON) or an incident id in the database",
    ),
    "help_check_json": ("输出机器可读的 JSON", "print machine-readable JSON"),
    "help_now": (
        "按此时刻计算（默认当前时间；不带时区按北京时间）",
        "compute as of this time (default: now; a time without an offset is Beijing time)",
    ),
    "help_notice": (
        "生成个人信息泄露通知（告知书、短信、公告、致主管部门的报告）",
        "write a personal-information notice (letter, SMS, public notice, cover note)",
    ),
    "help_notice_about": (
        "按个人信息保护法第五十七条生成通知：致受影响个人的告知书、短信、公告，"
        "或致履行个人信息保护职责部门的报告。每份通知都包含第五十七条第一款规定的三项内容，"
        "缺少任何一项时不生成。",
        "Write a notice under Article 57 of the Personal Information Protection Law: the letter to the "
        "individuals concerned, the SMS text, the public notice, or the cover note to the department "
        "performing personal-information protection duties. Each holds the three items of Article 57(1); "
        "none is written while one is missing.",
    ),
    "help_notice_file": (
        "事件文件（incident-assistant/incident@2 或 @3 JSON）或数据库中的事件 id",
        "incident file (incident-assistant/incident@2 or @3 JSON) or an incident id in the database",
    ),
    "help_notice_output": ("输出文件", "the file to write"),
    "help_notice_format": (
        "pdf、docx（可编辑的 Word 文件）或 txt；短信只能为 txt（默认），其他默认 pdf；致主管部门的报告不生成 txt",
        "pdf, docx (an editable Word file) or txt; sms is txt only (its default), the others default to pdf; the cover note has no txt",
    ),
    "help_force": ("替换已有的输出文件", "replace an existing output file"),
    "help_pdf": (
        "生成事件报告 PDF（及 12387 邮件草稿、电话稿、传真封面）",
        "render the report PDF (and the 12387 e-mail draft, phone script and fax cover)",
    ),
    "help_pdf_about": (
        "按第七条（总结报告按第八条）生成网络安全事件报告 PDF。",
        "Render the cybersecurity incident report PDF as Article 7 lays it out (a summary report as Article 8 does).",
    ),
    "help_pdf_output": ("输出的报告文件（.pdf 或 .docx）", "the report file to write (.pdf or .docx)"),
    "help_pdf_format": ("pdf（默认）或 docx（可编辑的 Word 文件，内容相同）", "pdf (default) or docx (an editable Word file with the same content)"),
    "help_pdf_eml": ("另存发往 12387 邮箱的邮件草稿（附报告 PDF）", "also write an e-mail draft to the 12387 mailbox (the report PDF attached)"),
    "help_pdf_phone_script": (
        "另存 12387 电话报告稿（第七条第一、二项）",
        "also write a script for reporting to 12387 by phone (items 1 and 2 of Article 7)",
    ),
    "help_pdf_fax_cover": ("另存发往 12387 传真的封面页", "also write a cover page for faxing to 12387"),
    "help_pdf_force": ("替换已有的输出文件", "replace existing output files"),
    "help_self_test": (
        "自检：规则包、字体、检查、PDF、数据库、界面模块（不开窗口）",
        "check this installation: rule pack, font, check, PDF, database, GUI modules (no window)",
    ),
    "help_self_test_about": (
        "不打开窗口、不动用户数据库，检查本安装是否完整可用：规则包、字体、示例事件检查、PDF 生成、"
        "临时数据库与审计链、界面模块。全部通过时退出码为 0，否则为 1。",
        "Check that this installation is complete, without opening a window or touching the user's database: "
        "rule pack, font, checking the example incident, PDF rendering, a temporary database and its audit "
        "chain, GUI modules. Exit 0 when every check passes, 1 otherwise.",
    ),
    "help_import": ("把事件文件导入数据库", "import an incident file into the database"),
    "help_import_about": (
        "校验并导入事件文件；最后一行输出事件 id。",
        "Validate and import an incident file; the last line printed is the incident id.",
    ),
    "help_import_file": ("事件文件（incident-assistant/incident@1 或 @2 JSON）", "incident file (incident-assistant/incident@1 or @2 JSON)"),
    "help_import_new_id": ("总是分配新 id（文件中的 id 已存在时使用）", "always assign a new id (use when the file's id already exists)"),
    "help_export": ("把数据库中的事件导出为文件", "export an incident from the database to a file"),
    "help_export_about": ("导出事件为 JSON 文件（可再次导入）。", "Export an incident as a JSON file (which can be imported again)."),
    "help_export_id": ("事件 id（见 list）", "incident id (see list)"),
    "help_export_output": ("输出文件；- 表示标准输出", "file to write; - for standard output"),
    "help_list": ("列出数据库中的事件", "list the incidents in the database"),
    "help_list_about": ("按最近的报告期限列出事件。", "List the incidents by their nearest reporting deadline."),
    "help_list_json": ("输出机器可读的 JSON 数组", "print a machine-readable JSON array"),
    "help_verify": ("检查数据库完整性和审计链", "check the database's integrity and its audit chain"),
    "help_verify_about": (
        "运行 integrity_check 并逐行核对审计哈希链；完好退出 0，发现问题退出 1 并指出第一处断裂。",
        "Run integrity_check and follow the audit hash chain row by row; exit 0 when all is whole, 1 on a problem, naming the first break.",
    ),
    "help_verify_anchor": (
        "另核对报告或报送记录上印的记录校验码（如 1234-3F2A-9C01-77BE-0D4E）：当前审计链须是打印时那条链的延续",
        "also check a record anchor printed on a report or a submission (such as 1234-3F2A-9C01-77BE-0D4E): "
        "the audit chain now must extend the one it was printed from",
    ),
    "help_backup": ("备份数据库", "back up the database"),
    "help_backup_about": ("用 SQLite 在线备份写出副本，并校验副本。", "Write a copy with SQLite's online backup and verify the copy."),
    "help_backup_out": ("备份文件（不会覆盖已有文件）", "backup file (an existing file is never overwritten)"),
    "help_restore": ("从备份恢复数据库", "restore the database from a backup"),
    "help_restore_about": (
        "先校验备份，再恢复；当前数据库另存一份副本。",
        "Verify the backup, then restore it; the current database is kept as a copy.",
    ),
    "help_restore_source": ("备份文件", "backup file"),
    "help_notice_kind": ("通知类型：{kinds}", "notice kind: {kinds_en}"),
    "help_pdf_kind": (
        "报告类型：{kinds}；{worksheet}（报送工作单，本单位自用，不随报告报送）；默认 initial",
        "report kind: {kinds_en}; {worksheet} (the reporter's own worksheet, not sent); default initial",
    ),
    "help_self_test_now": (
        "检查示例事件时采用的时刻（默认固定为 {now}，结果不随日期变化）",
        "the time at which the example incident is checked (default: fixed at {now}, so the result does not depend on today's date)",
    ),
}
