"""Every setting, parsed once from the environment (and a few flags) at the composition root.

No other module reads os.environ: the CLI builds one Settings and passes it down, so a test
or a second process can run with other settings without touching the process environment.
Secrets (the bot token, the webhook secret, the pseudonym key) come only from the environment.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import ConfigError

DEFAULT_API = "https://api.telegram.org/bot"
DEFAULT_RETENTION_DAYS = 180
DEFAULT_WATCH_SECONDS = 5.0
DEFAULT_CLAIM_LEASE_SECONDS = 30.0
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


# The largest count a command line or an admin may give: it fits every database integer (and
# Python's timedelta in days); none larger is needed to mean "all".
MAX_WHOLE_NUMBER = 999_999_999


def is_whole_number(text: str, low: int, high: int) -> bool:
    """Digits only (no sign, no spaces, no ², which str.isdigit lets through to fail in int()),
    from `low` to `high`; the length is checked before int(), which raises past 4,300 digits."""
    return text.isdecimal() and len(text) <= len(str(high)) and low <= int(text) <= high


def project_root() -> Path:
    """The checkout this package lives in: its responses/ and seeds/ are the default KB."""
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    token: str = field(default="", repr=False)
    api_base_url: str = DEFAULT_API
    admin_ids: frozenset[int] = frozenset()
    webhook_url: str = ""
    webhook_secret: str = field(default="", repr=False)
    data_dir: Path = Path("data")
    database_url: str = field(default="", repr=False)  # may carry a password
    hash_key: str = field(default="", repr=False)
    retention_days: int = DEFAULT_RETENTION_DAYS
    watch_seconds: float = DEFAULT_WATCH_SECONDS
    cache_dir: Path | None = None  # None: no on-disk cache
    # How long a replica's claim on an update outlives the replica (renewed while it works).
    claim_lease_seconds: float = DEFAULT_CLAIM_LEASE_SECONDS
    kb_root: Path = field(default_factory=project_root)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, kb_root: Path | None = None
    ) -> Settings:
        """Read and check every variable; a bad value is one ConfigError naming it."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str:
            return env.get(name, "").strip()

        return cls(
            token=get("TELEGRAM_BOT_TOKEN"),
            api_base_url=get("TELEGRAM_API_BASE_URL") or DEFAULT_API,
            admin_ids=_admin_ids(get("JIANFU_ADMIN_IDS")),
            webhook_url=get("TELEGRAM_WEBHOOK_URL"),
            webhook_secret=get("TELEGRAM_WEBHOOK_SECRET"),
            data_dir=Path(get("JIANFU_DATA_DIR") or "data"),
            database_url=get("DATABASE_URL"),
            hash_key=get("JIANFU_HASH_KEY"),
            retention_days=_retention(get("JIANFU_RETENTION_DAYS")),
            watch_seconds=_watch_seconds(get("JIANFU_WATCH_SECONDS")),
            cache_dir=_cache_dir(get("JIANFU_CACHE_DIR"), get("XDG_CACHE_HOME")),
            claim_lease_seconds=_lease(get("JIANFU_CLAIM_LEASE_SECONDS")),
            kb_root=kb_root or Path(get("JIANFU_KB_ROOT") or project_root()),
        )

    def require_token(self) -> str:
        if not self.token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set (get a token from @BotFather)")
        return self.token

    def require_webhook(self) -> tuple[str, str]:
        """(url, secret) for webhook mode, checked."""
        url = self.webhook_url
        if not url.startswith(("https://", "http://")):
            raise ConfigError("--webhook needs --webhook-url or TELEGRAM_WEBHOOK_URL (https://…)")
        if not _SECRET.match(self.webhook_secret):
            raise ConfigError(
                "--webhook needs TELEGRAM_WEBHOOK_SECRET: 1-256 characters of A-Z a-z 0-9 _ -"
            )
        return url, self.webhook_secret


def _admin_ids(raw: str) -> frozenset[int]:
    ids = [part.strip() for part in raw.split(",") if part.strip()]
    if not all(re.fullmatch(r"-?\d{1,20}", i) for i in ids):
        raise ConfigError("JIANFU_ADMIN_IDS must be Telegram user ids separated by commas")
    return frozenset(int(i) for i in ids)


def _retention(raw: str) -> int:
    if not raw:
        return DEFAULT_RETENTION_DAYS
    if not is_whole_number(raw, 1, 100_000):
        raise ConfigError("JIANFU_RETENTION_DAYS must be a whole number of days ≥ 1")
    return int(raw)


def _watch_seconds(raw: str) -> float:
    if not raw:
        return DEFAULT_WATCH_SECONDS
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(
            "JIANFU_WATCH_SECONDS must be a number of seconds (0 to turn off)"
        ) from None
    if value != value:  # NaN
        raise ConfigError("JIANFU_WATCH_SECONDS must be a number of seconds (0 to turn off)")
    return max(value, 0.0)


def _lease(raw: str) -> float:
    if not raw:
        return DEFAULT_CLAIM_LEASE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 1.0 <= value <= 3600.0:  # also refuses NaN
        raise ConfigError("JIANFU_CLAIM_LEASE_SECONDS must be a number of seconds from 1 to 3600")
    return value


def _cache_dir(explicit: str, xdg: str) -> Path:
    """$JIANFU_CACHE_DIR, else $XDG_CACHE_HOME/jianfu, else ~/.cache/jianfu."""
    if explicit:
        return Path(explicit)
    return Path(xdg or Path.home() / ".cache") / "jianfu"
