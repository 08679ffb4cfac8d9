"""The `jianfu` command. Errors become one readable line here, at the edge, and a non-zero exit."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bot import __version__
from bot.devtools import arguments
from bot.errors import JianfuError, KBError, KBProblem
from bot.settings import Settings

if TYPE_CHECKING:  # the search stack loads only for the commands that need it
    from bot.answer.render import Reply
    from bot.answer.service import Service


def reply_json(reply: Reply, query: str) -> str:
    """The stable `ask --json` object (one line)."""
    result = reply.result
    matches = result.matches[:3] if result else ()
    payload = {
        "query": query,
        "answered": reply.answered,
        "reply": reply.text,
        "decision": reply.decision,
        "matches": [
            {"fact_id": m.fact.id, "score": m.score, "topic": m.fact.topic} for m in matches
        ],
        "facts": [f.id for f in reply.facts],
    }
    line = json.dumps(payload, ensure_ascii=False)
    # JSON leaves these raw, but they end a line for many readers: one answer, one line.
    return line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _from_argv(arg: str) -> str:
    """An argument as text: bytes that are not UTF-8 become U+FFFD, as on stdin."""
    try:
        return arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # not from undecodable bytes; normalize copes with the rest
        return arg


def _questions(args: argparse.Namespace, stdin: IO[Any]) -> Iterable[str]:
    if args.question:
        yield " ".join(_from_argv(a) for a in args.question)
        return
    # Bytes, split on LF only: whatever arrives, each line is one question and gets one answer.
    for raw in getattr(stdin, "buffer", stdin):
        if isinstance(raw, str):  # a text stream with no bytes beneath (embedding, tests)
            raw = raw.encode("utf-8", "surrogateescape")
        yield raw.removesuffix(b"\n").decode("utf-8", "replace")


def _service(settings: Settings) -> Service:
    from bot.answer.service import Service

    return Service(settings.kb_root, cache_dir=settings.cache_dir)


def _write(text: str) -> None:
    """Print one answer. A stdout that takes no more (`> file` on a full disk) is one line,
    not a traceback; stdout then points at /dev/null, so the exit's own flush fails no more."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        raise
    except OSError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise JianfuError(f"cannot write the answers: {exc.strerror or exc}") from None


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.answer.service import clean_question

    if not args.question and sys.stdin is None:  # started with stdin closed (`<&-`)
        raise JianfuError("no standard input to read questions from; give one as arguments")
    service = _service(args.settings)
    for question in _questions(args, sys.stdin):
        reply = service.ask(question)
        if args.json:
            _write(reply_json(reply, clean_question(question)))
        else:
            _write(reply.text + ("\n" if not args.question else ""))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """The terminal chat: what a private Telegram chat shows, commands and follow-ups too."""
    if sys.stdin is None:  # started with stdin closed (`<&-`)
        raise JianfuError("no standard input to chat on")
    service = _service(args.settings)
    if isinstance(sys.stdin, io.TextIOWrapper):  # bytes that are not UTF-8 become U+FFFD
        sys.stdin.reconfigure(errors="replace")
    print(service.text("chat_welcome"))
    while True:
        try:
            question = input("> ")
        except (EOFError, KeyboardInterrupt):
            print()
            break
        words = question.split()
        if not words:
            continue
        if words[0] in {"/quit", "/exit"}:
            break
        reply = None
        if words[0].startswith("/"):
            name = words[0][1:].partition("@")[0].lower()
            reply = service.command(name, words[1] if len(words) > 1 else "")
        if reply is None:
            reply = service.ask(question, chat_type="private", conversation="terminal")
        print(reply.text + "\n")
    print(service.text("chat_bye"))
    return 0


