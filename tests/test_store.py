"""The project store: round trips, transactions, the audit log, migrations, privacy rules."""

from __future__ import annotations

import sqlite3

import pytest

from cmo_coder.errors import CmoError, NotFound, PrivacyError, ProjectBusy, ValidationFailed
from cmo_coder.model import Coding, Configuration, Participant, Transcript, Turn
from cmo_coder.store import Project, SecureFolder
from cmo_coder.store.db import DbError
from cmo_coder.store.schema import LATEST, migrate
from cmo_coder.store.secure import PROJECT_DB

pytestmark = pytest.mark.engines  # every test using the engine (or a project) runs on SQLite and PostgreSQL

SAID = "We never had a joint assessment before the pathway came in."


def _coding(t, quote, **kw):
    start = t.text.index(quote)
    base = dict(id=f"c-{start}", transcript_id=t.id, start=start, end=start + len(quote), text=quote, pt="PT1",
                coder="ann")
    base.update(kw)
    return Coding(**base)


def test_create_and_reopen(new_location, tiny_codebook, engine):
    path = new_location("study")
    Project.create(path, tiny_codebook, actor="ann").close()
    with Project.open(path) as p:
        assert p.codebook == tiny_codebook
        assert p.schema_version == LATEST
        assert [e["action"] for e in p.audit_log()] == ["create"]
        assert p.audit_log()[0]["actor"] == "ann"
    if engine == "postgresql":
        with pytest.raises(CmoError, match="the database is not empty"):
            Project.create(path, tiny_codebook)
        return
    assert sorted(x.name for x in path.iterdir() if not x.name.startswith(PROJECT_DB + "-")) == [PROJECT_DB]


def test_create_refuses_non_empty_folder_and_leaves_nothing(tmp_path, tiny_codebook):
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "notes.txt").write_text("mine")
    with pytest.raises(CmoError, match="not an empty folder"):
        Project.create(tmp_path / "study", tiny_codebook)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study"]
    assert [p.name for p in (tmp_path / "study").iterdir()] == ["notes.txt"]


def test_open_missing_and_corrupt(tmp_path):
    with pytest.raises(NotFound, match="not a cmo-coder project"):
        Project.open(tmp_path)
    (tmp_path / PROJECT_DB).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CmoError, match="not a readable project database"):
        Project.open(tmp_path)


def test_codings_round_trip_with_attribution(project, add_transcript):
    t = add_transcript("t1", [("SP1", "staff", "A", SAID), ("P2", "carer", "B", "It helped my son a lot.")])
    with project.transaction("ann") as tx:
        c = tx.add_coding(_coding(t, "joint assessment", component="mechanism_resource", memo="key"))
    assert project.coding(c.id) == c
    assert project.codings(pt="PT1") == [c]
    assert project.codings(role="staff") == [c]
    assert project.codings(role="carer") == []
    assert project.speaker_at("t1", c.start).attribution == "SP1, Case Study A"
    entry = project.audit_log("coding")[0]
    assert entry["actor"] == "ann" and entry["entity_id"] == c.id and "text" not in entry["detail"]


def test_a_failed_transaction_writes_nothing(project, add_transcript):
    t = add_transcript("t1", [("SP1", "staff", "A", SAID)])
    before = len(project.audit_log())
    with pytest.raises(ValidationFailed), project.transaction() as tx:
        tx.add_coding(_coding(t, "joint assessment"))
        tx.add_coding(_coding(t, "pathway", pt="PT9"))  # unknown PT: the whole transaction goes
    assert project.codings() == []
    assert len(project.audit_log()) == before


def test_invalid_codings_are_refused_with_every_problem(project, add_transcript):
    t = add_transcript("t1", [("SP1", "staff", "A", SAID)])
    good = _coding(t, "joint assessment")
    with pytest.raises(ValidationFailed) as info, project.transaction() as tx:
        tx.add_coding(good.model_copy(update={"pt": "PT7", "start": good.start + 1, "end": good.end + 1}))
    assert "unknown programme theory PT7" in str(info.value)
    assert "reads 'oint assessment '" in str(info.value)
    with pytest.raises(ValidationFailed, match="unknown element PT1.O2"), project.transaction() as tx:
        tx.add_coding(_coding(t, "joint assessment", element="PT1.O2"))
    with project.transaction() as tx:
        tx.add_coding(good)
    with pytest.raises(ValidationFailed, match="overlaps coding"), project.transaction() as tx:
        tx.add_coding(_coding(t, "a joint", id="other"))


