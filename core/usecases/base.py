"""What every area of the service shares: the open store (private to core) and the rule
pack. ``core.service.IncidentService`` is made of the areas built on this."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.assessment import Assessment
    from core.rules import RulePack
    from core.store import Store
    from core.store.writer import WriterLock


class Area:
    store: Store
    _pack: RulePack | None
    _writer: WriterLock | None

    @property
    def pack(self) -> RulePack:
        """The pack given, else the store's (loaded at first use, not to list incidents)."""
        return self._pack or self.store.pack

    def assess(self, incident_id: str, now: datetime) -> Assessment:
        """The assessment of a stored incident at ``now`` (grade, obligations, what is missing)."""
        from core.assessment import assess  # the assessment loads with the first use, not at start-up

        return assess(self.store.get_incident(incident_id), self.pack, now)
