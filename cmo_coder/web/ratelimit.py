"""Failed sign-ins slow down guessing: per name and per client address, with growing lock-outs.

After ``free`` failures within ``window`` seconds, a name (or address) is locked for ``base``
seconds, doubling with each further failure up to ``cap``. Unknown names are counted like known
ones, so the lock-out says nothing about which names exist. A correct password during a lock-out
is refused like a wrong one (it is not even checked), so guessing cannot go on quietly. A
successful sign-in clears its name's count, not its address's (one's own account must not reset
a count built up by guessing others'). Kept in memory, bounded, safe across threads.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Policy:
    free: int  # failures allowed before a lock-out
    window: float = 15 * 60  # seconds a failure is remembered
    base: float = 60  # first lock-out, seconds
    cap: float = 15 * 60  # longest lock-out, seconds


#: a person mistyping their own password a few times; a team behind one address (a NAT, an office)
PER_NAME = Policy(free=5)
PER_ADDRESS = Policy(free=20)
MAX_KEYS = 10_000


@dataclass
class _Record:
    failures: list[float] = field(default_factory=list)
    locked_until: float = 0.0


class LoginLimiter:
    def __init__(self, per_name: Policy = PER_NAME, per_address: Policy = PER_ADDRESS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.policies = {"name": per_name, "address": per_address}
        self.clock = clock
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], _Record] = {}

    @staticmethod
    def _keys(name: str, address: str) -> list[tuple[str, str]]:
        return [("name", name.strip().lower()[:128]), ("address", address)]

    def wait(self, name: str, address: str) -> float:
        """Seconds until ``name`` from ``address`` may try again (0: now)."""
        now = self.clock()
        with self._lock:
            waits = [r.locked_until - now for k in self._keys(name, address) if (r := self._records.get(k))]
        return max([0.0, *waits])

    def failed(self, name: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._records) >= MAX_KEYS:
                self._forget_old(now)
            for key in self._keys(name, address):
                policy = self.policies[key[0]]
                record = self._records.setdefault(key, _Record())
                record.failures = [t for t in record.failures if now - t < policy.window] + [now]
                over = len(record.failures) - policy.free
                if over > 0:
                    record.locked_until = now + min(policy.cap, policy.base * 2 ** (over - 1))

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._records.pop(("name", name.strip().lower()[:128]), None)

    def _forget_old(self, now: float) -> None:
        horizon = max(p.window for p in self.policies.values())
        stale = [k for k, r in self._records.items()
                 if r.locked_until <= now and all(now - t >= horizon for t in r.failures)]
        for key in stale:
            del self._records[key]
        if len(self._records) >= MAX_KEYS:  # under a flood: keep the locked ones, drop the oldest others
            unlocked = sorted((k for k, r in self._records.items() if r.locked_until <= now),
                              key=lambda k: max(self._records[k].failures, default=0.0))
            for key in unlocked[: len(self._records) - MAX_KEYS + 1]:
                del self._records[key]


def minutes(seconds: float) -> str:
    """A wait as a person reads it: "1 minute", "4 minutes"."""
    n = max(1, math.ceil(seconds / 60))
    return f"{n} minute{'s' if n != 1 else ''}"
