"""PostgreSQL for the storage tests: $DATABASE_URL when set, else a throwaway local cluster.

The throwaway cluster lives in a temp dir for the whole session: unix socket only (no TCP
port to collide on), trust auth, fsync off. initdb refuses to run as root, so as root the
cluster is run by the 'postgres' user (or 'nobody'). Each test gets its own schema, dropped
afterwards, so tests never see each other's rows, even on a shared $DATABASE_URL.
"""

from __future__ import annotations

import glob
import os
import pwd
import random
import shlex
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import make_conninfo


def _pg_bindir() -> Path | None:
    """The folder holding both initdb and pg_ctl: from PATH, else the newest Debian install."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    bindirs = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    bindirs.sort(key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)
    return bindirs[-1] if bindirs else None


def _as_cluster_user(argv: list[str], user: str | None) -> list[str]:
    if user is None:
        return argv
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--", *argv]
    return ["su", user, "-s", "/bin/sh", "-c", shlex.join(argv)]


class NoPostgres(Exception):
    """No server can be had here (no DATABASE_URL, no initdb)."""


def _run(argv: list[str], user: str | None, what: str, log: Path | None = None) -> None:
    done = subprocess.run(
        _as_cluster_user(argv, user), capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        extra = log.read_text(errors="replace") if log and log.exists() else ""
        raise RuntimeError(f"{what} failed ({done.returncode}):\n{done.stdout}{done.stderr}{extra}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A conninfo string for a PostgreSQL server we may create schemas in."""
    try:
        with throwaway_postgres() as url:
            yield url
    except NoPostgres as exc:
        pytest.skip(str(exc))


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """$DATABASE_URL, else a new local cluster for as long as the block runs."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    bindir = _pg_bindir()
    if bindir is None:
        raise NoPostgres(
            "PostgreSQL tests skipped: DATABASE_URL is not set and no initdb/pg_ctl was found "
            "(PATH or /usr/lib/postgresql/*/bin); e.g. apt-get install -y postgresql"
        )
    user: str | None = None
    if os.geteuid() == 0:
        user = "postgres"
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            user, entry = "nobody", pwd.getpwnam("nobody")
    # /tmp, not pytest's 0700 per-user temp root, so the cluster user can reach it;
    # and short, because a unix socket path must fit in ~100 bytes.
    tmp = Path(tempfile.mkdtemp(prefix="jianfu-pg-", dir="/tmp" if user else None))
    if user:
        os.chown(tmp, entry.pw_uid, entry.pw_gid)
    data, log = tmp / "data", tmp / "server.log"
    port = random.randint(20000, 60000)  # only names the socket file: no TCP listener
    try:
        _run(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "jianfu",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            user, "initdb",
        )  # fmt: skip
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = ''\nunix_socket_directories = '{tmp}'\nport = {port}\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            )
        _run(
            [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "start"],
            user, "pg_ctl start", log,
        )  # fmt: skip
        try:
            yield make_conninfo(host=str(tmp), port=port, user="jianfu", dbname="postgres")
        finally:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                 user, "pg_ctl stop")  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A conninfo whose search_path is a fresh, empty schema for this test only."""
    schema = f"jianfu_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_conninfo(pg_server, options=f"-c search_path={schema}")
    finally:
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
