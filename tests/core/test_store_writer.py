"""One writing app per database: the writer lock beside the file."""

from __future__ import annotations

from core.store.writer import WriterLock


def test_only_one_holder_at_a_time_and_the_lock_is_free_again_after_release(tmp_path):
    db = tmp_path / "a.sqlite3"
    first, second = WriterLock(db), WriterLock(db)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
    assert first.path.name == "a.sqlite3.writer" and oct(first.path.stat().st_mode & 0o777) == "0o600"
