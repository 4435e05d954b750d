"""One store, two engines: copies between SQLite and PostgreSQL, `--db` / CMO_CODER_DB, and bad input.

A round trip SQLite → PostgreSQL → SQLite must be exact: the same rows in every table (ids, times,
audit numbers) and byte-identical exports. Every refusal is one line, exit 1, passwords masked, and
leaves both sides as they were.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.memo import service as memos
from cmo_coder.store import Project
from cmo_coder.store.copy import copy_project, dump
from cmo_coder.store.schema import LATEST
from cmo_coder.suggest import queue
from cmo_coder.suggest.records import Reason, Suggestion
from cmo_coder.theory import service as theory
from tests.pg_cluster import PASSWORD, PgCluster
from tests.study import make_study


def run(*args: object, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def one_line_refusal(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert PASSWORD not in result.output and "secret-pw" not in result.output
    return str(lines[0])


@pytest.fixture
def rich_study(tmp_path: Path, tiny_codebook) -> Path:  # type: ignore[no-untyped-def]
    """A SQLite project with every kind of row: codings, CMOCs, a revised PT, memos, a suggestion."""
    study = make_study(tmp_path / "study", tiny_codebook)
    p = study.project
    theory.revise(p, "PT1", statement="Joint assessment, with protected time, keeps people engaged.",
                  because="staff accounts (CMOC K1)", actor="lead")
    memos.add_memo(p, "Time, not trust, keeps coming back.", actor="lead")
    memos.add_memo(p, "Check the carer's account.", coding="c5", actor="alice")
    t = p.transcript("site-a-interview")
    quote = "It felt like a proper plan"
    start = t.text.index(quote)
    with p.transaction("suggester") as tx:
        queue.add(tx, [Suggestion(id="s1", transcript=t.id, start=start, end=start + len(quote), text=quote,
                                  component="mechanism_resource", pt="PT1", confidence=0.8125,
                                  reasons=[Reason(kind="pt", pt="PT1", score=0.5)])])
    p.close()
    return tmp_path / "study"


def _export(project: Path | str, out: Path) -> bytes:
    args = ["code", "export"] + ([str(project)] if isinstance(project, Path) else ["--db", project])
    result = run(*args, "--format", "jsonl", "--out", out, "--configurations", out.with_suffix(".cmocs.csv"))
    assert result.exit_code == 0, result.output
    return out.read_bytes() + out.with_suffix(".cmocs.csv").read_bytes()


def test_a_round_trip_through_postgresql_is_exact(rich_study: Path, pg_url: str, tmp_path: Path) -> None:
    with Project.open(rich_study, read_only=True) as p:
        before = dump(p.conn)
    assert len(before["audit"][1]) > 5 and before["suggestions"][1] and before["notes"][1]
    result = run("db", "copy", rich_study, pg_url)
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output and "***" in result.output
    with Project.open(pg_url, read_only=True) as p:
        assert p.conn.is_postgres and p.schema_version == LATEST
        assert dump(p.conn) == before
    back = tmp_path / "back"
    copy_project(pg_url, back)
    with Project.open(back, read_only=True) as p:
        assert dump(p.conn) == before
    first = _export(rich_study, tmp_path / "first.jsonl")
    assert first == _export(back, tmp_path / "back.jsonl") == _export(pg_url, tmp_path / "pg.jsonl")
    # the copied project goes on: new audit entries continue after the copied numbers, on both engines
    for where in (pg_url, back):
        with Project.open(where) as p, p.transaction("lead") as tx:
            tx.remove_configuration("K3")
        with Project.open(where, read_only=True) as p:
            seqs = [e["seq"] for e in p.audit_log()]
            assert seqs == sorted(set(seqs)) and seqs[-1] == len(before["audit"][1]) + 1


def test_init_and_every_command_take_db_or_the_environment(pg_url: str, tmp_path: Path) -> None:
    created = run("init", "--db", pg_url, "--codebook", "tiny")
    assert created.exit_code == 0, created.output
    assert PASSWORD not in created.output and "***" in created.output
    status = run("status", "--db", pg_url, "--json")
    assert status.exit_code == 0, status.output
    assert json.loads(status.output)["codebook"]["programme_theories"] == 2
    assert PASSWORD not in status.output
    as_argument = run("status", pg_url, "--json")
    assert json.loads(as_argument.output) == json.loads(status.output)
    by_env = run("theory", "show", "PT1", "--json", env={"CMO_CODER_DB": pg_url})
    assert by_env.exit_code == 0, by_env.output
    assert json.loads(by_env.output)
    memo = run("memo", "add", "--text", "A memo in the shared database.", env={"CMO_CODER_DB": pg_url})
    assert memo.exit_code == 0, memo.output
    db_status = run("db", "status", "--db", pg_url, "--json")
    assert json.loads(db_status.output)["engine"] == "postgresql"
    assert PASSWORD not in db_status.output
    # a folder given as PROJECT wins over the environment
    assert run("init", tmp_path / "own", "--codebook", "tiny").exit_code == 0
    own = run("status", tmp_path / "own", "--json", env={"CMO_CODER_DB": pg_url})
    assert json.loads(own.output)["project"] == str(tmp_path / "own")
    both = run("status", tmp_path / "own", "--db", pg_url)
    assert "not both" in one_line_refusal(both)


def _tables(cluster: PgCluster, url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")]


def test_bad_urls_are_one_line_and_change_nothing(pg_cluster: PgCluster, pg_url: str, tmp_path: Path) -> None:
    unreachable = f"postgresql://cmo:secret-pw@127.0.0.1:{_closed_port()}/x"
    assert "cannot be reached" in one_line_refusal(run("status", "--db", unreachable))
    wrong = pg_url.replace(PASSWORD, "secret-pw")
    assert "wrong user name or password" in one_line_refusal(run("init", "--db", wrong, "--codebook", "tiny"))
    assert _tables(pg_cluster, pg_url) == []
    assert "unknown database scheme 'mysql'" in one_line_refusal(run("status", "--db", "mysql://u:secret-pw@h/x"))
    assert "no such database" in one_line_refusal(run("status", "--db", pg_url + "_missing"))
    # a whole URL pasted where the database name goes: the server's message quotes it, password and all
    pasted = pg_url.rsplit("/", 1)[0] + "/" + pg_url.replace(":", "%3A").replace("/", "%2F").replace("@", "%40")
    assert "no such database" in one_line_refusal(run("status", "--db", pasted))


def test_a_database_that_is_not_a_project_is_refused(pg_cluster: PgCluster, pg_url: str) -> None:
    assert "empty database, but not a cmo-coder project" in one_line_refusal(run("status", "--db", pg_url))
    pg_cluster.admin_in(pg_url, "CREATE TABLE other (x INTEGER)")
    assert "not a cmo-coder project" in one_line_refusal(run("code", "list", "--db", pg_url))
    assert "not empty" in one_line_refusal(run("init", "--db", pg_url, "--codebook", "tiny"))
    assert _tables(pg_cluster, pg_url) == ["other"]


def test_a_newer_schema_is_refused_untouched(pg_cluster: PgCluster, pg_url: str) -> None:
    assert run("init", "--db", pg_url, "--codebook", "tiny").exit_code == 0
    pg_cluster.admin_in(pg_url, f"UPDATE schema_version SET version = {LATEST + 1}")
    before = pg_cluster.rows_in(pg_url, "SELECT COUNT(*) FROM audit")
    for args in (["status"], ["memo", "add", "--text", "x"]):
        assert "made by a newer cmo-coder" in one_line_refusal(run(*args, "--db", pg_url))
    assert pg_cluster.rows_in(pg_url, "SELECT COUNT(*) FROM audit") == before


def test_a_copy_onto_a_non_empty_target_is_refused(rich_study: Path, pg_cluster: PgCluster, pg_url: str,
                                                     tmp_path: Path) -> None:
    pg_cluster.admin_in(pg_url, "CREATE TABLE other (x INTEGER)")
    assert "not empty" in one_line_refusal(run("db", "copy", rich_study, pg_url))
    assert _tables(pg_cluster, pg_url) == ["other"]
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "mine.txt").write_text("mine")
    assert "not an empty folder" in one_line_refusal(run("db", "copy", rich_study, taken))
    assert [p.name for p in taken.iterdir()] == ["mine.txt"]
    assert "same project" in one_line_refusal(run("db", "copy", rich_study, rich_study))


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])



def test_an_unknown_revision_on_postgresql_is_refused(pg_cluster: PgCluster, pg_url: str) -> None:
    assert run("init", "--db", pg_url, "--codebook", "tiny").exit_code == 0
    pg_cluster.admin_in(pg_url, "UPDATE alembic_version SET version_num = 'v9_from_the_future'")
    assert "made by a newer cmo-coder" in one_line_refusal(run("status", "--db", pg_url))


def test_both_engines_hold_the_same_tables_and_columns_in_the_same_order(
        pg_url: str, tmp_path: Path, tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    """The PostgreSQL schema is written out by hand beside the SQLite migrations: a step added to one
    and not the other (the users table once was) must fail here, not in a team's copy."""
    make_study(tmp_path / "study", tiny_codebook).project.close()

    def layout(ref: Path | str) -> dict[str, list[str]]:
        with Project.open(ref, read_only=True) as p:
            names = [t for t in p.conn.table_names()
                     if t not in {"alembic_version", "schema_version", "change_counter", "sqlite_sequence"}]
            return {t: _columns(p, t) for t in sorted(names)}

    assert run("db", "copy", tmp_path / "study", pg_url).exit_code == 0
    sqlite, postgres = layout(tmp_path / "study"), layout(pg_url)
    assert sqlite.keys() == postgres.keys()
    for table, columns in sqlite.items():
        assert [c for c in postgres[table] if c != "rowid"] == columns, table


def _columns(p: Project, table: str) -> list[str]:
    if p.conn.is_postgres:
        rows = p.conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                              "AND table_schema = current_schema() ORDER BY ordinal_position", (table,))
        return [r[0] for r in rows]
    return [r[1] for r in p.conn.execute(f'PRAGMA table_info("{table}")')]
