"""Settings are read once, from the environment, and checked there: a bad value is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.settings import DEFAULT_API, DEFAULT_RETENTION_DAYS, Settings


def test_defaults_when_nothing_is_set(tmp_path: Path) -> None:
    settings = Settings.from_env({"HOME": str(tmp_path)})
    assert settings.api_base_url == DEFAULT_API
    assert settings.data_dir == Path("data")
    assert settings.database_url == "" and settings.hash_key == "" and settings.token == ""
    assert settings.retention_days == DEFAULT_RETENTION_DAYS
    assert settings.admin_ids == frozenset()
    assert settings.cache_dir is not None and settings.cache_dir.name == "jianfu"
    assert (settings.kb_root / "responses").is_dir()


def test_every_variable_is_read() -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
        "JIANFU_ADMIN_IDS": "1, 2,-3", "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
        "TELEGRAM_WEBHOOK_SECRET": "s3cret", "JIANFU_DATA_DIR": "/tmp/x",
        "DATABASE_URL": "postgresql:///jianfu", "JIANFU_HASH_KEY": "k1",
        "JIANFU_RETENTION_DAYS": "30", "JIANFU_WATCH_SECONDS": "0", "JIANFU_CACHE_DIR": "/tmp/c",
        "JIANFU_KB_ROOT": "/tmp/kb",
    }  # fmt: skip
    s = Settings.from_env(env)
    assert (s.token, s.api_base_url, s.admin_ids) == (
        "1:abc",
        env["TELEGRAM_API_BASE_URL"],
        {1, 2, -3},
    )
    assert s.require_webhook() == ("https://example.invalid/hook", "s3cret")
    assert (s.data_dir, s.database_url, s.hash_key) == (
        Path("/tmp/x"),
        "postgresql:///jianfu",
        "k1",
    )
    assert (s.retention_days, s.watch_seconds) == (30, 0.0)
    assert (s.cache_dir, s.kb_root) == (Path("/tmp/c"), Path("/tmp/kb"))
    assert "1:abc" not in repr(s) and "s3cret" not in repr(s) and "k1" not in repr(s)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("JIANFU_RETENTION_DAYS", "half a year"),
        ("JIANFU_RETENTION_DAYS", "0"),
        ("JIANFU_RETENTION_DAYS", "³"),  # a digit to str.isdigit, none to int(): a traceback
        # past int()'s 4,300 digits: its ValueError was a traceback, not the variable's name
        ("JIANFU_RETENTION_DAYS", "1" * 5000),
        ("JIANFU_WATCH_SECONDS", "soon"),
        ("JIANFU_WATCH_SECONDS", "nan"),
        ("JIANFU_ADMIN_IDS", "alice"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value})


def test_webhook_needs_url_and_secret() -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_URL"):
        Settings.from_env({}).require_webhook()
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings.from_env({"TELEGRAM_WEBHOOK_URL": "https://x.invalid/h"}).require_webhook()
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        Settings.from_env({}).require_token()


def test_only_settings_reads_the_environment() -> None:
    """Settings are parsed once at the composition root; no other module reads os.environ
    (the benchmark only passes the environment on to the processes it starts)."""
    bot = Path(__file__).resolve().parent.parent / "bot"
    readers = [
        str(path.relative_to(bot))
        for path in sorted(bot.rglob("*.py"))
        if (
            "os.environ" in path.read_text(encoding="utf-8")
            or "getenv" in path.read_text(encoding="utf-8")
        )
        and path.name != "settings.py"
    ]
    assert readers == ["devtools/bench.py"]
