"""Small words shared by many texts: the separators of a list and of clauses."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "join_names": ("、", ", "),
    "join_clauses": ("；", "; "),
    "join_fields": ("、", "; "),
    "label_with_example": ("{label}（{example}）", "{label} ({example})"),
    "numbered_item": ("（{numeral_zh}）{label}", "({numeral_en}) {label}"),
    "whole_document": ("(整个文件)", "(document)"),
}
