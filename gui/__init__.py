"""PySide6 front end: thin windows over ``core``. Nothing here computes a rule."""

from gui.refguard import make_singletons_immortal

make_singletons_immortal()  # before any Qt call: see gui/refguard.py
