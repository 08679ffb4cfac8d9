"""Everything in the question log that differs between SQLite and PostgreSQL.

The versioned schema (steps applied once, in order, inside one transaction, recorded in
schema_version; append-only: never edit a released step, add one) and the two connections
bot/storage.py runs its portable SQL on. The schema has no column for user ids, usernames
or chat ids, on purpose.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol

import psycopg

from bot.errors import StorageError

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
    _errors: ClassVar[tuple[type[Exception], ...]]  # the driver's error classes

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def _begin(self, write: bool) -> Cursor:
        raise NotImplementedError

    def _end(self, commit: bool) -> None:
        raise NotImplementedError

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
        """Serialise callers (the bot's threads), commit on success, StorageError on failure."""
        with self._lock:
            try:
                cur = self._begin(write)
                try:
                    yield cur
                except BaseException:
                    with suppress(*self._errors):
                        self._end(commit=False)
                    raise
                self._end(commit=True)
            except self._errors as exc:
                raise StorageError(f"question log ({self.dialect}): {exc}") from exc

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
    _errors = (sqlite3.Error,)
    _FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, UTC: comparing the text compares times

    def __init__(self, path: Path, read_only: bool = False) -> None:
        super().__init__()
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

    def _begin(self, write: bool) -> Cursor:
        # IMMEDIATE takes the write lock up front, so two processes opening a new file
        # migrate one after the other.
        self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        return self._conn.cursor()

    def _end(self, commit: bool) -> None:
        self._conn.execute("COMMIT" if commit else "ROLLBACK")

    def ts(self, dt: datetime) -> str:
        return dt.astimezone(UTC).strftime(self._FORMAT)

    def from_ts(self, value: Any) -> datetime:
        return datetime.strptime(str(value), self._FORMAT).replace(tzinfo=UTC)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class PostgresDB(Database):
    """One connection per process (autocommit off), reopened when it breaks; replicas
    coordinate through the database itself."""

    dialect = "postgres"
    collate = ' COLLATE "C"'
    _errors = (psycopg.Error,)

    def __init__(self, url: str, read_only: bool = False) -> None:
        super().__init__()
        self._url = url
        self._read_only = read_only
        self._conn: psycopg.Connection[tuple[Any, ...]] | None = None
        self._closed = False

    def _begin(self, write: bool) -> Cursor:
        if self._closed:
            raise psycopg.InterfaceError("the question log is closed")
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = psycopg.connect(self._url, autocommit=False, connect_timeout=10)
            self._conn.read_only = self._read_only
        return self._conn.cursor()

    def _end(self, commit: bool) -> None:
        assert self._conn is not None
        if commit:
            self._conn.commit()
        else:
            self._conn.rollback()

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
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
