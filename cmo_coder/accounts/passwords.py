"""Password hashing: argon2id through argon2-cffi, with the same cost whether or not the user exists.

The hash string carries its own parameters, so raising the cost later (a new :data:`HASHER`)
needs no migration: :func:`needs_rehash` tells the sign-in to store a fresh hash the next time
the user signs in with the right password. :func:`check` of a password against no user at all
still verifies one argon2 hash (of a random password), so a wrong name takes as long as a wrong
password and the timing does not reveal which names exist.
"""

from __future__ import annotations

import secrets
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

#: argon2id with argon2-cffi's defaults (RFC 9106's low-memory profile: 3 passes over 64 MiB)
HASHER = PasswordHasher()

_dummy_lock = threading.Lock()
_dummy: dict[tuple[int, int, int], str] = {}


def hash_password(password: str) -> str:
    """The argon2id hash to store (salted: the same password hashes differently each time)."""
    return HASHER.hash(password)


def _dummy_hash() -> str:
    """A hash with the current parameters, of a password nobody knows: what an unknown name is checked against."""
    key = (HASHER.time_cost, HASHER.memory_cost, HASHER.parallelism)
    with _dummy_lock:
        if key not in _dummy:
            _dummy[key] = HASHER.hash(secrets.token_urlsafe(24))
        return _dummy[key]


def check(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; ``None`` (no such user) costs one verification and is False."""
    target = stored if stored is not None else _dummy_hash()
    try:
        HASHER.verify(target, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return stored is not None


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made with other parameters than :data:`HASHER`'s (or another algorithm)."""
    try:
        return HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True
