"""A project database edited by hand or damaged: one clear error naming the project, table and row, never a traceback,
and never a sign-off on damaged rows (cmo_coder/store/rows.py, the schema check in cmo_coder/store/schema.py).

Before: a participant's attributes cut short gave "internal error: JSONDecodeError" from ``show``, ``export`` and
``matrix`` and stopped ``review --sign-off`` the same way; a turn's offset beyond the text or a codebook cut short gave
"invalid input" naming no table; an emptied schema revision table failed as "table alembic_version already exists";
two revisions let whichever SQLite read first decide the upgrade; a revision newer than the code named no project.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from study import add_signed_off

from cmo_coder import codebook as codebook_io
from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.model import Coding
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project
from cmo_coder.store.rows import DamagedRow, json_cell
from cmo_coder.store.secure import PROJECT_DB
from cmo_coder.suggest import queue
from cmo_coder.theory import store as theory_store

REPO = Path(__file__).resolve().parent.parent
SAID = "We never had a joint assessment before the pathway came in."


def _study(tmp_path: Path) -> Path:
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    path = tmp_path / "study"
    project = Project.create(path, codebook, actor="tester")
    try:
        t = add_signed_off(project, "t1", [("SP1", "staff", "A", SAID), ("P2", "carer", "B", "It helped my son.")])
        start = t.text.index("joint assessment")
        with project.transaction("ann") as tx:
            tx.add_coding(Coding(id="c1", transcript_id="t1", start=start, end=start + 16, text="joint assessment",
                                 pt="PT1", coder="ann"))
    finally:
        project.close()
    return path


def _edit(path: Path, sql: str) -> None:
    """``sql`` run on the project's file as another tool would, past the schema's CHECK constraints."""
    conn = sqlite3.connect(path / PROJECT_DB)
    try:
        conn.executescript("PRAGMA ignore_check_constraints = ON;\n" + sql)
    finally:
        conn.close()


READERS: dict[str, Callable[[Project], object]] = {
    "participants": lambda p: p.participants(),
    "transcript": lambda p: p.transcript("t1"),
    "speaker": lambda p: p.speaker_at("t1", 3),
    "codings": lambda p: p.codings(),
    "codebook": lambda p: p.codebook,
    "audit": lambda p: p.audit_log(),
    "versions": lambda p: theory_store.all_versions(p),
    "status": lambda p: p.status(),
}

DAMAGE = [
    # (what, SQL, reader, table and row the error must name)
    ("attributes cut short", "UPDATE participants SET attributes = '{\"team\": \"res' WHERE label = 'SP1'",
     "participants", ("participants", "'SP1'", "attributes")),
    ("attributes a list", "UPDATE participants SET attributes = '[1, 2]' WHERE label = 'SP1'",
     "speaker", ("participants", "'SP1'", "not an object")),
    ("attributes null", "UPDATE participants SET attributes = 'null' WHERE label = 'P2'",
     "participants", ("participants", "'P2'", "null")),
    ("attributes of numbers", "UPDATE participants SET attributes = '{\"team\": 5}' WHERE label = 'P2'",
     "participants", ("participants", "'P2'", "refuses")),
    ("a role no one has", "UPDATE participants SET role = 'wizard' WHERE label = 'P2'",
     "participants", ("participants", "'P2'", "role")),
    ("flags cut short", "UPDATE turns SET flags = '[\"no_sp' WHERE position = 1", "transcript",
     ("turns", "'t1 turn 1'", "flags")),
    ("flags an object", "UPDATE turns SET flags = '{}' WHERE position = 0", "transcript",
     ("turns", "'t1 turn 0'", "not a list")),
    ("a turn past the text", "UPDATE turns SET \"end\" = 99999 WHERE position = 1", "transcript",
     ("transcripts", "'t1'", "beyond the text")),
    ("a coding's date", "UPDATE codings SET created_at = 'yesterday' WHERE id = 'c1'", "codings",
     ("codings", "'c1'", "cannot be read")),
    ("a coding's stance", "UPDATE codings SET stance = 'maybe' WHERE id = 'c1'", "codings",
     ("codings", "'c1'", "stance")),
    # found by the fuzz target below: a count under a programme theory or stance the codebook lacks
    ("a coding's theory, counted", "UPDATE codings SET pt = 0 WHERE id = 'c1'", "status",
     ("codings", "'c1'", "programme theory '0'")),
    ("a coding's stance, counted", "UPDATE codings SET stance = 'codings' WHERE id = 'c1'", "status",
     ("codings", "'c1'", "stance 'codings'")),
    ("codebook cut short", "UPDATE meta SET value = substr(value, 1, 40) WHERE key = 'codebook'", "codebook",
     ("meta", "'codebook'", "refuses")),
    ("audit detail cut", "DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{\"a' WHERE seq = 1", "audit",
     ("audit", "'seq 1'", "detail")),
    ("elements cut short", "UPDATE pt_versions SET elements = '[{' WHERE pt = 'PT1'", "versions",
     ("pt_versions", "'PT1 version 1'", "elements")),
    ("moves a list", "UPDATE pt_versions SET moves = '[]' WHERE pt = 'PT1'", "versions",
     ("pt_versions", "'PT1 version 1'", "moves")),
]


@pytest.mark.parametrize(("what", "sql", "reader", "named"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_a_damaged_row_is_named_by_project_table_and_row(tmp_path: Path, what: str, sql: str, reader: str,
                                                         named: tuple[str, str, str]) -> None:
    path = _study(tmp_path)
    with Project.open(path) as project:
        READERS[reader](project)  # whole: read without complaint
    _edit(path, sql)
    with Project.open(path) as project, pytest.raises(DamagedRow) as err:
        READERS[reader](project)
    message = str(err.value)
    table, row, detail = named
    assert message.startswith(f"{path}: table {table}, row {row}: "), message
    assert detail in message and "restore project.sqlite from a backup" in message and "\n" not in message


@pytest.mark.parametrize(("argv", "sql"), [
    (["show", "{p}", "t1"], "UPDATE participants SET attributes = '{' WHERE label = 'SP1'"),
    (["matrix", "{p}", "--by", "role", "--out", "{t}/m.csv"], "UPDATE participants SET attributes = '{' "
                                                                "WHERE label = 'SP1'"),
    (["status", "{p}"], "UPDATE meta SET value = '{\"name\": ' WHERE key = 'codebook'"),
    (["show", "{p}", "t1"], "UPDATE turns SET flags = '[' WHERE position = 0"),
    (["theory", "history", "{p}", "PT1"], "UPDATE pt_versions SET evidence = '\"c1\"' WHERE pt = 'PT1'"),
])
def test_commands_refuse_a_damaged_row_in_one_line(tmp_path: Path, argv: list[str], sql: str) -> None:
    path = _study(tmp_path)
    _edit(path, sql)
    done = CliRunner().invoke(cli, [a.format(p=path, t=tmp_path) for a in argv])
    assert done.exit_code == 1, done.output
    lines = [line for line in done.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "table " in lines[0] and str(path) in lines[0], done.output
    assert "internal error" not in done.output and "Traceback" not in done.output


def test_a_damaged_suggestion_row_is_named(tmp_path: Path) -> None:
    path = _study(tmp_path)
    _edit(path, "INSERT INTO suggestions (id, transcript_id, start, \"end\", text, component, pt, confidence, "
                "reasons, status, created_at) VALUES ('s1', 't1', 0, 5, 'We ne', 'context', 'PT1', 0.5, '[{\"k', "
                "'pending', '2026-01-01T00:00:00Z')")
    with Project.open(path) as project, pytest.raises(DamagedRow, match=r"table suggestions, row 's1': column "
                                                                         r"reasons is not valid JSON"):
        queue.listing(project)


def test_json_cell_refuses_what_json_reads_badly() -> None:
    for value, why in (("{", "not valid JSON"), ("[" * 100_000, "not valid JSON"), (None, "holds NoneType"),
                       (b"{}", "holds bytes"), ("5", "a JSON number"), ('"x"', "a JSON string"), ("true", "true")):
        with pytest.raises(DamagedRow, match=why):
            json_cell(value, dict, where="p", table="t", row="r", column="c")
    assert json_cell('{"a": 1}', dict, where="p", table="t", row="r", column="c") == {"a": 1}
    long_row = "x" * 500 + "\n"
    with pytest.raises(DamagedRow) as err:
        json_cell("{", dict, where="p", table="t", row=long_row, column="c")
    assert len(str(err.value)) < 400 and "\n" not in str(err.value)


def test_no_sign_off_on_a_damaged_participant_row(tmp_path: Path) -> None:
    """The participant's row is read by ``anonymise`` (its attributes are checked for registered names) and
    inside the sign-off's transaction (to be brought up to date): both refuse, naming the table and the row, and
    the transcript stays pending with no turn and no text in the project."""
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    project = Project.create(tmp_path / "study", codebook, actor="tester")
    sf = secure_folder(tmp_path, [KeyEntry(label="P1", name="Rosalind Pettifer", role="service_user", site="A")])
    add_pending(project, sf, "t1", [("P1", "Rosalind Pettifer", "Rosalind here, I saw the nurse on Monday.")])
    project.close()
    runner = CliRunner()
    done = runner.invoke(cli, ["anonymise", str(tmp_path / "study"), "--secure", str(sf.path)])
    assert done.exit_code == 0, done.output
    _edit(tmp_path / "study", "INSERT INTO participants (label, role, site, attributes, provisional) "
                              "VALUES ('P1', 'service_user', 'A', '{\"team', 0)")
    done = runner.invoke(cli, ["review", str(tmp_path / "study"), "--secure", str(sf.path), "--accept-all",
                               "--sign-off"])
    assert done.exit_code == 1 and "table participants, row 'P1'" in done.output, done.output
    assert "internal error" not in done.output
    done = runner.invoke(cli, ["anonymise", str(tmp_path / "study"), "--secure", str(sf.path)])
    assert done.exit_code == 1 and "table participants, row 'P1'" in done.output, done.output
    assert "internal error" not in done.output
    conn = sqlite3.connect(tmp_path / "study" / PROJECT_DB)
    try:
        assert conn.execute("SELECT status, text FROM transcripts WHERE id = 't1'").fetchone() == ("pending", None)
        assert conn.execute("SELECT COUNT(*) FROM turns").fetchone() == (0,)
    finally:
        conn.close()


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE alembic_version SET version_num = 'v99'", "made by a newer cmo-coder: this project's schema is at "
                                                       "revision 'v99'"),
    ("PRAGMA user_version = 99", "made by a newer cmo-coder: this project uses schema version 99"),
    ("DELETE FROM alembic_version", "the schema revision table (alembic_version) is empty"),
    ("INSERT INTO alembic_version VALUES ('v4')", "records 2 revisions ('v4', 'v5'), not one"),
    ("UPDATE alembic_version SET version_num = 'v3'", "records 'v3', older than the schema's version 5"),
])
def test_a_schema_revision_edited_by_hand_is_refused_naming_the_project(tmp_path: Path, sql: str,
                                                                          message: str) -> None:
    path = _study(tmp_path)
    _edit(path, sql)
    before = (path / PROJECT_DB).read_bytes()
    for read_only in (None, True):
        with pytest.raises(CmoError) as err:
            Project.open(path, read_only=read_only)
        assert str(err.value).startswith(f"{path / PROJECT_DB}: ") and message in str(err.value), str(err.value)
    done = CliRunner().invoke(cli, ["memo", "add", str(path), "--text", "a memo"])
    assert done.exit_code == 1 and message in done.output and "internal error" not in done.output
    assert (path / PROJECT_DB).read_bytes() == before


def test_an_older_user_version_under_the_newest_revision_is_brought_in_step(tmp_path: Path) -> None:
    """The revision decides (migrations write both in one transaction; older code read only the number)."""
    path = _study(tmp_path)
    _edit(path, "PRAGMA user_version = 3")
    with Project.open(path) as project:
        assert project.schema_version == 5


# -- the fuzz target: any cell of any row typed over ------------------------------------------------------------

import shutil  # noqa: E402

from fuzzing import fuzz_settings  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TABLES = ("participants", "turns", "transcripts", "codings", "meta", "audit", "pt_versions", "programme_theories",
           "elements")
_VALUES = st.one_of(
    st.none(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=True), st.binary(max_size=20),
    st.text(max_size=30), st.sampled_from(["{", "[", "[{", '{"a": 1}', "[1, 2]", "null", '"x"', "true", "1e999",
                                           "[" * 5000, "yesterday", "2026-13-45T00:00:00Z", "\u202e", "\x00"]),
)


@pytest.fixture(scope="module")
def whole_study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _study(tmp_path_factory.mktemp("whole"))


def _every_read(project: Project) -> None:
    project.participants()
    project.transcript_summaries()
    for tid in project.transcript_ids(status="signed_off"):
        t = project.transcript(tid)
        for turn in t.turns:
            assert 0 <= turn.start <= turn.end <= len(t.text)
        project.speakers_at(tid, range(0, len(t.text), 7))
    project.codings()
    project.configurations()
    project.notes()
    project.audit_log()
    project.status()
    theory_store.all_versions(project)
    queue.listing(project)


@pytest.mark.fuzz
@fuzz_settings(40)
@given(edits=st.lists(st.tuples(st.sampled_from(_TABLES), st.integers(0, 50), st.integers(0, 20), _VALUES),
                      min_size=1, max_size=3))
def test_fuzz_hand_edited_rows(whole_study: Path, tmp_path_factory: pytest.TempPathFactory,
                               edits: list[tuple[str, int, int, object]]) -> None:
    """Cells typed over with anything: every read works or is one CmoError, never another exception."""
    path = tmp_path_factory.mktemp("edited") / "study"
    shutil.copytree(whole_study, path)
    conn = sqlite3.connect(path / PROJECT_DB)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for table in ("audit",):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        for table, row, column, value in edits:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
            if not rowids:
                continue
            try:
                conn.execute(f'UPDATE {table} SET "{columns[column % len(columns)]}" = ? WHERE rowid = ?',
                             (value, rowids[row % len(rowids)]))
            except (sqlite3.IntegrityError, OverflowError):
                continue  # NOT NULL, a key or a trigger: SQLite itself refused the edit
        conn.commit()
    finally:
        conn.close()
    try:
        with Project.open(path) as project:
            _every_read(project)
    except CmoError:
        pass  # refused, as a damaged project must be; any other exception fails the target
