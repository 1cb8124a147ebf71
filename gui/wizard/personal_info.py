"""Wizard page: personal information (个人信息保护法第五十七条, D16). Shown when the impact
answers say personal information was or may have been leaked, altered or lost; asks, in
plain words with examples, for what every notice must hold: (一) the kinds of information,
the cause and the possible harm, (二) the remedies taken and what individuals can do,
(三) a contact; and whom to notify. The duty itself (立即, whatever the grade) is core's."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from core import field_paths as fp
from core import fields as catalogue
from core.incident import Doc, get, personal_info_affected
from core.reminders import INTERNAL_AFTER_HOURS
from gui.i18n import ask, english, hint, language, tr
from gui.widgets import named
from gui.wizard.base import EditContext, FieldPage
from gui.wizard.facts import PAGE_RESPONSE
from gui.wizard.fields import AreaField, ChecksField, TextField, form_section

CONTACT_PATH = fp.PERSONAL_INFO_CONTACT
# The page's id: after the impact and ransomware pages, before the response (the wizard
# follows the order of ``page_builders``, not the ids; the ids stay stable so a draft's
# saved page still means the same page).
PAGE_PERSONAL_INFO = 8


def applies(doc: Doc) -> bool:
    """The page is asked when personal information was or may have been affected (D16)."""
    return personal_info_affected(doc)


class PersonalInfoPage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(
            ctx,
            "pagePersonalInfo",
            tr("个人信息"),
            tr("个人信息泄露或可能泄露时，须立即通知有关部门和受影响的个人，与事件级别无关。这里填的内容会写进通知，请用对方看得懂的话。"),
        )
        c = ctx.change

        def area(path: str) -> AreaField:
            return AreaField(path, ask(path), hint(path), c)

        after = (" and " if english() else "、").join(str(h) for h in INTERNAL_AFTER_HOURS)
        self.duty = named(
            QLabel(tr("法律要求「立即」通知，没有小时数；程序会在发现后 {hours} 小时提醒您（内部提醒，非法定期限）。").format(hours=after)), "personalInfoDuty"
        )
        self.duty.setWordWrap(True)
        self.layout_.addWidget(self.duty)
        self.layout_.addWidget(form_section(tr("（一）信息种类、原因和可能的危害")))
        self.add_form(
            [
                ChecksField(
                    fp.PERSONAL_INFO_WHAT,
                    ask(fp.PERSONAL_INFO_WHAT),
                    hint(fp.PERSONAL_INFO_WHAT),
                    c,
                    catalogue.choices(fp.PERSONAL_INFO_WHAT, language()),
                ),  # the notices say exactly what happened (个人信息保护法第五十七条)
                area(fp.PERSONAL_INFO_KINDS),  # the number of people: asked once, on the impact page (D16a)
                area(fp.PERSONAL_INFO_CAUSE),
                area(fp.PERSONAL_INFO_POSSIBLE_HARM),
            ]
        )
        self.layout_.addWidget(form_section(tr("（二）补救措施和个人可以做什么")))
        self.add_form([area(fp.PERSONAL_INFO_REMEDIES), area(fp.PERSONAL_INFO_INDIVIDUAL_MEASURES)])
        self.layout_.addWidget(form_section(tr("（三）联系方式和要通知的部门")))
        self.add_form(
            [
                TextField(CONTACT_PATH, ask(CONTACT_PATH), hint(CONTACT_PATH), c),
                TextField(fp.PERSONAL_INFO_AUTHORITY, ask(fp.PERSONAL_INFO_AUTHORITY), hint(fp.PERSONAL_INFO_AUTHORITY), c),
            ]
        )
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """The reporter's contact phone is offered as the contact for individuals when none
        is written yet (the user may change it)."""
        doc = self.ctx.document()
        phone = get(doc, fp.REPORTER_CONTACT_PHONE)
        if get(doc, CONTACT_PATH) in (None, "") and isinstance(phone, str) and phone.strip():
            self.ctx.change(CONTACT_PATH, phone.strip())
        super().initializePage()

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return PAGE_RESPONSE
