"""Shared state between replicas, on both databases: claims, budgets, send slots, marks;
the background question-log writer and leadership."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from pg_fixture import pg_server, pg_url  # noqa: F401  (fixtures, used by name)

from bot.questionlog.database import Database, PostgresDB, SQLiteDB
from bot.questionlog.shared import Claim, LocalSlots, SharedState, Verdict
from bot.questionlog.store import QuestionRecord, SQLStorage
from bot.questionlog.writer import BackgroundLog, Leadership


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    database: Database
    if request.param == "sqlite":
        database = SQLiteDB(tmp_path / "log.sqlite3")
    else:
        database = PostgresDB(request.getfixturevalue("pg_url"))
    with database.transaction(write=True) as cur:
        database.migrate(cur)
    yield database
    database.close()


def test_an_update_is_claimed_once_and_a_dead_owners_claim_is_taken_over(db: Database) -> None:
    a, b = SharedState(db, "a"), SharedState(db, "b")
    assert a.claim(7, lease=30, now=100) is Claim.MINE
    assert b.claim(7, lease=30, now=101) is Claim.BUSY
    assert a.claim(7, lease=30, now=102) is Claim.BUSY  # a re-delivery to the same replica
    assert a.renew(lease=30, now=125) == 1  # still working: the lease runs to 155
    assert b.claim(7, lease=30, now=140) is Claim.BUSY
    assert b.claim(7, lease=30, now=156) is Claim.MINE  # a died: its lease ran out
    a.finish(7, now=157)  # too late: the claim is b's now
    assert a.claim(7, lease=30, now=158) is Claim.BUSY
    b.finish(7, now=159)
    assert a.claim(7, lease=30, now=160) is Claim.DONE
    assert b.claim(7, lease=30, now=160) is Claim.DONE


def test_polling_takes_over_a_dead_processs_claim_at_once(db: Database) -> None:
    """Long polling has one live process: another owner's unfinished claim is a dead one's."""
    dead, alive = SharedState(db, "before-crash"), SharedState(db, "after-restart")
    assert dead.claim(9, lease=30, now=0) is Claim.MINE
    assert alive.claim(9, lease=30, now=1, sole=True) is Claim.MINE
    assert alive.claim(9, lease=30, now=1, sole=True) is Claim.BUSY  # its own, in hand
    alive.finish(9, now=2)
    assert alive.claim(9, lease=30, now=3, sole=True) is Claim.DONE


def test_a_released_claim_is_handled_on_the_next_delivery(db: Database) -> None:
    a, b = SharedState(db, "a"), SharedState(db, "b")
    assert a.claim(8, lease=30, now=0) is Claim.MINE
    a.release(8)
    assert b.claim(8, lease=30, now=1) is Claim.MINE


def test_budget_is_shared_warns_once_and_refills(db: Database) -> None:
    a, b = SharedState(db, "a"), SharedState(db, "b")
    verdicts = [s.take("g1", 3, 60.0, now=10.0) for s in (a, b, a, b, a)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]
    assert a.take("g2", 3, 60.0, now=10.0) is Verdict.ALLOW  # another group, its own budget
    assert b.take("g1", 3, 60.0, now=30.0) is Verdict.ALLOW  # 20 s refill one question


@pytest.mark.parametrize("local", [False, True], ids=["shared", "local"])
def test_send_slots_space_every_caller_and_honour_a_hold(db: Database, local: bool) -> None:
    a, b = SharedState(db, "a"), SharedState(db, "b")
    if local:  # the in-memory fallback keeps the same rule
        a = b = LocalSlots()  # type: ignore[assignment]
    chat_x = [("chat:x", 1.0, 1), ("bot", 0.1, 1)]
    assert a.reserve(chat_x, now=50.0) == 50.0
    assert b.reserve(chat_x, now=50.0) == 51.0  # same chat: one second later
    assert b.reserve([("chat:y", 1.0, 1), ("bot", 0.1, 1)], now=50.0) == pytest.approx(51.1)
    a.hold("bot", until=60.0)  # a 429 said: wait until 60
    assert b.reserve([("chat:z", 1.0, 1), ("bot", 0.1, 1)], now=50.0) == pytest.approx(60.0)
    a.hold("bot", until=55.0)  # an earlier hold never shortens a later one
    assert a.reserve([("bot", 0.1, 1)], now=50.0) == pytest.approx(60.1)
    # A burst of 3 goes at once, then one per interval.
    moments = [s.reserve([("group", 3.0, 3)], now=100.0) for s in (a, b, a, b, a)]
    assert moments == pytest.approx([100.0, 100.0, 100.0, 103.0, 106.0])


def test_mark_once_and_expiry(db: Database) -> None:
    a, b = SharedState(db, "a"), SharedState(db, "b")
    assert a.mark_once("kb:v1", now=0) is True
    assert b.mark_once("kb:v1", now=1) is False
    a.claim(1, lease=30, now=0)
    a.finish(1, now=1)
    assert b.expire(now=10) == 0
    assert b.expire(now=40 * 86400.0) >= 2  # the finished claim and the old mark
    assert a.claim(1, lease=30, now=40 * 86400.0) is Claim.MINE


def rec(question: str) -> QuestionRecord:
    return QuestionRecord(datetime.now(UTC), "private", question, "decline", None, 0.0)


def test_background_log_returns_at_once_and_writes_in_order(db: Database) -> None:
    store = BackgroundLog(SQLStorage(db, hash_key="test-key"), retry_delay=0.01)
    refs = [store.record_question(rec(f"问题{i}")) for i in range(20)]
    assert len(set(refs)) == 20
    assert store.record_feedback(refs[0], True)
    assert store.flush(10.0)
    assert store.top_unanswered(limit=50) == sorted(
        ((f"问题{i}", 1) for i in range(20)), key=lambda item: item[0]
    )
    assert store.feedback()[0].up == 1
    store.close()


@pytest.mark.postgres
def test_hung_database_never_blocks_the_caller_and_the_log_catches_up(
    request: pytest.FixtureRequest,
) -> None:
    """The backend serving the writer is stopped (SIGSTOP): recording still returns at once,
    and everything is written once it runs again."""
    url = request.getfixturevalue("pg_url")
    from psycopg.conninfo import make_conninfo

    hung_url = make_conninfo(url, application_name="jianfu-hung-test")
    store = BackgroundLog(SQLStorage(PostgresDB(hung_url), hash_key="k"), retry_delay=0.01)
    store.record_question(rec("先"))
    assert store.flush(10.0)
    with psycopg.connect(url, autocommit=True) as admin:
        pids = [
            pid
            for (pid,) in admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'jianfu-hung-test'"
            ).fetchall()
        ]
    assert pids
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        done = threading.Event()

        def ask() -> None:
            for i in range(50):
                store.record_question(rec(f"挂起时{i}"))
            done.set()

        threading.Thread(target=ask).start()
        assert done.wait(10.0)  # returned while the database was stopped
        assert not store.flush(0.2)  # and nothing could be written yet
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
    assert store.flush(30.0)
    assert len(store.top_unanswered(limit=100)) == 51
    store.close()


@pytest.mark.postgres
def test_one_leader_at_a_time_and_the_lead_passes_on(request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue("pg_url")
    first, second = Leadership(url), Leadership(url)
    assert first.lead() is True
    assert second.lead() is False
    assert first.lead() is True  # keeps it
    first.resign()
    assert second.lead() is True
    assert first.lead() is False
    second.resign()
    assert Leadership(None).lead() is True  # SQLite: the single process leads


async def test_guard_gives_up_on_a_hung_call_and_comes_back_with_the_database() -> None:
    """A call that hangs costs one deadline; then calls go straight to their fallback (the
    database is not called at all) until a probe succeeds."""
    import asyncio

    from bot.errors import StorageError
    from bot.questionlog.guard import Guard

    hang, up = threading.Event(), threading.Event()
    calls: list[str] = []

    def probe() -> None:
        if not up.is_set():
            raise StorageError("down")

    guard = Guard(probe, deadline=0.2, pause=0.05)
    assert await guard.call(lambda: calls.append("first") or "db", "fallback") == "db"
    assert await guard.call(hang.wait, "fallback") == "fallback"  # hung: the deadline ran out
    assert not guard.healthy
    assert await guard.call(lambda: calls.append("skipped") or "db", "fallback") == "fallback"
    assert not await guard.check()
    up.set()
    for _ in range(100):
        if guard.healthy:
            break
        await asyncio.sleep(0.02)
    assert guard.healthy and await guard.call(lambda: "db", "fallback") == "db"
    assert calls == ["first"]
    hang.set()
    guard.close()
