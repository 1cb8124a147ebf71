"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured here: each time PySide6 hands Python an empty ``QVariant`` (a Python model's
``data()`` answering None when a view or proxy asks it, ``QComboBox.currentData()`` of an
item without data, an unset ``QObject.property()``), it drops one reference to ``None``
that it never took; ``True`` drifts the same way more slowly. A main window repainting
its list loses about two references to None per row per repaint, so after hours of
ticking the count reaches zero and CPython aborts ("deallocating None"). Python 3.12
made these singletons immortal (PEP 683); on 3.11 we do the same by hand when the desktop
app sets itself up (``gui.app.prepare_application``, before the application object; the
command line never runs it): each singleton gets 2**40 extra references, more than any
run can drop, and a second call adds none. The code also avoids the known paths (no
proxy model, no empty item data, no unset properties); ``tests/gui/test_big_list.py``
measures that the count stays level.
"""

from __future__ import annotations

import ctypes
import sys

EXTRA_REFERENCES = 1 << 40


def make_singletons_immortal() -> bool:
    """On CPython before 3.12: raise the reference counts of None, True and False so a
    library that forgets to take a reference can never free them. Returns True when done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal already (PEP 683), or not CPython
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is a PyObject's first field
        if count.value < EXTRA_REFERENCES:
            count.value += EXTRA_REFERENCES
    return True
