"""State shared by every replica on one database: update claims, budgets, send slots, marks.

All of it is short-lived coordination, kept beside the question log because the database is
the one thing replicas already share. Times are epoch seconds from the caller's clock (the
replicas' clocks are assumed synced, as NTP keeps them). Chats are keyed by the caller's
keyed hash, never by their raw id.

- Claims make an update handled exactly once: the first replica to claim an update_id owns
  it for a lease, renewed while it works; a finished claim answers every later delivery
  "done"; a claim whose owner died (lease ran out) can be taken over.
- Budgets are token buckets (a group's questions per minute).
- Send slots space requests: each caller reserves the next free moment for a key (the bot
  as a whole, one chat), so all replicas together keep to one rate; a 429 pushes a key's
  next free moment past its retry_after, for everyone.
- Marks record that one-time work was done (an admin notice for one KB version).
"""

from __future__ import annotations

import enum
import socket
import uuid
from dataclasses import dataclass

from bot.questionlog.database import Database

DONE_CLAIMS_KEPT = 26 * 3600.0  # Telegram re-delivers for up to a day: remember that long


class Claim(enum.Enum):
    MINE = "mine"  # handle it
    DONE = "done"  # already handled: acknowledge, do nothing
    BUSY = "busy"  # another live replica is handling it: ask Telegram to come back later


class Verdict(enum.Enum):
    ALLOW = "allow"
    WARN = "warn"  # over budget: tell the group once
    DROP = "drop"  # over budget and already told


@dataclass
class Bucket:
    """A token bucket's state; `take` is the one rule, in memory and in the database alike."""

    tokens: float
    updated: float
    warned: float | None = None

    def take(self, capacity: int, period: float, now: float) -> Verdict:
        refill = max(now - self.updated, 0.0) * capacity / period
        self.tokens = min(float(capacity), self.tokens + refill)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            self.warned = None  # the next time over budget deserves a notice again
            return Verdict.ALLOW
        if self.warned is None or now - self.warned >= period:
            self.warned = now
            return Verdict.WARN
        return Verdict.DROP


Spacing = tuple[str, float, int]  # key, seconds between requests, requests allowed at once


class LocalSlots:
    """SharedState.reserve and hold in memory: the fallback while the database is away."""

    def __init__(self) -> None:
        self._next: dict[str, float] = {}

    def reserve(self, spacing: list[Spacing], now: float) -> float:
        at = now
        for key, interval, burst in spacing:
            self._next[key] = max(self._next.get(key, 0.0), at) + interval
            at = max(at, self._next[key] - interval * burst)
        if len(self._next) > 10_000:  # forget keys whose moment has long passed
            self._next = {k: v for k, v in self._next.items() if v > now - 60}
        return at

    def hold(self, key: str, until: float, burst_window: float = 0.0) -> None:
        self._next[key] = max(self._next.get(key, 0.0), until + burst_window)


def replica_name() -> str:
    """Who owns a claim: host, process and a random part (a pid is reused after a restart)."""
    return f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"


