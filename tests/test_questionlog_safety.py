"""The question log keeps its pseudonym key apart from the data, and reports only ever read."""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from pg_fixture import pg_server, pg_url  # noqa: F401  (used through getfixturevalue)

from bot.cli import main
from bot.errors import ConfigError, StorageError
from bot.questionlog.keys import KEY_FILENAME
from bot.questionlog.store import SQLITE_FILENAME, QuestionRecord, open_configured, open_storage
from bot.settings import Settings

NOW = datetime.now(UTC)


def _pseudonym(key: str, raw_id: int) -> str:
    return hmac.new(key.encode(), str(raw_id).encode(), hashlib.sha256).hexdigest()[:16]


def _record(question: str, at: datetime = NOW) -> QuestionRecord:
    return QuestionRecord(at, "private", question, "decline", None, 0.5, "a1b2c3d4e5f60718")


def test_sqlite_key_is_a_private_file_beside_the_log_not_in_it(tmp_path: Path) -> None:
    """The generated key is in a 0600 file in the data dir; the database holds no trace of it,
    and reopening hashes alike."""
    store = open_storage(data_dir=tmp_path)
    first = store.pseudonym(123456789)
    store.close()
    key_file = tmp_path / KEY_FILENAME
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    assert len(key) == 64 and first == _pseudonym(key, 123456789)
    with closing(sqlite3.connect(tmp_path / SQLITE_FILENAME)) as conn:
        assert conn.execute("SELECT * FROM settings").fetchall() == []
    for path in tmp_path.glob(SQLITE_FILENAME + "*"):  # the database, its WAL and index
        assert key.encode() not in path.read_bytes()
    with closing(open_storage(data_dir=tmp_path)) as again:
        assert again.pseudonym(123456789) == first


def test_environment_key_needs_no_file(tmp_path: Path) -> None:
    """JIANFU_HASH_KEY is used as is, and no key file is written."""
    env = {"JIANFU_HASH_KEY": "from-the-environment", "JIANFU_DATA_DIR": str(tmp_path)}
    with closing(open_configured(Settings.from_env(env))) as store:
        assert store.pseudonym(7) == _pseudonym("from-the-environment", 7)
    assert not (tmp_path / KEY_FILENAME).exists()


def test_key_an_older_version_stored_in_the_log_moves_out_unchanged(tmp_path: Path) -> None:
    """A log from before keeps its pseudonyms: the stored key moves to the key file and leaves
    the database."""
    open_storage(data_dir=tmp_path).close()
    (tmp_path / KEY_FILENAME).unlink()
    with closing(sqlite3.connect(tmp_path / SQLITE_FILENAME)) as conn, conn:
        conn.execute("INSERT INTO settings VALUES ('pseudonym_key', 'old-stored-key')")
    with closing(open_storage(data_dir=tmp_path)) as store:
        assert store.pseudonym(42) == _pseudonym("old-stored-key", 42)
    assert (tmp_path / KEY_FILENAME).read_text().strip() == "old-stored-key"
    with closing(sqlite3.connect(tmp_path / SQLITE_FILENAME)) as conn:
        assert conn.execute("SELECT * FROM settings").fetchall() == []


