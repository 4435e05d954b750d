"""Shared by the accounts tests: cheap argon2 parameters, so a test can hash dozens of passwords."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher

from cmo_coder.accounts import passwords

#: argon2id still, at the smallest cost argon2-cffi accepts (the real cost is about 0.1–0.4 s a hash)
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(passwords, "HASHER", CHEAP)
    yield
