"""Everything in the question log that differs between SQLite and PostgreSQL.

The versioned schema (steps applied once, in order, inside one transaction, recorded in
schema_version; append-only: never edit a released step, add one) and the two connections
store.py and shared.py run their portable SQL on. The schema has no column for user ids,
usernames or chat ids, on purpose (shared state keys chats by a keyed hash).

psycopg is imported only when PostgreSQL is used, so the single-process default never
loads it. PostgreSQL goes through a small connection pool whose connections carry a
connect timeout and a statement timeout: a slow database fails a call, it never hangs it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from bot.errors import StorageError
from bot.questionlog.pgurl import connection_options

if TYPE_CHECKING:
    from psycopg import Connection
    from psycopg_pool import ConnectionPool

Dialect = Literal["sqlite", "postgres"]

# Type spellings that differ between the two databases; steps use them as {placeholders}.
_TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {
        "id_pk": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "ref_id": "INTEGER",
        "ts": "TEXT",  # fixed-width UTC ISO text, so text order is time order
        "float": "REAL",
        "bool": "INTEGER",
    },
    "postgres": {
        "id_pk": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "ref_id": "BIGINT",
        "ts": "TIMESTAMPTZ",
        "float": "DOUBLE PRECISION",
        "bool": "BOOLEAN",
    },
}

# Shared state between replicas (shared.py) stores times as epoch seconds in {float}
# columns: the same arithmetic on both databases.

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE questions (
            id {id_pk},
            asked_at {ts} NOT NULL,
            chat_type TEXT NOT NULL,
            question TEXT NOT NULL,
            decision TEXT NOT NULL
                CHECK (decision IN ('answer', 'suggest', 'decline', 'help')),
            fact_id TEXT,
            score {float} NOT NULL,
            asker TEXT
        );
        CREATE INDEX questions_asked_at ON questions (asked_at);
        CREATE INDEX questions_decision ON questions (decision, question);
        CREATE TABLE feedback (
            question_id {ref_id} PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
            helpful {bool} NOT NULL,
            voted_at {ts} NOT NULL
        );
        """,
    ),
    (
        2,
        """
        CREATE TABLE update_claims (
            update_id BIGINT PRIMARY KEY,
            owner TEXT NOT NULL,
            lease_until {float} NOT NULL,
            done_at {float}
        );
        CREATE INDEX update_claims_done_at ON update_claims (done_at);
        CREATE TABLE budgets (
            key TEXT PRIMARY KEY,
            tokens {float} NOT NULL,
            updated {float} NOT NULL,
            warned {float}
        );
        CREATE TABLE send_slots (
            key TEXT PRIMARY KEY,
            next_at {float} NOT NULL
        );
        CREATE TABLE once_marks (
            key TEXT PRIMARY KEY,
            marked_at {float} NOT NULL
        );
        ALTER TABLE questions ADD COLUMN ref BIGINT;
        UPDATE questions SET ref = id;
        CREATE UNIQUE INDEX questions_ref ON questions (ref);
        """,
    ),
]

# Arbitrary constant naming our advisory lock; only has to be the same in every replica.
_PG_LOCK_KEY = 0x6A69616E6675  # "jianfu"


def _no_log_yet(where: str) -> str:
    return (
        f"no question log in {where}: the bot has logged nothing there yet."
        " Check JIANFU_DATA_DIR or DATABASE_URL; nothing was created."
    )


class Cursor(Protocol):
    """The part of a DB-API cursor (sqlite3 and psycopg alike) that the storage layer uses."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


def statements(sql: str, dialect: Dialect) -> list[str]:
    """One step as single statements (sqlite3 runs one per execute), spelled for `dialect`."""
    rendered = sql.format(**_TYPES[dialect])
    return [s.strip() for s in rendered.split(";") if s.strip()]


class Database:
    """A connection used by one thread at a time; SQL is written with '?' placeholders."""

    dialect: ClassVar[Dialect]
    collate: ClassVar[str] = ""  # appended to ORDER BY text: code-point order on both
    greatest: ClassVar[str] = "max"  # the two-argument maximum: max() in SQLite
    for_update: ClassVar[str] = ""  # row lock suffix; SQLite's write lock covers the file

    def ts(self, dt: datetime) -> Any:
        """An aware datetime as this database stores it."""
        raise NotImplementedError

    def from_ts(self, value: Any) -> datetime:
        """A stored timestamp back as an aware UTC datetime."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Cursor]:
        """Commit on success, roll back on failure; driver errors become StorageError."""
        try:
            with self._session(write) as cur:
                yield cur
        except self.driver_errors() as exc:
            raise StorageError(f"question log ({self.dialect}): {exc}") from exc

    def _session(self, write: bool) -> Any:
        """A context manager yielding a cursor inside one transaction."""
        raise NotImplementedError

    def driver_errors(self) -> tuple[type[Exception], ...]:
        raise NotImplementedError

    def require_log(self, cur: Cursor) -> None:
        """Refuse a database in which no question log was ever created."""
        raise NotImplementedError

    def run(self, cur: Cursor, sql: str, params: tuple[Any, ...] = ()) -> None:
        cur.execute(sql if self.dialect == "sqlite" else sql.replace("?", "%s"), params)

    def migrate(self, cur: Cursor) -> list[int]:
        """Bring the schema up to date inside an open write transaction; return steps applied."""
        if self.dialect == "postgres":
            # Replicas starting together queue here; the lock ends with the transaction.
            self.run(cur, "SELECT pg_advisory_xact_lock(?)", (_PG_LOCK_KEY,))
        cur.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        cur.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        current = int(cur.fetchone()[0])
        applied = []
        # A database newer than this code is left alone: steps are additive, so an older
        # replica keeps working during a rolling deploy.
        for version, sql in MIGRATIONS:
            if version > current:
                for statement in statements(sql, self.dialect):
                    cur.execute(statement)
                self.run(
                    cur,
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (version, datetime.now(UTC).isoformat()),
                )
                applied.append(version)
        return applied


