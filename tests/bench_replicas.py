"""`make bench-replicas`: throughput and reply latency through nginx, 1 replica vs 2.

Everything on this machine, on loopback: a throwaway PostgreSQL, the fake Bot API, Debian's
nginx (deploy/nginx-jianfu.conf) and `jianfu run --webhook --no-rate-limit` replicas. A load
generator plays Telegram: it keeps --concurrency updates in flight through nginx (Telegram's
max_connections), each a question from its own private chat. Reply latency is from the POST
to the moment the fake Bot API receives that chat's sendMessage.

Usage: python tests/bench_replicas.py [--updates 1500] [--concurrency 64] [--replicas 1,2]
                                      [--facts 10000]
--facts serves a synthetic knowledge base of that many facts (as `jianfu bench` makes them);
each replica is started twice, and the second start, with the cache warm, is the one reported.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from fake_bot_api import FakeBotApi  # this script's folder is on sys.path
from pg_fixture import throwaway_postgres
from replicas import HOOK_PATH, Nginx, Replica, Telegram, fresh_database, replica_env

QUESTIONS = [
    "会太多怎么办",
    "检查组还看台账吗",
    "迎检材料还要准备吗",
    "工作群太多怎么办",
    "表格太多",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def drive(fake: FakeBotApi, url: str, cert: Path, updates: int, concurrency: int,
                first_chat: int) -> dict[str, float]:  # fmt: skip
    telegram = Telegram(cert, retry=0.05)
    payloads = []
    for i in range(updates):
        fake.push_private_message(QUESTIONS[i % len(QUESTIONS)], user_id=first_chat + i)
        payloads.extend(fake.take_updates())
    posted: dict[int, float] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(updates):
        queue.put_nowait(i)

    async def worker() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            posted[first_chat + i] = time.time()
            await telegram.deliver(url, payloads[i])

    began = time.time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    await telegram.close()
    sent = {
        c.params["chat_id"]: c.at
        for c in fake.calls_to("sendMessage")
        if first_chat <= c.params["chat_id"] < first_chat + updates
    }
    assert len(sent) == updates, f"{updates - len(sent)} updates got no answer"
    latencies = [(sent[chat] - posted[chat]) * 1000 for chat in posted]
    return {
        "throughput": updates / (max(sent.values()) - began),
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
    }


def synthetic_root(facts: int, folder: Path) -> dict[str, str]:
    if not facts:
        return {}
    from bot.devtools.bench import synthetic_kb, write_kb
    from bot.kb import load_kb

    write_kb(synthetic_kb(load_kb(), facts), folder / "kb")
    return {"JIANFU_KB_ROOT": str(folder / "kb")}


def run(count: int, args: argparse.Namespace, server: str, folder: Path) -> dict[str, float]:
    with FakeBotApi() as fake, fresh_database(server) as db:
        ports = [Replica({}, folder).port for _ in range(count)]
        nginx = Nginx(folder, ports)
        env = replica_env(fake.base_url, fake.token, db, folder, nginx.url,
                          JIANFU_CACHE_DIR=str(folder / "cache"),
                          **synthetic_root(args.facts, folder))  # fmt: skip
        replicas = [Replica(env, folder, port) for port in ports]
        try:  # whatever fails to start, nothing is left running
            Replica(env, folder).start().stop()  # fills the cache: what a restart finds
            for replica in replicas:
                replica.start("--no-rate-limit")
            url = nginx.url + HOOK_PATH
            asyncio.run(drive(fake, url, nginx.cert, 100, args.concurrency, 1_000_000))  # warm-up
            result = asyncio.run(
                drive(fake, url, nginx.cert, args.updates, args.concurrency, 2_000_000)
            )
            result["start_s"] = max(r.started_in for r in replicas)
            return result
        finally:
            for replica in replicas:
                replica.stop()
            nginx.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--updates", type=int, default=1500)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--replicas", default="1,2")
    parser.add_argument("--facts", type=int, default=0, help="synthetic KB size (0: the real one)")
    args = parser.parse_args()
    counts = [int(n) for n in args.replicas.split(",")]
    print(f"{args.updates} updates, {args.concurrency} in flight, through nginx, "
          f"flood limit off, {os.cpu_count()} CPUs")  # fmt: skip
    results: dict[int, dict[str, float]] = {}
    with throwaway_postgres() as server:
        for count in counts:
            folder = Path(tempfile.mkdtemp(prefix="jianfu-bench-"))
            try:
                results[count] = run(count, args, server, folder)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            r = results[count]
            print(f"{count} replica(s): {r['throughput']:7.1f} updates/s   "
                  f"p50 {r['p50']:6.1f} ms   p95 {r['p95']:6.1f} ms   "
                  f"(replica ready in {r['start_s']:.2f} s, warm cache)")  # fmt: skip
    if 1 in results and len(results) > 1:
        best = max(n for n in results if n > 1)
        ratio = results[best]["throughput"] / results[1]["throughput"]
        print(f"throughput ratio {best} vs 1 replica: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
