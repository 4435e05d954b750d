"""Accounts in the project database: the service, its audit entries, and the ``users`` commands."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from cmo_coder.accounts import passwords, service
from cmo_coder.accounts.service import Role
from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError, NotFound
from cmo_coder.model import Codebook
from cmo_coder.store import Project
from cmo_coder.store.schema import migrate
from tests.accounts_support import cheap_hashing  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("cheap_hashing")

GOOD = "correct horse battery"


def _users_rows(project: Project) -> list[dict[str, object]]:
    return [dict(r) for r in project.conn.execute("SELECT * FROM users ORDER BY name")]


def test_add_list_and_verify(project: Project) -> None:
    user = service.add_user(project, "ann", Role.lead, GOOD, actor="admin")
    assert (user.name, user.role, user.disabled) == ("ann", Role.lead, False)
    service.add_user(project, "bob", Role.viewer, "another long password")
    assert [(u.name, u.role) for u in service.list_users(project)] == [("ann", Role.lead), ("bob", Role.viewer)]
    assert service.verify(project, "ann", GOOD) == service.get_user(project, "ann")
    for name, password in [("ann", GOOD + "!"), ("ann", ""), ("nobody", GOOD), ("Ann", GOOD + "!")]:
        assert service.verify(project, name, password) is None
    assert service.verify(project, "ANN", GOOD) == service.get_user(project, "ann")  # names are unique in any case
    stored = _users_rows(project)[0]["password_hash"]
    assert isinstance(stored, str) and stored.startswith("$argon2id$") and GOOD not in stored


def test_the_audit_log_names_user_changes_but_never_a_password_or_hash(project: Project) -> None:
    service.add_user(project, "ann", Role.coder, GOOD, actor="admin")
    service.change_password(project, "ann", "a different long one", actor="admin")
    service.set_disabled(project, "ann", True, actor="admin")
    service.set_disabled(project, "ann", False, actor="admin")
    entries = [e for e in project.audit_log() if e["entity"] == "user"]
    assert [(e["action"], e["entity_id"], e["actor"]) for e in entries] == [
        ("add", "ann", "admin"), ("passwd", "ann", "admin"), ("disable", "ann", "admin"), ("enable", "ann", "admin")]
    dump = json.dumps(project.audit_log())
    assert GOOD not in dump and "a different long one" not in dump and "$argon2" not in dump


def test_disabled_users_and_changed_passwords(project: Project) -> None:
    service.add_user(project, "ann", Role.coder, GOOD)
    stamp = service.credentials(project, "ann").stamp  # type: ignore[union-attr]
    service.set_disabled(project, "ann", True)
    assert service.verify(project, "ann", GOOD) is None
    disabled_stamp = service.credentials(project, "ann").stamp  # type: ignore[union-attr]
    assert disabled_stamp != stamp
    service.set_disabled(project, "ann", False)
    assert service.verify(project, "ann", GOOD) is not None
    service.change_password(project, "ann", "brand new passphrase")
    assert service.verify(project, "ann", GOOD) is None
    assert service.verify(project, "ann", "brand new passphrase") is not None
    assert service.credentials(project, "ann").stamp not in (stamp, disabled_stamp)  # type: ignore[union-attr]


@pytest.mark.parametrize("name,password,message", [
    ("ann", "short", "too short"),
    ("ann", " " * 20, "only spaces"),
    ("annabelle-smith", "Annabelle-Smith", "must not be the user's name"),
    ("ann", "x" * 2000, "too long"),
    ("ann lee", GOOD, "not allowed"),
    ("-ann", GOOD, "not allowed"),
    ("", GOOD, "not allowed"),
])
def test_bad_names_and_passwords_are_refused_and_nothing_is_stored(project: Project, name: str, password: str,
                                                                   message: str) -> None:
    before = project.audit_log()
    with pytest.raises(CmoError, match=message):
        service.add_user(project, name, Role.coder, password)
    assert _users_rows(project) == [] and project.audit_log() == before


def test_a_name_taken_in_another_letter_case_is_refused(project: Project) -> None:
    service.add_user(project, "Ann", Role.coder, GOOD)
    with pytest.raises(CmoError, match="already exists"):
        service.add_user(project, "ann", Role.lead, GOOD)
    assert [u.name for u in service.list_users(project)] == ["Ann"]


def test_unknown_users_cannot_be_changed(project: Project) -> None:
    with pytest.raises(NotFound, match="no user 'zed'"):
        service.set_disabled(project, "zed", True)
    with pytest.raises(NotFound, match="no user 'zed'"):
        service.change_password(project, "zed", GOOD)


def test_a_hash_made_with_other_parameters_is_replaced_at_the_next_sign_in(project: Project,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    service.add_user(project, "ann", Role.coder, GOOD)
    old = service.credentials(project, "ann").password_hash  # type: ignore[union-attr]
    stamp = service.credentials(project, "ann").stamp  # type: ignore[union-attr]
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    assert passwords.needs_rehash(old)
    assert service.verify(project, "ann", "wrong password here") is None
    assert service.credentials(project, "ann").password_hash == old  # type: ignore[union-attr]
    assert service.verify(project, "ann", GOOD) is not None
    new = service.credentials(project, "ann")
    assert new is not None and new.password_hash != old and "t=2" in new.password_hash
    assert new.stamp == stamp  # the same password: sessions go on
    assert not passwords.needs_rehash(new.password_hash)
    assert service.verify(project, "ann", GOOD) is not None
    assert [e["action"] for e in project.audit_log() if e["entity"] == "user"] == ["add", "rehash"]


def test_an_unknown_name_costs_a_hash_check_like_a_known_one(project: Project,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure path for an unknown (or disabled) user verifies a hash too: its time tells nothing."""
    calls: list[str] = []
    real = passwords.HASHER

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002
            calls.append(str(hash)[:10])
            return real.verify(hash, password)

    monkeypatch.setattr(passwords, "HASHER", Counting(time_cost=1, memory_cost=8, parallelism=1))
    service.add_user(project, "ann", Role.coder, GOOD)
    service.add_user(project, "off", Role.coder, GOOD)
    service.set_disabled(project, "off", True)
    for name in ("ann", "nobody", "off"):
        calls.clear()
        service.verify(project, name, "wrong password here")
        assert len(calls) == 1, name
    calls.clear()
    assert service.verify(project, "off", GOOD) is None and len(calls) == 1


