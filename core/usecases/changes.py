"""What a write changed, said by the use case that made it (after Anki's ``OpChanges``):
a client redraws from this answer instead of working out for itself which of its views a
write touched. The desktop's hub turns it into its Qt signals (``gui.hub``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Changes:
    """``incidents``: the documents changed (by id); ``listing``: the list of incidents
    changed (a row added, removed, or a column such as the title, grade, status or the
    nearest deadline possibly moved); ``profile``: the organisation's profile changed."""

    incidents: frozenset[str] = frozenset()
    listing: bool = False
    profile: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.incidents | other.incidents, self.listing or other.listing, self.profile or other.profile)

    def __bool__(self) -> bool:
        return bool(self.incidents) or self.listing or self.profile


NOTHING = Changes()
LISTING = Changes(listing=True)


def of_incident(incident_id: str, *, listing: bool) -> Changes:
    """One document changed; ``listing`` when its row in the list may show it."""
    return Changes(frozenset({incident_id}), listing)


class Created(NamedTuple):
    """A new incident (created or imported): its id and what changed."""

    id: str
    changes: Changes


class Recorded(NamedTuple):
    """A recorded submission: its row id, the record anchor (「记录校验码」) to note with it,
    and what changed."""

    id: int
    anchor: str
    changes: Changes = NOTHING


class Attached(NamedTuple):
    """A file kept with an incident: its name, size and SHA-256 (``info``) and what changed."""

    info: dict[str, Any]
    changes: Changes


class Restored(NamedTuple):
    """The data replaced by a backup's: where the data as it was is kept (None when there
    was none) and what changed."""

    kept: Path | None
    changes: Changes
