"""Schema migrations: the steps of ``core.store.steps`` registered with sqlite-utils'
``Migrations``, each atomic with its version bump (the ``_sqlite_migrations`` record and
``meta.schema_version``), to bring an older file forward.

sqlite-utils does not notice a file written by a newer app, so ``versions.unknown_applied``
lists applied names this version does not know; the store refuses such a file.
Does not back up or open files (see ``core.store.opening``). Opening a current file only
needs ``core.store.versions`` (plain ``sqlite3``), and creating a new one only
``core.store.steps``; this module, and with it sqlite-utils, is imported when an older
file is migrated.
"""

from __future__ import annotations

from sqlite_utils import Migrations

from core.store.steps import STEPS
from core.store.versions import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)
for _step in STEPS:
    migrations(name=_step.__name__)(_step)