def test_real_argon2_parameters_take_similar_time_for_known_and_unknown_names(tmp_path: Path,
                                                                            tiny_codebook: Codebook,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """At the real cost, a wrong name and a wrong password each cost one full verification."""
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=2, memory_cost=4096, parallelism=1))
    with Project.create(tmp_path / "p", tiny_codebook) as p:
        service.add_user(p, "ann", Role.coder, GOOD)
        service.verify(p, "nobody", "warm up the dummy hash")

        def timed(name: str) -> float:
            t = time.perf_counter()
            for _ in range(5):
                service.verify(p, name, "wrong password here")
            return time.perf_counter() - t

        known, unknown = timed("ann"), timed("nobody")
    assert 0.25 < unknown / known < 4  # generous: the machine is shared; the counting test above is exact


def test_the_users_table_arrives_as_step_5_and_an_older_project_gets_it(tmp_path: Path,
                                                                       tiny_codebook: Codebook) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    migrate(conn, target=4)
    assert "users" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert migrate(conn) == 4
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    columns = [r[1] for r in conn.execute("PRAGMA table_info(users)")]
    assert columns == ["name", "role", "password_hash", "disabled", "stamp", "created_at", "changed_at"]
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO users VALUES ('a', 'admin', 'h', 0, 's', 't', 't')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO users VALUES ('a', 'lead', 'h', 2, 's', 't', 't')")


# -- the command line ------------------------------------------------------------------------------


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args), input=stdin)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def folder(tmp_path: Path, tiny_codebook: Codebook) -> Path:
    path = tmp_path / "study"
    Project.create(path, tiny_codebook, actor="tester").close()
    return path


