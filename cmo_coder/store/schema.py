"""The project database schema and its forward migrations.

``PRAGMA user_version`` records the schema version. Each migration is a script that
takes version N-1 to N; opening an older project applies the missing ones inside one
transaction, so a failed migration leaves the file exactly as it was.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..errors import CmoError

if TYPE_CHECKING:
    from .db import Database

V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE programme_theories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    statement TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE elements (
    id TEXT PRIMARY KEY,
    pt TEXT NOT NULL REFERENCES programme_theories(id),
    component TEXT NOT NULL CHECK (component IN
        ('context', 'mechanism_resource', 'mechanism_response', 'outcome')),
    statement TEXT NOT NULL,
    tag TEXT,
    position INTEGER NOT NULL
);

CREATE TABLE participants (
    label TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('staff', 'service_user', 'carer', 'facilitator')),
    site TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    provisional INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE transcripts (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source_format TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'transcript',
    -- NULL until anonymisation signs the transcript off: before that the text is identifiable
    -- and lives only in the secure folder.
    text TEXT,
    source_sha256 TEXT NOT NULL UNIQUE,
    normaliser_version TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'signed_off')),
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE turns (
    transcript_id TEXT NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    speaker TEXT NOT NULL REFERENCES participants(label),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    start_time REAL,
    end_time REAL,
    flags TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (transcript_id, position),
    CHECK (start >= 0 AND "end" >= start)
);

CREATE TABLE codings (
    id TEXT PRIMARY KEY,
    transcript_id TEXT NOT NULL REFERENCES transcripts(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    pt TEXT NOT NULL REFERENCES programme_theories(id),
    component TEXT CHECK (component IS NULL OR component IN
        ('context', 'mechanism_resource', 'mechanism_response', 'outcome')),
    element TEXT REFERENCES elements(id),
    stance TEXT NOT NULL CHECK (stance IN ('supports', 'refutes', 'refines')),
    coder TEXT NOT NULL,
    memo TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX codings_by_transcript ON codings(transcript_id, start);
CREATE INDEX codings_by_pt ON codings(pt);

CREATE TABLE configurations (
    id TEXT PRIMARY KEY,
    pt TEXT NOT NULL REFERENCES programme_theories(id),
    name TEXT NOT NULL,
    judgement TEXT CHECK (judgement IS NULL OR judgement IN ('confirm', 'refute', 'refine')),
    rationale TEXT,
    coder TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE configuration_members (
    configuration_id TEXT NOT NULL REFERENCES configurations(id) ON DELETE CASCADE,
    coding_id TEXT NOT NULL REFERENCES codings(id),
    role TEXT NOT NULL CHECK (role IN ('context', 'mechanism_resource', 'mechanism_response', 'outcome')),
    position INTEGER NOT NULL,
    PRIMARY KEY (configuration_id, coding_id)
);

-- Append-only: the triggers below refuse to rewrite history.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

# v2: codings remember how they came to be, and suggestions get a review queue.
V2 = """
ALTER TABLE codings ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual'
    CHECK (origin IN ('manual', 'table', 'markup', 'suggestion', 'refi_qda'));

CREATE TABLE suggestions (
    id TEXT PRIMARY KEY,
    transcript_id TEXT NOT NULL REFERENCES transcripts(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    component TEXT,
    pt TEXT REFERENCES programme_theories(id),
    confidence REAL NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    decided_by TEXT,
    decided_at TEXT,
    coding_id TEXT REFERENCES codings(id),
    created_at TEXT NOT NULL
);
CREATE INDEX suggestions_by_status ON suggestions(status, transcript_id);
"""

# v3: project-level notes (memos about the study as a whole), e.g. from a REFI-QDA project.
V3 = """
CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT,
    body TEXT NOT NULL,
    author TEXT,
    origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'refi_qda')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

# v4: programme theories are refined, not fixed. Each PT keeps every version it has had (who,
# when, why, on what evidence); a coding remembers the PT version and element it was coded
# against, so a later revision shows it as coded against an earlier version until a coder
# confirms or moves it. Retired PTs and elements stay as rows for the codings that name them
# in the audit log. Notes may be memos on a transcript, coding, PT or CMOC.
V4 = """
ALTER TABLE programme_theories ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE programme_theories ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE elements ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;

CREATE TABLE pt_versions (
    pt TEXT NOT NULL REFERENCES programme_theories(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    title TEXT NOT NULL,
    statement TEXT NOT NULL,
    elements TEXT NOT NULL DEFAULT '[]',
    retired INTEGER NOT NULL DEFAULT 0,
    change TEXT NOT NULL,
    rationale TEXT,
    evidence TEXT NOT NULL DEFAULT '[]',
    moves TEXT NOT NULL DEFAULT '{}',
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (pt, version)
);
INSERT INTO pt_versions (pt, version, title, statement, elements, change, author, at)
SELECT p.id, 1, p.title, p.statement,
       (SELECT COALESCE(json_group_array(json_object('id', e.id, 'component', e.component,
                        'statement', e.statement, 'tag', e.tag)), '[]')
          FROM (SELECT * FROM elements WHERE pt = p.id ORDER BY position) AS e),
       'initial', COALESCE((SELECT actor FROM audit WHERE action = 'create' AND entity = 'project'), 'unknown'),
       COALESCE((SELECT at FROM audit WHERE action = 'create' AND entity = 'project'), '1970-01-01T00:00:00Z')
FROM programme_theories AS p;

ALTER TABLE codings ADD COLUMN pt_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE codings ADD COLUMN coded_pt TEXT;
ALTER TABLE codings ADD COLUMN coded_element TEXT;
UPDATE codings SET coded_pt = pt, coded_element = element;

ALTER TABLE notes ADD COLUMN target_kind TEXT
    CHECK (target_kind IS NULL OR target_kind IN ('transcript', 'coding', 'pt', 'cmoc'));
ALTER TABLE notes ADD COLUMN target_id TEXT;
CREATE INDEX notes_by_target ON notes(target_kind, target_id);
"""

