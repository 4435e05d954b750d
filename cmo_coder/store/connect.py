"""Opening a connection on either engine, with the settings the store relies on.

SQLite: foreign keys ON, WAL, and ``mode=ro`` for read-only opening (``immutable`` where the folder
cannot be written). PostgreSQL: through SQLAlchemy's psycopg dialect, autocommit so that
:class:`~cmo_coder.store.db.Database` alone begins and ends transactions, a lock timeout for a
queued writer, and a read-only session for read-only opening.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import CmoError
from .db import LOCK_TIMEOUT_MS, Database, _pg_row_factory, connection_error, mask_url

#: how long to wait for a PostgreSQL server to answer before saying it cannot be reached
CONNECT_TIMEOUT_S = 5


def connect_sqlite(db: Path, timeout: float = LOCK_TIMEOUT_MS / 1000) -> Database:
    """A writable connection; a lock held by another connection is waited for ``timeout`` s, then refused."""
    conn = sqlite3.connect(db, isolation_level=None, timeout=timeout)  # we manage transactions explicitly
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return Database(conn, "sqlite")


def connect_sqlite_read_only(db: Path) -> Database:
    """A connection that cannot write, even by accident (``mode=ro``).

    In a folder we may not write to, SQLite cannot create the shared-memory file a WAL
    reader needs; the database is then opened ``immutable`` (nobody can be writing it
    there either, for the same reason).
    """
    folder_writable = os.access(db.parent, os.W_OK)
    uri = db.resolve().as_uri() + ("?mode=ro" if folder_writable else "?mode=ro&immutable=1")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return Database(conn, "sqlite", read_only=True)


def sqlalchemy_url(url: str) -> object:
    """The URL for SQLAlchemy with the psycopg (version 3) driver, whichever PostgreSQL spelling was given."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(url)
    except ArgumentError:
        raise CmoError(f"{mask_url(url)}: not a database URL (postgresql://user:password@host:port/database)") \
            from None
    if u.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return u.set(drivername="postgresql+psycopg")
    raise CmoError(f"{mask_url(url)}: unknown database scheme {u.drivername!r} (use postgresql://…)")


def connect_postgres(url: str, read_only: bool = False) -> Database:
    """Connect, or say in one line why not (unreachable, wrong password, no such database)."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.pool import NullPool

    engine = create_engine(sqlalchemy_url(url), poolclass=NullPool,  # type: ignore[call-overload]
                           connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "cmo-coder"})
    try:
        proxy = engine.raw_connection()
    except DBAPIError as exc:
        raise connection_error(url, exc.orig or exc) from None
    except Exception as exc:  # a malformed host or option: still one line
        raise connection_error(url, exc) from None
    raw = proxy.driver_connection
    assert raw is not None
    raw.autocommit = True
    raw.row_factory = _pg_row_factory
    db = Database(_Closing(raw, proxy), "postgresql", read_only=read_only)
    db.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
    if read_only:
        db.execute("SET default_transaction_read_only = on")
    return db


class _Closing:
    """The psycopg connection, closed through SQLAlchemy's proxy so the engine forgets it too."""

    def __init__(self, raw: object, proxy: object) -> None:
        self._raw = raw
        self._proxy = proxy

    def __getattr__(self, name: str) -> object:
        return getattr(self._raw, name)

    def close(self) -> None:
        self._proxy.close()  # type: ignore[attr-defined]