class SQLiteDB(Database):
    """One file and one connection shared by the bot's threads; WAL lets the CLI read while
    the bot writes."""

    dialect = "sqlite"
    _FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, UTC: comparing the text compares times

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self._lock = threading.Lock()
        self.path = path
        if read_only:
            self._conn = self._connect_read_only(path)
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, DDL included.
            self._conn = sqlite3.connect(
                path, timeout=10, isolation_level=None, check_same_thread=False
            )
            self._use_wal()
            self._conn.execute("PRAGMA foreign_keys=ON")
            # With WAL, NORMAL syncs at checkpoints, not at every commit: the file stays sound
            # after a crash and only the last moments' rows could be lost on a power cut; update
            # claims make two commits per update, too many to wait for the disk on each.
            self._conn.execute("PRAGMA synchronous=NORMAL")
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(f"cannot open question log {path}: {exc}") from exc

    @staticmethod
    def _connect_read_only(path: Path) -> sqlite3.Connection:
        """Open without creating or writing anything, even in a folder we may not write to."""
        if not path.is_file():
            raise StorageError(_no_log_yet(str(path)))
        uri = path.resolve().as_uri()
        conn = None
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=10, isolation_level=None)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opens it for real
            return conn
        except sqlite3.Error:
            if conn is not None:
                conn.close()
        # A WAL log in a folder we cannot write cannot get its shared-memory file. Such a
        # folder is a copy or a read-only mount, so read it as an unchanging file (were a bot
        # of another user writing there, a report could miss its newest rows).
        try:
            return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open question log {path}: {exc}") from exc

    def require_log(self, cur: Cursor) -> None:
        cur.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'questions'")
        if cur.fetchone() is None:
            raise StorageError(_no_log_yet(str(self.path)))

    def _use_wal(self, attempts: int = 50) -> None:
        """Switch to WAL; retried, because when several processes open a new file at once the
        switch can report "database is locked" at once, without waiting on the busy timeout."""
        for attempt in range(attempts):
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == attempts - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))

    def driver_errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.Error,)

    @contextmanager
    def _session(self, write: bool) -> Iterator[Cursor]:
        with self._lock:  # one connection shared by the bot's threads: one at a time
            # IMMEDIATE takes the write lock up front, so two processes opening a new file
            # migrate one after the other.
            self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self._conn.cursor()
            except BaseException:
                with suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def ts(self, dt: datetime) -> str:
        return dt.astimezone(UTC).strftime(self._FORMAT)

    def from_ts(self, value: Any) -> datetime:
        return datetime.strptime(str(value), self._FORMAT).replace(tzinfo=UTC)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class PostgresDB(Database):
    """A pool of connections (autocommit off); a broken one is dropped and replaced.
    Replicas coordinate through the database itself."""

    dialect = "postgres"
    collate = ' COLLATE "C"'
    greatest = "GREATEST"
    for_update = " FOR UPDATE"

    def __init__(
        self,
        url: str,
        read_only: bool = False,
        *,
        max_size: int = 8,
        connect_timeout: int = 5,
        statement_timeout_ms: int = 5000,
        wait_timeout: float = 5.0,
    ) -> None:
        from psycopg_pool import ConnectionPool

        def configure(conn: Connection[tuple[Any, ...]]) -> None:
            conn.read_only = read_only  # `jianfu log` reads only

        self.url = url
        self.connect_timeout = connect_timeout
        self._pool: ConnectionPool[Connection[tuple[Any, ...]]] = ConnectionPool(
            url,
            kwargs=connection_options(url, connect_timeout, statement_timeout_ms),
            min_size=1,
            max_size=max_size,
            timeout=wait_timeout,  # waiting for a free (or new) connection
            check=ConnectionPool.check_connection,  # a killed connection is replaced, unseen
            configure=configure,
            open=False,
            name="jianfu",
        )
        try:
            self._pool.open(wait=False)
        except Exception as exc:
            raise StorageError(f"question log (postgres): {exc}") from exc

    def driver_errors(self) -> tuple[type[Exception], ...]:
        import psycopg

        return (psycopg.Error,)

    @contextmanager
    def _session(self, write: bool) -> Iterator[Cursor]:
        import psycopg

        if self._pool.closed:
            raise psycopg.InterfaceError("the question log is closed")
        with self._pool.connection() as conn, conn.transaction():
            yield conn.cursor()

    def require_log(self, cur: Cursor) -> None:
        cur.execute("SELECT to_regclass('questions') IS NOT NULL")
        if not cur.fetchone()[0]:
            raise StorageError(_no_log_yet("this PostgreSQL database (DATABASE_URL)"))

    def ts(self, dt: datetime) -> datetime:
        return dt.astimezone(UTC)

    def from_ts(self, value: Any) -> datetime:
        assert isinstance(value, datetime)  # TIMESTAMPTZ comes in the session's time zone
        return value.astimezone(UTC)

    def close(self) -> None:
        self._pool.close(timeout=1.0)
