"""What one running workbench knows: the project, who is coding, and the sessions."""

from __future__ import annotations

import enum
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..store import Project
from ..store.db import DbError
from ..store.location import Location, parse
from ..store.project import PROJECT_DB
from .changes import GuardedProject
from .security import Sessions

#: what must be unchanged for a kept connection to be reused: the database file (same file, same
#: permissions), the folder's permissions (where SQLite writes its journal), and no commit by
#: another connection (``PRAGMA data_version``; on PostgreSQL a counter every writer bumps)
Identity = tuple[int, int, int, int, int]


@dataclass
class _Kept:
    project: GuardedProject
    identity: Identity
    schema: int
    busy: bool = False


class Freshness(enum.Enum):
    """What :meth:`Workbench._still_current` found about a kept connection."""

    CURRENT = "nothing changed"
    REFRESHED = "another program committed; what the connection had read was forgotten"
    STALE = "open afresh"


def _identity(project_path: Path | Location, data_version: int) -> Identity:
    location = parse(project_path)
    if location.folder is None:  # a database: no file to replace, only other writers' commits
        return (0, 0, 0, 0, data_version)
    db = os.stat(location.folder / PROJECT_DB)
    folder = os.stat(location.folder)
    return (db.st_dev, db.st_ino, db.st_mode, folder.st_mode, data_version)


def _data_version(project: Project) -> int:
    return project.conn.data_version()


def display_name(project_path: Path | Location) -> str:
    """The project's name on pages: the folder's name, or the database's name (never its URL, whose
    user and password are not for a page)."""
    location = parse(project_path)
    if location.folder is not None:
        return location.folder.name
    from sqlalchemy.engine import make_url

    try:
        return make_url(location.url or "").database or "project"
    except Exception:  # noqa: BLE001 - an unparseable URL was refused at opening; a name is enough here
        return "project"


@dataclass
class Workbench:
    #: the project folder, or (a team's shared project) its PostgreSQL :class:`Location`
    project_path: Path | Location
    coder: str
    secure_path: Path | None = None
    sessions: Sessions = field(default_factory=Sessions)
    _kept: threading.local = field(default_factory=threading.local, repr=False)

    @property
    def project_name(self) -> str:
        return display_name(self.project_path)

    @contextmanager
    def project(self) -> Iterator[Project]:
        """The project, with changes re-checked inside the write lock (:class:`GuardedProject`).

        Opening the project costs more than most requests (connecting, the schema check, reading
        the codebook, and closing, which checkpoints the journal), so each thread keeps its
        connection (SQLite connections stay in the thread that made them). It is reused while
        the project is where it was: after another program's commit (``data_version``) the
        connection stays and forgets what it had read (the codebook, texts); a replaced, moved or
        re-permissioned file or folder, a schema upgrade or a broken connection each mean a fresh
        open, which reports a vanished or unwritable project as before. A request nested inside another on the same
        thread gets a connection of its own.
        """
        kept: _Kept | None = getattr(self._kept, "value", None)
        if kept is not None and not kept.busy and self._still_current(kept) is not Freshness.STALE:
            kept.busy = True
            try:
                yield kept.project
            finally:
                kept.busy = False
                kept.project.precondition = None
            return
        if kept is not None and not kept.busy:
            self._kept.value = None
            kept.project.close()
        project = GuardedProject.open(self.project_path)
        assert isinstance(project, GuardedProject)  # ``open`` is a classmethod: it makes the subclass
        if kept is not None and kept.busy:  # nested: a separate connection, closed after use
            try:
                yield project
            finally:
                project.close()
            return
        kept = _Kept(project, _identity(self.project_path, _data_version(project)), project.schema_version, busy=True)
        self._kept.value = kept
        try:
            yield project
        finally:
            kept.busy = False
            project.precondition = None

    def _still_current(self, kept: _Kept) -> Freshness:
        """Whether the kept connection can serve this request: as it is, after forgetting what it read
        (another program committed, but the file, its permissions and the schema are as they were:
        reconnecting would cost more than the request, above all on PostgreSQL, where every coder's
        change is such a commit), or not at all (:attr:`Freshness.STALE`)."""
        try:
            if kept.project.conn.in_transaction:  # a change that did not end cleanly: start afresh
                return Freshness.STALE
            now = _identity(self.project_path, _data_version(kept.project))
            if now == kept.identity:
                return Freshness.CURRENT
            if now[:4] != kept.identity[:4] or kept.project.schema_version != kept.schema:
                return Freshness.STALE
        except (OSError, DbError):  # vanished file, closed or broken connection: open afresh
            return Freshness.STALE
        kept.project.forget_cached()
        kept.identity = now
        return Freshness.REFRESHED

    def close(self) -> None:
        """Close this thread's kept connection (the server calls this when it stops)."""
        kept: _Kept | None = getattr(self._kept, "value", None)
        if kept is not None and not kept.busy:
            self._kept.value = None
            kept.project.close()
