"""Two `jianfu run --webhook` replicas behind Debian's nginx, sharing a throwaway PostgreSQL,
driven the way Telegram drives them: through nginx and straight at a replica, with every
update re-delivered until it gets a 200. Each test proves one promise of deploy/README.md."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from fake_bot_api import FakeBotApi
from pg_fixture import pg_server  # noqa: F401  (a fixture, used by name)
from replicas import (
    HOOK_PATH,
    PROJECT,
    Nginx,
    Replica,
    Telegram,
    fresh_database,
    nginx_binary,
    replica_env,
    tls,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        nginx_binary() is None, reason="nginx not installed (apt-get install nginx)"
    ),
]

ADMIN = 990001
LEASE = "2"  # seconds a dead replica's claims hold out: short, so the takeover test is quick
FACTS = "responses/facts/chat-groups.yaml"


@dataclass
class Cluster:
    fake: FakeBotApi
    db: str
    nginx: Nginx
    replicas: list[Replica]
    kb: Path

    @property
    def hook(self) -> str:
        return self.nginx.url + HOOK_PATH

    def direct(self, index: int) -> str:
        return self.replicas[index].url + HOOK_PATH

    def private(self, text: str, chat: int) -> dict[str, Any]:
        self.fake.push_private_message(text, user_id=chat)
        [update] = self.fake.take_updates()
        return update

    def group(self, text: str, chat: int) -> dict[str, Any]:
        self.fake.push_group_message(text, chat_id=chat)
        [update] = self.fake.take_updates()
        return update

    def sent_to(self, chat: int) -> list[dict[str, Any]]:
        return [c.params for c in self.fake.calls_to("sendMessage") if c.params["chat_id"] == chat]

    def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.db, autocommit=True) as conn:
            return conn.execute(query, params).fetchall()


@pytest.fixture(scope="module")
def cluster(pg_server: str) -> Iterator[Cluster]:  # noqa: F811  (the fixture above)
    folder = Path(tempfile.mkdtemp(prefix="jianfu-replicas-"))
    kb = folder / "kb"
    for part in ("responses", "seeds"):
        shutil.copytree(PROJECT / part, kb / part)
    with FakeBotApi() as fake, fresh_database(pg_server) as db:
        ports = [Replica({}, folder).port for _ in range(2)]
        nginx = Nginx(folder, ports)
        env = replica_env(
            fake.base_url, fake.token, db, folder, nginx.url, JIANFU_ADMIN_IDS=str(ADMIN),
            JIANFU_KB_ROOT=str(kb), JIANFU_WATCH_SECONDS="0.3", JIANFU_CLAIM_LEASE_SECONDS=LEASE,
        )  # fmt: skip
        replicas = [Replica(env, folder, port) for port in ports]
        try:  # whatever fails to start, nothing is left running
            for replica in replicas:
                replica.start()
            yield Cluster(fake, db, nginx, replicas, kb)
        finally:
            for replica in replicas:
                replica.stop()
            nginx.stop()
            shutil.rmtree(folder, ignore_errors=True)


async def get(url: str, verify: Path | bool = True) -> httpx.Response:
    async with httpx.AsyncClient(verify=tls(verify)) as c:
        return await c.get(url)


async def test_health_and_readiness(cluster: Cluster) -> None:
    """/healthz through nginx (TLS) and on each replica; /readyz names the KB it serves."""
    response = await get(cluster.nginx.url + "/healthz", cluster.nginx.cert)
    assert (response.status_code, response.text) == (200, "ok")
    versions = set()
    for replica in cluster.replicas:
        ready = await get(replica.url + "/readyz")
        assert ready.status_code == 200 and ready.text.startswith("ready kb=")
        versions.add(ready.text)
    assert len(versions) == 1  # the same knowledge base everywhere
    assert (await get(cluster.nginx.url + "/readyz", cluster.nginx.cert)).status_code == 404
    # Replicas never call setWebhook or setMyCommands: that is `jianfu webhook set`, once.
    assert not cluster.fake.calls_to("setWebhook") and not cluster.fake.calls_to("setMyCommands")


async def test_secret_is_required(cluster: Cluster) -> None:
    telegram = Telegram(cluster.nginx.cert)
    update = cluster.private("会太多怎么办", chat=5001)
    assert await telegram.post(cluster.hook, update, secret=None) == 401
    assert await telegram.post(cluster.hook, update, secret="wrong") == 403
    assert await telegram.post(cluster.direct(0), update, secret="wrong") == 403
    await telegram.close()
    assert cluster.sent_to(5001) == []


async def test_every_update_is_answered_once_however_often_it_comes(cluster: Cluster) -> None:
    """Each update sent to both replicas and twice through nginx, all at once: one answer."""
    telegram = Telegram(cluster.nginx.cert)
    chats = range(6001, 6013)
    updates = [cluster.private("检查组还看台账吗", chat) for chat in chats]
    await asyncio.gather(*(
        telegram.deliver(url, update)
        for update in updates
        for url in (cluster.direct(0), cluster.direct(1), cluster.hook, cluster.hook)
    ))  # fmt: skip
    await telegram.close()
    assert [len(cluster.sent_to(chat)) for chat in chats] == [1] * len(chats)
    claimed = cluster.sql(
        "SELECT count(*) FROM update_claims WHERE update_id = ANY(%s) AND done_at IS NOT NULL",
        [u["update_id"] for u in updates],
    )
    assert claimed == [(len(chats),)]


async def test_group_budget_is_shared(cluster: Cluster) -> None:
    """22 /ask in one group at once, spread over both replicas: 20 answered (the budget), one
    slow_down; later answers only as the budget refills (one per 3 s), never faster. Two
    budgets of their own would have answered all 22 at once."""
    telegram = Telegram(cluster.nginx.cert)
    group = -1009000001
    updates = [cluster.group("/ask 会太多怎么办", group) for _ in range(22)]
    began = time.time()  # before the budget's first use: refills are counted from no earlier
    await telegram.deliver_all([cluster.direct(0), cluster.direct(1)], updates)
    await telegram.close()
    sends = [c for c in cluster.fake.calls_to("sendMessage") if c.params["chat_id"] == group]
    answers = [c for c in sends if "请稍等" not in c.params["text"]]
    assert len(sends) - len(answers) == 1  # one slow_down (it may overtake the 20th answer)
    assert len(answers) >= 20
    for answered, call in enumerate(answers, 1):
        assert answered <= 20 + (call.at - began) / 3.0


async def test_flood_limit_and_retry_after_hold_every_replica(cluster: Cluster) -> None:
    """A 429 that one replica gets holds the other too; and together they keep to ~30/s."""
    fake, telegram = cluster.fake, Telegram(cluster.nginx.cert)
    fake.inject_fault("sendMessage", 429, retry_after=2)
    first = cluster.private("会太多怎么办", chat=7001)
    sending = asyncio.create_task(telegram.deliver(cluster.direct(0), first))
    faulted = await asyncio.to_thread(_wait, lambda: fake.faulted_calls)
    hit_at = faulted[0].at
    # Once replica 0 has recorded the hold, replica 1 must wait it out as well.
    await asyncio.to_thread(_wait, lambda: cluster.sql(
        "SELECT 1 FROM send_slots WHERE key = 'bot' AND next_at >= %s", hit_at + 3))  # fmt: skip
    await telegram.deliver(cluster.direct(1), cluster.private("会太多怎么办", chat=7002))
    await sending
    for chat in (7001, 7002):
        [call] = [c for c in fake.calls_to("sendMessage") if c.params["chat_id"] == chat]
        assert call.at >= hit_at + 2
    # 90 answers to 90 chats over both replicas: no faster than 30 a second after a burst
    # of 30 (two unshared limiters would take about half as long).
    chats = range(7100, 7190)
    updates = [cluster.private("会太多怎么办", chat) for chat in chats]
    await telegram.deliver_all([cluster.direct(0), cluster.direct(1)], updates)
    await telegram.close()
    times = sorted(c.at for c in fake.calls_to("sendMessage") if c.params["chat_id"] in chats)
    assert len(times) == 90
    assert times[-1] - times[0] >= (90 - 30) / 30 - 0.05


def _wait(found: Any, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


async def test_replica_killed_while_owing_answers_loses_nothing(cluster: Cluster) -> None:
    """15 questions in hand at replica 0 (their sends held at the Bot API), then SIGKILL:
    Telegram re-delivers them through nginx, replica 1 takes them over once the dead
    replica's claims run out, and every one is answered exactly once."""
    fake, telegram = cluster.fake, Telegram(cluster.nginx.cert, retry=0.3)
    victim = cluster.replicas[0]
    chats = range(8001, 8016)
    updates = [cluster.private("迎检材料还要准备吗", chat) for chat in chats]
    fake.hold("sendMessage")
    deliveries = [
        asyncio.create_task(telegram.deliver(cluster.direct(0), u, retry_url=cluster.hook))
        for u in updates
    ]
    await asyncio.to_thread(fake.wait_held, "sendMessage", 15)
    victim.signal(signal.SIGKILL)
    victim.proc.wait(10)  # type: ignore[union-attr]
    fake.release("sendMessage", deliver=False)  # what was in flight never reached Telegram
    attempts = await asyncio.gather(*deliveries)
    await telegram.close()
    assert all(a > 1 for a in attempts)  # none was acknowledged by the dead replica
    assert [len(cluster.sent_to(chat)) for chat in chats] == [1] * 15
    victim.start()  # back for the tests after this one
    assert victim.started_in > 0


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="stops the server's processes: only our own"
)
async def test_hung_database_does_not_delay_answers(cluster: Cluster) -> None:
    """PostgreSQL stopped (SIGSTOP on the postmaster and every backend of our database):
    answers keep coming, /readyz says 503; once it runs again, everything is logged."""
    telegram = Telegram(cluster.nginx.cert)
    pids = [pid for (pid,) in cluster.sql(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        " AND pid <> pg_backend_pid()")]  # fmt: skip
    postmaster = int(Path(f"/proc/{pids[0]}/stat").read_text().rsplit(")", 1)[1].split()[1])
    stopped = [postmaster, *pids]
    for pid in stopped:
        os.kill(pid, signal.SIGSTOP)
    try:
        chats = range(9001, 9009)
        updates = [cluster.private("工作群太多怎么办", chat) for chat in chats]
        await telegram.deliver_all([cluster.hook], updates)
        assert [len(cluster.sent_to(chat)) for chat in chats] == [1] * len(chats)
        for replica in cluster.replicas:
            assert (await get(replica.url + "/readyz")).status_code == 503
    finally:
        for pid in stopped:
            os.kill(pid, signal.SIGCONT)
    await telegram.close()
    for replica in cluster.replicas:
        await asyncio.to_thread(_wait, lambda r=replica: _ready(r))
    logged = await asyncio.to_thread(_wait, lambda: cluster.sql(
        "SELECT count(*) FROM questions WHERE question LIKE %s HAVING count(*) >= 8",
        "%工作群%"))  # fmt: skip
    assert logged == [(8,)]


def _ready(replica: Replica) -> bool:
    try:
        return httpx.get(replica.url + "/readyz").status_code == 200
    except httpx.TransportError:
        return False


async def test_kb_edit_converges_with_one_notice(cluster: Cluster) -> None:
    """An edit to the shared knowledge base: both replicas reload it, admins hear it once."""
    before = {(await get(r.url + "/readyz")).text for r in cluster.replicas}
    path = cluster.kb / FACTS
    text = path.read_text(encoding="utf-8")
    # Saved whole (write aside, rename), as editors and deploys do: a watcher looking at a
    # half-written file would rightly report that version as broken first.
    aside = cluster.kb.parent / "facts-edit.tmp"  # outside the watched folders
    aside.write_text(text.replace("title: ", "title: 新", 1), encoding="utf-8")
    os.replace(aside, path)

    def converged() -> bool:
        now = {httpx.get(r.url + "/readyz").text for r in cluster.replicas}
        return len(now) == 1 and now != before

    await asyncio.to_thread(_wait, converged)
    await asyncio.to_thread(_wait, lambda: cluster.sent_to(ADMIN))
    await asyncio.sleep(1.0)  # three more watcher passes: time for a second notice to show
    assert len(cluster.sent_to(ADMIN)) == 1
