"""Validation errors of an incident document and of the file it is read from
(``core.messages.Finding`` codes; ``check --json`` prints the key as ``code``, so a key
never changes)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
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
    "too_many_items": (
        "条目过多：一个数组或对象最多 {limit} 项（实际为 {count} 项）",
        "too many entries: an array or object may hold at most {limit} (got {count})",
    ),
    "too_many_items_total": (
        "条目过多：整个文件的数组和对象合计最多 {limit} 项，到这里已超过",
        "too many entries: the arrays and objects of the whole file may hold at most {limit} together, and this is past it",
    ),
    "duration_ended_before_started": ("结束时间不能早于开始时间（开始：{started}）", "the end must not be before the start ({started})"),
    "duration_starts_in_future": (
        "开始时间（{value}）晚于当前时间（{now}）；请填写已经开始的时间",
        "the start ({value}) is later than the present moment ({now}); enter a time that has already come",
    ),
    "enum_list": ("应为以下值组成的列表：{choices}（实际为 {value}）", "expected a list of: {choices} (got {value})"),
    # a time typed in words (core.timeparse); the key is the reading's code
    "time_unreadable": (
        "读不懂「{text}」。请写成例如「9:30」「9点半」「昨天 22:10」或「2026-11-24 09:30」。",
        "Could not read “{text}”. Write it like “9:30”, “yesterday 22:10” or “2026-11-24 09:30”.",
    ),
    "time_bad_time": (
        "「{text}」不是有效的时刻（小时 0–23，分钟 0–59）。例如「9:30」或「21:05」。",
        "“{text}” is not a valid time of day (hours 0–23, minutes 0–59). For example “9:30” or “21:05”.",
    ),
    "time_bad_date": (
        "「{text}」里的日期不存在。例如「11月24日 9:30」。",
        "The date in “{text}” does not exist. For example “24 Nov 9:30” or “2026-11-24 09:30”.",
    ),
    "time_empty": ("请输入时间，例如「9:30」。", "Type a time, for example “9:30”."),
}
