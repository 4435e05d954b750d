"""The project schema's history as Alembic revisions, run in-process (no alembic.ini in a user's folder).

One revision per historic schema step (``v1`` … ``v5``, the numbers SQLite projects kept in
``PRAGMA user_version``). Alembic works out the path from a database's revision to the newest and
writes the SQL of each step and of its ``alembic_version`` bookkeeping (its offline mode); the store
runs those statements itself on its own connection, inside one transaction, so a failed step leaves
the database exactly as it was. A project made before Alembic (a ``user_version``, no
``alembic_version``) is stamped at its revision in that same transaction. A revision this code does
not know means a newer cmo-coder made the database: refused, nothing changed.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent


def revision_for(version: int) -> str:
    """The revision of a historic schema version (``PRAGMA user_version``)."""
    return f"v{version}"


def _script() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(FOLDER))


def head() -> str:
    return str(_script().get_current_head())


def shipped() -> frozenset[str]:
    """The revisions of the files in ``versions/`` (``v5_users.py`` is revision ``v5``), read from their names."""
    return frozenset(p.name.split("_", 1)[0] for p in (FOLDER / "versions").glob("v*_*.py"))


def known(revision: str) -> bool:
    """Whether this code knows ``revision``. A revision it ships is known without Alembic. Why: every command
    opens its project, whose revision is one of these, and importing Alembic to say so took about 0.15 s of
    CPU time of each command's start (``tests/test_store_migrations_known.py`` checks the two answers agree)."""
    if revision in shipped():
        return True
    from alembic.util import CommandError

    try:
        return _script().get_revision(revision) is not None
    except CommandError:
        return False


class _Statements(io.StringIO):
    """Alembic's offline output, one statement per write; comments left out."""

    def __init__(self) -> None:
        super().__init__()
        self.statements: list[str] = []

    def write(self, text: str) -> int:
        statement = text.strip()
        if any(line.strip() and not line.strip().startswith("--") for line in statement.splitlines()):
            self.statements.append(statement)  # (Alembic's own "-- Running …" notes have no SQL)
        return len(text)


def upgrade_statements(dialect: str, start: str | None, target: str = "head") -> list[str]:
    """The SQL that takes a database at revision ``start`` (None: empty) to ``target``, version table included."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    script = _script()
    out = _Statements()

    def steps(rev: Any, context: Any) -> Any:
        return script._upgrade_revs(target, rev)  # the path from the database's revision to the target

    context = MigrationContext.configure(
        dialect_name=dialect,
        opts={"as_sql": True, "output_buffer": out, "starting_rev": start, "fn": steps, "script": script,
              "transactional_ddl": False},
    )
    with Operations.context(context):
        context.run_migrations()
    return out.statements