# v5: accounts for a team's server (``cmo-coder users``, ``serve`` with sign-in). A user's name is
# the coder name their codings carry. ``password_hash`` is an argon2id string, never a password;
# ``stamp`` changes whenever the password, the role or the account's state changes, and a browser
# session remembers the stamp it began with, so such a change ends the user's sessions.
# Portable SQL (booleans as 0/1, text ids and times) so the same step runs on PostgreSQL.
V5 = """
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('lead', 'coder', 'viewer')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    stamp TEXT NOT NULL,
    created_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
"""

MIGRATIONS: list[str] = [V1, V2, V3, V4, V5]
LATEST = len(MIGRATIONS)


def split(script: str) -> list[str]:
    """Statements of a script, keeping trigger bodies (which contain ';') whole."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    return statements


def migrate(conn: Database | sqlite3.Connection, target: int = LATEST) -> int:
    """Bring a SQLite project database to ``target``; returns the version it was at.

    The steps are the Alembic revisions in :mod:`cmo_coder.store.migrations` (one per version above).
    A project from before Alembic has only ``PRAGMA user_version``; it is stamped at that revision in
    the same transaction as its upgrade. Everything runs in one explicit transaction (DDL is
    transactional in SQLite), so an error leaves the previous version intact. ``user_version`` is kept
    in step, for older code reading it.
    """
    from . import migrations
    from .db import Database

    db = conn if isinstance(conn, Database) else Database(conn, "sqlite")
    current = int(db.execute("PRAGMA user_version").fetchone()[0])
    revision: str | None = None
    if "alembic_version" in db.table_names():
        revision = _recorded_revision(db, current)
        if not migrations.known(revision):
            raise CmoError(
                f"made by a newer cmo-coder: this project's schema is at revision {revision!r}, which this "
                f"cmo-coder does not know (it understands up to {migrations.head()!r}); upgrade cmo-coder"
            )
    if current > LATEST:
        raise CmoError(
            f"made by a newer cmo-coder: this project uses schema version {current}, newer than this cmo-coder "
            f"understands ({LATEST}); upgrade cmo-coder"
        )
    stamp = revision is None and current >= 1
    if current >= target and (not stamp or db.read_only):
        return current
    start = revision or (migrations.revision_for(current) if current >= 1 else None)
    statements = migrations.upgrade_statements("sqlite", start, migrations.revision_for(max(target, current)))
    db.execute("BEGIN IMMEDIATE")
    try:
        if stamp:  # made before Alembic: record the revision its user_version stands for
            db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                       "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
            db.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (start,))
        for statement in statements:
            db.execute(statement.rstrip().rstrip(";"))
        db.execute(f"PRAGMA user_version = {max(target, current)}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return current


DAMAGED = "the project database was damaged or edited by hand; restore project.sqlite from a backup"


def _recorded_revision(db: Database, version: int) -> str:
    """The one revision ``alembic_version`` records, refused where the table cannot be what migrations wrote.

    Why: every migration writes exactly one row, in the same transaction as ``PRAGMA user_version``. An emptied
    table was stamped again and failed as "table alembic_version already exists"; two rows let the first one read
    decide which upgrade to run on a schema already past it; a revision older than ``user_version`` says a step
    ran that the table does not know of. Each is a hand edit or damage, and migrating on a guess could harm it."""
    rows = [str(r[0]) for r in db.execute("SELECT version_num FROM alembic_version").fetchall()]
    if not rows:
        raise CmoError(f"the schema revision table (alembic_version) is empty, but the schema is at version "
                       f"{version}; {DAMAGED}")
    if len(rows) > 1:
        raise CmoError(f"the schema revision table (alembic_version) records {len(rows)} revisions "
                       f"({', '.join(repr(r) for r in sorted(rows))}), not one; {DAMAGED}")
    revision = rows[0]
    number = revision[1:] if revision.startswith("v") else ""
    if number.isascii() and number.isdigit() and int(number) < version <= LATEST:  # (newer: refused below)
        raise CmoError(f"the schema revision table (alembic_version) records {revision!r}, older than the schema's "
                       f"version {version} (PRAGMA user_version); {DAMAGED}")
    return revision
