"""The question log behaves the same on SQLite and PostgreSQL, and never keeps an identity."""

from __future__ import annotations

import hashlib
import hmac
import io
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import psycopg
import pytest
from matplotlib import font_manager
from pg_fixture import pg_server, pg_url  # noqa: F401  (used through getfixturevalue)
from psycopg.conninfo import make_conninfo

from bot.answer.render import Renderer
from bot.decision import Decision
from bot.errors import StorageError
from bot.kb import load_kb
from bot.questionlog.chart import cjk_font_family, mplfonts_dir, render_stats_png
from bot.questionlog.store import (
    SQLITE_FILENAME,
    DayCount,
    FeedbackRow,
    QuestionRecord,
    Stats,
    Storage,
    open_storage,
)

NOW = datetime.now(UTC)
KEEP_ALL = 36500  # retention long enough that fixed dates in the past survive every open
REPLICA_KEY = "replica-key"


def rec(
    question: str,
    decision: Decision = "decline",
    fact_id: str | None = None,
    at: datetime = NOW,
    chat_type: str = "private",
    asker: str | None = None,
) -> QuestionRecord:
    return QuestionRecord(at, chat_type, question, decision, fact_id, 0.5, asker)


@dataclass
class Backend:
    name: str
    open: Callable[..., Storage]  # open_storage bound to this backend's database
    dump: Callable[[], dict[str, list[tuple[Any, ...]]]]  # every row of every table


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "sqlite":

        def dump_sqlite() -> dict[str, list[tuple[Any, ...]]]:
            with closing(sqlite3.connect(tmp_path / SQLITE_FILENAME)) as conn:
                names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                return {n: conn.execute(f'SELECT * FROM "{n}"').fetchall() for (n,) in names}

        return Backend("sqlite", lambda **kw: open_storage(data_dir=tmp_path, **kw), dump_sqlite)
    url = request.getfixturevalue("pg_url")

    def dump_pg() -> dict[str, list[tuple[Any, ...]]]:
        with psycopg.connect(url) as conn:
            names = conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            ).fetchall()
            return {n: conn.execute(f'SELECT * FROM "{n}"').fetchall() for (n,) in names}

    # Replicas share a log, so PostgreSQL needs the key given (see bot.questionlog.keys).
    return Backend(
        "postgres",
        lambda **kw: open_storage(database_url=url, **{"hash_key": REPLICA_KEY, **kw}),
        dump_pg,
    )


@pytest.fixture
def store(backend: Backend) -> Iterator[Storage]:
    s = backend.open(retention_days=KEEP_ALL, hash_key="test-key")
    yield s
    s.close()


def test_top_unanswered_counts_declined_and_suggested(store: Storage) -> None:
    """Only decline/suggest count; most frequent first, ties in code-point order, limit cuts."""
    for question, decision, times in [
        ("填表太多", "decline", 2), ("会议太多", "suggest", 2), ("督查检查", "decline", 3),
        ("已经答过", "answer", 5), ("帮助", "help", 4),
    ]:  # fmt: skip
        for _ in range(times):
            store.record_question(rec(question, decision))  # type: ignore[arg-type]
    store.record_question(rec("很久以前", at=NOW - timedelta(days=100)))
    assert store.top_unanswered() == [
        ("督查检查", 3), ("会议太多", 2), ("填表太多", 2), ("很久以前", 1),
    ]  # fmt: skip
    assert store.top_unanswered(limit=2) == [("督查检查", 3), ("会议太多", 2)]
    assert store.top_unanswered(days=30) == [("督查检查", 3), ("会议太多", 2), ("填表太多", 2)]


def test_question_is_truncated_to_500_characters(store: Storage) -> None:
    """A long question is stored as its first 500 characters."""
    store.record_question(rec("问" * 499 + "答" * 101))
    assert store.top_unanswered() == [("问" * 499 + "答", 1)]


def test_second_vote_replaces_first_and_rows_sort_worst_first(store: Storage) -> None:
    """One vote per question; facts sorted by 👎; 👎 questions newest first, each once."""
    first = store.record_question(rec("甲", "answer", "f1", at=NOW - timedelta(hours=3)))
    second = store.record_question(rec("乙", "answer", "f1", at=NOW - timedelta(hours=2)))
    third = store.record_question(rec("甲", "answer", "f1", at=NOW - timedelta(hours=1)))
    liked = [store.record_question(rec("丙", "answer", "f2")) for _ in range(2)]
    declined = store.record_question(rec("丁", "decline"))
    assert store.record_feedback(first, True)
    for qid in (first, second, third, declined):
        assert store.record_feedback(qid, False)
    for qid in liked:
        assert store.record_feedback(qid, True)
    assert store.record_feedback(999_999, True) is False
    assert store.feedback() == [
        FeedbackRow("f1", 0, 3, ("甲", "乙")),
        FeedbackRow(None, 0, 1, ("丁",)),
        FeedbackRow("f2", 2, 0, ()),
    ]
    assert store.record_feedback(first, True)
    assert store.feedback()[0] == FeedbackRow("f1", 1, 2, ("甲", "乙"))


