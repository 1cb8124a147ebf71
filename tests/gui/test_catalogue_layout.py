"""The reporter page is laid out from the field catalogue: its fields are the catalogue's
reporter fields, in the catalogue's order, each with the catalogue's question."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from core import field_paths as fp
from core import fields as catalogue
from gui.i18n import ask
from gui.wizard.facts import PAGE_REPORTER
from gui.wizard.fields import ChoiceField, TextField, catalogue_field, object_name


def test_the_reporter_page_asks_the_catalogues_reporter_fields_in_its_order(wizard):
    page = wizard.page(PAGE_REPORTER)
    paths = catalogue.on_page(catalogue.Page.REPORTER)
    assert [f.path for f in page.fields] == list(paths)
    assert paths[0] == fp.REPORTER_NAME and fp.REPORTER_CONTACT_PHONE in paths
    for path in paths:
        kind = QComboBox if catalogue.info(path).type == "enum" else QLineEdit
        assert wizard.findChild(kind, object_name(path)) is not None, path
    assert wizard.findChild(QComboBox, object_name(fp.REPORTER_CATEGORY)).count() == 1 + len(catalogue.choices(fp.REPORTER_CATEGORY))


def test_a_catalogue_field_is_a_choice_or_a_line_of_text_and_nothing_else(qapp):
    changes = []
    category = catalogue_field(fp.REPORTER_CATEGORY, lambda path, value: changes.append((path, value)))
    assert isinstance(category, ChoiceField) and category.path == fp.REPORTER_CATEGORY
    assert isinstance(catalogue_field(fp.TITLE, lambda *_: None), TextField)
    assert ask(fp.REPORTER_NAME) == catalogue.info(fp.REPORTER_NAME).ask()
    with pytest.raises(ValueError, match="discovered_at"):
        catalogue_field(fp.DISCOVERED_AT, lambda *_: None)  # an instant is laid out by hand