def _kb_check_failed(
    root: Path, problems: Sequence[KBProblem], warnings: Sequence[KBProblem], summary: str
) -> int:
    """`kb check`'s report of a failure: the root, each problem, each warning, a count."""
    print(f"jianfu kb check: {root}", file=sys.stderr)
    for problem in problems:
        print(f"  ✗ {problem}", file=sys.stderr)
    for warning in warnings:
        print(f"  ! {warning}", file=sys.stderr)
    print(f"{len(problems)} {summary}", file=sys.stderr)
    return 1


def cmd_kb_check(args: argparse.Namespace) -> int:
    from bot.kb import load_kb

    root = args.settings.kb_root
    try:
        kb = load_kb(root)
    except KBError as exc:
        return _kb_check_failed(
            root, exc.problems, exc.warnings, "problem(s); the knowledge base was not loaded."
        )
    # Each curated word read as a question is: one the reading changes can never match.
    from bot.search.matcher import Matcher
    from bot.search.wordcheck import check_words

    words = check_words(Matcher(kb, cache_dir=args.settings.cache_dir))
    if words.errors:
        return _kb_check_failed(
            root, words.errors, (*kb.warnings, *words.warnings),
            "curated word(s) can never match as written.",
        )  # fmt: skip
    print(
        f"ok: {len(kb.facts)} facts in {len(kb.topics)} topics from {len(kb.seeds)} seed(s); "
        f"every quote found verbatim in its seed; every curated word read as written"
    )
    for warning in (*kb.warnings, *words.warnings):
        print(f"  ! {warning}", file=sys.stderr)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.telegram.app import run_bot

    settings = args.settings
    if args.webhook_url:
        settings = replace(settings, webhook_url=args.webhook_url)
    return run_bot(
        settings, webhook=args.webhook, listen=args.listen, port=args.port,
        rate_limit=not args.no_rate_limit, replace_webhook=args.replace_webhook,
    )  # fmt: skip


