"""Errors and warnings as values with a place: a field path, a message key and its
parameters, rendered in Chinese (default) or English. The CLI prints one line, the GUI
shows it beside the field; both say the same words because both use this module."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

TEMPLATES: dict[str, tuple[str, str]] = {
    # validation errors
    "not_object": ("应为 JSON 对象", "expected a JSON object"),
    "unknown_key": ("未知的键「{key}」（请检查拼写；本格式不接受其他键）", "unknown key '{key}' (check the spelling; no other keys are accepted)"),
    "schema": ('应为 "{expected}"', 'expected "{expected}"'),
    "missing": ("必填，不能为空", "required"),
    "type_str": ("应为文本（字符串）", "expected text (a string)"),
    "type_bool": ("应为 true 或 false", "expected true or false"),
    "type_int": ("应为整数", "expected a whole number"),
    "type_number": ("应为数字", "expected a number"),
    "type_list": ("应为数组（列表）", "expected an array"),
    "negative": ("不能为负数（实际为 {value}）", "must not be negative (got {value})"),
    "not_positive": ("应大于 0（实际为 {value}）", "must be greater than 0 (got {value})"),
    "percent_range": ("百分比应在 0 到 100 之间（实际为 {value}）", "a percentage must be between 0 and 100 (got {value})"),
    "enum": ("应为以下之一：{choices}（实际为 {value}）", "expected one of: {choices} (got {value})"),
    "instant": (
        "应为带时间的日期，例如 2026-11-24T09:30:00+08:00（实际为 {value}）",
        "expected a date and time such as 2026-11-24T09:30:00+08:00 (got {value})",
    ),
    "instant_range": (
        "时间应在 {min} 年至 {max} 年之间（实际为 {value}）",
        "the time must lie in the years {min} to {max} (got {value})",
    ),
    "hours_beyond_calendar": (
        "小时数过大：期限将超出日历范围（最多 {limit} 小时，实际为 {value}）",
        "too many hours: the due time would fall outside the calendar (at most {limit} hours, got {value})",
    ),
    "blank_reason": ("须写明理由", "a reason is required"),
    "occurred_after_discovered": ("发生时间不能晚于发现时间（发现：{discovered}）", "occurrence time must not be after discovery time ({discovered})"),
    "ended_before_discovered": ("处置结束时间不能早于发现时间（发现：{discovered}）", "handling end must not be before discovery ({discovered})"),
    "subclass_mismatch": (
        "子类「{value}」不属于「{class_name}」；可选：{choices}",
        "subclass '{value}' is not in class '{class_name}'; choose one of: {choices}",
    ),
    "subclass_unknown": ("未知的事件子类「{value}」", "unknown incident subclass '{value}'"),
    "obligation_unknown": ("未知的报告义务「{value}」；可选：{choices}", "unknown obligation '{value}'; choose one of: {choices}"),
    "too_large": ("数值超出允许范围（绝对值不能超过 {limit}，实际为 {value}）", "the number is out of range (at most {limit} in magnitude, got {value})"),
    "lone_surrogate": (
        "文本中有无效字符（不成对的 UTF-16 代理码），请删去后重新输入",
        "the text holds an invalid character (a lone UTF-16 surrogate); remove it",
    ),
    "v2_only": ('「{key}」属于 {expected} 格式；请把 schema 改为 "{expected}"', "'{key}' belongs to the {expected} format; set schema to \"{expected}\""),
    "not_json": ("不是有效的 JSON：第 {line} 行第 {col} 列：{detail_zh}", "not valid JSON: line {line}, column {col}: {detail}"),
    "unreadable": ("无法读取文件：{detail}", "cannot read the file: {detail}"),
    # reading an incident file (core.jsonfile)
    "file_not_regular": ("不是普通文件（是{kind_zh}），不能作为事件文件读取", "not a regular file ({kind_en}); it cannot be read as an incident file"),
    "file_too_large": ("文件过大：事件文件不能超过 {limit}", "the file is too large: an incident file may be at most {limit}"),
    "not_utf8": ("不是 UTF-8 编码的文本（第 {offset} 个字节处无法解码）", "not UTF-8 text (cannot be decoded at byte {offset})"),
    "duplicate_key": ("键「{key}」在同一对象中出现了不止一次；请只保留一个", "the key '{key}' appears more than once in the same object; keep only one"),
    "not_finite": (
        "{value} 不是有效的数字（JSON 不允许 NaN、Infinity）；不知道请填 null",
        "{value} is not a valid number (JSON allows no NaN or Infinity); use null if unknown",
    ),
    "number_range": ("数字 {value} 超出允许范围（绝对值不能超过 {limit}）", "the number {value} is out of range (at most {limit} in magnitude)"),
    "too_deep": ("嵌套层数超过上限（最多 {limit} 层对象或数组）", "nested too deeply (at most {limit} levels of objects or arrays)"),
    "lone_surrogate_key": ("键名中有无效字符（不成对的 UTF-16 代理码）", "the key holds an invalid character (a lone UTF-16 surrogate)"),
    "not_a_number": (
        "「{value}」不是数字；请填写数字，如 120000 或 12万；不知道请留空",
        "'{value}' is not a number; type e.g. 120000, or leave it empty if unknown",
    ),
    "not_whole": ("「{value}」应为整数（人数、次数不能有小数）", "'{value}' must be a whole number"),
    "negative_text": ("「{value}」不能为负数", "'{value}' must not be negative"),
    # the store (core.store.errors and the store's details); one block, keyed store_*
    "store_restore_hint": (
        "可用「备份与恢复」从备份恢复（命令行：incident-assistant restore 备份文件）",
        "Restore a backup with Backup and restore (command line: incident-assistant restore BACKUP)",
    ),
    "store_unusable": ("无法使用数据库", "the database cannot be used"),
    "store_not_a_database": (
        "不是本程序的数据库文件（文件头不对或已损坏），文件未作任何改动",
        "not a database of this app (wrong header or damaged); the file was not changed",
    ),
    "store_corrupt": (
        "完整性检查（PRAGMA integrity_check）未通过，数据库已损坏，文件未作任何改动",
        "the integrity check (PRAGMA integrity_check) failed: the database is damaged; the file was not changed",
    ),
    "store_chain_broken": (
        "审计记录的哈希链断裂，数据可能在本程序之外被改动，文件未作任何改动",
        "the audit log's hash chain is broken: the data may have been changed outside this app; the file was not changed",
    ),
    "store_too_new": (
        "由更新版本的程序创建，本版本无法安全打开，文件未作任何改动",
        "made by a newer version of the app, which this version cannot open safely; the file was not changed",
    ),
    "store_too_new_remedy": ("请升级程序，或从备份恢复", "Update the app, or restore a backup"),
    "store_read_only": ("文件或所在文件夹不可写（只读），无法保存", "the file or its folder cannot be written (read-only); nothing could be saved"),
    "store_read_only_remedy": (
        "请检查文件夹权限，或用 --db 指定一个可写的位置；已保存的内容没有丢失，修改可在恢复写入后重试",
        "Check the folder's permissions or give a writable place with --db; what was saved is not lost, and the change can be retried once writing works",
    ),
    "store_full": ("磁盘空间已满，本次修改未能保存", "the disk is full; this change was not saved"),
    "store_full_remedy": ("请清理磁盘空间后重试；已保存的内容没有丢失", "Free some disk space and try again; what was saved is not lost"),
    "store_locked": (
        "数据库正被另一个程序长时间占用（已锁定），本次修改未能保存",
        "another program has held the database for a long time (locked); this change was not saved",
    ),
    "store_locked_remedy": (
        "请关闭另一个正在写入的窗口或程序后重试；已保存的内容没有丢失",
        "Close the other window or program that is writing and try again; what was saved is not lost",
    ),
    "store_io": ("读写数据库时出错", "reading or writing the database failed"),
    "store_io_remedy": ("请检查磁盘后重试；已保存的内容没有丢失", "Check the disk and try again; what was saved is not lost"),
    "store_foreign_schema": (
        "数据库结构与本程序的不符（可能被人动过手脚），为安全起见未使用，文件未作任何改动",
        "the database's structure is not this app's (it may have been tampered with); it was not used, to be safe, and the file was not changed",
    ),
    "store_timeout": (
        "读取数据库超时，已中止（文件可能被构造成让程序卡住），文件未作任何改动",
        "reading the database took too long and was stopped (the file may be made to hang the app); the file was not changed",
    ),
    "store_backup_invalid": ("备份文件校验未通过，未使用", "the backup file did not pass the checks and was not used"),
    "store_backup_invalid_remedy": ("请换一个备份文件", "Choose another backup file"),
    "store_target_exists": ("文件已存在，为免覆盖，未写入", "the file exists; nothing was written, so as not to overwrite it"),
    "store_target_exists_remedy": ("请换一个文件名", "Choose another file name"),
    "store_incident_not_found": ("没有这个事件", "there is no such incident"),
    "store_incident_not_found_remedy": ("请用 incident-assistant list 查看已有事件的 id", "See the incidents' ids with incident-assistant list"),
    "store_incident_exists": ("已有同一 id 的事件，为免覆盖，未导入", "an incident with the same id exists; nothing was imported, so as not to overwrite it"),
    "store_incident_exists_remedy": ("如需另存一份，请用 import --new-id", "To keep a second copy, use import --new-id"),
    "store_invalid_edit": ("修改无效", "the change is not valid"),
    "store_void_needs_reason": ("作废须写明理由（至少要有一个字或数字）", "voiding needs a written reason (at least one letter or number)"),
    "store_already_voided": ("这个事件已经作废", "this incident is already voided"),
    "store_reading_locked": ("数据库正被另一个程序独占锁定，无法读取", "another program holds the database locked; it cannot be read"),
    "store_reading_locked_remedy": ("请关闭另一个程序后重试；没有作任何修改", "Close the other program and try again; nothing was changed"),
    "store_reading_full": ("磁盘空间已满，无法读取数据库", "the disk is full; the database cannot be read"),
    "store_reading_full_remedy": ("请清理磁盘空间后重试；没有作任何修改", "Free some disk space and try again; nothing was changed"),
    "store_reading_denied": (
        "无法打开数据库文件读取（没有权限或文件夹不可访问）",
        "the database file cannot be opened for reading (no permission, or the folder cannot be entered)",
    ),
    "store_reading_denied_remedy": ("请检查文件和文件夹的权限；没有作任何修改", "Check the permissions of the file and its folder; nothing was changed"),
    "store_reading_io": ("读取数据库时出错", "reading the database failed"),
    "store_reading_io_remedy": ("请检查磁盘后重试；没有作任何修改", "Check the disk and try again; nothing was changed"),
    # store: details
    "store_missing_file": ("文件不存在", "the file does not exist"),
    "store_missing_file_remedy": ("请用 --db 指定数据库文件，或先导入事件", "Give the database file with --db, or import an incident first"),
    "store_check_path": ("请检查路径", "Check the path"),
    "store_is_folder": ("这是一个文件夹", "this is a folder"),
    "store_not_regular": ("不是普通文件（如管道或设备）", "not a regular file (such as a pipe or a device)"),
    "store_empty_yet": ("文件为空（0 字节），还不是事件数据库", "the file is empty (0 bytes): not an incident database yet"),
    "store_empty": ("文件为空（0 字节），不是事件数据库", "the file is empty (0 bytes): not an incident database"),
    "store_no_tables_yet": ("其中没有任何表，还不是事件数据库", "it holds no tables: not an incident database yet"),
    "store_no_tables": ("其中没有任何表，不是事件数据库", "it holds no tables: not an incident database"),
    "store_named_empty": ("文件为空（0 字节）", "the file is empty (0 bytes)"),
    "store_named_empty_problem": ("不是事件数据库", "not an incident database"),
    "store_named_empty_remedy": (
        "如要在这里新建数据库，请先删除这个空文件；文件未作任何改动",
        "To make a new database here, delete this empty file first; the file was not changed",
    ),
    "store_foreign_tables": ("其中的表（{names}）不是本程序的", "its tables ({names}) are not this app's"),
    "store_unknown_steps": ("未知的结构版本：{names}", "unknown structure versions: {names}"),
    "store_wrong_steps": ("结构版本记录不对：{names}", "the record of structure versions is wrong: {names}"),
    "store_schema_extra": ("多出{kind_zh} {name}（本程序不会创建）", "an extra {kind_en} {name} (this app never makes it)"),
    "store_schema_missing": ("缺少{kind_zh} {name}", "the {kind_en} {name} is missing"),
    "store_schema_differs": ("{kind_zh} {name} 的定义与本程序的不同", "the {kind_en} {name} is defined otherwise than by this app"),
    "store_schema_more": ("{shown}；另有 {more} 处不同", "{shown}; {more} more differences"),
    "store_audit_row": ("审计第 {row} 行", "audit row {row}"),
    "store_audit_tail": ("审计第 {row} 行（链尾）", "audit row {row} (the chain's end)"),
    "store_read_only_open": ("以只读方式打开", "opened read-only"),
    "store_read_only_open_problem": ("数据库以只读方式打开，不能修改", "the database was opened read-only and cannot be changed"),
    "store_read_only_open_remedy": ("请不带只读方式重新打开后再修改", "Open it again without read-only to change it"),
    "store_backup_missing": ("文件不存在或不是普通文件", "the file does not exist or is not a regular file"),
    "store_backup_empty": ("文件为空", "the file is empty"),
    "store_backup_not_sqlite": ("不是 SQLite 数据库文件", "not an SQLite database file"),
    "store_backup_no_tables": ("其中没有任何表，不是事件数据库", "it holds no tables: not an incident database"),
    "store_backup_integrity": ("完整性检查未通过：{state}", "the integrity check failed: {state}"),
    "store_backup_too_large": (
        "文件有 {size}，超过恢复所接受的上限 {limit}，未复制",
        "the file has {size}, more than the {limit} a restore accepts; nothing was copied",
    ),
    "store_backup_bad_header": ("文件头不完整，不是 SQLite 数据库文件", "the header is incomplete: not an SQLite database file"),
    "store_backup_bad_page_size": ("文件头所记的页大小（{size}）无效", "the page size in the header ({size}) is not valid"),
    "store_backup_short": (
        "文件比其文件头所记的短（应有 {want}，实有 {size}），文件不完整",
        "the file is shorter than its header says (it should have {want}, it has {size}): it is incomplete",
    ),
    "store_backup_padded": (
        "文件比其文件头所记的大得多（应有 {want}，实有 {size}），未复制",
        "the file is much larger than its header says (it should have {want}, it has {size}); nothing was copied",
    ),
    "store_restore_space": ("恢复约需 {needed}，可用 {free}", "the restore needs about {needed}, {free} is free"),
    "store_restore_space_remedy": (
        "请清理磁盘空间后重试；数据库和备份都未改动",
        "Free some disk space and try again; neither the database nor the backup was changed",
    ),
    "store_restore_read_only": ("文件被设为只读", "the file is set read-only"),
    "store_restore_read_only_problem": ("数据库文件是只读的，未恢复", "the database file is read-only; nothing was restored"),
    "store_restore_read_only_remedy": (
        "如确要恢复，请先去掉文件的只读属性；数据库未改动",
        "To restore anyway, make the file writable first; the database was not changed",
    ),
    "store_restore_window": (
        "本程序的另一个窗口{who}正打开着这个数据库，未恢复",
        "another window of this app{who} has this database open; nothing was restored",
    ),
    "store_restore_window_pid": ("（进程 {pid}）", " (process {pid})"),
    "store_restore_window_remedy": ("请先关闭那个窗口再恢复；数据库未改动", "Close that window first, then restore; the database was not changed"),
    "store_restore_writer": ("另一个程序正在写入这个数据库，未恢复", "another program is writing to this database; nothing was restored"),
    "store_restore_writer_remedy": (
        "请等它写完或关闭它后再恢复；数据库未改动",
        "Wait until it has finished or close it, then restore; the database was not changed",
    ),
    "store_file_symlink": ("是一个符号链接，为免写到别处，未写入", "it is a symbolic link; nothing was written, so as not to write elsewhere"),
    "store_file_folder": ("是一个文件夹，未写入", "it is a folder; nothing was written"),
    "store_file_exists": ("已存在，未覆盖（要替换请加 --force）", "it exists and was not overwritten (add --force to replace it)"),
    "store_file_not_regular": ("不是普通文件，未写入", "not a regular file; nothing was written"),
    "store_file_folder_unwritable": ("无法在所在文件夹写入（{detail}）", "cannot write in its folder ({detail})"),
    "store_file_write_failed": ("写入失败（{detail}），原有文件未改动", "writing failed ({detail}); an existing file was not changed"),
    "store_file_disk_full": ("磁盘空间已满，未写入，原有文件未改动", "the disk is full; nothing was written and an existing file was not changed"),
    "store_file": ("文件 {path}：{text}", "file {path}: {text}"),
    "too_many_items": (
        "条目过多：一个数组或对象最多 {limit} 项（实际为 {count} 项）",
        "too many entries: an array or object may hold at most {limit} (got {count})",
    ),
    "store_kept_copy": (
        "注意：数据库旁保留着一份原数据库的副本 {path}（如一次中断的恢复留下的）；确认不再需要后可以删除它",
        "Note: a copy of the database as it was is kept beside it, {path} (left by an interrupted restore, for instance); delete it once you are sure it is not needed",
    ),
    "too_many_items_total": (
        "条目过多：整个文件的数组和对象合计最多 {limit} 项，到这里已超过",
        "too many entries: the arrays and objects of the whole file may hold at most {limit} together, and this is past it",
    ),
    "store_where": ("数据库文件 {path}：", "database file {path}: "),
    "store_verify_failed_integrity": ("完整性检查未通过（{state}）", "the integrity check failed ({state})"),
    "store_verify_failed": ("审计核对未通过：{problem}{more}", "the audit check failed: {problem}{more}"),
    "store_verify_more": ("（另有 {n} 处问题）", " ({n} more problems)"),
    "store_verify_ok": ("完整，审计链 {rows} 行全部相连", "whole; all {rows} rows of the audit chain link"),
    "store_none": ("空", "none"),
    "store_anchor_format": (
        "记录校验码应为行数加四组十六进制数字，例如 {example}（实际为 {got}）",
        "a record anchor is a row count and four groups of hex digits, such as {example} (got {got})",
    ),
    "store_anchor_broken": ("审计链在第 {row} 行断开：{why}", "the audit chain breaks at row {row}: {why}"),
    "store_anchor_short": (
        "审计链现只有 {count} 行，记录校验码来自第 {rows} 行：第 {next} 行起的记录已被删除",
        "the audit chain now has only {count} rows and the anchor comes from row {rows}: the rows from {next} on were deleted",
    ),
    "store_anchor_rewritten": (
        "审计链第 {rows} 行的哈希与记录校验码不符：这一行或更早的记录在打印该校验码之后被改写（整条链被重新计算）",
        "the hash of audit row {rows} does not match the anchor: this row or an earlier one was rewritten after the anchor was printed (the whole chain recomputed)",
    ),
    "store_anchor_ok": (
        "记录校验码 {code} 与审计链第 {rows} 行相符，其后 {later} 行与之相连",
        "the record anchor {code} matches audit row {rows}, and the {later} rows after it link to it",
    ),
    "store_anchor_failed": ("记录校验码 {code} 核对未通过：{why}", "the record anchor {code} did not check out: {why}"),
    "store_verify_restore": ("可从备份恢复：incident-assistant restore 备份文件", "A backup can be restored: incident-assistant restore BACKUP"),
    "store_file_not_regular_plain": ("不是普通文件", "not a regular file"),
    # encryption at rest (issue 28): never the key, never the passphrase
    "store_passphrase_needed": ("数据库已加密，需要口令才能打开", "the database is encrypted and needs its passphrase"),
    "store_passphrase_needed_remedy": (
        "请提供口令或恢复密钥（命令行：--passphrase-file 口令文件，或 --recovery-key-file 恢复密钥文件）",
        "Give its passphrase or recovery key (command line: --passphrase-file FILE, or --recovery-key-file FILE)",
    ),
    "store_passphrase_wrong": ("口令不正确", "the passphrase is wrong"),
    "store_passphrase_wrong_remedy": (
        "请检查口令后重试（多次输错不会损坏数据）；忘记口令时可用恢复密钥打开并设置新口令",
        "Check it and try again (wrong tries damage nothing); a forgotten passphrase is replaced by opening with the recovery key",
    ),
    "store_recovery_wrong": ("恢复密钥不正确", "the recovery key is wrong"),
    "store_recovery_wrong_remedy": ("请核对打印或抄写的恢复密钥后重试", "Check the printed or written-down recovery key and try again"),
    "store_recovery_format": (
        "恢复密钥格式不对（应为 8 组、每组 4 个字符，如 K7M2-…，其中有字符输错）",
        "the recovery key is not well formed (8 groups of 4 characters such as K7M2-…; a character is mistyped)",
    ),
    "store_key_file_missing": (
        "数据库已加密，但旁边的密钥文件（文件名后加 .keys）不见了",
        "the database is encrypted but its key file beside it (its name followed by .keys) is missing",
    ),
    "store_key_file_damaged": (
        "旁边的密钥文件（文件名后加 .keys）已损坏或不属于此数据库",
        "its key file beside it (its name followed by .keys) is damaged or belongs to another database",
    ),
    "store_key_file_remedy": (
        "可把加密后做的任一备份旁的 .keys 文件复制到数据库旁，改名为数据库文件名加 .keys，再用恢复密钥打开；密钥文件全部丢失时，数据无法恢复",
        "Copy the .keys file beside any backup made since encryption next to the database, named as the database plus .keys, "
        "then open it with the recovery key; "
        "if every key file is lost, the data cannot be recovered",
    ),
    "store_weak_passphrase": ("新口令太短（至少 8 个字符）", "the new passphrase is too short (at least 8 characters)"),
    "store_already_encrypted": ("数据库已经加密", "the database is already encrypted"),
    "store_not_encrypted": ("数据库没有加密", "the database is not encrypted"),
    "store_encrypt_failed": ("加密后的副本未通过核对，原文件未改动", "the encrypted copy did not verify; the original is unchanged"),
    "store_decrypt_failed": ("解密后的副本未通过核对，原文件未改动", "the decrypted copy did not verify; the original is unchanged"),
    # warnings
    "credit_code_check_digit": (
        "统一社会信用代码「{value}」校验位不符（按 GB 32100-2015 应为 {expected}），请核对",
        "unified social credit code '{value}' has a wrong check digit (GB 32100-2015 expects {expected}); please check it",
    ),
    "credit_code_format": (
        "统一社会信用代码「{value}」格式不符（应为 18 位，不含 I、O、Z、S、V），请核对",
        "unified social credit code '{value}' is malformed (18 characters, no I, O, Z, S, V); please check it",
    ),
    "channel_does_not_reach": (
        "第 {n} 条报送记录经「{channel}」报送，该渠道送达不了{recipient}，不计为已向其报告；请直接向其报告（第四条、第九条）",
        "submission {n} went by '{channel_en}', which does not reach the {recipient_en}; it does not count as reported to them: report to them directly (Articles 4 and 9)",
    ),
    "submission_not_applicable": (
        "第 {n} 条报送记录所记的义务「{recipient}」对本事件不适用，该记录未计入任何期限；请核对所记义务",
        "submission {n} is recorded against the duty to report to the {recipient_en}, which does not apply to this incident; it counts for no deadline: please check it",
    ),
    "submission_in_future": (
        "第 {n} 条报送记录的报送时间（{value}）晚于当前时间，暂不计为已报告；请核对",
        "submission {n} is timed after the present ({value}); it does not count as reported yet: please check it",
    ),
    "before_in_force": (
        "发现时间早于《办法》施行日期 {date}（第十四条）：当时《办法》尚未施行，以下义务仅供记录和演练参考",
        "discovered before the Measures took effect on {date} (Article 14): they were not yet in force; the duties below are for records and drills",
    ),
    "cii_system_flag": (
        "有系统标记为关键信息基础设施，已按涉及关键信息基础设施计算期限（第四条第一款）",
        "a system is marked as critical information infrastructure; deadlines are computed as a CII incident",
    ),
    "category_unknown": (
        "未选择报告单位类别，暂按「其他网络运营者」计算期限（第四条第三款）",
        "reporter category not chosen; deadlines are computed for 'other operators' for now",
    ),
    "discovery_unknown": ("未填写发现时间，无法计算报告期限", "discovery time missing: deadlines cannot be computed"),
    "general_with_unknowns": (
        "已判为一般事件，但仍有影响情况未知（{fields}）；事实变化时须重新定级",
        "graded general while some impact facts are unknown ({fields}); re-grade when facts change",
    ),
    "manual_lower": (
        "手动定级「{grade}」低于按附件计算的「{computed}」；理由：{reason}",
        "manual grade '{grade_en}' is below the computed '{computed_en}'; reason: {reason}",
    ),
    "site_unknown": ("已填写网站受影响情况但未选择网站类型，该项暂不计入定级", "website impact given without a site kind; it is not counted for grading yet"),
    "site_not_listed": (
        "「{site}」不在附件第{item}项列举的网站范围内，该项未计入定级；如影响相当，可手动定级",
        "'{site_en}' is not a site kind the annex item {item} covers; it is not counted (you may grade manually)",
    ),
    "submitted_before_discovery": ("报送时间早于发现时间（{value}），请核对", "submission time is before discovery ({value}); please check it"),
    "general_other_laws": (
        "一般事件无须依《办法》报告，但个人信息保护法、数据安全法等其他法律法规及行业规定仍可能要求报告",
        "a general incident need not be reported under the Measures, but other laws and sector rules may still require it",
    ),
    # the law's third edition (product.md §9): durations that may still run, reasons, voiding
    "duration_ended_before_started": ("结束时间不能早于开始时间（开始：{started}）", "the end must not be before the start ({started})"),
    "duration_starts_in_future": (
        "开始时间（{value}）晚于当前时间（{now}）；请填写已经开始的时间",
        "the start ({value}) is later than the present moment ({now}); enter a time that has already come",
    ),
    "enum_list": ("应为以下值组成的列表：{choices}（实际为 {value}）", "expected a list of: {choices} (got {value})"),
    "discovery_in_future": (
        "发现时间（{value}）晚于当前时间（{now}），请核对；期限按所填发现时间计算",
        "the discovery time ({value}) is later than the present moment ({now}); please check it (deadlines count from it)",
    ),
    "discovery_long_ago": (
        "发现时间（{value}）早于当前时间 {days} 天以上，请核对",
        "the discovery time ({value}) is more than {days} days before the present moment; please check it",
    ),
    "cii_unknown": (
        "未回答是否涉及关键信息基础设施，暂按不涉及计算；如涉及，须在发现后 {hours} 小时内（{due} 前）向保护工作部门和公安机关报告（第四条第一款）",
        "whether critical information infrastructure is involved is not answered, so it is counted as not involved; if it is, "
        "report to the CII protection department and the public security organ within {hours} hour(s) of discovery (by {due}) (Art. 4(1))",
    ),
    "pi_count_differs": (
        "泄露个人信息的人数填了两个不同的数（影响情况：{leaked} 人；个人信息：{count} 人），已按较大的 {larger} 人定级，请核对",
        "two different numbers of people whose personal information leaked ({leaked} in the impact, {count} under personal information); "
        "graded by the larger, {larger}: please check them",
    ),
    "pi_answer_contradicts_count": (
        "个人信息是否受影响答「否」，但填写的泄露人数为 {count}：已按已泄露计算通知义务，请核对",
        "personal information is answered as not affected, but {count} people are recorded as leaked: the notice duties apply; please check it",
    ),
    "handling_end_missing": (
        "已记录总结报告，但未填写处置工作结束时间；请补填（第八条）",
        "a summary report is recorded but the time handling ended is missing; please add it (Art. 8)",
    ),
    "voided": (
        "本事件已于 {at} 作废（理由：{reason}）；尚未完成的义务随之作废，不再提醒",
        "this incident was voided at {at} (reason: {reason}); the duties still open are voided and no longer reminded",
    ),
}


class FieldPaths(tuple[str, ...]):
    """A message parameter naming fields: shown by their names in the message's language
    (「受影响人数」), never by JSON key."""


@dataclass(frozen=True)
class Finding:
    """One validation error or warning at a field path (``impact.people_affected``,
    ``submissions[0].channel``; empty for the whole document)."""

    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        zh, en = TEMPLATES[self.code]
        template = en if lang == "en" else zh
        return template.format(**{k: _named(v, lang) if isinstance(v, FieldPaths) else _show(v) for k, v in self.params.items()})

    def line(self, lang: str = "zh") -> str:
        """One line naming the field and what was expected, for stderr."""
        where = printable(self.path) or ("(整个文件)" if lang != "en" else "(document)")
        return f"{where}: {self.message(lang)}"

    def as_json(self, lang: str = "zh") -> dict[str, str]:
        text = self.message(lang)
        return {"code": self.code, "field": self.path, "message": text, "text": text}


# Characters that would break a one-line message or drive a terminal: controls, format
# characters (bidi overrides), surrogates and line or paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with every control, format, surrogate and separator character as ``\\uXXXX``."""
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in text)


def _named(value: FieldPaths, lang: str) -> str:
    from core.fields import name  # lazy: the catalogue is not needed for most messages

    return ("; " if lang == "en" else "、").join(printable(name(path, lang)) for path in value)


def _show(value: Any) -> str:
    if isinstance(value, str):
        shown = printable(value if len(value) <= 200 else value[:200])
        return shown if len(shown) <= 80 else shown[:77] + "..."
    if isinstance(value, (list, tuple)):
        return "、".join(_show(v) for v in value)
    try:
        text = printable(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        text = printable(repr(value))
    return text if len(text) <= 80 else text[:77] + "..."


class InvalidIncident(ValueError):
    """The incident document has errors; ``errors`` lists every one, first one first."""

    def __init__(self, errors: list[Finding]) -> None:
        super().__init__(errors[0].line() if errors else "invalid")
        self.errors = errors
