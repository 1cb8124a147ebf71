"""What core refuses to do as asked, and why: the service's use cases (``core.service``)
and the documents (``core.report``, ``core.notice``); and the notices' fixed drill line."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "refuse_blank_waiver": (
        "须写明不通知个人的理由：采取的措施为何能够有效避免危害（个人信息保护法第五十七条第二款）",
        "a reason is required for not notifying the individuals: why the measures taken effectively avoid harm (PIPL Art. 57(2))",
    ),
    "notice_kind_unknown": ("通知类型应为 {kinds} 之一（实际为 {value}）", "Notice kind must be one of {kinds_en} (got {value})"),
    "notice_format_only": ("--format {format}：{kind}只能生成为 {allowed}", "--format {format}: a {kind_en} can be made as {allowed} only"),
    "notice_time_without_zone": ("通知时间须带时区", "The notice time must carry a time zone"),
    "notice_drill_line": ("【演练】本材料为演练材料，不是真实事件的通知。", "[Drill] practice material, not a real incident."),
    "report_kind_unknown": ("报告类型应为以下之一：{choices}（实际为 {value}）", "the report kind must be one of: {choices} (got {value})"),
    "report_summary_needs_end": (
        "总结报告须先填写处置工作结束时间（handling_ended_at）：第八条规定在处置工作结束后30日内报送",
        "a summary report needs the time handling ended (handling_ended_at) first: Article 8 has it sent within 30 days after handling ends",
    ),
    "report_unhashable": (
        "事件数据含有无法编码的内容，无法计算 SHA-256：{detail}",
        "the incident data holds something that cannot be encoded, so its SHA-256 cannot be computed: {detail}",
    ),
    "report_time_without_zone": ("报告时间须带时区", "the report time must carry a time zone"),
    "report_worksheet_format": ("工作单格式应为 pdf 或 docx（实际为 {value}）", "a worksheet is pdf or docx (got {value})"),
}
