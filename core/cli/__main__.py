"""``python -m core.cli`` runs the same entry point as ``incident-assistant``."""

from core.cli import entry

entry()
