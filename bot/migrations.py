"""Versioned schema for the question log, shared by the SQLite and PostgreSQL backends.

Each step is applied once, in order, inside the caller's transaction, and recorded in
schema_version. Steps are append-only: never edit a released step, add a new one.
The schema deliberately has no column for user ids, usernames or chat ids.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

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
        CREATE INDEX feedback_voted_at ON feedback (voted_at);
        """,
    ),
]

# Arbitrary constant naming our advisory lock; only has to be stable across replicas.
_PG_LOCK_KEY = 0x6A69616E6675  # "jianfu"


class Cursor(Protocol):
    """The part of a DB-API cursor (sqlite3 and psycopg alike) that the storage layer uses."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


def statements(sql: str, dialect: Dialect) -> list[str]:
    """Split one step into single statements (sqlite3 runs one per execute) for `dialect`."""
    rendered = sql.format(**_TYPES[dialect])
    return [s.strip() for s in rendered.split(";") if s.strip()]


def latest_version() -> int:
    return MIGRATIONS[-1][0]


def apply_migrations(cur: Cursor, dialect: Dialect, now_iso: str) -> list[int]:
    """Bring the schema up to date inside the caller's open transaction; return steps applied.

    On PostgreSQL a transaction-scoped advisory lock serialises replicas starting together;
    on SQLite the caller's BEGIN IMMEDIATE already does.
    """
    if dialect == "postgres":
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))
    cur.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    cur.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version")
    current = int(cur.fetchone()[0])
    mark = "?" if dialect == "sqlite" else "%s"
    applied = []
    # A database newer than this code is left alone: steps are additive, so older
    # replicas keep working during a rolling deploy.
    for version, sql in MIGRATIONS:
        if version <= current:
            continue
        for statement in statements(sql, dialect):
            cur.execute(statement)
        cur.execute(
            f"INSERT INTO schema_version (version, applied_at) VALUES ({mark}, {mark})",
            (version, now_iso),
        )
        applied.append(version)
    return applied
