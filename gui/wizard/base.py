"""What every wizard page shares: the editing context (how a page reads the draft and
reports a change) and a scrollable page of bound fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QFormLayout, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from core.assessment import Assessment
from core.incident import Doc
from core.messages import Finding
from core.rules import RulePack
from gui.wizard.fields import Field, add_rows


@dataclass
class EditContext:
    """The services a page gets in its constructor (conventions §19)."""

    pack: RulePack
    document: Callable[[], Doc]  # the current draft, read back from the store
    change: Callable[[str, Any], None]  # one field edit → autosave
    now: Callable[[], datetime]
    assessment: Callable[[], tuple[Assessment, list[Finding], list[Finding]]]  # (result, errors, warnings)
    profile: Callable[[], dict[str, Any]]
    save_profile: Callable[[dict[str, Any]], None]


class FieldPage(QWizardPage):
    """A page made of bound fields, laid out in a scrollable form."""

    def __init__(self, ctx: EditContext, object_name: str, title: str, subtitle: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName(object_name)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.fields: list[Field] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setObjectName(object_name + "Scroll")
        self.body = QWidget()
        self.layout_ = QVBoxLayout(self.body)
        scroll.setWidget(self.body)
        outer.addWidget(scroll)

    def add_form(self, fields: list[Field]) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        add_rows(form, fields)
        self.layout_.addLayout(form)
        self.fields.extend(fields)
        return form

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        doc = self.ctx.document()
        for f in self.fields:
            f.load(doc)
        self.refresh()

    def refresh(self) -> None:
        """Show the current findings beside this page's fields."""
        _result, errors, warnings = self.ctx.assessment()
        findings = errors + warnings
        for f in self.fields:
            f.show_findings([x for x in findings if x.path == f.path or x.path.startswith(f.path + ".") or x.path.startswith(f.path + "[")])

    def page_errors(self) -> list[Finding]:
        _result, errors, _warnings = self.ctx.assessment()
        return [e for e in errors for f in self.fields if e.path == f.path or e.path.startswith(f.path + ".")]