@pytest.mark.postgres
def test_postgres_replicas_need_one_given_key(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """PostgreSQL never invents a key (replicas would differ): it asks for JIANFU_HASH_KEY, and
    replicas given the same key, or the same key file, hash alike."""
    url = request.getfixturevalue("pg_url")
    replica = tmp_path / "replica"
    with pytest.raises(ConfigError, match="needs JIANFU_HASH_KEY"):
        open_storage(replica, url)
    assert not replica.exists()
    one, two = (open_storage(replica, url, hash_key="shared-secret") for _ in range(2))
    assert one.pseudonym(5) == two.pseudonym(5) == _pseudonym("shared-secret", 5)
    one.close()
    two.close()
    replica.mkdir()
    (replica / KEY_FILENAME).write_text("copied-key-file\n")
    with closing(open_storage(replica, url)) as store:
        assert store.pseudonym(5) == _pseudonym("copied-key-file", 5)


@pytest.mark.postgres
def test_postgres_key_stored_by_an_older_version_must_be_moved_out(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """A shared log that still holds its key says how to move it, and drops it once given."""
    url = request.getfixturevalue("pg_url")
    open_storage(tmp_path, url, hash_key="x").close()
    with psycopg.connect(url) as conn:
        conn.execute("INSERT INTO settings VALUES ('pseudonym_key', 'old-shared-key')")
    with pytest.raises(ConfigError, match="still holds the pseudonym key"):
        open_storage(tmp_path, url)
    with closing(open_storage(tmp_path, url, hash_key="old-shared-key")) as store:
        assert store.pseudonym(9) == _pseudonym("old-shared-key", 9)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT * FROM settings").fetchall() == []


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_log_reports_only_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`jianfu log …` neither migrates nor purges: the database stays byte for byte, even with
    a question past the retention period, and no key file is made."""
    data = tmp_path / "data"
    monkeypatch.setenv("JIANFU_DATA_DIR", str(data))
    with closing(open_storage(data, retention_days=36500)) as store:
        store.record_question(_record("很久以前", NOW - timedelta(days=400)))
        store.record_question(_record("昨天"))
    before = _files(data)
    for command in (["unanswered"], ["feedback"], ["export"], ["unanswered", "--csv"]):
        assert main(["log", *command]) == 0
    assert "很久以前" in capsys.readouterr().out
    after = _files(data)
    # SQLite may leave its WAL index behind for a reader; the WAL itself stays empty.
    assert after.pop(SQLITE_FILENAME + "-wal", b"") == b""
    after.pop(SQLITE_FILENAME + "-shm", None)
    assert after == before


def test_read_only_log_refuses_to_write(tmp_path: Path) -> None:
    """Opened for reading, the database itself refuses writes (SQLite's read-only mode)."""
    open_storage(data_dir=tmp_path).close()
    with closing(open_storage(data_dir=tmp_path, read_only=True)) as store:
        with pytest.raises(StorageError, match="readonly"):
            store.record_question(_record("写不进去"))
        with pytest.raises(StorageError, match="read-only"):
            store.pseudonym(1)


def test_log_in_a_mistyped_data_dir_says_so_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No database where JIANFU_DATA_DIR points: one clear line, exit 2, no folder or file made."""
    typo = tmp_path / "dta"
    monkeypatch.setenv("JIANFU_DATA_DIR", str(typo))
    assert main(["log", "unanswered"]) == 2
    err = capsys.readouterr().err
    assert f"no question log in {typo / SQLITE_FILENAME}" in err
    assert "JIANFU_DATA_DIR" in err
    assert not typo.exists()
    typo.mkdir()
    (typo / SQLITE_FILENAME).write_bytes(b"")  # an empty file is no log either
    assert main(["log", "export"]) == 2
    assert "no question log in" in capsys.readouterr().err
    assert os.listdir(typo) == [SQLITE_FILENAME]


@pytest.mark.postgres
def test_log_on_an_empty_postgres_database_says_so(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A DATABASE_URL pointing at a database without the log is reported, and left untouched."""
    url = request.getfixturevalue("pg_url")
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["log", "feedback"]) == 2
    assert "no question log in this PostgreSQL database" in capsys.readouterr().err
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('questions')").fetchone() == (None,)


@pytest.mark.parametrize(
    "url",
    [
        "postgress://jianfu:S3cretPassw0rd@db.example/jianfu",  # a typo in the scheme
        "host=db.example password=S3cretPassw0rd dbname",  # a key=value string cut short
        # An "@" in the password left unencoded: libpq took "Passw0rd@127.0.0.1" for the host
        # and every failed connection logged that half of the password.
        "postgresql://jianfu:S3cret@Passw0rd@127.0.0.1:1/jianfu",
    ],
)
def test_mistyped_database_url_is_one_line_without_its_password(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A DATABASE_URL psycopg cannot parse is one line naming the variable, not a traceback
    whose last line (psycopg's own message) quotes the whole URL, password and all, into
    whatever keeps the service's stderr."""
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["log", "unanswered"]) == 2
    err = capsys.readouterr().err
    assert "S3cret" not in err and "Passw0rd" not in err
    assert "DATABASE_URL" in err
    assert len(err.strip().splitlines()) == 1, err


def test_log_windows_past_the_calendar_mean_all_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--days 999999` ("all of it") reaches back before year 1: it was an OverflowError
    traceback; it now reports the whole log. A --limit or --days too large for the database's
    integers is refused by the argument parser, in one line."""
    data = tmp_path / "data"
    monkeypatch.setenv("JIANFU_DATA_DIR", str(data))
    with closing(open_storage(data, retention_days=36500)) as store:
        store.record_question(_record("很久以前", NOW - timedelta(days=400)))
    for command in (["unanswered"], ["feedback"], ["export"]):
        for days in ("999999", "999999999"):
            assert main(["log", *command, "--days", days]) == 0, (command, days)
    assert capsys.readouterr().out.count("很久以前") == 4  # unanswered and export, twice each
    for option in ("--limit", "--days"):
        with pytest.raises(SystemExit) as refused:
            main(["log", "unanswered", option, "99999999999999999999"])
        assert refused.value.code == 2
        assert "expected a whole number from 1 to" in capsys.readouterr().err
