"""Load benchmark (not a test): many private questions through the fake Bot API to the real bot.

    .venv/bin/python tests/load_bench.py [--questions 2000] [--users 200] [--rate 0]
                                         [--in-process] [--no-log]

By default the bot is a real `jianfu run --no-rate-limit` process (question log on, in a temp
JIANFU_DATA_DIR) and the fake Bot API runs here, so the two do not share one interpreter lock.
--in-process runs the same Application in this process instead. N questions from U users are
pushed at once (or --rate per second); reported: updates/s, and latency from the push to the
fake recording the answer's sendMessage (p50, p95, max).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from fake_bot_api import FakeBotApi
from telegram import Update

from bot.answer.service import Service
from bot.kb import load_kb
from bot.questionlog.store import open_storage
from bot.settings import Settings
from bot.telegram.app import build_application

OFF_TOPIC = ("明天天气怎么样", "股票涨不涨", "食堂几点开饭", "你好")
WARM_USER = 99


class TimedFakeBotApi(FakeBotApi):
    """Records when each sendMessage was handled, per chat, in arrival order."""

    def __init__(self) -> None:
        super().__init__()
        self.answered_at: dict[int, list[float]] = defaultdict(list)

    def _api_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        result = super()._api_sendMessage(p)
        self.answered_at[int(p["chat_id"])].append(time.perf_counter())
        return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def answers(fake: TimedFakeBotApi, count: int, timeout: float) -> None:
    """Poll our own tally: FakeBotApi.wait_for rescans every call under the fake's lock on
    each request, which at thousands of calls would slow the fake more than the bot."""
    deadline = time.perf_counter() + timeout
    while sum(len(times) for times in list(fake.answered_at.values())) < count:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{count} answers expected within {timeout:g} s")
        await asyncio.sleep(0.02)


async def push_and_wait(
    fake: TimedFakeBotApi, args: argparse.Namespace, questions: list[str]
) -> tuple[float, dict[int, list[float]]]:
    for question in questions:  # warm the bot's analyzer caches, as a running bot has them
        fake.push_private_message(question, user_id=WARM_USER)
    await answers(fake, len(questions), 120)
    fake.answered_at.clear()
    pushed_at: dict[int, list[float]] = defaultdict(list)
    users = [100_000 + i for i in range(args.users)]
    pairs = zip(itertools.cycle(users), itertools.cycle(questions), strict=False)
    started = time.perf_counter()
    for i, (user, question) in enumerate(itertools.islice(pairs, args.questions)):
        if args.rate:
            await asyncio.sleep(max(0.0, started + i / args.rate - time.perf_counter()))
        pushed_at[user].append(time.perf_counter())
        fake.push_private_message(question, user_id=user)
    await answers(fake, args.questions, args.timeout)
    return started, pushed_at


async def in_process(fake: TimedFakeBotApi, args: argparse.Namespace, data_dir: Path,
                     questions: list[str]) -> tuple[float, dict[int, list[float]]]:  # fmt: skip
    storage = None if args.no_log else open_storage(data_dir=data_dir)
    service = Service(None, storage, cache_dir=Settings.from_env().cache_dir)
    app = build_application(fake.token, service, base_url=fake.base_url, rate_limit=False)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, allowed_updates=Update.ALL_TYPES)
    try:
        return await push_and_wait(fake, args, questions)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        if storage is not None:
            storage.close()


async def as_process(fake: TimedFakeBotApi, args: argparse.Namespace, data_dir: Path,
                     questions: list[str]) -> tuple[float, dict[int, list[float]]]:  # fmt: skip
    jianfu = Path(sys.executable).with_name("jianfu")
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "JIANFU_DATA_DIR": str(data_dir),
    }
    log = (data_dir / "bot.log").open("w")
    prefix = os.environ.get("BENCH_PREFIX", "").split()  # e.g. a profiler
    proc = subprocess.Popen([*prefix, str(jianfu), "run", "--no-rate-limit"], env=env, stderr=log)
    try:
        return await push_and_wait(fake, args, questions)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"bot process CPU, start-up included: {used.ru_utime + used.ru_stime:.1f} s")
        warnings = [line for line in (data_dir / "bot.log").read_text().splitlines()
                    if " WARNING " in line or " ERROR " in line]  # fmt: skip
        print(f"bot log: {len(warnings)} warning/error lines", *warnings[:5], sep="\n  ")


async def bench(args: argparse.Namespace, data_dir: Path) -> None:
    questions = [q for f in load_kb().facts for q in f.questions] + list(OFF_TOPIC)
    fake = TimedFakeBotApi()
    fake.start()
    try:
        run = in_process if args.in_process else as_process
        started, pushed_at = await run(fake, args, data_dir, questions)
    finally:
        fake.stop()
    finished = max(t for times in fake.answered_at.values() for t in times)
    latencies = [
        (answered - pushed) * 1000
        for user, pushes in pushed_at.items()
        for pushed, answered in zip(pushes, fake.answered_at[user], strict=True)
    ]
    elapsed = finished - started
    mode = "in-process" if args.in_process else "`jianfu run` process"
    print(f"{args.questions} questions from {args.users} users, "
          f"{f'{args.rate:g}/s' if args.rate else 'one burst'}, {mode}, "
          f"question log {'off' if args.no_log else 'on'}")  # fmt: skip
    print(f"throughput  {args.questions / elapsed:.0f} updates/s ({elapsed:.2f} s in all)")
    print(
        f"latency ms  p50 {percentile(latencies, 0.5):.1f}  p95 {percentile(latencies, 0.95):.1f}"
        f"  max {max(latencies):.1f}  mean {statistics.fmean(latencies):.1f}"
    )
    here = resource.getrusage(resource.RUSAGE_SELF)
    print(f"this process (fake Bot API + pushing) CPU: {here.ru_utime + here.ru_stime:.1f} s")
    refused = [c.method for c in fake.rejected_calls if c.method != "getUpdates"]
    print(f"requests the fake refused: {len(refused)}")


def main() -> None:
    parser = argparse.ArgumentParser(description="load benchmark for the Telegram front end")
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--rate", type=float, default=0.0, help="questions per second; 0: burst")
    parser.add_argument("--in-process", action="store_true", help="run the bot in this process")
    parser.add_argument("--no-log", action="store_true", help="in-process: no question log")
    parser.add_argument("--timeout", type=float, default=600, help="give up after this long")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(bench(args, Path(tmp)))


if __name__ == "__main__":
    main()