def test_same_question_from_two_chats_keeps_no_raw_ids(backend: Backend) -> None:
    """Askers are stored only as 16-hex pseudonyms; no table holds a raw user or chat id."""
    store = backend.open(retention_days=KEEP_ALL)
    raw = {"user_a": 123456789, "user_b": 987654321, "group": -1001234567890}
    for user, chat_type in (("user_a", "private"), ("user_b", "supergroup")):
        asker = store.pseudonym(raw[user])
        qid = store.record_question(rec("怎么 减少 填表", chat_type=chat_type, asker=asker))
        store.record_feedback(qid, False)
    store.close()
    tables = backend.dump()
    assert {"schema_version", "settings", "questions", "feedback"} <= set(tables)
    askers = [row[7] for row in tables["questions"]]  # id … score, asker, ref
    assert len(set(askers)) == 2 and all(len(a) == 16 and int(a, 16) >= 0 for a in askers)
    needles = [str(abs(v)) for v in raw.values()]
    cells = [str(cell) for rows in tables.values() for row in rows for cell in row]
    assert [c for c in cells if any(n in c for n in needles)] == []


def test_pseudonym_is_stable_per_key_and_differs_across_keys(backend: Backend) -> None:
    """HMAC-SHA256 of str(id), 16 hex, stable per key, different across keys."""
    expected = hmac.new(b"k1", b"42", hashlib.sha256).hexdigest()[:16]
    seen = {}
    for key in ("k1", "k1", "k2"):
        store = backend.open(hash_key=key)
        seen.setdefault(key, set()).update({store.pseudonym(42), store.pseudonym("42")})
        store.close()
    assert seen["k1"] == {expected}
    assert len(seen["k2"]) == 1 and seen["k1"] != seen["k2"]


def test_purge_drops_expired_questions_and_their_votes(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """purge() deletes by age, votes included; open applies JIANFU_RETENTION_DAYS."""
    store = backend.open(retention_days=KEEP_ALL)
    for age in (200, 181, 179, 40, 1):
        qid = store.record_question(rec(f"{age}天前", at=NOW - timedelta(days=age)))
        store.record_feedback(qid, False)
    assert store.purge(180, now=NOW) == 2
    assert store.purge(180, now=NOW) == 0
    assert store.feedback()[0].downvoted == ("1天前", "40天前", "179天前")
    store.close()
    store = backend.open(retention_days=30)
    assert store.top_unanswered() == [("1天前", 1)]
    assert store.feedback() == [FeedbackRow(None, 0, 1, ("1天前",))]
    store.close()
    assert len(backend.dump()["feedback"]) == 1


def test_export_csv_has_exact_header_and_rows_without_asker(store: Storage) -> None:
    """All columns but the asker (id is the row number), oldest first, CSV-quoted, votes as
    up/down."""
    t1 = datetime(2025, 3, 1, 8, 0, 5, 123456, tzinfo=UTC)
    t2 = datetime(2025, 3, 1, 17, 30, tzinfo=timezone(timedelta(hours=8)))  # 09:30 UTC
    a = store.record_question(QuestionRecord(t1, "group", "会议 太多", "answer", "m-01", 0.91234))
    store.record_question(QuestionRecord(t2, "inline", 'a,"b"', "decline", None, 0.0, "y"))
    store.record_feedback(a, True)
    out = io.StringIO()
    assert store.export_csv(out) == 2
    assert out.getvalue() == (
        "id,asked_at,chat_type,question,decision,fact_id,score,feedback\n"
        "1,2025-03-01T08:00:05Z,group,会议 太多,answer,m-01,0.912,up\n"
        '2,2025-03-01T09:30:00Z,inline,"a,""b""",decline,,0.000,\n'
    )
    store.record_question(rec("最近", at=NOW - timedelta(days=2)))
    out = io.StringIO()
    assert store.export_csv(out, days=30) == 1
    assert out.getvalue().splitlines()[1].startswith("3,")


def test_migrations_are_idempotent_and_safe_to_run_concurrently(backend: Backend) -> None:
    """Four openers at once and a later reopen leave one schema_version row and the data."""
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: backend.open(retention_days=KEEP_ALL), range(4)))
    stores[0].record_question(rec("还在吗"))
    for s in stores:
        s.close()
    store = backend.open(retention_days=KEEP_ALL)
    assert store.top_unanswered() == [("还在吗", 1)]
    store.close()
    tables = backend.dump()
    assert [row[0] for row in tables["schema_version"]] == [1, 2]
    assert tables["settings"] == []  # the pseudonym key is kept apart from the log


