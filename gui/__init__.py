"""PySide6 front end: thin windows over ``core``. Nothing here computes a rule."""
