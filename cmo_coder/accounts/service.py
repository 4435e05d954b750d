"""Accounts of a team's workbench: add, list, disable, enable, change a password, verify a sign-in.

Users live in the project database (the ``users`` table), so whoever can change the project can
manage its accounts, and every change is one :class:`~cmo_coder.store.Tx` with its audit entry.
An audit entry names the user, the action and (for ``add``) the role; never a password or a hash.
A user's name is the coder name their codings carry.

The SQL is plain and portable (no engine-specific statements; booleans are 0/1), so it runs
unchanged on every engine the store supports.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .. import clock
from ..errors import CmoError, NotFound
from ..store import Project
from . import passwords

#: shorter passwords are refused: the server is reachable by a team, and names are not secret
MIN_PASSWORD = 12
#: longer ones too, so that a sign-in cannot be made to hash megabytes
MAX_PASSWORD = 1024
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class Role(StrEnum):
    """What a user may do; each role may do everything the roles below it may."""

    viewer = "viewer"
    coder = "coder"
    lead = "lead"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise CmoError(f"unknown role {text!r}: choose lead, coder or viewer") from None


class User(BaseModel):
    """A user as anyone may see them (no hash, no stamp): one item of ``users list --json``."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="The sign-in name, also the coder name on their codings.")
    role: Role = Field(description="lead, coder or viewer.")
    disabled: bool = Field(description="A disabled user cannot sign in.")
    created_at: str = Field(description="When the account was added (UTC, ISO 8601).")
    changed_at: str = Field(description="When its role, password or state last changed.")

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


@dataclass(frozen=True)
class Credentials:
    """What a sign-in checks: the stored hash, and the stamp a session must still match."""

    user: User
    password_hash: str
    stamp: str


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise CmoError(f"user name {name!r} is not allowed: use 1–64 letters, digits, '.', '_' or '-', "
                       "starting with a letter or digit (it becomes the coder name on their codings)")
    return name


def check_password(password: str, name: str) -> None:
    """Refuse passwords that are too short, too long, blank or the user's own name."""
    if len(password) < MIN_PASSWORD:
        raise CmoError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise CmoError(f"the password is too long: use at most {MAX_PASSWORD} characters")
    if not password.strip():
        raise CmoError("the password is only spaces")
    if password.strip().lower() == name.lower():
        raise CmoError("the password must not be the user's name")


def _user(row: Any) -> User:
    return User(name=row["name"], role=Role(row["role"]), disabled=bool(row["disabled"]),
                created_at=row["created_at"], changed_at=row["changed_at"])


_COLUMNS = "name, role, password_hash, disabled, stamp, created_at, changed_at"


def has_users(project: Project) -> bool:
    """Whether the project has any account (then the workbench requires signing in)."""
    return project.conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def list_users(project: Project) -> list[User]:
    rows = project.conn.execute(f"SELECT {_COLUMNS} FROM users ORDER BY name").fetchall()
    return [_user(r) for r in rows]


def credentials(project: Project, name: str, any_case: bool = False) -> Credentials | None:
    """The stored hash and stamp of ``name`` (exactly as spelt, or in any letter case), or None.

    Names are unique whatever their letter case (:func:`add_user`), so signing in as "Ann" finds "ann".
    """
    where = "LOWER(name) = LOWER(?)" if any_case else "name = ?"
    row = project.conn.execute(f"SELECT {_COLUMNS} FROM users WHERE {where}", (name,)).fetchone()
    if row is None:
        return None
    return Credentials(_user(row), row["password_hash"], row["stamp"])


def get_user(project: Project, name: str) -> User:
    found = credentials(project, name)
    if found is None:
        raise NotFound(f"no user {name!r} in {project.path} (see 'cmo-coder users list')")
    return found.user


def add_user(project: Project, name: str, role: Role, password: str, actor: str | None = None) -> User:
    """A new account; refused if the name (in any letter case) is taken or the password is weak."""
    check_name(name)
    check_password(password, name)
    hashed = passwords.hash_password(password)  # before the transaction: hashing takes a while
    now = clock.now_iso()
    with project.transaction(actor) as tx:
        clash = tx.conn.execute("SELECT name FROM users WHERE LOWER(name) = LOWER(?)", (name,)).fetchone()
        if clash is not None:
            raise CmoError(f"user {clash['name']!r} already exists in {project.path}"
                           + ("" if clash["name"] == name else f" (names differ only in letter case from {name!r})"))
        tx.conn.execute(
            f"INSERT INTO users ({_COLUMNS}) VALUES (?, ?, ?, 0, ?, ?, ?)",
            (name, role.value, hashed, secrets.token_urlsafe(16), now, now),
        )
        tx.audit("add", "user", name, {"role": role.value})
    return get_user(project, name)


def _change(project: Project, name: str, action: str, assignments: str, params: tuple[Any, ...],
            actor: str | None, detail: dict[str, Any] | None = None) -> User:
    """One change to one user: a new stamp (ending their sessions), the change time, an audit entry."""
    with project.transaction(actor) as tx:
        if tx.conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is None:
            raise NotFound(f"no user {name!r} in {project.path} (see 'cmo-coder users list')")
        tx.conn.execute(
            f"UPDATE users SET {assignments}, stamp = ?, changed_at = ? WHERE name = ?",
            (*params, secrets.token_urlsafe(16), clock.now_iso(), name),
        )
        tx.audit(action, "user", name, detail)
    return get_user(project, name)


def set_disabled(project: Project, name: str, disabled: bool, actor: str | None = None) -> User:
    """Disable (their sessions end at their next request) or enable an account; its codings stay theirs."""
    return _change(project, name, "disable" if disabled else "enable", "disabled = ?", (int(disabled),), actor)


def set_role(project: Project, name: str, role: Role, actor: str | None = None) -> User:
    """Give NAME another role; their sessions end, so the pages they see match it at once."""
    return _change(project, name, "role", "role = ?", (role.value,), actor, {"role": role.value})


def change_password(project: Project, name: str, password: str, actor: str | None = None) -> User:
    """A new password; every session the user had ends."""
    check_password(password, name)
    return _change(project, name, "passwd", "password_hash = ?", (passwords.hash_password(password),), actor)


def store_rehash(project: Project, name: str, old_hash: str, new_hash: str) -> None:
    """Replace a hash made with older parameters (same password, sessions kept): only if it is still ``old_hash``."""
    with project.transaction(name) as tx:
        row = tx.conn.execute("SELECT password_hash FROM users WHERE name = ?", (name,)).fetchone()
        if row is not None and row["password_hash"] == old_hash:  # not changed by 'users passwd' meanwhile
            tx.conn.execute("UPDATE users SET password_hash = ? WHERE name = ?", (new_hash, name))
            tx.audit("rehash", "user", name)


def verify(project: Project, name: str, password: str) -> User | None:
    """The user if ``name`` and ``password`` match an enabled account, else None (one answer for every failure).

    The time taken does not depend on whether the name exists or is disabled: a password is always
    checked against one argon2 hash. A hash made with older parameters is replaced by a new one.
    """
    found = credentials(project, name, any_case=True) if len(password) <= MAX_PASSWORD else None
    ok = passwords.check(found.password_hash if found else None, password[:MAX_PASSWORD])
    if not ok or found is None or found.user.disabled:
        return None
    if passwords.needs_rehash(found.password_hash):
        store_rehash(project, name, found.password_hash, passwords.hash_password(password))
    return found.user
