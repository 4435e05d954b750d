"""Moving a project between engines: every row of every project table, ids, times and audit log included.

The target must be new: a folder that does not exist yet (or is empty), or a database with no tables.
The copy runs in one transaction on the target, and before it commits, every table is read back from
the target and compared with the source row by row: a copy that is not exact is rolled back, so the
target is either an exact copy or untouched. The source is opened read-only.

What is not copied: the engine's own bookkeeping (SQLite's ``user_version``, PostgreSQL's
``schema_version`` and ``change_counter``: each target has its own at the same schema version), and
the local files beside a project (caches are rebuilt; a trained suggester is trained again).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CmoError
from . import schema_pg
from .connect import connect_postgres, connect_sqlite
from .db import Database, DbError
from .location import Location, parse
from .project import MARKER, PROJECT_DB, Project, _pg_tables
from .schema import LATEST, migrate

#: every project table, parents before children (foreign keys), with the columns that order its rows
TABLES: tuple[tuple[str, str], ...] = (
    ("meta", "key"),
    ("programme_theories", "id"),
    ("elements", "id"),
    ("participants", "label"),
    ("transcripts", "id"),
    ("turns", "transcript_id, position"),
    ("codings", "id"),
    ("configurations", "id"),
    ("configuration_members", "configuration_id, coding_id"),
    ("suggestions", "id"),
    ("notes", "id"),
    ("pt_versions", "rowid"),  # the order they were stored, which a copy keeps
    ("users", "name"),  # a team's accounts move with its project (hashes only, never a password)
    ("audit", "seq"),
)


#: columns one engine keeps for itself (PostgreSQL's stand-in for SQLite's implicit rowid)
ENGINE_COLUMNS = frozenset({"rowid"})


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    rows: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "rows": dict(self.rows)}


def table_rows(conn: Database, table: str, order: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """A table's columns and rows in key order (text columns compare byte-wise on both engines)."""
    keys = ", ".join(f'"{k.strip()}"' for k in order.split(","))
    columns = [c for c in _columns(conn, table) if c not in ENGINE_COLUMNS]
    names = ", ".join(f'"{c}"' for c in columns)
    rows = conn.execute(f'SELECT {names} FROM "{table}" ORDER BY {keys}').fetchall()
    return columns, [tuple(r) for r in rows]


def _columns(conn: Database, table: str) -> list[str]:
    if conn.is_postgres:
        return [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", (table,))]
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def dump(conn: Database) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every project table as (columns, rows): what a copy must reproduce exactly."""
    return {table: table_rows(conn, table, order) for table, order in TABLES}


def copy_project(source: Path | str | Location, target: Path | str | Location) -> CopyReport:
    """Copy the project at ``source`` into the new ``target``; see the module's docstring."""
    src, dst = parse(source), parse(target)
    if src == dst:
        raise CmoError(f"{dst}: the source and the target are the same project")
    with Project.open(src, read_only=True) as project:
        if project.schema_version != LATEST:
            raise CmoError(f"{src}: schema version {project.schema_version}; upgrade it first")
        data = dump(project.conn)
    if dst.url is not None:
        _into_postgres(dst, data)
    else:
        _into_folder(dst, data)
    return CopyReport(src.display, dst.display, {t: len(rows) for t, (_, rows) in data.items()})


def _write(conn: Database, data: dict[str, tuple[list[str], list[tuple[Any, ...]]]], where: str) -> None:
    """Insert every row, then read every table back and compare: inside the caller's transaction."""
    for table, (columns, rows) in data.items():
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    if conn.is_postgres:  # new audit entries continue after the copied ones
        conn.execute("SELECT setval(pg_get_serial_sequence('audit', 'seq'), COALESCE(MAX(seq), 0) + 1, false) "
                     "FROM audit")
    written = dump(conn)
    for table, (columns, rows) in data.items():
        if written[table] != (columns, rows):
            raise CmoError(f"{where}: the copy of table {table} does not read back exactly; nothing was written")


def _into_postgres(dst: Location, data: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> None:
    assert dst.url is not None
    conn = connect_postgres(dst.url)
    try:
        if _pg_tables(conn):
            raise CmoError(f"{dst}: the target database is not empty; copy into a new, empty database")
        conn.begin_schema()
        try:
            for statement in schema_pg.statements():
                conn.execute(statement)
            _write(conn, data, dst.display)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    except DbError as exc:
        raise CmoError(f"{dst}: the copy failed, nothing was written ({exc})") from None
    finally:
        conn.close()


def _into_folder(dst: Location, data: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> None:
    """Into a staging folder beside the target, renamed into place only when complete."""
    assert dst.folder is not None
    path = dst.folder
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise CmoError(f"{path}: the target already exists and is not an empty folder; copy into a new folder")
    if (path.parent / MARKER).exists():
        raise CmoError(f"{path} is inside a secure folder; projects must live apart from identifying data")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    except OSError as exc:
        raise CmoError(f"cannot create the project {path}: {exc.strerror or exc}") from None
    try:
        conn = connect_sqlite(staging / PROJECT_DB)
        try:
            migrate(conn)
            conn.begin_write()
            try:
                _write(conn, data, str(path))
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        if path.exists():
            path.rmdir()
        os.replace(staging, path)
    except DbError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise CmoError(f"{path}: the copy failed, nothing was written ({exc})") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
