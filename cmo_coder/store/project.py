"""A project: one folder with a SQLite database, or one PostgreSQL database; an append-only audit log inside.

Every change goes through :meth:`Project.transaction`, which opens an immediate
transaction and hands back an :class:`Tx` that writes rows *and* their audit entries
together: either both land or neither does. The project holds only anonymised text
and study labels; identifying material belongs to :mod:`cmo_coder.store.secure`.
"""

from __future__ import annotations

import bisect
import contextlib
import getpass
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__, clock
from ..errors import CmoError, NotFound, ProjectBusy, ValidationFailed
from ..model import (
    Codebook,
    Coding,
    Configuration,
    ConfigurationMember,
    Participant,
    SourceFormat,
    Transcript,
    TranscriptKind,
    Turn,
)
from ..model.note import ProjectNote
from . import schema_pg
from .connect import connect_postgres, connect_sqlite, connect_sqlite_read_only
from .db import LOCK_TIMEOUT_MS, Database, DbError, IntegrityError, LockedError, Row
from .location import Location, parse
from .rows import damaged, json_cell, reading
from .schema import LATEST, migrate
from .secure import MARKER, PROJECT_DB


def current_actor() -> str:
    """Who is making a change: ``CMO_CODER_USER`` if set, else the login name."""
    return os.environ.get("CMO_CODER_USER") or getpass.getuser() or "unknown"


_connect_read_only = connect_sqlite_read_only

#: how long a change waits for another program's write (an import, a suggest run) to finish before
#: it is refused as busy: long enough for any ordinary change, short enough that nobody waits blindly
BUSY_TIMEOUT = LOCK_TIMEOUT_MS / 1000


def is_busy(exc: BaseException) -> bool:
    """Whether a database error only means that another connection holds a lock (either engine)."""
    if isinstance(exc, LockedError):
        return True
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def _connect(db: Path) -> Database:
    return connect_sqlite(db, timeout=BUSY_TIMEOUT)  # read at each call: tests shorten the wait


def busy_message(where: object) -> str:
    return (f"{where}: another program (or another coder's change) is writing to the project and did not finish "
            "in time; nothing was changed, try again in a moment")




def check_project_file(path: Path, db: Path) -> None:
    """Refuse anything that is not a cmo-coder database *before* SQLite may write into it.

    ``sqlite3.connect`` happily turns an empty file into a fresh database, and migrating it
    would make an empty file look like a project; so the file must not be empty, must be a
    SQLite database (SQLite itself says so when first read, see :meth:`Project.open`) and hold
    our ``meta`` table with a codebook.

    The file itself is never opened here, only looked at (``stat``, ``access``): closing any
    descriptor of a database file drops every POSIX lock this process holds on it, SQLite's
    included. Another program closing its connection would then find no other user, check the
    journal into the database and delete it under this process's open connections (a workbench
    serving other coders), whose next changes would go to a journal nobody else reads: lost.
    """
    if not path.exists():
        raise NotFound(f"{path} is not a cmo-coder project (no such folder); create one with 'cmo-coder init'")
    if not path.is_dir():
        raise CmoError(f"{path}: a file, not a project folder")
    if not db.exists():
        raise NotFound(f"{path} is not a cmo-coder project (no {PROJECT_DB}); create one with 'cmo-coder init'")
    if not db.is_file():
        raise CmoError(f"{db}: not a file; this is not a cmo-coder project")
    try:
        size = db.stat().st_size
    except OSError as exc:
        raise CmoError(f"{db}: cannot be read ({exc.strerror})") from None
    if not os.access(db, os.R_OK):
        raise CmoError(f"{db}: cannot be read (Permission denied)")
    if not size:
        raise CmoError(f"{db}: an empty file, not a project database (was the project copied incompletely?)")


