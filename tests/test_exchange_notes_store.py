"""Schema v3: project-level notes, stored through a transaction and audited."""

from __future__ import annotations

import sqlite3

import pytest

from cmo_coder.errors import CmoError
from cmo_coder.model.note import ProjectNote
from cmo_coder.store import Project
from cmo_coder.store.schema import LATEST, migrate
from cmo_coder.store.secure import PROJECT_DB

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL


def test_notes_are_stored_audited_and_unique(project) -> None:
    with project.transaction("ann") as tx:
        tx.add_note(ProjectNote(id="n1", title="Diary", body="Day one.\nSite B visit.", author="ann"))
    (note,) = project.notes()
    assert (note.title, note.body, note.author, note.origin.value) == ("Diary", "Day one.\nSite B visit.", "ann",
                                                                       "manual")
    assert note.created_at is not None and project.note("n1") == note and project.note("nope") is None
    assert project.audit_log("note")[-1]["action"] == "add"
    with pytest.raises(CmoError, match="already exists"), project.transaction("ann") as tx:
        tx.add_note(ProjectNote(id="n1", title="Again", body=""))
    assert len(project.notes()) == 1


def test_version_2_project_gains_the_notes_table(tmp_path, tiny_codebook) -> None:
    (tmp_path / "s").mkdir()
    conn = sqlite3.connect(tmp_path / "s" / PROJECT_DB, isolation_level=None)
    migrate(conn, target=2)
    conn.execute("INSERT INTO meta VALUES ('codebook', ?)", (tiny_codebook.model_dump_json(),))
    conn.close()
    with Project.open(tmp_path / "s") as p:
        assert p.schema_version == LATEST and p.notes() == []
    conn = sqlite3.connect(tmp_path / "s" / PROJECT_DB, isolation_level=None)
    assert migrate(conn) == LATEST