class SharedState:
    """Coordination through `db`; every method is one short transaction (StorageError when
    the database fails; callers decide how to carry on without it)."""

    def __init__(self, db: Database, owner: str | None = None) -> None:
        self.db = db
        self.owner = owner or replica_name()

    # -- update claims -----------------------------------------------------------------------
    def claim(self, update_id: int, lease: float, now: float, sole: bool = False) -> Claim:
        """`sole`: no other live process can hold a claim (long polling: Telegram serves one
        getUpdates at a time), so another owner's unfinished claim is a dead one's."""
        db = self.db
        others = " OR update_claims.owner <> excluded.owner" if sole else ""
        with db.transaction(write=True) as cur:
            db.run(
                cur,
                "INSERT INTO update_claims (update_id, owner, lease_until) VALUES (?, ?, ?)"
                " ON CONFLICT (update_id) DO UPDATE"
                " SET owner = excluded.owner, lease_until = excluded.lease_until"
                " WHERE update_claims.done_at IS NULL"
                f" AND (update_claims.lease_until < ?{others})"
                " RETURNING owner",
                (update_id, self.owner, now + lease, now),
            )
            if cur.fetchone() is not None:
                return Claim.MINE
            db.run(cur, "SELECT done_at FROM update_claims WHERE update_id = ?", (update_id,))
            row = cur.fetchone()
        return Claim.DONE if row is not None and row[0] is not None else Claim.BUSY

    def finish(self, update_id: int, now: float) -> None:
        with self.db.transaction(write=True) as cur:
            self.db.run(
                cur,
                "UPDATE update_claims SET done_at = ? WHERE update_id = ? AND owner = ?",
                (now, update_id, self.owner),
            )

    def release(self, update_id: int) -> None:
        """Give an unfinished update back (shutting down): the next delivery handles it."""
        with self.db.transaction(write=True) as cur:
            self.db.run(
                cur,
                "DELETE FROM update_claims WHERE update_id = ? AND owner = ? AND done_at IS NULL",
                (update_id, self.owner),
            )

    def renew(self, lease: float, now: float) -> int:
        """Extend the lease of every update this replica is still handling."""
        with self.db.transaction(write=True) as cur:
            self.db.run(
                cur,
                "UPDATE update_claims SET lease_until = ? WHERE owner = ? AND done_at IS NULL",
                (now + lease, self.owner),
            )
            return cur.rowcount

    # -- budgets -----------------------------------------------------------------------------
    def take(self, key: str, capacity: int, period: float, now: float) -> Verdict:
        """One question from `key`'s budget of `capacity` per `period` seconds."""
        db = self.db
        with db.transaction(write=True) as cur:
            db.run(
                cur,
                "INSERT INTO budgets (key, tokens, updated) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO NOTHING",
                (key, float(capacity), now),
            )
            db.run(
                cur,
                f"SELECT tokens, updated, warned FROM budgets WHERE key = ?{db.for_update}",
                (key,),
            )
            tokens, updated, warned = cur.fetchone()
            bucket = Bucket(float(tokens), float(updated), warned)
            verdict = bucket.take(capacity, period, now)
            db.run(
                cur,
                "UPDATE budgets SET tokens = ?, updated = ?, warned = ? WHERE key = ?",
                (bucket.tokens, bucket.updated, bucket.warned, key),
            )
        return verdict

    # -- send slots --------------------------------------------------------------------------
    def reserve(self, spacing: list[Spacing], now: float) -> float:
        """The moment the caller may send, keeping to every (key, interval, burst) in turn:
        `burst` requests at once, then one per `interval` (a generic cell rate rule, where
        next_at is the key's theoretical arrival time). Each key's moment is not before the
        previous key's; returns the last."""
        db = self.db
        at = now
        with db.transaction(write=True) as cur:
            for key, interval, burst in spacing:
                db.run(
                    cur,
                    "INSERT INTO send_slots (key, next_at) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE"
                    f" SET next_at = {db.greatest}(send_slots.next_at, ?) + ?"
                    " RETURNING next_at",
                    (key, at + interval, at, interval),
                )
                at = max(at, float(cur.fetchone()[0]) - interval * burst)
        return at

    def hold(self, key: str, until: float, burst_window: float = 0.0) -> None:
        """Nobody sends for `key` before `until` (Telegram said retry_after), and no burst
        right after: pass the key's interval * burst as `burst_window`."""
        db = self.db
        with db.transaction(write=True) as cur:
            db.run(
                cur,
                "INSERT INTO send_slots (key, next_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
                f" SET next_at = {db.greatest}(send_slots.next_at, excluded.next_at)",
                (key, until + burst_window),
            )

    # -- one-time work -----------------------------------------------------------------------
    def mark_once(self, key: str, now: float) -> bool:
        """True for the first caller with `key`, False for everyone after."""
        with self.db.transaction(write=True) as cur:
            self.db.run(
                cur,
                "INSERT INTO once_marks (key, marked_at) VALUES (?, ?)"
                " ON CONFLICT (key) DO NOTHING",
                (key, now),
            )
            return cur.rowcount == 1

    def expire(self, now: float, marks_kept: float = 30 * 86400.0) -> int:
        """Forget finished claims Telegram can no longer re-deliver, idle budgets and slots."""
        removed = 0
        with self.db.transaction(write=True) as cur:
            for sql, cutoff in (
                ("DELETE FROM update_claims WHERE done_at < ?", now - DONE_CLAIMS_KEPT),
                # An unfinished claim this old was abandoned by a replica that died.
                ("DELETE FROM update_claims WHERE lease_until < ?", now - DONE_CLAIMS_KEPT),
                ("DELETE FROM budgets WHERE updated < ?", now - 86400.0),
                ("DELETE FROM send_slots WHERE next_at < ?", now - 3600.0),
                ("DELETE FROM once_marks WHERE marked_at < ?", now - marks_kept),
            ):
                self.db.run(cur, sql, (cutoff,))
                removed += max(cur.rowcount, 0)
        return removed

    def ping(self) -> None:
        """Raise StorageError unless the database answers."""
        with self.db.transaction() as cur:
            cur.execute("SELECT 1")
            cur.fetchone()