def test_configuration_rules(project, add_transcript):
    t = add_transcript("t1", [("SP1", "staff", "A", SAID)])
    with project.transaction() as tx:
        c = tx.add_coding(_coding(t, "joint assessment", component="mechanism_resource"))
        o = tx.add_coding(_coding(t, "pathway came in", component="outcome"))
        other = tx.add_coding(_coding(t, "We never had", pt="PT2", component="outcome"))
        tx.add_configuration(Configuration(id="k1", pt="PT1", name="A1", coder="ann", judgement="confirm",
                                           members=[{"coding_id": c.id, "role": "mechanism_resource"},
                                                    {"coding_id": o.id, "role": "outcome"}]))
    assert project.configurations("PT1")[0].members[1].coding_id == o.id
    with pytest.raises(ValidationFailed) as info, project.transaction() as tx:
        tx.add_configuration(Configuration(id="k2", pt="PT1", name="bad", coder="ann",
                                           members=[{"coding_id": c.id, "role": "context"},
                                                    {"coding_id": other.id, "role": "outcome"}]))
    assert "is a mechanism_resource, but is given the role context" in str(info.value)
    assert f"coding {other.id} is coded to PT2, not PT1" in str(info.value)
    with pytest.raises(CmoError, match="part of configuration"), project.transaction() as tx:
        tx.remove_coding(c.id)


def test_audit_log_is_append_only(project):
    with pytest.raises(DbError, match="append-only"):
        project.conn.execute("UPDATE audit SET actor = 'mallory'")
    with pytest.raises(DbError, match="append-only"):
        project.conn.execute("DELETE FROM audit")
    if project.conn.is_postgres:
        with pytest.raises(DbError, match="append-only"):
            project.conn.execute("TRUNCATE audit")
    assert [e["action"] for e in project.audit_log()] == ["create"]


