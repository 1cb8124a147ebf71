"""PySide6 front end: thin windows over ``core``. Nothing here computes a rule.

Importing the package loads nothing: the launcher (``gui.launch``) lives here and must
stay light on the command-line path; the desktop app sets itself up in ``gui.app``.
"""
