"""Warnings of an assessment (``core.messages.Finding`` codes; ``check --json`` prints the
key as ``code``, so a key never changes)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
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
        "submission {n} went by '{channel_en}', which does not reach the {recipient_en}; it does not count as reported to them: "
        "report to them directly (Articles 4 and 9)",
    ),
    "submission_not_applicable": (
        "第 {n} 条报送记录所记的义务「{recipient}」对本事件不适用，该记录未计入任何期限；请核对所记义务",
        "submission {n} is recorded against the duty to report to the {recipient_en}, which does not apply to this incident; it "
        "counts for no deadline: please check it",
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
    "discovery_refused_future": (
        "发现时间（{value}）晚于当前时间（{now}），请填写已经发生的时间。",
        "The discovery time ({value}) is later than the present moment ({now}); enter a time that has already come.",
    ),
    "projection": ("{condition}，北京时间 {at} 起为{grade}事件{tail}。", "{condition}, from {at} Beijing time the incident is graded {grade_en}{tail}."),
    "projection_report_by": ("，须在 {due} 前报告", "; report it by {due}"),
    "voided": (
        "本事件已于 {at} 作废（理由：{reason}）；尚未完成的义务随之作废，不再提醒",
        "this incident was voided at {at} (reason: {reason}); the duties still open are voided and no longer reminded",
    ),
}
