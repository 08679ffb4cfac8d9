"""DATABASE_URL, read before any connection is tried: a URL psycopg cannot parse, or one whose
password holds an unencoded "@", is one clear error that never quotes the URL (it may hold a
password), and the options every connection adds to the URL's own."""

from __future__ import annotations

from typing import Any

from bot.errors import StorageError

BAD_URL = (
    "DATABASE_URL is not a PostgreSQL connection string (expected "
    "postgresql://user:password@host:port/dbname); not shown here, as it may hold a password"
)
AT_IN_PASSWORD = (
    "DATABASE_URL: its host holds an '@', so the password has one left as it is; write each "
    "'@' in the password as %40 (the URL is not shown here, as it holds a password)"
)


def connection_options(url: str, connect_timeout: int, statement_timeout_ms: int) -> dict[str, Any]:
    """Connection settings added to `url`'s own: timeouts, and a name in pg_stat_activity
    unless the URL gives one. Options the URL already sets (search_path …) are kept."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        given = conninfo_to_dict(url)
    except ProgrammingError:  # psycopg's message quotes the whole URL, password included
        raise StorageError(BAD_URL) from None
    # libpq splits user:password@host at the first "@": the rest of the password becomes the
    # host, which every failed connection then logs.
    if "@" in str(given.get("host") or ""):
        raise StorageError(AT_IN_PASSWORD)
    options = f"{given.get('options') or ''} -c statement_timeout={statement_timeout_ms}"
    return {
        "connect_timeout": connect_timeout,
        "options": options.strip(),
        "application_name": given.get("application_name") or "jianfu",
    }