def test_migration_from_version_1_keeps_data(tmp_path, tiny_codebook):
    db = tmp_path / "old" / PROJECT_DB
    db.parent.mkdir()
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=1)
    conn.execute("INSERT INTO meta VALUES ('codebook', ?)", (tiny_codebook.model_dump_json(),))
    conn.execute("INSERT INTO programme_theories VALUES ('PT1', 't', 's', 0)")
    conn.execute("INSERT INTO transcripts VALUES ('t1', 't', 'plain_txt', 'transcript', 'abc def', ?, '1', "
                 "'signed_off', 1, 'x', 'x')", ("a" * 64,))
    conn.execute("INSERT INTO codings (id, transcript_id, start, \"end\", text, pt, stance, coder, created_at, "
                 "updated_at) VALUES ('c1', 't1', 0, 3, 'abc', 'PT1', 'supports', 'ann', "
                 "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Project.open(db.parent) as p:
        assert p.schema_version == LATEST
        assert p.coding("c1").origin.value == "manual"
        assert p.conn.execute("SELECT COUNT(*) FROM suggestions").fetchone()[0] == 0


def test_newer_schema_is_refused(tmp_path, tiny_codebook):
    Project.create(tmp_path / "s", tiny_codebook).close()
    conn = sqlite3.connect(tmp_path / "s" / PROJECT_DB)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(CmoError, match="newer than this cmo-coder understands"):
        Project.open(tmp_path / "s")


def test_project_never_stores_speaker_names(project):
    t = Transcript(id="t1", title="t", source_format="plain_txt", text="hi", source_sha256="b" * 64,
                   normaliser_version="1", turns=[Turn(speaker="P1", start=0, end=2, speaker_name="Jane Smith")])
    with project.transaction() as tx:
        tx.upsert_participant(Participant(label="P1", role="service_user"))
        tx.add_pending_transcript("t1", "t", t.source_format, t.kind, t.source_sha256, "1")
    with pytest.raises(CmoError, match="refusing to store speaker names"), project.transaction() as tx:
        tx.sign_off_transcript(t)
    assert project.transcript_status("t1") == "pending"
    with pytest.raises(CmoError, match="not signed off"):
        project.transcript("t1")


def test_secure_folder_and_project_may_not_nest(tmp_path, tiny_codebook):
    project = Project.create(tmp_path / "study", tiny_codebook)
    with pytest.raises(PrivacyError, match="must not be inside one another"):
        SecureFolder.open(project.path / "secure", project_path=project.path, create=True)
    with pytest.raises(PrivacyError, match="is a project folder"):
        SecureFolder.open(project.path, create=True)
    secure = SecureFolder.open(tmp_path / "secure", project_path=project.path, create=True)
    with pytest.raises(CmoError, match="inside a secure folder"):
        Project.create(secure.path / "study", project.codebook)
    (tmp_path / "random").mkdir()
    (tmp_path / "random" / "x.txt").write_text("x")
    with pytest.raises(CmoError, match="not a cmo-coder secure folder"):
        SecureFolder.open(tmp_path / "random")


def test_a_read_only_project_refuses_every_write(project):
    with Project.open(project.ref, read_only=True) as reader:
        assert reader.codebook == project.codebook
        with pytest.raises(CmoError, match="read-only"), reader.transaction() as tx:
            tx.set_meta("x", "y")
        with pytest.raises(DbError):
            reader.conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    assert project.meta("x") is None


def test_one_writer_at_a_time_and_a_waiting_writer_gives_up_in_one_line(project):
    with Project.open(project.ref) as other:
        other.conn.set_lock_timeout(200)
        with project.transaction("ann") as tx:
            tx.set_meta("held", "by ann")
            with pytest.raises(ProjectBusy, match="is writing to the project.*try again in a moment"), \
                    other.transaction("bob") as tx2:
                tx2.set_meta("held", "by bob")
        with other.transaction("bob") as tx2:  # once ann's change is committed, bob's goes through
            tx2.set_meta("after", "bob")
    assert project.meta("held") == "by ann" and project.meta("after") == "bob"
    assert [e["actor"] for e in project.audit_log()] == ["tester"]  # set_meta alone writes no audit entry


def test_another_writers_commit_is_noticed_but_not_ones_own(project):
    before = project.conn.data_version()
    with project.transaction() as tx:
        tx.set_meta("mine", "1")
    assert project.conn.data_version() == before
    with Project.open(project.ref) as other, other.transaction() as tx:
        tx.set_meta("theirs", "1")
    assert project.conn.data_version() != before


def _revision(path):
    conn = sqlite3.connect(path / PROJECT_DB)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] if "alembic_version" in tables \
            else None
        return rev, conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_a_project_from_before_alembic_is_stamped_and_upgraded_in_one_go(tmp_path, tiny_codebook):
    Project.create(tmp_path / "new", tiny_codebook).close()
    assert _revision(tmp_path / "new") == (f"v{LATEST}", LATEST)
    old = tmp_path / "old"
    old.mkdir()
    conn = sqlite3.connect(old / PROJECT_DB, isolation_level=None)
    migrate(conn, target=2)
    conn.execute("DROP TABLE alembic_version")  # as a project made before the migrations were Alembic's
    conn.execute("INSERT INTO meta VALUES ('codebook', ?)", (tiny_codebook.model_dump_json(),))
    conn.close()
    assert _revision(old) == (None, 2)
    with Project.open(old) as p:
        assert p.schema_version == LATEST and p.notes() == []
    assert _revision(old) == (f"v{LATEST}", LATEST)


def test_a_revision_this_code_does_not_know_is_refused_untouched(tmp_path, tiny_codebook):
    Project.create(tmp_path / "s", tiny_codebook).close()
    conn = sqlite3.connect(tmp_path / "s" / PROJECT_DB, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = 'v9_from_the_future'")
    conn.close()
    before = (tmp_path / "s" / PROJECT_DB).read_bytes()
    for read_only in (True, False):
        with pytest.raises(CmoError, match="made by a newer cmo-coder"):
            Project.open(tmp_path / "s", read_only=read_only)
    assert (tmp_path / "s" / PROJECT_DB).read_bytes() == before