def cmd_webhook(args: argparse.Namespace) -> int:
    from bot.telegram.webhook_admin import cmd_webhook as run_webhook_command

    if args.webhook_url:
        args.settings = replace(args.settings, webhook_url=args.webhook_url)
    return run_webhook_command(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.devtools.evaluate import run_eval

    return run_eval(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from bot.devtools.bench import run_bench

    return run_bench(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jianfu", description="减负助手 jianfu-bot")
    parser.add_argument("--version", action="version", version=f"jianfu {__version__}")
    parser.add_argument(
        "--kb-root", type=Path, default=None,
        help="folder holding responses/ and seeds/ (default: $JIANFU_KB_ROOT or the project)",
    )  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question (or one per line from stdin)")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("question", nargs="*", help="the question; omit to read stdin")
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser("chat", help="chat in the terminal, as in a private Telegram chat")
    chat.set_defaults(func=cmd_chat)

    run = sub.add_parser("run", help="run the Telegram bot")
    run.add_argument("--webhook", action="store_true", help="receive updates by webhook")
    run.add_argument("--listen", default="0.0.0.0", help="webhook: address to listen on")
    run.add_argument("--port", type=arguments.port, default=8443, help="webhook: port to listen on")
    run.add_argument("--webhook-url", default=None, help="webhook: public URL Telegram posts to")
    run.add_argument(
        "--no-rate-limit", action="store_true",
        help="do not throttle to Telegram's flood limits (benchmarks on a local Bot API only)",
    )  # fmt: skip
    run.add_argument(
        "--replace-webhook", action="store_true",
        help="polling: delete the bot's webhook if one is set (else refuse to start)",
    )  # fmt: skip
    run.set_defaults(func=cmd_run)

    hook = sub.add_parser("webhook", help="set, delete or show the bot's webhook (once per deploy)")
    hook_sub = hook.add_subparsers(dest="webhook_command", required=True)
    hook_set = hook_sub.add_parser(
        "set", help="setWebhook to TELEGRAM_WEBHOOK_URL with the secret; publish the menus"
    )
    hook_set.add_argument("--webhook-url", default=None, help="public URL Telegram posts to")
    hook_delete = hook_sub.add_parser("delete", help="deleteWebhook (back to long polling)")
    hook_delete.add_argument(
        "--drop-pending-updates", action="store_true", help="also drop undelivered updates"
    )
    hook_sub.add_parser("info", help="the webhook Telegram has: URL, pending updates, last error")
    hook.set_defaults(func=cmd_webhook, webhook_url=None)

    kb = sub.add_parser("kb", help="knowledge base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_sub.add_parser("check", help="validate responses/ and seeds/")
    check.set_defaults(func=cmd_kb_check)

    ev = sub.add_parser("eval", help="retrieval quality on the labelled questions")
    ev.add_argument("--questions", type=Path, default=None, help="labelled question file")
    ev.add_argument("--tune", action="store_true", help="search thresholds on the tuning half")
    ev.add_argument(
        "--errors",
        nargs="?",
        const="all",
        choices=("all", "tune", "test"),
        metavar="PART",
        help="list every miss, of one part only if given (tune: without seeing the test part)",
    )
    ev.add_argument(
        "--variants",
        default=None,
        metavar="NAMES",
        help="vary today's right answers with these generators (comma-separated) and report "
        "how many stay right",
    )
    ev.add_argument(
        "--save-sources",
        type=arguments.writable_file,
        default=None,
        metavar="FILE",
        help="write the questions this code gets right (or declines) today, the sources "
        "--variants varies, to FILE (a JSON list of texts) for --sources; with or without "
        "--variants",
    )
    ev.add_argument(
        "--sources",
        default=None,
        metavar="FILES",
        help="with --variants: vary exactly the labelled questions listed in every one of these "
        "files (comma-separated, written by --save-sources), not today's right answers; given "
        "the lists of two codes, both vary the same sources with the same partners and answer "
        "identical variants (each generator prints a digest of what it made)",
    )
    ev.add_argument(
        "--cached",
        action="store_true",
        help="rank each question once and keep the rankings under /tmp/jianfu-prepared, named "
        "by a digest of the knowledge base, the code and the question files; a later run with "
        "nothing changed concludes from them in seconds (same figures; the baselines, which rank "
        "afresh, are left out)",
    )
    ev.add_argument(
        "--calibrate",
        type=arguments.features,
        nargs="?",
        const=arguments.SAME_FEATURES,
        default=None,
        metavar="FEATURES",
        help="fit the answer model (search/calibrated.py) on the tune part's declines and "
        "doubts and print its features, coefficients, cut and tune-part figures (no test "
        "part); FEATURES: comma-separated names, by default those the model uses now; "
        "best with --cached",
    )
    ev.add_argument(
        "--fitted",
        action="store_true",
        help="conclude with the fitted answer model (calibrated.FITTED), which the bot does not "
        "use yet; with --variants, the variants of what the bot gets right today",
    )
    ev.set_defaults(func=cmd_eval)

    bench = sub.add_parser("bench", help="latency, build time, cold start and memory")
    bench.add_argument(
        "--sizes", type=arguments.sizes, default="1000,10000", help="synthetic KB sizes"
    )
    bench.add_argument(
        "--queries", type=arguments.whole_number(1), default=2000, help="queries per size"
    )
    bench.add_argument(
        "--start-facts", type=arguments.whole_number(0), default=10000,
        help="time process start with a synthetic KB of this many facts on disk (0: skip)",
    )  # fmt: skip
    bench.set_defaults(func=cmd_bench)

    try:
        from bot.questionlog.commands import add_log_commands
    except ImportError:  # storage is optional for the core commands
        pass
    else:
        add_log_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.settings = Settings.from_env(kb_root=args.kb_root)
        code: int = args.func(args)
    except KBError as exc:
        print(f"jianfu: {exc}", file=sys.stderr)
        return 1
    except JianfuError as exc:
        print(f"jianfu: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `jianfu ask ... | head` is fine
        return 0
    return code


if __name__ == "__main__":
    raise SystemExit(main())
