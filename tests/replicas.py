"""Several real `jianfu run --webhook` processes behind real nginx, on loopback.

Used by test_replicas.py and bench_replicas.py. Pieces:
  fresh_database(server)  a new PostgreSQL database on the session's throwaway server
  Nginx                   Debian's nginx running deploy/nginx-jianfu.conf (our ports, a
                          throwaway certificate)
  Replica                 one `python -m bot run --webhook` process against the fake Bot API
  Telegram                delivers updates the way Telegram does: POST with the secret
                          header, again and again until it gets a 200
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

PROJECT = Path(__file__).resolve().parent.parent
SITE = PROJECT / "deploy" / "nginx-jianfu.conf"
SECRET = "test-secret_0123456789"
HOOK_PATH = "/telegram/hook-test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None
    )


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A database of its own (advisory locks are per database), dropped afterwards."""
    name = f"jianfu_rep_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        params = conninfo_to_dict(server)
        params["dbname"] = name
        yield make_conninfo(**params)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


class Nginx:
    """deploy/nginx-jianfu.conf, unchanged but for ports, certificate and file paths."""

    def __init__(self, folder: Path, upstream_ports: list[int]) -> None:
        self.folder, self.port = folder, free_port()
        self.cert, key = self_signed(folder)
        site = SITE.read_text()
        begin, end = site.index("# replicas begin"), site.index("# replicas end")
        servers = "".join(
            f"server 127.0.0.1:{p} max_fails=2 fail_timeout=5s;\n    " for p in upstream_ports
        )
        site = site[:begin] + servers + site[end:]
        site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{self.port} ssl;")
        site = site.replace("listen [::]:443 ssl;", "")
        site = site.replace("/etc/letsencrypt/live/bot.example.org/fullchain.pem", str(self.cert))
        site = site.replace("/etc/letsencrypt/live/bot.example.org/privkey.pem", str(key))
        site = site.replace("/var/log/nginx/jianfu.access.log", str(folder / "access.log"))
        temp = "".join(
            f"{kind}_temp_path {folder}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi",
                                                                 "uwsgi", "scgi")
        )  # fmt: skip
        user = "user root;\n" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"{user}pid {folder}/nginx.pid;\nerror_log {folder}/error.log warn;\n"
            "daemon off;\nworker_processes 1;\nevents { worker_connections 1024; }\n"
            f"http {{\n{temp}{site}\n}}\n"
        )
        binary = nginx_binary()
        assert binary is not None
        self.proc = subprocess.Popen(
            [binary, "-c", str(folder / "nginx.conf"), "-p", str(folder), "-e",
             str(folder / "error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            wait_listening(self.port, self.proc, folder / "error.log")
        except BaseException:
            self.stop()
            raise

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def wait_listening(port: int, proc: subprocess.Popen[Any], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            text = log.read_text(errors="replace") if log.exists() else ""
            raise AssertionError(f"process exited ({proc.returncode}) before listening:\n{text}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listening on {port} after {timeout}s")


@dataclass
class Replica:
    """One `jianfu run --webhook` process."""

    env: dict[str, str]
    folder: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    started_in: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.folder / f"replica-{self.port}.log"

    def start(self, *extra: str) -> Replica:
        began = time.monotonic()
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--webhook", "--listen", "127.0.0.1",
                 "--port", str(self.port), *extra],
                cwd=PROJECT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        try:
            wait_listening(self.port, self.proc, self.log)
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - began
        return self

    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def signal(self, sig: signal.Signals) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


def replica_env(fake_base_url: str, token: str, database_url: str, folder: Path,
                public_url: str, **extra: str) -> dict[str, str]:  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "JIANFU_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=fake_base_url,
        TELEGRAM_WEBHOOK_URL=public_url + HOOK_PATH,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        DATABASE_URL=database_url,
        JIANFU_DATA_DIR=str(folder / "data"),
        JIANFU_CACHE_DIR=os.environ.get("JIANFU_CACHE_DIR", str(folder / "cache")),
        JIANFU_WATCH_SECONDS="0",
        JIANFU_HASH_KEY="replica-test-key-0123456789abcdef",  # the same in every replica
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def tls(verify: Path | bool) -> ssl.SSLContext | bool:
    """httpx's verify: a context trusting our throwaway certificate, or a plain bool."""
    return ssl.create_default_context(cafile=str(verify)) if isinstance(verify, Path) else verify


class Telegram:
    """Delivers updates as Telegram does: POST to the webhook with the secret header; an
    update that gets no 200 is sent again (here after `retry` seconds) until it does."""

    def __init__(self, verify: Path | bool = True, retry: float = 0.25) -> None:
        self.retry = retry
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=50)
        self.client = httpx.AsyncClient(verify=tls(verify), timeout=60, limits=limits)
        self.statuses: list[int] = []

    async def post(self, url: str, update: dict[str, Any], secret: str | None = SECRET) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        try:
            response = await self.client.post(url, json=update, headers=headers)
        except httpx.TransportError:
            return 0  # the replica died or the connection broke: Telegram will retry
        self.statuses.append(response.status_code)
        return response.status_code

    async def deliver(
        self, url: str, update: dict[str, Any], timeout: float = 60, retry_url: str | None = None
    ) -> int:
        """Until acknowledged (retries to `retry_url`, if given); returns the attempts taken."""
        deadline = time.monotonic() + timeout
        attempts = 0
        while True:
            attempts += 1
            if await self.post(url if attempts == 1 else retry_url or url, update) == 200:
                return attempts
            if time.monotonic() > deadline:
                raise AssertionError(f"update {update.get('update_id')} never acknowledged")
            await asyncio.sleep(self.retry)

    async def deliver_all(self, urls: list[str], updates: list[dict[str, Any]]) -> list[int]:
        """Each update to urls[i % len(urls)], all at once."""
        return await asyncio.gather(
            *(self.deliver(urls[i % len(urls)], u) for i, u in enumerate(updates))
        )

    async def close(self) -> None:
        await self.client.aclose()