def _check_is_project(conn: Database, db: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version < 1 or "meta" not in tables or "transcripts" not in tables:
        raise CmoError(f"{db}: a SQLite database, but not a cmo-coder project (no project tables)")
    if conn.execute("SELECT 1 FROM meta WHERE key = 'codebook'").fetchone() is None:
        raise CmoError(f"{db}: a SQLite database, but not a cmo-coder project (no codebook)")


def _pg_tables(conn: Database) -> set[str]:
    return set(conn.table_names())


def _check_is_pg_project(conn: Database, where: str) -> None:
    """A PostgreSQL database is a project when it has our tables and a codebook; and not of a newer schema."""
    tables = _pg_tables(conn)
    if not set(schema_pg.PROJECT_TABLES) <= tables:
        what = "an empty database" if not tables else "a database"
        raise CmoError(f"{where}: {what}, but not a cmo-coder project (no project tables); "
                       "create one with 'cmo-coder init --db URL'")
    from . import migrations

    revision = conn.execute("SELECT MAX(version_num) FROM alembic_version").fetchone()[0] \
        if "alembic_version" in tables else None
    if revision is not None and not migrations.known(str(revision)):
        raise CmoError(f"{where}: made by a newer cmo-coder: schema revision {revision!r}, which this cmo-coder "
                       f"does not know (it understands up to {migrations.head()!r}); upgrade cmo-coder")
    version = pg_schema_version(conn)
    if version > LATEST:
        raise CmoError(f"{where}: made by a newer cmo-coder: schema version {version}, newer than this cmo-coder "
                       f"understands ({LATEST}); upgrade cmo-coder")
    if conn.execute("SELECT 1 FROM meta WHERE key = 'codebook'").fetchone() is None:
        raise CmoError(f"{where}: a database, but not a cmo-coder project (no codebook)")


def pg_schema_version(conn: Database) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def is_writable(path: Path) -> bool:
    """Whether this process may change the project (its folder for the journal, and its file)."""
    return os.access(path, os.W_OK) and os.access(path / PROJECT_DB, os.W_OK)


@dataclass(frozen=True)
class TranscriptSummary:
    id: str
    title: str
    source_format: str
    kind: str
    status: str
    source_sha256: str
    normaliser_version: str
    characters: int | None
    turns: int
    codings: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Tx:
    """The write side of one transaction. Each method records its own audit entry."""

    def __init__(self, project: Project, actor: str) -> None:
        self.project = project
        self.conn = project.conn
        self.actor = actor

    def audit(self, action: str, entity: str, entity_id: str | None, detail: dict[str, Any] | None = None) -> None:
        self.conn.execute(
            "INSERT INTO audit (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (clock.now_iso(), self.actor, action, entity, entity_id, json.dumps(detail or {}, sort_keys=True)),
        )

    # -- participants ---------------------------------------------------------------------------
    def upsert_participant(self, p: Participant) -> None:
        old = self.project.participant(p.label, missing_ok=True)
        if old == p:
            return
        self.conn.execute(
            "INSERT INTO participants (label, role, site, attributes, provisional) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(label) DO UPDATE SET role=excluded.role, site=excluded.site, "
            "attributes=excluded.attributes, provisional=excluded.provisional",
            (p.label, p.role.value, p.site, json.dumps(p.attributes, sort_keys=True), int(p.provisional)),
        )
        self.audit("update" if old else "add", "participant", p.label, p.model_dump(mode="json"))

    # -- transcripts ----------------------------------------------------------------------------
    def add_pending_transcript(
        self, transcript_id: str, title: str, source_format: SourceFormat, kind: TranscriptKind,
        source_sha256: str, normaliser_version: str,
    ) -> None:
        """Register an imported transcript whose text is still identifiable (kept in the secure folder)."""
        now = clock.now_iso()
        position = self.conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM transcripts").fetchone()[0]
        self.conn.execute(
            "INSERT INTO transcripts (id, title, source_format, kind, text, source_sha256, normaliser_version, "
            "status, position, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, 'pending', ?, ?, ?)",
            (transcript_id, title, source_format.value, kind.value, source_sha256, normaliser_version,
             position, now, now),
        )
        self.audit("import", "transcript", transcript_id, {"sha256": source_sha256, "format": source_format.value})

    def replace_pending_transcript(self, transcript_id: str, source_sha256: str, normaliser_version: str) -> None:
        """A changed source file re-imported with ``--replace``; refused if codings would shift."""
        n = self.conn.execute("SELECT COUNT(*) FROM codings WHERE transcript_id = ?", (transcript_id,)).fetchone()[0]
        if n:
            raise CmoError(
                f"transcript {transcript_id} has {n} coding(s); replacing its text would shift them. "
                "Export and remove its codings first."
            )
        self.conn.execute("DELETE FROM turns WHERE transcript_id = ?", (transcript_id,))
        self.conn.execute(
            "UPDATE transcripts SET text = NULL, status = 'pending', source_sha256 = ?, normaliser_version = ?, "
            "updated_at = ? WHERE id = ?",
            (source_sha256, normaliser_version, clock.now_iso(), transcript_id),
        )
        self.audit("replace", "transcript", transcript_id, {"sha256": source_sha256})

    def sign_off_transcript(self, transcript: Transcript) -> None:
        """Store the anonymised text and its turns; from now on codings may point into it."""
        row = self.conn.execute("SELECT status FROM transcripts WHERE id = ?", (transcript.id,)).fetchone()
        if row is None:
            raise NotFound(f"no transcript {transcript.id!r} in the project")
        if any(t.speaker_name for t in transcript.turns):
            raise CmoError(f"transcript {transcript.id}: refusing to store speaker names in the project")
        n = self.conn.execute(
            "SELECT COUNT(*) FROM codings WHERE transcript_id = ?", (transcript.id,)
        ).fetchone()[0]
        if n:
            raise CmoError(f"transcript {transcript.id} already has {n} coding(s); its text cannot change")
        self.conn.execute("DELETE FROM turns WHERE transcript_id = ?", (transcript.id,))
        self.conn.execute(
            "UPDATE transcripts SET text = ?, title = ?, status = 'signed_off', updated_at = ? WHERE id = ?",
            (transcript.text, transcript.title, clock.now_iso(), transcript.id),
        )
        self.conn.executemany(
            'INSERT INTO turns (transcript_id, position, speaker, start, "end", start_time, end_time, flags) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (transcript.id, i, t.speaker, t.start, t.end, t.start_time, t.end_time, json.dumps(t.flags))
                for i, t in enumerate(transcript.turns)
            ],
        )
        self.audit("sign_off", "transcript", transcript.id, {"characters": len(transcript.text)})

    def add_document(self, transcript: Transcript) -> None:
        """A source that is not identifiable by nature (a published report): stored signed off at once."""
        self.add_pending_transcript(
            transcript.id, transcript.title, transcript.source_format, transcript.kind,
            transcript.source_sha256, transcript.normaliser_version,
        )
        self.sign_off_transcript(transcript)

    def remove_transcript(self, transcript_id: str) -> None:
        n = self.conn.execute("SELECT COUNT(*) FROM codings WHERE transcript_id = ?", (transcript_id,)).fetchone()[0]
        if n:
            raise CmoError(f"transcript {transcript_id} has {n} coding(s); remove them first")
        cur = self.conn.execute("DELETE FROM transcripts WHERE id = ?", (transcript_id,))
        if not cur.rowcount:
            raise NotFound(f"no transcript {transcript_id!r} in the project")
        self.audit("remove", "transcript", transcript_id)

    # -- codings --------------------------------------------------------------------------------
    def add_coding(self, coding: Coding) -> Coding:
        """Insert a coding after checking it against the codebook and the stored text."""
        self.project.validate_coding(coding)
        now = clock.now_iso()
        coding = coding.model_copy(
            update={"created_at": coding.created_at or _dt(now), "updated_at": coding.updated_at or _dt(now)}
        )
        try:
            self.conn.execute(
                'INSERT INTO codings (id, transcript_id, start, "end", text, pt, component, element, stance, coder, '
                "memo, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _coding_row(coding),
            )
        except IntegrityError as exc:
            if exc.unique:
                raise CmoError(f"coding {coding.id} already exists (same span, code and coder)") from None
            raise
        self.stamp_coded_against(coding.id)
        self.audit("add", "coding", coding.id, coding.model_dump(mode="json", exclude={"text"}))
        return coding

    def stamp_coded_against(self, coding_id: str) -> None:
        """Record that a coder has just coded (or confirmed) this coding against its PT's current version."""
        self.conn.execute(
            "UPDATE codings SET coded_pt = pt, coded_element = element, "
            "pt_version = (SELECT version FROM programme_theories WHERE id = codings.pt) WHERE id = ?",
            (coding_id,),
        )

    def update_coding(self, coding: Coding) -> Coding:
        old = self.project.coding(coding.id)
        self.project.validate_coding(coding, ignore_id=coding.id)
        coding = coding.model_copy(update={"created_at": old.created_at, "updated_at": _dt(clock.now_iso())})
        self.conn.execute(
            'UPDATE codings SET transcript_id=?, start=?, "end"=?, text=?, pt=?, component=?, element=?, stance=?, '
            "coder=?, memo=?, origin=?, created_at=?, updated_at=? WHERE id=?",
            (*_coding_row(coding)[1:], coding.id),
        )
        changed = {
            k: v for k, v in coding.model_dump(mode="json", exclude={"text", "updated_at"}).items()
            if v != old.model_dump(mode="json").get(k)
        }
        self.stamp_coded_against(coding.id)
        self.audit("edit", "coding", coding.id, changed)
        return coding

    def remove_coding(self, coding_id: str) -> None:
        used = [
            r[0] for r in self.conn.execute(
                "SELECT configuration_id FROM configuration_members WHERE coding_id = ?", (coding_id,)
            )
        ]
        if used:
            raise CmoError(f"coding {coding_id} is part of configuration(s) {', '.join(used)}; remove those first")
        cur = self.conn.execute("DELETE FROM codings WHERE id = ?", (coding_id,))
        if not cur.rowcount:
            raise NotFound(f"no coding {coding_id!r}")
        self.audit("remove", "coding", coding_id)

    # -- configurations -------------------------------------------------------------------------
    def add_configuration(self, config: Configuration) -> Configuration:
        self.project.validate_configuration(config)
        now = clock.now_iso()
        config = config.model_copy(
            update={"created_at": config.created_at or _dt(now), "updated_at": config.updated_at or _dt(now)}
        )
        try:
            self.conn.execute(
                "INSERT INTO configurations (id, pt, name, judgement, rationale, coder, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (config.id, config.pt, config.name, config.judgement.value if config.judgement else None,
                 config.rationale, config.coder, _iso(config.created_at), _iso(config.updated_at)),
            )
        except IntegrityError as exc:
            if exc.unique:
                raise CmoError(f"configuration {config.id} already exists") from None
            raise
        self.conn.executemany(
            "INSERT INTO configuration_members (configuration_id, coding_id, role, position) VALUES (?, ?, ?, ?)",
            [(config.id, m.coding_id, m.role.value, i) for i, m in enumerate(config.members)],
        )
        self.audit("add", "configuration", config.id, config.model_dump(mode="json"))
        return config

    def remove_configuration(self, config_id: str) -> None:
        cur = self.conn.execute("DELETE FROM configurations WHERE id = ?", (config_id,))
        if not cur.rowcount:
            raise NotFound(f"no configuration {config_id!r}")
        self.audit("remove", "configuration", config_id)

    # -- project-level notes --------------------------------------------------------------------
    def add_note(self, note: ProjectNote) -> ProjectNote:
        now = _dt(clock.now_iso())
        note = note.model_copy(update={"created_at": note.created_at or now, "updated_at": note.updated_at or now})
        try:
            self.conn.execute(
                "INSERT INTO notes (id, title, description, body, author, origin, created_at, updated_at, "
                "target_kind, target_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (note.id, note.title, note.description, note.body, note.author, note.origin.value,
                 _iso(note.created_at), _iso(note.updated_at),
                 note.target_kind.value if note.target_kind else None, note.target_id),
            )
        except IntegrityError:
            raise CmoError(f"note {note.id} already exists") from None
        self.audit("add", "note", note.id, note.model_dump(mode="json", exclude={"body"}))
        return note

    def update_note(self, note: ProjectNote) -> ProjectNote:
        """Rewrite a note's title and body (its target and origin stay); the audit keeps the old length."""
        old = self.project.note(note.id)
        if old is None:
            raise NotFound(f"no memo or note {note.id!r}")
        note = note.model_copy(update={"created_at": old.created_at, "updated_at": _dt(clock.now_iso())})
        self.conn.execute(
            "UPDATE notes SET title = ?, description = ?, body = ?, updated_at = ? WHERE id = ?",
            (note.title, note.description, note.body, _iso(note.updated_at), note.id),
        )
        self.audit("edit", "note", note.id, {"title": note.title, "characters": len(note.body)})
        return note

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _dt(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _iso(value: datetime | None) -> str:
    return (value or clock.now()).strftime("%Y-%m-%dT%H:%M:%SZ")


def _coding_row(c: Coding) -> tuple[Any, ...]:
    return (
        c.id, c.transcript_id, c.start, c.end, c.text, c.pt, c.component.value if c.component else None,
        c.element, c.stance.value, c.coder, c.memo, c.origin.value, _iso(c.created_at), _iso(c.updated_at),
    )


def _coding_from_row(r: Row, where: object) -> Coding:
    with reading(where, "codings", r["id"]):
        return Coding(
            id=r["id"], transcript_id=r["transcript_id"], start=r["start"], end=r["end"], text=r["text"], pt=r["pt"],
            component=r["component"], element=r["element"], stance=r["stance"], coder=r["coder"], memo=r["memo"],
            origin=r["origin"], created_at=_dt(r["created_at"]), updated_at=_dt(r["updated_at"]),
        )


def _fill_new(tx: Tx, codebook: Codebook) -> None:
    """A new project's first change: its metadata, codebook, programme theories (version 1) and audit entry."""
    tx.set_meta("created_at", clock.now_iso())
    tx.set_meta("created_with", f"cmo-coder {__version__}")
    tx.set_meta("codebook", codebook.model_dump_json())
    for i, pt in enumerate(codebook.programme_theories):
        tx.conn.execute(
            "INSERT INTO programme_theories (id, title, statement, position) VALUES (?, ?, ?, ?)",
            (pt.id, pt.title, pt.statement, i),
        )
        tx.conn.executemany(
            "INSERT INTO elements (id, pt, component, statement, tag, position) VALUES (?, ?, ?, ?, ?, ?)",
            [(e.id, pt.id, e.component.value, e.statement, e.tag, j) for j, e in enumerate(pt.elements)],
        )
        tx.conn.execute(  # version 1 of each PT: what later refinements are measured from
            "INSERT INTO pt_versions (pt, version, title, statement, elements, change, author, at) "
            "VALUES (?, 1, ?, ?, ?, 'initial', ?, ?)",
            (pt.id, pt.title, pt.statement,
             json.dumps([e.model_dump(mode="json") for e in pt.elements], ensure_ascii=False),
             tx.actor, clock.now_iso()),
        )
    tx.audit("create", "project", None, {"codebook": codebook.name, "version": codebook.version})


#: How a turn's speaker meets the participants: by its label, or as one member of a joint label
#: (``NOR-G02 & NOR-G04``, see :mod:`cmo_coder.ingest.group_speakers`). ``replace`` is the one substring test
#: SQLite and PostgreSQL share (``instr`` is SQLite's only; ``LIKE`` would read a label's ``_`` as any letter).
TURN_PARTICIPANT = ("(p.label = u.speaker OR replace((' & ' || u.speaker || ' & '), (' & ' || p.label || ' & '), '')"
                    " <> (' & ' || u.speaker || ' & '))")


class Project:
    """An open project. Use :meth:`create` or :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, conn: Database, location: Location | None = None) -> None:
        #: where the project's files live: its folder, or a local cache folder for a database project
        self.path = path
        self.location = location or Location(folder=path)
        self.conn = conn
        self._codebook: Codebook | None = None
        self._texts: dict[str, str] = {}
        self.read_only = False

    @property
    def ref(self) -> str:
        """How a command names this project: its folder, or its database URL *with* the password (for
        passing on, e.g. to a subprocess; never for printing, which uses ``location.display``)."""
        return self.location.url if self.location.url is not None else str(self.path)

    # -- lifecycle ------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str | Location, codebook: Codebook, actor: str | None = None) -> Project:
        """Create a new project: a folder, or an empty PostgreSQL database. Nothing is left behind if any
        step fails."""
        location = parse(path)
        if location.url is not None:
            return cls._create_postgres(location, codebook, actor)
        assert location.folder is not None
        path = location.folder
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise CmoError(f"{path} already exists and is not an empty folder; choose a new project folder")
        if (path.parent / MARKER).exists() or (path / MARKER).exists():
            raise CmoError(f"{path} is inside a secure folder; projects must live apart from identifying data")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
        except OSError as exc:
            file_in_way = isinstance(exc, (FileExistsError, NotADirectoryError))
            hint = "a part of the path is a file, not a folder" if file_in_way else "check the folder is writable"
            raise CmoError(f"cannot create the project {path}: {exc.strerror or exc} ({hint})") from None
        try:
            conn = _connect(staging / PROJECT_DB)
            migrate(conn)
            project = cls(staging, conn)
            with project.transaction(actor) as tx:
                _fill_new(tx, codebook)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            if path.exists():
                path.rmdir()
            os.replace(staging, path)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls.open(path)

    @classmethod
    def _create_postgres(cls, location: Location, codebook: Codebook, actor: str | None) -> Project:
        """The schema and the codebook in one transaction, into a database that must hold no tables yet."""
        assert location.url is not None
        conn = connect_postgres(location.url)
        try:
            if _pg_tables(conn):
                raise CmoError(f"{location}: the database is not empty; a new project needs an empty database "
                               "(or use 'cmo-coder db copy' to move a project into it)")
            conn.begin_schema()  # tables, triggers and the first change together, or nothing
            try:
                for statement in schema_pg.statements():
                    conn.execute(statement)
                project = cls(location.files_folder, conn, location)
                _fill_new(Tx(project, actor or current_actor()), codebook)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        except DbError as exc:
            conn.close()
            raise CmoError(f"{location}: cannot create the project ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return project

    @classmethod
    def open(cls, path: Path | str | Location, read_only: bool | None = None) -> Project:
        """Open an existing project; refuse anything that is not one, and never write while checking.

        ``read_only=True`` is for commands that only read: the connection cannot write, so a
        project on a read-only share or a write-protected copy can still be inspected.
        ``None`` opens read-only exactly when the project cannot be written here; a writing
        command then gets a clear refusal from :meth:`transaction` instead of a SQLite error.
        """
        location = parse(path)
        if location.url is not None:
            return cls._open_postgres(location, bool(read_only))
        assert location.folder is not None
        path = location.folder
        db = path / PROJECT_DB
        check_project_file(path, db)
        if read_only is None:
            read_only = not is_writable(path)
        try:
            if read_only:
                conn = _connect_read_only(db)
                try:
                    _check_is_project(conn, db)
                except CmoError:
                    conn.close()
                    raise
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version < LATEST:
                    conn.close()
                    raise CmoError(
                        f"{path}: the project uses schema version {version} and must be upgraded to {LATEST}, "
                        "which needs write access; open it once with a command that can write to it"
                    )
                migrate(conn)  # refuses a newer schema; writes nothing at the latest version
            else:
                probe = _connect_read_only(db)  # look before touching: _connect switches the journal mode
                try:
                    _check_is_project(probe, db)
                finally:
                    probe.close()
                conn = _connect(db)
                migrate(conn)
        except CmoError as exc:  # the schema check: name the project it concerns
            if str(exc).startswith(str(db)):
                raise
            raise CmoError(f"{db}: {exc}") from None
        except (sqlite3.DatabaseError, DbError) as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB or str(exc) == "file is not a database":
                raise CmoError(f"{db}: not a readable project database (not a SQLite file)") from None
            raise CmoError(f"{db}: not a readable project database ({exc})") from None
        project = cls(path, conn)
        project.read_only = read_only
        return project

    @classmethod
    def _open_postgres(cls, location: Location, read_only: bool) -> Project:
        assert location.url is not None
        conn = connect_postgres(location.url, read_only=read_only)
        try:
            _check_is_pg_project(conn, location.display)
        except DbError as exc:
            conn.close()
            raise CmoError(f"{location}: not a readable project database ({exc})") from None
        except BaseException:
            conn.close()
            raise
        project = cls(location.files_folder, conn, location)
        project.read_only = read_only
        return project

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Tx]:
        """One unit of change: all its rows and audit entries commit together or not at all."""
        if self.read_only:
            if self.location.is_postgres:
                raise CmoError(f"{self.location}: this command changes the project, but it was opened read-only")
            reason = "it cannot be written here" if not is_writable(self.path) else "it was opened read-only"
            raise CmoError(f"{self.path}: this command changes the project, but {reason} "
                           "(check the folder's and project.sqlite's permissions)")
        try:
            self.conn.begin_write()
        except (LockedError, DbError) as exc:
            if is_busy(exc):
                raise ProjectBusy(busy_message(self.location)) from None
            raise CmoError(f"{self.location}: the project cannot be changed now ({exc})") from None
        try:
            yield Tx(self, actor or current_actor())
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            self._texts.clear()
            raise
        self._texts.clear()

    @property
    def schema_version(self) -> int:
        if self.conn.is_postgres:
            return pg_schema_version(self.conn)
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def forget_cached(self) -> None:
        """Drop what this connection read and kept (the codebook, signed-off texts): another program
        committed a change, and the connection itself can stay open (see :meth:`Workbench.project`)."""
        self._codebook = None
        self._texts.clear()

    # -- codebook -------------------------------------------------------------------------------
    def forget_codebook(self) -> None:
        """Drop the cached codebook after a theory change rewrote it (read again on next use)."""
        self._codebook = None

    def coded_against(self) -> dict[str, tuple[str | None, str | None, int, str, str | None, int]]:
        """coding id → (PT, element and PT version it was coded against; its PT and element now, and
        that PT's current version)."""
        rows = self.conn.execute(
            "SELECT c.id, c.coded_pt, c.coded_element, c.pt_version, c.pt, c.element, p.version FROM codings c "
            "JOIN programme_theories p ON p.id = c.pt"
        )
        return {r[0]: (r[1], r[2], int(r[3]), r[4], r[5], int(r[6])) for r in rows}

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            raw = self.meta("codebook")
            if raw is None:
                raise CmoError(f"{self.location}: the project has no codebook")
            with reading(self.location, "meta", "codebook"):
                self._codebook = Codebook.model_validate_json(raw)
        return self._codebook

    # -- participants ---------------------------------------------------------------------------
    def participant(self, label: str, missing_ok: bool = False) -> Participant | None:
        r = self.conn.execute("SELECT * FROM participants WHERE label = ?", (label,)).fetchone()
        if r is None:
            if missing_ok:
                return None
            raise NotFound(f"no participant {label!r}")
        return _participant(r, self.location)

    def participants(self) -> list[Participant]:
        """The study's persons: the rows of members speaking together ("NOR-G02 & NOR-G04", which a joint turn's
        speaker needs) are left out, since a case, a matrix's row or a count of participants is a person."""
        return [p for r in self.conn.execute("SELECT * FROM participants ORDER BY label")
                if not (p := _participant(r, self.location)).joint]

    # -- transcripts ----------------------------------------------------------------------------
    def transcript_ids(self, status: str | None = None) -> list[str]:
        sql = "SELECT id FROM transcripts" + (" WHERE status = ?" if status else "") + " ORDER BY position"
        return [r[0] for r in self.conn.execute(sql, (status,) if status else ())]

    def transcript_status(self, transcript_id: str) -> str:
        r = self.conn.execute("SELECT status FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
        if r is None:
            raise NotFound(f"no transcript {transcript_id!r} in the project")
        return str(r[0])

    def transcript_by_sha(self, sha256: str) -> str | None:
        r = self.conn.execute("SELECT id FROM transcripts WHERE source_sha256 = ?", (sha256,)).fetchone()
        return r[0] if r else None

    def _signed_off_row(self, transcript_id: str, columns: str) -> Row:
        r = self.conn.execute(f"SELECT status, {columns} FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
        if r is None:
            raise NotFound(f"no transcript {transcript_id!r} in the project")
        if r["status"] != "signed_off":
            raise CmoError(
                f"transcript {transcript_id} is not signed off by anonymisation yet; run 'cmo-coder anonymise' "
                "and 'cmo-coder review --sign-off'"
            )
        return r

    def transcript(self, transcript_id: str) -> Transcript:
        """The anonymised, signed-off transcript (the only text the project holds)."""
        r = self._signed_off_row(transcript_id, "*")
        turns = []
        for t in self.conn.execute("SELECT * FROM turns WHERE transcript_id = ? ORDER BY position", (transcript_id,)):
            row = f"{transcript_id} turn {t['position']}"
            flags = json_cell(t["flags"], list, where=self.location, table="turns", row=row, column="flags")
            with reading(self.location, "turns", row):
                turns.append(Turn(speaker=t["speaker"], start=t["start"], end=t["end"], start_time=t["start_time"],
                                  end_time=t["end_time"], flags=flags))
        with reading(self.location, "transcripts", transcript_id):
            return Transcript(
                id=r["id"], title=r["title"], source_format=r["source_format"], kind=r["kind"], text=r["text"],
                turns=turns, source_sha256=r["source_sha256"], normaliser_version=r["normaliser_version"],
            )

    def signed_off_text(self, transcript_id: str) -> str:
        """The text alone, refused exactly as :meth:`transcript` refuses, without reading the turns."""
        return str(self._signed_off_row(transcript_id, "text")["text"])

    def turn_index_at(self, transcript_id: str, offset: int) -> int | None:
        """The position of the turn containing ``offset`` (as :meth:`Transcript.turn_at`), or None."""
        r = self.conn.execute(
            'SELECT position FROM turns WHERE transcript_id = ? AND start <= ? AND ? < "end" ORDER BY position LIMIT 1',
            (transcript_id, offset, offset),
        ).fetchone()
        return int(r[0]) if r else None

    def has_turns(self, transcript_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM turns WHERE transcript_id = ? LIMIT 1", (transcript_id,)).fetchone() \
            is not None

    def text(self, transcript_id: str) -> str:
        """The signed-off text alone, cached for the life of the current transaction."""
        if transcript_id not in self._texts:
            r = self.conn.execute("SELECT text, status FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
            if r is None:
                raise NotFound(f"no transcript {transcript_id!r} in the project")
            if r["status"] != "signed_off":
                raise CmoError(f"transcript {transcript_id} is not signed off by anonymisation; it cannot be coded")
            self._texts[transcript_id] = r["text"]
        return self._texts[transcript_id]

    def transcript_summaries(self) -> list[TranscriptSummary]:
        rows = self.conn.execute(
            "SELECT t.*, LENGTH(t.text) AS n, "
            "(SELECT COUNT(*) FROM turns u WHERE u.transcript_id = t.id) AS nturns, "
            "(SELECT COUNT(*) FROM codings c WHERE c.transcript_id = t.id) AS ncodings "
            "FROM transcripts t ORDER BY position"
        )
        return [
            TranscriptSummary(
                id=r["id"], title=r["title"], source_format=r["source_format"], kind=r["kind"], status=r["status"],
                source_sha256=r["source_sha256"], normaliser_version=r["normaliser_version"], characters=r["n"],
                turns=r["nturns"], codings=r["ncodings"],
            )
            for r in rows
        ]

    # -- codings --------------------------------------------------------------------------------
    def validate_coding(self, coding: Coding, ignore_id: str | None = None) -> None:
        """Check a coding against the codebook and the stored text; raise listing every problem."""
        problems = []
        cb = self.codebook
        if coding.pt not in cb.pt_ids:
            problems.append(f"unknown programme theory {coding.pt} (the codebook has {', '.join(cb.pt_ids)})")
        elif coding.element is not None and coding.element not in {e.id for e in cb.pt(coding.pt).elements}:
            known = ", ".join(e.id for e in cb.pt(coding.pt).elements) or "none"
            problems.append(f"unknown element {coding.element} (elements of {coding.pt}: {known})")
        try:
            coding.check_against(self.text(coding.transcript_id))
        except (ValueError, CmoError) as exc:
            problems.append(f"transcript {coding.transcript_id}: {exc}")
        if not problems:
            dup = self.conn.execute(
                'SELECT id FROM codings WHERE transcript_id = ? AND start < ? AND "end" > ? AND pt = ? '
                "AND component IS NOT DISTINCT FROM ? AND element IS NOT DISTINCT FROM ? AND stance = ? AND coder = ? "
                "AND id IS DISTINCT FROM ?",
                (coding.transcript_id, coding.end, coding.start, coding.pt,
                 coding.component.value if coding.component else None, coding.element, coding.stance.value,
                 coding.coder, ignore_id),
            ).fetchone()
            if dup:
                problems.append(
                    f"overlaps coding {dup[0]} by the same coder with the same code; edit that coding instead"
                )
        if problems:
            raise ValidationFailed(f"coding {coding.id} rejected", problems)

    def coding(self, coding_id: str) -> Coding:
        r = self.conn.execute("SELECT * FROM codings WHERE id = ?", (coding_id,)).fetchone()
        if r is None:
            raise NotFound(f"no coding {coding_id!r}")
        return _coding_from_row(r, self.location)

    def codings(
        self, *, transcript_id: str | None = None, pt: str | None = None, component: str | None = None,
        stance: str | None = None, coder: str | None = None, element: str | None = None,
        speaker: str | None = None, role: str | None = None, site: str | None = None,
    ) -> list[Coding]:
        """Codings in document order, filtered. Speaker, role and site filter by the turn a coding starts in."""
        where, args = [], []
        for column, value in (
            ("c.transcript_id", transcript_id), ("c.pt", pt), ("c.component", component), ("c.stance", stance),
            ("c.coder", coder), ("c.element", element),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if speaker or role or site:
            # a joint turn ("NOR-G02 & NOR-G04", two carers speaking together) is each member's: "what do carers
            # say" holds it, once, whichever members match
            wanted = [(column, value) for column, value in (("p.label", speaker), ("p.role", role), ("p.site", site))
                      if value is not None]
            where.append(
                'EXISTS (SELECT 1 FROM turns u JOIN participants p ON ' + TURN_PARTICIPANT
                + ' WHERE u.transcript_id = c.transcript_id AND u.start <= c.start AND c.start < u."end" AND '
                + " AND ".join(f"{column} = ?" for column, _ in wanted) + ")")
            args.extend(value for _, value in wanted)
        sql = (
            "SELECT c.* FROM codings c JOIN transcripts t ON t.id = c.transcript_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY t.position, c.start, c.\"end\", c.id"
        )
        return [_coding_from_row(r, self.location) for r in self.conn.execute(sql, args)]

    def speaker_at(self, transcript_id: str, offset: int) -> Participant | None:
        """The participant whose turn contains ``offset``: how a quote gets its attribution."""
        r = self.conn.execute(
            'SELECT p.* FROM turns u JOIN participants p ON p.label = u.speaker '
            'WHERE u.transcript_id = ? AND u.start <= ? AND ? < u."end"',
            (transcript_id, offset, offset),
        ).fetchone()
        return _participant(r, self.location) if r else None

    # -- configurations -------------------------------------------------------------------------
    def speakers_at(self, transcript_id: str, offsets: Iterable[int]) -> dict[int, Participant | None]:
        """:meth:`speaker_at` for many offsets of one transcript, reading its turns once (a listing of a
        thousand codings asked a thousand times)."""
        turns = [
            (r["turn_start"], r["turn_end"], _participant(r, self.location)) for r in self.conn.execute(
                'SELECT u.start AS turn_start, u."end" AS turn_end, p.* FROM turns u '
                "JOIN participants p ON p.label = u.speaker WHERE u.transcript_id = ? ORDER BY u.start, u.\"end\"",
                (transcript_id,),
            )
        ]
        starts = [t[0] for t in turns]
        found: dict[int, Participant | None] = {}
        for offset in offsets:
            # turns are in order and do not overlap: only the last one starting at or before the offset can hold it
            i = bisect.bisect_right(starts, offset) - 1
            found[offset] = turns[i][2] if i >= 0 and offset < turns[i][1] else None
        return found

    def validate_configuration(self, config: Configuration) -> None:
        problems = []
        if config.pt not in self.codebook.pt_ids:
            problems.append(f"unknown programme theory {config.pt}")
        for m in config.members:
            try:
                c = self.coding(m.coding_id)
            except NotFound as exc:
                problems.append(str(exc))
                continue
            if c.pt != config.pt:
                problems.append(f"coding {c.id} is coded to {c.pt}, not {config.pt}")
            if c.component is not None and c.component is not m.role:
                problems.append(f"coding {c.id} is a {c.component.value}, but is given the role {m.role.value}")
        if problems:
            raise ValidationFailed(f"configuration {config.name!r} rejected", problems)

    def configuration(self, config_id: str) -> Configuration:
        r = self.conn.execute("SELECT * FROM configurations WHERE id = ?", (config_id,)).fetchone()
        if r is None:
            raise NotFound(f"no configuration {config_id!r}")
        return self._configuration(r)

    def configurations(self, pt: str | None = None) -> list[Configuration]:
        sql = "SELECT * FROM configurations" + (" WHERE pt = ?" if pt else "") + " ORDER BY pt, name, id"
        return [self._configuration(r) for r in self.conn.execute(sql, (pt,) if pt else ())]

    def _configuration(self, r: Row) -> Configuration:
        with reading(self.location, "configurations", r["id"]):
            members = [
                ConfigurationMember(coding_id=m["coding_id"], role=m["role"])
                for m in self.conn.execute(
                    "SELECT * FROM configuration_members WHERE configuration_id = ? ORDER BY position", (r["id"],)
                )
            ]
            return Configuration(
                id=r["id"], pt=r["pt"], name=r["name"], members=members, judgement=r["judgement"],
                rationale=r["rationale"], coder=r["coder"], created_at=_dt(r["created_at"]),
                updated_at=_dt(r["updated_at"]),
            )

    # -- project-level notes and memos ----------------------------------------------------------
    def notes(self, target_kind: str | None = None, target_id: str | None = None,
              project_level: bool = False) -> list[ProjectNote]:
        """Notes in the order they were written; ``project_level`` keeps those attached to nothing."""
        where, args = [], []
        if project_level:
            where.append("target_kind IS NULL")
        for column, value in (("target_kind", target_kind), ("target_id", target_id)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        sql = "SELECT * FROM notes" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY created_at, id"
        return [_note(r, self.location) for r in self.conn.execute(sql, args)]

    def note(self, note_id: str) -> ProjectNote | None:
        r = self.conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        return _note(r, self.location) if r else None

    # -- reporting ------------------------------------------------------------------------------
    def audit_log(self, entity: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM audit" + (" WHERE entity = ?" if entity else "") + " ORDER BY seq"
        return [
            {**dict(r), "detail": json_cell(r["detail"], dict, where=self.location, table="audit",
                                            row=f"seq {r['seq']}", column="detail")}
            for r in self.conn.execute(sql, (entity,) if entity else ())
        ]

    def _damaged_count(self, table: str, where: str, args: tuple[Any, ...], what: str) -> None:
        """Refuse a row counted under something the codebook does not have (a programme theory or stance typed
        over): a count of it would be a count of nothing, and a lookup of it was an internal error."""
        row = self.conn.execute(f"SELECT id FROM {table} WHERE {where} LIMIT 1", args).fetchone()
        raise damaged(self.location, table, row[0] if row else "?", f"{what}, which the codebook does not have")

    def status(self) -> dict[str, Any]:
        """Counts an analyst wants at a glance; JSON-ready."""
        q = self.conn.execute
        per_pt = {
            pt: {"codings": 0, "supports": 0, "refutes": 0, "refines": 0, "configurations": 0}
            for pt in self.codebook.pt_ids
        }
        for r in q("SELECT pt, stance, COUNT(*) AS n FROM codings GROUP BY pt, stance"):
            if r["pt"] not in per_pt or r["stance"] not in per_pt[r["pt"]] or r["stance"] == "codings":
                self._damaged_count("codings", "pt = ? AND stance = ?", (r["pt"], r["stance"]),
                                    f"programme theory {r['pt']!r} and stance {r['stance']!r}")
            per_pt[r["pt"]]["codings"] += r["n"]
            per_pt[r["pt"]][r["stance"]] = r["n"]
        for r in q("SELECT pt, COUNT(*) AS n FROM configurations GROUP BY pt"):
            if r["pt"] not in per_pt:
                self._damaged_count("configurations", "pt = ?", (r["pt"],), f"programme theory {r['pt']!r}")
            per_pt[r["pt"]]["configurations"] = r["n"]
        statuses = dict(q("SELECT status, COUNT(*) FROM transcripts GROUP BY status").fetchall())
        roles = dict(q("SELECT role, COUNT(*) FROM participants GROUP BY role ORDER BY role").fetchall())
        return {
            "project": self.location.display,
            "schema_version": self.schema_version,
            "codebook": {"name": self.codebook.name, "version": self.codebook.version,
                         "programme_theories": len(self.codebook.programme_theories)},
            "transcripts": {"total": sum(statuses.values()), "signed_off": statuses.get("signed_off", 0),
                            "pending": statuses.get("pending", 0)},
            "participants": {"total": sum(roles.values()), "by_role": roles},
            "codings": q("SELECT COUNT(*) FROM codings").fetchone()[0],
            "configurations": q("SELECT COUNT(*) FROM configurations").fetchone()[0],
            "per_pt": per_pt,
        }


def _note(r: Row, where: object) -> ProjectNote:
    with reading(where, "notes", r["id"]):
        return ProjectNote(id=r["id"], title=r["title"], description=r["description"], body=r["body"],
                           author=r["author"], origin=r["origin"], created_at=_dt(r["created_at"]),
                           updated_at=_dt(r["updated_at"]), target_kind=r["target_kind"], target_id=r["target_id"])


def _participant(r: Row, where: object) -> Participant:
    attributes = json_cell(r["attributes"], dict, where=where, table="participants", row=r["label"],
                           column="attributes")
    with reading(where, "participants", r["label"]):
        return Participant(label=r["label"], role=r["role"], site=r["site"], attributes=attributes,
                           provisional=bool(r["provisional"]))


__all__ = ["LATEST", "Project", "TranscriptSummary", "Tx", "current_actor"]
