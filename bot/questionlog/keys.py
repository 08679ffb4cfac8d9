"""The key behind the askers' pseudonyms, kept apart from the question log.

A pseudonym is a keyed hash of a Telegram user id, and user ids are short numbers: whoever holds
the key and a copy of the log can hash every possible id and read the askers back out. So the
key never sits in the database. It comes from JIANFU_HASH_KEY, or from a key file (mode 0600)
in the data folder, which SQLite creates on first use. PostgreSQL, shared by replicas on other
machines, needs the same key on each of them, so it never invents one: set JIANFU_HASH_KEY (or
copy one key file to every replica).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from bot.errors import ConfigError

KEY_FILENAME = "pseudonym.key"


def read_key_file(path: Path) -> str | None:
    """The key in `path`, or None when there is no such file."""
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the pseudonym key file {path}: {exc}") from exc
    if not key:
        raise ConfigError(f"the pseudonym key file {path} is empty; delete it or fill it")
    return key


def create_key_file(path: Path, key: str) -> str:
    """Write `key` to `path`, readable by its owner only; if another process got there first,
    its key wins, so everyone opening this log hashes alike."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(key + "\n")
        try:
            os.link(draft, path)  # appears whole or not at all, and never replaces a key
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    except OSError as exc:
        raise ConfigError(f"cannot create the pseudonym key file {path}: {exc}") from exc
    found = read_key_file(path)
    assert found is not None  # just linked, or linked by the process that won
    return found


def resolve_key(
    explicit: str | None, key_file: Path, *, may_create: bool, stored: str | None
) -> str:
    """The key to hash askers with: `explicit` (argument or JIANFU_HASH_KEY), else the key file;
    a new key file when `may_create`, seeded with the key an older version `stored` in the
    database so that pseudonyms stay the same."""
    if explicit:
        return explicit
    key = read_key_file(key_file)
    if key is not None:
        return key
    if may_create:
        return create_key_file(key_file, stored or secrets.token_hex(32))
    if stored:
        raise ConfigError(
            "the PostgreSQL question log still holds the pseudonym key (table settings,"
            " key 'pseudonym_key'); set JIANFU_HASH_KEY to that value on every replica, and the"
            " next start removes it from the database"
        )
    raise ConfigError(
        "a PostgreSQL question log needs JIANFU_HASH_KEY: one secret, the same on every replica,"
        f" so that they all hash askers alike (or a key file {KEY_FILENAME} in JIANFU_DATA_DIR);"
        " it is kept out of the database, so that a copy of the log cannot reveal who asked"
    )