def test_cli_add_from_a_prompt_with_confirmation(folder: Path) -> None:
    code, out, err = run("users", "add", str(folder), "ann", "--role", "lead", stdin=f"{GOOD}\n{GOOD}\n")
    assert code == 0, err
    assert "added ann (lead)" in out and GOOD not in out
    code, out, err = run("users", "add", str(folder), "bob", "--role", "coder",
                         stdin=f"{GOOD}\nsomething else entirely\n")
    assert code == 1 and "do not match" in out + err
    with Project.open(folder) as p:
        assert [u.name for u in service.list_users(p)] == ["ann"]
        assert service.verify(p, "ann", GOOD) is not None


def test_cli_password_stdin_list_json_disable_enable_passwd(folder: Path) -> None:
    assert run("users", "add", str(folder), "cat", "--role", "viewer", "--password-stdin", stdin=GOOD + "\n")[0] == 0
    assert run("users", "add", str(folder), "ann", "--role", "coder", "--password-stdin", stdin=GOOD)[0] == 0
    code, out, _ = run("users", "list", str(folder), "--json")
    listed = json.loads(out)
    assert code == 0 and [(u["name"], u["role"], u["disabled"]) for u in listed] == [
        ("ann", "coder", False), ("cat", "viewer", False)]
    assert set(listed[0]) == {"name", "role", "disabled", "created_at", "changed_at"}
    assert run("users", "disable", str(folder), "ann") == (0, "disabled ann\n", "")
    code, out, _ = run("users", "list", str(folder))
    assert code == 0 and "ann\tcoder\tdisabled" in out
    assert run("users", "enable", str(folder), "ann")[0] == 0
    assert run("users", "role", str(folder), "cat", "--role", "coder") == (
        0, "cat is now a coder; their sessions have ended\n", "")
    with Project.open(folder) as p:
        assert service.get_user(p, "cat").role is Role.coder
        assert [(e["action"], json.loads(e["detail"]) if isinstance(e["detail"], str) else e["detail"])
                for e in p.audit_log() if e["entity_id"] == "cat"][-1] == ("role", {"role": "coder"})
    code, out, _ = run("users", "passwd", str(folder), "ann", "--password-stdin", stdin="the new pass phrase\n")
    assert code == 0 and "sessions have ended" in out
    with Project.open(folder) as p:
        assert service.verify(p, "ann", "the new pass phrase") is not None


@pytest.mark.parametrize("args,stdin,message", [
    (["users", "add", "{p}", "ann", "--role", "boss"], None, "'boss' is not one of"),
    (["users", "add", "{p}", "ann", "--role", "coder", "--password-stdin"], "short\n", "too short"),
    (["users", "add", "{p}", "ann", "--role", "coder", "--password-stdin"], "", "holds no password"),
    (["users", "add", "{p}", "a b", "--role", "coder", "--password-stdin"], GOOD, "not allowed"),
    (["users", "add", "{p}", "ann", "--role", "coder", "--password", GOOD], None, "No such option"),
    (["users", "disable", "{p}", "zed"], None, "no user 'zed'"),
    (["users", "role", "{p}", "zed", "--role", "lead"], None, "no user 'zed'"),
    (["users", "passwd", "{p}", "zed", "--password-stdin"], GOOD, "no user 'zed'"),
    (["users", "list", "{p}/nothing-here"], None, "not a cmo-coder project"),
])
def test_cli_bad_input_is_one_line_exit_1_nothing_changed(folder: Path, args: list[str], stdin: str | None,
                                                         message: str) -> None:
    with Project.open(folder) as p:
        before = p.audit_log()
    code, out, err = run(*[a.replace("{p}", str(folder)) for a in args], stdin=stdin)
    assert code == 1, out + err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    with Project.open(folder) as p:
        assert p.audit_log() == before and service.list_users(p) == []


def test_cli_adding_an_existing_user_fails_before_the_prompt(folder: Path) -> None:
    assert run("users", "add", str(folder), "ann", "--role", "coder", "--password-stdin", stdin=GOOD)[0] == 0
    code, out, err = run("users", "add", str(folder), "ann", "--role", "lead")
    assert code == 1 and "already exists" in err and "Password" not in out
