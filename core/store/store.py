"""The ``Store``: every read and write of incidents, the organisation profile,
submissions, timeline entries, attachments and report snapshots, each write one
transaction (``db.atomic()``) together with its audit row. Opening lives in
``core.store.opening``, checking and backup in ``core.store.verifying``, restore in
``core.store.restoring``; this module does not open files.

Timestamps come from the injected ``Clock``. Writes start with a write to ``meta``
so the transaction holds SQLite's write lock before it reads anything: a second
process on the same file waits (``busy_timeout``) instead of forking the audit chain.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from core import field_paths as fp
from core.canonical import canonical_json, sha256_hex
from core.clock import Clock
from core.store import audit, leftovers, verifying
from core.store.derive import DERIVED_WITH_KEY, LIST_COLUMNS, SAME_LIST_COLUMNS, SET_LIST_COLUMNS, Derived, derivation_id, derive, live_status, utc_iso
from core.store.docpath import check_json_value, set_path
from core.store.documents import assemble, dumps_doc, loads_doc, split
from core.store.errors import IncidentExists, IncidentNotFound, InvalidEdit, StoreReadOnly, said, translated
from core.store.sql import Db
from core.timeutil import beijing
from core.vocab import Status

if TYPE_CHECKING:
    from core.incident import Doc
    from core.rules import RulePack
    from core.store.opening import BackgroundCheck
    from core.store.verifying import VerifyResult

LAST_CLOCK_KEY = "last_wall_clock"


def fresh_id() -> str:
    """A fresh internal incident id (a UUID; never shown in a document)."""
    import uuid  # lazy: 5 ms of start-up for a call made only when an incident is created

    return str(uuid.uuid4())


NUMBERS_KEY = "numbers_assigned"  # meta key: every incident of this file has its number
NUMBER_SEQ_KEY = "number_serial_"  # meta key + year: the last incident number given that year
HUMAN_NUMBER = re.compile(r"(\d{4})-(\d{4,})")
_STRUCTURAL = {"unknown_key", "not_object", "schema", "type_list", "v2_only"}


class IncidentSummary(NamedTuple):
    """One row of the incident list. ``next_due`` is the nearest open deadline (UTC). A
    named tuple: a list makes one per incident, and it is defined before the first paint
    (a frozen dataclass is slower to define and to make, issue 12)."""

    id: str
    title: str | None
    grade: str
    status: str
    next_due: datetime | None
    drill: bool
    valid: bool
    updated_at: datetime
    number: str | None = None  # the human incident number (2026-0003)
    voided: bool = False  # entered by mistake: kept with its history, out of the list


class Store:
    """An open incident database. Use from one thread at a time; ``close()`` when done."""

    def __init__(
        self, db: Db, path: Path, clock: Clock, pack: RulePack | None = None, *, opening: BackgroundCheck | None = None, read_only: bool = False
    ) -> None:
        self.db = db
        self.read_only = read_only
        self.path = path
        self.clock = clock
        self._pack = pack
        self.previous_wall_clock = self.last_wall_clock()
        self._opening = opening

    @property
    def pack(self) -> RulePack:
        """The rule pack given at opening, else the bundled one, loaded at first use: listing
        the stored columns needs no pack, so the desktop paints its list before loading it."""
        if self._pack is None:
            from core.rules import default_pack  # lazy: start-up speed (see above)

            self._pack = default_pack()
        return self._pack

    def opening_checked(self) -> bool:
        """Whether ``finish_opening`` would not wait: the background ``quick_check`` is
        started by the first call, which never waits (the desktop asks after its first paint)."""
        if self._opening is None:
            return True
        self._opening.start()
        return self._opening.done

    def finish_opening(self) -> None:
        """Wait for a background ``quick_check`` (``open_store(check_in_background=True)``)
        and note this run's clock. Raises ``StoreCorrupt`` when the check failed, now and on
        every later write, so nothing is ever written to a damaged file."""
        if self._opening is None:
            return
        self._opening.wait()
        self._opening = None
        self.touch_clock()
        self.assign_missing_numbers()
        self.refresh_list_columns()

    # --- transactions, time, meta ---

    def now_iso(self) -> str:
        return utc_iso(self.clock.now())

    @contextmanager
    def _write(self) -> Iterator[str]:
        """One committed transaction; yields its UTC time stamp. Failures roll back and
        surface as ``StoreError``s; nothing earlier is lost and the call can be retried."""
        if self.read_only:
            raise StoreReadOnly(self.path, said("store_read_only_open"), said("store_read_only_open_remedy"), problem=said("store_read_only_open_problem"))
        if self._opening is not None:
            self.finish_opening()
        with translated(self.path), self.db.atomic():
            at = self.now_iso()
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)", (LAST_CLOCK_KEY, at)
            )
            yield at

    def refresh_list_columns(self, *, force: bool = False) -> int:
        """Recompute every incident's list columns when they were derived by another version
        of the assessment or the rule pack (or with ``force``); returns how many changed.
        The documents and their times are untouched: the columns are a cache of them."""
        wanted = derivation_id(self.pack)
        if not force and self.meta(DERIVED_WITH_KEY) == wanted:
            return 0
        changed = 0
        with self._write():
            ids = [str(r[0]) for r in self.db.execute("SELECT id FROM incidents ORDER BY rowid")]
            for incident_id in ids:
                cols = self._derive(self._own(incident_id), self._lists(incident_id)).columns()
                cursor = self.db.execute(
                    f"UPDATE incidents SET {SET_LIST_COLUMNS} WHERE id = :id AND NOT ({SAME_LIST_COLUMNS})",  # noqa: S608 - the app's own names
                    {**cols, "id": incident_id},
                )
                changed += cursor.rowcount
            self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (DERIVED_WITH_KEY, wanted))
        return changed

    def meta(self, key: str) -> str | None:
        with translated(self.path):
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Remember an app setting or state (e.g. reminders already shown). Not evidence, so
        not audited; the schema and clock keys are the store's own and refused."""
        if key in (LAST_CLOCK_KEY, "audit_head", DERIVED_WITH_KEY, NUMBERS_KEY) or key.startswith(("schema", NUMBER_SEQ_KEY)):
            raise InvalidEdit(self.path, f"meta 键 {key} 由数据库自己维护", "")
        with self._write():
            self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def untold_copies(self) -> list[Path]:
        """Copies of this database kept beside it (before a restore or a migration) that the
        user has not been told about yet, such as one a killed restore left (issue 25)."""
        return leftovers.untold_copies(self.path, self.meta(leftovers.TOLD_KEY))

    def note_told(self, copies: list[Path]) -> None:
        """Remember that the user was told about ``copies`` (each is told once)."""
        if copies:
            self.set_meta(leftovers.TOLD_KEY, leftovers.told_value(self.meta(leftovers.TOLD_KEY), copies))

    def last_wall_clock(self) -> datetime | None:
        """The latest wall-clock time any run has written to this file."""
        value = self.meta(LAST_CLOCK_KEY)
        return datetime.fromisoformat(value) if value else None

    def clock_rollback(self, tolerance: timedelta = timedelta(minutes=1)) -> timedelta | None:
        """How far the clock now lags the latest time seen before this run, if beyond ``tolerance``."""
        if self.previous_wall_clock is None:
            return None
        lag = self.previous_wall_clock - self.clock.now()
        return lag if lag > tolerance else None

    def touch_clock(self) -> None:
        with self._write():
            pass

    # --- incidents ---

    def _own(self, incident_id: str) -> Doc:
        row = self.db.execute("SELECT doc FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is None:
            raise IncidentNotFound(self.path, f"id={incident_id}")
        return loads_doc(row[0])

    def _lists(self, incident_id: str) -> dict[str, list[Any]]:
        return {
            table: [json.loads(r[0]) for r in self.db.execute(f"SELECT data FROM {table} WHERE incident_id = ? ORDER BY id", (incident_id,))]  # noqa: S608
            for table in ("submissions", "timeline")
        }

    def _derive(self, own: Doc, lists: dict[str, list[Any]]) -> Derived:
        return derive(assemble(own, lists), self.pack)

    def _save(self, at: str, incident_id: str, own: Doc, action: str, change: Mapping[str, Any]) -> None:
        from core.incident import SCHEMA_ID  # lazy: not needed to list incidents at start-up

        own[fp.SCHEMA] = SCHEMA_ID  # the app writes @2 (product.md §8.1); @2 is @1 plus optional keys
        text = dumps_doc(own)
        cols = self._derive(own, self._lists(incident_id)).columns()
        self.db.execute(
            f"UPDATE incidents SET doc = :doc, updated_at = max(coalesce(updated_at, :at), :at), {SET_LIST_COLUMNS} WHERE id = :id",  # noqa: S608
            {**cols, "doc": text, "at": at, "id": incident_id},
        )
        audit.append_row_change(self.db, at, action, incident_id, "incidents", incident_id, {"doc": text}, change)

    def _refresh_columns(self, at: str, incident_id: str) -> None:
        cols = self._derive(self._own(incident_id), self._lists(incident_id)).columns()
        self.db.execute(
            f"UPDATE incidents SET updated_at = max(coalesce(updated_at, :at), :at), {SET_LIST_COLUMNS} WHERE id = :id",  # noqa: S608
            {**cols, "at": at, "id": incident_id},
        )

    def _next_number(self, at: str) -> str:
        """The next human incident number of the year (Beijing time) of ``at``: 2026-0001,
        2026-0002, … unique in this store (issue 14: the UUID stays internal)."""
        year = beijing(datetime.fromisoformat(at)).year
        serial = self._last_serial(year) + 1
        self._note_serial(year, serial)
        return f"{year}-{serial:04d}"

    def _last_serial(self, year: int) -> int:
        """The highest serial given in ``year`` (kept in meta; counted once from the documents)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (f"{NUMBER_SEQ_KEY}{year}",)).fetchone()
        if row is not None:
            return int(row[0])
        taken = [
            str(r[0]) for r in self.db.execute("SELECT json_extract(doc, '$.number') FROM incidents WHERE json_extract(doc, '$.number') LIKE ?", (f"{year}-%",))
        ]
        return max((int(n.split("-", 1)[1]) for n in taken if n.split("-", 1)[1].isdigit()), default=0)

    def _note_serial(self, year: int, serial: int) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            (f"{NUMBER_SEQ_KEY}{year}", str(serial)),
        )

    def _number_taken(self, number: str) -> bool:
        return self.db.execute("SELECT 1 FROM incidents WHERE json_extract(doc, '$.number') = ?", (number,)).fetchone() is not None

    def assign_missing_numbers(self) -> int:
        """Give every incident made before numbers existed its number (one audited change
        each, in the order they were created); returns how many. Runs once per file: every
        incident made or imported since gets its number at once, so the next opens skip the
        scan of every document."""
        if self.meta(NUMBERS_KEY) is not None:
            return 0
        rows = [str(r[0]) for r in self.db.execute("SELECT id FROM incidents WHERE json_extract(doc, '$.number') IS NULL ORDER BY created_at, rowid")]
        for incident_id in rows:
            with self._write() as at:
                own = self._own(incident_id)
                if own.get(fp.NUMBER) is None:
                    own[fp.NUMBER] = self._next_number(at)
                    self._save(at, incident_id, own, "assign_number", {fp.NUMBER: own[fp.NUMBER]})
        with self._write():
            self.db.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO NOTHING", (NUMBERS_KEY,))
        return len(rows)

    def _insert(self, at: str, incident_id: str, doc: Doc, action: str) -> None:
        from core.incident import SCHEMA_ID  # lazy: not needed to list incidents at start-up

        own, lists = split(doc)
        own[fp.ID] = incident_id
        own[fp.SCHEMA] = SCHEMA_ID
        number = own.get(fp.NUMBER)
        if not isinstance(number, str) or not number.strip() or self._number_taken(number):
            own[fp.NUMBER] = self._next_number(at)
        elif (kept := HUMAN_NUMBER.fullmatch(number)) is not None:  # later serials of that year go past it
            self._note_serial(int(kept.group(1)), max(self._last_serial(int(kept.group(1))), int(kept.group(2))))
        text = dumps_doc(own)
        cols = self._derive(own, lists).columns()
        self.db.execute(
            f"INSERT INTO incidents (id, doc, created_at, updated_at, {', '.join(LIST_COLUMNS)}) "  # noqa: S608 - the app's own names
            f"VALUES (:id, :doc, :at, :at, {', '.join(':' + c for c in LIST_COLUMNS)})",
            {**cols, "id": incident_id, "doc": text, "at": at},
        )
        audit.append_row_change(self.db, at, action, incident_id, "incidents", incident_id, {"doc": text}, {"doc": own})
        for table, entries in lists.items():
            for entry in entries:
                self._insert_record(at, incident_id, table, entry)

    def _insert_record(self, at: str, incident_id: str, table: str, entry: Any) -> int:
        row = {"incident_id": incident_id, "data": dumps_doc(entry), "recorded_at": at}
        rowid = self.db.insert(table, row)
        action = "submission" if table == "submissions" else "timeline"
        audit.append_row_change(self.db, at, action, incident_id, table, rowid, row, {action: entry})
        return rowid

    def create_incident(self, doc: Doc | None = None, *, use_profile: bool = True) -> str:
        """A new draft with a new id. ``doc`` (default: an empty incident) may be
        incomplete; only unknown keys and wrong shapes are refused. With ``use_profile``
        an absent ``reporter`` is filled from the organisation profile."""
        from core.incident import SCHEMA_ID, validate  # lazy: not needed to list incidents at start-up

        draft: Doc = copy.deepcopy(doc) if doc is not None else {fp.SCHEMA: SCHEMA_ID}
        check_json_value(draft)
        if not isinstance(draft, dict):
            raise InvalidEdit(self.path, "事件应为 JSON 对象")
        if draft.get(fp.ID) is not None:
            raise InvalidEdit(self.path, "新事件不能自带 id；带 id 的文件请用 import_document 导入")
        draft.setdefault(fp.SCHEMA, SCHEMA_ID)
        errors = [e for e in validate(draft, self.pack)[0] if e.code in _STRUCTURAL]
        if errors:
            raise InvalidEdit(self.path, errors[0].line())
        incident_id = fresh_id()
        with self._write() as at:
            if use_profile and draft.get("reporter") is None:
                profile = self._profile()
                if profile:
                    draft["reporter"] = profile
            self._insert(at, incident_id, draft, "create")
        return incident_id

    def import_document(self, doc: Any, *, new_id: bool = False) -> str:
        """Validate ``doc`` (raises ``InvalidIncident``) and store it. Its ``id`` is kept
        if given and free; a taken id raises ``IncidentExists`` unless ``new_id``, which
        always assigns a fresh one. Nothing is ever overwritten."""
        from core.incident import parse  # lazy: not needed to list incidents at start-up

        parsed, _warnings = parse(copy.deepcopy(doc), self.pack)
        given = parsed.get(fp.ID)
        incident_id = fresh_id() if new_id or not given else str(given)
        with self._write() as at:
            if self.db.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone():
                raise IncidentExists(self.path, f"id={incident_id}")
            self._insert(at, incident_id, parsed, "import")
        return incident_id

    def get_incident(self, incident_id: str) -> Doc:
        """The full incident document (product.md §4.1), with ``id``, submissions and timeline."""
        with translated(self.path):
            return assemble(self._own(incident_id), self._lists(incident_id))

    export_document = get_incident

    def has_incident(self, incident_id: str) -> bool:
        with translated(self.path):
            return self.db.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone() is not None

    def set_field(self, incident_id: str, path: str, value: Any) -> bool:
        """Autosave one field (``impact.people_affected``, ``systems[0].name``): one small
        committed write plus one audit row. Returns False when the value was already stored."""
        return self.set_fields(incident_id, {path: value})

    def set_fields(self, incident_id: str, changes: Mapping[str, Any]) -> bool:
        """Autosave several fields in one transaction and one audit row (for coalesced typing)."""
        with self._write() as at:
            own = self._own(incident_id)
            before = dumps_doc(own)
            for path, value in changes.items():
                set_path(own, path, copy.deepcopy(value))
            if dumps_doc(own) == before:
                return False
            self._save(at, incident_id, own, "set_field", {"changes": dict(changes)})
        return True

    def list_incidents(
        self,
        now: datetime,
        *,
        limit: int | None = None,
        offset: int = 0,
        include_drills: bool = True,
        due_from: datetime | None = None,
        voided: bool | None = False,
    ) -> list[IncidentSummary]:
        """Incidents by nearest open deadline (none last), then most recently changed.
        ``due_from`` leaves out those whose nearest deadline is earlier (an index range);
        ``voided``: False (the list) leaves voided incidents out, True lists only them, None all.
        The human number is a stored column too: no document is parsed."""
        conditions = ([] if include_drills else ["drill = 0"]) + ([] if due_from is None else ["sort_due >= :from"])
        if voided is not None:
            conditions.append("status " + ("=" if voided else "!=") + f" '{Status.VOIDED}'")  # a stored column: no JSON parsed
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            f"SELECT id, title, grade, status, next_due, drill, valid, updated_at, number "  # noqa: S608
            f"FROM incidents {where} "
            "ORDER BY sort_due, id LIMIT :limit OFFSET :offset"
        )
        params = {"limit": -1 if limit is None else limit, "offset": offset, "from": None if due_from is None else utc_iso(due_from)}
        with translated(self.path):
            rows = self.db.execute(sql, params).fetchall()
        return [
            IncidentSummary(
                id=r[0],
                title=r[1],
                grade=r[2],
                status=live_status(r[3], r[4], now),
                next_due=datetime.fromisoformat(r[4]) if r[4] else None,
                drill=bool(r[5]),
                valid=bool(r[6]),
                updated_at=datetime.fromisoformat(r[7]),
                number=r[8] if isinstance(r[8], str) else None,
                voided=r[3] == Status.VOIDED,
            )
            for r in rows
        ]

    def personal_info_changes(self, since: str | None = None) -> tuple[list[tuple[str, str | None, str | None]], str | None]:
        """For the internal notice reminders: ``(id, title, discovered_at)`` of each incident
        changed at or after ``since`` (every incident when None), with ``discovered_at`` None
        unless it is not voided, has a discovery time and its personal information was or
        may have been affected (D16; the rule of ``core.incident.personal_info_affected``);
        and the latest change time seen, to pass as ``since`` next time. Only the changed
        rows' documents are read (a scan of 10,000 takes about 60 ms)."""
        from core.incident import PI_AFFECTED_YES  # lazy: not needed to list incidents at start-up

        yes = ", ".join(f"'{v}'" for v in PI_AFFECTED_YES)
        affected = (
            f"status != '{Status.VOIDED}' AND json_extract(doc, '$.discovered_at') IS NOT NULL AND "
            f"(json_extract(doc, '$.personal_info.affected') IN ({yes}) OR "
            # D16a, D16b: with no answer, or an answer of no, a count of people above zero
            "((json_type(doc, '$.impact.personal_info_leaked') = 'integer' AND json_extract(doc, '$.impact.personal_info_leaked') > 0) OR "
            "(json_type(doc, '$.personal_info.count') = 'integer' AND json_extract(doc, '$.personal_info.count') > 0)))"
        )
        sql = (
            f"SELECT id, title, CASE WHEN {affected} THEN json_extract(doc, '$.discovered_at') END, updated_at FROM incidents "  # noqa: S608
            "WHERE :since IS NULL OR updated_at >= :since"
        )
        with translated(self.path):
            rows = self.db.execute(sql, {"since": since}).fetchall()
        latest = max((str(r[3]) for r in rows), default=since)
        return [(r[0], r[1], None if r[2] is None else str(r[2])) for r in rows], latest

    def running_candidates(self) -> list[tuple[str, str | None]]:
        """``(id, title)`` of each incident that is not voided and has a duration that began
        (an outage or a defacement, D18; ``core.fields.DURATIONS``), for the reminder that
        fires when a running one reaches a threshold. One scan of the stored documents
        (about as costly as ``personal_info_changes``); callers cache on ``change_mark``."""
        from core.fields import DURATIONS  # lazy: not needed to list incidents at start-up

        began = " OR ".join(f"json_extract(doc, '$.{d.started}') IS NOT NULL" for d in DURATIONS)
        sql = f"SELECT id, title FROM incidents WHERE status != '{Status.VOIDED}' AND ({began})"  # noqa: S608
        with translated(self.path):
            return [(str(r[0]), r[1]) for r in self.db.execute(sql).fetchall()]

    def change_mark(self) -> int:
        """A number that grows with every write (the audit chain's last row): callers cache on it."""
        with translated(self.path):
            row = self.db.execute("SELECT max(seq) FROM audit").fetchone()
        return int(row[0] or 0)

    def void_incident(self, incident_id: str, reason: str) -> None:
        """Void a real incident entered by mistake (product.md §8.1): it leaves the list and
        its deadlines stop, and everything it held stays, with its history. Audited."""
        from core.incident import written_reason  # lazy: listing does not need the incident module

        if not written_reason(reason):  # D11a, D17: invisible characters are no reason
            raise InvalidEdit(self.path, said("store_void_needs_reason"))
        with self._write() as at:
            own = self._own(incident_id)
            if own.get("voided") is not None:
                raise InvalidEdit(self.path, said("store_already_voided"))
            own["voided"] = {"at": at, "reason": reason.strip()}
            self._save(at, incident_id, own, "void", {"voided": own["voided"]})

    def delete_drill(self, incident_id: str) -> None:
        """Delete a drill and everything it holds; the deletion itself stays in the audit
        log, row by row, so ``verify`` knows each row is meant to be gone. A real incident
        is never deleted: void it instead."""
        with self._write() as at:
            own = self._own(incident_id)
            if own.get(fp.DRILL) is not True:
                raise InvalidEdit(self.path, "真实事件不能删除，只能作废（写明理由），它的记录会保留")
            for table in ("submissions", "timeline", "attachments", "snapshots"):
                rows = [r[0] for r in self.db.execute(f"SELECT id FROM {table} WHERE incident_id = ?", (incident_id,))]  # noqa: S608
                for rowid in rows:
                    self.db.execute(f"DELETE FROM {table} WHERE id = ?", (rowid,))  # noqa: S608
                    audit.append(self.db, at, "delete", incident_id, {"table": table, "row": rowid, "digest": audit.DELETED})
            self.db.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
            audit.append(self.db, at, "delete", incident_id, {"table": "incidents", "row": incident_id, "digest": audit.DELETED})

    def latest_incident_id(self) -> str | None:
        """The incident changed most recently (drills included), if any."""
        with translated(self.path):
            row = self.db.execute("SELECT id FROM incidents ORDER BY updated_at DESC, id LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    def count_incidents(self, *, include_drills: bool = True) -> int:
        with translated(self.path):
            sql = "SELECT count(*) FROM incidents" + ("" if include_drills else " WHERE drill = 0")
            return int(self.db.execute(sql).fetchone()[0])

    # --- profile ---

    def _profile(self) -> dict[str, Any]:
        row = self.db.execute("SELECT data FROM profile WHERE id = 1").fetchone()
        return dict(json.loads(row[0])) if row else {}

    def profile(self) -> dict[str, Any]:
        """The organisation profile: the keys of an incident's ``reporter`` (may be empty)."""
        with translated(self.path):
            return self._profile()

    def save_profile(self, profile: Mapping[str, Any]) -> None:
        from core.incident import SCHEMA_ID, validate  # lazy: not needed to list incidents at start-up

        data = dict(profile)
        check_json_value(data)
        errors = [e for e in validate({fp.SCHEMA: SCHEMA_ID, "reporter": data}, self.pack)[0] if e.path.startswith("reporter")]
        if errors:
            raise InvalidEdit(self.path, errors[0].line())
        with self._write() as at:
            row = {"id": 1, "data": dumps_doc(data), "updated_at": at}
            self.db.upsert("profile", row, pk="id")
            audit.append_row_change(self.db, at, "profile", None, "profile", 1, row, {"profile": data})

    # --- submissions, timeline ---

    def _check_entry(self, incident_id: str, key: str, entry: Any) -> None:
        from core.incident import validate  # lazy: not needed to list incidents at start-up

        check_json_value(entry)
        doc = assemble(self._own(incident_id), self._lists(incident_id))
        doc[key] = list(doc.get(key) or []) + [entry]
        prefix = f"{key}[{len(doc[key]) - 1}]"
        errors = [e for e in validate(doc, self.pack)[0] if e.path.startswith(prefix)]
        if errors:
            raise InvalidEdit(self.path, errors[0].line())

    def add_submission(
        self, incident_id: str, submission: Mapping[str, Any], *, snapshot_kind: str | None = None, sent: tuple[str, bytes] | None = None
    ) -> int:
        """Record that a report was sent (obligation, kind, submitted_at, channel, person, reference).

        With ``snapshot_kind`` the exact document as it stands after this submission is
        kept as a snapshot of that kind in the same transaction: a crash leaves both or
        neither, so every recorded submission has the document it sent. ``sent`` is
        ``(file name, bytes)`` of the exact text sent (a notice to individuals): kept as an
        attachment, and its SHA-256 as the snapshot's document hash, in that transaction."""
        if snapshot_kind is not None and not snapshot_kind:
            raise InvalidEdit(self.path, "快照需要报告类型")
        if sent is not None and snapshot_kind is None:
            raise InvalidEdit(self.path, "发送的文本须与快照一起保存")
        entry = dict(submission)
        with self._write() as at:
            self._check_entry(incident_id, "submissions", entry)
            rowid = self._insert_record(at, incident_id, "submissions", entry)
            self._refresh_columns(at, incident_id)
            sent_sha256 = self._insert_attachment(at, incident_id, *sent)["sha256"] if sent is not None else None
            if snapshot_kind is not None:
                doc = assemble(self._own(incident_id), self._lists(incident_id))
                self._insert_snapshot(at, incident_id, snapshot_kind, canonical_json(doc), sent_sha256)
        return rowid

    def add_timeline(self, incident_id: str, entry: Mapping[str, Any]) -> int:
        """Append a timeline entry (``at``, ``text``)."""
        return self._add_entry(incident_id, "timeline", dict(entry))

    def _add_entry(self, incident_id: str, table: str, entry: dict[str, Any]) -> int:
        with self._write() as at:
            self._check_entry(incident_id, table, entry)
            rowid = self._insert_record(at, incident_id, table, entry)
            self._refresh_columns(at, incident_id)
        return rowid

    # --- attachments, snapshots ---

    def add_attachment(self, incident_id: str, file_path: str | Path) -> dict[str, Any]:
        """Copy a file into the database; returns its id, name, size and SHA-256."""
        source = Path(file_path)
        try:
            content = source.read_bytes()
        except OSError as exc:
            raise InvalidEdit(self.path, f"无法读取附件 {source}：{exc.strerror or exc}") from exc
        with self._write() as at:
            self._own(incident_id)
            return self._insert_attachment(at, incident_id, source.name, content)

    def _insert_attachment(self, at: str, incident_id: str, name: str, content: bytes) -> dict[str, Any]:
        row = {
            "incident_id": incident_id,
            "name": name,
            "size": len(content),
            "sha256": sha256_hex(content),
            "content": content,
            "added_at": at,
        }
        rowid = self.db.insert("attachments", row)
        meta = {k: row[k] for k in ("name", "size", "sha256")}
        audit.append_row_change(self.db, at, "attachment", incident_id, "attachments", rowid, row, {"attachment": meta})
        return {"id": rowid, **meta, "added_at": at}

    def attachments(self, incident_id: str) -> list[dict[str, Any]]:
        with translated(self.path):
            return list(self.db.query("SELECT id, name, size, sha256, added_at FROM attachments WHERE incident_id = ? ORDER BY id", (incident_id,)))

    def attachment_content(self, attachment_id: int) -> bytes:
        with translated(self.path):
            row = self.db.execute("SELECT content FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
        if row is None:
            raise IncidentNotFound(self.path, f"附件 id={attachment_id}")
        return bytes(row[0])

    def record_snapshot(self, incident_id: str, kind: str, canonical_json: bytes, pdf_sha256: str | None) -> int:
        """Keep the exact JSON a report was made from and the PDF's SHA-256."""
        if not kind or not isinstance(canonical_json, bytes):
            raise InvalidEdit(self.path, "快照需要报告类型和 JSON 字节")
        with self._write() as at:
            self._own(incident_id)
            return self._insert_snapshot(at, incident_id, kind, canonical_json, pdf_sha256)

    def _insert_snapshot(self, at: str, incident_id: str, kind: str, data: bytes, pdf_sha256: str | None) -> int:
        row = {"incident_id": incident_id, "kind": kind, "canonical_json": data, "sha256": sha256_hex(data), "pdf_sha256": pdf_sha256, "created_at": at}
        rowid = self.db.insert("snapshots", row)
        audit.append_row_change(
            self.db, at, "snapshot", incident_id, "snapshots", rowid, row, {"kind": kind, "sha256": row["sha256"], "pdf_sha256": pdf_sha256}
        )
        return rowid

    def snapshots(self, incident_id: str) -> list[dict[str, Any]]:
        with translated(self.path):
            rows = self.db.query(
                "SELECT id, kind, canonical_json, sha256, pdf_sha256, created_at FROM snapshots WHERE incident_id = ? ORDER BY id", (incident_id,)
            )
            return [{**r, "canonical_json": bytes(r["canonical_json"])} for r in rows]

    def history(self, incident_id: str | None = None) -> list[dict[str, Any]]:
        """Audit rows (oldest first), all or one incident's, with ``detail`` parsed."""
        sql = "SELECT seq, at, action, incident_id, detail, hash FROM audit"
        params: tuple[Any, ...] = ()
        if incident_id is not None:
            sql, params = sql + " WHERE incident_id = ?", (incident_id,)
        with translated(self.path):
            return [{**r, "detail": json.loads(r["detail"])} for r in self.db.query(sql + " ORDER BY seq", params)]

    # --- whole-file operations (implemented in core.store.verifying) ---

    def verify(self) -> VerifyResult:
        """``PRAGMA integrity_check``, the whole audit chain and every row against it."""
        return verifying.verify_file(self.path, pack=self.pack)

    def backup(self, out_path: str | Path, *, plain: bool = False) -> Path:
        """Online backup to a new file, verified after writing (encrypted like the database
        unless ``plain``, issue 28). (Restoring replaces the file a ``Store`` has open, so it
        is not one of its methods: ``core.store.restore``.)"""
        return verifying.backup(self, out_path, plain=plain)

    def close(self) -> None:
        if self._opening is not None:
            self._opening.join()  # its own read-only connection; let it end before the file is released
        self.db.close()
