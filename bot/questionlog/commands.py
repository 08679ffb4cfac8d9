"""`jianfu log …`: what officials asked, what went unanswered and how answers were rated.

Read-only views of the question log for curators: they open it read-only, so they work on a
copy or a read-only mount, and they never create a log where none exists.
The log is found as the bot finds it: $DATABASE_URL, else SQLite in $JIANFU_DATA_DIR or ./data.
Errors are JianfuError subclasses; bot.cli turns them into one line and an exit code.
"""

from __future__ import annotations

import argparse
import csv
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from bot.errors import JianfuError
from bot.questionlog.store import open_configured
from bot.settings import MAX_WHOLE_NUMBER, is_whole_number


def _positive(text: str) -> int:
    """A count of rows or days, read as devtools/arguments.whole_number(1) reads one."""
    if not is_whole_number(text, 1, MAX_WHOLE_NUMBER):
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {MAX_WHOLE_NUMBER}, got {text[:20]!r}"
        )
    return int(text)


def _window(days: int | None) -> str:
    return f"last {days} days" if days else "all time"


def run_log_unanswered(args: argparse.Namespace) -> int:
    with closing(open_configured(args.settings, read_only=True)) as store:
        rows = store.top_unanswered(limit=args.limit, days=args.days)
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["question", "count"])
        writer.writerows(rows)
        return 0
    if not rows:
        print(f"No unanswered questions ({_window(args.days)}).")
        return 0
    print(f"Most asked unanswered questions, declined or only suggested ({_window(args.days)}):")
    width = len(str(rows[0][1]))
    for question, count in rows:
        print(f"  {count:>{width}}  {question}")
    return 0


def run_log_feedback(args: argparse.Namespace) -> int:
    with closing(open_configured(args.settings, read_only=True)) as store:
        rows = store.feedback(days=args.days)
    if args.csv:
        # One line per 👎 question (tidy for spreadsheets); a fact without any gets one line.
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["fact_id", "up", "down", "downvoted_question"])
        for row in rows:
            for question in row.downvoted or ("",):
                writer.writerow([row.fact_id or "", row.up, row.down, question])
        return 0
    if not rows:
        print(f"No feedback ({_window(args.days)}).")
        return 0
    print(f"Feedback by fact, most 👎 first ({_window(args.days)}):")
    for row in rows:
        print(f"  {row.fact_id or '(no fact)'}  👍 {row.up}  👎 {row.down}")
        for question in row.downvoted:
            print(f"      👎 {question}")
    return 0


def run_log_export(args: argparse.Namespace) -> int:
    with closing(open_configured(args.settings, read_only=True)) as store:
        if args.output is None:
            store.export_csv(sys.stdout, days=args.days)
            return 0
        try:
            # utf-8-sig: the byte-order mark lets Excel/WPS show the Chinese correctly.
            with args.output.open("w", encoding="utf-8-sig", newline="") as out:
                count = store.export_csv(out, days=args.days)
        except OSError as exc:
            raise JianfuError(f"cannot write {args.output}: {exc}") from exc
    print(f"wrote {count} question(s) to {args.output}", file=sys.stderr)
    return 0


def add_log_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register `log unanswered|feedback|export`; each sets `func` to its handler."""
    log = subparsers.add_parser("log", help="the anonymous question log (for curators)")
    log_sub = log.add_subparsers(dest="log_command", required=True)
    days_help = "only questions asked in the last D days (default: all kept)"

    unanswered = log_sub.add_parser("unanswered", help="most asked questions without an answer")
    unanswered.add_argument("--limit", type=_positive, default=20, metavar="N", help="rows")
    unanswered.add_argument("--days", type=_positive, default=None, metavar="D", help=days_help)
    unanswered.add_argument("--csv", action="store_true", help="CSV instead of text")
    unanswered.set_defaults(func=run_log_unanswered)

    feedback = log_sub.add_parser("feedback", help="👍/👎 per fact and the 👎 questions")
    feedback.add_argument("--days", type=_positive, default=None, metavar="D", help=days_help)
    feedback.add_argument("--csv", action="store_true", help="CSV instead of text")
    feedback.set_defaults(func=run_log_feedback)

    export = log_sub.add_parser("export", help="every logged question as CSV (no askers)")
    export.add_argument("--days", type=_positive, default=None, metavar="D", help=days_help)
    export.add_argument(
        "--output", type=Path, default=None, metavar="FILE",
        help="write to FILE (UTF-8 with BOM, for spreadsheets) instead of stdout",
    )  # fmt: skip
    export.set_defaults(func=run_log_export)
