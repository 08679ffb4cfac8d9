"""The question log written off the reply path, and the leader among replicas.

BackgroundLog puts questions and votes on a queue and returns at once; one thread writes
them, retrying while the database is slow or away. An answer therefore never waits on the
database: a hung database only makes the queue longer (bounded: past `capacity` the oldest
records are dropped, with a warning, rather than memory growing without end).

Leadership picks one replica for one-time work (retention, pruning shared state) with a
PostgreSQL session advisory lock, held as long as the leader's connection lives; on SQLite
the single process always leads.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, TextIO

from bot.errors import StorageError
from bot.questionlog.store import FeedbackRow, QuestionRecord, Stats, Storage, new_ref

if TYPE_CHECKING:
    from psycopg import Connection

log = logging.getLogger(__name__)

_STOP = object()
_LEADER_KEY = 0x6A69616E6676  # an advisory lock id of our own, the same in every replica


def _database_away(exc: StorageError) -> bool:
    """Unreachable, timed out or locked (both drivers' OperationalError), not a refusal."""
    cause = exc.__cause__
    return cause is None or any(kind.__name__ == "OperationalError" for kind in type(cause).__mro__)


class BackgroundLog:
    """Storage whose writes are queued; reads go straight to the wrapped storage."""

    def __init__(self, inner: Storage, capacity: int = 10_000, retry_delay: float = 1.0) -> None:
        self.inner = inner
        self.retry_delay = retry_delay
        self._queue: queue.Queue[object] = queue.Queue()
        self._capacity = capacity
        self._dropped = 0
        self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
        self._thread.start()

    def pseudonym(self, raw_id: int | str) -> str:
        return self.inner.pseudonym(raw_id)

    def record_question(self, rec: QuestionRecord) -> int:
        ref = rec.ref if rec.ref is not None else new_ref()
        self._put(lambda: self.inner.record_question(replace(rec, ref=ref)))
        return ref

    def record_feedback(self, question_ref: int, helpful: bool) -> bool:
        """Queued like questions; True: the vote is taken (a vote for a question the log no
        longer keeps is dropped by the writer)."""
        self._put(lambda: self.inner.record_feedback(question_ref, helpful))
        return True

    def _put(self, write: Callable[[], object]) -> None:
        if self._queue.qsize() >= self._capacity:
            try:
                self._queue.get_nowait()
                self._queue.task_done()
                self._dropped += 1
                if self._dropped in (1, 10, 100) or self._dropped % 1000 == 0:
                    log.warning("question log backlog full: %d records dropped", self._dropped)
            except queue.Empty:
                pass
        self._queue.put(write)

    def pending(self) -> int:
        return self._queue.qsize()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                assert callable(item)
                self._write(item)
            finally:
                self._queue.task_done()

    def _write(self, write: Callable[[], object]) -> None:
        delay = self.retry_delay
        while True:
            try:
                write()
                return
            except StorageError as exc:
                if not _database_away(exc):  # the database answered "no": retrying won't help
                    log.warning("question log write refused (%s); record dropped", exc)
                    return
                log.warning("question log write failed (%s); retrying in %.1fs", exc, delay)
                time.sleep(delay)
                delay = min(delay * 2, 30.0)
            except Exception:  # a bad record must not stop the writer
                log.exception("question log write failed; record dropped")
                return

    def flush(self, timeout: float) -> bool:
        """Wait until everything queued is written; False when `timeout` ran out first."""
        deadline = time.monotonic() + timeout
        with self._queue.all_tasks_done:
            while self._queue.unfinished_tasks:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._queue.all_tasks_done.wait(remaining)
        return True

    # -- reads -------------------------------------------------------------------------------
    def top_unanswered(self, limit: int = 20, days: int | None = None) -> list[tuple[str, int]]:
        return self.inner.top_unanswered(limit, days)

    def feedback(self, days: int | None = None) -> list[FeedbackRow]:
        return self.inner.feedback(days)

    def stats(
        self,
        days: int = 30,
        fact_topics: Mapping[str, str] | None = None,
        *,
        now: datetime | None = None,
        tz: tzinfo = UTC,
    ) -> Stats:
        return self.inner.stats(days, fact_topics, now=now, tz=tz)

    def export_csv(self, out: TextIO, days: int | None = None) -> int:
        return self.inner.export_csv(out, days)

    def purge(self, older_than_days: int, *, now: datetime | None = None) -> int:
        return self.inner.purge(older_than_days, now=now)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued (for at most `timeout` seconds), then close the storage."""
        self._queue.put(_STOP)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("question log: %d records not written at exit", self._queue.qsize())
        self.inner.close()


class Leadership:
    """`lead()` is True in exactly one replica at a time (per database)."""

    def __init__(self, database_url: str | None, connect_timeout: int = 5) -> None:
        self.url = database_url
        self.connect_timeout = connect_timeout
        self._conn: Connection[tuple[Any, ...]] | None = None

    def lead(self) -> bool:
        """Keep or try to take the lead; blocking (call it from a thread)."""
        if self.url is None:
            return True
        import psycopg

        from bot.questionlog.pgurl import connection_options

        try:
            if self._conn is not None and not self._conn.closed:
                self._conn.execute("SELECT 1")
                return True
            options = connection_options(self.url, self.connect_timeout, 5000)
            conn = psycopg.connect(self.url, autocommit=True, **options)
            row = conn.execute("SELECT pg_try_advisory_lock(%s)", (_LEADER_KEY,)).fetchone()
            if row is not None and row[0]:
                self._conn = conn
                return True
            conn.close()
        except psycopg.Error as exc:
            log.warning("leader check failed: %s", exc)
            self.resign()
        return False

    def resign(self) -> None:
        if self._conn is not None:
            self._conn.close()  # the session lock ends with the session
            self._conn = None
