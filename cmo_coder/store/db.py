"""One connection API over two engines: SQLite (a project folder) and PostgreSQL (a database URL).

The store's SQL is written once, with ``?`` placeholders and ``row["col"]`` / ``row[0]`` access, in
the dialect both engines share. :class:`Database` runs it on either: on PostgreSQL the placeholders
become psycopg's, and rows are :class:`PgRow`, which read like :class:`sqlite3.Row`. Connections are
made by SQLAlchemy (its URL handling, its dialects' connect arguments); transactions are managed here,
explicitly, because both engines must give the same guarantee: one writer at a time, and a change's
rows and its audit entry committed together or not at all.

* SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock.
* PostgreSQL: ``BEGIN`` then a transaction-scoped advisory lock that every writer takes, so writers
  queue exactly as on SQLite (a read-then-write check such as the workbench's stale-edit refusal
  sees every earlier commit), while readers never wait (MVCC, like SQLite's WAL).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from ..errors import CmoError

#: the advisory lock every writing transaction on PostgreSQL takes (one project per database)
WRITE_LOCK_KEY = 0x636D6F  # "cmo"
#: how long a writer waits for another writer before giving up (SQLite's default busy timeout)
LOCK_TIMEOUT_MS = 5000


class DbError(sqlite3.DatabaseError):
    """A database error from either engine (the driver's message kept).

    The classes derive from :mod:`sqlite3`'s too, so code written when the store was SQLite alone
    (``except sqlite3.OperationalError``) still catches the same failures on both engines.
    """


class OperationalError(DbError, sqlite3.OperationalError):
    """The database could not do it (read-only, locked, gone)."""


class IntegrityError(DbError, sqlite3.IntegrityError):
    """A constraint refused a row; ``unique`` when it was a uniqueness constraint."""

    def __init__(self, message: str, unique: bool) -> None:
        super().__init__(message)
        self.unique = unique


class LockedError(OperationalError):
    """Another writer holds the write lock longer than we wait."""


class Row(Protocol):
    """What the store reads from a row, on both engines: by column name or position, and ``keys()``."""

    def __getitem__(self, key: Any) -> Any: ...

    def keys(self) -> list[str]: ...


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class PgRow:
    """A PostgreSQL row that behaves like :class:`sqlite3.Row`: ``row["col"]``, ``row[0]``, ``dict(row)``."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PgRow) and tuple(self._values) == tuple(other._values)

    def __hash__(self) -> int:
        return hash(tuple(self._values))

    def __repr__(self) -> str:
        return f"PgRow({dict(zip(self._index, self._values, strict=True))!r})"


def _pg_row_factory(cursor: Any) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    index = {column.name: i for i, column in enumerate(description)}
    return lambda values: PgRow(values, index)


_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")


@functools.lru_cache(maxsize=2048)
def to_pyformat(sql: str) -> str:
    """``?`` placeholders → ``%s`` (psycopg's), ``%`` → ``%%``; quoted text keeps its ``?`` as written."""

    def replace(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%") if token.startswith("'") else token

    return _TOKENS.sub(replace, sql)


class Database:
    """One open connection to a project database, on SQLite or PostgreSQL."""

    def __init__(self, raw: Any, dialect: str, read_only: bool = False) -> None:
        self.raw = raw
        self.dialect = dialect
        self.read_only = read_only
        self._in_tx = False
        self._own_commits = 0

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    # -- statements -----------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        try:
            if self.is_postgres:
                cur = self.raw.cursor()
                if params:
                    cur.execute(to_pyformat(sql), params)
                else:  # no parameters: psycopg reads the text as written (a '%' stays one)
                    cur.execute(sql)
                return cur
            return self.raw.execute(sql, params)
        except Exception as exc:
            raise self._translate(exc) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            if self.is_postgres:
                rows = list(rows)
                if rows:
                    with self.raw.cursor() as cur:
                        cur.executemany(to_pyformat(sql), rows)
                return
            self.raw.executemany(sql, rows)
        except Exception as exc:
            raise self._translate(exc) from exc

    def _translate(self, exc: Exception) -> Exception:
        """The driver's error as ours (same message), so callers catch one class on both engines."""
        if self.is_postgres:
            import psycopg

            if isinstance(exc, psycopg.errors.IntegrityError):
                return IntegrityError(str(exc), isinstance(exc, psycopg.errors.UniqueViolation))
            if isinstance(exc, (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled)):
                return LockedError(str(exc))
            if isinstance(exc, (psycopg.OperationalError, psycopg.errors.ReadOnlySqlTransaction)):
                return OperationalError(str(exc).strip())
            if isinstance(exc, psycopg.Error):
                return DbError(str(exc).strip())
            return exc
        if isinstance(exc, sqlite3.IntegrityError):
            return IntegrityError(str(exc), "UNIQUE" in str(exc))
        if isinstance(exc, sqlite3.OperationalError):
            return (LockedError if "locked" in str(exc) else OperationalError)(str(exc))
        if isinstance(exc, sqlite3.Error):
            return DbError(str(exc))
        return exc

    # -- transactions ---------------------------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        if self.is_postgres:
            return self._in_tx
        return bool(self.raw.in_transaction)

    def begin_write(self) -> None:
        """Start the one transaction of a change, holding the project's write lock until it ends."""
        if self.is_postgres:
            self.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            self._in_tx = True
            try:
                self.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK_KEY,))
                # "did another writer commit?" for the workbench: rolls back with the change
                self.execute("UPDATE change_counter SET n = n + 1")
            except BaseException:
                self.rollback()
                raise
            return
        self.execute("BEGIN IMMEDIATE")

    def begin_schema(self) -> None:
        """A transaction for schema changes (DDL is transactional on both engines)."""
        if self.is_postgres:
            self.execute("BEGIN")
            self._in_tx = True
            self.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK_KEY,))
            return
        self.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.execute("COMMIT")
        if self.is_postgres:
            self._in_tx = False
            self._own_commits += 1

    def rollback(self) -> None:
        try:
            self.execute("ROLLBACK")
        finally:
            self._in_tx = False

    def set_lock_timeout(self, ms: int) -> None:
        """How long :meth:`begin_write` waits for another writer before :class:`LockedError`."""
        if self.is_postgres:
            self.execute(f"SET lock_timeout = {int(ms)}")
        else:
            self.execute(f"PRAGMA busy_timeout = {int(ms)}")

    def data_version(self) -> int:
        """A number that changes when another connection commits a change (not when this one does)."""
        if self.is_postgres:
            n = int(self.execute("SELECT n FROM change_counter").fetchone()[0])
            return n - self._own_commits
        return int(self.execute("PRAGMA data_version").fetchone()[0])

    def table_names(self) -> list[str]:
        """The database's tables (on PostgreSQL: of the current schema), sorted."""
        if self.is_postgres:
            sql = ("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                   "AND table_type = 'BASE TABLE' ORDER BY table_name")
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        return [str(r[0]) for r in self.execute(sql)]

    def close(self) -> None:
        self.raw.close()


def _password_of(url: str) -> str | None:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).password
    except Exception:
        return None


