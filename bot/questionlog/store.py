"""Anonymous question log: what officials asked, what the bot decided, and their 👍/👎.

One interface (Storage), two backends: SQLite for a single bot (the default) and PostgreSQL
for several replicas sharing one database. Nobody's identity is stored: the schema has no
column for it, and an asker appears only as a keyed hash from Storage.pseudonym().
Filters go by when the question was asked: `days=N` is the last N*24 hours, except in
stats(), which counts whole calendar days.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, Protocol, TextIO

from bot.decision import DECISIONS, Decision
from bot.errors import StorageError
from bot.questionlog.database import Database, PostgresDB, SQLiteDB
from bot.questionlog.keys import KEY_FILENAME, resolve_key
from bot.settings import DEFAULT_RETENTION_DAYS, Settings

MAX_QUESTION_CHARS = 500
SQLITE_FILENAME = "jianfu.sqlite3"
OTHER_TOPIC = "other"  # stats topic for facts missing from the fact->topic mapping
CSV_HEADER = ("id", "asked_at", "chat_type", "question", "decision", "fact_id", "score", "feedback")
_KEY_SETTING = "pseudonym_key"


@dataclass(frozen=True)
class QuestionRecord:
    """One question as the bot handled it; `question` is already normalised by the caller."""

    asked_at: datetime
    chat_type: str
    question: str
    decision: Decision
    fact_id: str | None
    score: float
    asker: str | None = None  # Storage.pseudonym(user id), never the raw id
    # The number feedback buttons carry; chosen by the caller (new_ref()) so an answer can be
    # sent before its row is written.
    ref: int | None = None

    def __post_init__(self) -> None:
        if self.asked_at.utcoffset() is None:
            raise ValueError("QuestionRecord.asked_at must be timezone-aware")
        if self.decision not in DECISIONS:
            raise ValueError(f"unknown decision {self.decision!r}")


@dataclass(frozen=True)
class FeedbackRow:
    """Votes on the answers drawn from one fact (None: answers that cited no fact)."""

    fact_id: str | None
    up: int
    down: int
    downvoted: tuple[str, ...] = ()  # distinct questions voted 👎, most recently asked first


@dataclass(frozen=True)
class DayCount:
    total: int
    answered: int


@dataclass(frozen=True)
class Stats:
    """Counts over the last `days` calendar days (today included)."""

    days: int
    per_day: Mapping[date, DayCount]  # every day of the window, oldest first, zeros included
    per_topic: Mapping[str, int]  # topic -> questions that matched a fact, most first
    total: int
    answered: int
    up: int
    down: int

    @property
    def answer_rate(self) -> float:
        return self.answered / self.total if self.total else 0.0


def new_ref() -> int:
    """A random reference for a question: unique in practice, short in callback data."""
    return secrets.randbelow(2**53 - 1) + 1


class Storage(Protocol):
    def record_question(self, rec: QuestionRecord) -> int: ...
    def record_feedback(self, question_id: int, helpful: bool) -> bool: ...
    def pseudonym(self, raw_id: int | str) -> str: ...
    def top_unanswered(self, limit: int = 20, days: int | None = None) -> list[tuple[str, int]]: ...
    def feedback(self, days: int | None = None) -> list[FeedbackRow]: ...
    def stats(
        self,
        days: int = 30,
        fact_topics: Mapping[str, str] | None = None,
        *,
        now: datetime | None = None,
        tz: tzinfo = UTC,
    ) -> Stats: ...
    def export_csv(self, out: TextIO, days: int | None = None) -> int: ...
    def purge(self, older_than_days: int, *, now: datetime | None = None) -> int: ...
    def close(self) -> None: ...


def _since(days: int | None) -> datetime | None:
    if days is None:
        return None
    if days < 1:
        raise ValueError("days must be at least 1")
    now = datetime.now(UTC)
    if days >= (now - datetime.min.replace(tzinfo=UTC)).days:
        return None  # back before year 1 (`--days 999999`, "all of it"): the whole log
    return now - timedelta(days=days)


class SQLStorage:
    """The Storage interface as portable SQL over either database.

    Opened for writing, it brings the schema up to date and finds the pseudonym key (see
    bot.questionlog.keys; `key_file` is where a key file is looked for). Opened `read_only`, it
    changes nothing and needs no key: enough for every report.
    """

    def __init__(
        self,
        db: Database,
        hash_key: str | None = None,
        *,
        key_file: Path | None = None,
        read_only: bool = False,
    ) -> None:
        self._db = db
        self._key: bytes | None = None
        try:
            if read_only:
                with db.transaction() as cur:
                    db.require_log(cur)
                return
            with db.transaction(write=True) as cur:
                db.migrate(cur)
                # Older versions kept the key here, beside the pseudonyms; take it out.
                db.run(cur, "SELECT value FROM settings WHERE key = ?", (_KEY_SETTING,))
                row = cur.fetchone()
                db.run(cur, "DELETE FROM settings WHERE key = ?", (_KEY_SETTING,))
                key = resolve_key(
                    hash_key, key_file or Path(KEY_FILENAME), may_create=db.dialect == "sqlite",
                    stored=str(row[0]) if row else None,
                )  # fmt: skip
        except BaseException:
            db.close()
            raise
        self._key = key.encode()

    @property
    def dialect(self) -> str:
        return self._db.dialect

    def _window(self, days: int | None) -> tuple[str, tuple[Any, ...]]:
        since = _since(days)
        return ("q.asked_at >= ?", (self._db.ts(since),)) if since else ("1 = 1", ())

    @property
    def database(self) -> Database:
        return self._db

    def record_question(self, rec: QuestionRecord) -> int:
        """Store one question; returns its reference (rec.ref, or a new one)."""
        ref = rec.ref if rec.ref is not None else new_ref()
        with self._db.transaction(write=True) as cur:
            self._db.run(
                cur,
                "INSERT INTO questions (asked_at, chat_type, question, decision, fact_id, score,"
                " asker, ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self._db.ts(rec.asked_at),
                    rec.chat_type,
                    rec.question[:MAX_QUESTION_CHARS],
                    rec.decision,
                    rec.fact_id,
                    float(rec.score),
                    rec.asker,
                    ref,
                ),
            )
        return ref

    def record_feedback(self, question_ref: int, helpful: bool) -> bool:
        """A vote on the question with this reference; False when no such question is kept."""
        with self._db.transaction(write=True) as cur:
            self._db.run(cur, "SELECT id FROM questions WHERE ref = ?", (question_ref,))
            row = cur.fetchone()
            if row is None:
                return False
            question_id = int(row[0])
            self._db.run(
                cur,
                "INSERT INTO feedback (question_id, helpful, voted_at) VALUES (?, ?, ?) "
                "ON CONFLICT (question_id) DO UPDATE "
                "SET helpful = excluded.helpful, voted_at = excluded.voted_at",
                (question_id, helpful, self._db.ts(datetime.now(UTC))),
            )
            return True

    def pseudonym(self, raw_id: int | str) -> str:
        if self._key is None:
            raise StorageError("the question log was opened read-only; it records no askers")
        return hmac.new(self._key, str(raw_id).encode(), hashlib.sha256).hexdigest()[:16]

    def top_unanswered(self, limit: int = 20, days: int | None = None) -> list[tuple[str, int]]:
        where, params = self._window(days)
        with self._db.transaction() as cur:
            self._db.run(
                cur,
                f"SELECT q.question, COUNT(*) AS n FROM questions q WHERE {where}"
                " AND q.decision IN ('decline', 'suggest') GROUP BY q.question"
                f" ORDER BY n DESC, q.question{self._db.collate} LIMIT ?",
                (*params, limit),
            )
            return [(str(question), int(n)) for question, n in cur.fetchall()]

    def feedback(self, days: int | None = None) -> list[FeedbackRow]:
        where, params = self._window(days)
        with self._db.transaction() as cur:
            self._db.run(
                cur,
                "SELECT q.fact_id, f.helpful, q.question FROM feedback f"
                f" JOIN questions q ON q.id = f.question_id WHERE {where}"
                " ORDER BY q.asked_at DESC, q.id DESC",
                params,
            )
            rows = cur.fetchall()
        votes: dict[str | None, list[int]] = {}
        downvoted: dict[str | None, dict[str, None]] = {}  # dict keeps first-seen order
        for fact_id, helpful, question in rows:
            votes.setdefault(fact_id, [0, 0])[0 if helpful else 1] += 1
            if not helpful:
                downvoted.setdefault(fact_id, {})[question] = None
        result = [
            FeedbackRow(fact, up, down, tuple(downvoted.get(fact, {})))
            for fact, (up, down) in votes.items()
        ]
        # Worst first; answers without a fact go after those with one.
        return sorted(result, key=lambda r: (-r.down, -r.up, r.fact_id is None, r.fact_id or ""))

    def stats(
        self,
        days: int = 30,
        fact_topics: Mapping[str, str] | None = None,
        *,
        now: datetime | None = None,
        tz: tzinfo = UTC,
    ) -> Stats:
        if days < 1:
            raise ValueError("days must be at least 1")
        today = (now or datetime.now(UTC)).astimezone(tz).date()
        first = today - timedelta(days=days - 1)
        start = datetime.combine(first, time(), tzinfo=tz)
        end = datetime.combine(today + timedelta(days=1), time(), tzinfo=tz)
        with self._db.transaction() as cur:
            self._db.run(
                cur,
                "SELECT q.asked_at, q.decision, q.fact_id, f.helpful FROM questions q"
                " LEFT JOIN feedback f ON f.question_id = q.id"
                " WHERE q.asked_at >= ? AND q.asked_at < ?",
                (self._db.ts(start), self._db.ts(end)),
            )
            rows = cur.fetchall()
        per_day = {first + timedelta(days=i): [0, 0] for i in range(days)}
        topics: dict[str, int] = {}
        up = down = 0
        for asked_at, decision, fact_id, helpful in rows:
            day = per_day[self._db.from_ts(asked_at).astimezone(tz).date()]
            day[0] += 1
            day[1] += decision == "answer"
            if fact_id is not None:
                topic = (fact_topics or {}).get(fact_id, OTHER_TOPIC)
                topics[topic] = topics.get(topic, 0) + 1
            if helpful is not None:
                up, down = (up + 1, down) if helpful else (up, down + 1)
        return Stats(
            days=days,
            per_day={d: DayCount(t, a) for d, (t, a) in per_day.items()},
            per_topic=dict(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))),
            total=sum(t for t, _ in per_day.values()),
            answered=sum(a for _, a in per_day.values()),
            up=up,
            down=down,
        )

    def export_csv(self, out: TextIO, days: int | None = None) -> int:
        where, params = self._window(days)
        with self._db.transaction() as cur:
            self._db.run(
                cur,
                "SELECT q.id, q.asked_at, q.chat_type, q.question, q.decision, q.fact_id,"
                " q.score, f.helpful FROM questions q"
                f" LEFT JOIN feedback f ON f.question_id = q.id WHERE {where}"
                " ORDER BY q.asked_at, q.id",
                params,
            )
            rows = cur.fetchall()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for qid, asked_at, chat_type, question, decision, fact_id, score, helpful in rows:
            vote = "" if helpful is None else ("up" if helpful else "down")
            when = self._db.from_ts(asked_at).strftime("%Y-%m-%dT%H:%M:%SZ")
            writer.writerow(
                [qid, when, chat_type, question, decision, fact_id or "", f"{score:.3f}", vote]
            )
        return len(rows)

    def purge(self, older_than_days: int, *, now: datetime | None = None) -> int:
        if older_than_days < 0:
            raise ValueError("older_than_days must not be negative")
        cutoff = self._db.ts((now or datetime.now(UTC)) - timedelta(days=older_than_days))
        with self._db.transaction(write=True) as cur:
            # Explicit, so it does not depend on SQLite's foreign_keys pragma.
            self._db.run(
                cur,
                "DELETE FROM feedback WHERE question_id IN"
                " (SELECT id FROM questions WHERE asked_at < ?)",
                (cutoff,),
            )
            self._db.run(cur, "DELETE FROM questions WHERE asked_at < ?", (cutoff,))
            return cur.rowcount

    def close(self) -> None:
        self._db.close()


def open_storage(
    data_dir: Path | None = None,
    database_url: str | None = None,
    *,
    hash_key: str | None = None,
    retention_days: int = DEFAULT_RETENTION_DAYS,
    read_only: bool = False,
) -> Storage:
    """Open (creating and migrating as needed) the question log, then purge expired rows;
    `read_only` (the curators' reports) changes nothing and refuses a log that does not exist.

    PostgreSQL when `database_url` is given, else SQLite in `data_dir` (default ./data). The
    pseudonym key is `hash_key`, else the key file in `data_dir` (see bot.questionlog.keys).
    """
    folder = data_dir or Path("data")
    db: Database
    if database_url:
        db = PostgresDB(database_url, read_only=read_only)
    else:
        db = SQLiteDB(folder / SQLITE_FILENAME, read_only=read_only)
    store = SQLStorage(db, hash_key or None, key_file=folder / KEY_FILENAME, read_only=read_only)
    if read_only:
        return store
    try:
        store.purge(retention_days)
    except BaseException:
        store.close()
        raise
    return store


def open_configured(settings: Settings, *, read_only: bool = False) -> Storage:
    """The question log the settings name: $DATABASE_URL, else SQLite in $JIANFU_DATA_DIR."""
    return open_storage(
        settings.data_dir, settings.database_url or None, hash_key=settings.hash_key or None,
        retention_days=settings.retention_days, read_only=read_only,
    )  # fmt: skip
