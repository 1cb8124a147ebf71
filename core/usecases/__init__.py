"""The use cases behind the one door, ``core.service``, grouped by area (opening a
database, its maintenance, settings kept in it, reminders) and what a write changed.
Private to core: the GUI and the command line import ``core.service`` only
(tests/test_boundaries.py checks it)."""