def without_password(text: str, url: str) -> str:
    """``text`` with the URL's password replaced by ``***`` wherever it stands, as typed or
    percent-encoded: a driver's message may quote it (a database name pasted with the whole URL)."""
    password = _password_of(url)
    if not password:
        return text
    from urllib.parse import quote

    for form in {password, quote(password, safe=""), quote(quote(password, safe=""), safe="")}:
        text = text.replace(form, "***")
    return text


def mask_url(url: str) -> str:
    """The URL as it may be shown: any password replaced by ``***``."""
    try:
        from sqlalchemy.engine import make_url

        return without_password(make_url(url).render_as_string(hide_password=True), url)
    except Exception:  # not parseable: hide everything between '//' and '@'
        return re.sub(r"//[^@/]*@", "//***@", url)


def connection_error(url: str, exc: BaseException) -> CmoError:
    """One line for a PostgreSQL connection that failed: unreachable, refused, wrong password."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    message = without_password(message.replace(url, mask_url(url)), url)
    lowered = message.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        why = "wrong user name or password"
    elif "does not exist" in lowered and "database" in lowered:
        why = "no such database"
    elif "connection refused" in lowered or "timeout" in lowered or "could not translate" in lowered \
            or "no route" in lowered or "name or service not known" in lowered:
        why = "the server cannot be reached"
    else:
        why = "cannot connect"
    return CmoError(f"{mask_url(url)}: {why} ({message})")