@pytest.mark.postgres
def test_postgres_connection_is_reopened_after_it_breaks(request: pytest.FixtureRequest) -> None:
    """A killed server connection is noticed when taken from the pool and replaced."""
    url = request.getfixturevalue("pg_url")
    name = f"jianfu-test-{uuid.uuid4().hex[:8]}"
    store = open_storage(
        database_url=make_conninfo(url, application_name=name), hash_key=REPLICA_KEY
    )
    store.record_question(rec("断线前"))
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
            (name,),
        )
        for _ in range(200):  # until the server has really dropped it
            gone = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", (name,)
            ).fetchone()
            if gone == (0,):
                break
            time.sleep(0.05)
    store.record_question(rec("重连后"))
    assert store.top_unanswered() == [("断线前", 1), ("重连后", 1)]
    store.close()


def _sample_stats(store: Storage, tz: timezone = UTC) -> Stats:
    day = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    for question, decision, fact_id, at in [
        ("q1", "answer", "f1", day), ("q2", "answer", "f1", day), ("q3", "decline", None, day),
        ("q4", "answer", "f2", day - timedelta(days=2)),
        ("q5", "answer", "f9", day - timedelta(days=2)),  # a fact missing from the mapping
        ("q6", "answer", "f1", day - timedelta(days=9)),  # outside a 7-day window
        ("q7", "decline", None, datetime(2026, 3, 9, 20, 0, tzinfo=UTC)),  # 3-10 in UTC+8
    ]:  # fmt: skip
        qid = store.record_question(rec(question, decision, fact_id, at))  # type: ignore[arg-type]
        if question in ("q1", "q3"):
            store.record_feedback(qid, question == "q1")
    return store.stats(7, {"f1": "meetings", "f2": "forms"}, now=day, tz=tz)


def test_stats_counts_per_day_and_topic(store: Storage) -> None:
    """Every day of the window (zeros too), topics via the mapping, rate and votes."""
    stats = _sample_stats(store)
    counts = {8: DayCount(2, 2), 9: DayCount(1, 0), 10: DayCount(3, 2)}
    expected_days = {date(2026, 3, d): counts.get(d, DayCount(0, 0)) for d in range(4, 11)}
    assert stats == Stats(7, expected_days, {"meetings": 2, "forms": 1, "other": 1}, 6, 4, 1, 1)
    assert list(stats.per_day) == sorted(expected_days)
    assert list(stats.per_topic) == ["meetings", "forms", "other"]
    assert stats.answer_rate == 4 / 6


def test_stats_days_follow_the_given_time_zone(store: Storage) -> None:
    """A question at 20:00 UTC on 3-9 falls on 3-10 when counted in UTC+8."""
    stats = _sample_stats(store, tz=timezone(timedelta(hours=8)))
    assert stats.per_day[date(2026, 3, 9)] == DayCount(0, 0)
    assert stats.per_day[date(2026, 3, 10)] == DayCount(4, 2)


def test_summary_text_is_exact() -> None:
    """The Chinese summary names counts, rate, votes and the top topics by display name."""
    stats = Stats(7, {}, {"meetings": 2, "forms": 1, "other": 1}, 6, 4, 1, 1)
    render = Renderer(load_kb())  # topic names and sentences from responses/
    assert render.stats_summary(stats) == (
        "近7天提问6条，已回答4条，回答率67%，👍1 / 👎1，"
        "提问最多的主题：会议精简（2条）、填表报数（1条）、其他（1条）。"
    )
    assert render.stats_summary(Stats(30, {}, {}, 0, 0, 0, 0)) == "近30天暂无提问。"


@pytest.mark.parametrize("topics", [{"meetings": 2, "forms": 1, "other": 1}, {}])
def test_chart_is_a_png_drawn_with_the_bundled_cjk_font(
    topics: dict[str, int], recwarn: pytest.WarningsRecorder
) -> None:
    """PNG bytes, Chinese drawn with mplfonts' Noto Sans CJK (not DejaVu), no missing glyphs."""
    days = {date(2026, 3, 1) + timedelta(days=i): DayCount(i % 4, i % 3) for i in range(30)}
    stats = Stats(30, days, topics, 45, 30, 3, 1)
    labels = Renderer(load_kb()).chart_labels()
    png = render_stats_png(stats, {"meetings": "文山会海", "forms": "填表报数"}, labels)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    found = font_manager.findfont(font_manager.FontProperties(family=cjk_font_family()))
    assert Path(found) == mplfonts_dir() / "NotoSansCJKsc-Regular.otf"
    assert [str(w.message) for w in recwarn if "missing from font" in str(w.message)] == []


def test_naive_timestamps_and_bad_locations_are_refused(tmp_path: Path) -> None:
    """A naive asked_at is a ValueError; an unusable data dir is a StorageError."""
    with pytest.raises(ValueError, match="timezone-aware"):
        QuestionRecord(datetime(2025, 1, 1), "cli", "q", "answer", None, 1.0, None)
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(StorageError, match="cannot open question log"):
        open_storage(data_dir=tmp_path / "file")
